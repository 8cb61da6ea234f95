"""Every free-text field is shown as literal text in HTML, Markdown, CSV and the document."""

import markdown
import pytest
from hypothesis import example, given, settings, strategies as st

from calculators.checklists.api import OPS
from calculators.checklists.definitions import get_tool
from calculators.checklists.document import render_document
from calculators.checklists.escape import csv_cell, html_multiline, md_inline, md_text
from calculators.checklists.export import export_csv, export_markdown
from calculators.checklists.render import render_summary
from calculators.checklists.state import FORMAT

T = "2026-11-26T09:00:00Z"
XSS = "<img src=x onerror=alert(1)>"
HOSTILE = [XSS, "**x**", "[a](javascript:alert(1))", "<script>alert(1)</script>", "=1+1", "| a | b |", "# rubrik", "1. lista", "`kod`"]
HOSTILE_TEXT = "\n".join(HOSTILE)


def hostile_state(tool_id):
    """Every free-text field of the tool filled with hostile text."""
    tool = get_tool(tool_id)
    svar, rader = {}, {}
    for item in tool.items.values():
        record = {"andrad": T}
        if item.kind in ("fritext", "text"):
            record["varde"] = HOSTILE_TEXT
        elif item.kind == "val":
            record["varde"] = "vet-ej"
        for f in item.fields:
            record[f] = HOSTILE_TEXT if f != "klart_senast" else "2026-12-01"
        svar[item.id] = record
    for table in tool.tables.values():
        rows = []
        for n, row_id in enumerate([r.id for r in table.rows] + ["n-1"]):
            row = {"id": row_id, "andrad": T}
            fixed = table.default_row(row_id).fixed if table.default_row(row_id) else {}
            for col in table.columns:
                if col.id in fixed:
                    continue
                row[col.id] = {"tal": "=1+1", "fritext": HOSTILE_TEXT, "text": HOSTILE_TEXT}.get(col.kind)
            rows.append(row)
        rader[table.id] = rows
    return {"format": FORMAT, "schema": 2, "verktyg": tool_id, "uppdaterad": T, "svar": svar, "rader": rader}


def render_md(text):
    return markdown.markdown(text, extensions=["tables", "md_in_html", "attr_list"])


def assert_inert_html(html):
    lowered = html.lower()
    assert "<img" not in lowered and "<script" not in lowered
    assert "<strong>x</strong>" not in html and "<ol>" not in html and "<h1>rubrik" not in html
    assert 'href="javascript' not in lowered and "<code>" not in html and "<script" not in lowered


TOOLS = ["beslutsunderlag", "genomforande", "kommunikationsplan", "uppfoljning"]


@pytest.mark.parametrize("tool_id", TOOLS)
def test_summary_html_escapes(tool_id):
    html = render_summary(tool_id, hostile_state(tool_id))
    assert_inert_html(html)


@pytest.mark.parametrize("tool_id", TOOLS)
def test_markdown_export_renders_as_literal_text(tool_id):
    text = export_markdown(tool_id, hostile_state(tool_id))
    html = render_md(text)
    assert_inert_html(html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "**x**" in html and "[a](javascript:alert(1))" in html


@pytest.mark.parametrize("tool_id", TOOLS)
def test_csv_export_neutralises_formulas(tool_id):
    import csv
    import io

    text = export_csv(tool_id, hostile_state(tool_id))
    cells = [c for row in csv.reader(io.StringIO(text[1:]), delimiter=";") for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert "'=1+1" in cells or any(c.startswith("'" + XSS) for c in cells) or any(XSS in c for c in cells)


def test_document_html_and_markdown_escape_every_tool():
    states = {t: hostile_state(t) for t in TOOLS}
    doc = render_document(states, None)
    assert_inert_html(doc["html"])
    assert "&lt;img src=x onerror=alert(1)&gt;" in doc["html"]
    html = render_md(doc["markdown"])
    assert_inert_html(html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_calculation_strings_are_escaped_too():
    result = {"version": 1, "scenario": {"sysselsattningstyp": XSS, "anstallningsstod": {"typ": "**x**"}},
              "per_person": {}, "totalt": {k: 1.0 for k in ("individ", "kommun", "region", "stat", "arbetsgivare", "summa_aktorer", "indirekt_skatt", "samhallsekonomiskt_netto")},
              "varningar": [XSS]}
    doc = OPS["beslutsunderlag_dokument"]({"tillstand": {}, "berakning": result})
    assert_inert_html(doc["html"])
    assert_inert_html(render_md(doc["markdown"]))


@settings(max_examples=200, deadline=None)
@example("&#1")  # a character reference without its semicolon (found by hypothesis)
@example("&amp x &lt")
@given(st.text(alphabet=st.sampled_from(list("<>&*_`[]()!#+-=.|~:{}\\/ \n1aZåä\"'")), max_size=40))
def test_markdown_escape_round_trips_to_the_same_text(text):
    """Whatever the user types, Python-Markdown shows exactly that text (modulo whitespace)."""
    import html as html_module
    import re

    rendered = render_md(md_text(text))
    plain = html_module.unescape(re.sub(r"<[^>]+>", "", rendered.replace("<br />", "\n")))
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    assert squash(plain) == squash(text)


def test_helpers():
    assert html_multiline("a<b\nc") == "a&lt;b<br>c"
    assert md_inline("**x**") == "\\*\\*x\\*\\*"
    assert md_inline("1. x") == "1\\. x"
    assert csv_cell("=SUM(A1)") == "'=SUM(A1)" and csv_cell("-1") == "'-1" and csv_cell("ok") == "ok"


FORMULA_DISGUISES = [
    " =1+1", "\u00a0=1+1", "\u200b=1+1", "\ufeff@SUM(A1)", "\u2060+1", "\t-1", " \u200d\u00a0 =1",
    "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20SUM(A1)", "\r=1",
]


@pytest.mark.parametrize("text", FORMULA_DISGUISES)
def test_csv_neutralises_formulas_behind_whitespace_and_full_width_signs(text):
    assert csv_cell(text).startswith("'"), repr(text)


CONTROLS = ["\x00", "\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\x07", "\x1b"]


@pytest.mark.parametrize("char", CONTROLS)
def test_exports_drop_nul_and_bidirectional_controls(char):
    text = f"admin{char}gnp.exe\nrad två"
    assert char not in csv_cell(text) and "admingnp.exe" in csv_cell(text)
    assert char not in md_text(text) and char not in md_inline(text)


@pytest.mark.parametrize("tool_id", TOOLS)
def test_every_export_of_a_tool_drops_controls(tool_id):
    state = hostile_state(tool_id)
    sneaky = "a\u202eb\x00c"
    for record in state["svar"].values():
        if isinstance(record.get("varde"), str) and record["varde"] == HOSTILE_TEXT:
            record["varde"] = sneaky
    for text in (export_csv(tool_id, state), export_markdown(tool_id, state)):
        assert "\u202e" not in text and "\x00" not in text
