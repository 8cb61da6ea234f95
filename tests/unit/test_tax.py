"""Swedish income tax 2025 and 2026 against published figures.

2026: Skatteverket's technical description of the 2026 tax tables (SKV 433, utgåva 36,
https://www.skatteverket.se/download/18.1522bf3f19aea8075ba55c/1766385913260/teknisk-beskrivning-skv-433-2026-utgava-36.pdf)
gives worked examples for grundavdrag and jobbskatteavdrag, and the published monthly table 34
(https://www.skatteverket.se/download/18.1522bf3f19aea8075ba5af/1765287119989/allmanna-tabeller-manad.txt)
gives the withholding for an employee under 66. We read these values through a verbatim
quotation of both documents in a public verification note (not from the PDFs themselves).

2025: we found no primary worked example; the expected values below come from secondary
sources quoting Skatteverket (brytpunkt 643 100 / 733 200 kr, grundavdrag 17 300–45 300 kr,
largest jobbskatteavdrag about 3 941 kr per month at the average rate). They are marked as such.
"""

import math

import pytest

from calculators.model import params, tax

P26 = params.values(2026)
P25 = params.values(2025)


# --- 2026, primary figures (SKV 433 examples) -------------------------------------------------

@pytest.mark.parametrize("ffi, age66, expected", [
    (120000, False, 37400),   # SKV 433 example
    (324000, False, 31600),   # SKV 433 example
    (90000, True, 72000),     # SKV 433 example, förhöjt grundavdrag
    (200000, True, 110900),   # SKV 433 example
    (390000, True, 157900),   # SKV 433 example
    (10000, False, 10000),    # never above the income
])
def test_grundavdrag_2026_skv433_examples(ffi, age66, expected):
    assert tax.grundavdrag(ffi, P26, age66) == expected


def test_grundavdrag_2026_bounds_published_by_skatteverket():
    # "25 100 vid låga inkomster, som högst 45 600 kronor, som lägst 17 400 kronor"
    assert tax.grundavdrag(50000, P26) == 25100
    assert tax.grundavdrag(170000, P26) == 45600
    assert tax.grundavdrag(900000, P26) == 17400


@pytest.mark.parametrize("ai, expected", [(90000, 11976), (240000, 26083)])
def test_jobbskatteavdrag_2026_skv433_examples(ai, expected):
    # SKV 433: KI = 32,84 % (table 34 less 1,16 percentage points burial and church fee).
    ga = tax.grundavdrag(ai, P26)
    assert tax.jobbskatteavdrag(ai, ga, 0.3284, P26) == expected


def test_income_tax_2026_matches_skatteverkets_etjanst_stockholm():
    # Skatteverket's e-service, wage 360 000 kr, Stockholm 18,22 + 12,33 = 30,55 %:
    # BFI 332 000, kommunal inkomstskatt 101 426, jobbskatteavdrag 37 132,
    # skattereduktion för förvärvsinkomst 1 500, allmän pensionsavgift 25 200.
    r = tax.income_tax(360000, 0, 0.1822, 0.1233, P26)
    assert r.bfi == 332000
    assert math.floor(r.kommunal + r.regional) == 101426
    assert r.jobbskatteavdrag == 37132
    assert r.red_forvarvsinkomst == 1500
    assert r.pensionsavgift == 25200 == r.red_pensionsavgift


@pytest.mark.parametrize("annual, table34", [
    (150000, 1761), (180000, 2284), (240000, 3491), (300000, 4760),
    (360000, 6054), (480000, 8652), (600000, 12052), (720000, 16446),
])
def test_income_tax_2026_against_tax_table_34_column_1(annual, table34):
    # Table 34 = 32,84 % kommunal + regional tax + 1,16 % burial/church fee on BFI; the table
    # withholds floor(annual tax / 12). Our tax (which leaves the fees out) plus 1,16 % of BFI
    # must give the table value within one krona per month.
    r = tax.income_tax(annual, 0, 0.3284, 0.0, P26)
    monthly = (r.total + 0.0116 * r.bfi) / 12
    assert table34 <= monthly < table34 + 1.0


def test_state_tax_2026_starts_at_brytpunkt_660400():
    assert tax.income_tax(660400, 0, 0.2069, 0.1169, P26).statlig == 0
    r = tax.income_tax(670400, 0, 0.2069, 0.1169, P26)
    assert r.statlig == pytest.approx(0.2 * 10000)


def test_benefits_get_no_jobbskatteavdrag():
    r = tax.income_tax(0, 57980, 0.2069, 0.1169, P26)
    assert r.jobbskatteavdrag == 0
    assert r.ffi == 57900 and r.grundavdrag == 25100 and r.bfi == 32800
    assert r.pensionsavgift == 4100  # 7 % of 57 900 = 4 053, nearest hundred


# --- 2025, secondary figures --------------------------------------------------------------------

def test_grundavdrag_2025_bounds_secondary_source():
    # Secondary source quoting Skatteverket: grundavdrag 17 300–45 300 kr (under 66) in 2025.
    assert tax.grundavdrag(900000, P25) == 17300
    assert tax.grundavdrag(170000, P25) == 45300
    assert tax.grundavdrag(40000, P25) == 24900   # 0,423 × 58 800 = 24 872,4 -> 24 900


def test_state_tax_2025_brytpunkter_secondary_source():
    # Secondary sources: brytpunkt 643 100 kr (under 66) and 733 200 kr (66 or older) in 2025.
    assert tax.income_tax(643100, 0, 0.2072, 0.1169, P25).statlig == 0
    assert tax.income_tax(643200, 0, 0.2072, 0.1169, P25).statlig == pytest.approx(20)
    assert tax.income_tax(733200, 0, 0.2072, 0.1169, P25, age66=True).statlig == 0
    assert tax.income_tax(733300, 0, 0.2072, 0.1169, P25, age66=True).statlig == pytest.approx(20)


def test_largest_jobbskatteavdrag_2025_secondary_source():
    # Secondary source: up to 3 941 kr per month in 2025 at the average rate 32,41 %.
    # (2,776 × 58 800 − 17 300) × 0,3241 = 47 295,5 -> 47 295 kr per year = 3 941 kr per month.
    ga = tax.grundavdrag(700000, P25)
    jsa = tax.jobbskatteavdrag(700000, ga, 0.3241, P25)
    assert jsa == 47295
    assert math.floor(jsa / 12) == 3941


def test_2026_jobbskatteavdrag_is_larger_than_2025_at_high_income():
    # The 2026 reinforcement: about +4 800 kr per year at the top (up to 400 kr per month).
    j25 = tax.jobbskatteavdrag(600000, 17400, 0.3238, {**P25, "prisbasbelopp": 59200})
    j26 = tax.jobbskatteavdrag(600000, 17400, 0.3238, P26)
    assert 4700 < j26 - j25 < 4900
