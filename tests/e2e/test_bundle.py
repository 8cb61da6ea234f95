"""One file for the group, in Chromium (the document page's "Dela med kollegor"): save
everything, empty the browser, open the file with the keyboard and find the answers back in
the tools and the document; a colleague's newer answer merges and the message names it; a
hostile file changes nothing and says why in Swedish; axe-core on the section in its states.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from .conftest import axe_violations, switch_scheme
from .test_checklist import B, HOSTILE, download_text, put, stored, tool_url, wait_saved, answer_of
from .test_dokument import DOC, document, wait_document

T1 = "2026-11-20T09:00:00.000Z"
T2 = "2026-11-21T09:00:00.000Z"
MAL = "Vad vill vi uppnå med sysselsättningskrav i upphandlingar?"
BUDSKAP = "#sk--kommunikationsplan--malgrupper--leverantorer--budskap"


def section(page):
    return page.locator("[data-samlad-fil]")


def status(page):
    return section(page).locator("[data-status]")


def file_input(page):
    return section(page).get_by_label("Öppna en fil med allt")


def everything(page):
    """Every key and value in the site's localStorage."""
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")


def same(value):
    """`value` with "" read as None, as Python's check of an answer reads it."""
    if isinstance(value, dict):
        return {k: same(v) for k, v in value.items()}
    if isinstance(value, list):
        return [same(v) for v in value]
    return None if value == "" else value


def tool_state(tool, svar=None, rader=None, **extra):
    return {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": tool, "uppdaterad": T1,
            "svar": svar or {}, "rader": rader or {}, **extra}


def bundle(verktyg, **extra):
    return {"format": "sysselsattningskrav-samlat", "version": 1, "skapad": T2, "verktyg": verktyg,
            "berakning": {"aktuellt": None, "sparade": []}, **extra}


def write_file(tmp_path, name, value):
    path = tmp_path / name
    path.write_text(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_save_everything_empty_the_browser_and_open_it_again(page, tmp_path):
    page.goto(tool_url(B))
    page.get_by_label(MAL).fill("Fler i arbete")
    wait_saved(page, B, lambda s: answer_of(s, "analys-mal") == "Fler i arbete")
    page.goto(tool_url("kommunikationsplan"))
    page.locator(BUDSKAP).fill(HOSTILE)
    wait_saved(page, "kommunikationsplan", lambda s: bool(s["rader"]))
    before = {tool: stored(page, tool) for tool in (B, "kommunikationsplan")}

    page.goto(DOC)
    wait_document(page)
    name, text = download_text(page, section(page).get_by_role("button", name="Spara allt i en fil"))
    assert re.fullmatch(r"sysselsattningskrav-allt-\d{4}-\d\d-\d\d\.json", name)
    saved = json.loads(text)
    assert saved["format"] == "sysselsattningskrav-samlat"
    assert set(saved["verktyg"]) == {B, "kommunikationsplan"}
    expect(status(page)).to_contain_text(f"Allt är sparat i filen {name}: svaren i Beslutsunderlag och Kommunikationsplan")
    path = write_file(tmp_path, name, text)

    # Another browser: nothing saved.
    page.evaluate("() => localStorage.clear()")
    page.goto("")
    page.goto(DOC)
    wait_document(page)
    expect(document(page)).not_to_contain_text("Fler i arbete")

    # The file input is the real control, reached with Tab from the save button (the
    # browser opens its own file dialog from there; headless Chromium does so unreliably
    # under Playwright, so the file is given to the input directly).
    section(page).get_by_role("button", name="Spara allt i en fil").focus()
    page.keyboard.press("Tab")
    expect(file_input(page)).to_be_focused()
    file_input(page).set_input_files(path)
    expect(status(page)).to_contain_text(f"Filen {name} är öppnad. Beslutsunderlag: 1 svar nytt eller ändrat. "
                                         "Kommunikationsplan: 1 rad ny.", timeout=90_000)
    # The same answers (Python reads an unchosen list value "" as null).
    after = {tool: stored(page, tool) for tool in (B, "kommunikationsplan")}
    assert same(after) == same(before), json.dumps([after, before], ensure_ascii=False)
    # The document here refreshed itself; the tools show the answers.
    expect(document(page)).to_contain_text("Fler i arbete", timeout=90_000)
    expect(document(page)).to_contain_text(HOSTILE)
    assert document(page).locator("img").count() == 0
    page.goto(tool_url(B))
    expect(page.get_by_label(MAL)).to_have_value("Fler i arbete")


def test_a_colleagues_newer_answer_merges_and_the_message_names_it(page, tmp_path):
    put(page, f"sysselsattningskrav:{B}", json.dumps(tool_state(B, {
        "analys-mal": {"varde": "Gammalt svar", "andrad": T1},
        "syfte": {"varde": "nej", "ansvarig": "Anna", "andrad": T2},
    })))
    page.goto(DOC)
    wait_document(page)
    expect(document(page)).to_contain_text("Gammalt svar")
    other = page.context.new_page()  # a tool open in another tab hears of it too
    other.goto(tool_url(B))
    expect(other.get_by_label(MAL)).to_have_value("Gammalt svar")

    colleague = bundle({
        B: tool_state(B, {
            "analys-mal": {"varde": "Nytt svar från kollegan", "andrad": T2},  # newer: wins
            "syfte": {"varde": "ja", "andrad": T1},  # older than mine: loses
        }),
        "kommunikationsplan": tool_state("kommunikationsplan", rader={"malgrupper": [
            {"id": "n-kollega-1", "malgrupp": "Bibliotek", "budskap": "Öppet hus", "andrad": T2}]}),
    }, dokument={"version": 1, "svar": {"namnd": {"varde": "Kommunstyrelsen", "andrad": T2}}})
    file_input(page).set_input_files(write_file(tmp_path, "fran-kollegan.json", colleague))
    expect(status(page)).to_contain_text(
        "Beslutsunderlag: 1 svar nytt eller ändrat (1 ersatte ett äldre svar här). Kommunikationsplan: 1 rad ny. "
        "Dokumentets uppgifter: 1 ny eller ändrad.", timeout=90_000)
    expect(status(page)).to_contain_text("gäller den senaste ändringen")
    expect(document(page)).to_contain_text("Nytt svar från kollegan", timeout=90_000)
    expect(document(page)).to_contain_text("Öppet hus")
    state = stored(page, B)
    assert answer_of(state, "syfte") == "nej" and answer_of(state, "syfte", "ansvarig") == "Anna"
    heading = json.loads(page.evaluate("() => window.skPython.lagring.hamta('dokument-uppgifter')"))
    assert heading["svar"]["namnd"]["varde"] == "Kommunstyrelsen"
    expect(other.get_by_label(MAL)).to_have_value("Nytt svar från kollegan")


def test_a_hostile_file_changes_nothing_and_says_why(page, tmp_path):
    put(page, f"sysselsattningskrav:{B}", json.dumps(tool_state(B, {"analys-mal": {"varde": "Mitt svar", "andrad": T1}})))
    page.goto(DOC)
    wait_document(page)
    before = everything(page)
    good = bundle({B: tool_state(B, {"analys-mal": {"varde": "Ersatt", "andrad": T2}})})
    proto = json.dumps(good).replace('"analys-mal"', '"__proto__"')
    cases = {
        "inte-json.json": ("{inte json", "inte giltig JSON"),
        "ett-verktyg.json": (tool_state(B), "ett enda verktyg"),
        "okant-verktyg.json": (bundle({"okant": tool_state("okant")}), "inte känner till: ”okant”"),
        "proto.json": (proto, "__proto__"),
        "fel-typ.json": (bundle({B: "ja"}), "Svaren för Beslutsunderlag har fel form"),
        # Shapes are right; Python finds the answer is not one of the question's choices.
        "fel-svar.json": (bundle({B: tool_state(B, {"syfte": {"varde": "kanske", "andrad": T2}})}), "ogiltigt svar"),
    }
    for name, (content, reason) in cases.items():
        file_input(page).set_input_files(write_file(tmp_path, name, content))
        expect(status(page)).to_contain_text(f"Filen {name} kunde inte öppnas", timeout=90_000)
        expect(status(page)).to_contain_text(reason)
        expect(status(page)).to_contain_text("Inget har ändrats.")
        assert everything(page) == before, name
    expect(document(page)).to_contain_text("Mitt svar")
    assert page.evaluate("() => ({}).varde === undefined && Object.prototype.varde === undefined")


def axe_section(page, label):
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    violations = axe_violations(page, "[data-samlad-fil]")
    assert not violations, f"axe violations {label}:\n{json.dumps(violations, indent=1, ensure_ascii=False)}"


def test_the_section_is_accessible_in_its_states(page, tmp_path):
    page.goto(DOC)
    expect(section(page).get_by_role("button", name="Spara allt i en fil")).to_be_visible()
    expect(section(page).get_by_role("heading", name="Dela med kollegor")).to_be_visible()
    axe_section(page, "tom")
    section(page).get_by_role("button", name="Spara allt i en fil").click()
    expect(status(page)).to_contain_text("Det finns inget sparat")
    axe_section(page, "inget att spara")
    file_input(page).set_input_files(write_file(tmp_path, "trasig.json", "{"))
    expect(status(page)).to_contain_text("kunde inte öppnas")
    axe_section(page, "fel")
    file_input(page).set_input_files(write_file(tmp_path, "bra.json", bundle({"genomforande": tool_state(
        "genomforande", {"start": {"varde": "pilot", "andrad": T2}})})))
    expect(status(page)).to_contain_text("Förbered genomförandet: 1 svar nytt eller ändrat", timeout=90_000)
    axe_section(page, "öppnad")
    switch_scheme(page, "dark")
    file_input(page).focus()
    axe_section(page, "mörkt läge, fokus på filvalet")
