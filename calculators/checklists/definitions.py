"""Tool definitions: read the TOML files in calculators/data/checklistor/ into plain objects.

One file per tool. The files are edited by non-programmers, so the loader is strict: an
unknown key, a missing text, a duplicate or malformed id raises `DefinitionError` naming the
file and the place, and a unit test loads every tool.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "checklistor"

# The order in which the tools appear in the beslutsunderlag document.
TOOL_IDS = ("beslutsunderlag", "genomforande", "kommunikationsplan", "uppfoljning")

KINDS = ("val", "alternativ", "fritext", "text", "tal", "datum")
COLUMN_KINDS = ("alternativ", "fritext", "text", "tal", "datum")

# The answers of a `val` item: stored id → label shown to the user.
VAL_CHOICES = (("ja", "Ja"), ("delvis", "Delvis"), ("nej", "Nej"), ("vet-ej", "Vet ej"))

# Extra per-item fields a section can ask for: stored key → (label, kind).
EXTRA_FIELDS = {
    "ansvarig": ("Ansvarig", "text"),
    "kommentar": ("Kommentar", "fritext"),
    "klart_senast": ("Klart senast", "datum"),
}

# Ids are lowercase ASCII words joined by single hyphens (underscores allowed in column ids),
# so that "--" can separate the parts of an HTML id unambiguously.
ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
# Rows the user adds get ids of this shape from the browser (e.g. "n-m3x1k2ab-4f7q").
# The pattern is also rendered into the form (`data-rad-monster`) for the browser, so it must
# mean the same in JavaScript. Ids are at most ROW_ID_MAX characters.
ADDED_ROW_RE = re.compile(r"^n-[a-z0-9]+(?:-[a-z0-9]+)*$")
ROW_ID_MAX = 60


class DefinitionError(ValueError):
    """A tool's TOML file is malformed (a developer/editor error, never user input)."""


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    description: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    text: str
    section: str
    fields: tuple[str, ...] = ()
    prerequisite: bool = False
    action: str = ""
    why: str = ""
    source: str = ""
    source_link: str = ""
    link: str = ""
    link_text: str = ""
    hint: str = ""
    options: tuple[Option, ...] = ()
    # (question id, answers): the item applies only when that question has one of these
    # answers (the pilot's scope only for a pilot); () when it always applies.
    show_when: tuple = ()

    def applies(self, answers: dict) -> bool:
        """Whether the item applies, given the saved answers (state["svar"])."""
        if not self.show_when:
            return True
        question, values = self.show_when
        return (answers.get(question) or {}).get("varde") in values

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        """(stored value, label) pairs for `val` and `alternativ` items, else ()."""
        if self.kind == "val":
            return VAL_CHOICES
        return tuple((o.id, o.text) for o in self.options)

    def label_of(self, value) -> str:
        for key, label in self.choices:
            if key == value:
                return label
        return ""


@dataclass(frozen=True)
class Column:
    id: str
    kind: str
    text: str
    hint: str = ""
    options: tuple[Option, ...] = ()

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        return tuple((o.id, o.text) for o in self.options)

    def label_of(self, value) -> str:
        for key, label in self.choices:
            if key == value:
                return label
        return ""


@dataclass(frozen=True)
class Row:
    """A pre-filled row; `fixed` holds the values of the columns the user cannot change."""

    id: str
    fixed: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    id: str
    section: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    heading_column: str
    new_row_label: str
    add_label: str
    remove_label: str

    def column(self, column_id: str) -> Column | None:
        for col in self.columns:
            if col.id == column_id:
                return col
        return None

    def default_row(self, row_id: str) -> Row | None:
        for row in self.rows:
            if row.id == row_id:
                return row
        return None

    def row_name(self, row: dict, position: int) -> str:
        """A row's name wherever it is shown (the form, the summary, the document): what its
        heading column holds, else the new-row label and its place in the table ("Ny period 2")."""
        col = self.column(self.heading_column)
        value = row.get(col.id)
        text = col.label_of(value) if col.kind == "alternativ" else ("" if value is None else str(value))
        return text.strip() or f"{self.new_row_label} {position}"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    part: str = ""
    intro: str = ""
    fields: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    intro: str = ""


@dataclass(frozen=True)
class Tool:
    id: str
    title: str
    intro: str
    guidance: str
    guidance_text: str
    sections: tuple[Section, ...]
    parts: tuple[Part, ...] = ()
    retired: frozenset = frozenset()
    tips: tuple[str, ...] = ()
    tips_title: str = ""
    link: str = ""
    link_text: str = ""
    summary_before: str = ""

    @property
    def items(self) -> dict[str, Item]:
        return {item.id: item for section in self.sections for item in section.items}

    @property
    def tables(self) -> dict[str, Table]:
        return {s.table.id: s.table for s in self.sections if s.table is not None}

    @property
    def prerequisites(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items if i.prerequisite)

    def part(self, part_id: str) -> Part | None:
        for part in self.parts:
            if part.id == part_id:
                return part
        return None


# ─── Loading ────────────────────────────────────────────────────────────────────────────


class _Reader:
    """Pops keys from a TOML table and complains about leftovers (typos in the file)."""

    def __init__(self, table, where, filename):
        if not isinstance(table, dict):
            raise DefinitionError(f"{filename}: {where} ska vara en tabell")
        self.table = dict(table)
        self.where = where
        self.filename = filename

    def fail(self, message):
        raise DefinitionError(f"{self.filename}: {self.where}: {message}")

    def str(self, key, required=False, default=""):
        value = self.table.pop(key, None)
        if value is None:
            if required:
                self.fail(f"saknar `{key}`")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(f"`{key}` ska vara en text")
        return value.strip()

    def id(self, key="id"):
        value = self.str(key, required=True)
        if not ID_RE.match(value):
            self.fail(f"ogiltigt id {value!r} (små bokstäver a–z, siffror och enkla bindestreck)")
        return value

    def bool(self, key):
        value = self.table.pop(key, False)
        if not isinstance(value, bool):
            self.fail(f"`{key}` ska vara true eller false")
        return value

    def list(self, key):
        value = self.table.pop(key, [])
        if not isinstance(value, list):
            self.fail(f"`{key}` ska vara en lista")
        return value

    def table_(self, key):
        value = self.table.pop(key, None)
        if value is not None and not isinstance(value, dict):
            self.fail(f"`{key}` ska vara en tabell")
        return value

    def done(self):
        if self.table:
            self.fail("okända nycklar: " + ", ".join(sorted(self.table)))


def _options(raw_list, where, filename):
    options = []
    for n, raw in enumerate(raw_list, 1):
        r = _Reader(raw, f"{where}, alternativ {n}", filename)
        options.append(Option(id=r.id(), text=r.str("text", required=True), description=r.str("beskrivning")))
        r.done()
    if len({o.id for o in options}) != len(options):
        raise DefinitionError(f"{filename}: {where}: dubbla id bland alternativen")
    return tuple(options)


def _show_when(raw, where, filename):
    """`visas_nar = { fraga = "<id>", varden = ["<answer>", ...] }` as (id, answers), or ()."""
    if raw is None:
        return ()
    r = _Reader(raw, f"{where}.visas_nar", filename)
    question = r.str("fraga", required=True)
    values = tuple(r.list("varden"))
    r.done()
    if not values or not all(isinstance(v, str) for v in values):
        r.fail("`varden` ska vara en lista med minst ett svar")
    return (question, values)


def _item(raw, section_id, fields, where, filename):
    r = _Reader(raw, where, filename)
    item_id = r.id()
    kind = r.str("typ", required=True)
    if kind not in KINDS:
        r.fail(f"okänd typ {kind!r} (tillåtna: {', '.join(KINDS)})")
    options = _options(r.list("alternativ"), where, filename)
    if kind == "alternativ" and len(options) < 2:
        r.fail("typ \"alternativ\" behöver minst två alternativ")
    if kind != "alternativ" and options:
        r.fail("bara typ \"alternativ\" kan ha `alternativ`")
    item = Item(
        id=item_id,
        kind=kind,
        text=r.str("text", required=True),
        section=section_id,
        fields=fields,
        prerequisite=r.bool("forutsattning"),
        action=r.str("atgard"),
        why=r.str("varfor"),
        source=r.str("kalla"),
        source_link=r.str("kalla_lank"),
        link=r.str("lank"),
        link_text=r.str("lank_text"),
        hint=r.str("hjalp"),
        options=options,
        show_when=_show_when(r.table_("visas_nar"), where, filename),
    )
    r.done()
    if item.prerequisite and item.kind != "val":
        r.fail("bara frågor av typ \"val\" kan vara förutsättningar")
    if item.prerequisite and not item.action:
        r.fail("en förutsättning behöver en `atgard`")
    if item.link and not item.link_text:
        r.fail("`lank` behöver en `lank_text`")
    return item


def _table(raw, section_id, where, filename):
    r = _Reader(raw, where, filename)
    table_id = r.id()
    columns = []
    for n, raw_col in enumerate(r.list("kolumner"), 1):
        c = _Reader(raw_col, f"{where}, kolumn {n}", filename)
        col_id = c.id()
        kind = c.str("typ", required=True)
        if kind not in COLUMN_KINDS:
            c.fail(f"okänd typ {kind!r} (tillåtna: {', '.join(COLUMN_KINDS)})")
        options = _options(c.list("alternativ"), f"{where}, kolumn {n}", filename)
        if (kind == "alternativ") != bool(options):
            c.fail("typ \"alternativ\" och `alternativ` hör ihop")
        columns.append(Column(id=col_id, kind=kind, text=c.str("text", required=True), hint=c.str("hjalp"), options=options))
        c.done()
    col_ids = [c.id for c in columns]
    if not columns or len(set(col_ids)) != len(col_ids):
        r.fail("kolumnerna saknas eller har dubbla id")
    if "id" in col_ids or "andrad" in col_ids or "borttagen" in col_ids:
        r.fail("kolumnerna får inte heta id, andrad eller borttagen")
    rows = []
    for n, raw_row in enumerate(r.list("rader"), 1):
        rr = _Reader(raw_row, f"{where}, rad {n}", filename)
        row_id = rr.id()
        if ADDED_ROW_RE.match(row_id) or row_id == "rad":
            rr.fail(f"radens id {row_id!r} är reserverat")
        fixed = rr.table_("fast") or {}
        for key, value in fixed.items():
            col = next((c for c in columns if c.id == key), None)
            if col is None:
                rr.fail(f"okänd kolumn {key!r} i `fast`")
            if not isinstance(value, str) or (col.kind == "alternativ" and value not in col_ids_options(col)):
                rr.fail(f"ogiltigt värde för {key!r} i `fast`")
        rows.append(Row(id=row_id, fixed=dict(fixed)))
        rr.done()
    if len({row.id for row in rows}) != len(rows):
        r.fail("dubbla rad-id")
    heading = r.str("radrubrik", required=True)
    if heading not in col_ids:
        r.fail(f"`radrubrik` {heading!r} är ingen kolumn")
    table = Table(
        id=table_id,
        section=section_id,
        columns=tuple(columns),
        rows=tuple(rows),
        heading_column=heading,
        new_row_label=r.str("ny_rad", required=True),
        add_label=r.str("lagg_till", required=True),
        remove_label=r.str("ta_bort", required=True),
    )
    r.done()
    return table


def col_ids_options(col):
    return {o.id for o in col.options}


def _parse_tool(data, filename) -> Tool:
    r = _Reader(data, "verktyget", filename)
    tool_id = r.id()
    parts = []
    for n, raw in enumerate(r.list("delar"), 1):
        p = _Reader(raw, f"del {n}", filename)
        parts.append(Part(id=p.id(), title=p.str("rubrik", required=True), intro=p.str("ingress")))
        p.done()
    part_ids = {p.id for p in parts}
    sections = []
    for n, raw in enumerate(r.list("avsnitt"), 1):
        where = f"avsnitt {n}"
        s = _Reader(raw, where, filename)
        section_id = s.id()
        part = s.str("del")
        if parts and part not in part_ids:
            s.fail(f"`del` ska vara en av {sorted(part_ids)}")
        if not parts and part:
            s.fail("verktyget har inga `delar`")
        fields = tuple(s.list("falt"))
        for f in fields:
            if f not in EXTRA_FIELDS:
                s.fail(f"okänt fält {f!r} i `falt` (tillåtna: {', '.join(EXTRA_FIELDS)})")
        raw_items = s.list("fragor")
        raw_table = s.table_("tabell")
        title = s.str("rubrik", required=True)
        intro = s.str("ingress")
        s.done()
        items = tuple(
            _item(raw_item, section_id, fields, f"{where}, fråga {m}", filename)
            for m, raw_item in enumerate(raw_items, 1)
        )
        table = _table(raw_table, section_id, f"{where}, tabell", filename) if raw_table else None
        if bool(items) == bool(table):
            raise DefinitionError(f"{filename}: {where}: ett avsnitt har antingen frågor eller en tabell")
        sections.append(Section(id=section_id, title=title, part=part, intro=intro, fields=fields, items=items, table=table))
    tool = Tool(
        id=tool_id,
        title=r.str("titel", required=True),
        intro=r.str("ingress", required=True),
        guidance=r.str("vagledning", required=True),
        guidance_text=r.str("vagledning_text", required=True),
        sections=tuple(sections),
        parts=tuple(parts),
        retired=frozenset(r.list("utgangna")),
        tips=tuple(r.list("tips")),
        tips_title=r.str("tips_rubrik"),
        link=r.str("lank"),
        link_text=r.str("lank_text"),
        summary_before=r.str("sammanfattning_fore"),
    )
    r.done()
    if not tool.sections:
        raise DefinitionError(f"{filename}: verktyget har inga avsnitt")
    if tool.summary_before and tool.summary_before not in part_ids:
        raise DefinitionError(f"{filename}: `sammanfattning_fore` ska vara en del")
    section_ids = [s.id for s in tool.sections]
    names = [i.id for s in tool.sections for i in s.items] + [s.table.id for s in tool.sections if s.table]
    for ids, what in ((section_ids, "avsnitt"), (names, "frågor och tabeller")):
        dupes = sorted({x for x in ids if ids.count(x) > 1})
        if dupes:
            raise DefinitionError(f"{filename}: dubbla id bland {what}: {', '.join(dupes)}")
    if tool.retired & set(names):
        raise DefinitionError(f"{filename}: ett id i `utgangna` används fortfarande")
    if not all(isinstance(t, str) and t.strip() for t in tool.tips):
        raise DefinitionError(f"{filename}: `tips` ska vara en lista med texter")
    by_id = {i.id: i for s in tool.sections for i in s.items}
    for item in by_id.values():
        if item.show_when:
            question, values = item.show_when
            target = by_id.get(question)
            if target is None or target.kind not in ("val", "alternativ") or target.show_when:
                raise DefinitionError(f"{filename}: {item.id}: `visas_nar` ska peka på en fråga med svarsalternativ")
            unknown = set(values) - {key for key, _ in target.choices}
            if unknown:
                raise DefinitionError(f"{filename}: {item.id}: okända svar i `visas_nar`: {', '.join(sorted(unknown))}")
            if item.prerequisite:
                raise DefinitionError(f"{filename}: {item.id}: en förutsättning gäller alltid (ingen `visas_nar`)")
    return tool


@lru_cache(maxsize=None)
def get_tool(tool_id: str) -> Tool:
    """The tool's definition. Raises KeyError for an unknown id (callers validate first)."""
    if tool_id not in TOOL_IDS:
        raise KeyError(tool_id)
    filename = f"{tool_id}.toml"
    with open(DATA_DIR / filename, "rb") as fh:
        data = tomllib.load(fh)
    tool = _parse_tool(data, filename)
    if tool.id != tool_id:
        raise DefinitionError(f"{filename}: id ska vara {tool_id!r}")
    return tool


def all_tools() -> tuple[Tool, ...]:
    return tuple(get_tool(t) for t in TOOL_IDS)
