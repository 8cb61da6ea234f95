"""The beslutsunderlag document: one print-ready page (and a Markdown file) gathering the
analysis, the checklist with its summary and verdict, the saved calculation, the
implementation checklist, the communication plan, the follow-up (if started) and the decision.
"""

from __future__ import annotations

import json

from calculators.errors import InputError

from .calculation import CALCULATOR_PAGE, calculation_html, calculation_markdown, calculation_summary
from .content import answer_text, indicators_markdown, section_html, section_markdown, summary_markdown
from .definitions import TOOL_IDS, get_tool
from .escape import html_text as esc, md_inline
from .render import indicators_html, relative_url, summary_html
from .state import _names, date_of, parse_time, state_or_empty, storage_key
from .summary import is_answered, summarize

TITLE = "Beslutsunderlag: sysselsättningskrav i offentlig upphandling"
DOCUMENT_PAGE = "verktyg/dokument.md"


def _states(states) -> tuple[dict, list]:
    """(tool id → validated state, tools left out). A tool whose saved answers cannot be read
    counts as empty and is named, so that one broken tool does not take the document down."""
    if states is None:
        states = {}
    if not isinstance(states, dict):
        raise InputError.field("tillstand", "De sparade svaren har fel form (ska vara ett objekt per verktyg).")
    unknown = sorted(set(states) - set(TOOL_IDS))
    if unknown:
        raise InputError.field("tillstand", "Okänt verktyg: " + _names(unknown) + ".")
    out, left_out = {}, []
    for tool_id in TOOL_IDS:
        try:
            out[tool_id] = state_or_empty(states.get(tool_id), tool_id)
        except InputError:
            out[tool_id] = state_or_empty(None, tool_id)
            left_out.append({"verktyg": tool_id, "rubrik": get_tool(tool_id).title})
    return out, left_out


def _left_out_text(tool) -> str:
    return (f"De sparade svaren i ”{tool['rubrik']}” kunde inte läsas och är inte med i dokumentet. "
            "Öppna verktyget för att se vad som hänt; inget av det du sparat har raderats.")


def _has_answers(state) -> bool:
    if any(is_answered("", r.get("varde")) for r in state["svar"].values()):
        return True
    return any(
        any(is_answered("", v) for k, v in row.items() if k not in ("id", "andrad", "borttagen"))
        for rows in state["rader"].values() for row in rows if not row.get("borttagen")
    )


def _latest_date(states) -> str:
    stamps = [s.get("uppdaterad") for s in states.values() if s.get("uppdaterad")]
    return date_of(max(stamps, key=parse_time)) if stamps else ""


def _plan(states, berakning):
    """The document's chapters: (title, tool id, sections or key) in order."""
    b = get_tool("beslutsunderlag")
    by_part = {p.id: [s for s in b.sections if s.part == p.id] for p in b.parts}
    chapters = [
        ("Analys av förutsättningarna", "beslutsunderlag", by_part["a"]),
        ("Förutsättningar", "beslutsunderlag", by_part["b"]),
        ("Sammanfattning och omdöme", "beslutsunderlag", "sammanfattning"),
        ("Samhällsekonomisk beräkning", None, "berakning"),
        ("Förbered genomförandet", "genomforande", list(get_tool("genomforande").sections)),
        ("Kommunikationsplan", "kommunikationsplan", list(get_tool("kommunikationsplan").sections)),
    ]
    if _has_answers(states["uppfoljning"]):
        chapters.append(("Uppföljning", "uppfoljning", list(get_tool("uppfoljning").sections)))
    chapters.append(("Beslut", "beslutsunderlag", by_part["c"]))
    return chapters


def _decision_facts(state):
    b = get_tool("beslutsunderlag")
    items = b.items
    facts = []
    for item_id in ("organisation-namn", "beslutsinstans", "beslut", "beslutsdatum", "uppfoljningsdatum"):
        text = answer_text(items[item_id], state["svar"].get(item_id, {}))
        if text:
            facts.append((items[item_id].text, text))
    return facts


def render_document(states, berakning=None, page_path: str = DOCUMENT_PAGE, heading_level: int = 2,
                    visa_alla: bool = False) -> dict:
    """{"html", "markdown", "utelamnade"}: the whole document for these states (tool id →
    state; missing tools count as empty) and the saved calculation (result format v2, or
    None). A tool whose state cannot be read counts as empty, is named in the document, and
    is listed in "utelamnade" ([{"verktyg", "rubrik"}], present only when there is one).
    Unanswered questions and empty rows are left out unless `visa_alla`."""
    states, left_out = _states(states)
    calc = calculation_summary(berakning) if berakning is not None else None
    h1, h2, h3 = heading_level, heading_level + 1, heading_level + 2
    day = _latest_date(states)
    facts = _decision_facts(states["beslutsunderlag"])
    summary = summarize("beslutsunderlag", states["beslutsunderlag"])

    html = ['<article class="sk-dokument">', f'<h{h1} class="sk-dokument-rubrik">{esc(TITLE)}</h{h1}>']
    md = [f"# {md_inline(TITLE)}", ""]
    meta = list(facts)
    meta.append(("Underlaget senast ändrat", day or "Inga sparade svar ännu"))
    html.append('<dl class="sk-dokument-fakta">' + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta) + "</dl>")
    md += [f"- **{md_inline(k)}:** {md_inline(v)}" for k, v in meta] + [""]
    for tool in left_out:
        html.append(f'<p class="sk-varning" data-utelamnad="{esc(tool["verktyg"])}">{esc(_left_out_text(tool))}</p>')
        md += [f"> {md_inline(_left_out_text(tool))}", ""]

    for n, (title, tool_id, what) in enumerate(_plan(states, berakning), 1):
        heading = f"{n}. {title}"
        html.append(f'<section class="sk-dokument-kapitel"><h{h2} class="sk-rubrik">{esc(heading)}</h{h2}>')
        md += [f"## {md_inline(heading)}", ""]
        if what == "sammanfattning":
            html.append(summary_html(summary, h3))
            md.append(summary_markdown(summary, 3))
        elif what == "berakning":
            link = relative_url(CALCULATOR_PAGE, page_path)
            html.append(calculation_html(calc, link, h3))
            md += [calculation_markdown(calc, 3), ""]
        else:
            tool = get_tool(tool_id)
            state = states[tool_id]
            for section in what:
                if tool_id == "beslutsunderlag" and section.part in ("a", "c") and len(what) == 1:
                    # A single-section part: no extra heading level for it.
                    html.append(section_html(tool, section, state, h3, visa_alla).split("\n", 1)[1])
                    md.append(section_markdown(tool, section, state, 3, visa_alla).split("\n", 2)[2])
                else:
                    html.append(section_html(tool, section, state, h3, visa_alla))
                    md.append(section_markdown(tool, section, state, 3, visa_alla))
            if tool_id == "genomforande":
                g = summarize(tool_id, state)
                if g["omdome"]:
                    html.append(f'<p class="sk-omdome sk-omdome--{esc(g["omdome"]["status"])}"><strong>{esc(g["omdome"]["rubrik"])}.</strong> {esc(g["omdome"]["text"])}</p>')
                    md += [f"**Omdöme: {md_inline(g['omdome']['rubrik'])}.** {md_inline(g['omdome']['text'])}", ""]
            if tool_id == "uppfoljning":
                u = summarize(tool_id, state)
                if u["nyckeltal"]:
                    html.append(f'<h{h3} class="sk-rubrik">Nyckeltal per period</h{h3}>')
                    html.append(indicators_html(u["nyckeltal"]))
                    md += ["### Nyckeltal per period", "", indicators_markdown(u["nyckeltal"])]
                for warning in u["varningar"]:
                    html.append(f'<p class="sk-varning">{esc(warning)}</p>')
                    md += [f"> {md_inline(warning)}", ""]
            if tool_id == "beslutsunderlag" and what[0].part == "c":
                for warning in summary["varningar"]:
                    html.append(f'<p class="sk-varning">{esc(warning)}</p>')
                    md += [f"> {md_inline(warning)}", ""]
        html.append("</section>")
    html.append("</article>")
    out = {"html": "\n".join(h for h in html if h), "markdown": "\n".join(md).rstrip() + "\n"}
    if left_out:
        out["utelamnade"] = left_out
    return out


def render_document_shell(page_path: str = DOCUMENT_PAGE, heading_level: int = 2) -> str:
    """The static page content: a toolbar for the glue and the empty document (the page's own
    text introduces it). The glue replaces the content of `[data-dokument]` with
    `render_document(...)["html"]`. `data-lagring` names the localStorage key of each tool
    whose answers the document gathers (the same keys the tools' forms carry)."""
    keys = json.dumps({tool_id: storage_key(tool_id) for tool_id in TOOL_IDS}, separators=(",", ":"))
    out = [
        f'<div class="sk-dokument-omslag" data-beslutsunderlag-dokument data-sida="{esc(page_path)}" data-lagring="{esc(keys)}">',
        '<p class="sk-ingress">Allt hämtas från den här webbläsaren; ingenting skickas någonstans. '
        "Skriv ut dokumentet eller spara det som PDF och bifoga det till er tjänsteskrivelse.</p>",
        '<noscript><p class="sk-status"><strong>JavaScript är avstängt.</strong> Dokumentet hämtar era sparade svar med '
        "JavaScript; utan det visas bara de tomma frågorna nedan.</p></noscript>",
        '<div class="sk-verktygsrad" role="group" aria-label="Skriv ut eller ladda ner beslutsunderlaget" data-verktygsrad hidden>',
        '<button type="button" class="md-button sk-knapp" data-atgard="skriv-ut">Skriv ut eller spara som PDF</button>',
        '<button type="button" class="md-button sk-knapp" data-atgard="exportera-dokument-markdown">Ladda ner som Markdown</button>',
        '<button type="button" class="md-button sk-knapp" data-atgard="exportera-dokument-word">Ladda ner som Word</button>',
        '<label class="sk-visa-alla"><input type="checkbox" data-visa-alla> Visa också obesvarade frågor och tomma rader</label>',
        "</div>",
        '<p class="sk-status" role="status" data-status></p>',
        '<div class="sk-dokument-innehall" data-dokument>',
        render_document({}, None, page_path, heading_level, visa_alla=True)["html"],
        "</div>",
        "</div>",
    ]
    return "\n".join(out)
