"""Break-even figures of a scenario, with Swedish explanations (None where none exists).

    break_even(model, totals=None) -> dict
        max_upphandlingskostnad_och_bonus   what the buyer can pay once and still not lose
        lagsta_produktionsfaktor            the employer's break-even before pricing the cost in
        lagsta_produktionsvarde_praktik     the same for praktik, in kr per month
        lagsta_stod_per_manad               the support the employer needs to break even
        manader_till_brytpunkt              months per person after which the buyer breaks even
"""

import math

from calculators.format import kr, procent, tal
from calculators.model import fields

# "kommunen", "regionen", "staten": the buyer in sentences, from its option's declaration.
BUYER_NAMES = fields.definite_names("upphandlande_organisation")
MONTHS_LIMIT = 1200.0  # a requirement that needs more than 100 years never breaks even


def break_even(m, tot=None):
    sc = m.sc
    if tot is None:
        tot = m.base_totals()
    buyer_name = BUYER_NAMES[m.buyer]
    buyer_total = getattr(tot, m.buyer)
    out = {"kopare": m.buyer, "kopare_resultat": buyer_total}
    _buyer_budget(out, sc, buyer_total, buyer_name, m.pass_share > 0)
    _employer(out, m)
    _months(out, m, buyer_total, buyer_name)
    texts = {
        "max_upphandlingskostnad_och_bonus": "max_upphandlingskostnad_och_bonus_text",
        "lagsta_produktionsfaktor": "lagsta_produktionsfaktor_text",
        "lagsta_produktionsvarde_praktik": "lagsta_produktionsfaktor_text",
        "lagsta_stod_per_manad": "lagsta_stod_text",
        "manader_till_brytpunkt": "manader_till_brytpunkt_text",
    }
    # Guard against overflow when almost no months count (e.g. fullföljandegrad ≈ 0).
    for key, text_key in texts.items():
        value = out.get(key)
        if value is not None and not math.isfinite(value):
            out[key] = None
            out[text_key] = "Ingen brytpunkt kan beräknas: för få arbetade månader räknas in."
    return out


def _buyer_budget(out, sc, buyer_total, buyer_name, priced_in):
    """The largest procurement cost + bonus with the buyer still ≥ 0. The supplier's cost in
    the price stays in the figure, and the loss sentence says so (it is a cost of the
    procurement too, shown as its own row)."""
    excl = buyer_total + sc["upphandlingskostnad"] + sc["bonus"]
    if excl > 0:
        out["max_upphandlingskostnad_och_bonus"] = excl
        out["max_upphandlingskostnad_och_bonus_text"] = (
            f"Merkostnad för upphandlingen och bonus kan tillsammans vara upp till {kr(excl)} "
            f"innan {buyer_name}s resultat blir negativt.")
    else:
        price = ", med leverantörens kostnad för kravet i priset" if priced_in else ""
        out["max_upphandlingskostnad_och_bonus"] = None
        out["max_upphandlingskostnad_och_bonus_text"] = (
            f"{buyer_name.capitalize()} går med förlust även utan merkostnad för upphandlingen och bonus: "
            f"resultatet är då {kr(excl)}{price}.")


def _employer(out, m):
    """The employer's break-even on its own cost, before the supplier prices it into the bid."""
    args = m.base_args()
    own = m.totals(*args, pass_share=0.0).arbetsgivare
    slope_month = m.n * m.counted_months()
    if m.praktik:
        out["lagsta_produktionsfaktor"] = None
        out["lagsta_stod_per_manad"] = None
        out["lagsta_stod_text"] = "Anställningsstöd är inte aktuellt vid praktik."
        if slope_month > 0:
            need = max(0.0, m.praktik_value - own / slope_month)
            out["lagsta_produktionsvarde_praktik"] = need
            out["lagsta_produktionsfaktor_text"] = (
                f"Arbetsgivaren går jämnt upp om praktikantens produktion är värd minst {kr(need)} per månad.")
        else:
            out["lagsta_produktionsvarde_praktik"] = None
            out["lagsta_produktionsfaktor_text"] = "Ingen brytpunkt: inga praktikmånader räknas in."
        return

    out["lagsta_produktionsvarde_praktik"] = None
    a0 = m.totals(0.0, *args[1:], pass_share=0.0).arbetsgivare
    a1 = m.totals(1.0, *args[1:], pass_share=0.0).arbetsgivare
    slope = a1 - a0
    _threshold(out, "lagsta_produktionsfaktor", "lagsta_produktionsfaktor_text", -a0 / slope if slope > 0 else None,
               "Arbetsgivaren går inte med förlust ens om personen inte producerar något.",
               lambda need: (f"Om arbetsgivaren inte tar betalt för kravet i priset bär den ingen egen kostnad från en "
                             f"produktionsfaktor på {procent(need, 1)} av lönekostnaden."))
    sc = m.sc
    s_now = m.requirement_month(sc["bruttolon"], sc["produktionsfaktor"], sc["manader"]).job.stod
    _threshold(out, "lagsta_stod_per_manad", "lagsta_stod_text", s_now - own / slope_month if slope_month > 0 else None,
               "Arbetsgivaren går inte med förlust även utan anställningsstöd.",
               lambda need: (f"Om arbetsgivaren inte tar betalt för kravet i priset behöver den i genomsnitt minst "
                             f"{kr(need)} i stöd per person och månad för att gå jämnt upp (i dag {kr(s_now)})."))


def _threshold(out, key, text_key, need, met_text, text_of):
    """A break-even value: None when no months count, 0 when already met, else the value and its sentence."""
    if need is None:
        out[key], out[text_key] = None, "Ingen brytpunkt: inga arbetade månader räknas in."
    elif need <= 0:
        out[key], out[text_key] = 0.0, met_text
    else:
        out[key], out[text_key] = need, text_of(need)


def _months(out, m, buyer_total, buyer_name):
    """Months per person at which the buyer's result reaches zero (found numerically: support
    ends after some months and later years are discounted, so it is not one straight line)."""
    args = list(m.base_args())
    now = args[4]  # the scenario's months

    def buyer_at(months):
        args[4] = months
        return getattr(m.totals(*args), m.buyer)

    first = buyer_at(1e-9)
    if first >= 0:
        out["manader_till_brytpunkt"] = 0.0
        out["manader_till_brytpunkt_text"] = f"{buyer_name.capitalize()} har ett positivt resultat redan från första månaden."
        return
    # The result need not grow with the months: when support ends the supplier's cost, priced
    # in, can outweigh the buyer's gain. A buyer that gains over the scenario's months broke
    # even within them; otherwise later, if ever within MONTHS_LIMIT.
    f_now = buyer_at(now) if m.counted_months() > 0 else -1.0
    hi = now if f_now >= 0 else MONTHS_LIMIT
    f_hi = f_now if f_now >= 0 else buyer_at(MONTHS_LIMIT)
    if m.counted_months() <= 0 or f_hi < 0:
        out["manader_till_brytpunkt"] = None
        out["manader_till_brytpunkt_text"] = (
            f"{buyer_name.capitalize()} når aldrig brytpunkten: fler månader förbättrar inte "
            f"{buyer_name}s resultat tillräckligt.")
        return
    # False position (Illinois): the curve is straight between the points where support ends,
    # so this takes a handful of evaluations where bisection takes sixty.
    lo, f_lo = 1e-9, first
    side = 0
    for _ in range(100):
        mid = hi - f_hi * (hi - lo) / (f_hi - f_lo)
        f_mid = buyer_at(mid)
        if abs(f_mid) < 1e-6 or hi - lo < 1e-9:
            hi = mid
            break
        if f_mid < 0:
            lo, f_lo = mid, f_mid
            if side == -1:
                f_hi /= 2
            side = -1
        else:
            hi, f_hi = mid, f_mid
            if side == 1:
                f_lo /= 2
            side = 1
    out["manader_till_brytpunkt"] = hi
    out["manader_till_brytpunkt_text"] = f"{buyer_name.capitalize()} går jämnt upp efter {tal(hi, 1)} månader per person."
