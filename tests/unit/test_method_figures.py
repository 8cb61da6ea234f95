"""Every figure in the prose of "Så räknar vi" comes from the parameter files (or from the
agency example's scenario), so the method page cannot drift from the calculator.

How: render the page, then render it again with every parameter value changed by a few per
cent. A figure typed into the prose stays the same in both renderings; a figure derived from
a parameter changes. The figures that may stay are listed below, each with its reason.
"""

import copy
import re

import pytest

from calculators.pages import method
from calculators.model import params

NUMBER = re.compile(r"\d+(?:[\u00a0 ]\d{3})*(?:,\d+)?")
# Figures that are not parameters, each with why it may be typed.
NOT_PARAMETERS = [
    (re.compile(r"\d{4}:\d+"), "the number of a law or a report (SFS 2004:773, Rapport 2012:6)"),
    (re.compile(r"varje 100 kr"), "a share said per 100 kr"),
    (re.compile(r"^\d+\. ", re.M), "a numbered list"),
    (re.compile(r"\d+ kap\. \d+ §"), "a reference into the law"),
    (re.compile(r"\b\d+ (?:april|september) \d{4}"), "a date in the law"),
    (re.compile(r"\b(?:19|20)\d\d\b"), "a year"),
    (re.compile(r"\(1 [+−] "), "the 1 of a formula"),
    (re.compile(r"12 månader per år|delas sedan med 12|månadsbeloppet × 12"), "months in a year"),
    (re.compile(r"26–67 år|12–23 månader|över 200 000 kronor"), "the agency's own words in its 2019 example"),
    (re.compile(r"\(1 [+−] "), "the 1 of a formula"),
    (re.compile(r"skattetabell 34"), "the name of the table the tax was checked against"),
    (re.compile(r"10:e till 90:e percentilen"), "the percentiles reported"),
    (re.compile(r"\^\(M/12 \+ n − 1\)"), "a formula's exponent"),
    (re.compile(r"angett 0 % dödvikt och undanträngning eller 100 % fullföljande"), "the bounds of a share"),
    (re.compile(r"\b\d+ § "), "a reference into the law"),
    (re.compile(r"garantinivån \(115 %"), "the law's guarantee level, described (the model uses the rates)"),
    (re.compile(r"ungefär 63 % av nystartsjobben"), "a study's finding, quoted; not used in the computation"),
    (re.compile(r"av årets 12 månader|per år\) / 12"), "months in a year"),
]


def prose(markdown):
    """The page without its generated parameter tables."""
    return re.sub(r"<div data-search-exclude markdown>.*?</div>", "", markdown, flags=re.S)


def blank_allowed(text):
    for pattern, _why in NOT_PARAMETERS:
        text = pattern.sub(lambda m: "#" * len(m.group()), text)
    return text


def nudge(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value + max(1, round(value * 0.037))
    if isinstance(value, float):
        if value == float("inf"):
            return value
        return value * 0.963 + 0.013 if 0 <= value <= 1 else value * 1.037 + 0.013  # a share stays a share
    if isinstance(value, list):
        return [nudge(v) for v in value]
    if isinstance(value, dict):
        return {k: nudge(v) for k, v in value.items()}
    return value


@pytest.fixture
def nudged_parameters(monkeypatch):
    """Every parameter value, and every figure of the examples' scenarios, a little off."""
    fixed = {"version", "inkomstar"}
    for name in ("agency_example_scenario", "flow_example_scenario"):
        example = getattr(method, name)
        monkeypatch.setattr(method, name, lambda example=example: {k: v if k in fixed else nudge(v) for k, v in example().items()})
    cache = {}
    for year in params.YEARS:
        tables = copy.deepcopy(params.load(year))
        for table in tables.values():
            table["value"] = nudge(table["value"])
        cache[year] = tables
    monkeypatch.setattr(params, "_CACHE", cache)


def figures():
    return [(m.start(), m.group()) for m in NUMBER.finditer(blank_allowed(prose(method.render_method_markdown())))]


def test_every_figure_in_the_prose_moves_with_the_parameters(request):
    before = figures()
    request.getfixturevalue("nudged_parameters")
    after = figures()
    assert len(before) == len(after), "the prose changed shape when the parameters changed"
    text = prose(method.render_method_markdown())
    typed = [(text[max(0, at - 50):at + 30], a) for (at, a), (_, b) in zip(before, after) if a == b]
    assert not typed, "figures typed into the method page instead of read from the parameters:\n" + "\n".join(
        f"  {figure!r} in …{context!r}…" for context, figure in typed)
