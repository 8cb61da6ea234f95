"""The results' HTML (calculators/pages/results_html.py) as a phone needs it: both chart
drawings, value texts inside the picture, the tables' optional columns and their checkbox,
the uncertainty's plain words, and the comparison's options as the form names them."""

import pathlib
import re

import pytest

from calculators.model import fields
from calculators.pages import calculator, results_html, results_view

ROOT = pathlib.Path(__file__).resolve().parents[2]
CSS = (ROOT / "overrides/assets/stylesheets/sk-berakning.css").read_text(encoding="utf-8")
SCENARIOS = [
    {"version": 2},
    {"version": 2, "antal_personer": 250, "anstallningsstod": {"typ": "belopp", "kr_per_manad": 4000}},
    {"version": 2, "sysselsattningstyp": "praktik", "antal_personer": 25},
]


def _charts(result):
    """The results and the sensitivity chart (swapped in side by side)."""
    return results_html.results(result) + results_html.sensitivity(result)


def _svgs(fragment):
    return re.findall(r"<svg [^>]*>.*?</svg>", fragment, re.S)


def _view_width(svg):
    return float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))


@pytest.mark.parametrize("sc", SCENARIOS)
def test_each_chart_has_a_wide_and_a_narrow_drawing_with_its_own_ids(sc):
    fragment = _charts(results_view.evaluate(sc, tornado=True))
    classes = [re.search(r'class="([^"]+)"', svg).group(1) for svg in _svgs(fragment)]
    assert classes == ["sk-diagram sk-diagram--bred", "sk-diagram sk-diagram--smal",
                       "sk-diagram sk-diagram--bred sk-tornado", "sk-diagram sk-diagram--smal sk-tornado"]
    ids = re.findall(r' id="([^"]+)"', fragment)
    assert len(ids) == len(set(ids))
    for svg in _svgs(fragment):
        for ref in re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split():
            assert f'id="{ref}"' in svg


@pytest.mark.parametrize("sc", SCENARIOS)
def test_every_value_text_stays_inside_its_drawing(sc):
    """Estimated from the text's length (15 px digits, at most _CHAR_W a character); the
    browser test measures every text drawn."""
    fragment = _charts(results_view.evaluate(sc, tornado=True))
    for svg in _svgs(fragment):
        width = _view_width(svg)
        for x, anchor, text in re.findall(r'<text x="([-\d.]+)" y="[-\d.]+"(?: text-anchor="(\w+)")? class="sk-stapeltext[^>]*>([^<]*)</text>', svg):
            span = len(text) * results_html._CHAR_W
            left = {"end": float(x) - span, "middle": float(x) - span / 2}.get(anchor, float(x))
            assert -1 <= left and left + span <= width + 1, (svg[:60], text, left, span, width)


def test_the_narrow_charts_labels_sit_above_their_bars_and_no_line_crosses_them():
    fragment = _charts(results_view.evaluate(SCENARIOS[1], tornado=True))
    for svg in _svgs(fragment):
        if "sk-diagram--smal" not in svg:
            continue
        label_ys = [float(y) for y in re.findall(r'<text x="0" y="([\d.]+)" class="sk-stapeletikett"', svg)]
        assert label_ys
        for y1, y2 in re.findall(r'<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="([\d.]+)" class="sk-nollinje"', svg):
            assert not any(float(y1) <= y <= float(y2) for y in label_ys), (y1, y2)


def test_the_actor_tables_optional_columns_are_the_per_person_ones():
    table = results_html.actor_table(results_view.evaluate({"version": 2}))
    head = re.findall(r'<th scope="col"( class="sk-valfri")?>([^<]*)</th>', table)
    assert [(bool(opt), text.split(" (")[0]) for opt, text in head] == [
        (False, "Aktör"), (True, "Per person och månad"), (True, "Per person under perioden"), (False, "Alla personer")]
    for row in re.findall(r"<tr[^>]*><th scope=\"row\">.*?</tr>", table):
        cells = re.findall(r"<td([^>]*)>", row)
        assert ["sk-valfri" in c for c in cells] == [True, True, False], row
    box = re.search(r'<input type="checkbox" id="([^"]+)" aria-controls="([^"]+)"><label for="([^"]+)">([^<]+)</label>', table)
    assert box and box.group(1) == box.group(3) and f'id="{box.group(2)}"' in table
    assert box.group(4) == "Visa belopp per person"


def test_the_uncertainty_keeps_percentiles_seed_and_draws_in_its_disclosure():
    fragment = results_html.band(results_view.uncertainty({"version": 2}))
    outside = re.sub(r"<details.*?</details>", "", fragment, flags=re.S)
    inside = re.search(r"<details.*?</details>", fragment, re.S).group(0)
    for word in ("P10", "P50", "P90", "frö", "slumpade", "percentil"):
        assert word not in outside, word
        assert word.lower() in inside.lower(), word
    assert "Troligt intervall" in outside and "<summary>" in inside
    assert re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', fragment) == ["Aktör", *results_html.BAND_COLUMNS]


def test_the_comparison_names_options_as_the_form_does_and_says_how_many_columns():
    named = [(f"S{i}", results_view.evaluate(sc)) for i, sc in enumerate(SCENARIOS)]
    table = results_html.comparison(named)
    assert 'class="sk-jamfor sk-jamfor--3"' in table
    options = {o.label for key in ("sysselsattningstyp", "anstallningsstod.typ") for o in fields.field(key).choices()}
    for key in ("sysselsattningstyp", "anstallningsstod.typ"):
        row = re.search(r'<th scope="row">' + re.escape(fields.label(key)) + r"</th>(.*?)</tr>", table).group(1)
        for text in re.findall(r"<td>([^<]*)</td>", row):
            assert text in options and text[0].isupper(), text
    # The corner names the columns (scenarios); the actors and the inputs each have their own
    # heading row, so "Aktör" never stands above an input (a new user read it so).
    assert re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', table)[0] == "Scenario"
    groups = re.findall(r'<th scope="colgroup" colspan="4">([^<]*)</th>', table)
    assert groups == ["Resultat per aktör", "Uppgifter"]
    assert table.index("Uppgifter") < table.index(fields.label("bruttolon"))
    # The CSS lays out a stacked comparison for every number of scenarios the page allows.
    for n in range(calculator.COMPARE_MIN, calculator.COMPARE_MAX + 1):
        assert f"sk-jamfor--{n}" in CSS, n
