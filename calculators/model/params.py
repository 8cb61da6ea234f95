"""Parameter data per income year, read from ``calculators/data/parametrar-<år>.toml``.

Each figure in the data file is a table ``{namn, value, unit, year, source, verified, note}``.
`load(year)` returns the raw tables (cached); `values(year)` returns a flat mapping
name -> value for the model; `listing(year)` returns the list the UI and the method page show.
"""

import os
import tomllib

from calculators.errors import InputError

_DATA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")

YEARS = (2025, 2026)
DEFAULT_YEAR = 2026

_CACHE = {}

_REQUIRED = ("namn", "value", "unit", "year", "source", "verified", "note")


def data_path(name):
    """Absolute path of a file in calculators/data (read relative to this package)."""
    return os.path.join(_DATA_DIR, name)


def check_year(year, field="inkomstar"):
    if isinstance(year, bool) or not isinstance(year, int) or year not in YEARS:
        years = " och ".join(str(y) for y in YEARS)
        raise InputError.field(field, f"Inkomstår: ange {years}.")
    return year


def load(year):
    """The parameter tables for `year` (dict name -> table). Raises InputError for an unknown year."""
    check_year(year)
    tables = _CACHE.get(year)
    if tables is None:
        with open(data_path(f"parametrar-{year}.toml"), "rb") as fh:
            tables = tomllib.load(fh)
        for name, table in tables.items():
            missing = [k for k in _REQUIRED if k not in table]
            if missing:
                raise ValueError(f"parametrar-{year}.toml: {name} saknar {', '.join(missing)}")
        _CACHE[year] = tables
    return tables


def values(year):
    """Flat mapping parameter name -> value for `year`."""
    key = ("values", year)
    cached = _CACHE.get(key)
    if cached is None:
        cached = {name: table["value"] for name, table in load(year).items()}
        _CACHE[key] = cached
    return cached


def listing(year):
    """Parameters for display: a list of {id, namn, varde, enhet, ar, kalla, verifierad, not}."""
    out = []
    for name, table in load(year).items():
        value = table["value"]
        if isinstance(value, list):
            value = [{k: (None if v == float("inf") else v) for k, v in seg.items()} for seg in value]
        out.append(
            {
                "id": name,
                "namn": table["namn"],
                "varde": value,
                "enhet": table["unit"],
                "ar": table["year"],
                "kalla": table["source"],
                "verifierad": bool(table["verified"]),
                "not": table["note"],
            }
        )
    return out
