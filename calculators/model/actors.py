"""The actors of the impact model and its totals, with their Swedish labels, declared once in
calculators/data/aktorer.toml.

    ACTORS          the actors' keys in order ("individ", "kommun", …)
    TOTALS          the totals' keys ("summa_aktorer", "indirekt_skatt", "samhallsekonomiskt_netto")
    BUYER           "kopare": the procuring organisation, whichever actor it is
    label(key)      the label every page, export and summary shows
    choice(key)     the label in the sensitivity chart's menu
    note(key)       the explanation shown beside a total ("" when it has none)
"""

import tomllib

from calculators.model import params


def _load():
    with open(params.data_path("aktorer.toml"), "rb") as fh:
        data = tomllib.load(fh)
    entries = data["actor"] + data["total"] + [data["buyer"]]
    labels, choices, notes = {}, {}, {}
    for entry in entries:
        if entry["key"] in labels:
            raise ValueError(f"aktorer.toml: {entry['key']} is declared twice")
        labels[entry["key"]] = entry["label"]
        choices[entry["key"]] = entry.get("choice", entry["label"])
        notes[entry["key"]] = entry.get("note", "")
    actors = tuple(a["key"] for a in data["actor"])
    totals = tuple(t["key"] for t in data["total"])
    return actors, totals, data["buyer"]["key"], labels, choices, notes


ACTORS, TOTALS, BUYER, _LABELS, _CHOICES, _NOTES = _load()
LABELS = dict(_LABELS)


def label(key) -> str:
    return _LABELS[key]


def choice(key) -> str:
    return _CHOICES[key]


def note(key) -> str:
    return _NOTES[key]
