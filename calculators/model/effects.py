"""The impact model: who gains and who pays when a person leaves unemployment for a job.

`evaluate(scenario) -> dict` validates a scenario (format version 2; version 1 is read with
its old meaning) and returns the result in result format version 2 (see berakningsmodell.md):

    {"version": 2, "scenario": {...}, "per_person_och_manad": {...}, "per_person": {...},
     "totalt": {...}, "brytpunkter": {...}, "varningar": [...], "kontrollera": [...], "aldre_format": [...],
     "delposter": {...}, "engangsposter": {...}, "efter_kravet": {...}}

All amounts are kronor, unrounded. `Model` is the prepared core that the Monte Carlo and the
sensitivity analysis call many times; `evaluate` uses the same core, so there is one code path
for every number.

Per person and month in employment (W = bruttolön × omfattning; a(W) the employer
contribution for the person's age and year, of which P(W) is ålderspensionsavgift; LK = W +
a(W); S = support; H = supervision; Bk = försörjningsstöd; Bs = state benefit; BB =
bostadsbidrag; ΔU = the change in beskattningsbar inkomst; u_k, u_r = the equalisation rates;
taxes on annual income (× 12) for the income year, divided by 12):

    Individ          = (W − tax on W) − (Bk + Bs + BB − tax on Bs)
    Kommun           = Δ kommunal tax − u_k·ΔU + Bk
    Region           = Δ regional tax − u_r·ΔU
    Pensionssystemet = P(W) + Δ allmän pensionsavgift
    Stat             = a(W) − P(W) + Δ state tax (without the allmän pensionsavgift; net of its
                       skattereduktion, jobbskatteavdrag and other reductions) + (u_k + u_r)·ΔU
                       + indirect tax on the individual's gain + Bs + BB − S
    Arbetsgivare     = production − LK + S − H,  production = pf · W · (1 + full rate)

The supplier prices its net cost of the requirement (when it is a cost) into the bid: that
share (leverantorens_kostnad_i_priset) moves from the employer to the buyer. The actors sum to
summa_aktorer = production − H + indirect tax (− one-off real costs), so
summa_aktorer − indirekt_skatt = samhallsekonomiskt_netto.
"""

from typing import NamedTuple

from calculators.format import kr
from calculators.model import actors, age_rules, equalisation, fields, params, scenario as scenario_mod, tax as tax_mod

ACTORS = actors.ACTORS
VERSION = 2


class Job(NamedTuple):
    """One person's month in employment, kronor."""
    lon: float
    arbetsgivaravgift: float
    lonekostnad: float
    stod: float
    skatt: tax_mod.TaxResult


class Month(NamedTuple):
    """One person's month: what each actor gains (kronor), the production and the indirect tax
    in it, and the employment's figures (None in praktik)."""
    individ: float
    kommun: float
    region: float
    stat: float
    pensionssystemet: float
    arbetsgivare: float
    produktion: float
    indirekt_skatt: float
    job: Job | None = None

    def actors(self):
        return self[:len(ACTORS)]


class Totals(NamedTuple):
    """The whole period for all persons, kronor (the result's "totalt")."""
    individ: float
    kommun: float
    region: float
    stat: float
    pensionssystemet: float
    arbetsgivare: float
    summa_aktorer: float
    indirekt_skatt: float
    samhallsekonomiskt_netto: float


assert Month._fields[:len(ACTORS)] == ACTORS == Totals._fields[:len(ACTORS)]
_NOTHING = Month(*(0.0,) * (len(Month._fields) - 1))
_BUYER_INDEX = {a: i for i, a in enumerate(ACTORS)}


def _blend(a, b, share_a):
    """The average month when `share_a` of the months look like `a` and the rest like `b`."""
    mix = [x * share_a + y * (1.0 - share_a) for x, y in zip(a[:-1], b[:-1])]
    job = a.job._replace(stod=a.job.stod * share_a + b.job.stod * (1.0 - share_a))
    return Month(*mix, job)


def passed_on(employer_net, share):
    """What the buyer pays the supplier for the requirement: `share` of the employer's net cost
    (nothing when the employer gains)."""
    return share * -employer_net if employer_net < 0 else 0.0


class Model:
    """A validated scenario prepared for fast repeated evaluation.

    `Model(sc)` takes a scenario that `scenario.validate` returned. `totals(...)` returns the
    whole-period `Totals` for given values of the uncertain inputs.
    """

    def __init__(self, sc):
        self.sc = sc
        year = sc["inkomstar"]
        p = params.values(year)
        self.p = p
        self.year = year
        self.praktik = sc["sysselsattningstyp"] == "praktik"
        self.age = sc["alder"]
        self.older_tax = age_rules.older_tax_rules(self.age, p)
        self.fee = age_rules.employer_fee(self.age, year, p)
        self.n = sc["antal_personer"]
        self.omf = sc["omfattning"]
        self.kommunalskatt = sc["kommunalskatt"]
        self.regionskatt = sc["regionskatt"]
        self.indirect_rate = sc["indirekt_skatt"]
        self.buyer = sc["upphandlande_organisation"]  # "kommun", "region" or "stat": an actor
        self.eq_kommun, self.eq_region = equalisation.rates(sc["utjamning"], p)
        self.pass_share = sc["leverantorens_kostnad_i_priset"]

        self.a_full = p["arbetsgivaravgift"]
        sup = sc["anstallningsstod"]
        self.support_kind = "ingen" if self.praktik else sup["typ"]
        self.support = sup
        self.nsj_cap = p["nystartsjobb_tak"]
        # Months of the requirement with support (nystartsjobb is paid for a limited time by age).
        self.support_months = (age_rules.nystartsjobb_months(self.age, p)
                               if self.support_kind == "nystartsjobb" else float("inf"))

        # The supervisor is assumed to pay the full contribution rate.
        self.supervision = sc["handledare_lon"] * (1.0 + self.a_full) * sc["handledning_andel"]
        self.praktik_value = sc["produktionsvarde_praktik"]

        # The person before the job, per month.
        benefit = sc["statlig_ersattning"]
        self.welfare = sc["forsorjningsstod"]
        self.benefit = benefit["kr_per_dag"] * p["ersattningsdagar_per_manad"]
        self.housing = sc["bostadsbidrag"]
        taxable = self.benefit if benefit["typ"] in ("aktivitetsstod", "a-kassa") else 0.0
        self.benefit_taxable = taxable
        before = tax_mod.income_tax(0.0, 12.0 * taxable, self.kommunalskatt, self.regionskatt, p, self.older_tax)
        self.tax_before = before
        # Net income before the job, without försörjningsstöd (which the uncertainty analysis varies).
        self.net_before_other = self.benefit + self.housing - before.total / 12.0

        # One-off items.
        self.proc = sc["upphandlingskostnad"]
        self.bonus = sc["bonus"]
        self.admin = sc["administration_arbetsgivare"]
        self.match = sc["matchningskostnad"]

        after = sc["efter_kravet"]
        self.after_share = after["kvar_andel"]
        self.after_years = after["ar"]
        self.rate = sc["diskonteringsranta"]
        self._months = {}

    # --- per person and month -------------------------------------------------------------

    def support_amount(self, w, fee_on):
        """The month's employment support (kronor) for monthly wage `w`; `fee_on(x)` is the
        contribution on a wage x."""
        kind = self.support_kind
        if kind == "ingen":
            return 0.0
        if kind == "nystartsjobb":
            cap = self.nsj_cap * self.omf
            return self.support["antal_avgifter"] * fee_on(w if w < cap else cap)
        if kind == "lonebidrag":
            # The cap is on the wage; the contributions on the part below it count too.
            cap = self.support["tak"] * self.omf
            base = w if w < cap else cap
            return self.support["andel"] * (base + fee_on(base))
        return float(self.support["kr_per_manad"])

    def employment_month(self, wage_full, pf, with_support=True, welfare=None) -> Month:
        """Per person and month in employment (the last few are kept: break-even searches ask
        for the same month many times). `welfare`: försörjningsstöd before, if not the scenario's."""
        if welfare is None:
            welfare = self.welfare
        key = (wage_full, pf, with_support, welfare)
        month = self._months.get(key)
        if month is None:
            if len(self._months) > 8:
                self._months.clear()
            month = self._months[key] = self._employment_month(wage_full, pf, with_support, welfare)
        return month

    def _employment_month(self, wage_full, pf, with_support, welfare):
        w = wage_full * self.omf
        fee_on = self.fee.amount
        fee = fee_on(w)
        pension_fee = self.fee.pension_part(w)
        lk = w + fee
        support = self.support_amount(w, fee_on) if with_support else 0.0
        t = tax_mod.income_tax(12.0 * w, 0.0, self.kommunalskatt, self.regionskatt, self.p, self.older_tax)
        b = self.tax_before
        base_change = (t.bfi - b.bfi) / 12.0
        eq_k = self.eq_kommun * base_change
        eq_r = self.eq_region * base_change
        individ = w - t.total / 12.0 - self.net_before_other - welfare
        kommun = (t.kommunal - b.kommunal) / 12.0 - eq_k + welfare
        region = (t.regional - b.regional) / 12.0 - eq_r
        pension = pension_fee + (t.pensionsavgift - b.pensionsavgift) / 12.0
        indirect = self.indirect_rate * individ
        state_tax = ((t.state - t.pensionsavgift) - (b.state - b.pensionsavgift)) / 12.0
        stat = (fee - pension_fee + state_tax + eq_k + eq_r + indirect
                + self.benefit + self.housing - support)
        production = pf * w * (1.0 + self.a_full)
        arbetsgivare = production - lk + support - self.supervision
        return Month(individ, kommun, region, stat, pension, arbetsgivare, production, indirect,
                     Job(w, fee, lk, support, t))

    def requirement_month(self, wage_full, pf, manader, welfare=None) -> Month:
        """The average month per person during a requirement of `manader` months."""
        if self.praktik:
            value = self.praktik_value
            return Month(0.0, 0.0, 0.0, 0.0, 0.0, value - self.supervision, value, 0.0)
        supported = self.employment_month(wage_full, pf, True, welfare)
        if self.support_months >= manader:
            return supported
        unsupported = self.employment_month(wage_full, pf, False, welfare)
        return _blend(supported, unsupported, self.support_months / manader)

    def after_factor(self, manader):
        """Discounted months per person after the requirement (before dödvikt etc.): each year
        after it is discounted by the time since the requirement began."""
        if not self.after_share or not self.after_years:
            return 0.0
        start = manader / 12.0
        return self.after_share * 12.0 * sum(
            (1.0 + self.rate) ** -(start + y) for y in range(self.after_years))

    # --- whole period -----------------------------------------------------------------------

    def totals(self, pf, dodvikt, undantrangning, fullfoljandegrad, manader, wage_full,
               pass_share=None, welfare=None) -> Totals:
        """Whole-period totals for all persons incl. one-off items and years after."""
        keep = (1.0 - dodvikt) * (1.0 - undantrangning)
        n = self.n
        m = self.requirement_month(wage_full, pf, manader, welfare)
        during = n * manader * fullfoljandegrad * keep
        months_after = self.after_factor(manader) * keep
        a = self.employment_month(wage_full, pf, False, welfare) if months_after else _NOTHING
        after = n * months_after
        sums = [x * during + y * after for x, y in zip(m.actors(), a.actors())]
        k, r, s = _BUYER_INDEX["kommun"], _BUYER_INDEX["region"], _BUYER_INDEX["stat"]
        e = _BUYER_INDEX["arbetsgivare"]
        sums[k] -= self.match * n
        employer_requirement = m.arbetsgivare * during - self.admin * n
        moved = passed_on(employer_requirement, self.pass_share if pass_share is None else pass_share)
        sums[e] += self.bonus - self.admin * n + moved
        sums[_BUYER_INDEX[self.buyer]] -= self.proc + self.bonus + moved
        indirect = m.indirekt_skatt * during + a.indirekt_skatt * after
        netto = ((m.produktion - self.supervision) * during + (a.produktion - self.supervision) * after
                 - self.admin * n - self.proc - self.match * n)
        return Totals(*sums, sum(sums), indirect, netto)

    def base_args(self):
        sc = self.sc
        return (sc["produktionsfaktor"], sc["dodvikt"], sc["undantrangning"], sc["fullfoljandegrad"],
                sc["manader"], sc["bruttolon"])

    def base_totals(self):
        return self.totals(*self.base_args())

    def counted_months(self):
        """Months per person that count during the requirement."""
        sc = self.sc
        return sc["manader"] * sc["fullfoljandegrad"] * (1.0 - sc["dodvikt"]) * (1.0 - sc["undantrangning"])


def _actor_dict(values):
    return {a: float(v) for a, v in zip(ACTORS, values)}


def _attributed(month, m):
    """A month's actor values with the supplier's priced-in cost moved to the buyer."""
    values = list(month.actors())
    moved = passed_on(month.arbetsgivare, m.pass_share)
    values[_BUYER_INDEX["arbetsgivare"]] += moved
    values[_BUYER_INDEX[m.buyer]] -= moved
    return values


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
    """Evaluate a scenario dict (format version 2 or 1) and return the result dict (version 2).

    Raises `calculators.errors.InputError` with Swedish messages for invalid input.
    """
    sc = scenario_mod.validate(scenario)
    result = evaluate_validated(sc)
    result["aldre_format"] = upgrade_notes(scenario, result)
    return result


def upgrade_notes(data, result):
    """What reading a version-1 scenario changed, with what today's choices would give the buyer."""
    notes = scenario_mod.upgrade_notes(data)
    if not notes:
        return notes
    sc = result["scenario"]
    today = {key: fields.default(key, params.values(sc["inkomstar"])) for key in scenario_mod.V1_MEANING}
    now = Model(dict(sc, **today)).base_totals()
    buyer = sc["upphandlande_organisation"]
    name = fields.definite_names("upphandlande_organisation")[buyer]
    notes.insert(1, f"Räknat som i dag, med standardvalen för {fields.label('utjamning').lower()} och "
                    f"{fields.label('leverantorens_kostnad_i_priset').lower()}, blir {name}s resultat "
                    f"{kr(getattr(now, buyer))} i stället för {kr(result['totalt'][buyer])}.")
    return notes


def evaluate_validated(sc, model=None):
    """Like `evaluate` for a scenario that `scenario.validate` already returned."""
    from calculators.model import breakeven, caveats  # they build on this module

    m = model or Model(sc)
    month = m.requirement_month(sc["bruttolon"], sc["produktionsfaktor"], sc["manader"])
    f = m.counted_months()
    tot = m.base_totals()
    attributed = _attributed(month, m)
    result = {
        "version": VERSION,
        "scenario": sc,
        "per_person_och_manad": _actor_dict(attributed),
        "per_person": _actor_dict(v * f for v in attributed),
        "totalt": tot._asdict(),
        "aldre_format": [],
    }
    result["brytpunkter"] = breakeven.break_even(m, tot)
    result["varningar"], result["kontrollera"] = caveats.warnings(sc, m, month)
    result["engangsposter"] = {
        "upphandlingskostnad": float(sc["upphandlingskostnad"]),
        "bonus": float(sc["bonus"]),
        "administration_arbetsgivare_totalt": float(sc["administration_arbetsgivare"] * m.n),
        "matchningskostnad_totalt": float(sc["matchningskostnad"] * m.n),
        "betalas_av": sc["upphandlande_organisation"],
    }
    result["efter_kravet"] = _after_summary(m)
    result["delposter"] = _details(m, month)
    result["delposter"]["leverantorens_kostnad_i_priset"] = {
        "per_person_och_manad": passed_on(month.arbetsgivare, m.pass_share),
        "totalt": priced_in(m, tot),
        "betalas_av": sc["upphandlande_organisation"],
    }
    return result


def priced_in(m, tot):
    """What the buyer pays for the supplier's cost of the requirement, whole period (kronor);
    `tot` is the scenario's totals, already computed."""
    return tot.arbetsgivare - m.totals(*m.base_args(), pass_share=0.0).arbetsgivare


def _after_summary(m):
    sc = m.sc
    months = m.after_factor(sc["manader"]) * (1.0 - sc["dodvikt"]) * (1.0 - sc["undantrangning"]) * m.n
    if not months:
        return {"ingar": False, "totalt": _actor_dict((0.0,) * len(ACTORS))}
    a = m.employment_month(sc["bruttolon"], sc["produktionsfaktor"], False)
    return {"ingar": True, "totalt": _actor_dict(v * months for v in a.actors())}


def _details(m, month):
    b = m.tax_before
    d = {
        "handledning_per_manad": m.supervision,
        "fore": {
            "forsorjningsstod": float(m.welfare),
            "statlig_ersattning": m.benefit,
            "statlig_ersattning_skattepliktig": m.benefit_taxable,
            "bostadsbidrag": float(m.housing),
            "skatt_per_manad": b.total / 12.0,
            "netto_per_manad": m.net_before_other + m.welfare,
            "skatt_per_ar": _tax_dict(b),
        },
    }
    job = month.job
    if job is None:
        d["efter"] = {"produktionsvarde": month.produktion}
        return d
    t = job.skatt
    base_change = (t.bfi - b.bfi) / 12.0
    d["efter"] = {
        "lon": job.lon,
        "arbetsgivaravgift": job.arbetsgivaravgift,
        "alderspensionsavgift": m.fee.pension_part(job.lon),
        "lonekostnad": job.lonekostnad,
        "stod": job.stod,
        "manader_med_stod": min(m.support_months, m.sc["manader"]),
        "produktionsvarde": month.produktion,
        "skatt_per_manad": t.total / 12.0,
        "netto_per_manad": job.lon - t.total / 12.0,
        "skatt_per_ar": _tax_dict(t),
    }
    # Where the kommun's and the region's figures come from, per person and month.
    d["kommunen_per_manad"] = {
        "kommunalskatt": (t.kommunal - b.kommunal) / 12.0,
        "utjamning": -m.eq_kommun * base_change,
        "forsorjningsstod": float(m.welfare),
    }
    d["regionen_per_manad"] = {
        "regionskatt": (t.regional - b.regional) / 12.0,
        "utjamning": -m.eq_region * base_change,
    }
    return d
