"""A tool's answers as readable content (HTML for the document, Markdown for exports).

Shared by the Markdown export and the beslutsunderlag document, so that the answers look the
same wherever they appear. All user text is escaped here.
"""

from __future__ import annotations

from .definitions import EXTRA_FIELDS, Item, Section, Table, Tool
from .escape import html_multiline, html_text as esc, md_cell, md_inline, md_text
from .state import live_rows
from .summary import is_answered
from . import _fmt

EMPTY = "–"
NOT_ANSWERED = "Inte besvarad."
NOTHING_YET = "Inga svar ännu."


def _item_filled(item: Item, record: dict) -> bool:
    """An answer, or a responsible person, a date or a comment beside it."""
    return is_answered(item.kind, record.get("varde")) or any((record.get(f) or "").strip() for f in item.fields)


def _row_filled(table: Table, row: dict) -> bool:
    """A row someone wrote in: a value in a column that is not fixed by the tool."""
    return any(is_answered(c.kind, row.get(c.id)) for c in table.columns if c.id not in row.get("_fast", ()))


def answer_text(item: Item, record: dict) -> str:
    """The answer as plain text (labels for choices), '' if unanswered."""
    value = record.get("varde")
    if not is_answered(item.kind, value):
        return ""
    if item.kind in ("val", "alternativ"):
        return item.label_of(value)
    return str(value)


def cell_text(column, row) -> str:
    value = row.get(column.id)
    if not is_answered(column.kind, value):
        return ""
    if column.kind == "alternativ":
        return column.label_of(value)
    return str(value)


def _groups(section: Section, state, everything=True):
    """Consecutive `val` items form one table; every other item stands alone. An item that
    does not apply to the answers (the branch not chosen) is left out, and so is an
    unanswered one unless `everything`."""
    group = []
    shown = (i for i in section.items if i.applies(state["svar"])
             and (everything or _item_filled(i, state["svar"].get(i.id, {}))))
    for item in shown:
        if item.kind == "val":
            group.append(item)
            continue
        if group:
            yield "tabell", group
            group = []
        yield "fraga", [item]
    if group:
        yield "tabell", group


def _question(item: Item) -> str:
    return item.text + (" (förutsättning)" if item.prerequisite else "")


# ─── HTML ───────────────────────────────────────────────────────────────────────────────


def section_html(tool: Tool, section: Section, state, heading_level: int, everything=True) -> str:
    """A section's answers; without `everything`, only what was answered (or a line saying
    there is nothing yet)."""
    h = f"h{heading_level}"
    out = [f'<{h} class="sk-rubrik">{esc(section.title)}</{h}>']
    if section.table is not None:
        out.append(table_html(tool, section.table, state, everything))
        return "\n".join(out)
    groups = list(_groups(section, state, everything))
    if not groups:
        out.append(f'<p class="sk-tom">{NOTHING_YET}</p>')
    for kind, items in groups:
        if kind == "tabell":
            fields = items[0].fields
            out.append('<table class="sk-tabell sk-svarstabell">')
            heads = "".join(f'<th scope="col">{esc(EXTRA_FIELDS[f][0])}</th>' for f in fields)
            out.append(f'<thead><tr><th scope="col">Fråga</th><th scope="col">Svar</th>{heads}</tr></thead><tbody>')
            for item in items:
                record = state["svar"].get(item.id, {})
                answer = answer_text(item, record)
                extras = "".join(f"<td>{html_multiline(record.get(f) or EMPTY)}</td>" for f in fields)
                cls = f' class="sk-svar--{esc(record.get("varde"))}"' if answer else ""
                out.append(f'<tr><th scope="row">{esc(_question(item))}</th><td{cls}>{esc(answer or EMPTY)}</td>{extras}</tr>')
            out.append("</tbody></table>")
        else:
            item = items[0]
            record = state["svar"].get(item.id, {})
            answer = answer_text(item, record)
            body = html_multiline(answer) if answer else f'<span class="sk-tom">{NOT_ANSWERED}</span>'
            out.append(f'<div class="sk-dokument-fraga"><p class="sk-fragetext"><strong>{esc(item.text)}</strong></p><p class="sk-fritext-svar">{body}</p>')
            for f in item.fields:
                if record.get(f):
                    out.append(f"<p>{esc(EXTRA_FIELDS[f][0])}: {html_multiline(record[f])}</p>")
            out.append("</div>")
    return "\n".join(out)


def table_html(tool: Tool, table: Table, state, everything=True) -> str:
    rows = [r for r in live_rows(tool, state, table.id) if everything or _row_filled(table, r)]
    if not rows:
        return f'<p class="sk-tom">{NOTHING_YET}</p>'
    out = ['<table class="sk-tabell">', "<thead><tr>"]
    out.append("".join(f'<th scope="col">{esc(c.text)}</th>' for c in table.columns))
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = []
        for n, col in enumerate(table.columns):
            text = cell_text(col, row) or (table.new_row_label if col.id == table.heading_column else EMPTY)
            if n == 0:
                cells.append(f'<th scope="row">{html_multiline(text)}</th>')
            else:
                cells.append(f"<td>{html_multiline(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


# ─── Markdown ───────────────────────────────────────────────────────────────────────────


def section_markdown(tool: Tool, section: Section, state, heading_level: int, everything=True) -> str:
    out = ["#" * heading_level + " " + md_inline(section.title), ""]
    if section.table is not None:
        out.append(table_markdown(tool, section.table, state, everything))
        return "\n".join(out)
    groups = list(_groups(section, state, everything))
    if not groups:
        out += [f"*{NOTHING_YET}*", ""]
    for kind, items in groups:
        if kind == "tabell":
            fields = items[0].fields
            heads = ["Fråga", "Svar"] + [EXTRA_FIELDS[f][0] for f in fields]
            out.append("| " + " | ".join(heads) + " |")
            out.append("|" + "---|" * len(heads))
            for item in items:
                record = state["svar"].get(item.id, {})
                cells = [md_cell(_question(item)), md_cell(answer_text(item, record) or EMPTY)]
                cells += [md_cell(record.get(f) or EMPTY) for f in fields]
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
        else:
            item = items[0]
            record = state["svar"].get(item.id, {})
            answer = answer_text(item, record)
            if item.kind == "fritext":
                out += [f"**{md_inline(item.text)}**", "", md_text(answer) if answer else f"*{NOT_ANSWERED}*", ""]
            else:
                sep = "" if item.text.endswith(("?", ".", ":")) else ":"
                out += [f"**{md_inline(item.text)}{sep}** {md_inline(answer) if answer else EMPTY}", ""]
            for f in item.fields:
                if record.get(f):
                    out += [f"{EXTRA_FIELDS[f][0]}: {md_inline(record[f])}", ""]
    return "\n".join(out).rstrip() + "\n"


def table_markdown(tool: Tool, table: Table, state, everything=True) -> str:
    rows = [r for r in live_rows(tool, state, table.id) if everything or _row_filled(table, r)]
    if not rows:
        return f"*{NOTHING_YET}*\n"
    out = ["| " + " | ".join(md_cell(c.text) for c in table.columns) + " |", "|" + "---|" * len(table.columns)]
    for row in rows:
        cells = []
        for col in table.columns:
            text = cell_text(col, row) or (table.new_row_label if col.id == table.heading_column else EMPTY)
            cells.append(md_cell(text))
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def indicators_markdown(periods: list) -> str:
    heads = ["Period"] + [v["text"] for v in periods[0]["nyckeltal"]]
    out = ["| " + " | ".join(heads) + " |", "|---|" + "--:|" * (len(heads) - 1)]
    for period in periods:
        out.append("| " + " | ".join([md_cell(period["period"])] + [md_cell(v["visning"]) for v in period["nyckeltal"]]) + " |")
    return "\n".join(out) + "\n"


def summary_markdown(summary: dict, heading_level: int) -> str:
    hashes = "#" * heading_level
    out = []
    verdict = summary["omdome"]
    if verdict is not None:
        out += [f"**Omdöme: {md_inline(verdict['rubrik'])}.** {md_inline(verdict['text'])}", ""]
    for warning in summary["varningar"]:
        out += [f"> {md_inline(warning)}", ""]

    def who(e):
        return f" Ansvarig: {md_inline(e['ansvarig'])}." if e.get("ansvarig") else " Ingen ansvarig angiven."

    if summary["oppna_forutsattningar"] and verdict and verdict["status"] != "tom":
        out += [f"{hashes} Åtgärda först", ""]
        out += [f"- **{md_inline(e['atgard'])}** (”{md_inline(e['text'])}” – {md_inline(e['svarstext'])}).{who(e)}" for e in summary["oppna_forutsattningar"]]
        out.append("")
    if summary["delvis_forutsattningar"]:
        out += [f"{hashes} Delvis uppfyllda förutsättningar", ""]
        out += [f"- **{md_inline(e['atgard'])}** (”{md_inline(e['text'])}”).{who(e)}" for e in summary["delvis_forutsattningar"]]
        out.append("")
    if summary["vet_ej"]:
        out += [f"{hashes} Ta reda på (Vet ej)", ""]
        out += [f"- {md_inline(e['text'])}" + (who(e) if e["ansvarig"] else "") for e in summary["vet_ej"]]
        out.append("")
    if summary["nyckeltal"]:
        out += [f"{hashes} Nyckeltal per period", "", indicators_markdown(summary["nyckeltal"])]
    for table in summary["tabeller"].values():
        if table["utan_ansvarig"]:
            out += [f"Ansvarig saknas för: {md_inline(', '.join(table['utan_ansvarig']))}.", ""]
    out += [f"{hashes} Besvarat", "", f"{summary['besvarade']} av {summary['totalt']} besvarade.", ""]
    out += [f"- {md_inline(s['rubrik'])}: {s['besvarade']} av {s['totalt']}" for s in summary["avsnitt"]]
    return "\n".join(out) + "\n"


def number_for_csv(value) -> str | None:
    """A typed number as a Swedish-Excel number, or None if it is not a number."""
    try:
        parsed = _fmt.parse_number(value)
    except ValueError:
        return None
    if parsed is None:
        return ""
    if parsed == int(parsed) and abs(parsed) < 1e15:
        return str(int(parsed))
    return _fmt.csv_number(parsed, 2).rstrip("0").rstrip(",")
