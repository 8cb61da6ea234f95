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


def on_files(files, config):
    from calculators.pages.method import render_method_markdown

    files.append(File.generated(config, PAGE_PATH, content=render_method_markdown()))
    return files
