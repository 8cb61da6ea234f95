"""The document page's "Dela med kollegor" section: one file with everything (issue 12, item 8).

"Spara allt i en fil" writes every tool's saved answers, the document's heading fields and the
calculator's saved calculations into one JSON file; "Öppna en fil med allt" reads such a file
back and merges it, item by item, into what this browser holds. The work is done in the
browser (overrides/assets/javascripts/sk-verktyg/bundle.mjs, pure, and bundle-page.mjs, the
glue): a file must be read and merged without waiting for Python, and the merge has its one
home in merge.mjs. This module renders the section and hands the browser the rules a file is
checked against, from where they live:

- per tool: its title, storage key, the text limits of every answer field and table column
  (the `maxlength` the form carries, state.TYPED_MAX_CHARS), the ids of retired
  questions, and per table the row-id rule, the pre-filled rows, MAX_ROWS and MAX_TOMBSTONES;
- the document's heading record (its storage name, fields and text limit);
- the calculator's field names (a saved calculation keeps only those);
- the largest file read.

The HTML contract for the glue: `[data-samlad-fil]` with `data-regler` (the rules as JSON),
`[data-atgard="spara-allt"]` (a button), `[data-samlad-oppna]` (the file input, labelled),
`[data-status]` (role=status). Controls that need JavaScript are `hidden` until the glue
shows them. The output has no blank line (one raw HTML block for Python-Markdown).
"""

from __future__ import annotations

import json

from .definitions import ADDED_ROW_RE, EXTRA_FIELDS, ROW_ID_MAX, TOOL_IDS, get_tool
from .escape import html_text as esc
from . import document_heading
from .export import MAX_IMPORT_CHARS
from .state import TYPED_MAX_CHARS, MAX_ROWS, MAX_TOMBSTONES, storage_key

FORMAT = "sysselsattningskrav-samlat"
VERSION = 1
# A file with everything holds at most every tool's largest export, and some room for the
# heading fields and the saved calculations.
MAX_CHARS = len(TOOL_IDS) * MAX_IMPORT_CHARS + 2_000_000

SECTION_ID = "dela-med-kollegor"


def _tool_rules(tool_id: str) -> dict:
    tool = get_tool(tool_id)
    questions = {}
    for item in tool.items.values():
        fields = {"varde": TYPED_MAX_CHARS.get(item.kind, 0)}
        for name in item.fields:
            fields[name] = TYPED_MAX_CHARS.get(EXTRA_FIELDS[name][1], 0)
        questions[item.id] = fields
    tables = {}
    for table in tool.tables.values():
        tables[table.id] = {
            "monster": ADDED_ROW_RE.pattern,
            "maxlangd": ROW_ID_MAX,
            "forifyllda": [row.id for row in table.rows],
            "maxRader": MAX_ROWS,
            "maxBorttagna": MAX_TOMBSTONES,
            "kolumner": {col.id: TYPED_MAX_CHARS.get(col.kind, 0) for col in table.columns},
        }
    return {
        "titel": tool.title,
        "lagring": storage_key(tool_id),
        "fragor": questions,
        "utgangna": sorted(tool.retired),
        "tabeller": tables,
    }


def bundle_rules() -> dict:
    """What bundle.mjs checks a file against (see the module's docstring)."""
    from calculators.pages.calculator import FIELDS

    return {
        "format": FORMAT,
        "version": VERSION,
        "maxTecken": MAX_CHARS,
        "verktyg": {tool_id: _tool_rules(tool_id) for tool_id in TOOL_IDS},
        "dokument": {
            "lagring": document_heading.STORAGE_NAME,
            "version": document_heading.VERSION,
            "falt": document_heading.LABELS,
            "maxTecken": document_heading.MAX_CHARS,
        },
        "berakning": {"falt": sorted(FIELDS)},
    }


def render_bundle_section(heading_level: int = 2) -> str:
    """The "Dela med kollegor" section of the document page."""
    rules = json.dumps(bundle_rules(), ensure_ascii=False, separators=(",", ":"))
    h = heading_level
    heading_id = f"{SECTION_ID}"
    file_id = "sk-samlad-fil"
    out = [
        f'<section class="sk-samlad" data-samlad-fil data-regler="{esc(rules)}" aria-labelledby="{heading_id}">',
        f'<h{h} id="{heading_id}">Dela med kollegor</h{h}>',
        "<p>Spara allt ni har fyllt i på webbplatsen i en enda fil: svaren i alla verktyg, dokumentets "
        "uppgifter och de sparade beräkningarna. Skicka filen till en kollega, till exempel med e-post. "
        "Kollegan öppnar filen här på sidan.</p>",
        "<p>När du öppnar en fil läggs den ihop med det som redan finns i din webbläsare. Har samma svar "
        "eller rad ändrats på båda ställena gäller den senaste ändringen. Sparade beräkningar med samma "
        "namn men olika innehåll behålls båda. Efteråt står det här vad som ändrades.</p>",
        '<noscript><p class="sk-status">Att spara och öppna en fil med allt kräver JavaScript.</p></noscript>',
        '<div class="sk-verktygsrad sk-samlad-knappar" data-kraver-js hidden>',
        '<button type="button" class="md-button sk-knapp" data-atgard="spara-allt">Spara allt i en fil</button>',
        f'<input type="file" class="sk-visuellt-dold sk-samlad-filval" id="{file_id}" accept=".json,application/json" data-samlad-oppna>',
        f'<label class="md-button sk-knapp" for="{file_id}">Öppna en fil med allt</label>',
        "</div>",
        '<p class="sk-status" role="status" data-status></p>',
        "</section>",
    ]
    return "\n".join(out)
