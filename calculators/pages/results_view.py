"""The model's results prepared for the calculator page: the one place where
calculators.pages.calculator and calculators.pages.results_html meet the model, the analysis
and the parameter data. It adapts results (tornado rows with their value texts, the
uncertainty band with actor labels); it computes no economic figure of its own.
"""

from __future__ import annotations

import functools

from calculators import format as fmt
from calculators.model import analysis, breakeven, effects, params
from calculators.model import actors, fields
from calculators.model import scenario as scenario_mod

BAND_DRAWS = analysis.DRAWS
BAND_SEED = analysis.SEED
# The sensitivity chart's actor menu: the buyer first, then the totals, then each actor.
TORNADO_TARGETS = {key: actors.choice(key) for key in
                   (actors.BUYER, "samhallsekonomiskt_netto", "summa_aktorer") + actors.ACTORS}
_BUYER = breakeven.BUYER_NAMES
# The break-even sentences in the order the page lists them (the CSV follows it).
BREAK_EVEN_TEXTS = (
    "max_upphandlingskostnad_och_bonus_text",
    "manader_till_brytpunkt_text",
    "lagsta_produktionsfaktor_text",
    "lagsta_stod_text",
)


def default_scenario(year=None):
    return scenario_mod.default_scenario(year or params.DEFAULT_YEAR)


def parameters(year=None):
    return params.listing(year or params.DEFAULT_YEAR)


def value_text(key, value):
    """A field's value as the page shows it ("80 %", "9 000 kr", "12")."""
    kind = fields.field(key).kind if key in fields.FIELDS else "number"
    if kind == "fraction":
        return fmt.procent(value, 0 if abs(value * 100 - round(value * 100)) < 1e-9 else 1)
    if kind == "kr":
        return fmt.kr(value)
    return fmt.tal(value, 0 if float(value).is_integer() else 1)


def evaluate(scenario, tornado=False, tornado_aktor="kopare"):
    """The model's result plus what the page shows beside it (under the key "sida")."""
    result = effects.evaluate(scenario)
    sc = result["scenario"]
    b = result["brytpunkter"]
    page = {"brytpunkter_text": [b[k] for k in BREAK_EVEN_TEXTS if b.get(k)]}
    if tornado:
        if tornado_aktor not in TORNADO_TARGETS:
            tornado_aktor = "kopare"
        data = analysis.sensitivity(sc, tornado_aktor)
        name = TORNADO_TARGETS[tornado_aktor]
        if tornado_aktor == "kopare":
            name = f"{actors.label(actors.BUYER)} ({_BUYER[sc['upphandlande_organisation']]})"
        page.update(
            tornado_aktor=name,
            tornado_bas=data["bas"],
            tornado=[
                {
                    "namn": row["etikett"],
                    "lag_text": value_text(row["nyckel"], row["lag"]),
                    "hog_text": value_text(row["nyckel"], row["hog"]),
                    "lag": row["resultat_lag"],
                    "hog": row["resultat_hog"],
                }
                for row in data["rader"]
            ],
        )
    result["sida"] = page
    return result


def uncertainty(scenario, draws=BAND_DRAWS):
    sc = scenario_mod.validate(scenario)
    mc = analysis.monte_carlo(sc, dragningar=draws, fro=BAND_SEED)
    names = actors.ACTORS + ("summa_aktorer", "samhallsekonomiskt_netto")
    return {
        "dragningar": mc["dragningar"],
        "fro": mc["fro"],
        "kopare": _BUYER[mc["kopare"]],
        "sannolikhet_kopare": mc["sannolikhet_kopare_ej_negativ"],
        "aktorer": [{"namn": actors.label(key), **mc["percentiler"][key]} for key in names],
        "percentiler": mc["percentiler"],
        # The two figures the page leads with, each with its likely range.
        "huvudtal": [
            {"namn": f"för {_BUYER[mc['kopare']]}", **mc["percentiler"][mc["kopare"]]},
            {"namn": "för samhället (samhällsekonomiskt nettovärde)", **mc["percentiler"]["samhallsekonomiskt_netto"]},
        ],
    }


def presets():
    """[{id, namn, beskrivning, varden}] where varden holds the preset's keys, defaults filled in."""
    from calculators.model import presets as presets_mod

    out = []
    base = default_scenario()
    for preset in presets_mod.presets():
        used = scenario_mod.validate(presets_mod.apply(base, preset["id"]))
        out.append({
            "id": preset["id"],
            "namn": preset["namn"],
            "beskrivning": preset.get("beskrivning", ""),
            "varden": {key: used[key] for key in preset["scenario_delar"]},
        })
    return out


@functools.cache
def _preset_values():
    return tuple((p["id"], p["varden"]) for p in presets())


def matching_preset(sc):
    """The id of the preset whose every value the validated scenario `sc` has, or ""."""
    return next((pid for pid, values in _preset_values()
                 if all(sc.get(key) == value for key, value in values.items())), "")


def preset_name(sc):
    """The name of the typfall the validated scenario `sc` follows (matching_preset), or ""."""
    from calculators.model import presets as presets_mod

    chosen = matching_preset(sc)
    return next((p["namn"] for p in presets_mod.presets() if p["id"] == chosen), "") if chosen else ""
