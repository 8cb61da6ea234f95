"""The tool files load, and every question of the guidance text is kept word for word."""

import re
from pathlib import Path

import pytest

from calculators.checklists.definitions import (
    ID_RE, TOOL_IDS, DefinitionError, _parse_tool, all_tools, get_tool,
)
from calculators.checklists.render import render_tool
from calculators.checklists.escape import html_text

SEED = Path("/work/shared/seed/beslutsfattare-och-ledning.txt")

# The guidance text's questions and lists, verbatim, with the tool that must carry each.
GUIDANCE = {
    "beslutsunderlag": [
        "Vad vill vi uppnå med sysselsättningskrav i upphandlingar?",
        "Hur kommer arbetsmarknaden att se ut i vårt område/region under de närmaste fem åren?",
        "Har våra leverantörer behov av kompetens?",
        "Hur ser integrationen ut på arbetsmarknaden?",
        "Vilken kompetens har de som är arbetssökande?",
        "Kan sysselsättningskrav i upphandling vara ett bland flera arbetsmarknadsverktyg?",
        "Vill vi använda bonusincitament för att främja jämställdhet och/eller öka sysselsättningen? Har vi budget för det?",
        "Kan vi tänka oss att samverka med andra upphandlande organisationer?",
    ],
    "genomforande": [
        "Det är bra att ha en dedikerad person som brinner för frågan och kan vara spindeln i nätet.",
        "Se till att den upphandlande organisationen har de resurser som krävs för att följa upp de krav som ställs i upphandlingen.",
        "Kan kommunen, arbetsförmedlingen eller någon annan aktör utbilda/rusta personer som står utanför arbetsmarknaden?",
        "Kan våra leverantörer bidra när det gäller enskilda individers kompetensutveckling?",
        "Har vi en organisation som arbetar med arbetsmarknadsfrågor eller kan vi samarbeta med arbetsförmedlingen, privata matchningsaktörer eller sociala företag?",
        "Har vi upphandlingar där det är lämpligt att ställa sysselsättningskrav? Har vi upphandlingar där det kan vara olämpligt eller kräver särskild uppmärksamhet (osund konkurrens/marknad)?",
        "Ha en dialog med olika arbetsmarknadsparter och se till att sysselsättningskravet inte skapar några undanträngningseffekter.",
        "Ibland kan det vara bra att börja med ett pilotprojekt inom ett avgränsat upphandlingsområde eller under en begränsad tid.",
        "Ta fram policy och riktlinjer för hela organisationen. Styrdokumenten kan till exempel beskriva aktuella branscher, målgrupper och/eller storlek på upphandling.",
    ],
    "kommunikationsplan": [
        "Ledningsgrupper", "Personalgrupper", "Projektledare/beställare", "Matchningsansvariga",
        "Leverantörer", "Det lokala näringslivet", "Bransch- och arbetsgivarorganisationer", "Fackliga organisationer",
        "Ta hjälp av en kommunikatör.", "Ta fram en kommunikationsplan.",
        "Berätta, ha dialog och ta emot synpunkter på vilka krav ni kommer att ställa.",
        "Informera på leverantörsträffar.", "Informera på näringslivsträffar.", "Informera på er webbplats.",
    ],
    "uppfoljning": [
        "Hur många upphandlingar har haft sysselsättningskrav?",
        "Hur många individer har kommit i sysselsättning?",
        "Vad säger leverantörerna? Ser vi någon skillnad i kostnad eller i antal anbud?",
        "Räcker resurserna för att klara det operativa arbetet?",
        "Har vi rätt funktioner?",
        "Fungerar rutiner och samarbeten i processen?",
        "Vilka är framgångsfaktorerna?",
        "Vad kan förbättras?",
        "Har vi sett några samhällsekonomiska vinster?",
    ],
}


def test_every_tool_loads_with_valid_unique_ids():
    tools = all_tools()
    assert [t.id for t in tools] == list(TOOL_IDS)
    for tool in tools:
        ids = list(tool.items) + list(tool.tables)
        assert len(ids) == len(set(ids))
        assert all(ID_RE.match(i) for i in ids)
        for item in tool.prerequisites:
            assert item.kind == "val" and item.action


@pytest.mark.parametrize("tool_id", TOOL_IDS)
def test_guidance_questions_are_in_the_rendered_tool_word_for_word(tool_id):
    html = render_tool(tool_id, "verktyg/x.md")
    for text in GUIDANCE[tool_id]:
        assert html_text(text) in html, text


def test_guidance_list_matches_the_seed_text():
    if not SEED.is_file():
        pytest.skip("the seed text is not available here")
    bullets = {
        re.sub(r"\s+", " ", line.strip().lstrip("•").strip())
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("•")
    }
    expected = {t for texts in GUIDANCE.values() for t in texts}
    # Every bullet of the guidance is carried by a tool, except the five success factors
    # (they are the "Varför?" of items in part B).
    missing = {b for b in bullets if b not in expected and not b.startswith("att ")}
    assert not missing
    beslut = get_tool("beslutsunderlag")
    assert sum(1 for i in beslut.items.values() if i.section == "analys") == 8
    assert len(get_tool("genomforande").sections[1].items) == 8  # the sixth point's two questions are two
    assert len(get_tool("uppfoljning").sections[0].items) == 9


def test_beslutsunderlag_has_the_designed_sections_and_decision():
    tool = get_tool("beslutsunderlag")
    titles = [s.title for s in tool.sections if s.part == "b"]
    assert titles == [
        "1. Mål och mandat", "2. Arbetsmarknad och målgrupp", "3. Matchning och rustning",
        "4. Lämpliga upphandlingar och marknad", "5. Kravnivå och incitament",
        "6. Organisation och resurser", "7. Risker", "8. Effekter",
    ]
    assert [i.text for i in tool.prerequisites][2].startswith("Finns en matchningsansvarig")
    assert [label for _, label in tool.items["beslut"].choices] == ["Ja, generellt", "Ja, som pilot", "Nej, åtgärda först"]
    assert tool.items["matchningsansvarig"].action == "Utse en matchningsansvarig"


def test_loader_rejects_typos():
    base = {"id": "beslutsunderlag", "titel": "T", "ingress": "I", "vagledning": "besluta.md", "vagledning_text": "B",
            "avsnitt": [{"id": "s", "rubrik": "S", "fragor": [{"id": "q", "typ": "val", "text": "Q?"}]}]}
    _parse_tool(base, "t.toml")
    with pytest.raises(DefinitionError, match="okända nycklar"):
        _parse_tool({**base, "titell": "x"}, "t.toml")
    bad = {**base, "avsnitt": [{"id": "s", "rubrik": "S", "fragor": [{"id": "Q q", "typ": "val", "text": "Q?"}]}]}
    with pytest.raises(DefinitionError, match="ogiltigt id"):
        _parse_tool(bad, "t.toml")
    bad = {**base, "avsnitt": [{"id": "s", "rubrik": "S", "fragor": [{"id": "q", "typ": "val", "text": "Q?", "forutsattning": True}]}]}
    with pytest.raises(DefinitionError, match="atgard"):
        _parse_tool(bad, "t.toml")
