"""Interactive checklists and worksheets: tool definitions (TOML), saved state (schema,
migration, merge), live summary and verdict, exports and import, build-time HTML, and the
beslutsunderlag document.

Modules: definitions (TOML → objects), state (format, migrate, merge), summary (verdict),
render (form and summary HTML), content/export (Markdown, CSV, JSON), calculation (the saved
impact calculation), document (the beslutsunderlag document), api (OPS for calculators.web).
"""

from .definitions import TOOL_IDS, get_tool
from .document import render_document, render_document_shell
from .export import export_csv, export_json, export_markdown, import_json
from .render import relative_url, render_summary, render_tool
from .state import FORMAT, SCHEMA, empty_state, merge_states, migrate
from .summary import summarize

__all__ = [
    "FORMAT", "SCHEMA", "TOOL_IDS", "empty_state", "export_csv", "export_json", "export_markdown",
    "get_tool", "import_json", "merge_states", "migrate", "relative_url", "render_document",
    "render_document_shell", "render_summary", "render_tool", "summarize",
]
