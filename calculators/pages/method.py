"""The method page "Så räknar vi", generated from the same parameter data and model.

`render_method_markdown() -> str` returns the Swedish page (Material for MkDocs Markdown):
every formula in words, every parameter per income year with value, unit, year, source link
and a visible mark where it is not verified, what the model leaves out, and the
Upphandlingsmyndigheten 2019 worked example run through this model (`agency_example()`).
"""

from calculators.format import kr, procent, tal
from calculators.model import actors, effects, fields, params, scenario

EXAMPLE_YEAR = 2026


def agency_example_choices():
    """What we chose where the agency's example is silent or the rules have changed."""
    sc = agency_example_scenario()
    return (
        (fields.label("inkomstar"), f"{sc['inkomstar']} års skatteregler och parametrar"),
        (fields.label("upphandlande_organisation"),
         fields.option_label("upphandlande_organisation", sc["upphandlande_organisation"])),
        (fields.label("anstallningsstod"), f"nystartsjobb med {tal(sc['anstallningsstod']['antal_avgifter'])} arbetsgivaravgifter "
                              "(så att, som i exemplet, alla aktörer går plus; i dag ger stödet minst en avgift)"),
        (fields.label("alder"), f"{sc['alder']} år (exemplet: 26–67 år)"),
        (fields.label("statlig_ersattning"), f"etableringsersättning {kr(sc['statlig_ersattning']['kr_per_dag'])} per dag, fem dagar i "
                             "veckan (nyanländ, ingen a-kassa)"),
        (fields.label("bostadsbidrag"), f"{kr(sc['bostadsbidrag'])} per månad (exemplet anger bostadsbidrag men inget belopp; "
                                "vårt antagande)"),
        ("Kommunal- och regionskatt", f"genomsnitt {sc['inkomstar']} ({procent(sc['kommunalskatt'])} + "
                                       f"{procent(sc['regionskatt'])})"),
        (fields.label("indirekt_skatt"), f"standardvärdet {procent(sc['indirekt_skatt'])} av individens ökade disponibla inkomst"),
        ("Dödvikt, undanträngning", f"{procent(sc['dodvikt'])} och {procent(sc['undantrangning'])}, som i myndighetens "
                                     f"modell; fullföljandegrad {procent(sc['fullfoljandegrad'])}; inga år efter kravet"),
    )


def agency_example_scenario():
    """Upphandlingsmyndighetens 2019 example with comparable 2026 parameters."""
    sc = scenario.default_scenario(EXAMPLE_YEAR)
    p = params.values(EXAMPLE_YEAR)
    sc.update({
        "upphandlande_organisation": "kommun",
        "sysselsattningstyp": "anstallning",
        "antal_personer": 1,
        "manader": 12,
        "omfattning": 1.0,
        "bruttolon": 20500,
        "alder": 35,
        "anstallningsstod": {"typ": "nystartsjobb", "antal_avgifter": 2},
        "produktionsfaktor": 0.8,
        "handledare_lon": 30000,
        "handledning_andel": 0.1,
        "administration_arbetsgivare": 10000,
        "upphandlingskostnad": 40000,
        "matchningskostnad": 0,
        "bonus": 0,
        "forsorjningsstod": 0,
        "statlig_ersattning": {"typ": "etableringsersattning", "kr_per_dag": p["etableringsersattning_dag"]},
        "bostadsbidrag": 1000,
        # As the agency computed it: no equalisation, the supplier's cost not in the price.
        "utjamning": "ingen",
        "leverantorens_kostnad_i_priset": 0.0,
    })
    return sc


# What this model corrects in the agency's way of computing, one step at a time.
CORRECTIONS = (
    ("utjamning", "bidrag", "+ utjämning"),
    ("leverantorens_kostnad_i_priset", 1.0, "+ kostnaden i priset"),
)


def agency_example():
    """The evaluated agency example as the agency computed it (result format v2)."""
    return effects.evaluate(agency_example_scenario())


def agency_example_steps():
    """[(description, result)]: the example as computed, then with each correction added."""
    sc = agency_example_scenario()
    steps = [("Som myndigheten räknade", effects.evaluate(sc))]
    for key, value, text in CORRECTIONS:
        sc = dict(sc, **{key: value})
        steps.append((text, effects.evaluate(sc)))
    return steps


def flow_example_scenario():
    """The scenario the item-by-item example follows: the calculator's default."""
    return scenario.default_scenario(EXAMPLE_YEAR)


def flow_table():
    """Markdown lines: the default scenario's month, item by item, with where each figure comes from."""
    r = effects.evaluate(flow_example_scenario())
    sc, p = r["scenario"], params.values(EXAMPLE_YEAR)
    after, before = r["delposter"]["efter"], r["delposter"]["fore"]
    ta, tb = after["skatt_per_ar"], before["skatt_per_ar"]
    k, reg = r["delposter"]["kommunen_per_manad"], r["delposter"]["regionen_per_manad"]
    m = r["per_person_och_manad"]
    priced = r["delposter"]["leverantorens_kostnad_i_priset"]["per_person_och_manad"]
    buyer = fields.definite_names("upphandlande_organisation")[sc["upphandlande_organisation"]]
    rows = [
        ("Lön", after["lon"], f"{fields.label('bruttolon')} × {fields.label('omfattning').lower()}"),
        ("Arbetsgivaravgift", after["arbetsgivaravgift"], f"{procent(p['arbetsgivaravgift'])} av lönen"),
        ("varav ålderspensionsavgift (till pensionssystemet)", after["alderspensionsavgift"],
         f"{procent(p['alderspensionsavgift'])} av lönen"),
        ("Anställningsstöd (nystartsjobb)", after["stod"],
         f"{tal(sc['anstallningsstod']['antal_avgifter'])} arbetsgivaravgift på lön upp till {kr(p['nystartsjobb_tak'])}"),
        ("Produktionsvärde", after["produktionsvarde"],
         f"{procent(sc['produktionsfaktor'])} × lönen × (1 + {procent(p['arbetsgivaravgift'])})"),
        ("Ersättning före (aktivitetsstöd)", before["statlig_ersattning"],
         f"{kr(sc['statlig_ersattning']['kr_per_dag'])} per dag × {tal(p['ersattningsdagar_per_manad'], 2)} dagar"),
        ("Kommunalskatt efter minus före", k["kommunalskatt"],
         f"{procent(sc['kommunalskatt'])} × (beskattningsbar inkomst {kr(ta['beskattningsbar_inkomst'])} − "
         f"{kr(tb['beskattningsbar_inkomst'])} per år) / 12"),
        ("Kommunens minskade utjämningsbidrag", k["utjamning"],
         f"{procent(p['utjamning_kommun']['bidrag'], 3)} av ökningen av den beskattningsbara inkomsten"),
        ("Regionskatt efter minus före", reg["regionskatt"], f"{procent(sc['regionskatt'])} på samma sätt"),
        ("Regionens minskade utjämningsbidrag", reg["utjamning"],
         f"{procent(p['utjamning_region']['bidrag'], 3)} av samma ökning"),
        ("Handledning", r["delposter"]["handledning_per_manad"],
         f"{procent(sc['handledning_andel'])} av en handledare med {kr(sc['handledare_lon'])} i lön, med full arbetsgivaravgift"),
        (f"Arbetsgivarens kostnad för kravet, i priset till {buyer}", -priced,
         f"{procent(sc['leverantorens_kostnad_i_priset'])} av produktionsvärdet − lönekostnaden + stödet − handledningen"),
    ]
    lines = ["| Post | Per månad | Så räknas den |", "|---|---:|---|"]
    lines += [f"| {name} | {kr(value)} | {how} |" for name, value, how in rows]
    lines += ["", "| Aktör | Per person och månad |", "|---|---:|"]
    lines += [f"| {actors.label(a)} | {kr(m[a])} |" for a in effects.ACTORS]
    return lines


def _value_text(table):
    value = table["value"]
    unit = table["unit"]
    if isinstance(value, list) and value and "manader" in value[0]:
        return "; ".join(f"{b['fran']}–{b['till']} år: {b['manader']} {unit}" for b in value)
    if isinstance(value, dict) and set(value) == {"fran", "till"}:
        return f"{value['fran']}–{value['till']} ({unit})"
    if isinstance(value, dict) and set(value) == {"bidrag", "avgift"}:
        return f"bidrag {procent(value['bidrag'], 3)}, avgift {procent(value['avgift'], 2)}"
    if isinstance(value, list):
        parts = []
        for seg in value:
            upper = "och uppåt" if seg["upp_till"] == float("inf") else f"upp till {tal(seg['upp_till'], 3).rstrip('0').rstrip(',')} pbb"
            expr = f"{tal(seg['konstant'], 4).rstrip('0').rstrip(',')} pbb"
            if seg["andel"]:
                base = "x" if not seg["fran"] else f"(x − {tal(seg['fran'], 3).rstrip('0').rstrip(',')} pbb)"
                sign = "+" if seg["andel"] > 0 else "−"
                expr += f" {sign} {procent(abs(seg['andel']))} av {base}"
            parts.append(f"{upper}: {expr}")
        return "; ".join(parts)
    if isinstance(value, dict):
        labels = {"andel": "andel", "max": "högst", "golv_pbb": "golv (pbb)", "belopp": "belopp",
                  "nedre": "nedre gräns", "ovre": "övre gräns"}
        shown = []
        for k, v in value.items():
            if k in ("andel",):
                shown.append(f"{labels[k]} {procent(v)}")
            elif k == "golv_pbb":
                shown.append(f"{labels[k]} {tal(v, 3)}")
            else:
                shown.append(f"{labels.get(k, k)} {kr(v)}")
        return ", ".join(shown)
    if unit.startswith("andel"):
        return procent(value)
    if unit.startswith("kr"):
        return kr(value) + unit[2:]
    if isinstance(value, float) and not value.is_integer():
        return f"{tal(value, 2)} {unit}"
    return f"{tal(value)} {unit}"


def _parameter_table(year):
    tables = params.load(year)
    lines = [
        "| Parameter | Värde | Gäller år | Källa |",
        "|---|---|---|---|",
    ]
    for table in tables.values():
        mark = "" if table["verified"] else " **(ej verifierad)**"
        lines.append(
            f"| {table['namn']}{mark} | {_value_text(table)} | {table['year']} | "
            f"[källa]({table['source']}) — {table['note']} |"
        )
    return "\n".join(lines)


def _middle_band_and_cap(year):
    """The jobbskatteavdrag's rate in its middle band and its cap in prisbasbelopp."""
    segments = params.values(year)["jobbskatteavdrag"]
    return segments[2]["andel"], segments[-1]["konstant"]


def _pbb(x):
    return tal(x, 3).rstrip("0").rstrip(",")


def render_method_markdown():
    """The Swedish method page "Så räknar vi" as Markdown."""
    p26 = params.values(2026)
    band26, cap26 = _middle_band_and_cap(2026)
    band25, cap25 = _middle_band_and_cap(2025)
    reduction = p26["forvarvsinkomstreduktion"]
    ex = agency_example()
    exsc = ex["scenario"]
    t = ex["totalt"]
    h = exsc["handledare_lon"] * (1 + p26["arbetsgivaravgift"]) * exsc["handledning_andel"]
    lk = exsc["bruttolon"] * (1 + p26["arbetsgivaravgift"])
    production = exsc["produktionsfaktor"] * lk * exsc["manader"]

    out = []
    w = out.append
    w("# Så räknar vi")
    w("")
    w("Den här sidan beskriver hur kalkylatorn för samhällsekonomiska effekter räknar. Sidan byggs "
      "automatiskt från samma parameterdata och samma programkod som kalkylatorn använder, så siffrorna "
      "här och i kalkylatorn kan inte skilja sig åt.")
    w("")
    w("## Vad beräkningen svarar på")
    w("")
    w("Om er organisation ställer ett sysselsättningskrav i en upphandling och ett antal personer går från "
      "arbetslöshet till anställning, lärlingsanställning eller praktik under avtalstiden: vad betyder det i "
      "kronor för individen, kommunen, regionen, staten, arbetsgivaren (leverantören) och för samhället som "
      "helhet? Grundfallet är detsamma som i Upphandlingsmyndighetens samhällsekonomiska beräkningsmodell "
      "från 2019: personen antas annars ha förblivit arbetslös, och bara tiden som kravet gäller räknas.")
    w("")
    w("## Effekter per person och månad")
    w("")
    w("Vi kallar månadslönen vid den angivna omfattningen för *W* (bruttolön vid heltid × omfattning). "
      "Arbetsgivaravgiften för personens ålder kallas *a*, och lönekostnaden är lönen plus arbetsgivaravgiften. "
      "Skatter räknas på årsinkomst (månadsbeloppet × 12) med inkomstårets regler och delas sedan med 12. "
      "Skatten räknas två gånger: på de skattepliktiga ersättningarna före jobbet och på lönen efter.")
    w("")
    w("- **Individ:** lön efter skatt minus det personen hade före jobbet efter skatt (försörjningsstöd, "
      "statlig ersättning och bostadsbidrag).")
    w("- **Kommun:** kommunalskatten på lönen minus kommunalskatten på ersättningarna före, minus det "
      "utjämningsbidrag kommunen förlorar (eller den utjämningsavgift den får betala) när skatteunderlaget "
      "växer, plus det försörjningsstöd kommunen inte längre betalar. Försörjningsstödet påverkas inte av "
      "utjämningen: där kommer oftast det mesta av kommunens vinst ifrån. När kommunen upphandlar dras "
      "också leverantörens kostnad i priset och engångsposterna av (se nedan).")
    w("- **Region:** regionskatten på lönen minus regionskatten på ersättningarna före, minus regionens "
      "förändring i utjämningen.")
    w("- **Stat:** arbetsgivaravgiften utom ålderspensionsavgiften, plus statens del av skatten på lönen "
      "(statlig inkomstskatt och public service-avgift, minus jobbskatteavdrag, skattereduktionen för "
      "allmän pensionsavgift och skattereduktionen för förvärvsinkomst), plus det utjämningsbidrag staten "
      "inte längre betalar ut, plus den indirekta skatten (moms och punktskatter) på individens ökade "
      "inkomst, plus den statliga ersättning och det bostadsbidrag som inte längre betalas ut, minus "
      "statens del av skatten på ersättningarna före, minus anställningsstödet till arbetsgivaren.")
    w(f"- **Pensionssystemet:** ålderspensionsavgiften ({procent(p26['alderspensionsavgift'])} av lönen, en del "
      f"av arbetsgivaravgiften) och den allmänna pensionsavgiften ({procent(p26['allman_pensionsavgift']['andel'])} "
      "av lönen) minus samma avgifter på ersättningarna före. Pengarna finansierar personens egen framtida "
      "pension; de är inte en intäkt för staten. Den allmänna pensionsavgiften betalas i praktiken av staten "
      "genom en lika stor skattereduktion, så den syns som en kostnad för staten och en intäkt för pensionssystemet.")
    w("- **Arbetsgivare:** värdet av det personen producerar minus lönekostnaden, plus anställningsstödet, "
      "minus kostnaden för handledning. Produktionsvärdet är produktionsfaktorn × lönen × (1 + full "
      f"arbetsgivaravgift, {procent(p26['arbetsgivaravgift'])}), oavsett personens ålder: en sänkt avgift för "
      "unga eller äldre gör inte arbetet mer värt, den flyttar bara pengar från staten till arbetsgivaren. "
      "Vid praktik betalas ingen lön: arbetsgivaren får praktikantens produktionsvärde och bär handledningen, "
      "medan individ, kommun, region, stat och pensionssystem bara påverkas av engångsposterna.")
    w("")
    w("### Leverantören tar betalt för kravet i priset")
    w("")
    w("En leverantör som måste anställa någon som producerar mindre än lönekostnaden räknar med det i sitt "
      "anbud. Den andel som anges under *Leverantörens kostnad i priset* (som standard hela kostnaden) av arbetsgivarens "
      "nettokostnad för kravet under kravperioden, inklusive administrationen, flyttas därför från "
      "arbetsgivaren till den upphandlande organisationen. Går arbetsgivaren plus flyttas ingenting. En bonus är en egen, uttrycklig "
      "överföring och räknas inte in.")
    w("")
    w("### Kommunalekonomisk utjämning")
    w("")
    w("Enligt lagen (2004:773) om kommunalekonomisk utjämning får en kommun vars skattekraft ligger under "
      "garantinivån (115 % av medelskattekraften) inkomstutjämningsbidrag från staten, och en kommun över "
      "nivån betalar inkomstutjämningsavgift. Bidraget är skillnaden mot garantinivån gånger en skattesats "
      "som regeringen bestämt per län i förordningen (2004:881), inte kommunens egen. När skatteunderlaget växer "
      "med en krona minskar därför bidraget med länets sats: en kommun med "
      f"{procent(p26['kommunalskatt_genomsnitt'], 2)} i kommunalskatt behåller ungefär "
      f"{tal(100 * (p26['kommunalskatt_genomsnitt'] - p26['utjamning_kommun']['bidrag']), 2)} kr av varje 100 kr i nytt "
      f"skatteunderlag, och staten får {tal(100 * p26['utjamning_kommun']['bidrag'], 2)} kr. Vi använder medianen av "
      f"länens satser, {procent(p26['utjamning_kommun']['bidrag'], 2)} för kommuner och "
      f"{procent(p26['utjamning_region']['bidrag'], 2)} för regioner (se parametertabellen); en kommun som betalar "
      f"avgift räknas med {procent(p26['utjamning_kommun']['avgift'], 2)} och en region med "
      f"{procent(p26['utjamning_region']['avgift'], 2)}. Upphandlingsmyndighetens modell räknar utan utjämning; det "
      "valet finns kvar.")
    w("")
    w("Utjämningen för ett år bygger på inkomsterna två år tidigare, så kommunens bidrag ändras ungefär två "
      "år efter att personen börjat arbeta. Vi räknar förändringen till samma år som skatten, eftersom båda "
      "följer av samma inkomst och kommunens egen skatteintäkt också stäms av i efterhand (slutavräkningen). "
      f"Diskonterat två år med {procent(p26['diskonteringsranta'], 1)} skulle utjämningsposten bli "
      f"{procent(1 - (1 + p26['diskonteringsranta']) ** -2, 1)} mindre. Det som staten sparar hamnar i praktiken "
      "i regleringsposten och fördelas på alla kommuner; det syns inte i den egna kommunens budget.")
    w("")
    w("### Ålder")
    w("")
    young = p26["arbetsgivaravgift_ung_alder"]
    older = p26["arbetsgivaravgift_aldre_fodda"]
    w("Ålder anges i år vid inkomstårets början, eftersom reglerna är skrivna så. Den styr:")
    w("")
    w(f"- **Arbetsgivaravgiften:** för den som vid årets ingång fyllt {young['fran']} men inte {young['till'] + 1} år "
      f"betalas {procent(p26['arbetsgivaravgift_ung'])} på lön upp till {kr(p26['arbetsgivaravgift_ung_tak'])} per "
      f"månad för lön som betalas ut från 1 april 2026 (lag 2026:100); modellen räknar med "
      f"{tal(p26['arbetsgivaravgift_ung_manader'])} av årets 12 månader. För födda {older['fran']}–{older['till']} betalas "
      f"bara ålderspensionsavgiften ({procent(p26['arbetsgivaravgift_aldre'])}), för födda {older['fran'] - 1} eller "
      "tidigare ingen avgift.")
    w(f"- **Skatten:** den som fyllt {p26['aldersgrans_aldre_skatteregler']} år vid årets ingång får förhöjt "
      "grundavdrag och jobbskatteavdraget för äldre.")
    bands = p26["nystartsjobb_alder"]
    w("- **Nystartsjobb:** " + ", ".join(f"högst {b['manader']} månader för {b['fran']}–{b['till']} år" for b in bands) +
      f"; inte alls under {bands[0]['fran']} år. Är kravet längre räknas stödet bara för de månaderna.")
    w("")
    w("Kostnaden för handledning är handledarens lön plus full arbetsgivaravgift gånger den andel av "
      "handledarens tid som går åt. Vi använder alltid full arbetsgivaravgift för handledaren, eftersom "
      "handledaren sällan tillhör samma åldersgrupp som den som anställs.")
    w("")
    w("Anställningsstöd: *nystartsjobb* ger det angivna antalet arbetsgivaravgifter på den del av lönen som "
      f"ligger under {kr(p26['nystartsjobb_tak'])} per månad vid heltid (taket minskar i proportion till "
      "omfattningen). *Lönebidrag* ger den angivna andelen av lönen upp till taket "
      f"({kr(p26['lonebidrag_tak'])} vid heltid) plus arbetsgivaravgiften på den delen. Lönebidraget ska "
      "motsvara den nedsatta arbetsförmågan; välj därför en produktionsfaktor som speglar den (till exempel "
      "ett minus bidragets andel, om bidraget kompenserar precis nedsättningen). Ett eget belopp per månad kan "
      "också anges.")
    w("")
    w("## Skatten")
    w("")
    w("Inkomstskatten räknas som Skatteverket gör för den som bor i Sverige hela året:")
    w("")
    w("1. **Fastställd förvärvsinkomst:** lön och skattepliktiga ersättningar under ett år, avrundat nedåt "
      "till helt hundratal kronor. Aktivitetsstöd och a-kassa är skattepliktiga; etableringsersättning, "
      "försörjningsstöd och bostadsbidrag är skattefria.")
    w("2. **Grundavdrag** enligt 63 kap. 3 § inkomstskattelagen, uttryckt i prisbasbelopp (se tabellen "
      "nedan), avrundat uppåt till helt hundratal och aldrig större än inkomsten. Den som fyllt "
      f"{p26['aldersgrans_aldre_skatteregler']} år vid "
      "årets ingång får ett förhöjt grundavdrag.")
    w("3. **Kommunal inkomstskatt:** den beskattningsbara inkomsten (inkomst minus grundavdrag) gånger "
      "kommunalskatten (till kommunen) och regionskatten (till regionen).")
    w(f"4. **Statlig inkomstskatt:** {procent(p26['statlig_skattesats'])} av den beskattningsbara inkomsten "
      "över skiktgränsen.")
    w(f"5. **Public service-avgift:** {procent(p26['public_service_avgift']['andel'])} av den beskattningsbara "
      "inkomsten upp till ett tak; den går till staten.")
    w(f"6. **Allmän pensionsavgift:** {procent(p26['allman_pensionsavgift']['andel'])} av lön och "
      "pensionsgrundande ersättningar, avrundat till "
      "närmaste hundratal. Den kvittas helt av en lika stor skattereduktion och påverkar därför bara hur "
      "mycket utrymme som finns kvar för jobbskatteavdraget.")
    w("7. **Jobbskatteavdrag** på arbetsinkomst (lön), aldrig på ersättningar: underlaget enligt 67 kap. 7 § "
      "minus grundavdraget, gånger den sammanlagda kommunala skattesatsen. Det räknas bara av mot den "
      f"kommunala skatten. För den som fyllt {p26['aldersgrans_aldre_skatteregler']} år gäller 67 kap. 8 §.")
    w(f"8. **Skattereduktion för förvärvsinkomst:** {procent(reduction['andel'])} av den beskattningsbara "
      f"inkomsten över {kr(reduction['nedre'])}, högst {kr(reduction['belopp'])}.")
    w("")
    w("Kommunen och regionen får sin skatt på hela den beskattningsbara inkomsten; jobbskatteavdraget och "
      "de andra skattereduktionerna bärs av staten. **Nytt 2026:** jobbskatteavdraget förstärks "
      f"({procent(band26)} i mellanskiktet och ett tak på {_pbb(cap26)} prisbasbelopp mot {procent(band25)} och "
      f"{_pbb(cap25)} prisbasbelopp 2025), det förhöjda grundavdraget för äldre höjs, och för unga som fyllt "
      f"{p26['arbetsgivaravgift_ung_alder']['fran']} men inte {p26['arbetsgivaravgift_ung_alder']['till'] + 1} år sätts arbetsgivaravgiften ned till {procent(p26['arbetsgivaravgift_ung'])} på lön upp till "
      f"{kr(p26['arbetsgivaravgift_ung_tak'])} per månad från 1 april 2026 till 30 september 2027.")
    w("")
    w("Skatteberäkningen är kontrollerad mot Skatteverkets tekniska beskrivning av skattetabellerna 2026 "
      "(grundavdrag och jobbskatteavdrag i Skatteverkets räkneexempel stämmer på kronan) och mot "
      "skattetabell 34 för 2026 (inom en krona per månad).")
    w("")
    w("## Räkneexempel: standardscenariot per person och månad")
    w("")
    w("Så här blir standardscenariots siffror för en person och en månad, post för post. Alla belopp räknas "
      "fram ur parametrarna i tabellerna längst ned på sidan.")
    w("")
    for line in flow_table():
        w(line)
    w("")
    w("## Hela perioden, engångsposter och tiden efter kravet")
    w("")
    w("- **Per person under kravet:** effekten per månad × antal månader × fullföljandegrad × "
      "(1 − dödvikt) × (1 − undanträngning). *Dödvikt* är andelen som hade fått arbete ändå, "
      "*undanträngning* andelen jobb som tränger undan andra arbetssökande och *fullföljandegrad* andelen "
      "av de avtalade månaderna som faktiskt fullföljs.")
    w("- **Totalt:** per person × antal personer, plus engångsposterna och eventuella år efter kravet.")
    w("- **Engångsposter** betalas oavsett utfall och påverkas inte av dödvikt, undanträngning eller "
      "fullföljande: merkostnaden för upphandlingen och bonusen bärs av den upphandlande organisationen, "
      "bonusen är en intäkt för arbetsgivaren, arbetsgivarens administrationskostnad (per person) bärs av "
      "arbetsgivaren och matchnings- och stödkostnaden (per person) av kommunen.")
    w("- **Efter kravet:** den andel som är kvar i arbete ger samma månadseffekter, men utan stöd, bonus "
      "och engångskostnader, under det angivna antalet år (12 månader per år). Åren räknas från kravets "
      "slut: år *n* efter ett krav på *M* månader diskonteras med (1 + diskonteringsräntan)^(M/12 + n − 1), "
      "alltså med tiden sedan kravet började. Kravperioden själv diskonteras inte. Efter praktik antas de "
      "som är kvar i arbete ha en anställning med den angivna bruttolönen.")
    w("")
    w("## Två summor")
    w("")
    w("- **Summa aktörer** är summan av aktörernas resultat, så som Upphandlingsmyndighetens modell "
      "redovisar ”samhället”. Den räknar den indirekta skatten två gånger: som en del av individens ökade "
      "inkomst och som statens intäkt när pengarna handlas för. Led därför med den upphandlande organisationens resultat och det "
      "samhällsekonomiska nettovärdet.")
    w("- **Samhällsekonomiskt nettovärde** räknar bara verkliga resurser: produktionsvärdet minus "
      "handledning, administration, merkostnad för upphandlingen och matchningskostnad. Skatter, "
      "ersättningar, stöd och bonus är överföringar mellan aktörerna och tar ut varandra.")
    w("")
    w("Skillnaden mellan summorna är den indirekta skatten: den räknas som en intäkt för staten men dras "
      "inte från individen, som i myndighetens modell. Därför gäller alltid: **Summa aktörer − indirekt "
      "skatt = samhällsekonomiskt nettovärde**. Det kontrolleras automatiskt i våra tester för "
      "slumpmässiga scenarier.")
    w("")
    w("## Brytpunkter, känslighet och osäkerhet")
    w("")
    w("- **Högsta merkostnad och bonus:** den upphandlande organisationens resultat utan merkostnad och bonus, dvs. hur mycket "
      "upphandlingen och bonusen sammanlagt får kosta innan den upphandlande organisationens resultat blir negativt.")
    w("- **Lägsta produktionsfaktor** (vid praktik: lägsta produktionsvärde per månad) och **lägsta stöd "
      "per månad** som gör att arbetsgivaren går jämnt upp utan att ta betalt för kravet i priset.")
    w("- **Månader till brytpunkt:** hur många månader per person som krävs för att den upphandlande organisationen ska gå jämnt "
      "upp. Finns ingen brytpunkt sägs det i klartext.")
    w("- **Känslighet:** varje viktig indata flyttas till ett lågt och ett högt värde och effekten på den "
      "valda aktören visas som ett tornadodiagram.")
    w("- **Osäkerhet:** en Monte Carlo-simulering drar produktionsfaktor, lön, försörjningsstöd, fullföljandegrad, dödvikt "
      "och undanträngning ur triangulära fördelningar kring de värden du angett, åt båda hållen där båda är "
      "rimliga, och redovisar ett troligt intervall (10:e till 90:e percentilen) per aktör samt sannolikheten "
      "att den upphandlande organisationen går jämnt upp eller bättre. Har du angett 0 % dödvikt och undanträngning eller 100 % "
      "fullföljande kan utfallet bara bli sämre på den punkten, så resultatet ligger inte mitt i intervallet "
      "och ibland utanför det. Kravets "
      "längd varieras inte: den bestäms i avtalet. Samma frö ger alltid samma siffror.")
    w("")
    w("## Det här ingår inte")
    w("")
    w("- Långsiktiga effekter utöver de år efter kravet som användaren anger, till exempel högre framtida "
      "lön, pension och minskad risk för ny arbetslöshet.")
    w("- Effekter på hälsa, livskvalitet, familj och brottslighet, och minskade kostnader i vården.")
    w("- Undanträngning och dödvikt, om inte de avancerade indata används (i standardscenariot räknas de inte, så "
      "förutsätter resultatet att personen annars hade förblivit arbetslös). IFAU fann att ungefär 63 % av nystartsjobben 2007–2011 hade kommit till "
      "stånd ändå (Rapport 2012:6); det gäller stödet, inte sysselsättningskravet, och används därför inte "
      "som standardvärde.")
    w("- Den statliga ålderspensionsavgift som staten betalar på aktivitetsstöd och a-kassa före jobbet.")
    w("- Kyrkoavgift, begravningsavgift och den särskilda skattereduktionen för boende i vissa kommuner; "
      "skatten räknas på årsinkomst som om lönen eller ersättningen gällde hela året.")
    w("- Att försörjningsstöd eller bostadsbidrag kan finnas kvar delvis efter jobbet (modellen antar att "
      "de upphör helt), och tjänstepension och avtalsförsäkringar utöver de lagstadgade avgifterna.")
    w("- Skattefaktorn (kostnaden för att finansiera offentliga utgifter med skatt) och statens kostnader "
      "för Arbetsförmedlingens handläggning.")
    w("")
    w("## Upphandlingsmyndighetens räkneexempel från 2019")
    w("")
    w(f"Myndighetens exempel: en person anställs i {tal(exsc['manader'])} månader på heltid med "
      f"{kr(exsc['bruttolon'])} i månaden med nystartsjobb, produktionsfaktor {procent(exsc['produktionsfaktor'])}, "
      "åldern 26–67 år, arbetslös 12–23 månader, nyanländ utan a-kassa och med bostadsbidrag; handledare med "
      f"{kr(exsc['handledare_lon'])} i lön som lägger {procent(exsc['handledning_andel'])} av sin tid, "
      f"{kr(exsc['administration_arbetsgivare'])} i administration för arbetsgivaren och "
      f"{kr(exsc['upphandlingskostnad'])} i merkostnad för upphandlingen. Myndigheten kommer fram till ”en vinst "
      "för samhället på över 200 000 kronor” där alla aktörer går plus.")
    w("")
    w("Vi har räknat samma exempel med 2026 års regler och följande val:")
    w("")
    w("| Val | Värde |")
    w("|---|---|")
    for k, v in agency_example_choices():
        w(f"| {k} | {v} |")
    w("")
    w("Först som myndigheten räknade: utan kommunalekonomisk utjämning och utan att leverantören tar betalt "
      "för kravet i priset. Sedan med våra rättelser, en i taget. Belopp för hela perioden:")
    w("")
    steps = agency_example_steps()
    w("| Aktör | " + " | ".join(name for name, _ in steps) + " |")
    w("|---|" + "---:|" * len(steps))
    for a in effects.ACTORS:
        w(f"| {actors.label(a)} | " + " | ".join(kr(r["totalt"][a]) for _, r in steps) + " |")
    for key in ("summa_aktorer", "samhallsekonomiskt_netto"):
        w(f"| **{actors.label(key)}** | " + " | ".join(f"**{kr(r['totalt'][key])}**" for _, r in steps) + " |")
    w("")
    first, equalised, priced = (r["totalt"] for _, r in steps)
    w(f"- **Utjämningen** flyttar {kr(first['kommun'] - equalised['kommun'])} från kommunen och "
      f"{kr(first['region'] - equalised['region'])} från regionen till staten: när skatteunderlaget växer "
      "minskar deras utjämningsbidrag nästan lika mycket som skatten ökar.")
    moved = priced["arbetsgivare"] - equalised["arbetsgivare"]
    w(f"- **Kostnaden i priset:** kommunen betalar leverantören {kr(moved)} i priset för arbetsgivarens kostnad "
      "för kravet. Leverantören tar bara betalt när arbetsgivaren annars skulle gå minus, för det personen "
      "producerar mindre än lönekostnaden och för handledningen." +
      (" Här går arbetsgivaren plus med stödet, så ingenting flyttas." if moved <= 0 else "") +
      " I standardscenariot, med en arbetsgivaravgift i stöd, är det den största kostnaden för kommunen.")
    w(f"- **Pensionssystemet** får {kr(first['pensionssystemet'])}: ålderspensionsavgiften och den allmänna "
      "pensionsavgiften på lönen, som myndigheten räknade till staten.")
    w("- Summorna ändras inte av rättelserna: de flyttar bara pengar mellan aktörerna. Kommunens resultat "
      f"går från {kr(first['kommun'])} till {kr(priced['kommun'])}.")
    w("")
    losing = [actors.label(a).lower() for a in effects.ACTORS if t[a] < 0]
    w(("Räknat som myndigheten går alla aktörer plus, som i myndighetens exempel. " if not losing else
       f"Räknat som myndigheten går inte alla aktörer plus: {', '.join(losing)} går minus. ") +
      f"Summa aktörer blir {kr(t['summa_aktorer'])}, alltså lägre än ”över 200 000 kronor”. Skillnaden "
      "beror inte på skattereglerna: skatter, ersättningar och stöd flyttar bara pengar mellan aktörerna. "
      "Summan bestäms helt av de verkliga resurserna och den indirekta skatten: produktionsvärdet "
      f"({kr(production)} = {procent(exsc['produktionsfaktor'])} av lönekostnaden {kr(lk)} × "
      f"{tal(exsc['manader'])}), minus handledningen ({kr(h * exsc['manader'])} inklusive arbetsgivaravgift), "
      "minus administration och merkostnad för upphandlingen "
      f"({kr(exsc['administration_arbetsgivare'] * exsc['antal_personer'] + exsc['upphandlingskostnad'])}), "
      f"plus den indirekta skatten ({kr(t['indirekt_skatt'])}). För att nå över 200 000 kronor "
      "måste man till exempel räkna handledningen utan arbetsgivaravgift, låta bli att dra av "
      "engångskostnaderna eller anta en betydligt högre andel indirekt skatt. Myndighetens indata per aktör "
      "har vi inte kunnat läsa; vår modell redovisar varje post öppet så att skillnaden går att följa. "
      "Fördelningen mellan aktörerna skiljer sig också från 2019: jobbskatteavdraget har förstärkts flera "
      "gånger sedan dess, vilket flyttar pengar från staten till individen.")
    w("")
    for year in sorted(params.YEARS, reverse=True):
        w(f"## Parametrar för inkomstår {year}")
        w("")
        w("Värden markerade **(ej verifierad)** har inte kunnat kontrolleras mot en källa och är antaganden "
          "eller härledda värden; ange gärna egna uppgifter i kalkylatorn. Skikten i grundavdrag och "
          "jobbskatteavdrag anges i prisbasbelopp (pbb) av inkomsten *x*.")
        w("")
        # The tables stay out of the search index: they would double its size for every visitor.
        w('<div data-search-exclude markdown>')
        w("")
        w(_parameter_table(year))
        w("")
        w("</div>")
        w("")
    return "\n".join(out) + "\n"
