"""Swedish sentences about the assumptions behind a result that the user should know
(the result's "varningar").

    warnings(sc, model, month) -> (list[str], list[str])
        every sentence, and those among them that ask the user to check an input or say that
        a figure which moves the result a lot is not verified (the answer shows these beside
        its figures: the result's "kontrollera")
"""

from calculators.format import kr, procent, tal
from calculators.model import age_rules, fields, params


def warnings(sc, m, month):
    out, checks = [], []

    def check(text):
        out.append(text)
        checks.append(text)

    year = sc["inkomstar"]
    if sc["dodvikt"] == 0 and sc["undantrangning"] == 0:
        out.append("Dödvikt och undanträngning är 0: beräkningen förutsätter att personen annars hade "
                   "förblivit arbetslös och att ingen annan arbetssökande trängs undan. Med dödvikt eller "
                   "undanträngning blir både vinsterna och kostnaderna av kravet mindre.")
    if sc["efter_kravet"]["kvar_andel"] == 0 or sc["efter_kravet"]["ar"] == 0:
        out.append("Effekter efter kravperioden räknas inte med, som i Upphandlingsmyndighetens modell.")
    if not m.praktik:
        out.append("Skatten beräknas på årsinkomst (månadsbelopp × 12) med inkomstårets regler "
                   f"({year}); kyrkoavgift och begravningsavgift ingår inte.")
        out.extend(_equalisation(sc, m))
        if sc["bruttolon"] < 1000:
            # "24" typed for 24 000 kr gives a whole, wrong calculation without it.
            check(f"Bruttolönen {kr(sc['bruttolon'])} per månad vid heltid är mycket låg. Kontrollera att "
                  "beloppet står i kronor per månad, till exempel 24 000 och inte 24.")
        if sc["kommunalskatt"] > 0.25:
            check(f"Kommunalskatten {procent(sc['kommunalskatt'], 2)} är ovanligt hög för bara kommunens del. "
                  "Ange kommunens skattesats utan regionens, inte den sammanlagda.")
        out.extend(_age(sc, m))
        out.extend(_support(sc, m))
    if m.pass_share == 0 and not m.praktik:
        out.append("Leverantören antas inte ta betalt för kravets kostnad i priset: arbetsgivaren bär den själv.")
    if m.praktik and sc["anstallningsstod"]["typ"] != "ingen":
        out.append("Anställningsstöd räknas inte vid praktik eftersom ingen lön betalas.")
    if m.praktik and sc["efter_kravet"]["kvar_andel"] > 0 and sc["efter_kravet"]["ar"] > 0:
        out.append("Efter praktiken antas andelen som är kvar i arbete få en anställning med den angivna bruttolönen utan stöd.")
    if not m.praktik and sc["bostadsbidrag"] > 0:
        out.append("Bostadsbidraget antas falla bort helt när personen börjar arbeta.")
    if not m.praktik and sc["forsorjningsstod"] > 0:
        out.append("Försörjningsstödet antas upphöra helt när personen börjar arbeta, varje månad kravet varar. Det "
                   "påverkas inte av utjämningen: kommunen behåller hela besparingen.")
        p = params.load(sc["inkomstar"])
        if sc["forsorjningsstod"] == p["forsorjningsstod_manad"]["value"] and not p["forsorjningsstod_manad"]["verified"]:
            check(f"Försörjningsstödet {kr(sc['forsorjningsstod'])} per månad är ett härlett riksgenomsnitt per "
                  "hushåll och månad med stöd, inte verifierat. Det är ofta den största posten för kommunen: "
                  "ange kommunens egen uppgift för de personer som är aktuella.")
    if not m.praktik and month.individ < 0:
        check("Individen får lägre disponibel inkomst med jobbet än med ersättningarna före. "
              "Kontrollera lön, omfattning och ersättningar.")
    out.extend(_unverified_defaults(sc, m))
    return out, checks


def _equalisation(sc, m):
    kind = sc["utjamning"]
    if kind == "ingen":
        return ["Räknat utan kommunalekonomisk utjämning: kommunen och regionen behåller hela skatten på "
                "lönen. De flesta kommuner och regioner gör inte det."]
    # Rounded first, so that the sentence's own arithmetic holds (20,69 − 19,61 = 1,08).
    tax, lost = round(100 * sc["kommunalskatt"], 2), round(100 * m.eq_kommun, 2)
    change = f"får {tal(lost, 2)} kr mindre i utjämningsbidrag" if kind == "bidrag" else f"betalar {tal(lost, 2)} kr mer i utjämningsavgift"
    kept = (f"så den behåller {tal(tax - lost, 2)} kr; staten får resten" if tax >= lost else
            f"så den förlorar {tal(lost - tax, 2)} kr; staten får mer än skatten")
    return [f"Av varje 100 kr i ökat skatteunderlag får kommunen {tal(tax, 2)} kr i skatt men {change}, {kept}. "
            "Satsen är medianen för länen (se Så räknar vi). "
            "Utjämningen ändras ungefär två år senare; den räknas här till samma år som skatten."]


def _age(sc, m):
    out = []
    age, year, p = m.age, m.year, m.p
    born = age_rules.birth_year(age, year)
    young = p["arbetsgivaravgift_ung_alder"]
    if p["arbetsgivaravgift_ung_manader"] and young["fran"] <= age <= young["till"]:
        out.append(f"Den nedsatta arbetsgivaravgiften för unga gäller lön som betalas ut från 1 april {year}; "
                   f"modellen räknar med {p['arbetsgivaravgift_ung_manader']:g} av årets 12 månader.")
    older = p["arbetsgivaravgift_aldre_fodda"]
    if born < older["fran"]:
        out.append(f"För den som är född {older['fran'] - 1} eller tidigare betalas ingen arbetsgivaravgift.")
    elif born <= older["till"]:
        out.append(f"För den som är född {older['fran']}–{older['till']} betalas bara ålderspensionsavgiften "
                   f"({procent(p['arbetsgivaravgift_aldre'])}) som arbetsgivaravgift.")
    elif m.older_tax:
        out.append(f"Sänkt arbetsgivaravgift gäller {year} bara den som är född {older['till']} eller tidigare; "
                   f"för en {age}-åring betalas full avgift.")
    if m.older_tax:
        out.append(f"För den som fyllt {p['aldersgrans_aldre_skatteregler']} år vid årets ingång används förhöjt "
                   "grundavdrag och jobbskatteavdraget för äldre.")
    return out


def _support(sc, m):
    if m.support_kind != "nystartsjobb":
        return []
    months, age = m.support_months, m.age
    if months == 0:
        bands = m.p["nystartsjobb_alder"]
        return [f"Nystartsjobb ges bara till den som är {bands[0]['fran']}–{bands[-1]['till']} år: "
                f"inget stöd räknas för en {age}-åring."]
    if months < sc["manader"]:
        return [f"Nystartsjobb betalas högst {months:g} månader för en {age}-åring: stödet räknas för "
                f"{months:g} av kravets {sc['manader']:g} månader."]
    return []


def _unverified_defaults(sc, m):
    out = []
    p = params.load(sc["inkomstar"])
    for key in ("indirekt_skatt", "diskonteringsranta"):
        if key == "diskonteringsranta" and not m.after_factor(sc["manader"]):
            continue
        if sc[key] == p[key]["value"] and not p[key]["verified"]:
            out.append(f"Standardvärdet för {fields.label(key).lower()} ({procent(sc[key])}) är ett "
                       "antagande som inte har kunnat verifieras mot en källa.")
    benefit = sc["statlig_ersattning"]
    option = fields.field("statlig_ersattning.typ").option(benefit["typ"])
    pk = option.default_param if option else None
    if pk and benefit["kr_per_dag"] == p[pk]["value"] and not p[pk]["verified"]:
        out.append(f"Standardbeloppet för {option.label.lower()} ({kr(benefit['kr_per_dag'])} per dag) "
                   "är ett antagande; ange personens eget belopp.")
    if sc["kommunalskatt"] == p["kommunalskatt_genomsnitt"]["value"] and not p["kommunalskatt_genomsnitt"]["verified"]:
        out.append("Fördelningen av genomsnittlig kommunalskatt på kommun och region för inkomståret "
                   f"{sc['inkomstar']} är uppskattad; ange er egen kommuns och regions skattesats.")
    return out
