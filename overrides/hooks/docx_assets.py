"""Ship the `docx` library to the browser for the Word export of the beslutsunderlag.

After the build this hook copies the library's self-contained ES module from
`node_modules/docx/dist/index.mjs` into `site/assets/docx/<version>/docx.mjs` with its
licence beside it (MIT asks for the notice to travel with the copy). The module imports
nothing, makes no request and uses no eval, so it runs under the site's policy (script-src
'self'). The page learns its address from `config.extra.sk_docx` (set in `on_config`),
which `overrides/main.html` writes into the `sk-python` meta tag as "docx"; the document
page imports it only when the reader presses "Ladda ner som Word" (about 1 MB, 230 kB
gzipped, so no other page and no other visitor pays for it).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCX_DIR = ROOT / "node_modules" / "docx"
FILES = {"dist/index.mjs": "docx.mjs", "LICENSE": "LICENSE"}

_state: dict = {}


def _missing(what: str):
    from mkdocs.exceptions import PluginError

    return PluginError(
        f"docx saknas: {what} finns inte. Kör `npm ci` (eller `make deps`) innan bygget, så att "
        "beslutsunderlaget kan laddas ner som Word-fil."
    )


def docx_version() -> str:
    manifest = DOCX_DIR / "package.json"
    if not manifest.is_file():
        raise _missing("node_modules/docx")
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def on_config(config):
    version = docx_version()
    _state["version"] = version
    config.extra["sk_docx"] = f"assets/docx/{version}/docx.mjs"
    return config


def on_post_build(config):
    target = Path(config.site_dir) / "assets" / "docx" / _state["version"]
    target.mkdir(parents=True, exist_ok=True)
    for source_name, target_name in FILES.items():
        source = DOCX_DIR / source_name
        if not source.is_file():
            raise _missing(f"node_modules/docx/{source_name}")
        shutil.copyfile(source, target / target_name)
