"""The answer first: what the calculation means for the upphandlande organisation and for
society, in sentences a politician can repeat, each figure with its likely range.

Two drawings of the same answer, both rebuilt on every recalculation:
    answer(result, band=None, name="")   the summary beside the form (desktop) and above it
                                         (phone); `band` is the uncertainty (results_view)
                                         or None while it is still being computed
    answer_bar(result)                   the one-line bar kept in view on a phone, linking
                                         to the results
Figures are rounded as said aloud ("cirka 180 000 kr"); the exact ones are in the results.
"""

from __future__ import annotations

import html

from calculators import format as fmt
from calculators.model import actors, fields
from calculators.model import scenario as scenario_mod
from calculators.pages import results_view

BUYER_NAMES = fields.definite_names("upphandlande_organisation")
NET = "samhallsekonomiskt_netto"
RESULTS_ID = "sk-resultat-rubrik"


def _e(text):
    return html.escape(str(text), quote=True)


def _signed(value):
    """ "cirka 180 000 kr i plus", "ungefär noll" """
    size = fmt.kr_ungefar(value)
    if size.startswith("0" + fmt.NBSP):
        return "ungefär noll"
    return f"cirka {size} i {'plus' if value > 0 else 'minus'}"


def _range(low, high):
    """ "mellan 120 000 och 240 000 kr i plus"; a range across zero names both sides."""
    lo, hi = fmt.kr_ungefar(low), fmt.kr_ungefar(high)
    if low >= 0 or high <= 0:
        side = "plus" if high > 0 else "minus"
        near, far = (lo, hi) if side == "plus" else (hi, lo)
        if near == far:
            return f"omkring {near} i {side}"
        return f"mellan {near.removesuffix(fmt.NBSP + 'kr')} och {far} i {side}"
    return f"mellan {lo} i minus och {hi} i plus"


def _likely(value, low, high):
    """The likely range beside a figure; where the figure itself lies outside it (it counts
    on no job that would have come anyway, for instance) the range says which way it lies."""
    if value > high:
        return f"troligen något sämre: {_range(low, high)}"
    if value < low:
        return f"troligen något bättre: {_range(low, high)}"
    return f"troligen {_range(low, high)}"


def _count(key, value, text):
    """ "1 person", "5 personer": the field's own unit (falt.toml)."""
    return f"{text} {fields.field(key).unit_for(value)}"


def people(sc):
    """ "5 personer, anställning i 12 månader" (and the years after the requirement)."""
    n, months = sc["antal_personer"], sc["manader"]
    what = fields.option_label("sysselsattningstyp", sc["sysselsattningstyp"]).lower()
    text = (f"{_count('antal_personer', n, fmt.tal(n))}, {what} i "
            f"{_count('manader', months, fmt.tal(months, 1).replace(',0', ''))}")
    after = sc["efter_kravet"]
    if after.get("ar") and after.get("kvar_andel"):
        text += f" och {fmt.tal(after['ar'])} år efter kravet"
    return text


def heading_line(sc, name=""):
    """What the answer is for: the scenario's name (or whether it is the default), the typfall
    it follows, the people and the income year."""
    if name:
        what = f"Scenario: {name}"
    elif scenario_mod.changed(sc):
        what = "Era uppgifter"
    else:
        what = "Standardscenariot"
    preset = results_view.preset_name(sc)
    if preset:
        what += f", typfall {preset}"
    return f"{what}. {people(sc)}, inkomstår {sc['inkomstar']}."


def counts_on(sc):
    """The assumptions that move the buyer's figure most, in one line: what the person had
    before the job, the support to the employer and the procurement's extra cost."""
    before = sc["statlig_ersattning"]["typ"]
    state = ("ingen ersättning från staten" if before == "ingen"
             else fields.option_label("statlig_ersattning.typ", before).lower())
    social = (f"försörjningsstöd {fmt.kr(sc['forsorjningsstod'])} i månaden" if sc["forsorjningsstod"] > 0
              else "inget försörjningsstöd")
    support = fields.option_label("anstallningsstod.typ", sc["anstallningsstod"]["typ"]).lower()
    return (f"Räknat med: före jobbet {state} och {social}; stöd till arbetsgivaren: {support}; "
            f"{fields.label('upphandlingskostnad').lower()} {fmt.kr(sc['upphandlingskostnad'])}.")


def figures(result, band=None):
    """[(key, who, text)]: the buyer's figure ("kopare") and society's, each with its likely
    range once `band` is known, e.g. ("kopare", "För kommunen", "cirka 180 000 kr i plus
    (troligen mellan …)"). Shared by this page and the decision document."""
    sc = result["scenario"]
    buyer = sc["upphandlande_organisation"]
    tot = result["totalt"]
    pct = (band or {}).get("percentiler", {})
    out = []
    for key, who in ((buyer, f"För {BUYER_NAMES[buyer]}"), (NET, "För samhället")):
        text = f"{_signed(tot[key])}"
        if key in pct:
            text += f" ({_likely(tot[key], pct[key]['p10'], pct[key]['p90'])})"
        out.append(("kopare" if key == buyer else key, who, text))
    return out


def chance(result, band):
    """ "Sannolikheten att kommunen går jämnt upp eller bättre: " and the chance."""
    buyer = result["scenario"]["upphandlande_organisation"]
    return (f"Sannolikheten att {BUYER_NAMES[buyer]} går jämnt upp eller bättre: ",
            fmt.sannolikhet(band["sannolikhet_kopare"]))


def answer(result, band=None, name=""):
    sc = result["scenario"]
    lines = [f'<p class="sk-svar-tal" data-sk-svarstal="{_e(key)}"><strong>{_e(who)}:</strong> {_e(text)}.</p>'
             for key, who, text in figures(result, band)]
    if band is None:
        more = '<p class="sk-svar-mer" aria-busy="true">Det troliga intervallet räknas fram …</p>'
    else:
        lead, odds = chance(result, band)
        more = f'<p class="sk-svar-mer">{_e(lead)}<strong>{_e(odds)}</strong>.</p>'
    checks = "".join(f'<p class="sk-svar-kontroll"><strong>Kontrollera:</strong> {_e(text)}</p>'
                     for text in result.get("kontrollera", []))
    return (
        '<h2 id="sk-svar-rubrik" class="sk-svar-rubrik">Svaret i korthet</h2>'
        f'<p class="sk-svar-scenario"><bdi>{_e(heading_line(sc, name))}</bdi></p>'
        + "".join(lines) + more + checks
        + f'<p class="sk-svar-antaganden">{_e(counts_on(sc))}</p>' +
        f'<p class="sk-svar-forklaring">{_e(actors.label(NET))}: vad samhället som helhet vinner, '
        "när skatter och bidrag räknats bort som överföringar.</p>"
        f'<p class="sk-svar-lank"><a href="#{RESULTS_ID}">Till resultatet</a></p>'
    )


def answer_bar(result):
    sc = result["scenario"]
    buyer = sc["upphandlande_organisation"]
    tot = result["totalt"]
    parts = [f"{BUYER_NAMES[buyer].capitalize()}: {_signed(tot[buyer])}", f"Samhället: {_signed(tot[NET])}"]
    return (f'<a class="sk-svarsrad-lank" href="#{RESULTS_ID}">'
            + "".join(f"<span>{_e(p)}</span>" for p in parts)
            + '<span class="sk-svarsrad-till">Till resultatet</span></a>')
