"""The checklists' operations for `calculators.web.handle` (JSON in, JSON out).

| op | data | returns |
|---|---|---|
| checklista_sammanfattning | {"verktyg", "tillstand": state or null, "berakning"?: result or null, "sida"?: docs path} | {"html", "sammanfattning"} |
| checklista_exportera | {"verktyg", "tillstand", "format": "markdown" or "csv" or "json"} | {"filnamn", "mimetyp", "innehall"} |
| checklista_importera | {"verktyg", "text": file content} | {"tillstand"} |
| beslutsunderlag_dokument | {"tillstand": {tool id: state}, "berakning": result or null, "scenario"?: scenario v2, "sida"?, "visa_alla"?: true to show unanswered questions and empty rows, "uppgifter"?: the heading fields (document_heading), "utan"?: [appendix ids left out]} | {"html", "markdown", "modell" (blocks for Word), "utelamnade"?: tools whose answers could not be read} |

For the document, pass either the saved result ("berakning", the impact model's result
format v2) or the saved scenario ("scenario", as the calculator page keeps it in
localStorage); a scenario is evaluated here with `calculators.model`.

Every function raises InputError (Swedish messages) on bad input.
"""

from __future__ import annotations

from calculators.errors import InputError

from .definitions import TOOL_IDS, get_tool
from .document import APPENDIX_IDS, DOCUMENT_PAGE, render_document
from .export import export, import_json
from .render import relative_url, summary_html
from .summary import summarize


def _data(data) -> dict:
    if not isinstance(data, dict):
        raise InputError("Förfrågan saknar uppgifter.")
    return data


def _tool(data) -> str:
    tool_id = data.get("verktyg")
    if not isinstance(tool_id, str) or tool_id not in TOOL_IDS:
        raise InputError.field("verktyg", "Okänt verktyg.")
    return tool_id


def _page(data, default):
    page = data.get("sida", default)
    if not isinstance(page, str) or not page.endswith(".md") or ".." in page.split("/") or len(page) > 200:
        raise InputError.field("sida", "Ogiltig sida.")
    return page


def sammanfattning(data):
    data = _data(data)
    tool_id = _tool(data)
    page = _page(data, "index.md")
    berakning = data.get("berakning")
    summary = summarize(tool_id, data.get("tillstand"), berakning)
    html = summary_html(summary, 3, lambda target: relative_url(target, page))
    return {"html": html, "sammanfattning": summary}


def exportera(data):
    data = _data(data)
    return export(_tool(data), data.get("tillstand"), data.get("format"))


def importera(data):
    data = _data(data)
    return {"tillstand": import_json(_tool(data), data.get("text"))}


def dokument(data):
    data = _data(data)
    berakning = data.get("berakning")
    if berakning is None and data.get("scenario") is not None:
        from calculators.model.api import OPS as impact_ops

        berakning = impact_ops["berakna"]({"scenario": data["scenario"]})
    left_out = data.get("utan", [])
    if not isinstance(left_out, list) or any(a not in APPENDIX_IDS for a in left_out):
        raise InputError.field("utan", "Okänd bilaga.")
    return render_document(data.get("tillstand"), berakning, _page(data, DOCUMENT_PAGE),
                           visa_alla=data.get("visa_alla") is True, uppgifter=data.get("uppgifter"), utan=tuple(left_out))


OPS = {
    "checklista_sammanfattning": sammanfattning,
    "checklista_exportera": exportera,
    "checklista_importera": importera,
    "beslutsunderlag_dokument": dokument,
}

__all__ = ["OPS", "get_tool"]
