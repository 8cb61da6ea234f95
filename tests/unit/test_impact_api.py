"""OPS of the impact model, the method page and the presets."""

import json

import pytest

from calculators.errors import InputError
from calculators.model import api, params, presets, scenario
from calculators.pages import export, method


def test_ops_names():
    assert {"berakna", "standardscenario", "forinstallningar", "jamfor", "parametrar"} <= set(api.OPS)
    # The CSV download is drawn for people, so it is the pages' operation, not the model's.
    assert "exportera_csv" in export.OPS and "exportera_csv" not in api.OPS


def test_berakna_with_uncertainty_and_sensitivity():
    r = api.OPS["berakna"]({"scenario": scenario.default_scenario(), "osakerhet": {"dragningar": 50, "fro": 9},
                            "kanslighet": "kommun"})
    assert r["osakerhet"]["dragningar"] == 50 and r["kanslighet"]["aktor"] == "kommun"
    json.dumps(r, allow_nan=False)
    with pytest.raises(InputError) as err:
        api.OPS["berakna"]({"scenario": scenario.default_scenario(), "kanslighet": "kungen"})
    assert err.value.messages[0]["falt"] == "kanslighet"


def test_parametrar_have_sources_and_verified_flag():
    for year in params.YEARS:
        items = api.OPS["parametrar"]({"inkomstar": year})["parametrar"]
        assert items and all(p["kalla"].startswith("http") and isinstance(p["verifierad"], bool) for p in items)
        assert all(isinstance(p["ar"], int) and 2010 <= p["ar"] <= year for p in items)  # the year a figure applies to
    with pytest.raises(InputError):
        api.OPS["parametrar"]({"inkomstar": 2019})


def test_exportera_csv():
    r = export.OPS["exportera_csv"]({"scenario": scenario.default_scenario()})
    assert set(r) == {"innehall"} and r["innehall"].startswith("\ufeffStandardscenariot. 1 person")


def test_jamfor_reports_errors_per_scenario():
    with pytest.raises(InputError) as err:
        api.OPS["jamfor"]({"scenarier": [{"namn": "A", "scenario": {"version": 1, "manader": -1}}]})
    assert err.value.messages[0]["falt"] == "scenarier[0].manader"


def test_presets_fill_valid_scenarios():
    ps = api.OPS["forinstallningar"]({})["forinstallningar"]
    assert {p["id"] for p in ps} >= {"langtidsarbetslos-forsorjningsstod", "nyanland-etableringsersattning",
                                     "ung-aktivitetsstod", "praktik"}
    for p in ps:
        assert p["namn"] and p["beskrivning"]
        scenario.validate(presets.apply(scenario.default_scenario(), p["id"]))


def test_method_page_lists_every_parameter_and_the_agency_example():
    text = method.render_method_markdown()
    assert text.startswith("# Så räknar vi")
    for year in params.YEARS:
        for table in params.load(year).values():
            assert table["namn"] in text and table["source"] in text
    assert "(ej verifierad)" in text
    assert "över 200 000 kronor" in text
    ex = method.agency_example()["totalt"]
    from calculators.format import kr
    assert kr(ex["summa_aktorer"]) in text
    assert "## Det här ingår inte" in text


def test_data_files_are_read_relative_to_package():
    assert params.data_path("parametrar-2026.toml").endswith("calculators/data/parametrar-2026.toml")


def test_page_quotes_only_a_short_prefix_of_a_huge_field_text():
    from calculators.pages import calculator as page

    huge = "1" * 50 + "x" * 200_000
    with pytest.raises(InputError) as err:
        page.berakna_sida({"falt": {"bruttolon": huge}})
    (message,) = err.value.messages
    assert message["falt"] == "bruttolon"
    assert len(message["meddelande"]) < 200
    assert "Bruttolön" in message["meddelande"]
    with pytest.raises(InputError) as err:
        page.berakna_sida({"falt": {f"x{i}" * 10_000: "1" for i in range(50)}})
    assert len(err.value.messages[0]["meddelande"]) < 400
