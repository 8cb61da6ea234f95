"""The impact model: who gains and who pays when a person leaves unemployment for a job.

`evaluate(scenario) -> dict` validates a scenario (format version 1) and returns the result in
result format version 1 (see berakningsmodell.md):

    {"version": 1, "scenario": {...}, "per_person_och_manad": {...}, "per_person": {...},
     "totalt": {...}, "brytpunkter": {...}, "varningar": [...], "delposter": {...},
     "engangsposter": {...}, "efter_kravet": {...}}

All amounts are kronor, unrounded. `Model` is the prepared, allocation-light core that the
Monte Carlo and the sensitivity analysis call many times; `evaluate` uses the same core, so
there is one code path for every number.

Per person and month during the requirement (W = bruttolön × omfattning, a = employer
contribution, LK = W + a·W, S = support, H = supervision cost, Bk = försörjningsstöd,
Bs = state benefit per month, BB = bostadsbidrag; taxes are computed on annual income
(× 12) for the income year and divided by 12):

    Individ      = (W − tax on W) − (Bk + Bs + BB − tax on Bs)
    Kommun       = kommunal tax on W − kommunal tax on Bs + Bk
    Region       = regional tax on W − regional tax on Bs
    Stat         = a·W + state tax on W − state tax on Bs + indirect tax on the individual's
                   gain + Bs + BB − S       ("state tax" = statlig inkomstskatt + public
                   service-avgift + allmän pensionsavgift − its reduction − jobbskatteavdrag −
                   skattereduktion för förvärvsinkomst)
    Arbetsgivare = produktionsfaktor·LK − LK + S − H         (praktik: produktionsvärde − H)
"""

import math
from typing import NamedTuple

from calculators.model import actors, fields, params, scenario as scenario_mod, tax as tax_mod
from calculators.format import kr, procent, tal

ACTORS = actors.ACTORS
# "kommunen", "regionen", "staten": the buyer in sentences, from its option's declaration.
BUYER_NAMES = {o.value: o.definite for o in fields.field("upphandlande_organisation").options}


class Job(NamedTuple):
    """One person's month in employment, kronor."""
    lon: float
    arbetsgivaravgift: float
    lonekostnad: float
    stod: float
    skatt: tax_mod.TaxResult


class Month(NamedTuple):
    """One person's month: what each actor gains (kronor), the production and the indirect
    tax in it, and the employment's figures (None in praktik)."""
    individ: float
    kommun: float
    region: float
    stat: float
    arbetsgivare: float
    produktion: float
    indirekt_skatt: float
    job: Job | None = None


class Totals(NamedTuple):
    """The whole period for all persons, kronor (the result's "totalt")."""
    individ: float
    kommun: float
    region: float
    stat: float
    arbetsgivare: float
    summa_aktorer: float
    indirekt_skatt: float
    samhallsekonomiskt_netto: float


_NOTHING = Month(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)


class Model:
    """A validated scenario prepared for fast repeated evaluation.

    `Model(sc)` takes a scenario that `scenario.validate` returned. `totals(...)` returns
    the whole-period `Totals` for given values of the uncertain inputs.
    """

    def __init__(self, sc):
        self.sc = sc
        year = sc["inkomstar"]
        p = params.values(year)
        self.p = p
        self.year = year
        self.praktik = sc["sysselsattningstyp"] == "praktik"
        self.age = sc["alder"]
        self.age66 = self.age == "66+"
        self.n = sc["antal_personer"]
        self.omf = sc["omfattning"]
        self.kommunalskatt = sc["kommunalskatt"]
        self.regionskatt = sc["regionskatt"]
        self.indirect_rate = sc["indirekt_skatt"]
        self.buyer = sc["upphandlande_organisation"]  # "kommun", "region" or "stat": a field of Month and Totals

        # Employer contribution rates (the supervisor is assumed to pay the full rate).
        self.a_full = p["arbetsgivaravgift"]
        if self.age == "18-22":
            self.a_low = p["arbetsgivaravgift_ung"]
            self.a_cap = p["arbetsgivaravgift_ung_tak"]
        elif self.age == "66+":
            self.a_low = p["arbetsgivaravgift_aldre"]
            self.a_cap = float("inf")
        else:
            self.a_low = self.a_full
            self.a_cap = float("inf")

        sup = sc["anstallningsstod"]
        self.support_kind = "ingen" if self.praktik else sup["typ"]
        self.support = sup
        self.nsj_cap = p["nystartsjobb_tak"]

        self.supervision = sc["handledare_lon"] * (1.0 + self.a_full) * sc["handledning_andel"]
        self.praktik_value = sc["produktionsvarde_praktik"]

        # The person before the job, per month.
        benefit = sc["statlig_ersattning"]
        self.welfare = sc["forsorjningsstod"]
        self.benefit = benefit["kr_per_dag"] * p["ersattningsdagar_per_manad"]
        self.housing = sc["bostadsbidrag"]
        taxable = self.benefit if benefit["typ"] in ("aktivitetsstod", "a-kassa") else 0.0
        self.benefit_taxable = taxable
        before = tax_mod.income_tax(0.0, 12.0 * taxable, self.kommunalskatt, self.regionskatt, p, self.age66)
        self.tax_before = before
        self.tax_before_kommun = before.kommunal / 12.0
        self.tax_before_region = before.regional / 12.0
        self.tax_before_state = before.state / 12.0
        self.net_before = self.welfare + self.benefit + self.housing - before.total / 12.0

        # One-off items.
        self.proc = sc["upphandlingskostnad"]
        self.bonus = sc["bonus"]
        self.admin = sc["administration_arbetsgivare"]
        self.match = sc["matchningskostnad"]

        # Years after the requirement.
        after = sc["efter_kravet"]
        r = sc["diskonteringsranta"]
        self.after_factor_base = after["kvar_andel"] * 12.0 * sum(
            (1.0 + r) ** -y for y in range(1, after["ar"] + 1)
        )
        self._cache_wage = None
        self._cache_monthly = None
        self._cache_after = None

    # --- per person and month -------------------------------------------------------------

    def employer_fee(self, w):
        """Employer contribution in kronor on a monthly wage `w` for the scenario's age group."""
        if w <= self.a_cap:
            return w * self.a_low
        return self.a_cap * self.a_low + (w - self.a_cap) * self.a_full

    def support_amount(self, w, lk):
        """The month's employment support (kronor) for monthly wage `w` and wage cost `lk`."""
        kind = self.support_kind
        if kind == "ingen":
            return 0.0
        if kind == "nystartsjobb":
            cap = self.nsj_cap * self.omf
            return self.support["antal_avgifter"] * self.employer_fee(w if w < cap else cap)
        if kind == "lonebidrag":
            tak = self.support["tak"]
            return self.support["andel"] * (lk if lk < tak else tak)
        return float(self.support["kr_per_manad"])

    def employment_month(self, wage_full, pf, with_support=True) -> Month:
        """Per person and month in employment."""
        w = wage_full * self.omf
        fee = self.employer_fee(w)
        lk = w + fee
        support = self.support_amount(w, lk) if with_support else 0.0
        t = tax_mod.income_tax(12.0 * w, 0.0, self.kommunalskatt, self.regionskatt, self.p, self.age66)
        individ = w - t.total / 12.0 - self.net_before
        kommun = t.kommunal / 12.0 - self.tax_before_kommun + self.welfare
        region = t.regional / 12.0 - self.tax_before_region
        indirect = self.indirect_rate * individ
        stat = fee + t.state / 12.0 - self.tax_before_state + indirect + self.benefit + self.housing - support
        production = pf * lk
        arbetsgivare = production - lk + support - self.supervision
        return Month(individ, kommun, region, stat, arbetsgivare, production, indirect, Job(w, fee, lk, support, t))

    def requirement_month(self, wage_full, pf) -> Month:
        """Per person and month during the requirement (praktik or employment)."""
        if self.praktik:
            return Month(0.0, 0.0, 0.0, 0.0, self.praktik_value - self.supervision, self.praktik_value, 0.0)
        return self.employment_month(wage_full, pf, True)

    # --- whole period -----------------------------------------------------------------------

    def totals(self, pf, dodvikt, undantrangning, fullfoljandegrad, manader, wage_full) -> Totals:
        """Whole-period totals for all persons incl. one-off items and years after."""
        keep = (1.0 - dodvikt) * (1.0 - undantrangning)
        months = manader * fullfoljandegrad * keep  # counted months per person
        n = self.n
        m = self.requirement_month(wage_full, pf)
        months_after = self.after_factor_base * keep  # discounted months per person after it
        a = self.employment_month(wage_full, pf, False) if months_after else _NOTHING
        during = n * months
        after = n * months_after
        ind = m.individ * during + a.individ * after
        kom = m.kommun * during + a.kommun * after - self.match * n
        reg = m.region * during + a.region * after
        sta = m.stat * during + a.stat * after
        arb = m.arbetsgivare * during + a.arbetsgivare * after + self.bonus - self.admin * n
        buyer_cost = self.proc + self.bonus
        if self.buyer == "kommun":
            kom -= buyer_cost
        elif self.buyer == "region":
            reg -= buyer_cost
        else:
            sta -= buyer_cost
        indirect = m.indirekt_skatt * during + a.indirekt_skatt * after
        netto = ((m.produktion - self.supervision) * during + (a.produktion - self.supervision) * after
                 - self.admin * n - self.proc - self.match * n)
        return Totals(ind, kom, reg, sta, arb, ind + kom + reg + sta + arb, indirect, netto)

    def base_totals(self):
        sc = self.sc
        return self.totals(sc["produktionsfaktor"], sc["dodvikt"], sc["undantrangning"],
                           sc["fullfoljandegrad"], sc["manader"], sc["bruttolon"])


def _actor_dict(values):
    return {a: float(v) for a, v in zip(ACTORS, values)}


def _tax_dict(t):
    return {
        "fastst_forvarvsinkomst": t.ffi,
        "grundavdrag": t.grundavdrag,
        "beskattningsbar_inkomst": t.bfi,
        "kommunalskatt": t.kommunal,
        "regionskatt": t.regional,
        "statlig_inkomstskatt": t.statlig,
        "public_service_avgift": float(t.public_service),
        "allman_pensionsavgift": t.pensionsavgift,
        "skattereduktion_pensionsavgift": t.red_pensionsavgift,
        "jobbskatteavdrag": t.jobbskatteavdrag,
        "skattereduktion_forvarvsinkomst": t.red_forvarvsinkomst,
        "skatt_totalt": t.total,
    }


def evaluate(scenario):
    """Evaluate a scenario dict (format version 1) and return the result dict (format version 1).

    Raises `calculators.errors.InputError` with Swedish messages for invalid input.
    """
    sc = scenario_mod.validate(scenario)
    return evaluate_validated(sc)


def evaluate_validated(sc, model=None):
    """Like `evaluate` for a scenario that `scenario.validate` already returned."""
    m = model or Model(sc)
    month = m.requirement_month(sc["bruttolon"], sc["produktionsfaktor"])
    keep = (1.0 - sc["dodvikt"]) * (1.0 - sc["undantrangning"])
    f = sc["manader"] * sc["fullfoljandegrad"] * keep
    tot = m.base_totals()

    result = {
        "version": 1,
        "scenario": sc,
        "per_person_och_manad": _actor_dict(month[:5]),
        "per_person": _actor_dict(v * f for v in month[:5]),
        "totalt": tot._asdict(),
    }
    result["brytpunkter"] = break_even(m, tot)
    result["varningar"] = warnings(sc, m, month)
    result["engangsposter"] = {
        "upphandlingskostnad": float(sc["upphandlingskostnad"]),
        "bonus": float(sc["bonus"]),
        "administration_arbetsgivare_totalt": float(sc["administration_arbetsgivare"] * m.n),
        "matchningskostnad_totalt": float(sc["matchningskostnad"] * m.n),
        "betalas_av": sc["upphandlande_organisation"],
    }
    result["efter_kravet"] = _after_summary(m)
    result["delposter"] = _details(m, month)
    return result


def _after_summary(m):
    if not m.after_factor_base:
        return {"ingar": False, "totalt": _actor_dict((0.0,) * 5)}
    sc = m.sc
    keep = (1.0 - sc["dodvikt"]) * (1.0 - sc["undantrangning"])
    a = m.employment_month(sc["bruttolon"], sc["produktionsfaktor"], False)
    fa = m.after_factor_base * keep * m.n
    return {"ingar": True, "totalt": _actor_dict(v * fa for v in a[:5])}


def _details(m, month):
    d = {
        "handledning_per_manad": m.supervision,
        "fore": {
            "forsorjningsstod": float(m.welfare),
            "statlig_ersattning": m.benefit,
            "statlig_ersattning_skattepliktig": m.benefit_taxable,
            "bostadsbidrag": float(m.housing),
            "skatt_per_manad": m.tax_before.total / 12.0,
            "netto_per_manad": m.net_before,
            "skatt_per_ar": _tax_dict(m.tax_before),
        },
    }
    job = month.job
    if job is not None:
        d["efter"] = {
            "lon": job.lon,
            "arbetsgivaravgift": job.arbetsgivaravgift,
            "lonekostnad": job.lonekostnad,
            "stod": job.stod,
            "produktionsvarde": month.produktion,
            "skatt_per_manad": job.skatt.total / 12.0,
            "netto_per_manad": job.lon - job.skatt.total / 12.0,
            "skatt_per_ar": _tax_dict(job.skatt),
        }
    else:
        d["efter"] = {"produktionsvarde": month.produktion}
    return d


# --- break-even ------------------------------------------------------------------------------


def break_even(m, tot=None):
    """Break-even figures with Swedish explanations (None where no break-even exists)."""
    sc = m.sc
    if tot is None:
        tot = m.base_totals()
    buyer_name = BUYER_NAMES[m.buyer]
    buyer_total = getattr(tot, m.buyer)
    month = m.requirement_month(sc["bruttolon"], sc["produktionsfaktor"])
    out = {"kopare": sc["upphandlande_organisation"], "kopare_resultat": buyer_total}

    # 1. Largest procurement cost + bonus with the buyer still >= 0.
    excl = buyer_total + sc["upphandlingskostnad"] + sc["bonus"]
    if excl > 0:
        out["max_upphandlingskostnad_och_bonus"] = excl
        out["max_upphandlingskostnad_och_bonus_text"] = (
            f"Merkostnad för upphandlingen och bonus kan tillsammans vara upp till {kr(excl)} "
            f"innan {buyer_name}s resultat blir negativt.")
    else:
        out["max_upphandlingskostnad_och_bonus"] = None
        out["max_upphandlingskostnad_och_bonus_text"] = (
            f"{buyer_name.capitalize()} går inte att få utan förlust även om upphandlingen inte kostar "
            f"något extra: resultatet är {kr(excl)} före merkostnad och bonus.")

    args = [sc["produktionsfaktor"], sc["dodvikt"], sc["undantrangning"], sc["fullfoljandegrad"],
            sc["manader"], sc["bruttolon"]]
    keep = (1.0 - sc["dodvikt"]) * (1.0 - sc["undantrangning"])
    f = sc["manader"] * sc["fullfoljandegrad"] * keep

    # 2. Lowest produktionsfaktor (or production value in praktik) with the employer >= 0.
    if m.praktik:
        slope = m.n * f
        base = tot.arbetsgivare - m.praktik_value * slope
        out["lagsta_produktionsfaktor"] = None
        if slope > 0:
            need = max(0.0, -base / slope)
            out["lagsta_produktionsvarde_praktik"] = need
            out["lagsta_produktionsfaktor_text"] = (
                f"Arbetsgivaren går jämnt upp om praktikantens produktion är värd minst {kr(need)} per månad.")
        else:
            out["lagsta_produktionsvarde_praktik"] = None
            out["lagsta_produktionsfaktor_text"] = "Ingen brytpunkt: inga praktikmånader räknas in."
    else:
        a0 = m.totals(0.0, *args[1:]).arbetsgivare
        a1 = m.totals(1.0, *args[1:]).arbetsgivare
        slope = a1 - a0
        out["lagsta_produktionsvarde_praktik"] = None
        if slope > 0:
            need = -a0 / slope
            if need <= 0:
                out["lagsta_produktionsfaktor"] = 0.0
                out["lagsta_produktionsfaktor_text"] = "Arbetsgivaren går inte med förlust ens om personen inte producerar något."
            else:
                out["lagsta_produktionsfaktor"] = need
                out["lagsta_produktionsfaktor_text"] = (
                    f"Arbetsgivaren går jämnt upp vid en produktionsfaktor på {procent(need, 1)} "
                    f"av lönekostnaden.")
        else:
            out["lagsta_produktionsfaktor"] = None
            out["lagsta_produktionsfaktor_text"] = "Ingen brytpunkt: inga arbetade månader räknas in."

    # 3. Lowest monthly support with the employer >= 0.
    if m.praktik:
        out["lagsta_stod_per_manad"] = None
        out["lagsta_stod_text"] = "Anställningsstöd är inte aktuellt vid praktik."
    else:
        s_now = month.job.stod
        slope = m.n * f
        if slope > 0:
            need = s_now - tot.arbetsgivare / slope
            if need <= 0:
                out["lagsta_stod_per_manad"] = 0.0
                out["lagsta_stod_text"] = "Arbetsgivaren går inte med förlust även utan anställningsstöd."
            else:
                out["lagsta_stod_per_manad"] = need
                out["lagsta_stod_text"] = (
                    f"Arbetsgivaren behöver minst {kr(need)} i stöd per person och månad för att gå jämnt upp "
                    f"(i dag {kr(s_now)}).")
        else:
            out["lagsta_stod_per_manad"] = None
            out["lagsta_stod_text"] = "Ingen brytpunkt: inga arbetade månader räknas in."

    # 4. Months per person at which the buyer breaks even.
    per_month = getattr(month, m.buyer)
    slope = m.n * sc["fullfoljandegrad"] * keep * per_month
    const = buyer_total - slope * sc["manader"]
    if const >= 0:
        out["manader_till_brytpunkt"] = 0.0
        out["manader_till_brytpunkt_text"] = f"{buyer_name.capitalize()} har ett positivt resultat redan från första månaden."
    elif slope > 0:
        months = -const / slope
        out["manader_till_brytpunkt"] = months
        out["manader_till_brytpunkt_text"] = (
            f"{buyer_name.capitalize()} går jämnt upp efter {tal(months, 1)} månader per person.")
    else:
        out["manader_till_brytpunkt"] = None
        out["manader_till_brytpunkt_text"] = (
            f"{buyer_name.capitalize()} når aldrig brytpunkten: varje månad ger {kr(per_month)} per person "
            "för köparen, så fler månader förbättrar inte resultatet.")
    # Guard against overflow when almost no months count (e.g. fullföljandegrad ≈ 0).
    texts = {
        "max_upphandlingskostnad_och_bonus": "max_upphandlingskostnad_och_bonus_text",
        "lagsta_produktionsfaktor": "lagsta_produktionsfaktor_text",
        "lagsta_produktionsvarde_praktik": "lagsta_produktionsfaktor_text",
        "lagsta_stod_per_manad": "lagsta_stod_text",
        "manader_till_brytpunkt": "manader_till_brytpunkt_text",
    }
    for key, text_key in texts.items():
        value = out.get(key)
        if value is not None and not math.isfinite(value):
            out[key] = None
            out[text_key] = "Ingen brytpunkt kan beräknas: för få arbetade månader räknas in."
    return out


# --- warnings --------------------------------------------------------------------------------


def warnings(sc, m, month):
    """Swedish sentences about assumptions the user should know."""
    out = []
    year = sc["inkomstar"]
    if sc["dodvikt"] == 0 and sc["undantrangning"] == 0:
        out.append("Dödvikt och undanträngning är 0: resultatet förutsätter att personen annars hade "
                   "förblivit arbetslös och att ingen annan arbetssökande trängs undan.")
    if sc["efter_kravet"]["kvar_andel"] == 0 or sc["efter_kravet"]["ar"] == 0:
        out.append("Effekter efter kravperioden räknas inte med, som i Upphandlingsmyndighetens modell.")
    if not m.praktik:
        out.append("Skatten beräknas på årsinkomst (månadsbelopp × 12) med inkomstårets regler "
                   f"({year}); kyrkoavgift och begravningsavgift ingår inte.")
    if m.praktik and sc["anstallningsstod"]["typ"] != "ingen":
        out.append("Anställningsstöd räknas inte vid praktik eftersom ingen lön betalas.")
    if m.praktik and sc["efter_kravet"]["kvar_andel"] > 0 and sc["efter_kravet"]["ar"] > 0:
        out.append("Efter praktiken antas andelen som är kvar i arbete få en anställning med den angivna bruttolönen utan stöd.")
    if sc["alder"] == "18-22" and year == 2026:
        out.append("Den nedsatta arbetsgivaravgiften för 18–22-åringar gäller lön som betalas ut "
                   "1 april 2026–30 september 2027; modellen tillämpar den för hela inkomståret 2026.")
    if sc["alder"] == "66+":
        if year == 2026:
            out.append(f"2026 gäller den sänkta arbetsgivaravgiften ({procent(m.p['arbetsgivaravgift_aldre'])}) bara den som fyllt 67 år vid "
                       "årets ingång; för en 66-åring ska full avgift betalas.")
        out.append("För åldersgruppen 66+ används förhöjt grundavdrag och jobbskatteavdraget för äldre.")
    if not m.praktik and sc["bostadsbidrag"] > 0:
        out.append("Bostadsbidraget antas falla bort helt när personen börjar arbeta.")
    if not m.praktik and sc["forsorjningsstod"] > 0:
        out.append("Försörjningsstödet antas upphöra helt när personen börjar arbeta.")
    if not m.praktik and month.individ < 0:
        out.append("Individen får lägre disponibel inkomst med jobbet än med ersättningarna före. "
                   "Kontrollera lön, omfattning och ersättningar.")
    p = params.load(year)
    for key, pkey in (("indirekt_skatt", "indirekt_skatt"), ("diskonteringsranta", "diskonteringsranta")):
        if key == "diskonteringsranta" and not m.after_factor_base:
            continue
        if sc[key] == p[pkey]["value"] and not p[pkey]["verified"]:
            out.append(f"Standardvärdet för {scenario_mod.label(key).lower()} ({procent(sc[key])}) är ett "
                       "antagande som inte har kunnat verifieras mot en källa.")
    benefit = sc["statlig_ersattning"]
    bmap = {"etableringsersattning": "etableringsersattning_dag", "a-kassa": "a_kassa_dag"}
    if benefit["typ"] in bmap:
        pk = bmap[benefit["typ"]]
        if benefit["kr_per_dag"] == p[pk]["value"] and not p[pk]["verified"]:
            out.append(f"Standardbeloppet för {fields.option_label('statlig_ersattning.typ', benefit['typ']).lower()} "
                       f"({kr(benefit['kr_per_dag'])} per dag) är inte verifierat mot en källa.")
    if sc["kommunalskatt"] == p["kommunalskatt_genomsnitt"]["value"] and not p["kommunalskatt_genomsnitt"]["verified"]:
        out.append("Fördelningen av genomsnittlig kommunalskatt på kommun och region för inkomståret "
                   f"{year} är uppskattad; ange er egen kommuns och regions skattesats.")
    return out
