"""Exports of a tool's answers (Markdown, CSV for Swedish Excel, JSON) and the JSON import.

Exports are pure functions of the state: the date in a file name and header is the date of
the state's `uppdaterad`, never the clock, so the same answers always give the same file.
"""

from __future__ import annotations

import csv
import io
import json

from calculators import jsontext
from calculators.errors import InputError

from . import blocks as B
from .content import answer_text, cell_text, number_for_csv, section_blocks, summary_blocks
from .definitions import EXTRA_FIELDS, get_tool
from .escape import csv_cell, md_inline
from .state import FORMAT, date_of, live_rows, state_or_empty, validate
from .summary import INDICATORS, summarize
from . import _fmt

MAX_IMPORT_CHARS = 2_000_000

MIME = {
    "markdown": "text/markdown;charset=utf-8",
    "csv": "text/csv;charset=utf-8",
    "json": "application/json",
}
EXTENSION = {"markdown": "md", "csv": "csv", "json": "json"}


def file_name(tool_id: str, state, fmt: str) -> str:
    day = date_of(state.get("uppdaterad")) if state else ""
    return f"{tool_id}{'-' + day if day else ''}.{EXTENSION[fmt]}"


def export_markdown(tool_id: str, state) -> str:
    tool = get_tool(tool_id)
    state = state_or_empty(state, tool_id)
    out = [f"# {md_inline(tool.title)}", ""]
    day = date_of(state.get("uppdaterad"))
    if day:
        out += [f"Senast ändrad: {day}", ""]
    part = None
    heading = 2
    for section in tool.sections:
        if section.part and section.part != part:
            part = section.part
            out += [f"## {md_inline(tool.part(part).title)}", ""]
            heading = 3
        out.append(B.to_markdown(section_blocks(tool, section, state, heading)))
    out += ["## Sammanfattning", "", B.to_markdown(summary_blocks(summarize(tool_id, state), 3))]
    return "\n".join(out).rstrip() + "\n"


def _csv_text(rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
    return "\ufeff" + buffer.getvalue()


def export_csv(tool_id: str, state) -> str:
    """Semicolon-separated, every field quoted, CRLF, UTF-8 with BOM; text cells that a
    spreadsheet would evaluate get a leading apostrophe; numbers use a decimal comma."""
    tool = get_tool(tool_id)
    state = state_or_empty(state, tool_id)
    rows = []
    item_sections = [s for s in tool.sections if s.items]
    if item_sections:
        fields = [f for f in EXTRA_FIELDS if any(f in s.fields for s in item_sections)]
        has_prereq = bool(tool.prerequisites)
        head = (["Del"] if tool.parts else []) + ["Avsnitt", "Fråga"] + (["Förutsättning"] if has_prereq else []) + ["Svar"]
        rows.append(head + [EXTRA_FIELDS[f][0] for f in fields])
        for section in item_sections:
            for item in (i for i in section.items if i.applies(state["svar"])):  # not the branch not chosen
                record = state["svar"].get(item.id, {})
                row = ([tool.part(section.part).title] if tool.parts else []) + [section.title, item.text]
                if has_prereq:
                    row.append("Ja" if item.prerequisite else "")
                row.append(csv_cell(answer_text(item, record)))
                row += [csv_cell(record.get(f, "")) if f in item.fields else "" for f in fields]
                rows.append(row)
    for table_id, table in tool.tables.items():
        if rows:
            rows.append([])
        indicators = INDICATORS if table_id == "perioder" else ()
        rows.append(
            [c.text for c in table.columns]
            + [f"{text} ({'%' if kind == 'procent' else 'kr' if kind == 'kr' else 'antal'})" for _, text, _, _, kind in indicators]
        )
        for row in live_rows(tool, state, table_id):
            cells = []
            for col in table.columns:
                if col.kind == "tal":
                    number = number_for_csv(row.get(col.id))
                    cells.append(number if number is not None else csv_cell(row.get(col.id)))
                else:
                    cells.append(csv_cell(cell_text(col, row)))
            for key, _, num, den, kind in indicators:
                try:
                    a, b = _fmt.parse_number(row.get(num)), _fmt.parse_number(row.get(den))
                except ValueError:
                    a = b = None
                if a is None or b is None or b <= 0:
                    cells.append("")
                elif kind == "procent":
                    cells.append(_fmt.csv_number(100 * a / b, 1))
                elif kind == "kr":
                    cells.append(_fmt.csv_number(a / b, 0))
                else:
                    cells.append(_fmt.csv_number(a / b, 1))
            rows.append(cells)
    return _csv_text(rows)


def export_json(tool_id: str, state) -> str:
    state = state_or_empty(state, tool_id)
    return json.dumps(state, ensure_ascii=False, indent=2) + "\n"


def export(tool_id: str, state, fmt: str) -> dict:
    """{"filnamn", "mimetyp", "innehall"} for the download."""
    functions = {"markdown": export_markdown, "csv": export_csv, "json": export_json}
    if fmt not in functions:
        raise InputError.field("format", "Okänt exportformat. Välj Markdown, CSV eller JSON.")
    state = state_or_empty(state, tool_id)
    return {"filnamn": file_name(tool_id, state, fmt), "mimetyp": MIME[fmt], "innehall": functions[fmt](tool_id, state)}


def _reject_constant(name):
    raise ValueError(name)


def import_json(tool_id: str, text) -> dict:
    """Read a JSON export for the tool `tool_id`. Returns the validated state;
    raises InputError (Swedish) for anything else. Never partially applies anything."""
    get_tool(tool_id)
    if not isinstance(text, str):
        raise InputError.field("text", "Filen kunde inte läsas som text.")
    if len(text) > MAX_IMPORT_CHARS:
        raise InputError.field("text", "Filen är för stor för att vara en export från verktygen.")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError.field("text", "Filen är tom.")
    try:
        data = jsontext.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise InputError.field(
            "text", f"Filen är inte giltig JSON (fel på rad {err.lineno}, kolumn {err.colno}). Välj en fil som har sparats med knappen ”Spara som JSON-fil”."
        ) from None
    except (ValueError, RecursionError):
        raise InputError.field("text", "Filen är inte giltig JSON. Välj en fil som har sparats med knappen ”Spara som JSON-fil”.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError.field(
            "format",
            "Filen kommer inte från verktygen på den här webbplatsen. Välj en fil som har sparats med knappen ”Spara som JSON-fil”.",
        )
    return validate(data, tool_id)
