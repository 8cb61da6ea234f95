"""The share-link format's shared cases (tests/cases/share-link.json) against the Python that
builds a link: the Uppföljning summary's link to the calculator. The page's codec runs the
same cases under Node (tests/js/share-link.test.mjs)."""

import json
import pathlib

import pytest

from calculators.checklists.summary import SHARE_PREFIX, outcome_scenario, share_fragment

CASES = json.loads((pathlib.Path(__file__).parents[1] / "cases" / "share-link.json").read_text(encoding="utf-8"))


def test_the_prefix_is_the_formats():
    assert SHARE_PREFIX == CASES["prefix"]


@pytest.mark.parametrize("case", CASES["kodning"], ids=[c["namn"] for c in CASES["kodning"]])
def test_python_builds_the_same_fragment_as_the_page(case):
    assert share_fragment(case["scenario"]) == case["fragment"]


def test_the_uppfoljning_link_is_the_first_case():
    first = CASES["kodning"][0]
    outcome = outcome_scenario([{"period": "2026", "individer": float(first["scenario"]["antal_personer"])}])
    assert outcome["fragment"] == first["fragment"]
