"""Scenario format version 2: defaults per income year and validation with Swedish messages.

A scenario is a JSON object (see docs/design: berakningsmodell.md). Unknown keys are errors,
`version` is required, missing keys take the income year's default. Validation collects every
problem before raising one `InputError` whose messages name the field (``falt``) and say in
Swedish what is wrong and what is allowed. Every field's kind, limits, default and label come
from its one declaration (calculators.model.fields, calculators/data/falt.toml).

A version-1 scenario (saved files, share links, the command line) still opens: `upgrade`
reads it as version 2 with the same meaning (no kommunalekonomisk utjämning, the supplier does
not price the requirement's cost into the bid, age groups as ages) and says what it read.

Public functions:
    default_scenario(inkomstar=2026) -> dict      a complete scenario with every default
    validate(data) -> dict                        the scenario as used (version 2, defaults filled in)
    upgrade_notes(data) -> list[str]              what reading a version-1 scenario changed
    defaults_for(sc) -> dict                      the defaults implied by a scenario's own choices
    changed(sc) -> dict                           (dotted) key -> its default, for values not the default
    FIELDS                                        the scenario's own keys -> Field
    label(key) -> str                             Swedish label of a key (dotted keys allowed)
"""

import math

from calculators.errors import InputError
from calculators.format import procent, tal
from calculators.model import fields, params
from calculators.model.fields import label  # noqa: F401  (the scenario's labels are the fields')

VERSION = 2
# Version 1 had age groups; each reads as an age with the same rules.
V1_AGE_GROUPS = {"18-22": 20, "23-65": 35, "66+": 67}
V1_AGE_LABELS = {"18-22": "18–22 år", "23-65": "23–65 år", "66+": "66 år eller äldre"}
# Version 1's meaning of the keys version 2 added.
V1_MEANING = {"utjamning": "ingen", "leverantorens_kostnad_i_priset": 0.0}

FIELDS = {f.key: f for f in fields.top_level()}
ORGANISATIONS = fields.field("upphandlande_organisation").values()
EMPLOYMENT_TYPES = fields.field("sysselsattningstyp").values()


def _applies(sub, choice):
    """Whether sub-field `sub` belongs to an object whose "typ" is `choice`."""
    return sub.show_when is None or sub.show_when.field != f"{sub.parent}.typ" or choice in sub.show_when.values


def benefit_default_per_day(kind, p):
    """Default kr per day for a state benefit type in year parameters `p`."""
    option = fields.field("statlig_ersattning.typ").option(kind)
    return p[option.default_param] if option.default_param else 0


def _object_default(key, p):
    subs = fields.sub_fields(key)
    typ = next((f for f in subs if f.name == "typ"), None)
    out = {}
    if typ is not None:
        out["typ"] = typ.default
    for sub in subs:
        if sub is typ or not _applies(sub, out.get("typ")):
            continue
        value = fields.default(sub.key, p)
        if value is None and typ is not None:
            option = typ.option(out["typ"])
            value = p[option.default_param] if option and option.default_param else None
        if value is not None:
            out[sub.name] = value
    return out


def default_scenario(inkomstar=params.DEFAULT_YEAR):
    """A complete scenario (version 2) with every default for `inkomstar`.

    The person before the job: long-term unemployed with aktivitetsstöd (no a-kassa);
    the job: full-time employment at 25 000 kr per month with nystartsjobb (one
    arbetsgivaravgift), produktionsfaktor 0,8, supervision 10 % of a 35 000 kr supervisor.
    Tax rates are the year's national averages (SCB).
    """
    params.check_year(inkomstar)
    p = params.values(inkomstar)
    out = {}
    for f in FIELDS.values():
        if f.key == "inkomstar":
            out[f.key] = inkomstar
        elif f.kind == "object":
            out[f.key] = _object_default(f.key, p)
        else:
            out[f.key] = fields.default(f.key, p)
    return out


def _fmt_limit(x, kind):
    if kind == "fraction":
        return tal(x, 2) if x != int(x) else tal(x)
    return tal(x, 0) if float(x).is_integer() else tal(x, 2)


def _range_message(f):
    name, lo, hi, kind = f.label, f.min, f.max, f.kind
    suffix = f" {f.unit}" if f.unit else ""
    if kind == "kr":
        return f"{name}: ange ett belopp mellan {_fmt_limit(lo, kind)} och {_fmt_limit(hi, kind)} kr."
    if kind == "int":
        if lo == hi:
            return f"{name}: ange {lo}."
        return f"{name}: ange ett heltal mellan {tal(lo)} och {tal(hi)}{suffix}."
    if kind == "fraction":
        if f.min_exclusive:
            return (f"{name}: ange mer än {procent(lo)} och högst {procent(hi)} (i en scenariofil som andel: "
                    f"större än {_fmt_limit(lo, kind)} och högst {_fmt_limit(hi, kind)}, till exempel 0,5 för 50 %).")
        return (f"{name}: ange mellan {procent(lo)} och {procent(hi)} (i en scenariofil som andel: "
                f"{_fmt_limit(lo, kind)}–{_fmt_limit(hi, kind)}, till exempel 0,5 för 50 %).")
    if f.min_exclusive:
        return f"{name}: ange ett tal större än {tal(lo)} och högst {tal(hi)}{suffix}."
    return f"{name}: ange ett tal mellan {_fmt_limit(lo, kind)} och {_fmt_limit(hi, kind)}{suffix}."


def _fail(errors, f, message):
    errors.append({"falt": f.key, "meddelande": message})


def _check_choice(f, value, errors):
    allowed = f.values()
    if isinstance(value, bool) or value not in allowed:
        shown = ", ".join(f"”{a}”" if isinstance(a, str) else str(a) for a in allowed)
        _fail(errors, f, f"{f.label}: ange något av {shown}.")
        return None
    return value


def _check_number(f, value, errors):
    name = f.label
    if isinstance(value, bool):
        _fail(errors, f, f"{name}: ange ett tal, inte sant eller falskt.")
        return None
    if isinstance(value, str):
        example = f.default if isinstance(f.default, int) and f.default > 1 else 25000
        _fail(errors, f, f"{name}: ange ett tal (utan text, till exempel {example}), inte ”{value[:40]}”.")
        return None
    if not isinstance(value, (int, float)):
        _fail(errors, f, f"{name}: ange ett tal.")
        return None
    if isinstance(value, float) and not math.isfinite(value):
        _fail(errors, f, _range_message(f).replace(f"{name}: ", f"{name}: ogiltigt tal (NaN eller oändligt); ", 1))
        return None
    if f.kind == "int":
        if isinstance(value, float):
            if not value.is_integer():
                _fail(errors, f, _range_message(f))
                return None
            value = int(value)
        if not (f.min <= value <= f.max):
            _fail(errors, f, _range_message(f))
            return None
        return value
    if abs(value) > 1e15:
        _fail(errors, f, _range_message(f))
        return None
    value = float(value) if isinstance(value, int) else value
    ok = (f.min < value if f.min_exclusive else f.min <= value) and value <= f.max
    if not ok:
        _fail(errors, f, _range_message(f))
        return None
    return value


def check_value(key, value, errors):
    """Validate one scalar of field `key`; append a message to `errors` and return None when invalid."""
    f = fields.field(key)
    if f.kind in ("enum", "year"):
        return _check_choice(f, value, errors)
    return _check_number(f, value, errors)


def _check_object(f, value, errors):
    if not isinstance(value, dict):
        _fail(errors, f, f"{f.label}: ange ett objekt, till exempel {f.example}.")
        return None
    allowed = [s.name for s in fields.sub_fields(f.key)]
    for k in value:
        if k not in allowed:
            errors.append({"falt": f"{f.key}.{k}", "meddelande": f"{f.label}: okänd nyckel ”{str(k)[:40]}”. Tillåtna nycklar: {', '.join(allowed)}."})
    return value


def validate(data):
    """Validate a scenario (version 2, or 1 read with its old meaning) and return it with defaults filled in.

    Raises `InputError` listing every problem found (field and Swedish message).
    """
    if not isinstance(data, dict):
        raise InputError.field("scenario", "Scenariot måste vara ett JSON-objekt med nycklar och värden.")
    errors = []
    for key in data:
        if key not in FIELDS:
            shown = str(key)[:40]
            errors.append({"falt": shown, "meddelande": f"Okänd uppgift ”{shown}”: beräkningen känner inte till den. Kontrollera stavningen, eller be den som gav dig filen eller länken om en ny."})

    if "version" not in data:
        errors.append({"falt": "version", "meddelande": f"{label('version')}: saknas. Ange \"version\": {VERSION} först i scenariot."})
    elif check_value("version", data["version"], errors) == 1:
        data = _upgrade(data, errors)

    year = params.DEFAULT_YEAR
    if "inkomstar" in data:
        y = check_value("inkomstar", data["inkomstar"], errors)
        if y is not None:
            year = y
    p = params.values(year)
    out = default_scenario(year)

    for key, f in FIELDS.items():
        if key in ("version", "inkomstar") or key not in data:
            continue
        value = data[key]
        if f.kind == "object":
            checked = _OBJECTS[key](f, value, p, errors)
        else:
            checked = check_value(key, value, errors)
        if checked is not None:
            out[key] = checked

    support = out["anstallningsstod"]
    if "produktionsfaktor" not in data and support.get("typ") == "lonebidrag" and "andel" in support:
        # Lönebidrag compensates reduced work capacity: by default exactly, so the person
        # produces (1 − the bidrag's share) of the wage cost.
        out["produktionsfaktor"] = round(1.0 - support["andel"], 12)
    if not errors and out["kommunalskatt"] + out["regionskatt"] > 0.6:
        errors.append({"falt": "kommunalskatt", "meddelande": f"{label('kommunalskatt')} och {label('regionskatt').lower()}: summan får vara högst 0,6 (60 %)."})
    if errors:
        raise InputError(errors)
    return out


def _upgrade(data, errors):
    """A version-1 scenario as version 2 with the same meaning (messages added for keys that
    version 1 did not have)."""
    out = dict(data)
    out["version"] = VERSION
    for key, value in V1_MEANING.items():
        if key in data:
            errors.append({"falt": key, "meddelande": f"{label(key)}: finns från version {VERSION}. Ange \"version\": {VERSION} för att använda den."})
        out[key] = value
    age = data.get("alder")
    if isinstance(age, str) and age in V1_AGE_GROUPS:
        out["alder"] = V1_AGE_GROUPS[age]
    support = data.get("anstallningsstod")
    if isinstance(support, dict) and support.get("typ") == "lonebidrag" and _is_number(support.get("tak")):
        # Version 1's cap was on the whole wage cost; version 2's is on the wage, with the
        # contributions on that part added: the same cap at the full contribution rate.
        year = data.get("inkomstar") if data.get("inkomstar") in params.YEARS else params.DEFAULT_YEAR
        out["anstallningsstod"] = dict(support, tak=round(support["tak"] / (1.0 + params.values(year)["arbetsgivaravgift"]), 2))
    return out


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def upgrade_notes(data):
    """Swedish sentences on what reading a version-1 scenario changed; [] for version 2."""
    if not isinstance(data, dict) or data.get("version") != 1:
        return []
    notes = [
        "Scenariot är sparat i det äldre formatet (version 1) och räknas med samma antaganden som då: "
        "utan kommunalekonomisk utjämning och utan att leverantören tar betalt för kravets kostnad i priset "
        "(skattereglerna är inkomstårets). "
        f"Ändra ”{label('utjamning')}” och ”{label('leverantorens_kostnad_i_priset')}” för att räkna som i dag."
    ]
    age = data.get("alder")
    if isinstance(age, str) and age in V1_AGE_GROUPS:
        notes.append(f"Åldersgruppen {V1_AGE_LABELS[age]} räknas som {V1_AGE_GROUPS[age]} år.")
    support = data.get("anstallningsstod")
    if isinstance(support, dict) and support.get("typ") == "lonebidrag" and _is_number(support.get("tak")):
        notes.append("Lönebidragets tak gällde förut hela lönekostnaden och räknas nu om till ett tak för bruttolönen.")
    return notes


def _missing_type(f, errors):
    values = fields.field(f"{f.key}.typ").values()
    shown = ", ".join(f"”{v}”" for v in values[:-1]) + f" eller ”{values[-1]}”"
    errors.append({"falt": f"{f.key}.typ", "meddelande": f"{label(f.key + '.typ')}: saknas. Ange {shown}."})


def _object_kind(f, value, errors):
    """The valid "typ" of an object field that is chosen by its typ, or None (messages added)."""
    if _check_object(f, value, errors) is None:
        return None
    if "typ" not in value:
        _missing_type(f, errors)
        return None
    return check_value(f"{f.key}.typ", value["typ"], errors)


def _validate_support(f, value, p, errors):
    """anstallningsstod: {"typ", and the sub-keys that belong to that typ}."""
    kind = _object_kind(f, value, errors)
    if kind is None:
        return None
    out = {"typ": kind}
    subs = [s for s in fields.sub_fields(f.key) if s.name != "typ"]
    for sub in subs:
        if sub.name in value and not _applies(sub, kind):
            errors.append({"falt": sub.key, "meddelande": f"{f.label}: nyckeln ”{sub.name}” hör inte till typen ”{kind}”."})
    ok = True
    for sub in subs:
        if not _applies(sub, kind):
            continue
        if sub.name not in value:
            if sub.required:
                shown = fields.option_label(f"{f.key}.typ", kind).lower()
                errors.append({"falt": sub.key, "meddelande": f"{sub.label}: saknas. Ange den för {shown}."})
            elif fields.default(sub.key, p) is not None:
                out[sub.name] = fields.default(sub.key, p)
            continue
        v = check_value(sub.key, value[sub.name], errors)
        if v is None:
            ok = False
        else:
            out[sub.name] = v
    return out if ok else None


def _validate_benefit(f, value, p, errors):
    """statlig_ersattning: {"typ", "kr_per_dag"}; kr_per_dag defaults to the typ's level, 0 for "ingen"."""
    kind = _object_kind(f, value, errors)
    if kind is None:
        return None
    if "kr_per_dag" in value:
        per_day = check_value("statlig_ersattning.kr_per_dag", value["kr_per_dag"], errors)
        if per_day is None:
            return None
    else:
        per_day = benefit_default_per_day(kind, p)
    if not fields.field("statlig_ersattning.kr_per_dag").show_when.applies(kind):
        per_day = 0.0 if isinstance(per_day, float) else 0
    return {"typ": kind, "kr_per_dag": per_day}


def _validate_plain_object(f, value, p, errors):
    """An object whose sub-keys are all optional and take their declared defaults."""
    if _check_object(f, value, errors) is None:
        return None
    out = {}
    ok = True
    for sub in fields.sub_fields(f.key):
        if sub.name not in value:
            out[sub.name] = fields.default(sub.key, p)
            continue
        v = check_value(sub.key, value[sub.name], errors)
        if v is None:
            ok = False
        else:
            out[sub.name] = v
    return out if ok else None


# How each object field is checked: its use in the model (a new object field adds a line).
_OBJECTS = {
    "anstallningsstod": _validate_support,
    "statlig_ersattning": _validate_benefit,
    "efter_kravet": _validate_plain_object,
}


def defaults_for(sc):
    """The scenario a user gets for `sc`'s income year and its objects' choices ("typ") without
    typing anything else: each sub-value's default follows its object's choice (etablerings-
    ersättning has its own daily amount), and values no choice implies are the year's defaults.
    `sc` is a validated scenario."""
    base = {"version": VERSION, "inkomstar": sc["inkomstar"]}
    for f in FIELDS.values():
        value = sc.get(f.key)
        if f.kind == "object" and isinstance(value, dict) and "typ" in value:
            # A required sub-value (lönebidrag's share) has no default: it is the user's own.
            base[f.key] = {"typ": value["typ"], **{s.name: value[s.name] for s in fields.sub_fields(f.key)
                                                   if s.required and s.name in value}}
    return validate(base)


def changed(sc):
    """{key: default} for each value of the validated scenario `sc` that is not its default
    (dotted keys for sub-values, in declaration order): the choices against the default
    scenario, everything else against `defaults_for(sc)`."""
    implied = defaults_for(sc)
    plain = default_scenario(params.DEFAULT_YEAR)
    out = {}
    for f in fields.FIELDS.values():
        if f.kind == "object" or f.key == "version":
            continue
        parent, _, name = f.key.rpartition(".")
        if parent:
            value = sc.get(parent, {}).get(name)
            if value is None:
                continue
            reference = plain[parent].get(name) if name == "typ" else implied[parent].get(name)
        else:
            value = sc.get(f.key)
            reference = plain[f.key] if f.key == "inkomstar" else implied[f.key]
        if value != reference:
            out[f.key] = reference
    return out
