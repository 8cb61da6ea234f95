"""Kommunalekonomisk utjämning (lag 2004:773): how much of the local income tax on a new wage
the kommun and the region keep.

A kommun whose tax base (skatteunderlag: beskattningsbar förvärvsinkomst) grows by one krona
gets its inkomstutjämningsbidrag cut by the bidrag rate (förordning 2004:881), or pays its
inkomstutjämningsavgift raised by the avgift rate; the state, which pays the grants and
collects the fees, gains the same amount. The kommun keeps its own tax rate minus that rate.
Regions likewise. Försörjningsstöd saved is not equalised. The grant follows the tax base
two income years later; the model counts it for the same income year as the tax (see the
method page for why).
"""

KINDS = ("bidrag", "avgift", "ingen")


def rates(kind, p):
    """(kommun, region): the share of one krona of new tax base that goes to the state."""
    if kind == "ingen":
        return 0.0, 0.0
    kommun = p["utjamning_kommun"][kind]
    region = p["utjamning_region"][kind]
    return kommun, region
