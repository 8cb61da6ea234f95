"""Sensitivity (tornado data), seeded Monte Carlo and side-by-side comparison.

Public functions:
    sensitivity(sc, aktor="kopare") -> dict
        Each key input moved to a low and a high value; the effect on the chosen actor's total.
    monte_carlo(sc, dragningar=DRAWS, fro=SEED, intervall=None) -> dict
        Triangular draws of produktionsfaktor, dödvikt, undanträngning, fullföljandegrad, months
        (not varied unless asked) and wage around the scenario's values; P10/P50/P90 per actor and
        totals, and the probability that the buyer's
        result is ≥ 0. Same seed, same numbers (random.Random(fro)).
    compare(named_scenarios) -> dict
        Several scenarios side by side.

`sc` is a scenario that `scenario.validate` returned.
"""

import random

from calculators.errors import InputError
from calculators.format import tal
from calculators.model import effects as model_mod
from calculators.model import actors, fields

RESULT_KEYS = model_mod.Totals._fields
# The uncertainty analysis's defaults: the page's band, its CSV export and the API use these
# (the page hands them to the browser as data attributes; nothing else repeats them).
DRAWS = 2000
SEED = 1

TARGETS = model_mod.ACTORS + ("summa_aktorer", "samhallsekonomiskt_netto", "kopare")

# Inputs varied in the tornado: key -> function(value, scenario) -> (low, high)
_SENSITIVITY = (
    ("produktionsfaktor", lambda v, sc: (max(0.0, v - 0.2), min(2.0, v + 0.2))),
    ("bruttolon", lambda v, sc: (v * 0.9, min(200000.0, v * 1.1))),
    ("manader", lambda v, sc: (max(v * 0.5, 0.5), min(120.0, v * 1.5))),
    ("fullfoljandegrad", lambda v, sc: (max(0.0, v - 0.3), v)),
    ("dodvikt", lambda v, sc: (v, min(1.0, v + 0.3))),
    ("undantrangning", lambda v, sc: (v, min(1.0, v + 0.3))),
    ("handledning_andel", lambda v, sc: (max(0.0, v * 0.5), min(1.0, v * 1.5 if v else 0.1))),
    ("upphandlingskostnad", lambda v, sc: (v * 0.5, v * 1.5)),
    ("forsorjningsstod", lambda v, sc: (v * 0.5, v * 1.5)),
    ("indirekt_skatt", lambda v, sc: (max(0.0, v - 0.05), min(1.0, v + 0.05))),
    ("produktionsvarde_praktik", lambda v, sc: (v * 0.5, v * 1.5)),
)


def _target(sc, aktor):
    """(field of Totals, name in the result) for the actor asked for."""
    if aktor in (None, "kopare"):
        return sc["upphandlande_organisation"], "kopare"
    if aktor not in TARGETS:
        shown = ", ".join(f"”{t}”" for t in TARGETS)
        raise InputError.field("kanslighet", f"Känslighetsanalys: ange aktör som något av {shown}.")
    return aktor, aktor


def sensitivity(sc, aktor="kopare"):
    """Tornado data for `aktor` (an actor, "summa_aktorer", "samhallsekonomiskt_netto" or
    "kopare" = the procuring organisation). Sorted by the size of the swing, largest first."""
    field, name = _target(sc, aktor)
    base = getattr(model_mod.Model(sc).base_totals(), field)
    rows = []
    praktik = sc["sysselsattningstyp"] == "praktik"
    for key, rng in _SENSITIVITY:
        if praktik and key in ("produktionsfaktor", "bruttolon", "forsorjningsstod", "indirekt_skatt"):
            continue
        if not praktik and key == "produktionsvarde_praktik":
            continue
        value = sc[key]
        low, high = rng(value, sc)
        if low == high:
            continue
        results = []
        for v in (low, high):
            variant = dict(sc)
            variant[key] = v
            results.append(getattr(model_mod.Model(variant).base_totals(), field))
        rows.append({
            "nyckel": key,
            "etikett": fields.label(key),
            "varde": value,
            "lag": low,
            "hog": high,
            "resultat_lag": results[0],
            "resultat_hog": results[1],
            "spann": abs(results[1] - results[0]),
        })
    rows.sort(key=lambda r: -r["spann"])
    return {"aktor": name, "bas": base, "rader": rows}


def default_ranges(sc):
    """Triangular (min, mode, max) per uncertain input, with the user's value as the mode and
    varied both ways where both are plausible (so the point result sits near the median). At a
    bound (0 % dödvikt, 100 % fullföljande) the outcome can only be worse: the result there is an
    upper bound, as the page says. The requirement's length is set in the contract: not varied."""
    pf = sc["produktionsfaktor"]
    fg = sc["fullfoljandegrad"]
    mo = sc["manader"]
    w = sc["bruttolon"]

    def around(value, step, lo, hi):
        return [max(lo, value - step), value, min(hi, value + step)]

    return {
        "produktionsfaktor": [max(0.0, pf * 0.75), pf, min(2.0, pf * 1.25)],
        "dodvikt": around(sc["dodvikt"], 0.1, 0.0, 1.0),
        "undantrangning": around(sc["undantrangning"], 0.1, 0.0, 1.0),
        "fullfoljandegrad": around(fg, 0.15, 0.0, 1.0),
        "manader": [mo, mo, mo],
        "bruttolon": [w * 0.9, w, min(200000.0, w * 1.1)],
        # Often the kommun's largest item, and often a national average rather than its own figure.
        "forsorjningsstod": [sc["forsorjningsstod"] * 0.75, sc["forsorjningsstod"], min(100000.0, sc["forsorjningsstod"] * 1.25)],
    }


_MC_LIMITS = {
    "produktionsfaktor": (0.0, 2.0),
    "dodvikt": (0.0, 1.0),
    "undantrangning": (0.0, 1.0),
    "fullfoljandegrad": (0.0, 1.0),
    "manader": (0.0, 120.0),
    "bruttolon": (0.0, 200000.0),
    "forsorjningsstod": (0.0, 100000.0),
}


def _check_ranges(intervall, ranges):
    if intervall is None:
        return ranges
    if not isinstance(intervall, dict):
        raise InputError.field("osakerhet.intervall", "Osäkerhetsintervall: ange ett objekt med [min, typvärde, max] per nyckel.")
    errors = []
    for key, triple in intervall.items():
        if key not in _MC_LIMITS:
            errors.append({"falt": f"osakerhet.intervall.{str(key)[:40]}", "meddelande": f"Osäkerhetsintervall: okänd nyckel ”{str(key)[:40]}”. Tillåtna: {', '.join(_MC_LIMITS)}."})
            continue
        lo_lim, hi_lim = _MC_LIMITS[key]
        ok = (isinstance(triple, list) and len(triple) == 3
              and all(isinstance(x, (int, float)) and not isinstance(x, bool) and x == x
                      and lo_lim <= x <= hi_lim for x in triple)
              and triple[0] <= triple[1] <= triple[2])
        if key == "manader" and ok and triple[0] <= 0:
            ok = False
        if not ok:
            errors.append({"falt": f"osakerhet.intervall.{key}", "meddelande": (
                f"Osäkerhetsintervall för {fields.label(key).lower()}: ange [min, typvärde, max] "
                f"med min ≤ typvärde ≤ max, inom {tal(lo_lim)}–{tal(hi_lim)}.")})
            continue
        ranges[key] = [float(x) for x in triple]
    if errors:
        raise InputError(errors)
    return ranges


def _percentile(sorted_values, q):
    """Linear-interpolation percentile (like numpy's default) of an ascending list."""
    n = len(sorted_values)
    if n == 1:
        return sorted_values[0]
    pos = (n - 1) * q
    lo = int(pos)
    hi = lo + 1 if lo + 1 < n else lo
    frac = pos - lo
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * frac


def monte_carlo(sc, dragningar=DRAWS, fro=SEED, intervall=None):
    """Seeded Monte Carlo over triangular ranges; see module docstring for the output."""
    if isinstance(dragningar, bool) or not isinstance(dragningar, int) or not 1 <= dragningar <= 100000:
        raise InputError.field("osakerhet.dragningar", "Osäkerhetsanalys: antal dragningar ska vara ett heltal mellan 1 och 100 000.")
    if isinstance(fro, bool) or not isinstance(fro, int) or not 0 <= fro <= 2**63:
        raise InputError.field("osakerhet.fro", "Osäkerhetsanalys: fröet ska vara ett heltal ≥ 0.")
    ranges = _check_ranges(intervall, default_ranges(sc))
    rng = random.Random(fro)
    tri = rng.triangular
    m = model_mod.Model(sc)
    totals = m.totals
    pf_r, d_r, u_r, fg_r, mo_r, w_r, fs_r = (ranges[k] for k in
                                              ("produktionsfaktor", "dodvikt", "undantrangning",
                                               "fullfoljandegrad", "manader", "bruttolon", "forsorjningsstod"))
    columns = [[] for _ in RESULT_KEYS]
    appends = [c.append for c in columns]
    buyer = RESULT_KEYS.index(sc["upphandlande_organisation"])
    buyer_ok = 0
    for _ in range(dragningar):
        res = totals(
            tri(pf_r[0], pf_r[2], pf_r[1]),
            tri(d_r[0], d_r[2], d_r[1]),
            tri(u_r[0], u_r[2], u_r[1]),
            tri(fg_r[0], fg_r[2], fg_r[1]),
            tri(mo_r[0], mo_r[2], mo_r[1]),
            tri(w_r[0], w_r[2], w_r[1]),
            welfare=tri(fs_r[0], fs_r[2], fs_r[1]),
        )
        for append, value in zip(appends, res):
            append(value)
        if res[buyer] >= 0:
            buyer_ok += 1
    summary = {}
    for key, col in zip(RESULT_KEYS, columns):
        col.sort()
        summary[key] = {
            "p10": _percentile(col, 0.10),
            "p50": _percentile(col, 0.50),
            "p90": _percentile(col, 0.90),
            "medel": sum(col) / len(col),
        }
    return {
        "dragningar": dragningar,
        "fro": fro,
        "intervall": ranges,
        "fordelning": "triangulär (min, typvärde, max)",
        "percentiler": summary,
        "kopare": sc["upphandlande_organisation"],
        "sannolikhet_kopare_ej_negativ": buyer_ok / dragningar,
    }


def compare(named):
    """Compare scenarios: `named` is a list of (name, validated scenario).

    Returns {"scenarier": [{namn, totalt, per_person, brytpunkter, varningar}], "rader": [...]}
    where each row is {nyckel, etikett, varden: [one per scenario], skillnad_mot_forsta: [...]}.
    """
    results = []
    for name, sc in named:
        r = model_mod.evaluate_validated(sc)
        results.append({
            "namn": name,
            "scenario": sc,
            "totalt": r["totalt"],
            "per_person": r["per_person"],
            "per_person_och_manad": r["per_person_och_manad"],
            "brytpunkter": r["brytpunkter"],
            "varningar": r["varningar"],
        })
    rows = []
    for key in RESULT_KEYS:
        values = [r["totalt"][key] for r in results]
        rows.append({
            "nyckel": key,
            "etikett": actors.label(key),
            "varden": values,
            "skillnad_mot_forsta": [v - values[0] for v in values],
        })
    return {"scenarier": results, "rader": rows}
