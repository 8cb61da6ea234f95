"""A tool's answers as readable content: document blocks (calculators.checklists.blocks) that
the beslutsunderlag document and the Markdown export render, so that the answers look the
same wherever they appear. The renderers escape all user text.
"""

from __future__ import annotations

from .definitions import EXTRA_FIELDS, Item, Section, Table, Tool
from . import blocks as B
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


def section_blocks(tool: Tool, section: Section, state, level: int, everything=True, title=True) -> list[dict]:
    """A section's answers as document blocks (calculators.checklists.blocks); without
    `everything`, only what was answered (or a line saying there is nothing yet)."""
    out = [B.heading(level, section.title)] if title else []
    if section.table is not None:
        return out + table_blocks(tool, section.table, state, everything)
    groups = list(_groups(section, state, everything))
    if not groups:
        out.append(B.para(NOTHING_YET, klass="tom"))
    for kind, items in groups:
        if kind == "tabell":
            fields = items[0].fields
            rows = []
            for item in items:
                record = state["svar"].get(item.id, {})
                rows.append([_question(item), answer_text(item, record) or EMPTY]
                            + [record.get(f) or EMPTY for f in fields])
            out.append(B.table(["Fråga", "Svar"] + [EXTRA_FIELDS[f][0] for f in fields], rows, klass="sk-svarstabell"))
            continue
        item = items[0]
        record = state["svar"].get(item.id, {})
        answer = answer_text(item, record)
        if item.kind == "fritext":
            out.append(B.para(B.bold(item.text), klass="fraga"))
            out.append(B.para(answer, klass="fritext") if answer else B.para(NOT_ANSWERED, klass="tom"))
        elif item.text.endswith("."):
            # An instruction ("Fundera först på …."), not a question: the choice on its own line.
            out.append(B.para(B.bold(item.text), f"\nValt: {answer or EMPTY}"))
        else:
            sep = "" if item.text.endswith(("?", ":")) else ":"
            out.append(B.para(B.bold(item.text + sep), " " + (answer or EMPTY)))
        out += [B.para(f"{EXTRA_FIELDS[f][0]}: {record[f]}") for f in item.fields if record.get(f)]
    return out


def table_blocks(tool: Tool, table: Table, state, everything=True) -> list[dict]:
    named = [(table.row_name(r, n), r) for n, r in enumerate(live_rows(tool, state, table.id), 1)]
    rows = [(name, r) for name, r in named if everything or _row_filled(table, r)]
    if not rows:
        return [B.para(NOTHING_YET, klass="tom")]
    shown = [[name if col.id == table.heading_column else cell_text(col, row) or EMPTY
              for col in table.columns] for name, row in rows]
    return [B.table([c.text for c in table.columns], shown)]


def indicators_block(periods: list) -> dict:
    heads = ["Period"] + [v["text"] for v in periods[0]["nyckeltal"]]
    rows = [[p["period"]] + [v["visning"] for v in p["nyckeltal"]] for p in periods]
    return B.table(heads, rows, right=range(1, len(heads)))


def _who(e) -> str:
    return f" Ansvarig: {e['ansvarig']}." if e.get("ansvarig") else " Ingen ansvarig angiven."


def summary_blocks(summary: dict, level: int) -> list[dict]:
    """A tool's summary (verdict, what to do first, indicators, progress) as blocks."""
    out = []
    verdict = summary["omdome"]
    if verdict is not None:
        out.append(B.para(B.bold(f"Omdöme: {verdict['rubrik']}."), " " + verdict["text"], klass="omdome"))
    out += [B.para(w, klass="varning") for w in summary["varningar"]]
    if summary["oppna_forutsattningar"] and verdict and verdict["status"] != "tom":
        out.append(B.heading(level, "Åtgärda först"))
        out.append(B.bullets([[B.bold(e["atgard"]), f" (”{e['text']}” – {e['svarstext']})." + _who(e)]
                              for e in summary["oppna_forutsattningar"]]))
    if summary["delvis_forutsattningar"]:
        out.append(B.heading(level, "Delvis uppfyllda förutsättningar"))
        out.append(B.bullets([[B.bold(e["atgard"]), f" (”{e['text']}”)." + _who(e)]
                              for e in summary["delvis_forutsattningar"]]))
    if summary["vet_ej"]:
        out.append(B.heading(level, "Ta reda på (Vet ej)"))
        out.append(B.bullets([e["text"] + (_who(e) if e["ansvarig"] else "") for e in summary["vet_ej"]]))
    if summary["nyckeltal"]:
        out += [B.heading(level, "Nyckeltal per period"), indicators_block(summary["nyckeltal"])]
    for table in summary["tabeller"].values():
        if table["utan_ansvarig"]:
            out.append(B.para(f"Ansvarig saknas för: {', '.join(table['utan_ansvarig'])}."))
    out += [B.heading(level, "Besvarat"), B.para(f"{summary['besvarade']} av {summary['totalt']} besvarade.")]
    out.append(B.bullets([f"{s['rubrik']}: {s['besvarade']} av {s['totalt']}" for s in summary["avsnitt"]]))
    return out


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
