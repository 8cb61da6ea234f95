"""Every scenario field, declared once in calculators/data/falt.toml.

A `Field` carries what every part of the site needs to know about a key: its kind, unit,
limits, default (or the parameter that supplies it), Swedish label, help text, form group,
show-when rule and option labels. Validation (scenario), the form and its parsing
(pages.calculator), messages, exports, sensitivity labels, the checklists' summary and the
method page all read these declarations; none of them repeats a label.

    FIELDS                      key -> Field, in the scenario's order (dotted sub-keys included)
    GROUPS                      the form's groups, each with its fields in order
    field(key) -> Field         (KeyError for an unknown key)
    label(key) -> str           the Swedish label (the key itself when it is not declared)
    option_label(key, value)    the Swedish label of an option (the value itself when unknown)
    top_level()                 the scenario's own keys (no dotted sub-keys)
    sub_fields(key)             the Fields inside an object field, in order
    default(key, year_values)   the default for the income year's parameter values (None if none)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field as dataclass_field

from calculators.model import params

KINDS = ("int", "number", "kr", "fraction", "enum", "year", "object")
NUMERIC_KINDS = ("int", "number", "kr", "fraction")


@dataclass(frozen=True)
class Option:
    value: object
    label: str
    definite: str = ""          # the definite form for sentences ("kommunen")
    default_param: str = ""     # the parameter that supplies a sub-field's default for this choice


@dataclass(frozen=True)
class ShowWhen:
    field: str
    values: tuple

    def applies(self, value) -> bool:
        return value is not None and str(value) in self.values


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    label: str
    help: str = ""
    group: str = ""
    unit: str = ""
    unit_one: str = ""          # the unit's singular, for the value 1
    min: float | None = None
    max: float | None = None
    min_exclusive: bool = False
    default: object = None
    default_param: str = ""
    source_param: str = ""
    required: bool = False
    show_when: ShowWhen | None = None
    options: tuple = ()
    example: str = ""

    @property
    def parent(self) -> str:
        """The object field this sub-field belongs to ("" for a top-level key)."""
        return self.key.rpartition(".")[0]

    @property
    def name(self) -> str:
        """The key inside its object ("typ" for "anstallningsstod.typ")."""
        return self.key.rpartition(".")[2]

    @property
    def in_form(self) -> bool:
        return bool(self.group)

    def values(self) -> tuple:
        """The allowed values of an enum or year field."""
        if self.kind == "year":
            return params.YEARS
        return tuple(o.value for o in self.options)

    def choices(self) -> tuple:
        """The options as the form lists them (years newest first)."""
        if self.kind == "year":
            return tuple(Option(y, str(y)) for y in sorted(params.YEARS, reverse=True))
        return self.options

    def unit_for(self, value) -> str:
        """The unit for a value: "person" for 1, "personer" otherwise."""
        return self.unit_one if self.unit_one and value == 1 else self.unit

    def option(self, value) -> Option | None:
        return next((o for o in self.choices() if o.value == value), None)


@dataclass(frozen=True)
class Group:
    id: str
    heading: str
    first: bool = False         # what a first estimate needs; the others are "Fler antaganden"
    presets: bool = False
    fields: tuple = dataclass_field(default=())


def _load():
    with open(params.data_path("falt.toml"), "rb") as fh:
        data = tomllib.load(fh)
    fields = {}
    for spec in data["field"]:
        spec = dict(spec)
        key = spec["key"]
        if key in fields:
            raise ValueError(f"falt.toml: {key} is declared twice")
        if spec["kind"] not in KINDS:
            raise ValueError(f"falt.toml: {key} has an unknown kind {spec['kind']!r}")
        if "options" in spec:
            spec["options"] = tuple(Option(**o) for o in spec["options"])
        if "show_when" in spec:
            spec["show_when"] = ShowWhen(spec["show_when"]["field"], tuple(spec["show_when"]["values"]))
        fields[key] = Field(**spec)
    groups = []
    for spec in data["group"]:
        members = tuple(f for f in fields.values() if f.group == spec["id"])
        groups.append(Group(spec["id"], spec["heading"], spec.get("first", False), spec.get("presets", False), members))
    known = {g.id for g in groups}
    for f in fields.values():
        if f.group and f.group not in known:
            raise ValueError(f"falt.toml: {f.key} names an unknown group {f.group!r}")
        if f.parent and fields.get(f.parent, None) is None:
            raise ValueError(f"falt.toml: {f.key} has no object field {f.parent!r}")
    return fields, tuple(groups)


FIELDS, GROUPS = _load()


def field(key) -> Field:
    return FIELDS[key]


def label(key) -> str:
    """Swedish label of a scenario key; dotted keys (``efter_kravet.ar``) are allowed."""
    f = FIELDS.get(key)
    return f.label if f else key


def option_label(key, value) -> str:
    """Swedish label of one of a field's options; the value itself if it is not an option."""
    f = FIELDS.get(key)
    option = f.option(value) if f else None
    return option.label if option else str(value)


def definite_names(key) -> dict:
    """Option value -> the noun's definite form for sentences ("kommun" -> "kommunen")."""
    return {o.value: o.definite for o in FIELDS[key].options if o.definite}


def top_level() -> tuple:
    return tuple(f for f in FIELDS.values() if not f.parent)


def sub_fields(key) -> tuple:
    return tuple(f for f in FIELDS.values() if f.parent == key)


def form_fields() -> tuple:
    """The fields the calculator form shows, in the form's order."""
    return tuple(f for g in GROUPS for f in g.fields)


def default(key, year_values):
    """The default of a (non-object) field for an income year's parameter values, or None."""
    f = FIELDS[key]
    if f.default_param:
        return year_values[f.default_param]
    return f.default
