"""The checklists in Chromium, used as a person would: answer, reload, two tabs, a hostile
comment, a broken import, Börja om and Ångra, keyboard only, Python late or missing, and
axe-core in the empty, partly answered and complete states.

Fixtures (`page`, `context_factory`) come from tests/e2e/conftest.py: every page fails its
test on console errors and on any request outside the site's origin.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_axe_violations, hold_back, hold_python, release_python, switch_scheme

TOOLS = ("beslutsunderlag", "genomforande", "kommunikationsplan", "uppfoljning")
HOSTILE = "<img src=x onerror=alert(1)>"
PYTHON_TIMEOUT = 90_000  # Pyodide boots in ~5 s here, much slower when the CPUs are busy
B = "beslutsunderlag"


# ── helpers (also used by test_dokument.py) ─────────────────────────────────────────────


def tool_url(tool):
    return f"verktyg/{tool}/"


def storage_key(page, name):
    """The localStorage key the site uses for `name` (prefixed with the site's path)."""
    return page.evaluate("(n) => window.skPython.lagring.nyckel(n)", name)


def put(page, name, text):
    """Write `text` under the site's key for `name`, as a tab of the site would."""
    page.evaluate("([n, t]) => localStorage.setItem(window.skPython.lagring.nyckel(n), t)", [name, text])


def kept_aside(page, name):
    """{key: value} of everything kept aside for `name` (keys `<key>:<reason>:<time>`)."""
    return page.evaluate(
        "(n) => { const k = window.skPython.lagring.nyckel(n) + ':'; return Object.fromEntries("
        "Object.keys(localStorage).filter((x) => x.startsWith(k)).map((x) => [x, localStorage.getItem(x)])); }",
        name,
    )


def stored(page, tool):
    """The tool's saved state in localStorage (parsed), or None."""
    raw = page.evaluate("(n) => localStorage.getItem(window.skPython.lagring.nyckel(n))", f"sysselsattningskrav:{tool}")
    return json.loads(raw) if raw else None


def wait_saved(page, tool, predicate, timeout=5.0):
    """Wait until the saved state satisfies predicate(state); return it."""
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = stored(page, tool)
        if state is not None and predicate(state):
            return state
        time.sleep(0.05)
    raise AssertionError(f"saved state never matched; last: {json.dumps(state, ensure_ascii=False)[:800]}")


def answer_of(state, item, field="varde"):
    return ((state or {}).get("svar", {}).get(item) or {}).get(field)


def form(page, tool):
    return page.locator(f'form[data-verktyg="{tool}"]')


def summary(page):
    return page.locator("[data-sammanfattning]")


def wait_python_summary(page):
    """Wait until Python has recomputed the summary for the current answers."""
    expect(summary(page)).to_have_attribute("data-uppdaterad", re.compile(r"\d+"), timeout=PYTHON_TIMEOUT)
    expect(summary(page)).not_to_have_class(re.compile(r"sk-inaktuell"), timeout=PYTHON_TIMEOUT)


def radio(page, tool, item, value):
    return page.locator(f"#sk--{tool}--{item}--varde--{value}")


def field(page, tool, item, name):
    return page.locator(f"#sk--{tool}--{item}--{name}")


# Answers every control in one go, through the events a user's input fires: the first option
# of each question (a real click), then, once the page has shown what those answers open, some
# text, a number, a date and the second choice of each list. Filling a hundred controls one
# Playwright action at a time took most of the sweeps' time; typing and clicking as a user
# does is tested control by control elsewhere (keyboard-only completion, saving, two tabs).
FILL_EVERYTHING_JS = """async (root) => {
  const fire = (el) => ["input", "change"].forEach((type) => el.dispatchEvent(new Event(type, { bubbles: true })));
  root.querySelectorAll("[data-fraga]").forEach((item) => {
    const first = item.querySelector("input[type=radio]");
    if (first && !first.checked) first.click();
  });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const shown = (el) => el.getClientRects().length > 0;
  root.querySelectorAll("textarea[data-falt], input[type=text][data-falt]").forEach((el) => {
    if (!shown(el)) return;
    el.value = el.getAttribute("inputmode") === "decimal" ? "12" : "Anna Andersson";
    fire(el);
  });
  root.querySelectorAll("input[type=date][data-falt]").forEach((el) => { el.value = "2026-12-01"; fire(el); });
  root.querySelectorAll("select[data-falt]").forEach((el) => { el.selectedIndex = 1; fire(el); });
}"""


def fill_everything(page, tool):
    """Answer every control of a tool (first option, some text, a date, a number)."""
    form(page, tool).evaluate(FILL_EVERYTHING_JS)


def download_text(page, button):
    with page.expect_download() as info:
        button.click()
    download = info.value
    with open(download.path(), encoding="utf-8-sig") as handle:
        return download.suggested_filename, handle.read()


def answer_syfte_nej(page, who="Anna", comment="Saknas i budgeten"):
    page.locator(f"label[for='sk--{B}--syfte--varde--nej']").click()
    field(page, B, "syfte", "ansvarig").fill(who)
    field(page, B, "syfte", "kommentar").fill(comment)


# ── saving and restoring ────────────────────────────────────────────────────────────────


def test_answers_survive_reload_and_a_closed_tab(context_factory):
    context = context_factory()
    page = context.new_page()
    page.goto(tool_url(B))
    page.get_by_label("Vad vill vi uppnå med sysselsättningskrav i upphandlingar?").fill("Fler i arbete")
    answer_syfte_nej(page)
    page.locator(f"label[for='sk--{B}--enighet--varde--delvis']").click()
    field(page, B, "beslutsdatum", "varde").fill("2026-12-01")
    state = wait_saved(page, B, lambda s: answer_of(s, "beslutsdatum") == "2026-12-01" and answer_of(s, "syfte", "kommentar"))
    assert answer_of(state, "syfte") == "nej" and answer_of(state, "syfte", "ansvarig") == "Anna"
    assert all(r.get("andrad") for r in state["svar"].values()) and state["uppdaterad"]

    page.reload()
    expect(radio(page, B, "syfte", "nej")).to_be_checked()
    expect(radio(page, B, "enighet", "delvis")).to_be_checked()
    expect(field(page, B, "syfte", "ansvarig")).to_have_value("Anna")
    expect(field(page, B, "syfte", "kommentar")).to_have_value("Saknas i budgeten")
    expect(field(page, B, "analys-mal", "varde")).to_have_value("Fler i arbete")
    expect(field(page, B, "beslutsdatum", "varde")).to_have_value("2026-12-01")

    page.close()  # the tab is closed; a new one opens the page again
    again = context.new_page()
    again.goto(tool_url(B))
    expect(radio(again, B, "syfte", "nej")).to_be_checked()
    expect(field(again, B, "analys-mal", "varde")).to_have_value("Fler i arbete")


@pytest.mark.ny_flik  # the tool's script held back, as on a slow connection
def test_what_is_typed_before_the_script_has_loaded_is_kept_and_saved(page):
    # On a slow link the form is usable seconds before its script runs: what is typed and
    # clicked then is kept over what was saved earlier, and saved itself.
    page.goto(tool_url(B))
    field(page, B, "analys-mal", "varde").fill("Sparat tidigare")
    wait_saved(page, B, lambda s: answer_of(s, "analys-mal") == "Sparat tidigare")
    release = hold_back(page, "**/sk-verktyg/checklist.mjs")
    page.reload(wait_until="domcontentloaded")
    field(page, B, "analys-mal", "varde").fill("Skrivet medan sidan laddade")
    page.locator(f"label[for='sk--{B}--syfte--varde--nej']").click()
    release()
    state = wait_saved(page, B, lambda s: answer_of(s, "syfte") == "nej")
    assert answer_of(state, "analys-mal") == "Skrivet medan sidan laddade"
    page.reload()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("Skrivet medan sidan laddade")
    expect(radio(page, B, "syfte", "nej")).to_be_checked()


@pytest.mark.ny_flik  # leaving the page for real
def test_typing_is_saved_before_leaving_the_page(page):
    page.goto(tool_url(B))
    field(page, B, "analys-mal", "varde").fill("Snabbt skrivet")
    page.goto("analysera/")  # leave at once, before the debounce would have fired
    assert answer_of(stored(page, B), "analys-mal") == "Snabbt skrivet"


@pytest.mark.ny_flik  # Python blocked
@pytest.mark.tillat_konsolfel  # the aborted Pyodide download is logged by the browser
def test_answering_and_saving_do_not_wait_for_python(page):
    page.route(re.compile(r".*/pyodide/.*"), lambda route: route.abort())
    page.goto(tool_url(B))
    radio(page, B, "syfte", "ja").check()
    wait_saved(page, B, lambda s: answer_of(s, "syfte") == "ja")
    status = page.locator("[data-motorstatus]")
    expect(status).to_contain_text("kan inte räknas fram just nu", timeout=PYTHON_TIMEOUT)
    expect(status).to_contain_text("dina svar sparas ändå")
    expect(status).to_contain_text("exporterna")
    expect(status).not_to_contain_text("förberäknade")  # that is the calculator's
    expect(page.get_by_role("button", name="Försök igen")).to_be_visible()
    # Still saving while Python is down.
    radio(page, B, "enighet", "nej").check()
    wait_saved(page, B, lambda s: answer_of(s, "enighet") == "nej")
    # An export fails while the engine is down; its message goes once the engine works.
    line = form(page, B).locator("[data-status]")
    form(page, B).locator('[data-atgard="exportera-csv"]').click()
    expect(line).to_contain_text("Filen kunde inte skapas")
    page.unroute(re.compile(r".*/pyodide/.*"))
    page.get_by_role("button", name="Försök igen").click()
    wait_python_summary(page)
    expect(line).not_to_contain_text("Filen kunde inte skapas")


def test_corrupt_saved_data_is_kept_aside_and_reported(page):
    page.goto(tool_url(B))
    put(page, f"sysselsattningskrav:{B}", "{trasig")
    page.reload()
    expect(form(page, B).locator("[data-status]")).to_contain_text("kunde inte läsas")
    aside = kept_aside(page, f"sysselsattningskrav:{B}")
    assert list(aside.values()) == ["{trasig"] and ":trasig:" in list(aside)[0]
    radio(page, B, "syfte", "ja").check()
    wait_saved(page, B, lambda s: answer_of(s, "syfte") == "ja")


def test_answers_of_an_unknown_version_are_kept_aside_unchanged(page):
    # No published version of the site wrote another schema than 2 (the schema-1 migration
    # was removed as dead code); a value with another version is kept, never read or dropped.
    page.goto(tool_url(B))
    other = json.dumps({"schema": 1, "verktyg": B, "svar": {"syfte": "Vet ej"}})
    put(page, f"sysselsattningskrav:{B}", other)
    page.reload()
    expect(form(page, B).locator("[data-status]")).to_contain_text("okänd version (1)")
    aside = kept_aside(page, f"sysselsattningskrav:{B}")
    assert list(aside.values()) == [other] and ":trasig:" in list(aside)[0]
    radio(page, B, "syfte", "ja").check()
    wait_saved(page, B, lambda s: answer_of(s, "syfte") == "ja" and s.get("schema") == 2)


# ── two tabs ────────────────────────────────────────────────────────────────────────────


def test_two_tabs_editing_different_items_lose_nothing(context_factory):
    context = context_factory()
    first, second = context.take_home(), context.new_page()  # the first tab's Python has started already
    first.goto(tool_url(B))
    second.goto(tool_url(B))
    radio(first, B, "syfte", "ja").check()
    field(first, B, "syfte", "kommentar").fill("Från flik 1")
    radio(second, B, "enighet", "nej").check()
    field(second, B, "enighet", "ansvarig").fill("Från flik 2")
    field(first, B, "analys-mal", "varde").fill("Mål från flik 1")

    both = lambda s: answer_of(s, "syfte") == "ja" and answer_of(s, "enighet") == "nej" \
        and answer_of(s, "analys-mal") == "Mål från flik 1" and answer_of(s, "enighet", "ansvarig") == "Från flik 2"
    wait_saved(first, B, both)
    # Each open tab shows the other's answers without a reload …
    expect(radio(first, B, "enighet", "nej")).to_be_checked()
    expect(field(first, B, "enighet", "ansvarig")).to_have_value("Från flik 2")
    expect(radio(second, B, "syfte", "ja")).to_be_checked()
    expect(field(second, B, "analys-mal", "varde")).to_have_value("Mål från flik 1")
    # … and after one.
    for page in (first, second):
        page.reload()
        expect(radio(page, B, "syfte", "ja")).to_be_checked()
        expect(radio(page, B, "enighet", "nej")).to_be_checked()
        expect(field(page, B, "syfte", "kommentar")).to_have_value("Från flik 1")
        expect(field(page, B, "enighet", "ansvarig")).to_have_value("Från flik 2")


def test_an_answer_another_tab_saved_shows_when_this_tab_saves_before_hearing_of_it(page):
    # Tabs hear of each other's saves by a storage event that comes some time later; when this
    # tab saves first, its save merges the other tab's answer in, and the form must show it
    # then (the event that follows brings nothing new). Two real tabs under load hit this.
    page.goto(tool_url(B))
    radio(page, B, "syfte", "ja").check()
    state = wait_saved(page, B, lambda s: answer_of(s, "syfte") == "ja")
    state["svar"]["enighet"] = {"varde": "nej", "andrad": "2030-01-01T00:00:00.000Z"}
    # Written from this tab's own script, so no storage event reaches it: as if the other
    # tab's event were still on its way.
    page.evaluate("([n, t]) => localStorage.setItem(window.skPython.lagring.nyckel(n), t)",
                  [f"sysselsattningskrav:{B}", json.dumps(state)])
    field(page, B, "syfte", "kommentar").fill("Från den här fliken")
    wait_saved(page, B, lambda s: answer_of(s, "syfte", "kommentar") == "Från den här fliken")
    expect(radio(page, B, "enighet", "nej")).to_be_checked()


def test_two_tabs_adding_and_editing_rows_lose_nothing(context_factory):
    tool = "kommunikationsplan"
    context = context_factory()
    first, second = context.take_home(), context.new_page()  # the first tab's Python has started already
    first.goto(tool_url(tool))
    second.goto(tool_url(tool))
    first.get_by_role("button", name="Lägg till målgrupp").click()
    new_row = first.locator("[data-rad][data-egen]")
    new_row.get_by_label("Målgrupp").fill("Gymnasieskolor")
    second.locator("#sk--kommunikationsplan--malgrupper--ledningsgrupper--budskap").fill("Beslutet och varför")

    def both(s):
        rows = s.get("rader", {}).get("malgrupper", [])
        return any(r.get("malgrupp") == "Gymnasieskolor" for r in rows) and any(
            r["id"] == "ledningsgrupper" and r.get("budskap") == "Beslutet och varför" for r in rows)

    wait_saved(first, tool, both)
    expect(second.locator("[data-rad][data-egen]").get_by_label("Målgrupp")).to_have_value("Gymnasieskolor")
    expect(first.locator("#sk--kommunikationsplan--malgrupper--ledningsgrupper--budskap")).to_have_value("Beslutet och varför")

    # Removing the row in one tab removes it in the other, and it stays removed.
    # Named by its summary: the second tab's Python may still be starting.
    expect(second.locator("[data-rad][data-egen]")).to_have_accessible_name("Gymnasieskolor", timeout=PYTHON_TIMEOUT)
    second.locator("[data-rad][data-egen]").get_by_role("button", name="Ta bort målgruppen").click()
    expect(second.locator("[data-status]")).to_have_text(
        "Raden Gymnasieskolor är borttagen. Tryck på Ångra borttagningen om du vill få tillbaka den.")
    expect(first.locator("[data-rad][data-egen]")).to_have_count(0)
    state = wait_saved(first, tool, lambda s: any(r.get("borttagen") for r in s["rader"]["malgrupper"]))
    first.reload()
    expect(first.locator("[data-rad][data-egen]")).to_have_count(0)
    expect(first.locator("#sk--kommunikationsplan--malgrupper--ledningsgrupper--budskap")).to_have_value("Beslutet och varför")
    assert len([r for r in state["rader"]["malgrupper"] if not r.get("borttagen")]) == 1


def test_each_row_is_named_as_the_summary_names_it(page):
    """A screen reader tells the periods apart by their groups' names, and the form, the
    summary and the document name a period alike: what is typed, or "Ny period 2"."""
    tool = "uppfoljning"
    page.goto(tool_url(tool))
    rows = page.locator("[data-tabell='perioder']:not([data-atgard]) > [data-rad]")
    expect(rows).to_have_count(1)
    expect(rows.nth(0)).to_have_accessible_name("Ny period 1")
    page.get_by_role("button", name="Lägg till period").click()
    expect(rows).to_have_count(2)
    added = rows.nth(1)
    expect(added).to_have_accessible_name("Ny period 2")
    added.get_by_label("Individer i sysselsättning").fill("16")
    added.get_by_label("Period", exact=True).fill("  2026, första halvåret ")
    expect(added).to_have_accessible_name("2026, första halvåret")
    expect(added.get_by_role("button", name="Ta bort perioden")).to_have_accessible_description("2026, första halvåret")
    expect(summary(page)).to_contain_text("utfallet för 2026, första halvåret: 16 personer")
    wait_saved(page, tool, lambda s: any(r.get("period") == "  2026, första halvåret " for r in s["rader"].get("perioder", [])))
    page.reload()
    expect(page.get_by_role("group", name="2026, första halvåret", exact=True)).to_be_visible()
    expect(rows.nth(0)).to_have_accessible_name("Ny period 1")
    rows.nth(0).get_by_label("Individer i sysselsättning").fill("3")
    page.get_by_role("group", name="2026, första halvåret").get_by_label("Period", exact=True).fill("")
    expect(rows.nth(1)).to_have_accessible_name("Ny period 2")
    expect(summary(page).locator("table th[scope=row]")).to_have_text(["Ny period 1", "Ny period 2"])
    assert_no_axe_violations(page, "added rows")
    switch_scheme(page, "dark")
    assert_no_axe_violations(page, "added rows, dark")


@pytest.mark.ny_flik  # Python held back
def test_a_typed_row_name_shows_before_python_has_started(page):
    hold_python(page)
    tool = "uppfoljning"
    page.goto(tool_url(tool))
    t = "2026-11-26T09:00:00.000Z"
    put(page, f"sysselsattningskrav:{tool}", json.dumps({
        "format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": tool, "uppdaterad": t, "svar": {},
        "rader": {"perioder": [{"id": "period-1", "period": " 2024 helår ", "andrad": t},
                               {"id": "n-a1", "period": "", "individer": "3", "andrad": t}]}}))
    page.reload()
    expect(form(page, tool)).to_have_attribute("data-motor", "laddar")
    rows = page.locator("[data-tabell='perioder']:not([data-atgard]) > [data-rad]")
    expect(rows.nth(0)).to_have_accessible_name("2024 helår")
    expect(rows.nth(1)).to_have_accessible_name("Ny period")  # numbered by Python's summary
    release_python(page)
    expect(rows.nth(1)).to_have_accessible_name("Ny period 2", timeout=PYTHON_TIMEOUT)


def test_a_removed_row_comes_back_with_angra(page):
    tool = "kommunikationsplan"
    page.goto(tool_url(tool))
    page.get_by_role("button", name="Lägg till målgrupp").click()
    row = page.locator("[data-rad][data-egen]")
    row.get_by_label("Målgrupp").fill("Skolor")
    row.get_by_label("Budskap").fill("Vi ställer krav")
    wait_saved(page, tool, lambda s: any(r.get("budskap") == "Vi ställer krav" for r in s["rader"]["malgrupper"]))
    expect(row).to_have_accessible_name("Skolor")
    row.get_by_role("button", name="Ta bort målgruppen").click()
    expect(row).to_have_count(0)
    undo = page.get_by_role("button", name="Ångra borttagningen")
    expect(undo).to_be_in_viewport()  # beside the rows, where the visitor is
    expect(page.locator("[data-atgard='angra-borja-om']")).to_be_hidden()
    undo.click()
    expect(row.get_by_label("Budskap")).to_have_value("Vi ställer krav")
    expect(row.get_by_label("Målgrupp")).to_be_focused()
    expect(page.locator("[data-status]")).to_have_text("Raden är tillbaka.")
    expect(undo).to_be_hidden()
    wait_saved(page, tool, lambda s: any(r.get("malgrupp") == "Skolor" and not r.get("borttagen") for r in s["rader"]["malgrupper"]))
    page.reload()
    expect(row.get_by_label("Budskap")).to_have_value("Vi ställer krav")


# ── the live summary ────────────────────────────────────────────────────────────────────


@pytest.mark.ny_flik  # the loading state
def test_summary_follows_the_answers_once_python_is_ready(page):
    page.goto(tool_url(B))
    expect(page.locator("[data-motorstatus]")).to_contain_text("Sammanfattningen visas så snart beräkningen är klar att använda")
    answer_syfte_nej(page, who="Anna")
    expect(summary(page)).to_contain_text("Inte redo ännu", timeout=PYTHON_TIMEOUT)
    expect(summary(page)).to_contain_text("Ansvarig: Anna")
    expect(page.locator("[data-motorstatus]")).to_have_text("Sammanfattningen följer nu dina svar.")
    radio(page, B, "definition", "vet-ej").check()
    expect(summary(page)).to_contain_text("Ta reda på (Vet ej)")
    expect(summary(page)).to_contain_text("Finns en gemensam definition")
    # Headings keep the page's outline: the summary's headings sit under "Sammanfattning" (h2),
    # which sits under the page's h1, the tool's only title.
    assert summary(page).locator("h2").count() == 0 and summary(page).locator("h3").count() >= 2
    assert page.get_by_role("heading", name="Sammanfattning", level=2).count() == 1
    assert page.locator("h1").count() == 1 and page.locator("h2", has_text=page.locator("h1").inner_text()).count() == 0


def test_follow_up_figures_give_indicators(page):
    tool = "uppfoljning"
    page.goto(tool_url(tool))
    page.get_by_label("Upphandlingar med sysselsättningskrav").fill("4")
    page.get_by_label("Upphandlingar totalt").fill("10")
    expect(summary(page)).to_contain_text("40 %", timeout=PYTHON_TIMEOUT)


def test_follow_up_outcome_reruns_the_calculation(page):
    page.goto(tool_url("uppfoljning"))
    page.get_by_label("Period", exact=True).first.fill("2026")
    page.get_by_label("Individer i sysselsättning").fill("3")
    link = summary(page).get_by_role("link", name=re.compile("utfallet för 2026: 3 personer"))
    expect(link).to_be_visible(timeout=PYTHON_TIMEOUT)
    # A share link to the calculator; once the calculator has read it, it leaves the address
    # bar (at once in a tab whose Python is ready), so the link is checked, not the address.
    assert re.search(r"/verktyg/berakning/#scenario=", link.evaluate("(a) => a.href"))
    link.click()
    expect(page).to_have_url(re.compile(r"/verktyg/berakning/"))
    expect(page.locator("#sk-berakning")).to_have_attribute("data-sk-python-status", "redo", timeout=PYTHON_TIMEOUT)
    expect(page.get_by_label("Antal personer")).to_have_value("3")
    expect(page.locator("#sk-berakning")).to_contain_text("Alla personer (3 personer)")


# ── hostile text, export, import ────────────────────────────────────────────────────────


def test_hostile_comment_is_text_in_the_summary_and_every_export(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(tool_url(B))
    answer_syfte_nej(page, who=HOSTILE, comment=HOSTILE)
    expect(summary(page)).to_contain_text(HOSTILE, timeout=PYTHON_TIMEOUT)
    assert summary(page).locator("img").count() == 0

    toolbar = form(page, B).locator("[data-verktygsrad]")
    name, markdown = download_text(page, toolbar.get_by_role("button", name="Ladda ner som Markdown"))
    assert name.endswith(".md") and "<img" not in markdown and "&lt;img src=x onerror=alert(1)&gt;" in markdown
    name, csv = download_text(page, toolbar.get_by_role("button", name="Ladda ner som CSV (Excel)"))
    assert name.endswith(".csv") and HOSTILE in csv and ";" in csv
    name, exported = download_text(page, toolbar.get_by_role("button", name="Spara som JSON-fil"))
    assert json.loads(exported)["svar"]["syfte"]["kommentar"] == HOSTILE
    expect(form(page, B).locator("[data-status]")).to_contain_text("sparade som")
    assert dialogs == []


def test_a_json_export_can_be_opened_again(page, tmp_path):
    page.goto(tool_url(B))
    answer_syfte_nej(page)
    wait_saved(page, B, lambda s: answer_of(s, "syfte", "kommentar") == "Saknas i budgeten")
    toolbar = form(page, B).locator("[data-verktygsrad]")
    _, exported = download_text(page, toolbar.get_by_role("button", name="Spara som JSON-fil"))
    export_file = tmp_path / "svar.json"
    export_file.write_text(exported, encoding="utf-8")

    radio(page, B, "syfte", "ja").check()
    field(page, B, "syfte", "kommentar").fill("Ändrat efteråt")
    page.locator("[data-importfil]").set_input_files(str(export_file))
    expect(form(page, B).locator("[data-status]")).to_contain_text("svar.json är inlästa", timeout=PYTHON_TIMEOUT)
    expect(radio(page, B, "syfte", "nej")).to_be_checked()
    expect(field(page, B, "syfte", "kommentar")).to_have_value("Saknas i budgeten")
    state = wait_saved(page, B, lambda s: answer_of(s, "syfte") == "nej")
    assert answer_of(state, "syfte", "kommentar") == "Saknas i budgeten"


@pytest.mark.ny_flik  # Python blocked
@pytest.mark.tillat_konsolfel  # the aborted Pyodide download is logged by the browser
def test_a_file_over_the_import_limit_is_refused_unread(page, tmp_path):
    from calculators.checklists.export import MAX_IMPORT_CHARS

    page.route(re.compile(r".*/pyodide/.*"), lambda route: route.abort())  # no Python needed
    page.goto(tool_url(B))
    answer_syfte_nej(page)
    wait_saved(page, B, lambda s: answer_of(s, "syfte", "kommentar") == "Saknas i budgeten")
    expect(page.locator("[data-importfil]")).to_have_attribute("data-max-tecken", str(MAX_IMPORT_CHARS))
    big = tmp_path / "stor.json"
    big.write_text("{" + " " * MAX_IMPORT_CHARS + "}", encoding="utf-8")
    page.locator("[data-importfil]").set_input_files(str(big))
    status = form(page, B).locator("[data-status]")
    expect(status).to_contain_text("stor.json är för stor")
    expect(status).to_contain_text("2 MB")
    expect(status).to_contain_text("Inget har ändrats")
    expect(field(page, B, "syfte", "kommentar")).to_have_value("Saknas i budgeten")


@pytest.mark.parametrize("content, expected", [
    ('{"format": "sysselsattningskrav-verktyg", "schema": 2, "svar": {', "JSON"),
    (json.dumps({"namn": "Inköpslista", "rader": ["mjölk", "bröd"]}), "kunde inte öppnas"),
    (json.dumps({"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": "kommunikationsplan",
                 "uppdaterad": None, "svar": {}, "rader": {}}), "kunde inte öppnas"),
], ids=["trasig-json", "annan-fil", "annat-verktyg"])
def test_a_malformed_or_foreign_file_changes_nothing(page, tmp_path, content, expected):
    page.goto(tool_url(B))
    answer_syfte_nej(page)
    before = wait_saved(page, B, lambda s: answer_of(s, "syfte", "kommentar") == "Saknas i budgeten")
    bad = tmp_path / "fel.json"
    bad.write_text(content, encoding="utf-8")
    page.locator("[data-importfil]").set_input_files(str(bad))
    status = form(page, B).locator("[data-status]")
    expect(status).to_contain_text("fel.json kunde inte öppnas", timeout=PYTHON_TIMEOUT)
    expect(status).to_contain_text(expected)
    expect(status).to_contain_text("Inget har ändrats")
    assert stored(page, B) == before
    expect(radio(page, B, "syfte", "nej")).to_be_checked()
    expect(field(page, B, "syfte", "kommentar")).to_have_value("Saknas i budgeten")


# ── Börja om and Ångra ──────────────────────────────────────────────────────────────────


def test_borja_om_asks_first_and_can_be_undone(page):
    page.goto(tool_url(B))
    answer_syfte_nej(page)
    field(page, B, "analys-mal", "varde").fill("Fler i arbete")
    wait_saved(page, B, lambda s: answer_of(s, "analys-mal") == "Fler i arbete")
    toolbar = form(page, B).locator("[data-verktygsrad]")

    toolbar.get_by_role("button", name="Börja om").click()
    expect(toolbar.get_by_role("button", name="Bekräfta: töm alla svar")).to_be_visible()
    toolbar.get_by_role("button", name="Avbryt").click()
    expect(toolbar.get_by_role("button", name="Avbryt")).to_have_count(0)
    expect(radio(page, B, "syfte", "nej")).to_be_checked()

    toolbar.get_by_role("button", name="Börja om").click()
    toolbar.get_by_role("button", name="Bekräfta: töm alla svar").click()
    expect(radio(page, B, "syfte", "nej")).not_to_be_checked()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("")
    cleared = stored(page, B)
    assert cleared["svar"] == {} and cleared["rensad"]
    expect(summary(page)).to_contain_text("0 av", timeout=PYTHON_TIMEOUT)

    undo = toolbar.get_by_role("button", name="Ångra Börja om")
    expect(undo).to_be_focused()
    undo.click()
    expect(radio(page, B, "syfte", "nej")).to_be_checked()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("Fler i arbete")
    expect(field(page, B, "syfte", "kommentar")).to_have_value("Saknas i budgeten")
    page.reload()
    expect(radio(page, B, "syfte", "nej")).to_be_checked()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("Fler i arbete")


def future_state(**extra):
    """A saved beslutsunderlag stamped by a clock that was once ahead (2027)."""
    return json.dumps({
        "format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": B,
        "uppdaterad": "2027-06-01T12:00:00.000Z", "svar": {}, "rader": {}, **extra,
    })


def test_an_edit_wins_over_a_saved_time_in_the_future(page):
    page.goto(tool_url(B))
    put(page, f"sysselsattningskrav:{B}", future_state(svar={
        "syfte": {"varde": "nej", "kommentar": "Gammal", "andrad": "2027-06-01T12:00:00.000Z"}}))
    page.reload()
    box = field(page, B, "syfte", "kommentar")
    expect(box).to_have_value("Gammal")
    box.fill("Ny kommentar")
    box.blur()
    wait_saved(page, B, lambda s: answer_of(s, "syfte", "kommentar") == "Ny kommentar")
    page.reload()
    expect(field(page, B, "syfte", "kommentar")).to_have_value("Ny kommentar")
    expect(radio(page, B, "syfte", "nej")).to_be_checked()


def test_what_is_typed_after_a_borja_om_in_the_future_is_kept(page):
    page.goto(tool_url(B))
    put(page, f"sysselsattningskrav:{B}", future_state(rensad="2027-06-01T12:00:00.000Z"))
    page.reload()
    radio(page, B, "syfte", "ja").check()
    field(page, B, "analys-mal", "varde").fill("Efter rensningen")
    field(page, B, "analys-mal", "varde").blur()
    wait_saved(page, B, lambda s: answer_of(s, "analys-mal") == "Efter rensningen" and answer_of(s, "syfte") == "ja")
    page.reload()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("Efter rensningen")
    expect(radio(page, B, "syfte", "ja")).to_be_checked()
    # A new Börja om (and its Ångra) is later than the future-dated one too.
    toolbar = form(page, B).locator("[data-verktygsrad]")
    toolbar.get_by_role("button", name="Börja om").click()
    toolbar.get_by_role("button", name="Bekräfta: töm alla svar").click()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("")
    toolbar.get_by_role("button", name="Ångra Börja om").click()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("Efter rensningen")
    page.reload()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("Efter rensningen")


# ── keyboard only ───────────────────────────────────────────────────────────────────────


def test_keyboard_only_completion_of_the_beslutsunderlag(page):
    """Tab through the whole checklist: type the analysis, Space for Ja, an arrow key for
    "Vet ej" once, type owners, pick the decision with arrow keys, type the dates."""
    page.goto(tool_url(B))
    expect(form(page, B).locator("[data-verktygsrad]")).to_be_visible()
    page.locator(f"#sk--{B}--del--a").scroll_into_view_if_needed()
    # Start from the first answer field: focus the form's first textarea by tabbing from the
    # status line's neighbour (the last toolbar button) – found by tabbing, not clicking.
    seen = set()
    answered_vet_ej = False
    for _ in range(600):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => { const e = document.activeElement; const f = e && e.closest('form[data-verktyg]');"
            " return {inForm: !!f, id: e.id, tag: e.tagName, type: e.type || '', falt: e.dataset ? e.dataset.falt || '' : '',"
            " item: (e.closest('[data-fraga]') || {dataset: {}}).dataset.fraga || '', checked: !!e.checked}; }"
        )
        if not info["inForm"]:
            if seen:
                break
            continue
        key = info["id"]
        if key in seen:
            continue  # e.g. the next segment of a date field
        seen.add(key)
        if info["tag"] == "TEXTAREA" and info["falt"] == "varde":
            page.keyboard.type(f"Svar på {info['item']}")
        elif info["type"] == "radio":
            if info["item"] == "beslut":
                page.keyboard.press("ArrowDown")  # Ja, generellt → Ja, som pilot
            elif not answered_vet_ej and info["item"] == "definition":
                page.keyboard.press("ArrowLeft")  # wraps round to "Vet ej"
                answered_vet_ej = True
            else:
                page.keyboard.press("Space")  # the first option: Ja
        elif info["type"] == "text" and info["falt"] == "ansvarig":
            page.keyboard.type("Kim")
        elif info["type"] == "text" and info["falt"] == "varde":
            page.keyboard.type("Kommunstyrelsen")
        elif info["type"] == "date":
            # Debian's Chromium shows dd/mm/yyyy or mm/dd/yyyy whatever the page locale; the
            # 12th of December reads the same in both. Segments advance after two digits.
            page.keyboard.type("12122026")
    state = wait_saved(page, B, lambda s: answer_of(s, "beslut") == "ja-pilot")
    assert answer_of(state, "uppfoljningsdatum") == "2026-12-12", json.dumps(state, ensure_ascii=False)[-1500:]
    assert answer_of(state, "beslut") == "ja-pilot"
    assert answer_of(state, "definition") == "vet-ej"
    assert answer_of(state, "syfte") == "ja" and answer_of(state, "syfte", "ansvarig") == "Kim"
    assert answer_of(state, "analys-samverkan") == "Svar på analys-samverkan"
    expect(summary(page)).to_contain_text("Redo", timeout=PYTHON_TIMEOUT)
    expect(summary(page).locator("[data-omdome]")).to_have_attribute("data-omdome", "redo")
    expect(summary(page)).to_contain_text("Ta reda på (Vet ej)")
    expect(summary(page).locator(".sk-framsteg-totalt")).to_contain_text("besvarade")


def test_a_new_verdict_is_said_once_and_the_summary_is_not_read_aloud_as_it_changes(page, tmp_path):
    tool = "genomforande"
    page.goto(tool_url(tool))
    expect(summary(page)).not_to_have_attribute("aria-live", re.compile("."))
    status = page.locator(f"#sk-{tool} [data-status], form[data-verktyg='{tool}'] [data-status]").first
    radio(page, tool, "uppfoljningsresurser", "nej").check()
    expect(status).to_have_text("Omdöme: Inte redo ännu.")
    field(page, tool, "uppfoljningsresurser", "ansvarig").fill("Kim")  # the verdict stays: nothing new is said
    wait_saved(page, tool, lambda s: answer_of(s, "uppfoljningsresurser", "ansvarig") == "Kim")
    page.wait_for_timeout(600)
    expect(status).to_have_text("Omdöme: Inte redo ännu.")
    status.evaluate("(el) => { el.textContent = ''; }")
    radio(page, tool, "uppfoljningsresurser", "ja").check()
    radio(page, tool, "matchning", "ja").check()
    expect(status).to_have_text("Omdöme: Redo.")
    expect(summary(page).locator("[data-omdome]")).to_have_attribute("data-omdome", "redo")
    # A message said after the edit is not talked over by the verdict the edit brings.
    radio(page, tool, "matchning", "nej").check()
    bad = tmp_path / "fel.json"
    bad.write_text("{", encoding="utf-8")
    page.locator(f"form[data-verktyg='{tool}'] [data-importfil]").set_input_files(str(bad))
    expect(summary(page).locator("[data-omdome]")).to_have_attribute("data-omdome", "inte_redo")
    expect(status).to_contain_text("fel.json kunde inte öppnas", timeout=PYTHON_TIMEOUT)
    page.wait_for_timeout(500)
    expect(status).to_contain_text("fel.json kunde inte öppnas")


# ── accessibility in every state ────────────────────────────────────────────────────────


def axe_check(page, label):
    """axe-core on the page at rest: back at the top, so Material's "back to top" button is
    not caught half-way through its fade-in animation. A page that was at the top already,
    with nothing animating, has no button to wait for."""
    moved = page.evaluate(
        "() => { const moved = window.scrollY !== 0; window.scrollTo(0, 0); return moved || document.getAnimations().length > 0; }")
    if moved:
        page.wait_for_timeout(400)
    assert_no_axe_violations(page, label)



@pytest.mark.parametrize("tool", TOOLS)
def test_tool_is_accessible_empty_partly_and_complete(page, tool):
    page.goto(tool_url(tool))
    axe_check(page, f"{tool}, tomt")
    first_text = form(page, tool).locator("textarea[data-falt]:visible, input[type=text][data-falt]:visible").first
    first_text.fill(HOSTILE)
    radios = form(page, tool).locator("input[type=radio]")
    if radios.count():
        radios.nth(2).check()
    if tool in ("kommunikationsplan", "uppfoljning"):
        page.locator("[data-atgard='lagg-till-rad']").click()
    wait_python_summary(page)
    axe_check(page, f"{tool}, delvis ifyllt")
    fill_everything(page, tool)
    wait_python_summary(page)
    expect(summary(page)).not_to_contain_text(re.compile(r"(^|\s)0 av"))
    axe_check(page, f"{tool}, komplett")
    # Börja om in its confirming state, too.
    form(page, tool).locator("[data-atgard='borja-om']").click()
    axe_check(page, f"{tool}, bekräfta Börja om")


def test_answered_tool_is_accessible_in_both_schemes_and_fits_320_px(context_factory):
    page = context_factory(color_scheme="light", viewport={"width": 320, "height": 640}).take_home()
    page.goto(tool_url(B))
    fill_everything(page, B)
    radio(page, B, "syfte", "nej").check()
    radio(page, B, "enighet", "vet-ej").check()
    wait_python_summary(page)
    expect(summary(page)).to_contain_text("Inte redo ännu")
    axe_check(page, f"{B} ifyllt (light, 320 px)")
    switch_scheme(page, "dark")
    axe_check(page, f"{B} ifyllt (dark, 320 px)")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow} px sideways scrolling at 320 px"


TARGETS_JS = """(root) => [...root.querySelectorAll(
    "button, select, textarea, input:not([type=radio]):not([type=checkbox]), .sk-alternativ--rad .sk-alternativ__val")]
    .filter((e) => e.offsetParent !== null)
    .map((e) => { const r = e.getBoundingClientRect();
                  return {what: e.outerHTML.slice(0, 80), w: r.width, h: r.height}; })
    .filter((t) => t.w < 24 || t.h < 24)"""


@pytest.mark.parametrize("tool", TOOLS)
def test_every_control_is_a_24_px_target_on_a_phone(page, tool):
    # WCAG 2.2, 2.5.8: at least 24 × 24 CSS px to tap, on a 390 px phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(tool_url(tool))
    small = form(page, tool).evaluate(TARGETS_JS)
    assert small == [], f"too small to tap: {small[:5]}"


def test_the_whole_answer_pill_can_be_tapped(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(tool_url(B))
    for value in ("ja", "delvis", "nej", "vet-ej"):
        pill = radio(page, B, "syfte", value).locator("xpath=..")
        pill.scroll_into_view_if_needed()
        box = pill.bounding_box()
        # the pill's right edge, past the word: neither the dot nor the label's text
        page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] / 2)
        expect(radio(page, B, "syfte", value)).to_be_checked()


def test_print_shows_the_answers_without_site_chrome(page, tmp_path):
    page.goto(tool_url(B))
    answer_syfte_nej(page)
    page.emulate_media(media="print")
    expect(form(page, B).locator("[data-verktygsrad]")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(field(page, B, "syfte", "kommentar")).to_be_visible()
    expect(radio(page, B, "syfte", "nej")).to_be_checked()
    page.screenshot(path=str(tmp_path / "beslutsunderlag-utskrift.png"), full_page=True)
    assert (tmp_path / "beslutsunderlag-utskrift.png").stat().st_size > 10_000


def test_without_javascript_the_tool_is_readable_and_says_why_nothing_is_saved(context_factory):
    page = context_factory(java_script_enabled=False).new_page()
    page.goto(tool_url(B))
    expect(page.locator("noscript, .sk-status").filter(has_text="JavaScript är avstängt").first).to_be_visible()
    expect(page.get_by_text("Vad vill vi uppnå med sysselsättningskrav i upphandlingar?").first).to_be_visible()
    expect(page.locator("[data-verktygsrad]")).to_be_hidden()  # buttons that need JavaScript stay hidden


# ── hostile saved data, storage keys, two tabs on one field ─────────────────────────────

U = "uppfoljning"
XSS_ROW_ID = "n-x\"><img src=x onerror=\"document.title='XSS'\">"


def hostile_state(tool=U):
    return {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": tool, "uppdaterad": "2026-01-01T00:00:00.000Z",
            "svar": {}, "rader": {"perioder": [
                {"id": XSS_ROW_ID, "period": "Ond", "andrad": "2026-01-01T00:00:00.000Z"},
                {"id": "n-bra", "period": "2026", "andrad": "2026-01-01T00:00:00.000Z"},
            ]}}


def put_everywhere(page, name, text):
    """Write under the site's key and under the bare key older versions used."""
    put(page, name, text)
    page.evaluate("([n, t]) => localStorage.setItem(n, t)", [name, text])


def assert_no_injection(page):
    assert page.evaluate("() => document.title") != "XSS"
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("[data-rad*='<'], [data-rad*='\"']").count() == 0


@pytest.mark.parametrize("way", ["lagring", "annan-flik", "importerad-fil"])
def test_a_hostile_row_id_in_saved_data_is_never_html(context_factory, tmp_path, way):
    context = context_factory()
    page = context.take_home()
    page.goto(tool_url(U))
    name = f"sysselsattningskrav:{U}"
    payload = json.dumps(hostile_state())
    status = form(page, U).locator("[data-status]")
    if way == "lagring":
        put_everywhere(page, name, payload)
        page.reload()
        expect(status).to_contain_text("ogiltigt id")
    elif way == "annan-flik":
        other = context.new_page()
        other.goto("analysera/")
        put_everywhere(other, name, payload)
        expect(status).to_contain_text("ogiltigt id")
    else:
        bad = tmp_path / "ond.json"
        bad.write_text(payload, encoding="utf-8")
        page.locator("[data-importfil]").set_input_files(str(bad))
        expect(status).to_contain_text("ond.json kunde inte öppnas", timeout=PYTHON_TIMEOUT)
    assert_no_injection(page)
    if way != "importerad-fil":
        # The valid row is used; the raw saved value is kept aside, never lost.
        expect(page.locator("[data-rad='n-bra'] [data-falt='period']")).to_have_value("2026")
        assert payload in kept_aside(page, name).values()
        expect(status).to_contain_text("finns kvar i webbläsaren")
        # What is saved in its place holds only the valid row.
        wait_saved(page, U, lambda s: [r["id"] for r in s["rader"].get("perioder", [])] == ["n-bra"])
    wait_python_summary(page)
    assert_no_injection(page)


def test_answers_saved_under_the_old_bare_key_are_found_on_first_load(page):
    page.goto(tool_url(B))
    old = {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": B, "uppdaterad": "2026-01-01T00:00:00.000Z",
           "svar": {"analys-mal": {"varde": "Sparat före prefixet", "andrad": "2026-01-01T00:00:00.000Z"}}, "rader": {}}
    page.evaluate("(t) => localStorage.setItem('sysselsattningskrav:beslutsunderlag', t)", json.dumps(old))
    page.reload()
    expect(field(page, B, "analys-mal", "varde")).to_have_value("Sparat före prefixet")
    radio(page, B, "syfte", "ja").check()
    state = wait_saved(page, B, lambda s: answer_of(s, "syfte") == "ja")  # now under the site's own key
    assert answer_of(state, "analys-mal") == "Sparat före prefixet"
    assert storage_key(page, "sysselsattningskrav:beslutsunderlag") == "/sysselsattningskrav:beslutsunderlag"


def test_a_focused_field_does_not_overwrite_the_other_tabs_newer_text(context_factory):
    context = context_factory()
    first, second = context.take_home(), context.new_page()  # the first tab's Python has started already
    first.goto(tool_url(B))
    second.goto(tool_url(B))
    target = lambda p: field(p, B, "analys-mal", "varde")  # noqa: E731
    target(second).fill("Gammal text i flik 2")
    wait_saved(second, B, lambda s: answer_of(s, "analys-mal") == "Gammal text i flik 2")
    expect(target(second)).to_be_focused()
    target(first).fill("Ny text från flik 1")
    wait_saved(first, B, lambda s: answer_of(s, "analys-mal") == "Ny text från flik 1")
    second.wait_for_timeout(300)  # the storage event has reached tab 2 (its field keeps focus)
    radio(second, B, "syfte", "ja").check()  # tab 2 moves on: "change" fires on the stale field
    wait_saved(second, B, lambda s: answer_of(s, "syfte") == "ja")
    second.wait_for_timeout(400)
    assert answer_of(stored(first, B), "analys-mal") == "Ny text från flik 1"
    expect(target(second)).to_have_value("Ny text från flik 1")
    expect(target(first)).to_have_value("Ny text från flik 1")


def test_borja_om_in_another_tab_clears_a_focused_field_once_it_is_left(context_factory):
    context = context_factory()
    first, second = context.take_home(), context.new_page()  # the first tab's Python has started already
    first.goto(tool_url(B))
    second.goto(tool_url(B))
    target = lambda p: field(p, B, "analys-mal", "varde")  # noqa: E731
    target(second).fill("Text i flik 2")
    wait_saved(second, B, lambda s: answer_of(s, "analys-mal") == "Text i flik 2")
    expect(target(first)).to_have_value("Text i flik 2")
    expect(target(second)).to_be_focused()
    toolbar = form(first, B).locator("[data-verktygsrad]")
    toolbar.get_by_role("button", name="Börja om").click()
    toolbar.get_by_role("button", name="Bekräfta: töm alla svar").click()
    wait_saved(first, B, lambda s: s["svar"] == {} and s.get("rensad"))
    second.wait_for_timeout(300)  # the storage event has reached tab 2 (its field keeps focus)
    radio(second, B, "syfte", "ja").focus()  # tab 2 leaves the field without typing
    second.wait_for_timeout(400)
    assert answer_of(stored(second, B), "analys-mal") is None
    expect(target(second)).to_have_value("")

    # Typed after the clear, it is a new edit: saved, and shown in both tabs.
    target(second).fill("Skrivet efteråt")
    radio(second, B, "syfte", "ja").focus()
    wait_saved(second, B, lambda s: answer_of(s, "analys-mal") == "Skrivet efteråt")
    expect(target(second)).to_have_value("Skrivet efteråt")
    expect(target(first)).to_have_value("Skrivet efteråt")


# ── limits ──────────────────────────────────────────────────────────────────────────────

def test_the_chosen_way_to_start_shows_only_its_own_question(page):
    page.goto(tool_url("genomforande"))
    pilot = page.locator('[data-fraga="pilot-avgransning"]')
    direct = page.locator('[data-fraga="styrdokument"]')
    expect(pilot).to_be_hidden()
    expect(direct).to_be_hidden()
    radio(page, "genomforande", "start", "pilot").check()
    expect(pilot).to_be_visible()
    expect(direct).to_be_hidden()
    page.reload()
    expect(pilot).to_be_visible()
    expect(direct).to_be_hidden()
    radio(page, "genomforande", "start", "direkt").check()
    expect(direct).to_be_visible()
    expect(pilot).to_be_hidden()


K = "kommunikationsplan"


def test_text_fields_carry_the_limit_and_an_error_goes_when_its_cause_does(page):
    from calculators.checklists.state import MAX_TEXT

    page.goto(tool_url(B))
    box = field(page, B, "analys-mal", "varde")
    expect(box).to_have_attribute("maxlength", str(MAX_TEXT))
    # Something put more text in than the field allows (the browser's maxlength stops typing only).
    box.evaluate("(e, n) => { e.value = 'x'.repeat(n + 1); e.dispatchEvent(new Event('input', {bubbles: true})); }", MAX_TEXT)
    status = form(page, B).locator("[data-status]")
    expect(status).to_contain_text("för lång", timeout=PYTHON_TIMEOUT)
    box.fill("x" * MAX_TEXT)
    expect(status).not_to_contain_text("för lång", timeout=PYTHON_TIMEOUT)
    wait_python_summary(page)


def test_pasting_more_than_a_field_holds_says_the_rest_was_left_out(context_factory):
    from calculators.checklists.state import MAX_TEXT

    context = context_factory(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(tool_url(B))
    box = field(page, B, "analys-mal", "varde")
    status = form(page, B).locator("[data-status]")
    expect(status).to_have_attribute("role", "status")  # read out by screen readers
    page.evaluate("(n) => navigator.clipboard.writeText('x'.repeat(n))", 200_000)
    box.focus()
    page.keyboard.press("Control+V")
    expect(box).to_have_value("x" * MAX_TEXT)
    expect(status).to_have_text(re.compile(r"Texten får vara högst 20\s000 tecken; resten kom inte med\."))
    wait_saved(page, B, lambda s: len(answer_of(s, "analys-mal") or "") == MAX_TEXT)
    # Typing into a full field says so too; a paste that fits says nothing.
    page.evaluate("() => { document.querySelector('[data-status]').textContent = ''; }")
    page.keyboard.type("y")
    expect(status).to_contain_text("högst 20")
    page.evaluate("() => { document.querySelector('[data-status]').textContent = ''; }")
    box.fill("")
    page.evaluate("() => navigator.clipboard.writeText('kort')")
    box.focus()
    page.keyboard.press("Control+V")
    expect(box).to_have_value("kort")
    expect(status).not_to_contain_text("högst")


def limit_state():
    from calculators.checklists.state import MAX_ROWS, MAX_TEXT

    defaults = 8  # the pre-filled audiences of the communication plan
    rows = [{"id": f"n-{n:04d}", "malgrupp": f"Grupp {n}", "nar": "Varje vecka", "andrad": "2026-01-01T00:00:00.000Z"}
            for n in range(MAX_ROWS - defaults)]
    rows[0]["budskap"] = "å" * MAX_TEXT
    # Many earlier deletions: they must not count against the live rows.
    rows += [{"id": f"n-t{n:04d}", "andrad": "2026-01-01T00:00:00.000Z", "borttagen": True} for n in range(300)]
    return {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": K, "uppdaterad": "2026-01-01T00:00:00.000Z",
            "svar": {}, "rader": {"malgrupper": rows}}


def test_a_full_table_says_so_and_everything_works_at_the_limits(page):
    from calculators.checklists.state import MAX_ROWS, MAX_TOMBSTONES

    page.goto(tool_url(K))
    put(page, f"sysselsattningskrav:{K}", json.dumps(limit_state()))
    page.reload()
    rows = form(page, K).locator("[data-tabell='malgrupper'][data-max-rader] [data-rad]")
    expect(rows).to_have_count(MAX_ROWS)
    note = form(page, K).locator("[data-radgrans]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("högsta antalet")
    add = page.get_by_role("button", name="Lägg till målgrupp")
    add.click()
    expect(rows).to_have_count(MAX_ROWS)
    expect(form(page, K).locator("[data-status]")).to_contain_text("Ta bort en rad")
    wait_python_summary(page)
    expect(summary(page)).to_contain_text("Besvarat")

    toolbar = form(page, K).locator("[data-verktygsrad]")
    for label, check in (("Ladda ner som Markdown", "å" * 200), ("Ladda ner som CSV (Excel)", "Grupp 191"),
                         ("Spara som JSON-fil", "Grupp 191")):
        _, text = download_text(page, toolbar.get_by_role("button", name=label))
        assert check in text

    # Deleting a row makes room; the deleted rows do not pile up.
    rows.last.get_by_role("button", name="Ta bort målgruppen").click()
    expect(note).to_be_hidden()
    add.click()
    expect(rows).to_have_count(MAX_ROWS)
    state = wait_saved(page, K, lambda s: len(s["rader"]["malgrupper"]) <= MAX_ROWS + MAX_TOMBSTONES)
    assert len([r for r in state["rader"]["malgrupper"] if r.get("borttagen")]) <= MAX_TOMBSTONES
    wait_python_summary(page)
    page.goto("verktyg/dokument/")
    doc = page.locator("[data-dokument]")
    expect(doc).to_have_attribute("data-uppdaterad", re.compile(r"\d+"), timeout=PYTHON_TIMEOUT)
    expect(doc).to_contain_text("Grupp 190")
    expect(doc).to_contain_text("å" * 200)


def test_saved_text_over_the_limit_is_kept_aside_with_a_message(page):
    from calculators.checklists.state import MAX_TEXT

    page.goto(tool_url(B))
    over = {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": B, "uppdaterad": "2026-01-01T00:00:00.000Z",
            "svar": {"analys-mal": {"varde": "x" * (MAX_TEXT + 1), "andrad": "2026-01-01T00:00:00.000Z"},
                     "syfte": {"varde": "ja", "andrad": "2026-01-01T00:00:00.000Z"}}, "rader": {}}
    name = f"sysselsattningskrav:{B}"
    put(page, name, json.dumps(over))
    page.reload()
    status = form(page, B).locator("[data-status]")
    expect(status).to_contain_text("längre än")
    expect(status).to_contain_text("finns kvar i webbläsaren")
    expect(radio(page, B, "syfte", "ja")).to_be_checked()
    assert json.dumps(over) in kept_aside(page, name).values()
    wait_python_summary(page)
    expect(summary(page)).to_contain_text("Besvarat")


# ── print ───────────────────────────────────────────────────────────────────────────────


def test_print_shows_long_one_line_answers_in_full(page, tmp_path):
    page.goto(tool_url(K))
    long_text = "Vecka 12, 14 och 16 vid varje leverantörsträff i kommunens lokaler, " * 4
    when = page.locator("#sk--kommunikationsplan--malgrupper--leverantorer--nar")
    when.fill(long_text.strip())
    comment = page.locator("#sk--kommunikationsplan--malgrupper--leverantorer--budskap")
    comment.fill("\n".join(f"Rad {n} av budskapet" for n in range(12)))
    page.emulate_media(media="print")
    copy = page.get_by_text(long_text.strip())
    expect(copy).to_be_visible()
    box = copy.bounding_box()
    assert box["height"] > 30  # wrapped over several lines, not cut off
    # A long answer in a text box grows to show all of it.
    assert comment.evaluate("(e) => e.scrollHeight <= e.clientHeight + 2")
    page.pdf(path=str(tmp_path / "kommunikationsplan.pdf"))
    page.screenshot(path=str(tmp_path / "kommunikationsplan-utskrift.png"), full_page=True)
