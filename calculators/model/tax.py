"""Swedish income tax for one person and one income year (annual amounts, kronor).

Implements the rules of inkomstskattelagen (IL) as they apply to an employee or a benefit
recipient who is fully liable to tax in Sweden the whole year:

* fastställd förvärvsinkomst (FFI): earned income + taxable benefits, rounded down to 100 kr
  (1 kap. 5 § IL);
* grundavdrag (63 kap. 3 §, and the extra amount in 3 a § for those who have turned 66 at the
  start of the year), rounded up to 100 kr and never above FFI;
* kommunal inkomstskatt = beskattningsbar förvärvsinkomst (BFI) × (kommunalskatt + regionskatt),
  of which the kommun gets the kommun rate and the region the region rate;
* statlig inkomstskatt: 20 % of BFI above the skiktgräns (65 kap. 5 §);
* public service-avgift: 1 % of BFI up to a cap (goes to the state);
* allmän pensionsavgift: 7 % of pensionable income, rounded to the nearest 100 kr (50 down),
  fully offset by a skattereduktion (67 kap. 4 §) — first against kommunal tax;
* jobbskatteavdrag (67 kap. 7–8 §§) on earned income only (rounded down to 100 kr),
  credited only against kommunal tax that remains after the pension-fee reduction;
* skattereduktion för förvärvsinkomst (67 kap. 46–48 §§), also only against kommunal tax.

Skattereduktioner are whole kronor with öre dropped (67 kap. 1 §). Kyrkoavgift,
begravningsavgift and the regional reduction for certain kommuner are left out.

The public function is `income_tax(...)`; `grundavdrag`, `jobbskatteavdrag` and
`segment_amount` are exposed for tests and the method page.
"""

import math


def floor100(x):
    return math.floor(x / 100.0) * 100.0 if x > 0 else 0.0


def ceil100(x):
    return math.ceil(x / 100.0 - 1e-9) * 100.0 if x > 0 else 0.0


def round100_half_down(x):
    """Round to the nearest 100 kr; exactly 50 goes down (lag 1994:1744, 3 §)."""
    if x <= 0:
        return 0.0
    hundreds, rest = divmod(x, 100.0)
    return (hundreds + (1.0 if rest > 50.0 + 1e-9 else 0.0)) * 100.0


def segment_amount(segments, x, pbb):
    """Evaluate a piecewise rule given in prisbasbelopp: konstant·PBB + andel·(x − fran·PBB).

    `segments` is a list of dicts with keys upp_till, konstant, andel, fran (see the data files);
    the first segment whose upper bound (upp_till·PBB) is ≥ x applies.
    """
    for seg in segments:
        if x <= seg["upp_till"] * pbb:
            return seg["konstant"] * pbb + seg["andel"] * (x - seg["fran"] * pbb)
    seg = segments[-1]
    return seg["konstant"] * pbb + seg["andel"] * (x - seg["fran"] * pbb)


def grundavdrag(ffi, p, age66=False):
    """Grundavdrag for fastställd förvärvsinkomst `ffi` with year parameters `p` (params.values)."""
    if ffi <= 0:
        return 0.0
    pbb = p["prisbasbelopp"]
    amount = segment_amount(p["grundavdrag"], ffi, pbb)
    if age66:
        amount += segment_amount(p["grundavdrag_forhojt_tillagg"], ffi, pbb)
    return min(ceil100(amount), ffi)


def jobbskatteavdrag(earned, ga, ki, p, age66=False):
    """Jobbskatteavdrag before the limit against kommunal tax (whole kronor).

    `earned` = annual arbetsinkomst, `ga` = grundavdrag, `ki` = total kommunal tax rate
    (kommun + region).
    """
    ai = floor100(earned)
    if ai <= 0:
        return 0.0
    pbb = p["prisbasbelopp"]
    if age66:
        amount = segment_amount(p["jobbskatteavdrag_66"], ai, pbb)
    else:
        amount = (segment_amount(p["jobbskatteavdrag"], ai, pbb) - ga) * ki
    return float(math.floor(max(0.0, amount) + 1e-9))


class TaxResult:
    """Annual tax of one person, split by who receives it.

    Attributes (kronor per year): ffi, grundavdrag, bfi, kommunal (to the kommun), regional
    (to the region), statlig, public_service, pensionsavgift, red_pensionsavgift,
    jobbskatteavdrag, red_forvarvsinkomst; derived: `state` (net to the state),
    `total` (everything the person pays).
    """

    __slots__ = (
        "ffi", "grundavdrag", "bfi", "kommunal", "regional", "statlig", "public_service",
        "pensionsavgift", "red_pensionsavgift", "jobbskatteavdrag", "red_forvarvsinkomst",
        "state", "total",
    )

    def as_dict(self):
        return {name: getattr(self, name) for name in self.__slots__}


def income_tax(earned, other_taxable, kommun_rate, region_rate, p, age66=False, other_pensionable=None):
    """Tax on annual `earned` income (wage) plus `other_taxable` (taxable benefits), in kronor.

    `other_pensionable` is the part of `other_taxable` on which allmän pensionsavgift is paid
    (aktivitetsstöd and a-kassa are pensionable); by default all of it.
    Returns a `TaxResult`.
    """
    if other_pensionable is None:
        other_pensionable = other_taxable
    pbb = p["prisbasbelopp"]
    r = TaxResult()
    ffi = floor100(max(0.0, earned) + max(0.0, other_taxable))
    ga = grundavdrag(ffi, p, age66)
    bfi = ffi - ga if ffi > ga else 0.0
    ki = kommun_rate + region_rate
    kommunal = bfi * kommun_rate
    regional = bfi * region_rate
    statlig = p["statlig_skattesats"] * (bfi - p["skiktgrans"]) if bfi > p["skiktgrans"] else 0.0
    ps = p["public_service_avgift"]
    public_service = min(ps["andel"] * bfi, ps["max"])

    pa = p["allman_pensionsavgift"]
    pension_base = floor100(max(0.0, earned)) + floor100(max(0.0, other_pensionable))
    if pension_base < pa["golv_pbb"] * pbb:
        fee = 0.0
    else:
        fee = min(round100_half_down(pa["andel"] * pension_base), pa["max"])

    # Reductions: pension fee first (against kommunal + statlig, kommunal first), then
    # jobbskatteavdrag and förvärvsinkomst-reduktion only against what remains of kommunal tax.
    kommunal_total = kommunal + regional
    red_pension = min(fee, kommunal_total + statlig)
    remaining_k = kommunal_total - red_pension
    if remaining_k < 0:
        remaining_k = 0.0
    jsa = min(jobbskatteavdrag(earned, ga, ki, p, age66), remaining_k)
    remaining_k -= jsa
    fr = p["forvarvsinkomstreduktion"]
    if bfi > fr["nedre"]:
        red_f = fr["belopp"] if bfi >= fr["ovre"] else fr["andel"] * (bfi - fr["nedre"])
        red_f = float(math.floor(red_f + 1e-9))
    else:
        red_f = 0.0
    red_f = min(red_f, remaining_k)

    r.ffi = ffi
    r.grundavdrag = ga
    r.bfi = bfi
    r.kommunal = kommunal
    r.regional = regional
    r.statlig = statlig
    r.public_service = public_service
    r.pensionsavgift = fee
    r.red_pensionsavgift = red_pension
    r.jobbskatteavdrag = jsa
    r.red_forvarvsinkomst = red_f
    r.state = statlig + public_service + fee - red_pension - jsa - red_f
    r.total = kommunal + regional + r.state
    return r
