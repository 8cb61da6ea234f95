"""MkDocs hook: generate the method page "Så räknar vi" (metod/sa-raknar-vi.md) at build time.

The page is rendered by `calculators.pages.method.render_method_markdown()` from the same
parameter data and model the calculator uses, so the numbers shown and used never differ.
Register in mkdocs.yml under `hooks:` as `overrides/hooks/method_page.py`.
"""

import os
import sys

from mkdocs.structure.files import File

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# MkDocs restores sys.path after loading a hook, so import the package now: its submodules
# are found through the package itself afterwards.
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
import calculators  # noqa: E402,F401

PAGE_PATH = "metod/sa-raknar-vi.md"


# Searchable: the title, the introduction and what the calculation answers. The formulas,
# worked examples and parameter tables were half of the search index that every page loads,
# and with them a guidance page weighed 1.26 × a bare Material page (the limit is 1.2 ×, see
# bench/RESULTS.md); they are one link away from the calculator.
SEARCHED_SECTIONS = 1


def searchable(markdown: str) -> str:
    """The page with every section after the first SEARCHED_SECTIONS excluded from search."""
    out, seen = [], 0
    for line in markdown.split("\n"):
        if line.startswith("## "):
            seen += 1
        if line.startswith(("## ", "### ")) and seen > SEARCHED_SECTIONS:
            line += " { data-search-exclude }"
        out.append(line)
    return "\n".join(out)


def on_files(files, config):
    from calculators.pages.method import render_method_markdown

    files.append(File.generated(config, PAGE_PATH, content=searchable(render_method_markdown())))
    return files
