"""The impact model against hand-computed expectations (arithmetic written out).

All three scenarios use income year 2026: prisbasbelopp (pbb) 59 200 kr, full
arbetsgivaravgift 31,42 %, skiktgräns 643 000 kr, public service-avgift 1 % up to 1 184 kr.
"""

import pytest

from calculators.errors import InputError
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
# Version 2 adds, per month (ΔU = change in beskattningsbar inkomst = (266 000 − 32 800) / 12
# = 19 433,3333; equalisation rates for a kommun and a region with bidrag 19,605 % and 9,475 %):
#   Kommun  = 4 020,7567 − 0,19605 × 19 433,3333 = 4 020,7567 − 3 809,9050 = 210,8517
#   Region  = 2 271,7567 − 0,09475 × 19 433,3333 = 2 271,7567 − 1 841,3083 = 430,4483
#   Pensionssystemet = 10,21 % × 25 000 + (21 000 − 4 100) / 12 = 2 552,50 + 1 408,3333 = 3 960,8333
#   Stat    = 7 855 − 2 552,50 (the pension part of the avgift)
#             + (−53 853 + 3 772) / 12 (state tax without the pension fee: 1 184 − 21 000 − 32 537
#               − 1 500 after, 328 − 4 100 before) + 0,2908 × 19 433,3333 (equalisation)
#             + 2 496,1355 + 4 831,6667 − 6 284 = 7 824,0989
#   Arbetsgivare = 0,8 × 25 000 × 1,3142 − 32 855 + 6 284 − 4 599,70 = −4 886,70 (production at
#     the full contribution rate), all of it priced into the bid and paid by the kommun.
SCENARIO_A = make(
    bruttolon=25000, omfattning=1.0, alder=35, anstallningsstod={"typ": "nystartsjobb", "antal_avgifter": 1},
    produktionsfaktor=0.8, handledare_lon=35000, handledning_andel=0.1,
    statlig_ersattning={"typ": "aktivitetsstod", "kr_per_dag": 223}, forsorjningsstod=0, bostadsbidrag=0,
    kommunalskatt=0.2069, regionskatt=0.1169, indirekt_skatt=0.15, manader=12, antal_personer=1,
    upphandlande_organisation="kommun", upphandlingskostnad=40000, administration_arbetsgivare=10000,
    matchningskostnad=0, bonus=0, utjamning="bidrag", leverantorens_kostnad_i_priset=1.0,
)
BASE_CHANGE = (266000 - 32800) / 12
INDIVID_A = 25000 - 53277.8 / 12 - (223 * 260 / 12 - 10948.64 / 12)
MONTH_A = {
    "individ": INDIVID_A,
    "kommun": (55035.4 - 6786.32) / 12 - 0.19605 * BASE_CHANGE,
    "region": (31095.4 - 3834.32) / 12 - 0.09475 * BASE_CHANGE,
    "pensionssystemet": 0.1021 * 25000 + (21000 - 4100) / 12,
    "stat": (7855 - 0.1021 * 25000 + (-53853 + 3772) / 12 + 0.2908 * BASE_CHANGE
             + 0.15 * INDIVID_A + 223 * 260 / 12 - 6284),
    "arbetsgivare": 0.8 * 25000 * 1.3142 - 32855 + 6284 - 35000 * 1.3142 * 0.1,
}


def test_scenario_a_nystartsjobb_per_month():
    r = effects.evaluate(SCENARIO_A)
    m = r["per_person_och_manad"]
    # The supplier's cost (−4 886,70) is in the price: the kommun pays it, the employer is at 0.
    assert m["arbetsgivare"] == pytest.approx(0.0, abs=1e-9)
    assert m["kommun"] == pytest.approx(MONTH_A["kommun"] + MONTH_A["arbetsgivare"], **APPROX)
    for actor in ("individ", "region", "stat", "pensionssystemet"):
        assert m[actor] == pytest.approx(MONTH_A[actor], **APPROX), actor
    assert MONTH_A["kommun"] == pytest.approx(210.8517, abs=1e-3)
    assert m["stat"] == pytest.approx(7824.0989, abs=1e-3)
    assert r["delposter"]["kommunen_per_manad"]["utjamning"] == pytest.approx(-0.19605 * BASE_CHANGE, **APPROX)


def test_scenario_a_totals_and_one_offs():
    r = effects.evaluate(SCENARIO_A)
    t = r["totalt"]
    employer_cost = 12 * MONTH_A["arbetsgivare"] - 10000                     # −68 640,40
    assert t["kommun"] == pytest.approx(12 * MONTH_A["kommun"] - 40000 + employer_cost, **APPROX)  # −106 110,18
    assert t["kommun"] == pytest.approx(-106110.18, abs=0.01)
    assert t["arbetsgivare"] == pytest.approx(0.0, abs=1e-6)
    priced = r["delposter"]["leverantorens_kostnad_i_priset"]
    assert priced["totalt"] == pytest.approx(-employer_cost, **APPROX)
    assert priced["per_person_och_manad"] == pytest.approx(-MONTH_A["arbetsgivare"], **APPROX)
    assert t["individ"] == pytest.approx(12 * MONTH_A["individ"], **APPROX)
    assert t["pensionssystemet"] == pytest.approx(12 * MONTH_A["pensionssystemet"], **APPROX)  # 47 530
    # Real resources: 12 × (0,8 × 32 855 − 4 599,70) − 10 000 − 40 000 = 210 211,60
    assert t["samhallsekonomiskt_netto"] == pytest.approx(210211.60, abs=1e-6)
    assert t["indirekt_skatt"] == pytest.approx(12 * 0.15 * MONTH_A["individ"], **APPROX)
    assert t["summa_aktorer"] - t["indirekt_skatt"] == pytest.approx(t["samhallsekonomiskt_netto"], abs=1e-6)
    b = r["brytpunkter"]
    assert b["max_upphandlingskostnad_och_bonus"] is None   # −66 110 before procurement cost and bonus
    # The −66 110 still carries the supplier's cost in the price, so the sentence may not say
    # that the procurement then costs nothing extra (a reviewer read it against the table).
    text = b["max_upphandlingskostnad_och_bonus_text"]
    assert "inte kostar något extra" not in text
    assert "−66\u00a0110\u00a0kr" in text and "i priset" in text, text
    assert b["manader_till_brytpunkt"] is None              # every month costs the kommun
    # The employer's own break-even (before pricing the cost in) is as in version 1:
    #   pf = (32 855 − 6 284 + 4 599,70 + 10 000 / 12) / 32 855
    assert b["lagsta_produktionsfaktor"] == pytest.approx((32855 - 6284 + 4599.70 + 10000 / 12) / 32855, **APPROX)
    assert b["lagsta_stod_per_manad"] == pytest.approx(6284 + 68640.40 / 12, **APPROX)


def test_scenario_a_as_version_1_keeps_its_old_meaning():
    # A version-1 scenario is computed without equalisation and without the cost in the price:
    # the kommun gets 12 × 4 020,7567 − 40 000 = 8 249,08, as version 1 said.
    v1 = {k: v for k, v in SCENARIO_A.items() if k not in ("utjamning", "leverantorens_kostnad_i_priset")}
    v1.update(version=1, alder="23-65")
    r = effects.evaluate(v1)
    assert r["totalt"]["kommun"] == pytest.approx(12 * (55035.4 - 6786.32) / 12 - 40000, **APPROX)
    assert r["totalt"]["kommun"] == pytest.approx(8249.08, abs=1e-6)
    assert r["totalt"]["arbetsgivare"] == pytest.approx(12 * MONTH_A["arbetsgivare"] - 10000, **APPROX)
    assert r["scenario"]["version"] == 2 and r["scenario"]["utjamning"] == "ingen"
    assert r["scenario"]["leverantorens_kostnad_i_priset"] == 0 and r["scenario"]["alder"] == 35
    assert "äldre formatet" in r["aldre_format"][0] and "35 år" in r["aldre_format"][2]
    assert "kommunens resultat −106 110 kr i stället för 8 249 kr" in r["aldre_format"][1].replace("\u00a0", " ")
    with pytest.raises(InputError) as err:
        effects.evaluate(dict(v1, utjamning="bidrag"))
    assert err.value.messages[0]["falt"] == "utjamning"


def test_scenario_a_years_after_discounted_from_the_end_of_the_requirement():
    # Half still employed for 2 years after a 24-month requirement: those are years 3 and 4, so
    # factor 0,5 × 12 × (1/1,035² + 1/1,035³) per person; no support and no pricing-in after it.
    sc = dict(SCENARIO_A, manader=24, efter_kravet={"kvar_andel": 0.5, "ar": 2}, diskonteringsranta=0.035,
              leverantorens_kostnad_i_priset=0.0)
    r = effects.evaluate(sc)
    fa = 0.5 * 12 * (1 / 1.035 ** 2 + 1 / 1.035 ** 3)
    assert r["totalt"]["kommun"] == pytest.approx(24 * MONTH_A["kommun"] - 40000 + fa * MONTH_A["kommun"], **APPROX)
    assert r["totalt"]["stat"] == pytest.approx(24 * MONTH_A["stat"] + fa * (MONTH_A["stat"] + 6284), **APPROX)
    assert r["totalt"]["arbetsgivare"] == pytest.approx(
        24 * MONTH_A["arbetsgivare"] - 10000 + fa * (MONTH_A["arbetsgivare"] - 6284), **APPROX)
    # A 12-month requirement: years 2 and 3.
    r12 = effects.evaluate(dict(sc, manader=12))
    fa12 = 0.5 * 12 * (1 / 1.035 + 1 / 1.035 ** 2)
    assert r12["efter_kravet"]["totalt"]["kommun"] == pytest.approx(fa12 * MONTH_A["kommun"], **APPROX)


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
#   Stat    = 4 713 (avgift 31,42 % × 15 000) − 1 531,50 (its pension part, 10,21 %)
#             − 2 581,50 (state tax without the pension fee: 1 184 − 12 600 − 18 854 − 708 = −30 978
#             per year) + 533,55 (10 %) + 1 500 = 2 633,55
#   Pensionssystemet = 1 531,50 + 12 600 / 12 = 2 581,50
#   Arbetsgivare = 1,0 × 15 000 × 1,3142 − 19 713 = 0
# (No equalisation and no pricing-in here, so the version-1 arithmetic stays visible.)
# Scaling per person: 10 × 0,9 × 0,8 × 0,9 = 6,48.
SCENARIO_B = make(
    bruttolon=20000, omfattning=0.75, anstallningsstod={"typ": "ingen"}, produktionsfaktor=1.0,
    handledare_lon=0, handledning_andel=0, forsorjningsstod=6000, bostadsbidrag=1500,
    statlig_ersattning={"typ": "ingen"}, kommunalskatt=0.21, regionskatt=0.12, indirekt_skatt=0.10,
    manader=10, antal_personer=3, fullfoljandegrad=0.9, dodvikt=0.2, undantrangning=0.1,
    upphandlande_organisation="region", upphandlingskostnad=30000, bonus=5000,
    administration_arbetsgivare=2000, matchningskostnad=4000, utjamning="ingen", leverantorens_kostnad_i_priset=0.0,
)


def test_scenario_b_without_support():
    r = effects.evaluate(SCENARIO_B)
    m = r["per_person_och_manad"]
    assert m["individ"] == pytest.approx(5335.50, **APPROX)
    assert m["kommun"] == pytest.approx(8352.0, **APPROX)
    assert m["region"] == pytest.approx(1344.0, **APPROX)
    assert m["stat"] == pytest.approx(2633.55, **APPROX)
    assert m["pensionssystemet"] == pytest.approx(2581.50, **APPROX)
    assert m["arbetsgivare"] == pytest.approx(0.0, abs=1e-9)
    pp = r["per_person"]
    assert pp["kommun"] == pytest.approx(8352 * 6.48, **APPROX)          # 54 120,96
    t = r["totalt"]
    assert t["individ"] == pytest.approx(5335.5 * 6.48 * 3, **APPROX)     # 103 722,12
    assert t["kommun"] == pytest.approx(8352 * 6.48 * 3 - 3 * 4000, **APPROX)   # 150 362,88
    assert t["region"] == pytest.approx(1344 * 6.48 * 3 - 35000, **APPROX)      # −8 872,64
    assert t["stat"] == pytest.approx(2633.55 * 6.48 * 3, **APPROX)       # 51 196,21
    assert t["pensionssystemet"] == pytest.approx(2581.50 * 6.48 * 3, **APPROX)  # 50 184,36
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
    leverantorens_kostnad_i_priset=0.0,
)


def test_scenario_c_praktik():
    r = effects.evaluate(SCENARIO_C)
    m = r["per_person_och_manad"]
    assert (m["individ"], m["kommun"], m["region"], m["stat"], m["pensionssystemet"]) == (0, 0, 0, 0, 0)
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
    # Priced into the bid, the supervision cost of praktik moves to the buyer (stat).
    priced = effects.evaluate(dict(SCENARIO_C, leverantorens_kostnad_i_priset=1.0))["totalt"]
    assert priced["arbetsgivare"] == pytest.approx(0.0, abs=1e-6)
    assert priced["stat"] == pytest.approx(-10000 - 19311.20, **APPROX)


def test_months_to_break_even_when_the_buyer_gains_now_but_would_lose_over_a_long_time():
    # 5 people at 24 000 kr from försörjningsstöd 9 000 kr: the kommun gains while nystartsjobb
    # pays, but once the support ends the supplier's priced-in cost outweighs its gain, so over
    # 100 years it would lose. The break-even asked for is the first one: the one-off costs
    # (40 000 procurement + 5 × 10 000 administration priced in) over the monthly gain.
    r = effects.evaluate({"version": 2, "antal_personer": 5, "bruttolon": 24000, "forsorjningsstod": 9000})
    assert r["totalt"]["kommun"] > 0
    b = r["brytpunkter"]
    monthly = r["per_person_och_manad"]["kommun"]  # 3 793 − 3 594 + 9 000 − 4 624 ≈ 4 575 kr
    assert b["manader_till_brytpunkt"] == pytest.approx(90000 / (5 * monthly), **APPROX)
    assert b["manader_till_brytpunkt_text"].startswith("Kommunen går jämnt upp efter 3,9 månader per person")


def test_a_wage_typed_in_thousands_is_questioned():
    low = effects.evaluate({"version": 2, "bruttolon": 24})["varningar"]
    assert any("Bruttolönen 24\u00a0kr per månad vid heltid är mycket låg" in w for w in low)
    assert not any("Bruttolönen" in w for w in effects.evaluate({"version": 2, "bruttolon": 24000})["varningar"])


def test_result_format_v2_keys():
    r = effects.evaluate(SCENARIO_A)
    assert r["version"] == 2 and r["aldre_format"] == []
    assert "pensionssystemet" in effects.ACTORS
    assert set(r["per_person_och_manad"]) == set(effects.ACTORS)
    assert set(r["per_person"]) == set(effects.ACTORS)
    assert set(r["totalt"]) == set(effects.ACTORS) | {"summa_aktorer", "indirekt_skatt", "samhallsekonomiskt_netto"}
    assert set(r["scenario"]) == set(scenario.FIELDS)
    assert all(isinstance(w, str) and w for w in r["varningar"])


def test_young_2026_reduced_employer_fee_for_nine_months_with_cap():
    # 18–22 at the start of 2026 (born 2003–2007): 20,81 % up to 25 000 kr from 1 April, so over the
    # year 9/12 × 20,81 % + 3/12 × 31,42 % = 23,4625 % up to the cap and 31,42 % above it:
    # wage 30 000 -> 25 000 × 0,234625 + 5 000 × 0,3142 = 5 865,625 + 1 571 = 7 436,625
    r = effects.evaluate(make(alder=20, bruttolon=30000, anstallningsstod={"typ": "ingen"}))
    assert r["delposter"]["efter"]["arbetsgivaravgift"] == pytest.approx(25000 * 0.234625 + 5000 * 0.3142, **APPROX)
    assert r["delposter"]["efter"]["alderspensionsavgift"] == pytest.approx(0.1021 * 30000, **APPROX)
    assert any("1 april 2026" in w and "9 av årets 12" in w for w in r["varningar"])
    for age in (17, 23):   # outside the age span: full rate
        r = effects.evaluate(make(alder=age, bruttolon=30000, anstallningsstod={"typ": "ingen"}))
        assert r["delposter"]["efter"]["arbetsgivaravgift"] == pytest.approx(0.3142 * 30000, **APPROX), age
    r25 = effects.evaluate(make(inkomstar=2025, alder=20, bruttolon=30000, anstallningsstod={"typ": "ingen"}))
    assert r25["delposter"]["efter"]["arbetsgivaravgift"] == pytest.approx(0.3142 * 30000, **APPROX)


def test_older_people_by_birth_year():
    # 2026: born 1938–1958 (67–87 at the start of the year) pay only 10,21 %; born 1937 or
    # earlier (88+) nothing; a 66-year-old pays the full rate but has the older tax rules.
    def fee(age):
        r = effects.evaluate(make(alder=age, bruttolon=20000, anstallningsstod={"typ": "ingen"}))
        return r["delposter"]["efter"]["arbetsgivaravgift"], r
    assert fee(66)[0] == pytest.approx(0.3142 * 20000, **APPROX)
    assert fee(67)[0] == pytest.approx(0.1021 * 20000, **APPROX)
    assert fee(87)[0] == pytest.approx(0.1021 * 20000, **APPROX)
    assert fee(88)[0] == 0
    younger = effects.evaluate(make(alder=65, bruttolon=20000, anstallningsstod={"typ": "ingen"}))
    older = fee(66)[1]
    assert older["delposter"]["efter"]["skatt_per_manad"] < younger["delposter"]["efter"]["skatt_per_manad"]
    assert any("förhöjt grundavdrag" in w for w in older["varningar"])


@pytest.mark.parametrize("age", [20, 30, 67, 88])
def test_net_value_does_not_depend_on_age(age):
    # Production is valued at the full contribution rate; a reduced rate only moves money between
    # the employer and the state. With the same support rules the net is the same at any age.
    base = make(alder=40, anstallningsstod={"typ": "ingen"}, bruttolon=24000)
    r = effects.evaluate(dict(base, alder=age))
    ref = effects.evaluate(base)
    assert r["totalt"]["samhallsekonomiskt_netto"] == pytest.approx(ref["totalt"]["samhallsekonomiskt_netto"], **APPROX)
    assert r["delposter"]["efter"]["produktionsvarde"] == pytest.approx(0.8 * 24000 * 1.3142, **APPROX)


@pytest.mark.parametrize("age, months, supported", [(19, 12, 0), (20, 18, 12), (24, 12, 12), (25, 30, 24), (66, 12, 12), (67, 12, 0)])
def test_nystartsjobb_months_by_age(age, months, supported):
    # Support 31,42 % × 20 000 = 6 284 kr per month, paid for at most 12 months at 20–24 and
    # 24 months at 25–66, not at all under 20 or over 66 (the average month carries the share).
    sc = make(alder=age, manader=months, bruttolon=25000, anstallningsstod={"typ": "nystartsjobb", "antal_avgifter": 1})
    r = effects.evaluate(sc)
    fee_rate = r["delposter"]["efter"]["arbetsgivaravgift"] / 25000
    assert r["delposter"]["efter"]["stod"] == pytest.approx(fee_rate * 20000 * supported / months, **APPROX)
    assert r["delposter"]["efter"]["manader_med_stod"] == min(supported, months)
    if supported < months:
        assert any("Nystartsjobb" in w for w in r["varningar"])


def test_lonebidrag_cap_is_on_the_wage_plus_the_contributions_on_it():
    # 30 000 kr at 50 %, cap 20 000 kr: 0,5 × (20 000 + 31,42 % × 20 000) = 13 142 kr per month.
    sc = make(alder=40, bruttolon=30000, anstallningsstod={"typ": "lonebidrag", "andel": 0.5})
    assert effects.evaluate(sc)["delposter"]["efter"]["stod"] == pytest.approx(0.5 * 20000 * 1.3142, **APPROX)
    # Part time 75 %: the cap is 15 000 kr; the wage 22 500 kr is above it.
    part = effects.evaluate(dict(sc, omfattning=0.75))
    assert part["delposter"]["efter"]["stod"] == pytest.approx(0.5 * 15000 * 1.3142, **APPROX)
    # Version 1's cap on the whole wage cost (26 284 kr) reads as the same cap on the wage.
    v1 = {"version": 1, "alder": "23-65", "bruttolon": 30000,
          "anstallningsstod": {"typ": "lonebidrag", "andel": 0.5, "tak": 26284}}
    assert effects.evaluate(v1)["delposter"]["efter"]["stod"] == pytest.approx(0.5 * 26284, **APPROX)


@pytest.mark.parametrize("kind, kommun_rate, region_rate", [("bidrag", 0.19605, 0.09475), ("avgift", 0.1698, 0.0951), ("ingen", 0, 0)])
def test_equalisation_moves_the_tax_base_share_to_the_state(kind, kommun_rate, region_rate):
    base = dict(SCENARIO_A, utjamning="ingen", leverantorens_kostnad_i_priset=0.0)
    ref = effects.evaluate(base)["per_person_och_manad"]
    m = effects.evaluate(dict(base, utjamning=kind))["per_person_och_manad"]
    assert m["kommun"] == pytest.approx(ref["kommun"] - kommun_rate * BASE_CHANGE, **APPROX)
    assert m["region"] == pytest.approx(ref["region"] - region_rate * BASE_CHANGE, **APPROX)
    assert m["stat"] == pytest.approx(ref["stat"] + (kommun_rate + region_rate) * BASE_CHANGE, **APPROX)
    # Försörjningsstöd saved is not equalised: the kommun keeps all of it.
    with_welfare = effects.evaluate(dict(base, utjamning=kind, forsorjningsstod=11370))["per_person_och_manad"]
    assert with_welfare["kommun"] - m["kommun"] == pytest.approx(11370, **APPROX)


@pytest.mark.parametrize("share", [0.0, 0.5, 1.0])
def test_the_supplier_prices_its_cost_into_the_bid(share):
    base = dict(SCENARIO_A, leverantorens_kostnad_i_priset=0.0)
    ref = effects.evaluate(base)["totalt"]
    t = effects.evaluate(dict(base, leverantorens_kostnad_i_priset=share))["totalt"]
    cost = -(12 * MONTH_A["arbetsgivare"] - 10000)
    assert t["kommun"] == pytest.approx(ref["kommun"] - share * cost, **APPROX)
    assert t["arbetsgivare"] == pytest.approx(ref["arbetsgivare"] + share * cost, **APPROX)
    assert t["samhallsekonomiskt_netto"] == pytest.approx(ref["samhallsekonomiskt_netto"], **APPROX)
    # A gain is never passed on, and the bonus stays a transfer of its own.
    gain = dict(base, produktionsfaktor=1.5, bonus=5000, leverantorens_kostnad_i_priset=share)
    gt = effects.evaluate(gain)["totalt"]
    assert gt["kommun"] == pytest.approx(effects.evaluate(dict(gain, leverantorens_kostnad_i_priset=0.0))["totalt"]["kommun"], **APPROX)


def test_lonebidrag_sets_the_default_produktionsfaktor_from_the_reduced_capacity():
    r = effects.evaluate({"version": 2, "anstallningsstod": {"typ": "lonebidrag", "andel": 0.4}})
    assert r["scenario"]["produktionsfaktor"] == pytest.approx(0.6)
    given = effects.evaluate({"version": 2, "produktionsfaktor": 0.9, "anstallningsstod": {"typ": "lonebidrag", "andel": 0.4}})
    assert given["scenario"]["produktionsfaktor"] == 0.9


def test_warnings_name_the_unverified_welfare_default_and_a_total_tax_rate():
    p = effects.params.values(2026)
    r = effects.evaluate({"version": 2, "forsorjningsstod": p["forsorjningsstod_manad"], "statlig_ersattning": {"typ": "ingen"}})
    assert any("härlett riksgenomsnitt" in w for w in r["varningar"])
    own = effects.evaluate({"version": 2, "forsorjningsstod": 9000, "statlig_ersattning": {"typ": "ingen"}})
    assert not any("härlett riksgenomsnitt" in w for w in own["varningar"])
    total = effects.evaluate({"version": 2, "kommunalskatt": 0.3238, "regionskatt": 0})
    assert any("ovanligt hög" in w for w in total["varningar"])
    losing = effects.evaluate({"version": 2, "kommunalskatt": 0.18})
    assert any("förlorar 1,61 kr" in w for w in losing["varningar"])


def test_the_uncertainty_varies_forsorjningsstod_around_the_users_value():
    from calculators.model import analysis
    sc = scenario.validate({"version": 2, "forsorjningsstod": 10000, "statlig_ersattning": {"typ": "ingen"}})
    mc = analysis.monte_carlo(sc)
    assert mc["intervall"]["forsorjningsstod"] == [7500, 10000, 12500]
    fixed = analysis.monte_carlo(sc, intervall={"forsorjningsstod": [10000, 10000, 10000]})
    spread = mc["percentiler"]["kommun"]["p90"] - mc["percentiler"]["kommun"]["p10"]
    assert spread > fixed["percentiler"]["kommun"]["p90"] - fixed["percentiler"]["kommun"]["p10"]
