"""Python core of the site: impact model, tax rules, checklists, exports and HTML fragments.

Standard library only, so that the same code runs at build time (CPython) and in the
browser (Pyodide). The browser talks to it through `calculators.web.handle`.
"""

__version__ = "0.1.0"
