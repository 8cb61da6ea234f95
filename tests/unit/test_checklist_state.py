"""Saved state: validation, migration 1 → 2, and merging two tabs."""

import copy

import pytest
from hypothesis import given, settings, strategies as st

from calculators.checklists.state import EPOCH, FORMAT, empty_state, merge_states, migrate, validate
from calculators.errors import InputError

T1 = "2026-11-26T09:00:00.000Z"
T2 = "2026-11-26T09:05:00.000Z"
T3 = "2026-11-26T09:10:00.000Z"


def state(tool="beslutsunderlag", svar=None, rader=None, **extra):
    return {"format": FORMAT, "schema": 2, "verktyg": tool, "uppdaterad": T1, "svar": svar or {}, "rader": rader or {}, **extra}


def messages(err):
    return " ".join(m["meddelande"] for m in err.value.messages)


# ─── Migration ──────────────────────────────────────────────────────────────────────────


def test_schema1_is_migrated_to_schema2():
    old = {
        "format": FORMAT,
        "schema": 1,
        "verktyg": "beslutsunderlag",
        "sparad": "2025-03-01T08:00:00Z",
        "svar": {"syfte": "Ja", "malgrupp": "Vet ej", "analys-mal": "Fler i arbete", "beslut": "Ja, som pilot"},
        "ansvarig": {"syfte": "Anna"},
        "kommentar": {"malgrupp": "Fråga AF"},
    }
    before = copy.deepcopy(old)
    new = migrate(old)
    assert old == before  # the argument is never modified
    assert new == {
        "format": FORMAT,
        "schema": 2,
        "verktyg": "beslutsunderlag",
        "uppdaterad": "2025-03-01T08:00:00Z",
        "svar": {
            "syfte": {"varde": "ja", "ansvarig": "Anna", "andrad": "2025-03-01T08:00:00Z"},
            "malgrupp": {"varde": "vet-ej", "kommentar": "Fråga AF", "andrad": "2025-03-01T08:00:00Z"},
            "analys-mal": {"varde": "Fler i arbete", "andrad": "2025-03-01T08:00:00Z"},
            "beslut": {"varde": "ja-pilot", "andrad": "2025-03-01T08:00:00Z"},
        },
        "rader": {},
    }


def test_schema1_without_time_gets_the_epoch_so_any_edit_wins_a_merge():
    new = migrate({"schema": 1, "verktyg": "genomforande", "svar": {"matchning": "nej"}})
    assert new["svar"]["matchning"] == {"varde": "nej", "andrad": EPOCH}
    later = state("genomforande", {"matchning": {"varde": "ja", "andrad": T1}})
    assert merge_states(new, later)["svar"]["matchning"]["varde"] == "ja"


def test_migrated_state_is_stable():
    new = migrate({"schema": 1, "verktyg": "genomforande", "svar": {"matchning": "Delvis"}})
    assert migrate(new) == new


@pytest.mark.parametrize(
    "bad,expected",
    [
        ({"schema": 1, "verktyg": "genomforande", "svar": {"matchning": "Kanske"}}, "ogiltigt svar"),
        ({"schema": 1, "verktyg": "genomforande", "svar": {"finns-inte": "Ja"}}, "Okänd fråga"),
        ({"schema": 1, "verktyg": "genomforande", "svar": ["Ja"]}, "fel form"),
        ({"schema": 1, "verktyg": "genomforande", "sparad": "igår"}, "Tidpunkten"),
    ],
)
def test_bad_schema1_is_rejected(bad, expected):
    with pytest.raises(InputError) as err:
        migrate(bad)
    assert expected in messages(err)


# ─── Validation ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "bad,expected",
    [
        ("inte ett objekt", "inte sparade svar"),
        ({**state(), "format": "annat-program"}, "okänt format"),
        ({**state(), "schema": 3}, "nyare version"),
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
        migrate(bad)
    assert expected in messages(err)


def test_wrong_tool_is_named():
    with pytest.raises(InputError) as err:
        migrate(state("uppfoljning"), "beslutsunderlag")
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


# ─── Merge ──────────────────────────────────────────────────────────────────────────────


def test_two_tabs_editing_different_items_lose_nothing():
    a = state(svar={"syfte": {"varde": "ja", "andrad": T2}, "malgrupp": {"varde": "nej", "andrad": T1}})
    b = state(svar={"malgrupp": {"varde": "delvis", "ansvarig": "Bo", "andrad": T3}, "spindel": {"varde": "ja", "andrad": T1}})
    merged = merge_states(a, b)
    assert merged["svar"] == {
        "syfte": {"varde": "ja", "andrad": T2},
        "malgrupp": {"varde": "delvis", "ansvarig": "Bo", "andrad": T3},
        "spindel": {"varde": "ja", "andrad": T1},
    }
    assert merge_states(b, a) == merged


def test_rows_merge_by_id_and_deletions_stick():
    a = state("kommunikationsplan", rader={"malgrupper": [
        {"id": "n-b", "malgrupp": "Politiker", "andrad": T1},
        {"id": "leverantorer", "budskap": "gammalt", "andrad": T1},
    ]})
    b = state("kommunikationsplan", rader={"malgrupper": [
        {"id": "n-b", "borttagen": True, "andrad": T2},
        {"id": "n-a", "malgrupp": "Skolan", "andrad": T2},
        {"id": "leverantorer", "budskap": "nytt", "andrad": T3},
    ]})
    rows = merge_states(a, b)["rader"]["malgrupper"]
    assert rows == [
        {"id": "leverantorer", "budskap": "nytt", "andrad": T3},
        {"id": "n-a", "malgrupp": "Skolan", "andrad": T2},
        {"id": "n-b", "borttagen": True, "andrad": T2},
    ]


def test_borja_om_in_one_tab_is_not_undone_by_the_other():
    old = state(svar={"syfte": {"varde": "ja", "andrad": T1}})
    cleared = state(svar={"malgrupp": {"varde": "nej", "andrad": T3}}, rensad=T2)
    merged = merge_states(old, cleared)
    assert merged["svar"] == {"malgrupp": {"varde": "nej", "andrad": T3}} and merged["rensad"] == T2


def test_merge_refuses_two_tools():
    with pytest.raises(InputError):
        merge_states(state("beslutsunderlag"), state("uppfoljning"))


_times = st.sampled_from([T1, T2, T3])
_values = st.sampled_from(["ja", "delvis", "nej", "vet-ej", None])
_records = st.fixed_dictionaries({"varde": _values, "andrad": _times}, optional={"ansvarig": st.sampled_from(["Anna", "Bo", "<b>x</b>"])})
_answers = st.dictionaries(st.sampled_from(["syfte", "malgrupp", "spindel", "roller"]), _records, max_size=4)
_states = st.builds(lambda s, r: state(svar=s, **({"rensad": r} if r else {})), _answers, st.one_of(st.none(), _times))


@settings(max_examples=60, deadline=None)
@given(_states, _states, _states)
def test_merge_is_commutative_associative_and_idempotent(a, b, c):
    assert merge_states(a, b) == merge_states(b, a)
    assert merge_states(merge_states(a, b), c) == merge_states(a, merge_states(b, c))
    ab = merge_states(a, b)
    assert merge_states(ab, ab) == ab
