"""The operations the browser calls: shapes, and Swedish errors for bad requests."""

import pytest

from calculators.checklists.api import OPS
from calculators.errors import InputError

T = "2026-11-26T09:00:00Z"
RESULT = {
    "version": 1,
    "scenario": {"inkomstar": 2026, "antal_personer": 1, "manader": 6.5, "bruttolon": 24000,
                 "sysselsattningstyp": "praktik", "anstallningsstod": {"typ": "belopp", "kr_per_manad": 5000}},
    "per_person": {"individ": 1, "kommun": 2, "region": 3, "stat": 4, "arbetsgivare": -5},
    "totalt": {"individ": 1, "kommun": 2, "region": 3, "stat": 4, "arbetsgivare": -1234567,
               "summa_aktorer": 5, "indirekt_skatt": 0, "samhallsekonomiskt_netto": 5},
}


def test_ops_are_registered():
    assert set(OPS) == {"checklista_sammanfattning", "checklista_exportera", "checklista_importera",
                        "beslutsunderlag_dokument"}


def test_summary_op_with_a_saved_calculation():
    out = OPS["checklista_sammanfattning"]({"verktyg": "beslutsunderlag", "tillstand": None, "berakning": RESULT, "sida": "verktyg/beslutsunderlag.md"})
    assert set(out) == {"html", "sammanfattning"}
    calc = out["sammanfattning"]["berakning"]
    assert {a["id"]: a["visning"] for a in calc["antaganden"]} == {
        "inkomstar": "2026", "antal_personer": "1", "manader": "6,5", "bruttolon": "24\u00a0000\u00a0kr",
        "sysselsattningstyp": "Praktik", "anstallningsstod": "Annat stöd, belopp per månad: 5\u00a0000\u00a0kr",
    }
    assert "\u22121\u00a0234\u00a0567\u00a0kr" in out["html"]
    assert '<a href="../berakning/">Samhällsekonomisk beräkning</a>' in out["html"]


@pytest.mark.parametrize(
    "op,data,field",
    [
        ("checklista_sammanfattning", None, None),
        ("checklista_sammanfattning", {"verktyg": "okant"}, "verktyg"),
        ("checklista_sammanfattning", {"verktyg": "uppfoljning", "sida": "../../etc.md"}, "sida"),
        ("checklista_sammanfattning", {"verktyg": "beslutsunderlag", "berakning": {"totalt": {"individ": "mycket"}}}, "berakning"),
        ("checklista_sammanfattning", {"verktyg": "beslutsunderlag", "berakning": {**RESULT, "version": 2}}, "berakning"),
        ("checklista_exportera", {"verktyg": "uppfoljning", "format": "pdf"}, "format"),
        ("checklista_importera", {"verktyg": "uppfoljning", "text": 5}, "text"),
        ("checklista_importera", {"verktyg": "uppfoljning", "text": '{"format": "sysselsattningskrav-verktyg", "schema": 1, "verktyg": "uppfoljning"}'}, "schema"),
        ("beslutsunderlag_dokument", {"tillstand": {"okant": {}}}, "tillstand"),
        ("beslutsunderlag_dokument", {"tillstand": [], "berakning": None}, "tillstand"),
    ],
)
def test_bad_requests_raise_input_error(op, data, field):
    with pytest.raises(InputError) as err:
        OPS[op](data)
    assert err.value.messages[0]["falt"] == field
    assert err.value.messages[0]["meddelande"]


def test_document_from_a_saved_scenario_uses_the_impact_model():
    impact = pytest.importorskip("calculators.model.api")
    scenario = impact.OPS["standardscenario"]({})
    out = OPS["beslutsunderlag_dokument"]({"tillstand": {}, "scenario": scenario})
    assert "Samhällsekonomiskt nettovärde" in out["html"] and "Antaganden" in out["markdown"]
    assert "Ingen sparad beräkning" not in out["html"]


def test_document_without_calculation_says_how_to_add_one():
    out = OPS["beslutsunderlag_dokument"]({"tillstand": {}, "berakning": None})
    assert "Gör en beräkning på sidan Samhällsekonomisk beräkning och spara den" in out["markdown"]
    assert "Ingen sparad beräkning" in out["html"]
