"""Interactive checklists and worksheets: tool definitions (TOML), saved state (schema and
validation; the merge is in the browser), live summary and verdict, exports and import, build-time HTML, and the
beslutsunderlag document.

Modules: definitions (TOML → objects), state (format, validation), summary (verdict),
render (form and summary HTML), content/export (Markdown, CSV, JSON), calculation (the saved
impact calculation), document (the beslutsunderlag document), api (OPS for calculators.web).
"""
