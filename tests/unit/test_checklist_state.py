"""Saved state: validation. (Merging two tabs is the browser's: tests/cases/merge.json under Node.)"""

import pytest

from calculators.checklists.state import FORMAT, empty_state, validate
from calculators.errors import InputError

T1 = "2026-11-26T09:00:00.000Z"
T2 = "2026-11-26T09:05:00.000Z"
T3 = "2026-11-26T09:10:00.000Z"


def state(tool="beslutsunderlag", svar=None, rader=None, **extra):
    return {"format": FORMAT, "schema": 2, "verktyg": tool, "uppdaterad": T1, "svar": svar or {}, "rader": rader or {}, **extra}


def messages(err):
    return " ".join(m["meddelande"] for m in err.value.messages)


# ─── Validation ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "bad,expected",
    [
        ("inte ett objekt", "inte sparade svar"),
        ({**state(), "format": "annat-program"}, "okänt format"),
        ({**state(), "schema": 3}, "nyare version"),
        ({**state(), "schema": 1}, "Okänd version av sparade svar (schema 1)"),
        ({"schema": 1, "verktyg": "genomforande", "svar": {"matchning": "Ja"}}, "Okänd version"),
        ({**state(), "schema": "2"}, "saknar versionsnummer"),
        ({**state(), "verktyg": "okant"}, "inget känt verktyg"),
        (state(svar={"syfte": {"varde": "kanske", "andrad": T1}}), "ogiltigt svar"),
        (state(svar={"syfte": {"varde": "ja"}}), "tidpunkt"),
        (state(svar={"syfte": {"varde": "ja", "andrad": T1, "klart_senast": "2026-01-01"}}), "okända fält"),
        (state(svar={"analys-mal": {"varde": 5, "andrad": T1}}), "ska vara en text"),
        (state(svar={"beslutsdatum": {"varde": "26/11", "andrad": T1}}), "datum"),
        (state(svar={"nope": {"varde": "ja", "andrad": T1}}), "Okänd fråga"),
        (state(svar={"syfte": "ja"}), "fel form"),
        ({**state(), "extra": 1}, "Okända uppgifter"),
        (state("uppfoljning", rader={"perioder": [{"id": "x y", "andrad": T1}]}), "rad-id"),
        (state("uppfoljning", rader={"perioder": [{"id": "period-1", "anbud": True, "andrad": T1}]}), "ska vara ett tal"),
        (state("uppfoljning", rader={"perioder": [{"id": "period-1", "anbud": float("nan"), "andrad": T1}]}), "ändligt"),
        (state("kommunikationsplan", rader={"malgrupper": [{"id": "leverantorer", "malgrupp": "X", "andrad": T1}]}), "okända fält"),
        (state("kommunikationsplan", rader={"malgrupper": [{"id": "n-1", "kanal": "brevduva", "andrad": T1}]}), "ogiltigt svar"),
        (state("kommunikationsplan", rader={"okand": []}), "Okänd tabell"),
    ],
)
def test_invalid_states_are_rejected_in_swedish(bad, expected):
    with pytest.raises(InputError) as err:
        validate(bad)
    assert expected in messages(err)


def test_wrong_tool_is_named():
    with pytest.raises(InputError) as err:
        validate(state("uppfoljning"), "beslutsunderlag")
    assert "”Uppföljning”" in messages(err) and "”Beslutsunderlag”" in messages(err)


def test_valid_state_round_trips():
    s = state(
        "kommunikationsplan",
        rader={"malgrupper": [
            {"id": "leverantorer", "budskap": "Vi ställer krav", "kanal": "leverantorstraffar", "andrad": T1},
            {"id": "n-abc-1", "malgrupp": "Politiker", "riktning": "intern", "andrad": T2},
            {"id": "n-abc-2", "borttagen": True, "andrad": T2},
        ]},
    )
    assert validate(s) == s
    assert empty_state("uppfoljning")["svar"] == {}
