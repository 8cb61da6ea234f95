"""Operations of the impact model for `calculators.web.handle` (browser) and other callers.

OPS maps an operation name to a function(data) -> JSON-serialisable dict. Each raises
`calculators.errors.InputError` with Swedish messages for bad input.

    "berakna"           data {"scenario": {...}, "osakerhet"?: {"dragningar": N, "fro": seed,
                        "intervall"?: {...}}, "kanslighet"?: actor}
                        -> result format v1 (+ "osakerhet", "kanslighet" when asked)
    "standardscenario"  data {"inkomstar"?: 2026} -> a complete default scenario
    "forinstallningar"  data ignored -> {"forinstallningar": [{id, namn, beskrivning, scenario_delar}]}
    "jamfor"            data {"scenarier": [{"namn": str, "scenario": {...}}, ...]} -> comparison
    "parametrar"        data {"inkomstar"?: 2026} -> {"inkomstar", "parametrar": [{id, namn, varde,
                        enhet, ar, kalla, verifierad, not}]}
    "exportera_csv"     data {"scenario": {...}, "osakerhet"?: {...}} -> {"filnamn", "innehall"}
"""

from calculators.errors import InputError
from calculators.impact import analysis, export, model, params, presets, scenario


def _data(data):
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError.field(None, "Förfrågans data måste vara ett JSON-objekt.")
    return data


def _check_keys(data, allowed):
    bad = [k for k in data if k not in allowed]
    if bad:
        raise InputError([{"falt": str(k)[:40], "meddelande": f"Okänd nyckel ”{str(k)[:40]}” i förfrågan."} for k in bad])


def _scenario(data):
    if "scenario" not in data:
        raise InputError.field("scenario", "Scenario saknas i förfrågan.")
    return scenario.validate(data["scenario"])


def _uncertainty(sc, spec):
    if spec is None:
        return None
    if not isinstance(spec, dict):
        raise InputError.field("osakerhet", "Osäkerhetsanalys: ange ett objekt, till exempel {\"dragningar\": 2000, \"fro\": 1}.")
    _check_keys(spec, ("dragningar", "fro", "intervall"))
    return analysis.monte_carlo(sc, spec.get("dragningar", 2000), spec.get("fro", 1), spec.get("intervall"))


def berakna(data):
    """Evaluate a scenario; optionally add Monte Carlo ("osakerhet") and tornado ("kanslighet")."""
    data = _data(data)
    _check_keys(data, ("scenario", "osakerhet", "kanslighet"))
    sc = _scenario(data)
    result = model.evaluate_validated(sc)
    if data.get("osakerhet") is not None:
        result["osakerhet"] = _uncertainty(sc, data["osakerhet"])
    if data.get("kanslighet") is not None:
        if not isinstance(data["kanslighet"], str):
            raise InputError.field("kanslighet", "Känslighetsanalys: ange aktören som text, till exempel \"kopare\".")
        result["kanslighet"] = analysis.sensitivity(sc, data["kanslighet"])
    return result


def standardscenario(data):
    """A complete default scenario for the income year (default 2026)."""
    data = _data(data)
    _check_keys(data, ("inkomstar",))
    year = params.check_year(data.get("inkomstar", params.DEFAULT_YEAR))
    return scenario.default_scenario(year)


def forinstallningar(data):
    """The presets for typical cases."""
    return {"forinstallningar": presets.presets()}


def jamfor(data):
    """Several named scenarios side by side."""
    data = _data(data)
    _check_keys(data, ("scenarier",))
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
    data = _data(data)
    _check_keys(data, ("inkomstar",))
    year = params.check_year(data.get("inkomstar", params.DEFAULT_YEAR))
    return {"inkomstar": year, "parametrar": params.listing(year)}


def exportera_csv(data):
    """The result as CSV text for Swedish Excel, with a file name."""
    data = _data(data)
    _check_keys(data, ("scenario", "osakerhet"))
    sc = _scenario(data)
    result = model.evaluate_validated(sc)
    mc = _uncertainty(sc, data.get("osakerhet"))
    return {"filnamn": export.csv_filename(result), "innehall": export.to_csv(result, mc)}


OPS = {
    "berakna": berakna,
    "standardscenario": standardscenario,
    "forinstallningar": forinstallningar,
    "jamfor": jamfor,
    "parametrar": parametrar,
    "exportera_csv": exportera_csv,
}
