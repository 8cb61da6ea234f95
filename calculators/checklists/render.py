"""HTML of the tools: the full form rendered into the page at build time, and the summary
fragment (rendered at build time for the empty state, and again in the browser's worker).

The HTML contract for the JavaScript glue (nothing else in the page is relied upon):

- `<form data-verktyg="<tool id>" data-schema="2" data-lagring="<localStorage key>">` per tool.
- An answer: an element with `data-fraga="<item id>" data-typ="<kind>"` (and
  `data-forutsattning` on prerequisites) holding controls with `data-falt="varde"` (radios
  for val/alternativ, a textarea, or an input) and optionally `data-falt="ansvarig"`,
  `"kommentar"`, `"klart_senast"`. Radio values are the stored ids ("ja", "vet-ej", …).
- A table: `data-tabell="<table id>"` containing rows `data-rad="<row id>"` (user rows also
  `data-egen`), whose controls carry `data-falt="<column id>"`. The table also carries the
  limits from state.py: `data-max-rader` (live rows), `data-max-borttagna` (deleted-row
  markers kept), `data-rad-monster` and `data-rad-maxlangd`
  (what an added row's id may look like; a pre-filled row's id is that of a row in the page).
  New rows are cloned from `<template data-radmall="<table id>">` (DOM clone, never HTML
  text) whose row's `data-rad` is the placeholder to replace in attribute values with the new
  row id. Buttons: `data-atgard="lagg-till-rad" data-tabell="<table id>"` (followed by a
  hidden `[data-radgrans]` note shown when the table is full), `data-atgard="ta-bort-rad"`.
- Text controls carry `maxlength` (state.TYPED_MAX_CHARS by kind).
- The toolbar `[data-verktygsrad]` is `hidden` until the glue shows it; its buttons have
  `data-atgard` = exportera-markdown | exportera-csv | exportera-json | importera |
  borja-om | angra-borja-om (hidden until needed) | skriv-ut; beside each table's rows
  lagg-till-rad and angra-borttagning (hidden until a row is removed); the file input for import has
  `data-importfil` (hidden; the importera button opens it) and `data-max-tecken`
  (export.MAX_IMPORT_CHARS: JS refuses a larger file unread). Messages go to `[data-status]`.
- The summary goes into `[data-sammanfattning]`, whose content is exactly
  `render_summary(...)`. It is not a live region: it changes after every pause in typing, and
  a screen reader would read all of it again each time; a new verdict is said in `[data-status]`.

The output never contains a blank line, so it passes through Python-Markdown (with or
without md_in_html) as one raw HTML block.
"""

from __future__ import annotations

import posixpath

from .calculation import CALCULATOR_PAGE, calculation_html
from .definitions import ADDED_ROW_RE, EXTRA_FIELDS, ROW_ID_MAX, Item, Section, Table, Tool, get_tool
from .escape import html_isolated as isolated, html_text as esc
from .export import MAX_IMPORT_CHARS
from .state import TYPED_MAX_CHARS, MAX_ROWS, MAX_TOMBSTONES, SCHEMA, storage_key
from .summary import summarize
from ._fmt import tal

ROW_PLACEHOLDER = "__RAD__"


# ─── Links ──────────────────────────────────────────────────────────────────────────────


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a Markdown file: 'a/b.md' → 'a/b/' ('a/b.html')."""
    path = src_path.strip("/")
    stem = path[:-3] if path.endswith(".md") else path
    base = posixpath.basename(stem)
    if base in ("index", "README"):
        parent = posixpath.dirname(stem)
        return parent + "/" if parent else ""
    return stem + "/" if use_directory_urls else stem + ".html"


def relative_url(target: str, page_path: str, use_directory_urls: bool = True) -> str:
    """A docs-relative link target ('besluta.md#mall') as a URL relative to the page."""
    path, _, fragment = target.partition("#")
    here = page_url(page_path, use_directory_urls)
    here_dir = here[:-1] if here.endswith("/") else posixpath.dirname(here)
    if path:
        there = page_url(path, use_directory_urls)
        rel = posixpath.relpath(there or ".", here_dir or ".")
        if there.endswith("/") or not there:
            rel = "./" if rel == "." else rel + "/"
    else:
        rel = ""
    return rel + ("#" + fragment if fragment else "")


class _Links:
    def __init__(self, page_path, use_directory_urls):
        self.page_path = page_path
        self.use_directory_urls = use_directory_urls

    def __call__(self, target):
        return relative_url(target, self.page_path, self.use_directory_urls)


# ─── Form ───────────────────────────────────────────────────────────────────────────────


def _id(*parts) -> str:
    return "--".join(("sk",) + tuple(parts))


def _hint(control_id, hint, out) -> str:
    if not hint:
        return ""
    hint_id = control_id + "--hjalp"
    out.append(f'<p class="sk-hjalp" id="{hint_id}">{esc(hint)}</p>')
    return f' aria-describedby="{hint_id}"'


def _control(kind, control_id, name_field, choices, described="") -> str:
    """An input for a single value (not radio groups)."""
    data = f' data-falt="{esc(name_field)}"'
    if kind == "fritext":
        return f'<textarea class="sk-fritext" id="{control_id}" name="{control_id}" rows="3" maxlength="{TYPED_MAX_CHARS[kind]}"{data}{described}></textarea>'
    if kind == "text":
        return f'<input class="sk-text" type="text" id="{control_id}" name="{control_id}" maxlength="{TYPED_MAX_CHARS[kind]}" autocomplete="off"{data}{described}>'
    if kind == "tal":
        return (f'<input class="sk-tal" type="text" inputmode="decimal" id="{control_id}" name="{control_id}" '
                f'maxlength="{TYPED_MAX_CHARS[kind]}" autocomplete="off"{data}{described}>')
    if kind == "datum":
        return f'<input class="sk-datum" type="date" id="{control_id}" name="{control_id}"{data}{described}>'
    if kind == "alternativ":
        options = '<option value="">Välj</option>' + "".join(f'<option value="{esc(k)}">{esc(label)}</option>' for k, label in choices)
        return f'<select class="sk-val" id="{control_id}" name="{control_id}"{data}{described}>{options}</select>'
    raise AssertionError(kind)


def _why(tool: Tool, item: Item, links, out):
    if not (item.why or item.source):
        return
    out.append('<details class="sk-varfor">')
    out.append("<summary>Varför?</summary>")
    if item.why:
        out.append(f"<p>{esc(item.why)}</p>")
    if item.source:
        source = esc(item.source)
        if item.source_link:
            source = f'<a href="{esc(links(item.source_link))}">{source}</a>'
        out.append(f'<p class="sk-kalla">Källa: {source}</p>')
    out.append("</details>")


def _item(tool: Tool, section: Section, item: Item, links, out):
    base = _id(tool.id, item.id)
    container = _id(tool.id, "fraga", item.id)
    prereq = " data-forutsattning" if item.prerequisite else ""
    classes = "sk-fraga" + (" sk-fraga--forutsattning" if item.prerequisite else "")
    grouped = item.kind in ("val", "alternativ") or bool(item.fields)
    marker = ' <span class="sk-markering">Förutsättning</span>' if item.prerequisite else ""
    tag = "fieldset" if grouped else "div"
    # Shown by the page once the question it depends on has one of its answers (none yet here).
    visas = (f' data-visas-nar="{esc(item.show_when[0])}:{esc(",".join(item.show_when[1]))}" hidden'
             if item.show_when else "")
    out.append(f'<{tag} class="{classes}" id="{container}" data-fraga="{esc(item.id)}" data-typ="{esc(item.kind)}"{prereq}{visas}>')
    if grouped:
        out.append(f'<legend class="sk-fragetext" id="{base}--rubrik">{esc(item.text)}{marker}</legend>')
        described = _hint(base, item.hint, out)
        if item.kind in ("val", "alternativ"):
            cls = "sk-alternativ" + (" sk-alternativ--rad" if item.kind == "val" else "")
            out.append(f'<div class="{cls}">')
            for value, label in item.choices:
                rid = f"{base}--varde--{value}"
                option = next((o for o in item.options if o.id == value), None)
                desc_attr = ""
                desc_html = ""
                if option is not None and option.description:
                    desc_attr = f' aria-describedby="{rid}--beskrivning"'
                    desc_html = f'<span class="sk-beskrivning" id="{rid}--beskrivning">{esc(option.description)}</span>'
                out.append(
                    f'<div class="sk-alternativ__val"><input type="radio" id="{rid}" name="{base}--varde" '
                    f'value="{esc(value)}" data-falt="varde"{desc_attr}{described}>'
                    f'<label for="{rid}">{esc(label)}</label>{desc_html}</div>'
                )
            out.append("</div>")
        else:
            cid = f"{base}--varde"
            out.append(f'<label class="sk-etikett" for="{cid}">Svar</label>')
            out.append(_control(item.kind, cid, "varde", item.choices, described))
        if item.fields:
            out.append('<div class="sk-tillagg">')
            for name in item.fields:
                label, kind = EXTRA_FIELDS[name]
                cid = f"{base}--{name}"
                out.append(f'<div class="sk-tillagg__falt"><label class="sk-etikett" for="{cid}">{esc(label)}</label>')
                out.append(_control(kind, cid, name, ()) + "</div>")
            out.append("</div>")
    else:
        cid = f"{base}--varde"
        out.append(f'<label class="sk-fragetext" for="{cid}">{esc(item.text)}</label>')
        described = _hint(base, item.hint, out)
        out.append(_control(item.kind, cid, "varde", item.choices, described))
    if item.link:
        out.append(f'<p class="sk-lank"><a href="{esc(links(item.link))}">{esc(item.link_text)}</a></p>')
    _why(tool, item, links, out)
    out.append(f"</{tag}>")


def _row(tool: Tool, table: Table, row_id: str, fixed: dict, out, added: bool, position: int | None = None):
    row_html_id = _id(tool.id, table.id, "rad", row_id)
    legend_id = f"{row_html_id}--namn"
    # A row whose heading the user writes is named as the summary names it, renamed with each
    # summary (checklist-form.mjs), so that a screen reader tells the rows apart.
    legend = table.row_name(fixed, position) if position else table.new_row_label
    named_by = "" if table.heading_column in fixed else f' data-namnges-av="{esc(table.heading_column)}"'
    extra = [c for c in table.columns if c.id in fixed and c.id != table.heading_column]
    detail = ""
    if extra:
        detail = " <span class=\"sk-radinfo\">(" + ", ".join(
            esc(c.label_of(fixed[c.id]) if c.kind == "alternativ" else fixed[c.id]) for c in extra
        ) + ")</span>"
    egen = " data-egen" if added else ""
    out.append(f'<fieldset class="sk-rad" id="{row_html_id}" data-rad="{esc(row_id)}"{egen}>')
    out.append(f'<legend class="sk-radrubrik" id="{legend_id}"{named_by}>{esc(legend)}{detail}</legend>')
    out.append('<div class="sk-rad__falt">')
    for col in table.columns:
        if col.id in fixed:
            continue
        cid = _id(tool.id, table.id, row_id, col.id)
        out.append(f'<div class="sk-tillagg__falt"><label class="sk-etikett" for="{cid}">{esc(col.text)}</label>')
        described = _hint(cid, col.hint, out)
        out.append(_control(col.kind, cid, col.id, col.choices, described) + "</div>")
    out.append("</div>")
    if added:
        out.append(f'<button type="button" class="md-button sk-knapp" data-atgard="ta-bort-rad" '
                   f'aria-describedby="{legend_id}">{esc(table.remove_label)}</button>')
    out.append("</fieldset>")


def _table(tool: Tool, table: Table, out):
    out.append(
        f'<div class="sk-tabell-rader" id="{_id(tool.id, "tabell", table.id)}" data-tabell="{esc(table.id)}" '
        f'data-max-rader="{MAX_ROWS}" data-max-borttagna="{MAX_TOMBSTONES}" '
        f'data-rad-monster="{esc(ADDED_ROW_RE.pattern)}" data-rad-maxlangd="{ROW_ID_MAX}">'
    )
    for position, row in enumerate(table.rows, 1):
        _row(tool, table, row.id, row.fixed, out, added=False, position=position)
    out.append("</div>")
    template = []
    _row(tool, table, ROW_PLACEHOLDER, {}, template, added=True)
    out.append(f'<template data-radmall="{esc(table.id)}">' + "".join(template) + "</template>")
    limit_id = _id(tool.id, "tabell", table.id, "grans")
    out.append(
        f'<p class="sk-radknappar"><button type="button" class="md-button sk-knapp" data-atgard="lagg-till-rad" '
        f'data-tabell="{esc(table.id)}" data-kraver-js hidden>{esc(table.add_label)}</button> '
        # Beside the rows, where the visitor is: the toolbar's Ångra is out of sight.
        f'<button type="button" class="md-button sk-knapp" data-atgard="angra-borttagning" '
        f'data-tabell="{esc(table.id)}" hidden>Ångra borttagningen</button> '
        f'<span class="sk-radgrans" id="{limit_id}" data-radgrans hidden>Tabellen har {tal(MAX_ROWS)} rader, vilket är det högsta antalet. '
        "Ta bort en rad för att kunna lägga till en ny.</span></p>"
    )


def _section(tool: Tool, section: Section, links, out):
    out.append(f'<fieldset class="sk-avsnitt" id="{_id(tool.id, "avsnitt", section.id)}" data-avsnitt="{esc(section.id)}">')
    out.append(f'<legend class="sk-avsnittsrubrik">{esc(section.title)}</legend>')
    if section.intro:
        out.append(f'<p class="sk-ingress">{esc(section.intro)}</p>')
    for item in section.items:
        _item(tool, section, item, links, out)
    if section.table is not None:
        _table(tool, section.table, out)
    out.append("</fieldset>")


TOOLBAR = (
    ("exportera-markdown", "Ladda ner som Markdown", False),
    ("exportera-csv", "Ladda ner som CSV (Excel)", False),
    ("exportera-json", "Spara som JSON-fil", False),
    ("importera", "Öppna en sparad JSON-fil", False),
    ("skriv-ut", "Skriv ut eller spara som PDF", False),
    ("borja-om", "Börja om", False),
    ("angra-borja-om", "Ångra Börja om", True),
)


def _toolbar(tool: Tool, out):
    out.append(f'<div class="sk-verktygsrad" role="group" aria-label="Spara, skriv ut och börja om: {esc(tool.title)}" data-verktygsrad hidden>')
    for action, label, hidden in TOOLBAR:
        out.append(f'<button type="button" class="md-button sk-knapp" data-atgard="{action}"{" hidden" if hidden else ""}>{esc(label)}</button>')
    out.append(f'<input type="file" id="{_id(tool.id, "importfil")}" accept=".json,application/json" data-importfil data-max-tecken="{MAX_IMPORT_CHARS}" hidden>')
    out.append("</div>")
    out.append('<p class="sk-status" role="status" data-status></p>')


def _summary_block(tool: Tool, heading_level: int, links, out):
    hid = _id(tool.id, "sammanfattning", "rubrik")
    out.append(f'<section class="sk-sammanfattning-omslag" aria-labelledby="{hid}">')
    out.append(f'<h{heading_level} class="sk-rubrik" id="{hid}">Sammanfattning</h{heading_level}>')
    out.append('<div class="sk-sammanfattning" data-sammanfattning>')
    out.append(render_summary(tool.id, None, heading_level=heading_level + 1, links=links))
    out.append("</div>")
    out.append("</section>")


def render_tool(tool_id: str, page_path: str, heading_level: int = 2, use_directory_urls: bool = True) -> str:
    """The whole tool as one HTML block for the Markdown page at `page_path` (docs-relative).

    The page's own h1 is the tool's title, so the tool repeats no title: its parts and its
    summary are headings at `heading_level`, the summary's inner headings one below.
    """
    tool = get_tool(tool_id)
    links = _Links(page_path, use_directory_urls)
    h2 = heading_level
    out = []
    out.append(f'<div class="sk-verktyg-omslag" id="{_id(tool.id)}">')
    out.append(
        f'<form class="sk-verktyg" data-verktyg="{esc(tool.id)}" data-schema="{SCHEMA}" '
        f'data-lagring="{esc(storage_key(tool.id))}" data-sida="{esc(page_path)}" aria-label="{esc(tool.title)}" novalidate>'
    )
    out.append(f'<p class="sk-ingress">{esc(tool.intro)}</p>')
    out.append(
        f'<p class="sk-vagledning">Bygger på vägledningen: '
        f'<a href="{esc(links(tool.guidance))}">{esc(tool.guidance_text)}</a>.</p>'
    )
    out.append('<p class="sk-sparas">Svaren sparas bara i den här webbläsaren, medan du skriver. Ingenting skickas någonstans. '
               f'<a href="#{_id(tool.id, "sammanfattning", "rubrik")}">Gå till sammanfattningen</a>.</p>')
    out.append('<noscript><p class="sk-status"><strong>JavaScript är avstängt.</strong> Du kan läsa frågorna och skriva ut '
               "sidan, men svaren sparas inte och sammanfattningen räknas inte fram. Slå på JavaScript för att fylla i "
               "verktyget; allt stannar ändå i din webbläsare.</p></noscript>")
    if tool.tips:
        out.append(f'<div class="sk-tips"><p class="sk-tips__rubrik">{esc(tool.tips_title or "Tips")}</p><ul>')
        out.append("".join(f"<li>{esc(t)}</li>" for t in tool.tips))
        out.append("</ul></div>")
    _toolbar(tool, out)
    current_part = None
    summary_done = False
    for section in tool.sections:
        if section.part and section.part != current_part:
            current_part = section.part
            if tool.summary_before == section.part and not summary_done:
                _summary_block(tool, h2, links, out)
                summary_done = True
            part = tool.part(section.part)
            out.append(f'<h{h2} class="sk-del" id="{_id(tool.id, "del", part.id)}">{esc(part.title)}</h{h2}>')
            if part.intro:
                out.append(f'<p class="sk-ingress">{esc(part.intro)}</p>')
        _section(tool, section, links, out)
    if tool.link:
        out.append(f'<p class="sk-lank"><a href="{esc(links(tool.link))}">{esc(tool.link_text)}</a></p>')
    if not summary_done:
        _summary_block(tool, h2, links, out)
    out.append("</form>")
    out.append("</div>")
    return "\n".join(out)


# ─── Summary fragment ──────────────────────────────────────────────────────────────────


def _who(entry) -> str:
    return f' <span class="sk-ansvarig">Ansvarig: {isolated(entry["ansvarig"])}</span>' if entry.get("ansvarig") else ' <span class="sk-ansvarig sk-ansvarig--saknas">Ingen ansvarig angiven</span>'


def indicators_html(periods: list) -> str:
    out = ['<table class="sk-tabell"><thead><tr><th scope="col">Period</th>']
    out.append("".join(f'<th scope="col" class="sk-tal">{esc(v["text"])}</th>' for v in periods[0]["nyckeltal"]))
    out.append("</tr></thead><tbody>")
    for period in periods:
        cells = "".join(f'<td class="sk-tal">{esc(v["visning"])}</td>' for v in period["nyckeltal"])
        out.append(f'<tr><th scope="row">{esc(period["period"])}</th>{cells}</tr>')
    out.append("</tbody></table>")
    return "\n".join(out)


def summary_html(summary: dict, heading_level: int = 3, links=None) -> str:
    h = f"h{heading_level}"
    out = []

    def to_item(entry, text):
        """The text as a link to the question on the tool's page, where it is answered."""
        return f'<a href="#{_id(summary["verktyg"], "fraga", entry["id"])}">{esc(text)}</a>'

    verdict = summary["omdome"]
    if verdict is not None:
        out.append(
            f'<div class="sk-omdome sk-omdome--{esc(verdict["status"])}" data-omdome="{esc(verdict["status"])}">'
            f'<p><strong class="sk-omdome__rubrik">{esc(verdict["rubrik"])}.</strong> {esc(verdict["text"])}</p></div>'
        )
    for warning in summary["varningar"]:
        out.append(f'<p class="sk-varning">{esc(warning)}</p>')
    if summary["oppna_forutsattningar"] and verdict and verdict["status"] != "tom":
        out.append(f'<{h} class="sk-rubrik">Åtgärda först</{h}>')
        out.append('<ul class="sk-lista sk-oppna">')
        for e in summary["oppna_forutsattningar"]:
            out.append(
                f'<li><strong>{to_item(e, e["atgard"])}</strong> <span class="sk-svarstext">(”{esc(e["text"])}” – {esc(e["svarstext"])})</span>{_who(e)}</li>'
            )
        out.append("</ul>")
    if summary["delvis_forutsattningar"]:
        out.append(f'<{h} class="sk-rubrik">Delvis uppfyllda förutsättningar</{h}>')
        out.append('<ul class="sk-lista">')
        for e in summary["delvis_forutsattningar"]:
            out.append(f'<li><strong>{to_item(e, e["atgard"])}</strong> <span class="sk-svarstext">(”{esc(e["text"])}”)</span>{_who(e)}</li>')
        out.append("</ul>")
    if summary["vet_ej"]:
        out.append(f'<{h} class="sk-rubrik">Ta reda på (Vet ej)</{h}>')
        out.append('<ul class="sk-lista sk-vetej">')
        for e in summary["vet_ej"]:
            out.append(f'<li>{to_item(e, e["text"])}{_who(e) if e["ansvarig"] else ""}</li>')
        out.append("</ul>")
    if summary["nyckeltal"]:
        out.append(f'<{h} class="sk-rubrik">Nyckeltal per period</{h}>')
        out.append(indicators_html(summary["nyckeltal"]))
    if summary.get("utfall"):
        outcome = summary["utfall"]
        link = f'{links(CALCULATOR_PAGE) if links else CALCULATOR_PAGE}#{outcome["fragment"]}'
        people = f'{outcome["antal_personer"]} {"person" if outcome["antal_personer"] == 1 else "personer"}'
        out.append(f'<p class="sk-utfallslank"><a href="{esc(link)}">Räkna om den samhällsekonomiska beräkningen med '
                   f'utfallet för {isolated(outcome["period"])}: {people} i sysselsättning</a>. Övriga uppgifter får '
                   "beräkningens standardvärden; ändra dem där så att de stämmer med era upphandlingar.</p>")
    for table in summary["tabeller"].values():
        if table["utan_ansvarig"]:
            names = ", ".join(isolated(name) for name in table["utan_ansvarig"])
            out.append(f'<p class="sk-varning">Ansvarig saknas för: {names}.</p>')
    out.append(f'<{h} class="sk-rubrik">Besvarat</{h}>')
    out.append(f'<p class="sk-framsteg-totalt">{summary["besvarade"]} av {summary["totalt"]} besvarade.</p>')
    out.append('<ul class="sk-lista sk-framsteg">')
    for s in summary["avsnitt"]:
        done = " sk-framsteg--klart" if s["besvarade"] == s["totalt"] else ""
        out.append(f'<li class="sk-framsteg__avsnitt{done}">{esc(s["rubrik"])}: {s["besvarade"]} av {s["totalt"]}</li>')
    out.append("</ul>")
    if "berakning" in summary:
        link = links(CALCULATOR_PAGE) if links else CALCULATOR_PAGE
        out.append(f'<{h} class="sk-rubrik">Samhällsekonomisk beräkning</{h}>')
        out.append(calculation_html(summary["berakning"], link, heading_level + 1))
    return "\n".join(out)


def render_summary(tool_id: str, state, berakning: dict | None = None, heading_level: int = 3, links=None) -> str:
    """The inner HTML of the tool's `[data-sammanfattning]` region for this state."""
    return summary_html(summarize(tool_id, state, berakning), heading_level, links)
