"""What the person's age decides, by income year: the employer contribution, the tax rules for
older people and how long nystartsjobb is paid.

`alder` in a scenario is the age at the start of the income year, because that is how the
rules are worded ("fyllt 66 år vid årets ingång", "fyllt 18 men inte 23 år vid årets
ingång"); the person is then born in inkomstar − alder − 1. The figures are parameters
(parametrar-<år>.toml); this module only applies them.
"""

from typing import NamedTuple


class EmployerFee(NamedTuple):
    """The employer contribution for one person in one income year.

    `rate` is charged on the monthly wage up to `cap` and `full` above it (rates are an
    average over the year when a reduction applies only for some months); `pension` is the
    ålderspensionsavgift, the part of the contribution that funds the person's pension.
    """
    rate: float
    cap: float
    full: float
    pension: float

    def amount(self, wage):
        """Contribution in kronor on a monthly wage."""
        if wage <= self.cap:
            return wage * self.rate
        return self.cap * self.rate + (wage - self.cap) * self.full

    def pension_part(self, wage):
        """The ålderspensionsavgift in kronor on a monthly wage."""
        return wage * self.pension


def birth_year(age, year):
    return year - age - 1


def employer_fee(age, year, p):
    """The contribution rules that apply to a person of `age` (at the start of `year`)."""
    full = p["arbetsgivaravgift"]
    pension = p["alderspensionsavgift"]
    born = birth_year(age, year)
    older = p["arbetsgivaravgift_aldre_fodda"]
    if born < older["fran"]:
        return EmployerFee(0.0, float("inf"), 0.0, 0.0)  # born 1937 or earlier: no contribution
    if born <= older["till"]:
        return EmployerFee(p["arbetsgivaravgift_aldre"], float("inf"), full, pension)
    young = p["arbetsgivaravgift_ung_alder"]
    share = p["arbetsgivaravgift_ung_manader"] / 12.0
    if share > 0 and young["fran"] <= age <= young["till"]:
        # The reduced rate applies for some months of the year: an average over the year.
        rate = share * p["arbetsgivaravgift_ung"] + (1.0 - share) * full
        return EmployerFee(rate, p["arbetsgivaravgift_ung_tak"], full, pension)
    return EmployerFee(full, float("inf"), full, pension)


def older_tax_rules(age, p):
    """Whether förhöjt grundavdrag and the older people's jobbskatteavdrag apply."""
    return age >= p["aldersgrans_aldre_skatteregler"]


def nystartsjobb_months(age, p):
    """The most months nystartsjobb can be paid for a person of `age`; 0 when not at all."""
    for band in p["nystartsjobb_alder"]:
        if band["fran"] <= age <= band["till"]:
            return band["manader"]
    return 0
