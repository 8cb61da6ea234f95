"""Limits of the saved answers, and the one home of each rule the browser enforces too.

The form carries what the glue needs from Python (text length, rows per table, the shape of
a row id), so the rules are not typed a second time in JavaScript. Everything must still work
at exactly the limits, deleted rows must not use up a table for good, and one tool's broken
answers must not take the whole document down.
"""

import json
import re
from html.parser import HTMLParser

import pytest

from calculators.checklists.definitions import ADDED_ROW_RE, ROW_ID_MAX, get_tool
from calculators.checklists.document import render_document
from calculators.checklists.export import export, import_json
from calculators.checklists.render import render_summary, render_tool
from calculators.checklists.state import (
    FORMAT, MAX_NUMBER_TEXT, MAX_ROW_ENTRIES, MAX_ROWS, MAX_TEXT, MAX_TOMBSTONES, validate,
)
from calculators.checklists.summary import summarize
from calculators.errors import InputError

TOOLS = ["beslutsunderlag", "genomforande", "kommunikationsplan", "uppfoljning"]
T0 = "2026-01-01T00:00:00.000Z"


def stamp(n):
    """Distinct, ordered ISO times: the n-th second of 2026-01-01."""
    return f"2026-01-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}.000Z"


def state(tool, svar=None, rader=None):
    return {"format": FORMAT, "schema": 2, "verktyg": tool, "uppdaterad": T0, "svar": svar or {}, "rader": rader or {}}


class Controls(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.controls, self.tables = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "textarea") and "data-falt" in attrs:
            self.controls.append((tag, attrs))
        if "data-tabell" in attrs and "data-atgard" not in attrs:
            self.tables.append(attrs)


# ─── The form carries the limits (one home: Python) ─────────────────────────────────────


@pytest.mark.parametrize("tool_id", TOOLS)
def test_every_text_control_has_the_length_limit(tool_id):
    parser = Controls()
    parser.feed(render_tool(tool_id, f"verktyg/{tool_id}.md"))
    texts = [(t, a) for t, a in parser.controls if t == "textarea" or a.get("type") == "text"]
    assert texts
    for tag, attrs in texts:
        expected = MAX_NUMBER_TEXT if attrs.get("inputmode") == "decimal" else MAX_TEXT
        assert attrs.get("maxlength") == str(expected), (tag, attrs)


@pytest.mark.parametrize("tool_id", ["kommunikationsplan", "uppfoljning"])
def test_tables_carry_the_row_limit_and_the_row_id_rule(tool_id):
    parser = Controls()
    parser.feed(render_tool(tool_id, f"verktyg/{tool_id}.md"))
    assert parser.tables
    for attrs in parser.tables:
        assert attrs["data-max-rader"] == str(MAX_ROWS)
        assert attrs["data-max-borttagna"] == str(MAX_TOMBSTONES)
        assert attrs["data-rad-monster"] == ADDED_ROW_RE.pattern
        assert attrs["data-rad-maxlangd"] == str(ROW_ID_MAX)
        # The pattern means the same in JavaScript: no Python-only syntax.
        assert not re.search(r"\(\?P|\\[AZz]|\(\?[aiLmsux]", attrs["data-rad-monster"])


def test_a_row_id_longer_than_the_limit_is_rejected():
    long_id = "n-" + "a" * (ROW_ID_MAX - 1)
    with pytest.raises(InputError, match="ogiltigt rad-id"):
        validate(state("kommunikationsplan", rader={"malgrupper": [{"id": long_id, "andrad": T0}]}))
    ok = long_id[:ROW_ID_MAX]
    assert validate(state("kommunikationsplan", rader={"malgrupper": [{"id": ok, "andrad": T0}]}))


# ─── Everything works at exactly the limits ────────────────────────────────────────────


def full_kommunikationsplan():
    rows = [{"id": f"n-{n:04d}", "malgrupp": f"Grupp {n}", "nar": "Varje vecka", "andrad": stamp(n)} for n in range(MAX_ROWS)]
    rows[0]["budskap"] = "å" * MAX_TEXT
    return state("kommunikationsplan", rader={"malgrupper": rows})


def full_beslutsunderlag():
    return state("beslutsunderlag", svar={
        "analys-mal": {"varde": "ö" * MAX_TEXT, "andrad": T0},
        "syfte": {"varde": "nej", "ansvarig": "A" * MAX_TEXT, "kommentar": "<b>" * (MAX_TEXT // 3), "andrad": T0},
    })


@pytest.mark.parametrize("make", [full_kommunikationsplan, full_beslutsunderlag], ids=["rader", "svar"])
def test_summary_exports_and_document_work_at_the_limits(make):
    s = make()
    tool_id = s["verktyg"]
    assert validate(s)
    summarize(tool_id, s)
    assert render_summary(tool_id, s)
    for fmt in ("markdown", "csv", "json"):
        out = export(tool_id, s, fmt)
        assert out["innehall"]
    again = import_json(tool_id, export(tool_id, s, "json")["innehall"])
    assert again == validate(s)
    doc = render_document({tool_id: s})
    assert "å" * 100 in doc["html"] + doc["markdown"] or "ö" * 100 in doc["html"] + doc["markdown"]


def test_a_text_over_the_limit_or_a_table_over_the_row_limit_is_rejected_in_swedish():
    s = full_kommunikationsplan()
    s["rader"]["malgrupper"][0]["budskap"] += "å"
    with pytest.raises(InputError, match="20\u00a0001 tecken \\(högst 20\u00a0000\\)"):
        validate(s)
    s = full_kommunikationsplan()
    s["rader"]["malgrupper"].append({"id": "n-extra", "andrad": T0})
    with pytest.raises(InputError, match="För många rader"):
        validate(s)


# ─── Deleted rows do not use up a table ────────────────────────────────────────────────


def tombstones(n, start=10_000):
    return [{"id": f"n-t{k:05d}", "andrad": stamp(start + k), "borttagen": True} for k in range(n)]


def test_many_deleted_rows_do_not_count_against_the_live_rows():
    s = full_kommunikationsplan()
    s["rader"]["malgrupper"] += tombstones(3 * MAX_TOMBSTONES)
    clean = validate(s)
    rows = clean["rader"]["malgrupper"]
    assert len([r for r in rows if not r.get("borttagen")]) == MAX_ROWS
    kept = [r for r in rows if r.get("borttagen")]
    # Only the newest tombstones are kept.
    assert len(kept) == MAX_TOMBSTONES
    newest = sorted(tombstones(3 * MAX_TOMBSTONES), key=lambda r: r["andrad"])[-MAX_TOMBSTONES:]
    assert {r["id"] for r in kept} == {r["id"] for r in newest}


def test_an_absurdly_long_row_list_is_refused_before_it_is_read():
    s = state("kommunikationsplan", rader={"malgrupper": tombstones(MAX_ROW_ENTRIES + 1)})
    with pytest.raises(InputError, match="För många rader"):
        validate(s)


# ─── One broken tool does not take the document down ───────────────────────────────────


def test_document_leaves_out_a_tool_whose_answers_cannot_be_read_and_says_so():
    good = full_beslutsunderlag()
    bad = full_kommunikationsplan()
    bad["rader"]["malgrupper"][0]["budskap"] += "å"
    doc = render_document({"beslutsunderlag": good, "kommunikationsplan": bad})
    assert "ö" * 100 in doc["html"]
    title = get_tool("kommunikationsplan").title
    assert doc["utelamnade"] == [{"verktyg": "kommunikationsplan", "rubrik": title}]
    assert f"De sparade svaren i ”{title}” kunde inte läsas" in doc["html"]
    assert f"De sparade svaren i ”{title}” kunde inte läsas" in doc["markdown"]


# ─── Messages quote at most a short prefix of what was typed or saved ──────────────────


@pytest.mark.parametrize("where", ["top", "svar", "rad", "schema", "tabell", "fraga"])
def test_messages_quote_only_a_short_prefix_of_user_input(where):
    long = "x" * 5000
    s = state("kommunikationsplan", rader={"malgrupper": [{"id": "n-a", "andrad": T0}]})
    if where == "top":
        s[long] = 1
    elif where == "svar":
        s = state("beslutsunderlag", svar={"syfte": {"varde": "ja", "andrad": T0, long: 1}})
    elif where == "rad":
        s["rader"]["malgrupper"][0][long] = 1
    elif where == "schema":
        s["schema"] = 10 ** 300
    elif where == "tabell":
        s["rader"][long] = []
    elif where == "fraga":
        s["svar"][long] = {"varde": "ja", "andrad": T0}
    with pytest.raises(InputError) as err:
        validate(s)
    text = json.dumps(err.value.messages, ensure_ascii=False)
    assert len(text) < 600, text[:300]
