"""Property-based tests of the impact model (hypothesis)."""

import json
import math

from hypothesis import HealthCheck, given, settings, strategies as st

from calculators.model import analysis, effects, scenario

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

frac = st.floats(0, 1, allow_nan=False)
money = st.floats(0, 100000, allow_nan=False)

support = st.one_of(
    st.just({"typ": "ingen"}),
    st.builds(lambda k: {"typ": "nystartsjobb", "antal_avgifter": k}, st.integers(0, 3)),
    st.builds(lambda a, t: {"typ": "lonebidrag", "andel": a, "tak": t}, frac, st.floats(0, 50000)),
    st.builds(lambda k: {"typ": "belopp", "kr_per_manad": k}, st.floats(0, 30000)),
)
benefit = st.one_of(
    st.just({"typ": "ingen"}),
    st.builds(lambda t, d: {"typ": t, "kr_per_dag": d},
              st.sampled_from(["aktivitetsstod", "etableringsersattning", "a-kassa"]), st.floats(0, 1500)),
)

scenarios = st.fixed_dictionaries({
    "version": st.just(2),
    "inkomstar": st.sampled_from([2025, 2026]),
    "upphandlande_organisation": st.sampled_from(scenario.ORGANISATIONS),
    "sysselsattningstyp": st.sampled_from(scenario.EMPLOYMENT_TYPES),
    "antal_personer": st.integers(1, 50),
    "manader": st.floats(0.5, 48),
    "omfattning": st.floats(0.05, 1),
    "bruttolon": st.floats(0, 150000),
    "alder": st.one_of(st.integers(16, 100), st.sampled_from((20, 22, 23, 24, 25, 66, 67, 87, 88))),
    "anstallningsstod": support,
    "produktionsfaktor": st.floats(0, 2),
    "produktionsvarde_praktik": money,
    "handledare_lon": money,
    "handledning_andel": frac,
    "administration_arbetsgivare": money,
    "upphandlingskostnad": st.floats(0, 1e6),
    "matchningskostnad": money,
    "bonus": st.floats(0, 1e6),
    "forsorjningsstod": st.floats(0, 20000),
    "statlig_ersattning": benefit,
    "bostadsbidrag": st.floats(0, 8000),
    "kommunalskatt": st.floats(0.15, 0.25),
    "regionskatt": st.floats(0.09, 0.13),
    "indirekt_skatt": st.floats(0, 0.4),
    "dodvikt": frac,
    "undantrangning": frac,
    "fullfoljandegrad": frac,
    "efter_kravet": st.fixed_dictionaries({"kvar_andel": frac, "ar": st.integers(0, 10)}),
    "diskonteringsranta": st.floats(0, 0.1),
    "utjamning": st.sampled_from(("bidrag", "avgift", "ingen")),
    "leverantorens_kostnad_i_priset": frac,
})

KEYS = effects.ACTORS + ("summa_aktorer", "indirekt_skatt", "samhallsekonomiskt_netto")


def _scale(r):
    return max(1.0, max(abs(v) for v in r["totalt"].values()))


@SETTINGS
@given(scenarios)
def test_invariant_summa_aktorer_minus_indirect_tax_is_net_value(sc):
    r = effects.evaluate(sc)
    t = r["totalt"]
    assert math.isclose(t["summa_aktorer"] - t["indirekt_skatt"], t["samhallsekonomiskt_netto"],
                        rel_tol=1e-9, abs_tol=1e-9 * _scale(r))


@SETTINGS
@given(scenarios)
def test_the_actors_add_up_to_summa_aktorer_in_every_block(sc):
    r = effects.evaluate(sc)
    t = r["totalt"]
    assert math.isclose(sum(t[a] for a in effects.ACTORS), t["summa_aktorer"], rel_tol=1e-9, abs_tol=1e-9 * _scale(r))
    for block in ("per_person_och_manad", "per_person"):
        assert set(r[block]) == set(effects.ACTORS)


@SETTINGS
@given(scenarios, st.sampled_from(sorted(scenario.V1_AGE_GROUPS)))
def test_a_version_1_scenario_means_what_it_meant(sc, group):
    # Version 1 = version 2 without equalisation, nothing priced in, the age group as an age,
    # and the lönebidrag cap on the whole wage cost.
    v1 = {k: v for k, v in sc.items() if k not in scenario.V1_MEANING}
    v1.update(version=1, alder=group)
    v2 = dict(sc, **scenario.V1_MEANING, alder=scenario.V1_AGE_GROUPS[group])
    if sc["anstallningsstod"]["typ"] == "lonebidrag":
        full = 1 + effects.params.values(sc["inkomstar"])["arbetsgivaravgift"]
        v2["anstallningsstod"] = dict(sc["anstallningsstod"], tak=round(sc["anstallningsstod"]["tak"] / full, 2))
    old, new = effects.evaluate(v1), effects.evaluate(v2)
    assert old["scenario"] == new["scenario"]
    assert old["totalt"] == new["totalt"]
    assert old["aldre_format"] and not new["aldre_format"]


@SETTINGS
@given(scenarios)
def test_never_nan_or_infinite_and_json_serialisable(sc):
    r = effects.evaluate(sc)
    for group in ("per_person_och_manad", "per_person", "totalt"):
        assert all(math.isfinite(v) for v in r[group].values())
    json.dumps(r, allow_nan=False)


@SETTINGS
@given(scenarios, st.integers(2, 7))
def test_linear_in_number_of_persons_apart_from_per_procurement_items(sc, k):
    # Procurement cost and bonus are per procurement; everything else scales with antal_personer.
    sc = dict(sc, upphandlingskostnad=0, bonus=0)
    one = effects.evaluate(dict(sc, antal_personer=1))["totalt"]
    many = effects.evaluate(dict(sc, antal_personer=k))["totalt"]
    scale = max(1.0, max(abs(v) for v in one.values()))
    for key in KEYS:
        assert math.isclose(many[key], k * one[key], rel_tol=1e-9, abs_tol=1e-9 * k * scale), key


@SETTINGS
@given(scenarios, st.floats(0, 30000), st.floats(0, 30000))
def test_more_support_never_makes_the_employer_worse_off(sc, s1, s2):
    lo, hi = sorted((s1, s2))
    a = effects.evaluate(dict(sc, anstallningsstod={"typ": "belopp", "kr_per_manad": lo}))["totalt"]["arbetsgivare"]
    b = effects.evaluate(dict(sc, anstallningsstod={"typ": "belopp", "kr_per_manad": hi}))["totalt"]["arbetsgivare"]
    assert b >= a - 1e-9 * max(1.0, abs(a))


@SETTINGS
@given(scenarios, st.integers(0, 2))
def test_more_nystartsjobb_fees_never_make_the_employer_worse_off(sc, k):
    a = effects.evaluate(dict(sc, anstallningsstod={"typ": "nystartsjobb", "antal_avgifter": k}))["totalt"]["arbetsgivare"]
    b = effects.evaluate(dict(sc, anstallningsstod={"typ": "nystartsjobb", "antal_avgifter": k + 1}))["totalt"]["arbetsgivare"]
    assert b >= a - 1e-9 * max(1.0, abs(a))


@settings(max_examples=25, deadline=None)
@given(scenarios, st.integers(0, 2**32))
def test_same_seed_same_monte_carlo(sc, seed):
    v = scenario.validate(sc)
    a = analysis.monte_carlo(v, 200, seed)
    b = analysis.monte_carlo(v, 200, seed)
    assert a == b
    for stats in a["percentiler"].values():
        assert stats["p10"] <= stats["p50"] <= stats["p90"]
        assert all(math.isfinite(x) for x in stats.values())
    assert 0 <= a["sannolikhet_kopare_ej_negativ"] <= 1


@settings(max_examples=25, deadline=None)
@given(scenarios)
def test_sensitivity_rows_are_finite_and_sorted(sc):
    v = scenario.validate(sc)
    s = analysis.sensitivity(v, "kopare")
    spans = [r["spann"] for r in s["rader"]]
    assert spans == sorted(spans, reverse=True)
    assert all(math.isfinite(r["resultat_lag"]) and math.isfinite(r["resultat_hog"]) for r in s["rader"])


def test_monte_carlo_differs_between_seeds_and_counts_buyer_probability():
    v = scenario.validate(scenario.default_scenario(2026))
    a = analysis.monte_carlo(v, 500, 1)
    b = analysis.monte_carlo(v, 500, 2)
    assert a["percentiler"]["kommun"] != b["percentiler"]["kommun"]


def test_compare_two_scenarios():
    base = scenario.default_scenario(2026)
    named = [("Anställning med nystartsjobb", scenario.validate(base)),
             ("Praktik", scenario.validate(dict(base, sysselsattningstyp="praktik", manader=3)))]
    c = analysis.compare(named)
    assert [s["namn"] for s in c["scenarier"]] == ["Anställning med nystartsjobb", "Praktik"]
    row = next(r for r in c["rader"] if r["nyckel"] == "samhallsekonomiskt_netto")
    assert row["skillnad_mot_forsta"][0] == 0
