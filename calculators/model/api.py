"""Operations of the impact model for `calculators.web.handle` (browser) and other callers.

OPS maps an operation name to a function(data) -> JSON-serialisable dict. Each raises
`calculators.errors.InputError` with Swedish messages for bad input.

    "berakna"           data {"scenario": {...}, "osakerhet"?: {"dragningar": N, "fro": seed,
                        "intervall"?: {...}}, "kanslighet"?: actor}
                        -> result format v2 (+ "osakerhet", "kanslighet" when asked)
    "standardscenario"  data {"inkomstar"?: 2026} -> a complete default scenario
    "forinstallningar"  data ignored -> {"forinstallningar": [{id, namn, beskrivning, scenario_delar}]}
    "jamfor"            data {"scenarier": [{"namn": str, "scenario": {...}}, ...]} -> comparison
    "parametrar"        data {"inkomstar"?: 2026} -> {"inkomstar", "parametrar": [{id, namn, varde,
                        enhet, ar, kalla, verifierad, not}]}

The CSV download ("exportera_csv") draws a file for people, so it lives with the pages
(calculators.pages.export); this package never imports calculators.pages.
"""

from calculators.errors import InputError
from calculators.model import analysis, effects, params, presets, scenario


def request_data(data):
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError.field(None, "Förfrågans data måste vara ett JSON-objekt.")
    return data


def check_keys(data, allowed):
    bad = [k for k in data if k not in allowed]
    if bad:
        raise InputError([{"falt": str(k)[:40], "meddelande": f"Okänd nyckel ”{str(k)[:40]}” i förfrågan."} for k in bad])


def scenario_of(data):
    if "scenario" not in data:
        raise InputError.field("scenario", "Scenario saknas i förfrågan.")
    return scenario.validate(data["scenario"])


def uncertainty(sc, spec):
    if spec is None:
        return None
    if not isinstance(spec, dict):
        raise InputError.field("osakerhet", "Osäkerhetsanalys: ange ett objekt, till exempel {\"dragningar\": 2000, \"fro\": 1}.")
    check_keys(spec, ("dragningar", "fro", "intervall"))
    return analysis.monte_carlo(sc, spec.get("dragningar", analysis.DRAWS), spec.get("fro", analysis.SEED), spec.get("intervall"))


def berakna(data):
    """Evaluate a scenario; optionally add Monte Carlo ("osakerhet") and tornado ("kanslighet")."""
    data = request_data(data)
    check_keys(data, ("scenario", "osakerhet", "kanslighet"))
    sc = scenario_of(data)
    result = effects.evaluate_validated(sc)
    if data.get("osakerhet") is not None:
        result["osakerhet"] = uncertainty(sc, data["osakerhet"])
    if data.get("kanslighet") is not None:
        if not isinstance(data["kanslighet"], str):
            raise InputError.field("kanslighet", "Känslighetsanalys: ange aktören som text, till exempel \"kopare\".")
        result["kanslighet"] = analysis.sensitivity(sc, data["kanslighet"])
    return result


def standardscenario(data):
    """A complete default scenario for the income year (default 2026)."""
    data = request_data(data)
    check_keys(data, ("inkomstar",))
    year = params.check_year(data.get("inkomstar", params.DEFAULT_YEAR))
    return scenario.default_scenario(year)


def forinstallningar(data):
    """The presets for typical cases."""
    return {"forinstallningar": presets.presets()}


def jamfor(data):
    """Several named scenarios side by side."""
    data = request_data(data)
    check_keys(data, ("scenarier",))
    items = data.get("scenarier")
    if not isinstance(items, list) or not 1 <= len(items) <= 10:
        raise InputError.field("scenarier", "Jämförelse: ange en lista med 1–10 scenarier.")
    named, errors = [], []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "scenario" not in item:
            errors.append({"falt": f"scenarier[{i}]", "meddelande": f"Scenario {i + 1}: ange {{\"namn\": ..., \"scenario\": {{...}}}}."})
            continue
        name = item.get("namn", f"Scenario {i + 1}")
        if not isinstance(name, str) or not name.strip() or len(name) > 100:
            errors.append({"falt": f"scenarier[{i}].namn", "meddelande": f"Scenario {i + 1}: namnet ska vara en text på 1–100 tecken."})
            continue
        try:
            named.append((name, scenario.validate(item["scenario"])))
        except InputError as err:
            for msg in err.messages:
                errors.append({"falt": f"scenarier[{i}].{msg['falt']}" if msg["falt"] else f"scenarier[{i}]",
                               "meddelande": f"{name}: {msg['meddelande']}"})
    if errors:
        raise InputError(errors)
    return analysis.compare(named)


def parametrar(data):
    """The year's parameters with value, unit, year, source and whether they were verified."""
    data = request_data(data)
    check_keys(data, ("inkomstar",))
    year = params.check_year(data.get("inkomstar", params.DEFAULT_YEAR))
    return {"inkomstar": year, "parametrar": params.listing(year)}


OPS = {
    "berakna": berakna,
    "standardscenario": standardscenario,
    "forinstallningar": forinstallningar,
    "jamfor": jamfor,
    "parametrar": parametrar,
}
