"""The decision document's heading fields (nämnd, diarienummer, handläggare, datum): entered on
the document page, kept in the browser under STORAGE_NAME and put at the top of the document.

Saved shape, one record per field so that two copies merge field by field (newest wins, like
a checklist's answers)::

    {"version": 1, "svar": {"namnd": {"varde": "Kommunstyrelsen", "andrad": "<ISO time>"}, ...}}

The record comes from storage or a shared file: `values` reads it as hostile and keeps only
known fields whose value is text within the limit.
"""

from __future__ import annotations

from calculators.errors import InputError
from calculators.format import drop_unsafe

STORAGE_NAME = "dokument-uppgifter"
VERSION = 1
MAX_CHARS = 200
# (id, label, input type, hint)
FIELDS = (
    ("namnd", "Nämnd eller styrelse", "text", "Till exempel kommunstyrelsen eller socialnämnden."),
    ("diarienummer", "Diarienummer", "text", ""),
    ("handlaggare", "Handläggare", "text", "Namn och gärna titel."),
    ("datum", "Datum", "date", ""),
)
LABELS = {key: label for key, label, _, _ in FIELDS}
_BAD = "Uppgifterna om ärendet (nämnd, diarienummer, handläggare, datum) kunde inte läsas och är inte med. Fyll i dem igen."


def values(record) -> dict[str, str]:
    """{field id: text} for the fields that are filled in; InputError if the record is not one."""
    if record is None:
        return {}
    if not isinstance(record, dict) or record.get("version") != VERSION or not isinstance(record.get("svar"), dict):
        raise InputError.field("uppgifter", _BAD)
    out = {}
    for key in LABELS:
        entry = record["svar"].get(key)
        value = entry.get("varde") if isinstance(entry, dict) else None
        if isinstance(value, str) and len(value) <= MAX_CHARS and drop_unsafe(value).strip():
            out[key] = drop_unsafe(value).strip()
    return out
