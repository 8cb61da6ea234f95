"""The decision document shows what was answered: unanswered questions and empty rows are left
out unless asked for (issue 12, item 2), with hand-made states."""

from calculators.checklists.definitions import get_tool
from calculators.checklists.document import render_document
from calculators.checklists.state import FORMAT

T = "2026-11-26T09:00:00Z"


def state(tool, answers, rows=None):
    return {"format": FORMAT, "schema": 2, "verktyg": tool, "uppdaterad": T,
            "svar": {k: {"varde": v, "andrad": T} for k, v in answers.items()}, "rader": rows or {}}


STATES = {
    "beslutsunderlag": state("beslutsunderlag", {"syfte": "nej", "analys-mal": "Fler i arbete"}),
    "kommunikationsplan": state("kommunikationsplan", {}, {"malgrupper": [
        {"id": "leverantorer", "budskap": "Leverantörsträff i mars", "andrad": T}]}),
}


def test_the_document_leaves_out_what_was_not_answered():
    tool = get_tool("beslutsunderlag")
    doc = render_document(STATES)
    html, md = doc["html"], doc["markdown"]
    for text in (tool.items["syfte"].text, "Fler i arbete", "Leverantörsträff i mars"):
        assert text in html and text in md
    # An unanswered question, and a prefilled row nobody wrote in, are not printed.
    assert tool.items["enighet"].text not in html and tool.items["enighet"].text not in md
    assert "Inte besvarad." not in html
    assert "Ledningsgrupper" not in html and "Ledningsgrupper" not in md
    # A section with no answers says so in one line instead of listing its questions.
    assert "Inga svar ännu." in html


def test_everything_is_shown_on_request():
    tool = get_tool("beslutsunderlag")
    doc = render_document(STATES, visa_alla=True)
    assert tool.items["enighet"].text in doc["html"] and "Ledningsgrupper" in doc["html"]
    assert tool.items["enighet"].text in doc["markdown"]
