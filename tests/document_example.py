"""A fully filled-in example for the decision document, as a kommun would have it after a
few weeks of work: every question of every tool answered (a mix of Ja, Delvis, Nej and Vet
ej, with who is responsible and a comment where it is not Ja), analysis answers of a few
sentences, every communication row filled in, two follow-up periods, the heading fields and
a saved calculation. The unit tests and the browser tests (page counts) use the same states.
"""

from __future__ import annotations

from calculators.checklists.definitions import get_tool
from calculators.checklists.state import validate

WHEN = "2026-11-20T09:00:00.000Z"
# Ja mostly, as in a real case; every other answer appears.
VAL_CYCLE = ("ja", "ja", "delvis", "ja", "nej", "ja", "vet-ej", "ja")
ANSWER_TEXT = ("Vi vill att fler som står långt från arbetsmarknaden får ett jobb, och att leverantörerna "
               "får den kompetens de saknar. Målet är 20 personer i sysselsättning per år inom tre år.")
COMMENT = "Ska tas upp i ledningsgruppen i januari; underlag tas fram av upphandlingsenheten."
CELL = {"text": "Upphandlingsenheten", "fritext": "Informera tidigt och ge exempel på hur kraven följs upp.",
        "tal": "12", "datum": "2027-03-01"}
HEADING = {"namnd": "Kommunstyrelsen", "diarienummer": "KS 2026/1234", "handlaggare": "Anna Andersson, upphandlingschef",
           "datum": "2026-11-27"}
SCENARIO = {"version": 2, "antal_personer": 5, "manader": 12, "bruttolon": 24000, "forsorjningsstod": 9000}


def _value(item, n):
    if item.kind == "val":
        return VAL_CYCLE[n % len(VAL_CYCLE)]
    if item.kind == "alternativ":
        return {"beslut": "ja-pilot", "start": "pilot"}.get(item.id, item.choices[0][0])
    if item.kind == "datum":
        return "2027-06-30"
    if item.kind == "text":
        return "Exempelstad kommun" if item.id == "organisation-namn" else "Kommunstyrelsen"
    return ANSWER_TEXT


def tool_state(tool_id: str) -> dict:
    tool = get_tool(tool_id)
    answers, n = {}, 0
    for section in tool.sections:
        for item in section.items:
            value = _value(item, n)
            n += 1
            record = {"varde": value, "andrad": WHEN}
            if "ansvarig" in item.fields:
                record["ansvarig"] = "Upphandlingschefen"
            if "kommentar" in item.fields and value in ("delvis", "nej", "vet-ej"):
                record["kommentar"] = COMMENT
            if "klart_senast" in item.fields:
                record["klart_senast"] = "2027-02-01"
            answers[item.id] = record
    rows = {}
    for table_id, table in tool.tables.items():
        made = []
        for default in table.rows or ():
            made.append({"id": default.id, "andrad": WHEN, **{
                c.id: (c.choices[0][0] if c.kind == "alternativ" else CELL[c.kind])
                for c in table.columns if c.id not in default.fixed}})
        if not table.rows:  # the follow-up periods
            for period, people in (("2027 kv 1", "4"), ("2027 kv 2", "6")):
                made.append({"id": f"n-{period.replace(' ', '-')}", "andrad": WHEN, **{
                    c.id: (period if c.id == table.heading_column else people if c.kind == "tal" else CELL[c.kind])
                    for c in table.columns}})
        rows[table_id] = made
    state = {"format": "sysselsattningskrav-verktyg", "schema": 2, "verktyg": tool_id, "uppdaterad": WHEN,
             "svar": answers, "rader": rows}
    validate(state)
    return state


def states() -> dict:
    return {tool_id: tool_state(tool_id) for tool_id in ("beslutsunderlag", "genomforande", "kommunikationsplan", "uppfoljning")}


def heading_record() -> dict:
    return {"version": 1, "svar": {k: {"varde": v, "andrad": WHEN} for k, v in HEADING.items()}}
