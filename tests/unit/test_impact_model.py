"""The impact model against hand-computed expectations (arithmetic written out).

All three scenarios use income year 2026: prisbasbelopp (pbb) 59 200 kr, full
arbetsgivaravgift 31,42 %, skiktgräns 643 000 kr, public service-avgift 1 % up to 1 184 kr.
"""

import pytest

from calculators.model import effects, scenario

APPROX = dict(rel=1e-9, abs=1e-6)


def make(**over):
    sc = scenario.default_scenario(2026)
    sc.update(over)
    return sc


# --- A: employment with nystartsjobb -------------------------------------------------------------
#
# Wage 25 000 kr full time, 23–65 år, nystartsjobb (1 avgift), produktionsfaktor 0,8, supervisor
# 35 000 kr at 10 %, before: aktivitetsstöd 223 kr/day (taxable), kommunalskatt 20,69 %,
# regionskatt 11,69 % (KI 32,38 %), indirekt skatt 15 %, 12 months, 1 person, buyer kommun,
# procurement 40 000 kr, admin 10 000 kr.
#
# Before (annual): 223 × 260 days = 57 980 kr -> FFI 57 900; GA 0,423 pbb = 25 041,6 -> 25 100;
#   BFI 32 800; kommun 32 800 × 0,2069 = 6 786,32; region 32 800 × 0,1169 = 3 834,32;
#   public service 328; pensionsavgift 7 % × 57 900 = 4 053 -> 4 100, fully reduced;
#   no jobbskatteavdrag (not earned income); BFI < 40 000 -> no förvärvsinkomst-reduktion.
#   State part 328. Total 10 948,64 per year = 912,3867 per month.
#   Benefit per month 223 × 260 / 12 = 4 831,6667.
# After (annual): 300 000 kr. GA (3,11–7,88 pbb): 45 584 − 0,1 × (300 000 − 184 112)
#   = 33 995,2 -> 34 000; BFI 266 000; kommun 55 035,4; region 31 095,4; public service 1 184;
#   pensionsavgift 21 000 (reduced); jobbskatteavdrag (3,24–8,08 pbb):
#   (107 329,6 + 0,251 × (300 000 − 191 808) − 34 000) × 0,3238 = 32 537,299 -> 32 537;
#   förvärvsinkomst-reduktion 1 500. State part 1 184 − 32 537 − 1 500 = −32 853.
#   Total 86 130,8 − 32 853 = 53 277,8 per year = 4 439,8167 per month.
# Per month:
#   Individ = 25 000 − 4 439,8167 − (4 831,6667 − 912,3867) = 16 640,9033
#   Kommun  = (55 035,4 − 6 786,32) / 12 = 4 020,7567
#   Region  = (31 095,4 − 3 834,32) / 12 = 2 271,7567
#   Stat    = 7 855 (avgift) + (−32 853 − 328)/12 + 0,15 × 16 640,9033 + 4 831,6667 − 6 284 (stöd)
#           = 7 855 − 2 765,0833 + 2 496,1355 + 4 831,6667 − 6 284 = 6 133,7189
#   Arbetsgivare = 0,8 × 32 855 − 32 855 + 6 284 − 4 599,70 = −4 886,70
#     (stöd = 31,42 % × min(25 000, 20 000) = 6 284; handledning 35 000 × 1,3142 × 0,1 = 4 599,70)
SCENARIO_A = make(
    bruttolon=25000, omfattning=1.0, alder="23-65", anstallningsstod={"typ": "nystartsjobb", "antal_avgifter": 1},
    produktionsfaktor=0.8, handledare_lon=35000, handledning_andel=0.1,
    statlig_ersattning={"typ": "aktivitetsstod", "kr_per_dag": 223}, forsorjningsstod=0, bostadsbidrag=0,
    kommunalskatt=0.2069, regionskatt=0.1169, indirekt_skatt=0.15, manader=12, antal_personer=1,
    upphandlande_organisation="kommun", upphandlingskostnad=40000, administration_arbetsgivare=10000,
    matchningskostnad=0, bonus=0,
)
MONTH_A = {
    "individ": 25000 - 53277.8 / 12 - (223 * 260 / 12 - 10948.64 / 12),
    "kommun": (55035.4 - 6786.32) / 12,
    "region": (31095.4 - 3834.32) / 12,
    "arbetsgivare": 0.8 * 32855 - 32855 + 6284 - 35000 * 1.3142 * 0.1,
}
MONTH_A["stat"] = 7855 + (-32853 - 328) / 12 + 0.15 * MONTH_A["individ"] + 223 * 260 / 12 - 6284


def test_scenario_a_nystartsjobb_per_month():
    r = effects.evaluate(SCENARIO_A)
    for actor, expected in MONTH_A.items():
        assert r["per_person_och_manad"][actor] == pytest.approx(expected, **APPROX), actor
    assert r["per_person_och_manad"]["individ"] == pytest.approx(16640.9033, abs=1e-3)
    assert r["per_person_och_manad"]["stat"] == pytest.approx(6133.7189, abs=1e-3)
    assert r["per_person_och_manad"]["arbetsgivare"] == pytest.approx(-4886.70, abs=1e-6)


def test_scenario_a_totals_and_one_offs():
    r = effects.evaluate(SCENARIO_A)
    t = r["totalt"]
    # 12 months, 1 person; kommun pays the procurement cost, employer the administration.
    assert t["kommun"] == pytest.approx(12 * MONTH_A["kommun"] - 40000, **APPROX)      # 8 249,08
    assert t["arbetsgivare"] == pytest.approx(12 * MONTH_A["arbetsgivare"] - 10000, **APPROX)  # −68 640,40
    assert t["individ"] == pytest.approx(12 * MONTH_A["individ"], **APPROX)
    # Real resources: 12 × (0,8 × 32 855 − 4 599,70) − 10 000 − 40 000 = 210 211,60
    assert t["samhallsekonomiskt_netto"] == pytest.approx(210211.60, abs=1e-6)
    assert t["indirekt_skatt"] == pytest.approx(12 * 0.15 * MONTH_A["individ"], **APPROX)
    assert t["summa_aktorer"] - t["indirekt_skatt"] == pytest.approx(t["samhallsekonomiskt_netto"], abs=1e-6)
    # Break-even: buyer can afford 8 249,08 + 40 000 = 48 249,08 in procurement cost + bonus.
    b = r["brytpunkter"]
    assert b["max_upphandlingskostnad_och_bonus"] == pytest.approx(48249.08, abs=1e-6)
    # Buyer: 4 020,7567 per month, −40 000 once -> 40 000 / 4 020,7567 = 9,948 months.
    assert b["manader_till_brytpunkt"] == pytest.approx(40000 / MONTH_A["kommun"], **APPROX)
    # Employer: 12 × (pf × 32 855 − 32 855 + 6 284 − 4 599,70) − 10 000 = 0
    #   -> pf = (32 855 − 6 284 + 4 599,70 + 10 000 / 12) / 32 855
    assert b["lagsta_produktionsfaktor"] == pytest.approx((32855 - 6284 + 4599.70 + 10000 / 12) / 32855, **APPROX)
    # Lowest support: 6 284 + 68 640,40 / 12 = 12 004,03 kr per month.
    assert b["lagsta_stod_per_manad"] == pytest.approx(6284 + 68640.40 / 12, **APPROX)


def test_scenario_a_years_after_discounted():
    # Half still employed for 2 years after, discounted at 3,5 %: factor
    # 0,5 × 12 × (1/1,035 + 1/1,035²) per person; no support in those years.
    sc = dict(SCENARIO_A, efter_kravet={"kvar_andel": 0.5, "ar": 2}, diskonteringsranta=0.035)
    r = effects.evaluate(sc)
    fa = 0.5 * 12 * (1 / 1.035 + 1 / 1.035 ** 2)
    assert r["totalt"]["kommun"] == pytest.approx(12 * MONTH_A["kommun"] - 40000 + fa * MONTH_A["kommun"], **APPROX)
    assert r["totalt"]["stat"] == pytest.approx(12 * MONTH_A["stat"] + fa * (MONTH_A["stat"] + 6284), **APPROX)
    assert r["totalt"]["arbetsgivare"] == pytest.approx(
        12 * MONTH_A["arbetsgivare"] - 10000 + fa * (MONTH_A["arbetsgivare"] - 6284), **APPROX)


# --- B: employment without support ----------------------------------------------------------------
#
# Wage 20 000 kr at 75 % -> W = 15 000; no support; produktionsfaktor 1,0; no supervision;
# before: försörjningsstöd 6 000 + bostadsbidrag 1 500, no state benefit (nothing taxable);
# kommunalskatt 21 %, regionskatt 12 % (KI 33 %), indirekt skatt 10 %; 10 months, 3 persons,
# fullföljandegrad 0,9, dödvikt 0,2, undanträngning 0,1; buyer region: procurement 30 000 and
# bonus 5 000; admin 2 000 and matching 4 000 per person.
#
# After (annual 180 000 = 3,04 pbb): GA 0,77 pbb = 45 584 -> 45 600; BFI 134 400;
#   kommun 28 224; region 16 128; public service 1 184; pensionsavgift 12 600 (reduced);
#   jobbskatteavdrag (0,91–3,24 pbb): (53 872 + 0,3874 × (180 000 − 53 872) − 45 600) × 0,33
#   = 18 854,2158 -> 18 854; förvärvsinkomst: 0,75 % × (134 400 − 40 000) = 708.
#   State part 1 184 − 18 854 − 708 = −18 378; total tax 44 352 − 18 378 = 25 974 = 2 164,50/month.
# Per month:
#   Individ = 15 000 − 2 164,50 − (6 000 + 1 500) = 5 335,50
#   Kommun  = 28 224 / 12 + 6 000 = 8 352
#   Region  = 16 128 / 12 = 1 344
#   Stat    = 4 713 (avgift 31,42 % × 15 000) − 1 531,50 + 533,55 (10 %) + 1 500 = 5 215,05
#   Arbetsgivare = 1,0 × 19 713 − 19 713 = 0
# Scaling per person: 10 × 0,9 × 0,8 × 0,9 = 6,48.
SCENARIO_B = make(
    bruttolon=20000, omfattning=0.75, anstallningsstod={"typ": "ingen"}, produktionsfaktor=1.0,
    handledare_lon=0, handledning_andel=0, forsorjningsstod=6000, bostadsbidrag=1500,
    statlig_ersattning={"typ": "ingen"}, kommunalskatt=0.21, regionskatt=0.12, indirekt_skatt=0.10,
    manader=10, antal_personer=3, fullfoljandegrad=0.9, dodvikt=0.2, undantrangning=0.1,
    upphandlande_organisation="region", upphandlingskostnad=30000, bonus=5000,
    administration_arbetsgivare=2000, matchningskostnad=4000,
)


def test_scenario_b_without_support():
    r = effects.evaluate(SCENARIO_B)
    m = r["per_person_och_manad"]
    assert m["individ"] == pytest.approx(5335.50, **APPROX)
    assert m["kommun"] == pytest.approx(8352.0, **APPROX)
    assert m["region"] == pytest.approx(1344.0, **APPROX)
    assert m["stat"] == pytest.approx(5215.05, **APPROX)
    assert m["arbetsgivare"] == pytest.approx(0.0, abs=1e-9)
    pp = r["per_person"]
    assert pp["kommun"] == pytest.approx(8352 * 6.48, **APPROX)          # 54 120,96
    t = r["totalt"]
    assert t["individ"] == pytest.approx(5335.5 * 6.48 * 3, **APPROX)     # 103 722,12
    assert t["kommun"] == pytest.approx(8352 * 6.48 * 3 - 3 * 4000, **APPROX)   # 150 362,88
    assert t["region"] == pytest.approx(1344 * 6.48 * 3 - 35000, **APPROX)      # −8 872,64
    assert t["stat"] == pytest.approx(5215.05 * 6.48 * 3, **APPROX)       # 101 380,572
    assert t["arbetsgivare"] == pytest.approx(5000 - 3 * 2000, **APPROX)  # −1 000 (bonus − admin)
    assert t["summa_aktorer"] == pytest.approx(345592.932, abs=1e-6)
    assert t["indirekt_skatt"] == pytest.approx(10372.212, abs=1e-6)
    # 19 713 × 6,48 × 3 − 6 000 − 30 000 − 12 000 = 335 220,72
    assert t["samhallsekonomiskt_netto"] == pytest.approx(335220.72, abs=1e-6)
    b = r["brytpunkter"]
    assert b["kopare"] == "region"
    assert b["max_upphandlingskostnad_och_bonus"] == pytest.approx(1344 * 6.48 * 3, **APPROX)
    # 35 000 / (3 × 0,9 × 0,72 × 1 344) months
    assert b["manader_till_brytpunkt"] == pytest.approx(35000 / (3 * 0.9 * 0.72 * 1344), **APPROX)


# --- C: praktik ------------------------------------------------------------------------------------
#
# 3 months, 2 persons, production value 5 000 kr/month, supervisor 30 000 kr at 20 %:
# H = 30 000 × 1,3142 × 0,2 = 7 885,20. Benefits continue, so individ, kommun, region and stat
# change only through one-off items. Buyer stat: procurement 10 000; admin 1 000 and matching
# 3 000 per person.
#   Arbetsgivare per month = 5 000 − 7 885,20 = −2 885,20; per person −8 655,60;
#   total −17 311,20 − 2 000 = −19 311,20; kommun −6 000; stat −10 000.
SCENARIO_C = make(
    sysselsattningstyp="praktik", manader=3, antal_personer=2, produktionsvarde_praktik=5000,
    handledare_lon=30000, handledning_andel=0.2, administration_arbetsgivare=1000,
    upphandlingskostnad=10000, matchningskostnad=3000, upphandlande_organisation="stat", bonus=0,
)


def test_scenario_c_praktik():
    r = effects.evaluate(SCENARIO_C)
    m = r["per_person_och_manad"]
    assert (m["individ"], m["kommun"], m["region"], m["stat"]) == (0, 0, 0, 0)
    assert m["arbetsgivare"] == pytest.approx(-2885.20, **APPROX)
    assert r["per_person"]["arbetsgivare"] == pytest.approx(-8655.60, **APPROX)
    t = r["totalt"]
    assert t["arbetsgivare"] == pytest.approx(-19311.20, **APPROX)
    assert t["kommun"] == pytest.approx(-6000, **APPROX)
    assert t["stat"] == pytest.approx(-10000, **APPROX)
    assert t["individ"] == 0 and t["region"] == 0
    assert t["summa_aktorer"] == pytest.approx(-35311.20, **APPROX)
    assert t["samhallsekonomiskt_netto"] == pytest.approx(-35311.20, **APPROX)
    b = r["brytpunkter"]
    # Employer breaks even at production value 7 885,20 + 2 000 / (2 × 3) = 8 218,53 per month.
    assert b["lagsta_produktionsvarde_praktik"] == pytest.approx(7885.20 + 2000 / 6, **APPROX)
    assert b["manader_till_brytpunkt"] is None
    assert "aldrig" in b["manader_till_brytpunkt_text"]


def test_result_format_v1_keys():
    r = effects.evaluate(SCENARIO_A)
    assert r["version"] == 1
    assert set(r["per_person_och_manad"]) == set(effects.ACTORS)
    assert set(r["per_person"]) == set(effects.ACTORS)
    assert set(r["totalt"]) == set(effects.ACTORS) | {"summa_aktorer", "indirekt_skatt", "samhallsekonomiskt_netto"}
    assert set(r["scenario"]) == set(scenario.FIELDS)
    assert all(isinstance(w, str) and w for w in r["varningar"])


def test_young_2026_reduced_employer_fee_with_cap():
    # 18–22 år 2026: 20,81 % up to 25 000 kr, 31,42 % above: wage 30 000 -> 5 202,50 + 1 571 = 6 773,50
    r = effects.evaluate(make(alder="18-22", bruttolon=30000, anstallningsstod={"typ": "ingen"}))
    assert r["delposter"]["efter"]["arbetsgivaravgift"] == pytest.approx(0.2081 * 25000 + 0.3142 * 5000, **APPROX)
    assert any("1 april 2026" in w for w in r["varningar"])
    r25 = effects.evaluate(make(inkomstar=2025, alder="18-22", bruttolon=30000, anstallningsstod={"typ": "ingen"}))
    assert r25["delposter"]["efter"]["arbetsgivaravgift"] == pytest.approx(0.3142 * 30000, **APPROX)
