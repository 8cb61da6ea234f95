"""Offline use (issue 13): write `site/sw.js`, a service worker that keeps this build's files.

After the build (and after csp.py, so that the pages are hashed as they are served) this hook
lists the site's own files with a SHA-256 per file and writes them into `sw.js` at the site
root, next to the service worker code in `sw-template.js`. The cache the worker fills is named
after one hash over that list, so each build has a cache of its own and a file of one build
can never be answered from another build's cache.

Two kinds of files:

- PRECACHE, fetched when the worker installs (in the background, after the first page has
  loaded): every page, the stylesheets and scripts, images, the search index and the
  search language files we use. About 1.3 MB, a third of it gzipped on the wire; after that
  every page opens without the network.
- LAZY, the large runtime files that only a tool page needs: Pyodide and our package (python
  group, 5 MB, the runtime and standard library compressed; the Python worker keeps them
  decoded itself) and the Word library (docx group, 1 MB). A guidance-only visitor must never
  download them, so they are kept when a page first uses them: the Word library when it is
  fetched through the worker, the Python runtime at the page's request once Python has
  started (in Chromium the browser answers files under assets/ from the cache by itself,
  static routing, so the worker does not see them). A new build's worker takes a group along
  in its install only if the old cache had it, i.e. if this browser has used a tool before.

Python's memory snapshot is not a file of the site: the Python worker makes it in the browser
and keeps it in a cache of its own (sk-python-worker.mjs), beside the runtime it decoded. The
service worker only learns its name (SNAPSHOT): when a new build takes over, it deletes
everything else in that cache (an older build's snapshot, a decoded runtime file this build
does not ship).

Everything in the worker is relative to its own address (GitHub Pages serves the site under
`/<repo>/`), so `site_url` plays no part.

On `mkdocs serve` (make serve) the pages do not register a worker: the development server
rebuilds on every change, and a cache in front of it would show old pages. This hook then
writes a `sw.js` that removes itself and its caches, for a browser that registered the
worker of a build served earlier on the same address.

`write_service_worker(site_dir)` is importable on its own (the offline tests patch a built
site and write a new worker for it).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import quote

TEMPLATE = Path(__file__).with_name("sw-template.js")
WORKER = "sw.js"
# Large runtime files, kept only once a page uses them (group name → folder under the site).
LAZY_GROUPS = {"python": ("assets/pyodide/", "assets/py/"), "docx": ("assets/docx/",)}
# What a page may use, by suffix. Not kept: source maps (only for developer tools), the
# sitemap (for search engines), LICENSE files and copies of build scripts.
PRECACHE_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".png", ".ico", ".woff2", ".woff", ".webp"}
SKIP_FOLDERS = ("hooks/",)
# Material ships lunr's stemmers for thirty languages; its search worker loads only the
# configured ones (and the support and multi files).
LUNR = "assets/javascripts/lunr/"

_state: dict = {"command": "build"}


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    # The pages register the worker only when the build writes one (see main.html).
    config.extra["sk_offline"] = WORKER if _state["command"] != "serve" else ""
    return config


def _search_languages(config) -> list[str]:
    # Material registers its search plugin as "material/search".
    plugin = next((p for name, p in config.plugins.items() if name.split("/")[-1] == "search"), None)
    languages = getattr(getattr(plugin, "config", None), "lang", None) or []
    return [languages] if isinstance(languages, str) else list(languages)


def _wanted_lunr(path: str, languages: list[str]) -> bool:
    if not path.startswith(LUNR):
        return True
    name = path.rsplit("/", 1)[-1]
    keep = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"} | {f"lunr.{lang}.min.js" for lang in languages}
    return name in keep


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def manifest(site_dir: Path, languages=("sv",)) -> dict:
    """{"precache": {url: hash}, "lazy": {group: {url: hash}}} for the files under site_dir.

    URLs are relative to the site root and percent-encoded as a browser writes them."""
    precache: dict[str, str] = {}
    lazy: dict[str, dict[str, str]] = {group: {} for group in LAZY_GROUPS}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        url = quote(relative)
        group = next((g for g, prefixes in LAZY_GROUPS.items() if relative.startswith(prefixes)), None)
        if group:
            if path.name != "LICENSE":
                lazy[group][url] = file_hash(path)
            continue
        if relative == WORKER or relative.startswith(SKIP_FOLDERS) or path.suffix not in PRECACHE_SUFFIXES:
            continue
        if _wanted_lunr(relative, list(languages)):
            precache[url] = file_hash(path)
    return {"precache": precache, "lazy": lazy}


def build_id(files: dict) -> str:
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def write_service_worker(site_dir, languages=("sv",), snapshot="") -> str:
    """Write sw.js for the built site in site_dir; return the build's id (its cache's name).
    snapshot: the path (from the site root) naming this build's Python snapshot, if any."""
    site_dir = Path(site_dir)
    files = manifest(site_dir, languages)
    build = build_id(files)
    header = (
        "// Written by overrides/hooks/offline.py at build time; the code is sw-template.js.\n"
        f"const BUILD = {json.dumps(build)};\n"
        f"const PRECACHE = {json.dumps(files['precache'], indent=0)};\n"
        f"const LAZY = {json.dumps(files['lazy'], indent=0)};\n"
        f"const SNAPSHOT = {json.dumps(snapshot)};\n"
    )
    (site_dir / WORKER).write_text(header + TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return build


# The worker for `mkdocs serve`: uninstall at once, drop this site's caches, reload its tabs.
REMOVE_ITSELF = """// Written by overrides/hooks/offline.py for `mkdocs serve`: the development server's pages
// register no service worker; this one removes a worker that a built site left behind.
const PREFIX = "sk-offline:" + new URL("./", self.location).pathname + ":";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(PREFIX)).map((n) => caches.delete(n)));
  await self.registration.unregister();
  const tabs = await self.clients.matchAll({ type: "window" });
  tabs.forEach((tab) => tab.navigate(tab.url));
})()));
"""


def on_post_build(config):
    site_dir = Path(config.site_dir)
    if _state["command"] == "serve":
        (site_dir / WORKER).write_text(REMOVE_ITSELF, encoding="utf-8")
        return
    python = config.extra.get("sk_python") or {}
    write_service_worker(site_dir, _search_languages(config), python.get("snapshot", ""))
