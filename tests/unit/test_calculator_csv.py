"""The calculator's CSV download (calculators/pages/export.py) as Swedish Excel reads it: every
figure a number (decimal comma, no thousands separator, no non-breaking space, no unit in
the cell), the uncertainty in the screen's plain words."""

import re

import pytest

from calculators.errors import InputError
from calculators.model import analysis, effects, scenario
from calculators.pages import calculator, export, results_html

NUMBER = re.compile(r"-?\d+(,\d+)?")


def _rows(text):
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    return [line.split(";") for line in text[1:-2].split("\r\n")]


@pytest.fixture(scope="module")
def csv_rows():
    sc = {**scenario.default_scenario(), "antal_personer": 1234, "kommunalskatt": 0.2069, "manader": 10.5,
          "upphandlande_organisation": "region"}
    result = effects.evaluate(sc)
    return _rows(export.to_csv(result, analysis.monte_carlo(result["scenario"], dragningar=200, fro=1)))


def test_the_uncertainty_block_speaks_the_screens_words(csv_rows):
    text = "\n".join(";".join(r) for r in csv_rows).lower()
    for jargon in ("frö", "dragningar", "p10", "p50", "p90", "percentil"):
        assert jargon not in text, jargon
    start = csv_rows.index([results_html.BAND_CAPTION])
    assert csv_rows[start + 1] == [results_html.BAND_MEANING]
    assert csv_rows[start + 2] == ["Aktör", *results_html.BAND_COLUMNS]
    body = []
    for row in csv_rows[start + 3:]:
        if len(row) != 4:
            break
        body.append(row)
    assert [r[0] for r in body][:2] == ["Individen", "Kommunen"]
    for row in body:
        low, mid, high = (float(c.replace(",", ".")) for c in row[1:])
        assert all(NUMBER.fullmatch(c) for c in row[1:]), row
        assert low <= mid <= high, row
    chance = csv_rows[start + 3 + len(body)]
    assert chance[0] == "Sannolikheten att regionen går jämnt upp eller bättre (%)"
    assert NUMBER.fullmatch(chance[1]) and 0 <= float(chance[1].replace(",", ".")) <= 100


def _section(rows, first):
    """The rows of a CSV section from the row `first` to the next empty row."""
    start = rows.index(first)
    end = rows.index([""], start)
    return rows[start + 1:end]


def test_every_figure_is_a_number_swedish_excel_reads(csv_rows):
    assert csv_rows[2] == list(results_html.actor_columns(1234))  # the screen's headings, "1 234 st." as shown
    figures = [c for r in _section(csv_rows, csv_rows[2]) for c in r[1:] if c]
    figures += [r[1] for r in _section(csv_rows, ["Brytpunkt", "Värde", "Förklaring"]) if r[1]]
    assert len(figures) > 20
    for cell in figures:
        assert NUMBER.fullmatch(cell), cell
    inputs = _section(csv_rows, ["Uppgift", "Värde", "Enhet"])
    fields = {f.label: f for f in calculator.FIELDS.values()}
    assert inputs and all(len(r) == 3 for r in inputs)
    for label, value, unit in inputs:
        if fields[label].kind in ("enum", "year"):
            assert unit == "", label
        else:
            assert NUMBER.fullmatch(value), (label, value)
            assert unit == fields[label].unit, label
    values = {r[0]: r[1] for r in inputs}
    assert values[calculator.FIELDS["kommunalskatt"].label] == "20,69"
    assert values[calculator.FIELDS["manader"].label] == "10,5"
    assert values[calculator.FIELDS["antal_personer"].label] == "1234"


def test_break_even_figures_are_in_the_units_their_names_say():
    result = effects.evaluate(scenario.default_scenario())
    rows = _rows(export.to_csv(result))
    by_name = {r[0]: r for r in rows if r}
    lowest = by_name["Lägsta produktionsfaktor (%)"]
    assert float(lowest[1].replace(",", ".")) == pytest.approx(result["brytpunkter"]["lagsta_produktionsfaktor"] * 100, abs=0.01)


def test_the_file_says_what_it_is_about_and_when_it_was_computed():
    # Above the table, as the answer's heading says it: the scenario's name, people, year.
    result = effects.evaluate({**scenario.default_scenario(), "antal_personer": 5})
    rows = _rows(export.OPS["exportera_csv"]({"scenario": result["scenario"], "namn": "=Alt A\u202e", "datum": "2026-11-27"})["innehall"])
    assert rows[0] == ["Scenario: =Alt A. 5 personer, anställning i 12 månader, inkomstår 2026."]
    assert rows[1] == ["Beräknad", "2026-11-27"] and rows[2] == [""]
    assert rows[3][0] == "Aktör"
    # Without a name: whether it is the default; a day that is not a date is refused.
    plain = _rows(export.to_csv(effects.evaluate(scenario.default_scenario())))
    assert plain[0][0].startswith("Standardscenariot.") and plain[1] == [""]
    with pytest.raises(InputError):
        export.OPS["exportera_csv"]({"scenario": scenario.default_scenario(), "datum": "<img>"})


def test_break_evens_and_warnings_follow_the_page(csv_rows):
    # The same order and heading as on screen (a controller compared them line by line).
    from calculators.pages import results_view

    start = csv_rows.index(["Brytpunkt", "Värde", "Förklaring"])
    texts = [r[2] for r in csv_rows[start + 1:start + 5]]
    result = effects.evaluate({**scenario.default_scenario(), "antal_personer": 1234, "kommunalskatt": 0.2069,
                               "manader": 10.5, "upphandlande_organisation": "region"})
    on_page = [result["brytpunkter"][k] for k in results_view.BREAK_EVEN_TEXTS]
    assert [t.strip('"') for t in texts] == on_page
    assert [results_html.WARNINGS_HEADING] in csv_rows and ["Varningar"] not in csv_rows


def test_the_kommuns_month_is_in_the_file_as_on_screen():
    # The table under the results on screen, its rows and sum as numbers Excel reads.
    result = effects.evaluate({**scenario.default_scenario(), "antal_personer": 5, "forsorjningsstod": 9000})
    rows = _rows(export.to_csv(result))
    start = rows.index([results_html.KOMMUN_MONTH_CAPTION, "Kronor"])
    month = results_html.kommun_month_rows(result)
    assert [r[0] for r in rows[start + 1:start + 1 + len(month)]] == [label for label, _ in month]
    figures = [float(r[1].replace(",", ".")) for r in rows[start + 1:start + 1 + len(month)]]
    assert sum(figures[:-1]) == pytest.approx(figures[-1], abs=0.02)  # the parts add up to the sum
    assert figures[-1] == pytest.approx(result["per_person_och_manad"]["kommun"], abs=0.005)
    # Praktik has no such table on screen, and none in the file.
    praktik = effects.evaluate({**scenario.default_scenario(), "sysselsattningstyp": "praktik"})
    assert not any(r and r[0] == results_html.KOMMUN_MONTH_CAPTION for r in _rows(export.to_csv(praktik)))


def test_the_sensitivity_is_in_the_file_for_the_actor_chosen_on_the_page():
    from calculators.pages import results_view

    sc = scenario.default_scenario()
    rows = _rows(export.OPS["exportera_csv"]({"scenario": sc, "kanslighet": "samhallsekonomiskt_netto"})["innehall"])
    start = rows.index(list(results_html.TORNADO_COLUMNS))
    assert rows[start - 1][0].startswith("Känslighet: Samhällsekonomiskt nettovärde när en uppgift i taget ändras")
    screen = results_view.evaluate(sc, tornado=True, tornado_aktor="samhallsekonomiskt_netto")["sida"]["tornado"]
    body = rows[start + 1:start + 1 + len(screen)]
    assert [r[0] for r in body] == [r["namn"] for r in screen]
    assert all(NUMBER.fullmatch(r[2]) and NUMBER.fullmatch(r[4]) for r in body)
    # Without a choice (the command line, an older page): the buyer's.
    plain = _rows(export.OPS["exportera_csv"]({"scenario": sc})["innehall"])
    assert any(r[0].startswith("Känslighet: Den upphandlande organisationen (kommunen)") for r in plain if r)
