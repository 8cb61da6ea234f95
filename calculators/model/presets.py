"""Presets for typical cases, read from calculators/data/forinstallningar.toml.

`presets()` returns a list of {id, namn, beskrivning, scenario_delar}; `apply(scenario, id)`
returns a copy of a scenario dict with the preset's keys filled in.
"""

import copy
import tomllib

from calculators.errors import InputError
from calculators.model.params import data_path

_CACHE = []


def presets():
    """All presets as a list of {id, namn, beskrivning, scenario_delar} (fresh copies)."""
    if not _CACHE:
        with open(data_path("forinstallningar.toml"), "rb") as fh:
            _CACHE.extend(tomllib.load(fh)["forinstallning"])
    return copy.deepcopy(_CACHE)


def apply(scenario, preset_id):
    """A copy of `scenario` with the keys of preset `preset_id` filled in."""
    for preset in presets():
        if preset["id"] == preset_id:
            out = dict(scenario)
            out.update(preset["scenario_delar"])
            return out
    raise InputError.field("forinstallning", f"Okänd förinställning ”{str(preset_id)[:40]}”.")
