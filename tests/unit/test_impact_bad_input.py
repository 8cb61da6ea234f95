"""Bad input: every problem gives a Swedish message naming the field, never a traceback."""

import io
import json
import random

import pytest

from calculators import cli
from calculators.errors import InputError
from calculators.model import api, scenario
from calculators.pages import export

BASE = scenario.default_scenario(2026)


def errors_for(data):
    with pytest.raises(InputError) as err:
        scenario.validate(data)
    return {m["falt"]: m["meddelande"] for m in err.value.messages}


@pytest.mark.parametrize("key, value, label", [
    ("bruttolon", -1, "Bruttolön per månad vid heltid"),
    ("bruttolon", 10**9, "Bruttolön per månad vid heltid"),
    ("bruttolon", "25000", "Bruttolön per månad vid heltid"),
    ("bruttolon", float("nan"), "Bruttolön per månad vid heltid"),
    ("bruttolon", float("inf"), "Bruttolön per månad vid heltid"),
    ("bruttolon", True, "Bruttolön per månad vid heltid"),
    ("bruttolon", None, "Bruttolön per månad vid heltid"),
    ("bruttolon", [1], "Bruttolön per månad vid heltid"),
    ("manader", 0, "Antal månader per person"),
    ("antal_personer", 1.5, "Antal personer"),
    ("antal_personer", 0, "Antal personer"),
    ("omfattning", 1.2, "Omfattning"),
    ("omfattning", 0, "Omfattning"),  # no hours, no job
    ("dodvikt", -0.1, "Hade fått jobb ändå (dödvikt)"),
    ("alder", "40", "Ålder"),
    ("alder", 15, "Ålder"),
    ("alder", 35.5, "Ålder"),
    ("alder", "23-65", "Ålder"),   # an age group is a version-1 value
    ("utjamning", "kanske", "Kommunens och regionens inkomstutjämning"),
    ("leverantorens_kostnad_i_priset", 1.5, "Leverantörens kostnad i priset"),
    ("upphandlande_organisation", "landsting", "Upphandlande organisation"),
    ("inkomstar", 2024, "Inkomstår"),
    ("anstallningsstod", "nystartsjobb", "Anställningsstöd"),
    ("efter_kravet", [0.5, 2], "Efter kravet"),
])
def test_each_bad_value_names_the_field_in_swedish(key, value, label):
    errs = errors_for(dict(BASE, **{key: value}))
    assert key in errs, errs
    assert errs[key].startswith(label)


def test_bruttolon_message_states_the_range():
    errs = errors_for(dict(BASE, bruttolon=-5))
    assert errs["bruttolon"] == "Bruttolön per månad vid heltid: ange ett belopp mellan 0 och 200\u00a0000 kr."


def test_omfattning_of_zero_says_it_must_be_more():
    errs = errors_for(dict(BASE, omfattning=0))
    assert errs["omfattning"].startswith("Omfattning: ange mer än 0\u00a0% och högst 100\u00a0%")


def test_missing_version_and_unknown_keys_and_all_errors_collected():
    data = dict(BASE, brutolon=25000, dodvikt=2, omfattning="full")
    del data["version"]
    errs = errors_for(data)
    assert set(errs) == {"version", "brutolon", "dodvikt", "omfattning"}
    assert "saknas" in errs["version"]
    assert "Okänd uppgift" in errs["brutolon"]


def test_nested_errors_name_dotted_fields():
    errs = errors_for(dict(BASE, anstallningsstod={"typ": "lonebidrag", "andel": 2},
                           efter_kravet={"kvar_andel": 0.5, "ar": 2, "x": 1},
                           statlig_ersattning={"typ": "bidrag"}))
    # (the lönebidrag cap has a default from version 2; only the share is required)
    assert "anstallningsstod.andel" in errs and "anstallningsstod.tak" not in errs
    assert "efter_kravet.x" in errs
    assert "statlig_ersattning.typ" in errs


def test_version_must_be_1_or_2_and_not_bool():
    assert "version" in errors_for(dict(BASE, version=3))
    assert "version" in errors_for(dict(BASE, version=0))
    assert "version" in errors_for(dict(BASE, version=True))


def test_version_1_does_not_take_the_keys_of_version_2():
    errs = errors_for(dict(BASE, version=1, utjamning="bidrag", leverantorens_kostnad_i_priset=1))
    assert "Ange \"version\": 2" in errs["utjamning"]
    assert "leverantorens_kostnad_i_priset" in errs


def test_scenario_must_be_an_object():
    for bad in ([], "x", 3, None):
        with pytest.raises(InputError):
            scenario.validate(bad)


# --- fuzz: thousands of generated bad inputs ---------------------------------------------------

JUNK = [None, True, False, -1, -1e308, 1e308, 0, 1, 2.5, float("nan"), float("inf"), -float("inf"), "",
        "abc", "25 000", [], [1, 2], {}, {"typ": "x"}, {"typ": "nystartsjobb", "antal_avgifter": "två"},
        2**70, -2**70, "\u0000", {"a": {"b": []}}]


def _mutate(rng):
    data = json.loads(json.dumps(BASE))
    for _ in range(rng.randint(1, 4)):
        action = rng.random()
        keys = list(scenario.FIELDS)
        if action < 0.6:
            data[rng.choice(keys)] = rng.choice(JUNK)
        elif action < 0.7:
            data.pop(rng.choice(keys), None)
        elif action < 0.8:
            data[rng.choice(["x", "bruttolön", "Version", "", "efter"])] = rng.choice(JUNK)
        elif action < 0.9:
            key = rng.choice(["anstallningsstod", "statlig_ersattning", "efter_kravet"])
            sub = dict(data.get(key) or {}) if isinstance(data.get(key), dict) else {}
            sub[rng.choice(["typ", "andel", "tak", "kr_per_manad", "antal_avgifter", "kr_per_dag", "kvar_andel", "ar", "zz"])] = rng.choice(JUNK)
            data[key] = sub
        else:
            data = rng.choice(JUNK)
            break
    return data


def test_fuzz_api_berakna_only_input_errors():
    rng = random.Random(20260101)
    outcomes = {"ok": 0, "fel": 0}
    for _ in range(3000):
        data = _mutate(rng)
        request = rng.choice([{"scenario": data}, {"scenario": data, "osakerhet": rng.choice(JUNK + [{"dragningar": 5, "fro": 3}])},
                              {"scenario": data, "kanslighet": rng.choice(JUNK + ["kommun"])}, data])
        try:
            result = api.OPS["berakna"](request)
            json.dumps(result, allow_nan=False)
            outcomes["ok"] += 1
        except InputError as err:
            assert err.messages and all(isinstance(m["meddelande"], str) and m["meddelande"] for m in err.messages)
            outcomes["fel"] += 1
    assert outcomes["fel"] > 2000


OPS = {**api.OPS, **export.OPS}


@pytest.mark.parametrize("op", sorted(OPS))
def test_fuzz_every_op_only_input_errors(op):
    rng = random.Random(op)
    for _ in range(300):
        data = rng.choice([None, _mutate(rng), {"scenario": _mutate(rng)}, {"inkomstar": rng.choice(JUNK)},
                           {"scenarier": [{"namn": rng.choice(JUNK), "scenario": _mutate(rng)}]},
                           {"scenarier": rng.choice(JUNK)}, rng.choice(JUNK)])
        try:
            json.dumps(OPS[op](data), allow_nan=False)
        except InputError:
            pass


def test_fuzz_cli_never_traceback(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "s.json"
    for i in range(400):
        data = _mutate(rng)
        text = json.dumps(data) if rng.random() < 0.8 else json.dumps(data)[: rng.randint(0, 30)]
        path.write_text(text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        args = ["berakna", str(path)] + rng.choice([[], ["--format", "json"], ["--format", "csv"], ["--osakerhet", "3"]])
        code = cli.main(args, stdout=out, stderr=err)
        assert code in (0, 2), err.getvalue()
        assert "Traceback" not in err.getvalue()
        if code == 2:
            assert err.getvalue().startswith("Fel")
