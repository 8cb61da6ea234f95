"""Ekonomiska konsekvenser in the decision document's summary: the saved calculation's figure
for the upphandlande organisation and the samhällsekonomiskt netto, each with the likely range
the calculator page shows (the same draws and seed, so the two never disagree), and the
assumptions that move the organisation's figure most (the calculator's sensitivity analysis).
"""

from __future__ import annotations

import functools
import json

from calculators import format as fmt
from calculators.errors import InputError
from calculators.model import analysis, fields
from calculators.model import scenario as scenario_mod
from calculators.pages import answer as answer_mod
from calculators.pages import results_view

from . import blocks as B

DRIVERS = 4  # assumptions named: enough to show what to discuss, few enough for the summary


def valid_scenario(result):
    """The validated scenario of a saved result, or None (an older or partial result)."""
    try:
        return scenario_mod.validate(result.get("scenario"))
    except (InputError, AttributeError, TypeError):
        return None


def _outcome(value) -> str:
    if abs(value) < 1:
        return "0 kr"
    return f"{fmt.kr_ungefar(value)} i {'plus' if value > 0 else 'minus'}"


@functools.lru_cache(maxsize=4)
def _band(scenario_json: str) -> dict:
    """The likely range for a scenario, kept: the document is rebuilt on every keystroke in its
    heading fields, and the 2 000 draws are most of its time."""
    return results_view.uncertainty(json.loads(scenario_json))


def _value(key, value) -> str:
    """ "80 %", "9 000 kr", "12 månader": a tested value with its unit."""
    text = results_view.value_text(key, value)
    field = fields.FIELDS.get(key)
    if field is not None and field.kind not in ("fraction", "kr") and field.unit:
        text += " " + field.unit_for(value)
    return text


def economic_blocks(result: dict, sc: dict | None, calc: dict, appendix: str, level: int) -> list[dict]:
    """`result` is the model's result (format 2), `sc` its validated scenario (valid_scenario)
    or None, `calc` its checked summary (calculation.calculation_summary), `appendix` names
    where the full calculation is."""
    if sc is None or result.get("version") != 2:
        rows = {row["id"]: row for row in calc["aktorer"]}
        net = rows.get("samhallsekonomiskt_netto")
        text = [B.bold("Samhällsekonomiskt netto:"), f" {net['totalt_visning']}."] if net else []
        return [B.para(*text), B.para(f"Beräkningen sparades med en äldre version; gör om den för att få det troliga "
                                      f"intervallet. Hela beräkningen finns i {appendix}.", klass="liten")]
    band = _band(json.dumps(sc, sort_keys=True))
    out = [B.para(f"Beräkningen gäller {answer_mod.people(sc)}, inkomstår {sc['inkomstar']}.")]
    for _, who, text in answer_mod.figures(result, band):
        out.append(B.para(B.bold(f"{who}:"), f" {text}."))
    lead, odds = answer_mod.chance(result, band)
    out.append(B.para(lead, B.bold(odds), "."))
    buyer = answer_mod.BUYER_NAMES[sc["upphandlande_organisation"]]
    rows = analysis.sensitivity(sc, "kopare")["rader"][:DRIVERS]
    if rows:
        # The heading names the table: "Om lägre" is the result for the buyer with a lower value.
        out.append(B.heading(level, f"Det som påverkar resultatet för {buyer} mest"))
        out.append(B.table(
            ["Antagande", "I beräkningen", "Om lägre", "Om högre"],
            [[r["etikett"], _value(r["nyckel"], r["varde"]),
              f"{_value(r['nyckel'], r['lag'])}: {_outcome(r['resultat_lag'])}",
              f"{_value(r['nyckel'], r['hog'])}: {_outcome(r['resultat_hog'])}"] for r in rows],
        ))
    out.append(B.para(f"Troligen: 8 av 10 utfall när de osäkra antagandena slumpas {fmt.tal(band['dragningar'])} "
                      f"gånger. Alla antaganden och varje aktörs resultat finns i {appendix}.", klass="liten"))
    return out
