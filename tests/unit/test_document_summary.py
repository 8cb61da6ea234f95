"""The decision document's summary (issue 12, item 1) with hand-made states: the proposed
decision, the prerequisites that are missing (exactly the Nej, Delvis and Vet ej), the economic
consequences with their range, the heading fields, the appendices left out, and the model the
Word file is made from."""

import json

import pytest

from calculators.checklists.api import OPS
from calculators.checklists.definitions import get_tool
from calculators.checklists.document import document_model, render_document
from calculators.checklists.state import FORMAT
from calculators.errors import InputError
from tests import document_example as example

T = "2026-11-26T09:00:00Z"
HOSTILE = '<img src=x onerror=alert(1)> **fet** </w:t>'


def state(tool, answers, rows=None):
    svar = {}
    for key, value in answers.items():
        record = value if isinstance(value, dict) else {"varde": value}
        svar[key] = {"andrad": T, **record}
    return {"format": FORMAT, "schema": 2, "verktyg": tool, "uppdaterad": T, "svar": svar, "rader": rows or {}}


def summary_blocks(model):
    """The blocks of the summary chapter (everything before the appendices)."""
    return next(b["block"] for b in model["block"] if b.get("klass") == "sk-sammanfattning")


def text_of(blocks) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def missing_table(model):
    return next(b for b in summary_blocks(model) if b["typ"] == "tabell" and b.get("klass") == "sk-saknas")


def test_the_missing_prerequisites_are_exactly_the_nej_delvis_and_vet_ej():
    b = get_tool("beslutsunderlag").items
    g = get_tool("genomforande").items
    states = {
        "beslutsunderlag": state("beslutsunderlag", {
            "syfte": {"varde": "nej", "ansvarig": "Kommundirektören", "kommentar": "Saknas i budgeten"},
            "malgrupp": "delvis",
            "sokandes-kompetens": {"varde": "vet-ej", "ansvarig": "Arbetsmarknadsenheten"},
            "enighet": "ja",
            "rustning": "vet-ej",
        }),
        "genomforande": state("genomforande", {
            "rustning": {"varde": "nej", "ansvarig": "Arbetsmarknadschefen", "klart_senast": "2027-03-31"},
            "leverantorers-bidrag": "ja",
            "dedikerad-person": "delvis",
        }),
    }
    rows = missing_table(document_model(states))["rader"]
    # Nej first, then Vet ej, then Delvis; each with who is responsible and the comment.
    assert [r[0].split("\n")[0] for r in rows] == [
        b["syfte"].text + " (förutsättning)", b["rustning"].text, b["sokandes-kompetens"].text,
        b["malgrupp"].text + " (förutsättning)", g["dedikerad-person"].text,
    ]
    assert rows[0][1:] == ["Nej", "Kommundirektören", "Saknas i budgeten"]
    assert rows[0][0].endswith("Åtgärd: " + b["syfte"].action)
    # A question both tools ask is one row; the two answers differ, so both are named.
    assert rows[1][1] == "Vet ej (Beslutsunderlag)\nNej (Förbered genomförandet)"
    assert rows[1][2:] == ["Arbetsmarknadschefen", "Klart senast 2027-03-31"]
    assert rows[2][1:3] == ["Vet ej", "Arbetsmarknadsenheten"]
    assert rows[3][1:] == ["Delvis", "–", "–"]
    summary = text_of(summary_blocks(document_model(states)))
    assert b["enighet"].text not in summary and g["leverantorers-bidrag"].text not in summary


def test_nothing_missing_says_so_and_an_empty_checklist_says_it_is_not_answered():
    def all_ja(tool):
        return state(tool, {i.id: "ja" for i in get_tool(tool).items.values() if i.kind == "val"})

    model = document_model({"beslutsunderlag": all_ja("beslutsunderlag"), "genomforande": all_ja("genomforande")})
    assert "Inga: varje besvarad förutsättning är uppfylld." in text_of(summary_blocks(model))
    assert "Checklistorna är inte besvarade ännu." in text_of(summary_blocks(document_model({})))


@pytest.mark.parametrize("decision, expected", [
    ("ja-generellt", "att Exempelstad kommun ställer sysselsättningskrav i de upphandlingar där det är lämpligt"),
    ("ja-pilot", "att Exempelstad kommun börjar med sysselsättningskrav som en pilot, avgränsad till: Städtjänster 2027"),
    ("nej", "att Exempelstad kommun inte ställer sysselsättningskrav nu, utan först åtgärdar de förutsättningar som saknas"),
])
def test_the_proposed_decision_follows_the_answer(decision, expected):
    states = {
        "beslutsunderlag": state("beslutsunderlag", {"beslut": decision, "organisation-namn": "Exempelstad kommun",
                                                     "beslutsinstans": "kommunstyrelsen"}),
        "genomforande": state("genomforande", {"start": "pilot", "pilot-avgransning": "Städtjänster 2027"}),
    }
    md = render_document(states)["markdown"]
    proposal = md.split("## Förslag till beslut", 1)[1].split("## Ärendet", 1)[0]
    assert "Kommunstyrelsen föreslås besluta" in proposal  # the checklist's beslutsinstans, capitalised
    assert expected in proposal


def test_without_a_decision_the_proposal_says_what_to_do():
    md = render_document({})["markdown"]
    assert "Inget förslag till beslut är valt ännu." in md.split("## Ärendet", 1)[0]


def test_the_branch_not_chosen_is_not_in_the_summary():
    states = {"genomforande": state("genomforande", {"start": "direkt", "pilot-avgransning": "Städtjänster 2027",
                                                      "styrdokument": "Bygg och anläggning över 5 miljoner kr"})}
    summary = text_of(summary_blocks(document_model(states)))
    assert "Direkt i hela organisationen." in summary and "Bygg och anläggning över 5 miljoner kr" in summary
    assert "Städtjänster 2027" not in summary


def test_economic_consequences_give_the_buyers_figure_with_its_range_and_what_drives_it():
    # The reviewers' case: the kommun's result is 184 503 kr (tests/unit/test_impact_model.py
    # has it by hand), said aloud as "cirka 180 000 kr i plus".
    out = OPS["beslutsunderlag_dokument"]({"tillstand": {}, "scenario": example.SCENARIO})
    economics = out["markdown"].replace("\u00a0", " ").split("## Ekonomiska konsekvenser", 1)[1].split("## Förutsättningar som saknas", 1)[0]
    assert "**För kommunen:** cirka 180 000 kr i plus (troligen mellan" in economics
    assert "**För samhället:** cirka 1,1 miljoner kr i plus (troligen mellan" in economics
    assert "Sannolikheten att kommunen går jämnt upp eller bättre:" in economics
    assert "| Försörjningsstöd före, per månad | 9 000 kr |" in economics
    # Every input, the changed ones with their default, is in the appendix.
    appendix = out["markdown"].split("## Bilaga 3. Samhällsekonomisk beräkning", 1)[1]
    assert "Försörjningsstöd före, per månad:** 9 000 kr per månad (ändrat, standard 0 kr)" in appendix.replace("\u00a0", " ")
    assert "Merkostnad för upphandlingen:**" in appendix


def test_the_summary_range_is_the_one_the_calculator_page_shows():
    from calculators.model import effects
    from calculators.pages import answer, results_view

    result = effects.evaluate(example.SCENARIO)
    page = [text for _, _, text in answer.figures(result, results_view.uncertainty(result["scenario"]))]
    md = OPS["beslutsunderlag_dokument"]({"tillstand": {}, "scenario": example.SCENARIO})["markdown"]
    for text in page:
        assert text in md


def test_heading_fields_are_shown_as_text_and_a_broken_record_is_named():
    record = {"version": 1, "svar": {"namnd": {"varde": HOSTILE, "andrad": T},
                                     "diarienummer": {"varde": "x" * 201, "andrad": T},
                                     "okant": {"varde": "ignoreras", "andrad": T}}}
    out = render_document({}, uppgifter=record)
    assert "<img" not in out["html"] and "&lt;img src=x onerror=alert(1)&gt;" in out["html"]
    assert "<img" not in out["markdown"] and "\\*\\*fet\\*\\*" in out["markdown"]
    assert "x" * 201 not in out["html"] and "ignoreras" not in out["html"]
    broken = render_document({}, uppgifter=["inte", "ett", "objekt"])
    assert "Uppgifterna om ärendet (nämnd, diarienummer, handläggare, datum) kunde inte läsas" in broken["markdown"]


def test_appendices_can_be_left_out_and_the_rest_are_numbered_in_order():
    out = OPS["beslutsunderlag_dokument"]({"tillstand": {}, "scenario": example.SCENARIO,
                                           "utan": ["analys", "kommunikationsplan"]})
    md = out["markdown"]
    assert "## Bilaga 1. Checklista: förutsättningar" in md and "## Bilaga 3. Förbered genomförandet" in md
    assert "finns i bilaga 2" in md  # the summary points to the calculation's new number
    assert "Analys av förutsättningarna" not in md and "Kommunikationsplan" not in md
    with pytest.raises(InputError, match="Okänd bilaga"):
        OPS["beslutsunderlag_dokument"]({"tillstand": {}, "utan": ["<script>"]})


def test_the_word_model_is_flat_and_names_its_file_after_the_heading_date():
    out = OPS["beslutsunderlag_dokument"]({"tillstand": example.states(), "scenario": example.SCENARIO,
                                           "uppgifter": example.heading_record()})
    model = out["modell"]
    assert model["sprak"] == "sv-SE" and model["filnamn"] == "beslutsunderlag-2026-11-27.docx"
    kinds = {b["typ"] for b in model["block"]}
    assert kinds <= {"rubrik", "stycke", "lista", "fakta", "tabell", "sidbrytning"}
    assert model["block"][0] == {"typ": "rubrik", "niva": 1, "text": model["titel"]}
    # One model: every heading of the HTML is in the Word model.
    headings = [b["text"] for b in model["block"] if b["typ"] == "rubrik"]
    assert "Förslag till beslut" in headings and "Bilaga 6. Uppföljning" in headings
    assert all(f">{h}<" in out["html"] for h in headings)
