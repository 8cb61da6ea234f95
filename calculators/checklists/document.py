"""The beslutsunderlag document a nämnd can act on: a summary first (the proposed decision,
the case, the economic consequences with their likely range, the prerequisites that are
missing, the chosen way to start), then every tool's answers as appendices. Built once as
blocks (calculators.checklists.blocks) and rendered as HTML (page and print), Markdown and,
in the browser, Word.
"""

from __future__ import annotations

import json

from calculators.errors import InputError
from calculators.pages.calculator import assumption_rows

from . import blocks as B
from . import document_heading, economics
from .calculation import CALCULATOR_PAGE, calculation_blocks, calculation_summary
from .content import EMPTY, answer_text, indicators_block, section_blocks
from .definitions import TOOL_IDS, get_tool
from .escape import html_text as esc
from .render import relative_url
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


# The appendices, in order: (id, title). The summary comes first and refers to them.
APPENDICES = (
    ("analys", "Analys av förutsättningarna"),
    ("forutsattningar", "Checklista: förutsättningar"),
    ("berakning", "Samhällsekonomisk beräkning"),
    ("genomforande", "Förbered genomförandet"),
    ("kommunikationsplan", "Kommunikationsplan"),
    ("uppfoljning", "Uppföljning"),
)
APPENDIX_IDS = tuple(a for a, _ in APPENDICES)
APPENDIX_STORAGE_NAME = "dokument-bilagor"  # {"utan": [appendix id, ...]}: the ones left out
MISSING_ORDER = {"nej": 0, "vet-ej": 1, "delvis": 2}
ANSWER_WORDS = (("ja", "Ja"), ("delvis", "Delvis"), ("nej", "Nej"), ("vet_ej", "Vet ej"), ("obesvarad", "obesvarade"))
SHORT_PURPOSE = 500  # characters of the purpose quoted in "Ärendet"; the rest is in appendix 1


def _answer(state, tool_id, item_id) -> str:
    return answer_text(get_tool(tool_id).items[item_id], state["svar"].get(item_id, {}))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _facts(heading: dict, b_state, day) -> list[tuple[str, str]]:
    """The document's heading: the fields from the document page, with the checklist's own
    answers where those are empty."""
    pairs = []
    fallback = {"namnd": _answer(b_state, "beslutsunderlag", "beslutsinstans")}
    for key, label, _, _ in document_heading.FIELDS:
        value = heading.get(key) or fallback.get(key, "")
        if value:
            pairs.append((label, value))
    body = _answer(b_state, "beslutsunderlag", "beslutsinstans")
    if body and heading.get("namnd") and body.casefold() != heading["namnd"].casefold():
        pairs.append((get_tool("beslutsunderlag").items["beslutsinstans"].text, body))
    for item_id in ("organisation-namn", "beslutsdatum"):
        text = _answer(b_state, "beslutsunderlag", item_id)
        if text:
            pairs.append((get_tool("beslutsunderlag").items[item_id].text, text))
    pairs.append(("Underlaget senast ändrat", day or "Inga sparade svar ännu"))
    return pairs


def _proposal(states, heading, summary) -> list[dict]:
    """Förslag till beslut: what the nämnd adopts, as att-lines. When prerequisites are still
    missing, the proposal itself says they are to be put right first, so that it never reads
    "decide" above an assessment that says "not yet"."""
    b = states["beslutsunderlag"]
    org = _answer(b, "beslutsunderlag", "organisation-namn") or "den upphandlande organisationen"
    who = heading.get("namnd") or _answer(b, "beslutsunderlag", "beslutsinstans") or "Nämnden"
    decision = b["svar"].get("beslut", {}).get("varde")
    start = states["genomforande"]["svar"].get("start", {}).get("varde")
    out = [B.heading(2, "Förslag till beslut")]
    if decision is None:
        out.append(B.para("Inget förslag till beslut är valt ännu. Välj beslut i verktyget Beslutsunderlag, "
                          "del C. Beslut; checklistans omdöme står under Ärendet."))
    else:
        proposal = {
            "ja-generellt": [f"att {org} ställer sysselsättningskrav i de upphandlingar där det är lämpligt"],
            "ja-pilot": [f"att {org} börjar med sysselsättningskrav som en pilot"],
            "nej": [f"att {org} inte ställer sysselsättningskrav nu, utan först åtgärdar de förutsättningar som "
                    "saknas och tar upp frågan igen"],
        }[decision]
        pilot = _answer(states["genomforande"], "genomforande", "pilot-avgransning")
        if decision == "ja-pilot" and pilot:
            proposal = [proposal[0] + ", avgränsad till: " + pilot]
        verdict = summary["omdome"]
        if decision != "nej" and verdict and verdict["status"] in ("inte_redo", "ej_klar"):
            proposal.append("att de förutsättningar som saknas (se nedan) ska vara på plats innan de första kraven ställs")
        follow_up = _answer(b, "beslutsunderlag", "uppfoljningsdatum")
        if follow_up and decision != "nej":
            proposal.append(f"att beslutet följs upp senast {follow_up}")
        out.append(B.para(f"{_cap(who)} föreslås besluta"))
        out.append(B.bullets(proposal))
        if decision == "ja-generellt" and start == "pilot":
            out.append(B.para("Förslaget är att ställa krav generellt, men i Förbered genomförandet är en pilot vald. "
                              "Välj ett av dem innan ärendet går till beslut.", klass="varning"))
    reason = _answer(b, "beslutsunderlag", "motivering")
    if reason:
        out += [B.para(B.bold("Motivering och villkor"), klass="fraga"), B.para(reason, klass="fritext")]
    return out


def _counts_sentence(verdict) -> str:
    """ "Svaren på checklistans 4 förutsättningar: 1 Ja, 1 Delvis och 2 obesvarade." """
    counts = verdict["forutsattningar"]
    parts = [f"{counts[key]} {word}" for key, word in ANSWER_WORDS if counts[key]]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"Svaren på checklistans {counts['totalt']} förutsättningar: {listed}."


def _case(states, summary) -> list[dict]:
    b = states["beslutsunderlag"]
    org = _answer(b, "beslutsunderlag", "organisation-namn") or "den upphandlande organisationen"
    out = [B.heading(2, "Ärendet"),
           B.para(f"Ärendet gäller om {org} ska ställa sysselsättningskrav i sina upphandlingar: krav på att "
                  "leverantören under avtalstiden erbjuder jobb, lärlingsplatser eller praktik till personer som "
                  "står långt från arbetsmarknaden.")]
    purpose = _answer(b, "beslutsunderlag", "analys-mal")
    if purpose:
        short = purpose if len(purpose) <= SHORT_PURPOSE else purpose[:SHORT_PURPOSE].rsplit(" ", 1)[0] + " …"
        out.append(B.para(B.bold("Syfte: "), short + ("" if short == purpose else " (hela svaret i bilaga 1)")))
    verdict = summary["omdome"]
    if verdict and verdict["status"] != "tom":
        # The verdict's title and the counts; its advice ("Åtgärda dem innan ni beslutar") is
        # for whoever fills in the checklist, not for the nämnd: the proposal says it instead.
        out.append(B.para(B.bold(f"Checklistans omdöme: {verdict['rubrik']}."), " " + _counts_sentence(verdict),
                          klass="omdome"))
    else:
        out.append(B.para("Checklistan med förutsättningarna är inte besvarad ännu.", klass="tom"))
    return out


CHECKLISTS = ("beslutsunderlag", "genomforande")


def _missing_rows(states):
    """(rows, unanswered prerequisites): every Nej, Vet ej and Delvis of both checklists, once
    per question (the two tools share some questions; where their answers differ, both are
    shown)."""
    found, unanswered = {}, []
    for tool_id in CHECKLISTS:
        state = states[tool_id]
        if not _has_answers(state):
            continue  # said once, below the table
        tool = get_tool(tool_id)
        for section in tool.sections:
            for item in section.items:
                if item.kind != "val" or not item.applies(state["svar"]):
                    continue
                record = state["svar"].get(item.id, {})
                value = record.get("varde")
                if value in MISSING_ORDER:
                    found.setdefault(item.id, []).append((tool, item, record))
                elif value is None and item.prerequisite and item.text not in unanswered:
                    unanswered.append(item.text)
    rows = []
    for entries in found.values():
        tool, item, record = entries[0]
        prerequisite = any(i.prerequisite for _, i, _ in entries)
        action = next((i.action for _, i, _ in entries if i.action), "")
        text = item.text + (" (förutsättning)" if prerequisite else "") + (f"\nÅtgärd: {action}" if action else "")
        answers = [(t, i.label_of(r["varde"])) for t, i, r in entries]
        if len({a for _, a in answers}) > 1:
            answer = "\n".join(f"{a} ({t.title})" for t, a in answers)
        else:
            answer = answers[0][1]
        who = "\n".join(dict.fromkeys(r["ansvarig"].strip() for _, _, r in entries if (r.get("ansvarig") or "").strip()))
        notes = []
        for _, _, r in entries:
            if (r.get("kommentar") or "").strip():
                notes.append(r["kommentar"].strip())
            if r.get("klart_senast"):
                notes.append(f"Klart senast {r['klart_senast']}")
        severity = min(MISSING_ORDER[r["varde"]] for _, _, r in entries)
        rows.append((severity, [text, answer, who or EMPTY, "\n".join(dict.fromkeys(notes)) or EMPTY]))
    return [r for _, r in sorted(rows, key=lambda r: r[0])], unanswered


def _missing(states) -> list[dict]:
    out = [B.heading(2, "Förutsättningar som saknas")]
    if not any(_has_answers(states[tool_id]) for tool_id in CHECKLISTS):
        return out + [B.para("Checklistorna är inte besvarade ännu.", klass="tom")]
    rows, unanswered = _missing_rows(states)
    if rows:
        out.append(B.para("Varje fråga som är besvarad med Nej, Vet ej eller Delvis i Beslutsunderlag och Förbered "
                          "genomförandet."))
        out.append(B.table(["Fråga", "Svar", "Ansvarig", "Kommentar"], rows, klass="sk-saknas"))
    if unanswered and len(unanswered) <= 3:
        out += [B.para("Obesvarade förutsättningar:"), B.bullets(unanswered)]
    elif unanswered:
        out.append(B.para(f"{len(unanswered)} förutsättningar är obesvarade."))
    for tool_id in CHECKLISTS:
        if not _has_answers(states[tool_id]):
            out.append(B.para(f"{get_tool(tool_id).title} är inte besvarat ännu.", klass="tom"))
    if not rows and not unanswered:
        out.append(B.para("Inga: varje besvarad förutsättning är uppfylld."))
    return out


def _start(states, summaries) -> list[dict]:
    g = states["genomforande"]
    out = [B.heading(2, "Så börjar ni")]
    start = g["svar"].get("start", {}).get("varde")
    if start == "pilot":
        out.append(B.para(B.bold("Med en pilot."), " " + (_answer(g, "genomforande", "pilot-avgransning") or
                                                         "Pilotens avgränsning är inte beskriven ännu.")))
    elif start == "direkt":
        out.append(B.para(B.bold("Direkt i hela organisationen."), " " + (_answer(g, "genomforande", "styrdokument") or
                                                                         "Vad policy och riktlinjer ska beskriva är inte ifyllt ännu.")))
    else:
        out.append(B.para("Inte valt ännu: välj pilot eller att börja direkt i verktyget Förbered genomförandet.", klass="tom"))
    verdict = summaries["genomforande"]["omdome"]
    if verdict and verdict["status"] != "tom":
        out.append(B.para(B.bold(f"Förberedelserna: {verdict['rubrik']}."), " " + verdict["text"], klass="omdome"))
    return out


def _tool_blocks(tool_id, sections, state, everything) -> list[dict]:
    tool = get_tool(tool_id)
    single = len(sections) == 1
    out = []
    for section in sections:
        out += section_blocks(tool, section, state, 3, everything, title=not single)
    return out


def _appendix(key, states, summaries, sc, calc, link, everything) -> list[dict]:
    b = get_tool("beslutsunderlag")
    by_part = {p.id: [s for s in b.sections if s.part == p.id] for p in b.parts}
    if key == "analys":
        return _tool_blocks("beslutsunderlag", by_part["a"], states["beslutsunderlag"], everything)
    if key == "forutsattningar":
        return _tool_blocks("beslutsunderlag", by_part["b"], states["beslutsunderlag"], everything)
    if key == "berakning":
        rows = None
        if sc is not None:
            rows = [(label, value + (f" (ändrat, standard {default})" if default else ""))
                    for label, value, default in assumption_rows(sc)]
        return calculation_blocks(calc, link, 3, rows)
    state = states[key]
    out = _tool_blocks(key, list(get_tool(key).sections), state, everything)
    found = summaries[key]
    if key == "genomforande" and found["omdome"]:
        out.append(B.para(B.bold(f"Omdöme: {found['omdome']['rubrik']}."), " " + found["omdome"]["text"], klass="omdome"))
    if key == "uppfoljning":
        if found["nyckeltal"]:
            out += [B.heading(3, "Nyckeltal per period"), indicators_block(found["nyckeltal"])]
        out += [B.para(w, klass="varning") for w in found["varningar"]]
    return out


def document_model(states, berakning=None, page_path: str = DOCUMENT_PAGE, visa_alla: bool = False,
                   uppgifter=None, utan=()) -> dict:
    """The whole document as blocks (calculators.checklists.blocks) with what the renderers
    need: {"titel", "sprak", "filnamn", "block", "utelamnade"}. See render_document."""
    states, left_out = _states(states)
    problems = []
    try:
        heading = document_heading.values(uppgifter)
    except InputError as err:
        heading = {}
        problems.append(err.messages[0]["meddelande"])
    calc = calculation_summary(berakning) if berakning is not None else None
    sc = economics.valid_scenario(berakning) if berakning is not None else None
    summaries = {tool_id: summarize(tool_id, state) for tool_id, state in states.items()}
    summary = summaries["beslutsunderlag"]
    day = _latest_date(states)
    link = relative_url(CALCULATOR_PAGE, page_path)

    # The follow-up once it is started, the calculation once there is one (the summary says how to make it).
    shown = [(k, t) for k, t in APPENDICES if k not in utan
             and (k != "uppfoljning" or _has_answers(states["uppfoljning"])) and (k != "berakning" or calc is not None)]
    number = {k: n for n, (k, _) in enumerate(shown, 1)}
    calc_where = f"bilaga {number['berakning']}" if "berakning" in number else "beräkningen på webbplatsen"

    blocks = [B.heading(1, TITLE), B.facts(_facts(heading, states["beslutsunderlag"], day))]
    blocks += [B.para(_left_out_text(t), klass="varning") for t in left_out]
    blocks += [B.para(p, klass="varning") for p in problems]
    # The appendices are listed under the heading, as the contents of what follows.
    summary_part = [B.para(B.bold("Bilagor: "), "; ".join(f"{number[k]}. {t}" for k, t in shown) + ".")] if shown else []
    summary_part += [B.chapter(_proposal(states, heading, summary), "sk-forslag")] + _case(states, summary)
    summary_part.append(B.heading(2, "Ekonomiska konsekvenser"))
    if calc is None:
        summary_part += calculation_blocks(None, link)
    else:
        summary_part += economics.economic_blocks(berakning, sc, calc, calc_where, 3)
    summary_part += _missing(states) + _start(states, summaries)
    blocks.append(B.chapter(summary_part, "sk-sammanfattning"))
    for n, (key, title) in enumerate(shown, 1):
        part = [B.heading(2, f"Bilaga {n}. {title}")] + _appendix(key, states, summaries, sc, calc, link, visa_alla)
        blocks += ([B.PAGE_BREAK] if n == 1 else []) + [B.chapter(part)]
    stamp = heading.get("datum") or day
    return {
        "titel": TITLE,
        "sprak": "sv-SE",
        "filnamn": f"beslutsunderlag{'-' + stamp if stamp else ''}.docx",
        "block": blocks,
        "utelamnade": left_out,
    }


def render_document(states, berakning=None, page_path: str = DOCUMENT_PAGE, heading_level: int = 2,
                    visa_alla: bool = False, uppgifter=None, utan=()) -> dict:
    """{"html", "markdown", "modell", "utelamnade"?}: the whole document for these states (tool
    id → state; missing tools count as empty), the saved calculation (result format v2, or
    None), the heading fields (`uppgifter`, document_heading) and the appendices left out
    (`utan`, ids of APPENDICES). A summary comes first (Förslag till beslut, Ärendet,
    Ekonomiska konsekvenser, Förutsättningar som saknas, Så börjar ni); the full answers
    follow as appendices. A tool whose state cannot be read counts as empty, is named in the
    document, and is listed in "utelamnade" ([{"verktyg", "rubrik"}]). Unanswered questions
    and empty rows are left out unless `visa_alla`. "modell" is the blocks with chapters
    opened, for the Word file made in the browser."""
    model = document_model(states, berakning, page_path, visa_alla, uppgifter, utan)
    blocks = model.pop("block")
    left_out = model.pop("utelamnade")
    out = {
        "html": f'<article class="sk-dokument">\n{B.to_html(blocks, heading_level)}\n</article>',
        "markdown": B.to_markdown(blocks),
        "modell": {**model, "block": B.flat(blocks)},
    }
    if left_out:
        out["utelamnade"] = left_out
    return out


def _choices_html() -> str:
    """The heading fields and the appendices to include, shown by the glue (they need it to
    be saved)."""
    out = ['<div class="sk-dokument-val" data-dokument-val hidden>',
           '<fieldset class="sk-arendeuppgifter"><legend>Uppgifter om ärendet</legend>',
           '<p class="sk-hjalp">Står överst i dokumentet. Sparas bara i den här webbläsaren.</p>']
    for key, label, kind, hint in document_heading.FIELDS:
        control = f"sk-dok-{key}"
        described = f' aria-describedby="{control}-hjalp"' if hint else ""
        out.append(f'<div class="sk-falt"><label for="{control}">{esc(label)}</label>'
                   f'<input id="{control}" name="{key}" type="{kind}" maxlength="{document_heading.MAX_CHARS}"'
                   f' autocomplete="off" data-uppgift="{key}"{described}>'
                   + (f'<span class="sk-hjalp" id="{control}-hjalp">{esc(hint)}</span>' if hint else "") + "</div>")
    out.append("</fieldset>")
    out.append('<fieldset class="sk-bilagor"><legend>Bilagor att ta med</legend>')
    out += [f'<label class="sk-visa-alla"><input type="checkbox" data-bilaga="{key}" checked> {esc(title)}</label>'
            for key, title in APPENDICES]
    out.append("</fieldset></div>")
    return "\n".join(out)


def render_document_shell(page_path: str = DOCUMENT_PAGE, heading_level: int = 2) -> str:
    """The static page content: a toolbar for the glue and the empty document (the page's own
    text introduces it). The glue replaces the content of `[data-dokument]` with
    `render_document(...)["html"]`. `data-lagring` names the localStorage key of each tool
    whose answers the document gathers (the same keys the tools' forms carry)."""
    keys = json.dumps({tool_id: storage_key(tool_id) for tool_id in TOOL_IDS}, separators=(",", ":"))
    out = [
        f'<div class="sk-dokument-omslag" data-beslutsunderlag-dokument data-sida="{esc(page_path)}" data-lagring="{esc(keys)}"'
        f' data-uppgifter-lagring="{document_heading.STORAGE_NAME}" data-bilagor-lagring="{APPENDIX_STORAGE_NAME}">',
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
        _choices_html(),
        '<p class="sk-status" role="status" data-status></p>',
        '<div class="sk-dokument-innehall" data-dokument>',
        render_document({}, None, page_path, heading_level, visa_alla=True)["html"],
        "</div>",
        "</div>",
    ]
    return "\n".join(out)
