"""The saved state of a tool: format and validation.

Schema 2 (current) — what the browser keeps in localStorage and what a JSON export holds::

    {
      "format": "sysselsattningskrav-verktyg",
      "schema": 2,
      "verktyg": "<tool id>",
      "uppdaterad": "<ISO 8601 time>" | null,
      "rensad": "<ISO 8601 time>",              # optional: time of the latest "Börja om"
      "svar": {
        "<item id>": {"varde": ..., "ansvarig": "...", "kommentar": "...",
                      "klart_senast": "YYYY-MM-DD", "andrad": "<ISO 8601 time>"}
      },
      "rader": {
        "<table id>": [{"id": "<row id>", "<column id>": ..., "andrad": "<ISO time>",
                        "borttagen": true}]      # borttagen: optional tombstone
      }
    }

- `varde` by item kind: `val` → "ja" | "delvis" | "nej" | "vet-ej" | null; `alternativ` → one
  of the item's option ids | null; `fritext`, `text` → string; `tal` → number, a number
  typed as text ("1 234,5") or null; `datum` → "YYYY-MM-DD", "" or null.
- `ansvarig`, `kommentar`, `klart_senast` are allowed only where the item's section asks for
  them. `andrad` is required on every answer and row: it is what a merge compares.
- Pre-filled rows use the ids of the tool file; rows the user adds have ids matching
  "n-…" (lowercase letters, digits, hyphens), ideally "n-<Date.now() in base 36>-<random>" so
  that sorting by id keeps the order they were added in. Pre-filled rows never carry the
  columns that the tool file fixes (e.g. the audience of a default row).
- A deleted row stays as a tombstone {"id", "andrad", "borttagen": true} so that merging
  with another tab does not bring it back.
- Limits: a text answer (and each text column) holds at most MAX_TEXT characters, a number
  typed as text at most MAX_NUMBER_TEXT; a row id at most ROW_ID_MAX. A table holds at most
  MAX_ROWS live rows (pre-filled rows with the user's values included). Tombstones do not
  count against that: only the newest MAX_TOMBSTONES of a table are kept (older ones are
  dropped by `validate`, and by the browser when it merges and saves), so adding and
  deleting rows any number of times never fills a table. A row list of more than
  MAX_ROW_ENTRIES entries (before pruning) is refused unread. The form carries these limits (`maxlength`,
  `data-max-rader`, `data-rad-monster`, `data-rad-maxlangd`) from here. "Börja om" empties svar and rader and sets
  `rensad`; anything older than `rensad` is dropped by a merge. To undo "Börja om", write the
  previous answers back with `andrad` set to the time of the undo.

Merging two copies (two tabs, or saved answers and another tab's) happens only in the
browser, when a tab saves and when it hides: its one home is
overrides/assets/javascripts/sk-verktyg/merge.mjs, tested under Node with the cases in
tests/cases/merge.json. Every published version of the site wrote schema 2; another version
is refused with a message (the browser keeps such a value aside unchanged).

Everything that is wrong raises InputError with a Swedish message and changes nothing: the
functions never modify their argument and return a new, normalised state.
"""

from __future__ import annotations

import datetime as dt
import json
import math

from calculators.errors import InputError

from ._fmt import tal

from .definitions import EXTRA_FIELDS, ADDED_ROW_RE, ROW_ID_MAX, TOOL_IDS, get_tool

FORMAT = "sysselsattningskrav-verktyg"
SCHEMA = 2
EPOCH = "1970-01-01T00:00:00Z"

MAX_TEXT = 20_000
MAX_NUMBER_TEXT = 100
# The most characters a typed value of each kind may hold (the form's `maxlength`); the other
# kinds are chosen, not typed.
TYPED_MAX_CHARS = {"fritext": MAX_TEXT, "text": MAX_TEXT, "tal": MAX_NUMBER_TEXT}
MAX_ROWS = 200
MAX_TOMBSTONES = 200
MAX_ROW_ENTRIES = 5_000  # live rows and tombstones together, before pruning: a guard, not a rule
MAX_ERRORS = 8

TOP_KEYS = {"format", "schema", "verktyg", "uppdaterad", "rensad", "svar", "rader"}


def storage_key(tool_id: str) -> str:
    """Suggested localStorage key for a tool's state."""
    return f"sysselsattningskrav:{tool_id}"


def empty_state(tool_id: str) -> dict:
    get_tool(tool_id)
    return {"format": FORMAT, "schema": SCHEMA, "verktyg": tool_id, "uppdaterad": None, "svar": {}, "rader": {}}


# ─── Time stamps ────────────────────────────────────────────────────────────────────────


def parse_time(value) -> dt.datetime | None:
    """An ISO 8601 time (as JavaScript's toISOString writes it) as an aware datetime."""
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        return None
    text = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


def date_of(value) -> str:
    """'2026-11-26T09:30:00Z' → '2026-11-26' (UTC date); '' if absent."""
    parsed = parse_time(value)
    return parsed.astimezone(dt.timezone.utc).date().isoformat() if parsed else ""


def _valid_date(value) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


# ─── Validation ─────────────────────────────────────────────────────────────────────────


class _Errors:
    def __init__(self):
        self.messages = []

    def add(self, field, message):
        if len(self.messages) < MAX_ERRORS:
            # The field path may hold an id from saved data: keep it short, too.
            self.messages.append({"falt": _short(field, 80) if field else field, "meddelande": message})

    def raise_if_any(self):
        if self.messages:
            raise InputError(self.messages)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _names(values, n: int = 40, most: int = 5) -> str:
    """Names taken from saved data, for a message: a few, each a short prefix."""
    values = [_short(str(v), n) for v in values]
    more = f" och {len(values) - most} till" if len(values) > most else ""
    return ", ".join(values[:most]) + more


def _number(value) -> str:
    """An integer from saved data, for a message (a huge one is not spelt out)."""
    return str(value) if -10**6 < value < 10**6 else "okänd"


def prune_tombstones(rows: list) -> list:
    """The rows with only the newest MAX_TOMBSTONES tombstones kept (order unchanged)."""
    dead = [r for r in rows if r.get("borttagen")]
    if len(dead) <= MAX_TOMBSTONES:
        return rows
    key = lambda r: (parse_time(r.get("andrad")) or parse_time(EPOCH), r.get("id", ""))  # noqa: E731
    keep = {id(r) for r in sorted(dead, key=key)[-MAX_TOMBSTONES:]}
    return [r for r in rows if not r.get("borttagen") or id(r) in keep]


def _check_value(kind, choices, value, where_field, what, errors):
    """Validate one stored value of the given kind; return it normalised."""
    if kind in ("val", "alternativ"):
        if value is None or value == "":
            return None
        if not isinstance(value, str) or value not in {c for c, _ in choices}:
            allowed = ", ".join(label for _, label in choices)
            errors.add(where_field, f"{what}: ogiltigt svar {json.dumps(value, ensure_ascii=False)[:40]} (tillåtna: {allowed}).")
        return value
    if kind in ("fritext", "text"):
        if value is None:
            return ""
        if not isinstance(value, str):
            errors.add(where_field, f"{what}: ska vara en text.")
        elif len(value) > MAX_TEXT:
            errors.add(where_field, f"{what}: texten är för lång: {tal(len(value))} tecken (högst {tal(MAX_TEXT)}).")
        return value
    if kind == "tal":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            errors.add(where_field, f"{what}: ska vara ett tal.")
        elif isinstance(value, float) and not math.isfinite(value):
            errors.add(where_field, f"{what}: ska vara ett ändligt tal.")
        elif isinstance(value, str) and len(value) > MAX_NUMBER_TEXT:
            errors.add(where_field, f"{what}: talet är för långt.")
        return value
    if kind == "datum":
        if value is None or value == "":
            return value
        if not _valid_date(value):
            errors.add(where_field, f"{what}: ska vara ett datum som 2026-11-26.")
        return value
    raise AssertionError(kind)


def _check_time(value, where_field, what, errors, required=True):
    if value is None and not required:
        return
    if parse_time(value) is None:
        errors.add(where_field, f"{what}: saknar en giltig tidpunkt (ISO 8601).")


def _check_header(state, expected_tool, errors_on_schema=True):
    """Format, schema and tool of a saved state; returns (schema, tool id). Raises at once on failure."""
    if not isinstance(state, dict):
        raise InputError("Innehållet är inte sparade svar från ett verktyg på den här webbplatsen.")
    fmt = state.get("format")
    if fmt is not None and fmt != FORMAT:
        raise InputError.field(
            "format", "Filen kommer inte från verktygen på den här webbplatsen (okänt format)."
        )
    schema = state.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise InputError.field("schema", "De sparade svaren saknar versionsnummer (schema) och kan inte läsas.")
    if schema > SCHEMA:
        raise InputError.field(
            "schema",
            f"Svaren är sparade av en nyare version av webbplatsen (schema {_number(schema)}). "
            "Ladda om sidan för att få den senaste versionen och försök igen.",
        )
    if schema < SCHEMA:
        raise InputError.field("schema", f"Okänd version av sparade svar (schema {_number(schema)}).")
    tool_id = state.get("verktyg")
    if not isinstance(tool_id, str) or tool_id not in TOOL_IDS:
        raise InputError.field("verktyg", "De sparade svaren gäller inget känt verktyg på den här webbplatsen.")
    if expected_tool is not None and tool_id != expected_tool:
        raise InputError.field(
            "verktyg",
            f"Filen innehåller svar för verktyget ”{get_tool(tool_id).title}”, "
            f"inte för ”{get_tool(expected_tool).title}”. Importera den på det verktygets sida.",
        )
    return schema, tool_id


def validate(state, tool_id: str | None = None) -> dict:
    """Check a schema-2 state in full and return a normalised deep copy."""
    _, tid = _check_header(state, tool_id)
    tool = get_tool(tid)
    errors = _Errors()
    unknown = sorted(set(state) - TOP_KEYS)
    if unknown:
        errors.add(None, "Okända uppgifter i de sparade svaren: " + _names(unknown) + ".")
    if state.get("format") is None:
        pass  # tolerated in localStorage; import_json requires it
    _check_time(state.get("uppdaterad"), "uppdaterad", "Senast ändrad", errors, required=False)
    if "rensad" in state:
        _check_time(state.get("rensad"), "rensad", "Börja om", errors)

    out = {"format": FORMAT, "schema": SCHEMA, "verktyg": tid, "uppdaterad": state.get("uppdaterad"), "svar": {}, "rader": {}}
    if "rensad" in state:
        out["rensad"] = state["rensad"]

    answers = state.get("svar", {})
    if not isinstance(answers, dict):
        errors.add("svar", "Svaren har fel form (ska vara ett objekt).")
        answers = {}
    items = tool.items
    for item_id, record in answers.items():
        field = f"svar.{item_id}"
        item = items.get(item_id)
        if item is None:
            if item_id in tool.retired:
                continue
            errors.add(field, f"Okänd fråga {json.dumps(item_id, ensure_ascii=False)[:60]} – filen hör inte till den här versionen av verktyget.")
            continue
        what = f"Frågan ”{_short(item.text)}”"
        if not isinstance(record, dict):
            errors.add(field, f"{what}: svaret har fel form (ska vara ett objekt).")
            continue
        allowed = {"varde", "andrad", *item.fields}
        extra = sorted(set(record) - allowed)
        if extra:
            errors.add(field, f"{what}: okända fält: {_names(extra)}.")
            continue
        clean = {"varde": _check_value(item.kind, item.choices, record.get("varde"), field + ".varde", what, errors)}
        for name in item.fields:
            if name in record:
                label, kind = EXTRA_FIELDS[name]
                clean[name] = _check_value(kind, (), record[name], f"{field}.{name}", f"{what}, {label}", errors)
        _check_time(record.get("andrad"), field + ".andrad", what, errors)
        clean["andrad"] = record.get("andrad")
        out["svar"][item_id] = clean

    tables = state.get("rader", {})
    if not isinstance(tables, dict):
        errors.add("rader", "Raderna har fel form (ska vara ett objekt).")
        tables = {}
    for table_id, rows in tables.items():
        table = tool.tables.get(table_id)
        field = f"rader.{table_id}"
        if table is None:
            errors.add(field, f"Okänd tabell {json.dumps(table_id, ensure_ascii=False)[:60]}.")
            continue
        if not isinstance(rows, list):
            errors.add(field, "Raderna har fel form (ska vara en lista).")
            continue
        if len(rows) > MAX_ROW_ENTRIES:
            errors.add(field, f"För många rader (högst {tal(MAX_ROWS)}).")
            continue
        live = [r for r in rows if not (isinstance(r, dict) and r.get("borttagen") is True)]
        if len(live) > MAX_ROWS:
            errors.add(field, f"För många rader: {len(live)} (högst {tal(MAX_ROWS)}). Ta bort rader eller dela upp planen.")
            continue
        seen = set()
        clean_rows = []
        for n, row in enumerate(rows, 1):
            where = f"{field}[{n}]"
            what = f"Rad {n} i ”{tool_section_title(tool, table.section)}”"
            if not isinstance(row, dict):
                errors.add(where, f"{what}: har fel form (ska vara ett objekt).")
                continue
            row_id = row.get("id")
            default = table.default_row(row_id) if isinstance(row_id, str) else None
            if not isinstance(row_id, str) or not (default or ADDED_ROW_RE.match(row_id)) or len(row_id) > ROW_ID_MAX:
                errors.add(where, f"{what}: ogiltigt rad-id.")
                continue
            if row_id in seen:
                errors.add(where, f"{what}: rad-id:t förekommer två gånger.")
                continue
            seen.add(row_id)
            editable = {c.id for c in table.columns} - (set(default.fixed) if default else set())
            extra = sorted(set(row) - editable - {"id", "andrad", "borttagen"})
            if extra:
                errors.add(where, f"{what}: okända fält: {_names(extra)}.")
                continue
            clean = {"id": row_id}
            if "borttagen" in row:
                if row["borttagen"] is not True or default is not None:
                    errors.add(where, f"{what}: ogiltig markering för borttagen rad.")
                    continue
                clean["borttagen"] = True
            for col in table.columns:
                if col.id in row:
                    clean[col.id] = _check_value(col.kind, col.choices, row[col.id], f"{where}.{col.id}", f"{what}, {col.text}", errors)
            _check_time(row.get("andrad"), where + ".andrad", what, errors)
            clean["andrad"] = row.get("andrad")
            clean_rows.append(clean)
        out["rader"][table_id] = prune_tombstones(clean_rows)
    errors.raise_if_any()
    return out


def tool_section_title(tool, section_id):
    for s in tool.sections:
        if s.id == section_id:
            return s.title
    return section_id


def state_or_empty(state, tool_id: str) -> dict:
    """None means "nothing saved yet"."""
    if state is None:
        return empty_state(tool_id)
    return validate(state, tool_id)


# ─── Reading a state ────────────────────────────────────────────────────────────────────


def live_rows(tool, state, table_id) -> list[dict]:
    """The rows to show, in order: every pre-filled row (with the user's values, if any),
    then the rows the user added, without deleted ones, in the order the form shows them (by
    id: an added row's id begins with the time it was added). Fixed values are filled in."""
    table = tool.tables[table_id]
    saved = {row["id"]: row for row in state["rader"].get(table_id, [])}
    rows = []
    for default in table.rows:
        row = dict(saved.get(default.id, {"id": default.id}))
        row.update(default.fixed)
        row["_fast"] = tuple(default.fixed)
        rows.append(row)
    for row_id, row in sorted(saved.items()):
        if table.default_row(row_id) is None and not row.get("borttagen"):
            rows.append(dict(row, _fast=()))
    return rows
