"""The beslutsunderlag document in Chromium: it gathers every tool's saved answers and the
calculator's saved scenario, shows a hostile comment as text (also when printed), prints
without the site's chrome, downloads as Markdown, and passes axe-core empty and filled.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_axe_violations, hold_python, release_python
from .test_checklist import (
    HOSTILE, PYTHON_TIMEOUT, answer_syfte_nej, download_text, fill_everything, tool_url, wait_saved,
    answer_of,
)

DOC = "verktyg/dokument/"
B = "beslutsunderlag"


def document(page):
    return page.locator("[data-dokument]")


def wait_document(page):
    expect(document(page)).to_have_attribute("data-uppdaterad", re.compile(r"\d+"), timeout=PYTHON_TIMEOUT)
    expect(document(page)).not_to_have_class(re.compile(r"sk-inaktuell"), timeout=PYTHON_TIMEOUT)


def save_a_calculation(page, people="3"):
    """Use the calculator page as a person would; it keeps the scenario in localStorage."""
    page.goto("verktyg/berakning/")
    page.get_by_label("Antal personer").fill(people)
    deadline = time.monotonic() + PYTHON_TIMEOUT / 1000
    while time.monotonic() < deadline:
        if page.evaluate("() => (JSON.parse(window.skPython.lagring.hamta('sk-berakning:aktuellt') || 'null') || {}).scenario"):
            return
        time.sleep(0.1)
    raise AssertionError("the calculator never saved its scenario")


def fill_the_tools(page):
    page.goto(tool_url(B))
    answer_syfte_nej(page, who="Anna", comment=HOSTILE)
    page.get_by_label("Vad vill vi uppnå med sysselsättningskrav i upphandlingar?").fill("Fler i arbete")
    page.locator(f"label[for='sk--{B}--beslut--varde--ja-pilot']").click()
    wait_saved(page, B, lambda s: answer_of(s, "beslut") == "ja-pilot")
    page.goto(tool_url("genomforande"))
    page.locator("label[for='sk--genomforande--start--varde--pilot']").click()
    page.goto(tool_url("kommunikationsplan"))
    page.locator("#sk--kommunikationsplan--malgrupper--leverantorer--budskap").fill("Leverantörsträff i mars")
    wait_saved(page, "kommunikationsplan", lambda s: bool(s["rader"]))


def test_document_gathers_every_tool_and_the_saved_calculation(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    fill_the_tools(page)
    save_a_calculation(page)
    page.goto(DOC)
    wait_document(page)
    doc = document(page)
    expect(doc).to_contain_text("Fler i arbete")
    expect(doc).to_contain_text("Anna")
    expect(doc).to_contain_text(HOSTILE)
    expect(doc).to_contain_text("Leverantörsträff i mars")
    expect(doc).to_contain_text("börjar med sysselsättningskrav som en pilot")  # the decision chosen
    expect(doc).to_contain_text("Inte redo ännu")
    expect(doc.locator(".sk-berakning-saknas")).to_have_count(0)
    expect(doc).to_contain_text("Samhällsekonomisk beräkning")
    assert doc.locator("img").count() == 0
    # Headings stay in order under the page's h1.
    assert page.locator("[data-dokument] h1").count() == 0

    # Changes in another tab reach the open document.
    other = page.context.new_page()
    other.goto(tool_url(B))
    other.get_by_label("Vad vill vi uppnå med sysselsättningskrav i upphandlingar?").fill("Fler i arbete, snabbare")
    expect(doc).to_contain_text("Fler i arbete, snabbare", timeout=PYTHON_TIMEOUT)
    assert dialogs == []


@pytest.mark.ny_flik  # the loading state
def test_the_document_shows_what_was_answered_and_the_rest_on_request(page):
    fill_the_tools(page)
    page.goto(DOC)
    wait_document(page)
    unanswered = "Finns en bred enighet i organisationen om att använda sysselsättningskrav?"
    expect(document(page)).to_contain_text("Leverantörsträff i mars")
    expect(document(page)).not_to_contain_text(unanswered)
    expect(document(page)).not_to_contain_text("Ledningsgrupper")  # a prefilled row nobody wrote in
    page.get_by_label("Visa också obesvarade frågor och tomma rader").check()
    expect(document(page)).to_contain_text(unanswered)
    expect(document(page)).to_contain_text("Ledningsgrupper")


@pytest.mark.ny_flik  # says what happens while Python starts
def test_document_without_a_calculation_says_how_to_add_one(page):
    page.goto(DOC)
    expect(page.locator("[data-motorstatus]")).to_contain_text("visas så snart beräkningen är klar att använda")
    wait_document(page)
    missing = document(page).locator(".sk-berakning-saknas")
    expect(missing).to_have_count(1)  # in the summary; there is no appendix without a calculation
    expect(missing).to_contain_text("Ingen sparad beräkning")
    expect(missing.get_by_role("link", name="Samhällsekonomisk beräkning")).to_have_attribute("href", re.compile(r"berakning/$"))


def test_printed_document_shows_the_answers_as_text_without_site_chrome(page, tmp_path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    fill_the_tools(page)
    page.goto(DOC)
    wait_document(page)
    page.emulate_media(media="print")
    expect(page.locator("[data-verktygsrad]")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("article h1")).to_be_hidden()  # only the document itself is printed
    title = document(page).locator(".sk-dokument-rubrik")
    expect(title).to_be_visible()
    comment = document(page).get_by_text(HOSTILE)
    expect(comment).to_have_count(2)  # in the summary's missing prerequisites and in the appendix
    expect(comment.first).to_be_visible()
    shot = tmp_path / "beslutsunderlag-utskrift.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    # Printed text is black on white, whatever the screen's colour scheme.
    assert title.evaluate("(e) => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    assert page.locator("[data-dokument] img").count() == 0 and dialogs == []


BROKEN_WORDS_JS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("[data-dokument] table :is(th, td)")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def test_printed_tables_break_no_word_and_keep_the_decision_together(page):
    fill_the_tools(page)
    page.goto(DOC)
    wait_document(page)
    page.set_viewport_size({"width": 700, "height": 1000})  # about the A4 text width
    page.emulate_media(media="print")
    try:
        assert page.evaluate(BROKEN_WORDS_JS) == []
        proposal = document(page).locator(".sk-forslag")
        expect(proposal).to_contain_text("föreslås besluta")
        assert proposal.evaluate("(e) => getComputedStyle(e).breakInside") == "avoid"
        # The appendices start on a page of their own, after the summary.
        assert document(page).locator(".sk-sidbrytning").evaluate("(e) => getComputedStyle(e).breakBefore") == "page"
    finally:
        page.emulate_media(media="screen")


def store_example(page, heading=True, calculation=True, parts=None):
    """The filled example of tests/document_example.py into this browser's storage, as the
    tools and the calculator page keep it; `parts` limits it to some tools."""
    from tests import document_example as example

    states = {k: v for k, v in example.states().items() if parts is None or k in parts}
    values = {f"sysselsattningskrav:{k}": json.dumps(v) for k, v in states.items()}
    if heading:
        values["dokument-uppgifter"] = json.dumps(example.heading_record())
    if calculation:
        values["sk-berakning:aktuellt"] = json.dumps({"falt": {}, "scenario": example.SCENARIO, "aktuellt": True})
    page.goto(DOC)
    page.evaluate("(v) => Object.entries(v).forEach(([k, t]) => window.skPython.lagring.spara(k, t))", values)
    page.reload()
    wait_document(page)


def printed_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", page.pdf(format="A4", print_background=True)))


def test_printed_page_counts_empty_partial_and_full(page):
    """The summary (everything before the appendices) fits two A4 pages; with every appendix
    the filled example fits eight."""
    page.goto(DOC)
    wait_document(page)
    counts = {"tomt": printed_pages(page)}
    store_example(page, parts=("beslutsunderlag",))
    counts["delvis"] = printed_pages(page)
    store_example(page)
    expect(document(page)).to_contain_text("KS 2026/1234")
    counts["fullt"] = printed_pages(page)
    for box in page.locator("[data-bilaga]").all():
        box.uncheck()
    expect(document(page)).not_to_contain_text("Bilaga 1.", timeout=PYTHON_TIMEOUT)
    wait_document(page)
    counts["bara sammanfattningen"] = printed_pages(page)
    assert counts["bara sammanfattningen"] <= 2, counts
    assert counts["fullt"] <= 8, counts
    assert counts["tomt"] <= counts["delvis"] <= counts["fullt"], counts


def test_heading_fields_and_appendix_choices_are_saved_and_shown_as_text(page):
    page.goto(DOC)
    wait_document(page)
    page.get_by_label("Nämnd eller styrelse").fill(HOSTILE)
    page.get_by_label("Diarienummer").fill("KS 2026/77")
    page.get_by_label("Kommunikationsplan").uncheck()
    expect(document(page)).to_contain_text("KS 2026/77", timeout=PYTHON_TIMEOUT)
    expect(document(page)).to_contain_text(HOSTILE)
    expect(document(page)).not_to_contain_text("Kommunikationsplan")
    assert document(page).locator("img").count() == 0
    assert_no_axe_violations(page, "dokumentet med uppgifter om ärendet")
    page.reload()
    expect(page.get_by_label("Nämnd eller styrelse")).to_have_value(HOSTILE)
    expect(page.get_by_label("Diarienummer")).to_have_value("KS 2026/77")
    expect(page.get_by_label("Kommunikationsplan")).not_to_be_checked()
    wait_document(page)
    expect(document(page)).to_contain_text("KS 2026/77")
    expect(document(page)).not_to_contain_text("Kommunikationsplan")


def test_the_filled_document_fits_a_phone(page):
    store_example(page)
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate("() => document.documentElement.scrollWidth")
    assert wide <= 390, f"dokumentet är {wide} px brett på en 390 px skärm"
    assert_no_axe_violations(page, "dokumentet ifyllt, 390 px")


def test_printed_document_is_readable_from_the_dark_scheme(context_factory):
    page = context_factory(color_scheme="dark").new_page()
    page.goto(tool_url(B))
    answer_syfte_nej(page)
    page.goto(DOC)
    wait_document(page)
    page.emulate_media(media="print")
    cell = page.locator("[data-dokument] table th").first
    assert cell.evaluate("(e) => getComputedStyle(e).color") == "rgb(0, 0, 0)"


def test_document_downloads_as_markdown(page):
    fill_the_tools(page)
    page.goto(DOC)
    wait_document(page)
    name, markdown = download_text(page, page.get_by_role("button", name="Ladda ner som Markdown"))
    assert re.fullmatch(r"beslutsunderlag-\d{4}-\d{2}-\d{2}\.md", name), name  # named as the Word file is
    assert markdown.startswith("# Beslutsunderlag")
    assert "Fler i arbete" in markdown and "Leverantörsträff i mars" in markdown
    assert "<img" not in markdown and "&lt;img src=x onerror=alert(1)&gt;" in markdown
    expect(page.locator(".sk-dokument-omslag [data-status]")).to_contain_text(name)


@pytest.mark.ny_flik  # replaces window.print
def test_print_button_opens_the_print_dialog(page):
    page.goto(DOC)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Skriv ut eller spara som PDF").click()
    assert page.evaluate("() => window.__printed") == 1


@pytest.mark.ny_flik  # replaces window.print
def test_printing_right_after_a_change_prints_the_changed_document(page):
    page.goto(DOC)
    wait_document(page)
    page.evaluate("""() => {
      window.__printed = [];
      window.print = () => window.__printed.push(document.querySelector("[data-dokument]").textContent);
      const input = document.querySelector("[data-uppgift=diarienummer]");
      input.value = "KS 2026/999";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      document.querySelector("[data-atgard=skriv-ut]").click();  // in the same moment
    }""")
    expect(page.locator(".sk-dokument-omslag [data-status]")).to_contain_text("utskriften startar")
    deadline = time.monotonic() + PYTHON_TIMEOUT / 1000
    while not page.evaluate("() => window.__printed.length") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert page.evaluate("() => window.__printed.length") == 1
    assert "KS 2026/999" in page.evaluate("() => window.__printed[0]")


@pytest.mark.ny_flik  # Python held back; replaces window.print
def test_printing_before_the_answers_are_read_never_gives_an_empty_template(page):
    page.goto(tool_url(B))
    answer_syfte_nej(page, who="Anna", comment="Saknas i budgeten")
    wait_saved(page, B, lambda s: answer_of(s, "syfte") == "nej")
    hold_python(page)
    page.goto(DOC)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    # Printed from the browser's menu now: a notice, not the empty questions.
    page.emulate_media(media="print")
    expect(page.locator(".sk-utskrift-vantar")).to_be_visible()
    expect(page.locator(".sk-utskrift-vantar")).to_contain_text("inte klart")
    expect(document(page)).to_be_hidden()
    page.emulate_media(media="screen")
    # The print button waits for the document with the answers, then prints.
    page.get_by_role("button", name="Skriv ut eller spara som PDF").click()
    expect(page.locator(".sk-dokument-omslag [data-status]")).to_contain_text("utskriften startar")
    assert page.evaluate("() => window.__printed") == 0
    release_python(page)
    wait_document(page)
    expect(document(page)).to_contain_text("Saknas i budgeten")
    deadline = time.monotonic() + 10
    while page.evaluate("() => window.__printed") != 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert page.evaluate("() => window.__printed") == 1
    page.emulate_media(media="print")
    expect(document(page)).to_be_visible()
    expect(page.locator(".sk-utskrift-vantar")).to_be_hidden()
    page.emulate_media(media="screen")


def test_document_is_accessible_empty_and_filled(page):
    page.goto(DOC)
    wait_document(page)
    assert_no_axe_violations(page, "dokumentet, tomt")
    for tool in ("beslutsunderlag", "genomforande", "kommunikationsplan", "uppfoljning"):
        page.goto(tool_url(tool))
        fill_everything(page, tool)
    save_a_calculation(page)
    page.goto(DOC)
    wait_document(page)
    expect(document(page)).to_contain_text("Anna Andersson")
    expect(document(page).locator(".sk-berakning-saknas")).to_have_count(0)
    page.evaluate("() => window.scrollTo(0, 0)")
    assert_no_axe_violations(page, "dokumentet, ifyllt")


def test_one_tool_with_unreadable_answers_does_not_hide_the_others(page):
    from calculators.checklists.state import MAX_TEXT

    page.goto(tool_url(B))
    answer_syfte_nej(page, who="Anna")
    wait_saved(page, B, lambda s: answer_of(s, "syfte", "ansvarig") == "Anna")
    over = {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": "kommunikationsplan",
            "uppdaterad": "2026-01-01T00:00:00.000Z", "svar": {},
            "rader": {"malgrupper": [{"id": "n-a", "budskap": "x" * (MAX_TEXT + 1), "andrad": "2026-01-01T00:00:00.000Z"}]}}
    page.evaluate("(t) => localStorage.setItem(window.skPython.lagring.nyckel('sysselsattningskrav:kommunikationsplan'), t)",
                  json.dumps(over))
    page.goto(DOC)
    wait_document(page)
    expect(document(page)).to_contain_text("Anna")
    expect(document(page)).to_contain_text("Kommunikationsplan")
    expect(page.locator(".sk-dokument-omslag [data-status]")).to_contain_text("kunde inte läsas")


def test_document_finds_answers_under_the_old_bare_keys(page):
    page.goto(DOC)
    old = {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": B, "uppdaterad": "2026-01-01T00:00:00.000Z",
           "svar": {"analys-mal": {"varde": "Sparat före prefixet", "andrad": "2026-01-01T00:00:00.000Z"}}, "rader": {}}
    page.evaluate("(t) => localStorage.setItem('sysselsattningskrav:beslutsunderlag', t)", json.dumps(old))
    page.reload()
    wait_document(page)
    expect(document(page)).to_contain_text("Sparat före prefixet")
