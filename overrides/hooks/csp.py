"""The Content-Security-Policy of every built page, with hashes instead of 'unsafe-inline'.

GitHub Pages cannot send headers, so the policy travels as a `<meta>` tag that
`overrides/main.html` writes with the placeholder below. After the build this hook collects
every inline `<script>` of every page (Material's own small scripts: the scope of its
storage, the palette, the anchor fix), hashes each with SHA-256 and writes one policy with
all those hashes into every page. Every page gets the union because Material's instant
navigation keeps the first page's policy while it runs the next page's scripts.

So nothing that reaches a page as data (stored answers, a share link, an imported file) can
run as script: an injected inline script or event handler matches no hash. Why each source:

- `'self'` only: every script, style, font, image and fetch is our own file (no visitor data
  to third parties).
- no `'wasm-unsafe-eval'`: the page compiles no WebAssembly; Pyodide runs in a module worker,
  and a worker is governed by its own response (no policy on GitHub Pages), not by the page.
- `style-src 'unsafe-inline'`: Material and our SVG charts set `style` attributes; styles
  cannot run script.
- `img-src data:`: Material's icons are data-URI SVG in its stylesheet.
- `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`: no plugins, no `<base>`
  hijack, no form posting elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

PLACEHOLDER = "__SK_CSP__"
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
# An inline script: no src attribute, and a type that the browser executes.
SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
SCRIPT_TYPES = {"", "text/javascript", "module"}


def inline_scripts(page_html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run."""
    found = []
    for match in SCRIPT.finditer(page_html):
        attrs = match.group("attrs")
        kind = TYPE.search(attrs)
        if re.search(r"\bsrc\s*=", attrs, re.I) or (kind and kind.group(1).lower() not in SCRIPT_TYPES):
            continue
        found.append(match.group("body"))
    return found


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes) -> str:
    return POLICY.format(hashes=" ".join(sorted(set(hashes))))


def on_post_build(config):
    pages = sorted(Path(config["site_dir"]).rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    hashes = {script_hash(body) for text in texts.values() for body in inline_scripts(text)}
    value = html.escape(policy(hashes), quote=False).replace('"', "&quot;")
    for path, text in texts.items():
        if PLACEHOLDER not in text:
            if "assets" in path.relative_to(config["site_dir"]).parts:
                continue  # an HTML file shipped with an asset, not a page of ours
            raise PluginError(f"{path}: the page has no Content-Security-Policy placeholder")
        path.write_text(text.replace(PLACEHOLDER, value), encoding="utf-8")
