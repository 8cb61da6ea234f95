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
        (fields.label("alder"), f"{sc['alder'].replace('-', '–')} år (exemplet: 26–67 år)"),
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
        "alder": "23-65",
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
    })
    return sc


def agency_example():
    """The evaluated agency example (result format v1)."""
    return effects.evaluate(agency_example_scenario())


def _value_text(table):
    value = table["value"]
    unit = table["unit"]
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
    ppm = ex["per_person_och_manad"]
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
      "Arbetsgivaravgiften för åldersgruppen kallas *a*, och lönekostnaden är lönen plus arbetsgivaravgiften. "
      "Skatter räknas på årsinkomst (månadsbeloppet × 12) med inkomstårets regler och delas sedan med 12. "
      "Skatten räknas två gånger: på de skattepliktiga ersättningarna före jobbet och på lönen efter.")
    w("")
    w("- **Individ:** lön efter skatt minus det personen hade före jobbet efter skatt (försörjningsstöd, "
      "statlig ersättning och bostadsbidrag).")
    w("- **Kommun:** kommunalskatten på lönen minus kommunalskatten på ersättningarna före, plus det "
      "försörjningsstöd kommunen inte längre betalar.")
    w("- **Region:** regionskatten på lönen minus regionskatten på ersättningarna före.")
    w("- **Stat:** arbetsgivaravgiften, plus statens del av skatten på lönen (statlig inkomstskatt och "
      "public service-avgift, minus jobbskatteavdrag och skattereduktion för förvärvsinkomst), plus den "
      "indirekta skatten (moms och punktskatter) på individens ökade inkomst, plus den statliga ersättning "
      "och det bostadsbidrag som inte längre betalas ut, minus statens del av skatten på ersättningarna före, "
      "minus anställningsstödet till arbetsgivaren.")
    w("- **Arbetsgivare:** värdet av det personen producerar (produktionsfaktorn × lönekostnaden) minus "
      "lönekostnaden, plus anställningsstödet, minus kostnaden för handledning. Vid praktik betalas ingen lön: "
      "arbetsgivaren får praktikantens produktionsvärde och bär handledningen, medan individ, kommun, region "
      "och stat bara påverkas av engångsposterna.")
    w("")
    w("Kostnaden för handledning är handledarens lön plus full arbetsgivaravgift gånger den andel av "
      "handledarens tid som går åt. Vi använder alltid full arbetsgivaravgift för handledaren, eftersom "
      "handledaren sällan tillhör samma åldersgrupp som den som anställs.")
    w("")
    w("Anställningsstöd: *nystartsjobb* ger det angivna antalet arbetsgivaravgifter på den del av lönen som "
      f"ligger under {kr(p26['nystartsjobb_tak'])} per månad vid heltid (taket minskar i proportion till "
      "omfattningen). *Lönebidrag* ger den angivna andelen av lönekostnaden upp till taket. Ett eget belopp "
      "per månad kan också anges.")
    w("")
    w("## Skatten")
    w("")
    w("Inkomstskatten räknas som Skatteverket gör för den som bor i Sverige hela året:")
    w("")
    w("1. **Fastställd förvärvsinkomst:** lön och skattepliktiga ersättningar under ett år, avrundat nedåt "
      "till helt hundratal kronor. Aktivitetsstöd och a-kassa är skattepliktiga; etableringsersättning, "
      "försörjningsstöd och bostadsbidrag är skattefria.")
    w("2. **Grundavdrag** enligt 63 kap. 3 § inkomstskattelagen, uttryckt i prisbasbelopp (se tabellen "
      "nedan), avrundat uppåt till helt hundratal och aldrig större än inkomsten. Den som fyllt 66 år vid "
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
      "kommunala skatten. För den som fyllt 66 år gäller 67 kap. 8 §.")
    w(f"8. **Skattereduktion för förvärvsinkomst:** {procent(reduction['andel'])} av den beskattningsbara "
      f"inkomsten över {kr(reduction['nedre'])}, högst {kr(reduction['belopp'])}.")
    w("")
    w("Kommunen och regionen får sin skatt på hela den beskattningsbara inkomsten; jobbskatteavdraget och "
      "de andra skattereduktionerna bärs av staten. **Nytt 2026:** jobbskatteavdraget förstärks "
      f"({procent(band26)} i mellanskiktet och ett tak på {_pbb(cap26)} prisbasbelopp mot {procent(band25)} och "
      f"{_pbb(cap25)} prisbasbelopp 2025), det förhöjda grundavdraget för äldre höjs, och för unga som fyllt 18 "
      f"men inte 23 år sätts arbetsgivaravgiften ned till {procent(p26['arbetsgivaravgift_ung'])} på lön upp till "
      f"{kr(p26['arbetsgivaravgift_ung_tak'])} per månad från 1 april 2026 till 30 september 2027 (modellen "
      "tillämpar nedsättningen för hela 2026).")
    w("")
    w("Skatteberäkningen är kontrollerad mot Skatteverkets tekniska beskrivning av skattetabellerna 2026 "
      "(grundavdrag och jobbskatteavdrag i Skatteverkets räkneexempel stämmer på kronan) och mot "
      "skattetabell 34 för 2026 (inom en krona per månad).")
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
      "och engångskostnader, under det angivna antalet år (12 månader per år). År *n* efter kravet "
      "diskonteras med (1 + diskonteringsräntan)^n. Efter praktik antas de som är kvar i arbete ha en "
      "anställning med den angivna bruttolönen.")
    w("")
    w("## Två summor")
    w("")
    w("- **Summa aktörer** är summan av de fem aktörernas resultat, så som Upphandlingsmyndighetens modell "
      "redovisar ”samhället”.")
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
    w("- **Högsta merkostnad och bonus:** köparens resultat utan merkostnad och bonus, dvs. hur mycket "
      "upphandlingen och bonusen sammanlagt får kosta innan köparens resultat blir negativt.")
    w("- **Lägsta produktionsfaktor** (vid praktik: lägsta produktionsvärde per månad) och **lägsta stöd "
      "per månad** som gör att arbetsgivaren går jämnt upp.")
    w("- **Månader till brytpunkt:** hur många månader per person som krävs för att köparen ska gå jämnt "
      "upp. Finns ingen brytpunkt sägs det i klartext.")
    w("- **Känslighet:** varje viktig indata flyttas till ett lågt och ett högt värde och effekten på den "
      "valda aktören visas som ett tornadodiagram.")
    w("- **Osäkerhet:** en Monte Carlo-simulering drar produktionsfaktor, dödvikt, undanträngning, "
      "fullföljandegrad, antal månader och lön ur triangulära fördelningar (min, typvärde, max) och "
      "redovisar 10:e, 50:e och 90:e percentilen per aktör samt sannolikheten att köparen går jämnt upp "
      "eller bättre. Samma frö ger alltid samma siffror.")
    w("")
    w("## Det här ingår inte")
    w("")
    w("- Långsiktiga effekter utöver de år efter kravet som användaren anger, till exempel högre framtida "
      "lön, pension och minskad risk för ny arbetslöshet.")
    w("- Effekter på hälsa, livskvalitet, familj och brottslighet, och minskade kostnader i vården.")
    w("- Undanträngning och dödvikt, om inte de avancerade indata används (i standardscenariot räknas de inte in).")
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
    w("| Aktör | Per månad | Hela perioden |")
    w("|---|---:|---:|")
    for a in effects.ACTORS:
        w(f"| {actors.label(a)} | {kr(ppm[a])} | {kr(t[a])} |")
    w(f"| **{actors.label('summa_aktorer')}** | | **{kr(t['summa_aktorer'])}** |")
    w(f"| {actors.label('indirekt_skatt')} | | {kr(t['indirekt_skatt'])} |")
    w(f"| **{actors.label('samhallsekonomiskt_netto')}** | | **{kr(t['samhallsekonomiskt_netto'])}** |")
    w("")
    positive = all(t[a] > 0 for a in effects.ACTORS)
    w(("Alla fem aktörer går plus, som i myndighetens exempel. " if positive else
       "Alla aktörer går inte plus med dessa val. ") +
      f"Summa aktörer blir {kr(t['summa_aktorer'])}, alltså lägre än ”över 200 000 kronor”. Skillnaden "
      "beror inte på skattereglerna: skatter, ersättningar och stöd flyttar bara pengar mellan aktörerna. "
      "Summan bestäms helt av de verkliga resurserna och den indirekta skatten: produktionsvärdet "
      f"({kr(production)} = {procent(exsc['produktionsfaktor'])} av lönekostnaden {kr(lk)} × "
      f"{tal(exsc['manader'])}), minus handledningen ({kr(h * exsc['manader'])} inklusive arbetsgivaravgift), "
      "minus administration och merkostnad för upphandlingen "
      f"({kr(exsc['administration_arbetsgivare'] * exsc['antal_personer'] + exsc['upphandlingskostnad'])}), "
      f"plus den indirekta skatten ({kr(t['indirekt_skatt'])}). För att nå över 200 000 kronor "
      "måste man till exempel räkna handledningen utan arbetsgivaravgift, låta bli att dra av "
      "engångskostnaderna eller anta en betydligt högre andel indirekt skatt. Vi vet inte exakt vilka "
      "antaganden myndighetens Excelfil gör; vår modell redovisar varje post öppet så att skillnaden går "
      "att följa. Fördelningen mellan aktörerna skiljer sig också från 2019: jobbskatteavdraget har "
      "förstärkts flera gånger sedan dess, vilket flyttar pengar från staten till individen.")
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
