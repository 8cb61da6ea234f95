"""Scenario format version 1: defaults per income year and validation with Swedish messages.

A scenario is a JSON object (see docs/design: berakningsmodell.md). Unknown keys are errors,
`version` is required, missing keys take the income year's default. Validation collects every
problem before raising one `InputError` whose messages name the field (``falt``) and say in
Swedish what is wrong and what is allowed.

Public functions:
    default_scenario(inkomstar=2026) -> dict      a complete scenario with every default
    validate(data) -> dict                        the scenario as used (defaults filled in)
    FIELDS                                        key -> field spec (label, unit, range)
    label(key) -> str                             Swedish label of a key (dotted keys allowed)
"""

import math

from calculators.errors import InputError
from calculators.format import tal
from calculators.model import params

VERSION = 1

ORGANISATIONS = ("kommun", "region", "stat")
EMPLOYMENT_TYPES = ("anstallning", "larlingsanstallning", "praktik")
AGE_GROUPS = ("18-22", "23-65", "66+")
SUPPORT_TYPES = ("ingen", "nystartsjobb", "lonebidrag", "belopp")
BENEFIT_TYPES = ("aktivitetsstod", "etableringsersattning", "a-kassa", "ingen")

# key -> (kind, Swedish label, min, max, unit) ; kind: int | kr | number | fraction | enum | object
FIELDS = {
    "version": ("int", "Formatversion", 1, 1, ""),
    "inkomstar": ("enum", "Inkomstår", params.YEARS, None, ""),
    "upphandlande_organisation": ("enum", "Upphandlande organisation", ORGANISATIONS, None, ""),
    "sysselsattningstyp": ("enum", "Typ av sysselsättning", EMPLOYMENT_TYPES, None, ""),
    "antal_personer": ("int", "Antal personer", 1, 10000, "personer"),
    "manader": ("number", "Antal månader per person", 0, 120, "månader"),
    "omfattning": ("fraction", "Omfattning (tjänstgöringsgrad)", 0, 1, ""),
    "bruttolon": ("kr", "Bruttolön per månad vid heltid", 0, 200000, "kr"),
    "alder": ("enum", "Åldersgrupp", AGE_GROUPS, None, ""),
    "anstallningsstod": ("object", "Anställningsstöd", None, None, ""),
    "produktionsfaktor": ("fraction", "Produktionsfaktor", 0, 2, ""),
    "produktionsvarde_praktik": ("kr", "Produktionsvärde per månad (praktik)", 0, 200000, "kr"),
    "handledare_lon": ("kr", "Handledarens bruttolön per månad", 0, 200000, "kr"),
    "handledning_andel": ("fraction", "Tid för handledning", 0, 1, ""),
    "administration_arbetsgivare": ("kr", "Administrationskostnad för arbetsgivaren, per person", 0, 10000000, "kr"),
    "upphandlingskostnad": ("kr", "Merkostnad för upphandlingen", 0, 1000000000, "kr"),
    "matchningskostnad": ("kr", "Matchnings- och stödkostnad per person", 0, 10000000, "kr"),
    "bonus": ("kr", "Bonus till leverantören", 0, 1000000000, "kr"),
    "forsorjningsstod": ("kr", "Försörjningsstöd före, per månad", 0, 100000, "kr"),
    "statlig_ersattning": ("object", "Ersättning från staten före", None, None, ""),
    "bostadsbidrag": ("kr", "Bostadsbidrag före, per månad", 0, 50000, "kr"),
    "kommunalskatt": ("fraction", "Kommunalskatt", 0, 0.4, ""),
    "regionskatt": ("fraction", "Regionskatt", 0, 0.4, ""),
    "indirekt_skatt": ("fraction", "Indirekt skatt (andel av ökad disponibel inkomst)", 0, 1, ""),
    "dodvikt": ("fraction", "Dödvikt", 0, 1, ""),
    "undantrangning": ("fraction", "Undanträngning", 0, 1, ""),
    "fullfoljandegrad": ("fraction", "Fullföljandegrad", 0, 1, ""),
    "efter_kravet": ("object", "Efter kravet", None, None, ""),
    "diskonteringsranta": ("fraction", "Diskonteringsränta", 0, 0.2, ""),
}

SUB_FIELDS = {
    "anstallningsstod.typ": ("enum", "Anställningsstöd, typ", SUPPORT_TYPES, None, ""),
    "anstallningsstod.antal_avgifter": ("number", "Nystartsjobb, antal arbetsgivaravgifter", 0, 5, ""),
    "anstallningsstod.andel": ("fraction", "Lönebidrag, andel av lönekostnaden", 0, 1, ""),
    "anstallningsstod.tak": ("kr", "Lönebidrag, tak för bidragsgrundande lönekostnad per månad", 0, 200000, "kr"),
    "anstallningsstod.kr_per_manad": ("kr", "Anställningsstöd, belopp per månad", 0, 200000, "kr"),
    "statlig_ersattning.typ": ("enum", "Ersättning från staten före, typ", BENEFIT_TYPES, None, ""),
    "statlig_ersattning.kr_per_dag": ("kr", "Ersättning från staten före, kronor per dag", 0, 5000, "kr"),
    "efter_kravet.kvar_andel": ("fraction", "Efter kravet: andel som är kvar i arbete", 0, 1, ""),
    "efter_kravet.ar": ("int", "Efter kravet: antal år", 0, 30, "år"),
}

SUPPORT_KEYS = {
    "ingen": (),
    "nystartsjobb": ("antal_avgifter",),
    "lonebidrag": ("andel", "tak"),
    "belopp": ("kr_per_manad",),
}
SUPPORT_REQUIRED = {"lonebidrag": ("andel", "tak"), "belopp": ("kr_per_manad",)}

ENUM_LABELS = {
    "kommun": "kommun", "region": "region", "stat": "stat",
    "anstallning": "anställning", "larlingsanstallning": "lärlingsanställning", "praktik": "praktik",
    "18-22": "18–22 år", "23-65": "23–65 år", "66+": "66 år och äldre",
    "ingen": "inget", "nystartsjobb": "nystartsjobb", "lonebidrag": "lönebidrag", "belopp": "eget belopp",
    "aktivitetsstod": "aktivitetsstöd", "etableringsersattning": "etableringsersättning", "a-kassa": "a-kassa",
}


def label(key):
    """Swedish label of a scenario key; dotted keys (``efter_kravet.ar``) are allowed."""
    spec = FIELDS.get(key) or SUB_FIELDS.get(key)
    return spec[1] if spec else key


def benefit_default_per_day(kind, p):
    """Default kr per day for a state benefit type in year parameters `p`."""
    return {
        "aktivitetsstod": p["aktivitetsstod_dag"],
        "etableringsersattning": p["etableringsersattning_dag"],
        "a-kassa": p["a_kassa_dag"],
        "ingen": 0,
    }[kind]


def default_scenario(inkomstar=params.DEFAULT_YEAR):
    """A complete scenario (version 1) with every default for `inkomstar`.

    The person before the job: long-term unemployed with aktivitetsstöd (no a-kassa);
    the job: full-time employment at 25 000 kr per month with nystartsjobb (one
    arbetsgivaravgift), produktionsfaktor 0,8, supervision 10 % of a 35 000 kr supervisor.
    Tax rates are the year's national averages (SCB).
    """
    params.check_year(inkomstar)
    p = params.values(inkomstar)
    return {
        "version": VERSION,
        "inkomstar": inkomstar,
        "upphandlande_organisation": "kommun",
        "sysselsattningstyp": "anstallning",
        "antal_personer": 1,
        "manader": 12,
        "omfattning": 1.0,
        "bruttolon": 25000,
        "alder": "23-65",
        "anstallningsstod": {"typ": "nystartsjobb", "antal_avgifter": 1},
        "produktionsfaktor": 0.8,
        "produktionsvarde_praktik": 0,
        "handledare_lon": 35000,
        "handledning_andel": 0.1,
        "administration_arbetsgivare": 10000,
        "upphandlingskostnad": 40000,
        "matchningskostnad": 0,
        "bonus": 0,
        "forsorjningsstod": 0,
        "statlig_ersattning": {"typ": "aktivitetsstod", "kr_per_dag": p["aktivitetsstod_dag"]},
        "bostadsbidrag": 0,
        "kommunalskatt": p["kommunalskatt_genomsnitt"],
        "regionskatt": p["regionskatt_genomsnitt"],
        "indirekt_skatt": p["indirekt_skatt"],
        "dodvikt": 0.0,
        "undantrangning": 0.0,
        "fullfoljandegrad": 1.0,
        "efter_kravet": {"kvar_andel": 0.0, "ar": 0},
        "diskonteringsranta": p["diskonteringsranta"],
    }


def _fmt_limit(x, kind):
    if kind == "fraction":
        return tal(x, 2) if x != int(x) else tal(x)
    return tal(x, 0) if float(x).is_integer() else tal(x, 2)


def _range_message(key, spec):
    kind, name, lo, hi, unit = spec
    if kind == "kr":
        return f"{name}: ange ett belopp mellan {_fmt_limit(lo, kind)} och {_fmt_limit(hi, kind)} kr."
    if kind == "int":
        if lo == hi:
            return f"{name}: ange {lo}."
        suffix = f" {unit}" if unit else ""
        return f"{name}: ange ett heltal mellan {tal(lo)} och {tal(hi)}{suffix}."
    if kind == "fraction":
        return (f"{name}: ange en andel mellan {_fmt_limit(lo, kind)} och {_fmt_limit(hi, kind)} "
                f"(till exempel 0,5 för 50 %).")
    suffix = f" {unit}" if unit else ""
    if key == "manader":
        return f"{name}: ange ett tal större än 0 och högst {tal(hi)}{suffix}."
    return f"{name}: ange ett tal mellan {_fmt_limit(lo, kind)} och {_fmt_limit(hi, kind)}{suffix}."


def _check_value(key, value, spec, errors):
    """Validate one scalar; append a message to `errors` and return None when invalid."""
    kind, name, lo, hi, _unit = spec
    if kind == "enum":
        allowed = lo
        if isinstance(value, bool) or value not in allowed:
            shown = ", ".join(f"”{a}”" if isinstance(a, str) else str(a) for a in allowed)
            errors.append({"falt": key, "meddelande": f"{name}: ange något av {shown}."})
            return None
        return value
    if isinstance(value, bool):
        errors.append({"falt": key, "meddelande": f"{name}: ange ett tal, inte sant eller falskt."})
        return None
    if isinstance(value, str):
        errors.append({"falt": key, "meddelande": f"{name}: ange ett tal (utan text, till exempel 25000), inte ”{value[:40]}”."})
        return None
    if not isinstance(value, (int, float)):
        errors.append({"falt": key, "meddelande": f"{name}: ange ett tal."})
        return None
    if isinstance(value, float) and not math.isfinite(value):
        errors.append({"falt": key, "meddelande": _range_message(key, spec).replace(
            f"{name}: ", f"{name}: ogiltigt tal (NaN eller oändligt); ", 1)})
        return None
    if kind == "int":
        if isinstance(value, float):
            if not value.is_integer():
                errors.append({"falt": key, "meddelande": _range_message(key, spec)})
                return None
            value = int(value)
        if not (lo <= value <= hi):
            errors.append({"falt": key, "meddelande": _range_message(key, spec)})
            return None
        return value
    if abs(value) > 1e15:
        errors.append({"falt": key, "meddelande": _range_message(key, spec)})
        return None
    value = float(value) if isinstance(value, int) else value
    if key == "manader":
        ok = lo < value <= hi
    else:
        ok = lo <= value <= hi
    if not ok:
        errors.append({"falt": key, "meddelande": _range_message(key, spec)})
        return None
    return value


def _check_object(key, value, allowed_keys, errors):
    name = FIELDS[key][1]
    if not isinstance(value, dict):
        errors.append({"falt": key, "meddelande": f"{name}: ange ett objekt, till exempel {_example(key)}."})
        return None
    unknown = [k for k in value if k not in allowed_keys]
    for k in unknown:
        errors.append({"falt": f"{key}.{k}", "meddelande": f"{name}: okänd nyckel ”{str(k)[:40]}”. Tillåtna nycklar: {', '.join(allowed_keys)}."})
    return value


def _example(key):
    return {
        "anstallningsstod": '{"typ": "nystartsjobb", "antal_avgifter": 1}',
        "statlig_ersattning": '{"typ": "aktivitetsstod", "kr_per_dag": 223}',
        "efter_kravet": '{"kvar_andel": 0.5, "ar": 2}',
    }[key]


def validate(data):
    """Validate a scenario (version 1) and return it with defaults filled in.

    Raises `InputError` listing every problem found (field and Swedish message).
    """
    if not isinstance(data, dict):
        raise InputError.field("scenario", "Scenariot måste vara ett JSON-objekt med nycklar och värden.")
    errors = []
    for key in data:
        if key not in FIELDS:
            shown = str(key)[:40]
            errors.append({"falt": shown, "meddelande": f"Okänd nyckel ”{shown}” i scenariot. Kontrollera stavningen; tillåtna nycklar finns i exempelscenariot."})

    if "version" not in data:
        errors.append({"falt": "version", "meddelande": "Formatversion: saknas. Ange \"version\": 1 först i scenariot."})
    else:
        _check_value("version", data["version"], FIELDS["version"], errors)

    year = params.DEFAULT_YEAR
    if "inkomstar" in data:
        y = _check_value("inkomstar", data["inkomstar"], FIELDS["inkomstar"], errors)
        if y is not None:
            year = y
    p = params.values(year)
    out = default_scenario(year)

    for key, spec in FIELDS.items():
        if key in ("version", "inkomstar") or key not in data:
            continue
        value = data[key]
        if spec[0] == "object":
            checked = _validate_object(key, value, p, errors)
            if checked is not None:
                out[key] = checked
            continue
        checked = _check_value(key, value, spec, errors)
        if checked is not None:
            out[key] = checked

    if not errors and out["kommunalskatt"] + out["regionskatt"] > 0.6:
        errors.append({"falt": "kommunalskatt", "meddelande": "Kommunalskatt och regionskatt: summan får vara högst 0,6 (60 %)."})
    if errors:
        raise InputError(errors)
    return out


def _validate_object(key, value, p, errors):
    if key == "anstallningsstod":
        if _check_object(key, value, ("typ", "antal_avgifter", "andel", "tak", "kr_per_manad"), errors) is None:
            return None
        if "typ" not in value:
            errors.append({"falt": "anstallningsstod.typ", "meddelande": "Anställningsstöd, typ: saknas. Ange ”ingen”, ”nystartsjobb”, ”lonebidrag” eller ”belopp”."})
            return None
        kind = _check_value("anstallningsstod.typ", value["typ"], SUB_FIELDS["anstallningsstod.typ"], errors)
        if kind is None:
            return None
        out = {"typ": kind}
        allowed = SUPPORT_KEYS[kind]
        for sub in ("antal_avgifter", "andel", "tak", "kr_per_manad"):
            if sub in value and sub not in allowed and sub in value:
                errors.append({"falt": f"anstallningsstod.{sub}", "meddelande": f"Anställningsstöd: nyckeln ”{sub}” hör inte till typen ”{kind}”."})
        for sub in SUPPORT_REQUIRED.get(kind, ()):
            if sub not in value:
                errors.append({"falt": f"anstallningsstod.{sub}", "meddelande": f"{label('anstallningsstod.' + sub)}: saknas för typen ”{kind}”."})
        ok = True
        for sub in allowed:
            if sub in value:
                v = _check_value(f"anstallningsstod.{sub}", value[sub], SUB_FIELDS[f"anstallningsstod.{sub}"], errors)
                if v is None:
                    ok = False
                else:
                    out[sub] = v
        if kind == "nystartsjobb" and "antal_avgifter" not in out:
            out["antal_avgifter"] = 1
        return out if ok else None

    if key == "statlig_ersattning":
        if _check_object(key, value, ("typ", "kr_per_dag"), errors) is None:
            return None
        if "typ" not in value:
            errors.append({"falt": "statlig_ersattning.typ", "meddelande": "Ersättning från staten före, typ: saknas. Ange ”aktivitetsstod”, ”etableringsersattning”, ”a-kassa” eller ”ingen”."})
            return None
        kind = _check_value("statlig_ersattning.typ", value["typ"], SUB_FIELDS["statlig_ersattning.typ"], errors)
        if kind is None:
            return None
        if "kr_per_dag" in value:
            per_day = _check_value("statlig_ersattning.kr_per_dag", value["kr_per_dag"], SUB_FIELDS["statlig_ersattning.kr_per_dag"], errors)
            if per_day is None:
                return None
        else:
            per_day = benefit_default_per_day(kind, p)
        if kind == "ingen":
            per_day = 0.0 if isinstance(per_day, float) else 0
        return {"typ": kind, "kr_per_dag": per_day}

    if key == "efter_kravet":
        if _check_object(key, value, ("kvar_andel", "ar"), errors) is None:
            return None
        out = {"kvar_andel": 0.0, "ar": 0}
        ok = True
        for sub in ("kvar_andel", "ar"):
            if sub in value:
                v = _check_value(f"efter_kravet.{sub}", value[sub], SUB_FIELDS[f"efter_kravet.{sub}"], errors)
                if v is None:
                    ok = False
                else:
                    out[sub] = v
        return out if ok else None
    raise AssertionError(key)
