"""Interactive checklists and worksheets: tool definitions (TOML), saved state (schema,
migration, merge), live summary and verdict, exports and import, build-time HTML, and the
beslutsunderlag document.

Modules: definitions (TOML → objects), state (format, migrate, merge), summary (verdict),
render (form and summary HTML), content/export (Markdown, CSV, JSON), calculation (the saved
impact calculation), document (the beslutsunderlag document), api (OPS for calculators.web).
"""
