"""The live summary of a tool: progress, open prerequisites, the verdict, the "Vet ej" list,
and for the follow-up worksheet the indicators per period.

`summarize` returns plain data (JSON-serialisable); `render.render_summary` turns it into the
HTML fragment the page shows. The verdict rules (status codes are stable, texts Swedish):

The verdict is {"status", "rubrik" (short title), "text" (the sentence after the title),
"atgarder", "forutsattningar" (counts)}; shown as "Rubrik. Text".

- `tom`: nothing answered yet.
- `inte_redo`: at least one prerequisite answered Nej or Vet ej.
- `ej_klar`: no prerequisite Nej/Vet ej, but at least one prerequisite unanswered.
- `pilot`: every prerequisite answered, at least one Delvis (none Nej/Vet ej).
- `redo`: every prerequisite answered Ja.
A tool without `val` items (Kommunikationsplan, Uppföljning) has no verdict (`omdome` None).
"""

from __future__ import annotations

import base64
import json

from .definitions import Tool, get_tool
from .state import date_of, live_rows, state_or_empty
from . import _fmt
from calculators.model.scenario import VERSION as SCENARIO_VERSION

# Per tool: what "before" means, and the verdict when every prerequisite is met.
_CONTEXT = {
    "beslutsunderlag": (
        "innan ni beslutar om sysselsättningskrav",
        "Ni har de viktigaste förutsättningarna på plats och kan besluta om att ställa sysselsättningskrav.",
    ),
    "genomforande": (
        "innan ni börjar ställa sysselsättningskrav i upphandlingar",
        "Ni har de viktigaste förutsättningarna för genomförandet på plats och kan börja ställa sysselsättningskrav.",
    ),
}

VERDICT_TITLES = {
    "tom": "Inte besvarat ännu",
    "inte_redo": "Inte redo ännu",
    "ej_klar": "Inte färdigt",
    "pilot": "Delvis redo – börja med en pilot",
    "redo": "Redo",
}


def is_answered(kind: str, value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


def _item_record(state, item_id) -> dict:
    return state["svar"].get(item_id) or {}


def _prereq_entry(item, record) -> dict:
    value = record.get("varde")
    return {
        "id": item.id,
        "text": item.text,
        "svar": value,
        "svarstext": item.label_of(value) if value else "Obesvarad",
        "ansvarig": (record.get("ansvarig") or "").strip(),
        "atgard": item.action,
    }


def _verdict(tool: Tool, state, answered: int) -> dict | None:
    """The verdict (module docstring); `answered` counts every answered item: a tool with
    answers, but none to its prerequisites, is not untouched but not finished."""
    val_items = [i for s in tool.sections for i in s.items if i.kind == "val"]
    if not val_items:
        return None
    prereqs = tool.prerequisites
    answers = {i.id: _item_record(state, i.id).get("varde") for i in val_items}
    counts = {k: 0 for k in ("ja", "delvis", "nej", "vet-ej", "obesvarad")}
    for item in prereqs:
        counts[answers[item.id] or "obesvarad"] += 1
    total = len(prereqs)
    blocked = counts["nej"] + counts["vet-ej"]
    other_no = [i for i in val_items if not i.prerequisite and answers[i.id] == "nej"]
    actions = [
        i.action for i in prereqs if answers[i.id] in ("nej", "vet-ej", None) and i.action
    ]

    before, ready_text = _CONTEXT.get(tool.id, _CONTEXT["beslutsunderlag"])
    if not answered:
        status = "tom"
        text = "Svara på frågorna, så visas här vad som saknas och om ni är redo."
    elif blocked:
        status = "inte_redo"
        # The sentence counts what "Åtgärda först" lists: the No and Vet ej, and the unanswered.
        open_count = blocked + counts["obesvarad"]
        text = (
            f"{blocked} av {total} förutsättningar "
            + ("är inte uppfylld eller är oklar" if blocked == 1 else "är inte uppfyllda eller är oklara")
            + (f" och {counts['obesvarad']} är obesvarade" if counts["obesvarad"] > 1 else
               " och 1 är obesvarad" if counts["obesvarad"] else "")
            + f". Åtgärda {'den' if open_count == 1 else 'dem'} {before}."
        )
    elif counts["obesvarad"]:
        status = "ej_klar"
        text = f"{counts['obesvarad']} av {total} förutsättningar är obesvarade. Besvara dem för att få ett omdöme."
    elif counts["delvis"]:
        status = "pilot"
        text = (
            ("1 förutsättning är bara delvis uppfylld. " if counts["delvis"] == 1
             else f"{counts['delvis']} förutsättningar är bara delvis uppfyllda. ")
            + "Börja med en pilot inom ett avgränsat upphandlingsområde eller under en begränsad tid, "
            "och gör klart det som saknas under tiden."
        )
    else:
        status = "redo"
        text = ready_text
    if status in ("pilot", "redo") and other_no:
        named = [f"”{i.text}”" for i in other_no]
        text += (
            f" Men {len(other_no)} andra punkter är besvarade med Nej – se över dem: "
            f"{', '.join(named[:-1])} och {named[-1]}."
            if len(other_no) > 1
            else f" Men {named[0]} är besvarad med Nej – se över den."
        )
    return {
        "status": status,
        "rubrik": VERDICT_TITLES[status],
        "text": text,
        "atgarder": actions if status in ("inte_redo", "ej_klar") else [],
        "forutsattningar": {"totalt": total, **{k.replace("-", "_"): v for k, v in counts.items()}},
    }


# Derived indicators of the follow-up table: (key, label, numerator, denominator, kind).
INDICATORS = (
    ("andel_med_krav", "Andel upphandlingar med krav", "upphandlingar_med_krav", "upphandlingar_totalt", "procent"),
    ("anbud_per_upphandling", "Anbud per upphandling med krav", "anbud", "upphandlingar_med_krav", "tal"),
    ("kostnad_per_individ", "Kostnad per individ i sysselsättning", "kostnad", "individer", "kr"),
)


def _indicators(tool, table, rows):
    periods, warnings = [], []
    for n, row in enumerate(rows, 1):
        label = table.row_name(row, n)
        numbers = {}
        for col in table.columns:
            if col.kind != "tal":
                continue
            try:
                numbers[col.id] = _fmt.parse_number(row.get(col.id))
            except ValueError:
                numbers[col.id] = None
                warnings.append(f"{label}: ”{str(row.get(col.id))[:40]}” i kolumnen ”{col.text}” är inte ett tal.")
                continue
            if numbers[col.id] is not None and numbers[col.id] < 0:
                warnings.append(f"{label}: ”{col.text}” är negativt.")
        med, tot = numbers.get("upphandlingar_med_krav"), numbers.get("upphandlingar_totalt")
        if med is not None and tot is not None and med > tot:
            warnings.append(f"{label}: fler upphandlingar med krav än upphandlingar totalt.")
        values = []
        for key, text, num, den, kind in INDICATORS:
            a, b = numbers.get(num), numbers.get(den)
            value = a / b if a is not None and b is not None and b > 0 else None
            if value is None:
                shown = "–"
            elif kind == "procent":
                shown = _fmt.procent(value, 0)
            elif kind == "kr":
                shown = _fmt.kr(value)
            else:
                shown = _fmt.tal(value, 1)
            values.append({"id": key, "text": text, "varde": value, "visning": shown})
        if any(v is not None for v in numbers.values()) or (row.get("period") or "").strip():
            periods.append({"rad": row["id"], "period": label, "nyckeltal": values,
                            "individer": numbers.get("individer")})
    return periods, warnings


SHARE_PREFIX = "scenario="


def share_fragment(scenario: dict) -> str:
    """The calculator's share-link fragment (without "#") for `scenario`: "scenario=" and the
    scenario as JSON (UTF-8, no spaces) in base64url without padding. The format's cases are
    tests/cases/share-link.json, run here (tests/unit/test_share_link_cases.py) and against the
    page's codec (overrides/assets/javascripts/sk-verktyg/share-link.mjs) under Node."""
    text = json.dumps(scenario, separators=(",", ":"), ensure_ascii=False)
    return SHARE_PREFIX + base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def outcome_scenario(periods):
    """The calculator rerun with the actual outcome: the latest period that reports people in
    employment gives `antal_personer`; every other input keeps the calculator's default.
    Returns {"period", "antal_personer", "fragment"} (the share-link fragment the calculator
    page reads) or None."""
    for period in reversed(periods):
        people = period.get("individer")
        if people is not None and people >= 1:
            count = int(people)
            fragment = share_fragment({"version": SCENARIO_VERSION, "antal_personer": count})
            return {"period": period["period"], "antal_personer": count, "fragment": fragment}
    return None


def summarize(tool_id: str, state, berakning: dict | None = None) -> dict:
    """The summary of a tool's state (None = nothing saved). See the module docstring."""
    tool = get_tool(tool_id)
    state = state_or_empty(state, tool_id)
    sections, answered_total, total = [], 0, 0
    for section in tool.sections:
        if section.table is not None:
            rows = live_rows(tool, state, section.table.id)
            editable = lambda row: [c.id for c in section.table.columns if c.id not in row["_fast"]]  # noqa: E731
            done = sum(1 for row in rows if any(is_answered(section.table.column(c).kind, row.get(c)) for c in editable(row)))
            count = len(rows)
        else:
            # The branch not chosen (a pilot's scope when starting directly) does not count.
            applicable = [i for i in section.items if i.applies(state["svar"])]
            count = len(applicable)
            done = sum(1 for i in applicable if is_answered(i.kind, _item_record(state, i.id).get("varde")))
        sections.append({"id": section.id, "rubrik": section.title, "besvarade": done, "totalt": count})
        answered_total += done
        total += count

    open_prereqs, partial = [], []
    for item in tool.prerequisites:
        record = _item_record(state, item.id)
        value = record.get("varde")
        if value in (None, "nej", "vet-ej"):
            open_prereqs.append(_prereq_entry(item, record))
        elif value == "delvis":
            partial.append(_prereq_entry(item, record))

    unknown = []
    for section in tool.sections:
        for item in section.items:
            record = _item_record(state, item.id)
            # A prerequisite answered Vet ej is listed under "Åtgärda först" already.
            if item.kind == "val" and record.get("varde") == "vet-ej" and not item.prerequisite:
                unknown.append({"id": item.id, "text": item.text, "avsnitt": section.title, "ansvarig": (record.get("ansvarig") or "").strip()})

    verdict = _verdict(tool, state, answered_total)
    warnings = []
    if tool.id == "beslutsunderlag" and verdict is not None:
        decision = _item_record(state, "beslut").get("varde")
        if decision == "ja-generellt" and verdict["status"] != "redo":
            warnings.append("Beslutet ”Ja, generellt” stämmer inte med omdömet: alla förutsättningar är inte uppfyllda. Överväg att börja med en pilot eller att åtgärda dem först.")
        elif decision == "ja-pilot" and verdict["status"] in ("inte_redo", "ej_klar"):
            warnings.append("Beslutet ”Ja, som pilot” fattas innan alla förutsättningar är uppfyllda. Se till att de förutsättningar som saknas är på plats innan piloten startar.")

    tables = {}
    indicators = []
    for table_id, table in tool.tables.items():
        rows = live_rows(tool, state, table_id)
        shown = []
        missing = []
        for n, row in enumerate(rows, 1):
            heading = table.row_name(row, n)
            shown.append({"id": row["id"], "rubrik": heading})
            if "ansvarig" in {c.id for c in table.columns}:
                filled = any(is_answered("text", row.get(c.id)) for c in table.columns if c.id not in row["_fast"])
                if filled and not (row.get("ansvarig") or "").strip():
                    missing.append(heading)
        tables[table_id] = {"rader": shown, "utan_ansvarig": missing}
        if table_id == "perioder":
            indicators, more = _indicators(tool, table, rows)
            warnings.extend(more)

    result = {
        "verktyg": tool.id,
        "titel": tool.title,
        "uppdaterad": date_of(state.get("uppdaterad")),
        "besvarade": answered_total,
        "totalt": total,
        "avsnitt": sections,
        "omdome": verdict,
        "oppna_forutsattningar": open_prereqs,
        "delvis_forutsattningar": partial,
        "vet_ej": unknown,
        "tabeller": tables,
        "nyckeltal": indicators,
        "utfall": outcome_scenario(indicators),
        "varningar": warnings,
    }
    if berakning is not None:
        from .calculation import calculation_summary

        result["berakning"] = calculation_summary(berakning)
    return result
