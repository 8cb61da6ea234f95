"""The saved calculation (the impact model's result, format version 2 or 1) as shown in the summary and
in the beslutsunderlag document: key assumptions and the totals per actor.

Only reads the result; every value is checked (finite numbers, known shapes) because it
comes from the browser's storage. Unknown extra keys are ignored: the result format may grow.
"""

from __future__ import annotations

import math

from calculators.errors import InputError
from calculators.model import actors, fields

from . import _fmt
from . import blocks as B

CALCULATOR_PAGE = "verktyg/berakning.md"

# Labels come from their one declaration: the actors' from calculators/data/aktorer.toml,
# the assumptions' and their options' from calculators/data/falt.toml (as the form shows them).
ACTORS = tuple((key, actors.label(key)) for key in actors.ACTORS)
TOTALS = tuple((key, actors.label(key)) for key in actors.TOTALS)

V1_RESULT_KEYS = ("individ", "kommun", "region", "stat", "arbetsgivare", "summa_aktorer", "indirekt_skatt",
                  "samhallsekonomiskt_netto")
TOTALS_NOTE = actors.note("summa_aktorer")
_BAD = "Den sparade beräkningen kunde inte läsas. Gör om beräkningen på sidan Samhällsekonomisk beräkning och spara den igen."


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _assumptions(scenario: dict) -> list[dict]:
    out = []

    def add(key, shown):
        out.append({"id": key.partition(".")[0], "text": fields.label(key), "visning": shown})

    def choice(key, value):
        if isinstance(value, str):
            add(key, fields.option_label(key, value))

    year = _number(scenario.get("inkomstar"))
    if year is not None:
        add("inkomstar", str(int(year)))
    choice("upphandlande_organisation", scenario.get("upphandlande_organisation"))
    choice("sysselsattningstyp", scenario.get("sysselsattningstyp"))
    people = _number(scenario.get("antal_personer"))
    if people is not None:
        add("antal_personer", _fmt.tal(people, 0 if people == int(people) else 1))
    months = _number(scenario.get("manader"))
    if months is not None:
        add("manader", _fmt.tal(months, 0 if months == int(months) else 1))
    extent = _number(scenario.get("omfattning"))
    if extent is not None:
        add("omfattning", _fmt.procent(extent, 0))
    wage = _number(scenario.get("bruttolon"))
    if wage is not None:
        add("bruttolon", _fmt.kr(wage))
    age = _number(scenario.get("alder"))
    if age is not None:
        add("alder", f"{_fmt.tal(age, 0)} år")
    support = scenario.get("anstallningsstod")
    if isinstance(support, dict) and isinstance(support.get("typ"), str):
        typ = support["typ"]
        shown = fields.option_label("anstallningsstod.typ", typ)
        amount = _number(support.get("kr_per_manad"))
        if typ == "belopp" and amount is not None:
            shown = f"{shown}: {_fmt.kr(amount)}"
        add("anstallningsstod.typ", shown)
    welfare = _number(scenario.get("forsorjningsstod"))
    if welfare is not None:
        add("forsorjningsstod", _fmt.kr(welfare))
    choice("utjamning", scenario.get("utjamning"))
    priced = _number(scenario.get("leverantorens_kostnad_i_priset"))
    if priced is not None:
        add("leverantorens_kostnad_i_priset", _fmt.procent(priced, 0))
    return out


def calculation_summary(result) -> dict:
    """Validate a result (format 2, or 1 as saved before) and pick what the checklists show."""
    if not isinstance(result, dict):
        raise InputError.field("berakning", _BAD)
    version = result.get("version", 1)
    if version not in (1, 2) or isinstance(version, bool):
        raise InputError.field("berakning", "Den sparade beräkningen kommer från en nyare version av webbplatsen. Ladda om sidan och försök igen.")
    totals = result.get("totalt")
    per_person = result.get("per_person") or {}
    scenario = result.get("scenario") or {}
    if not isinstance(totals, dict) or not isinstance(per_person, dict) or not isinstance(scenario, dict):
        raise InputError.field("berakning", _BAD)
    rows = []
    for key, label in ACTORS + TOTALS:
        if version == 1 and key not in V1_RESULT_KEYS:
            continue  # an actor that version 1 did not have
        total = _number(totals.get(key))
        if total is None:
            raise InputError.field("berakning", _BAD)
        person = _number(per_person.get(key)) if key in per_person else None
        rows.append({
            "id": key,
            "text": label,
            "per_person": person,
            "totalt": total,
            "per_person_visning": _fmt.kr(person) if person is not None else "–",
            "totalt_visning": _fmt.kr(total),
        })
    warnings = [w for w in result.get("varningar", []) if isinstance(w, str)] if isinstance(result.get("varningar"), list) else []
    return {"antaganden": _assumptions(scenario), "aktorer": rows, "varningar": warnings[:20]}


def calculation_blocks(summary: dict | None, link: str, level: int = 3, assumptions=None) -> list[dict]:
    """The saved calculation as document blocks (or how to add one). `link` is the calculator
    page's URL; `assumptions` ([(label, value)]) replaces the key assumptions of the summary
    (the decision document lists every input when it has the whole scenario)."""
    page = B.link("Samhällsekonomisk beräkning", link)
    if summary is None:
        return [B.para("Ingen sparad beräkning. Gör en beräkning på sidan ", page,
                       " och spara den, så kommer den med här.", klass="saknas")]
    out = [B.heading(level, "Antaganden"), B.facts(assumptions or [(row["text"], row["visning"]) for row in summary["antaganden"]])]
    rows = [[row["text"], row["per_person_visning"], row["totalt_visning"]] for row in summary["aktorer"]]
    # As the calculator labels them: per person without the one-off items (the procurement's
    # extra cost, the employer's administration), which only the total holds.
    out.append(B.table(["Aktör", "Per person under perioden", "Alla personer, inklusive engångsposter"], rows,
                       caption="Resultat per aktör i kronor", right=(1, 2), klass="sk-berakning-tabell"))
    out.append(B.para(TOTALS_NOTE, klass="forklaring"))
    if summary["varningar"]:
        out.append(B.bullets(summary["varningar"]))
    out.append(B.para("Ändra beräkningen på sidan ", page, "."))
    return out


def calculation_html(summary: dict | None, link: str, heading_level: int = 3) -> str:
    """The block on a tool page; its heading is an h`heading_level`."""
    return B.to_html(calculation_blocks(summary, link, 2), heading_level - 1)
