"""Offline use (issue 13) in Chromium: the service worker written by overrides/hooks/offline.py.

These tests serve the session's built site from a server of their own, through a symbolic
link that a test can point at another build (the update test), and read the server's log (to
prove what a guidance page never downloads). Each test uses a new browser context with
service workers allowed (the shared warm profiles block them, see conftest.py), so every
test starts as a first visit.
"""

from __future__ import annotations

import importlib.util
import os
import pathlib
import shutil

import pytest
from playwright.sync_api import expect

from bench.common import serve

from .conftest import PageWatch, wait_for
from .test_checklist import (B, answer_of, answer_syfte_nej, field, radio, summary, tool_url, wait_python_summary,
                             wait_saved)

ROOT = pathlib.Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("offline_hook", ROOT / "overrides" / "hooks" / "offline.py")
offline_hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(offline_hook)

OFFLINE_TEXT = "Du är utan nätverk. Sidorna och dina sparade svar finns kvar i den här webbläsaren."
RUNTIME_PREFIXES = ("/assets/pyodide/", "/assets/py/", "/assets/docx/")

# Resolves once a service worker is active for the page (it has cached the whole build).
WORKER_ACTIVE = """async () => {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (worker.state !== "activated") {
    await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "activated" && resolve()));
  }
  return (await caches.keys()).filter((name) => name.startsWith("sk-offline:"));
}"""

# Whether the service worker's cache holds every runtime file Python starts from, and the
# Python worker has kept its memory snapshot (in a cache of its own).
RUNTIME_CACHED = """async () => {
  const urls = window.skPython.adresser;
  if (!(await caches.match(urls.snapshot))) return false;
  const wanted = [urls.paket, urls.stdlib, urls.zstd,
    ...["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm.zst"].map((f) => new URL(f, urls.pyodide).href)];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const found = await Promise.all(wanted.map((u) => cache.match(u)));
    if (found.every(Boolean)) return true;
  }
  return false;
}"""


# Opens the cache in which the Python worker keeps its snapshot and decoded runtime (named
# as keptCacheName() in sk-python-worker.mjs names it), for the scripts below: %(cache)s.
PYTHON_CACHE = {"cache": 'caches.open(`sk-python:${new URL(".", window.skPython.adresser.snapshot).pathname}`)'}


# Forget the Python worker's kept files but its snapshot: the decoded runtime and standard
# library, once it has kept them (after the snapshot, in the background).
FORGET_DECODED = """async () => {
  const snapshot = window.skPython.adresser.snapshot;
  const cache = await %(cache)s;
  for (let waited = 0; waited < 20000; waited += 100) {
    const decoded = (await cache.keys()).filter((request) => request.url !== snapshot);
    if (decoded.length === 2) return Promise.all(decoded.map((request) => cache.delete(request)));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the decoded runtime was never kept");
}""" % PYTHON_CACHE


@pytest.fixture(scope="module")
def offline_server(site_dir, tmp_path_factory):
    """The built site behind a symbolic link (`point(dir)` swaps it), with a request log."""
    root = tmp_path_factory.mktemp("offline")
    current = root / "current"
    current.symlink_to(site_dir, target_is_directory=True)
    log = []
    server, url = serve(str(current), 0, log)

    def point(directory):
        link = root / "next"
        link.symlink_to(directory, target_is_directory=True)
        os.replace(link, current)

    yield {"url": url, "log": log, "point": point, "root": root, "site": site_dir}
    point(site_dir)
    server.shutdown()
    server.server_close()


@pytest.fixture
def offline_context(offline_server, browser):
    """A new, empty browser context with service workers allowed; fails the test on a
    request to another host."""
    context = browser.new_context(base_url=offline_server["url"], locale="sv-SE", service_workers="allow")
    watch = PageWatch(offline_server["url"].rstrip("/"))
    context.on("page", watch.attach)
    context.sk_watch = watch
    yield context
    context.close()
    assert not watch.foreign_requests, watch.foreign_requests


def wait_for_worker(page):
    return page.evaluate(WORKER_ACTIVE)


def controlled(page):
    return page.evaluate("() => Boolean(navigator.serviceWorker.controller)")


def test_guidance_pages_open_offline_after_one_visit(offline_context, offline_server):
    page = offline_context.new_page()
    page.goto("forbered/")
    assert len(wait_for_worker(page)) == 1
    offline_context.set_offline(True)
    page.reload()
    assert controlled(page)
    expect(page.locator("h1")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text=OFFLINE_TEXT)).to_be_visible()
    # A link followed, and an address typed.
    page.locator(".md-nav__link[href$='analysera/']").first.click()
    expect(page).to_have_url(offline_server["url"] + "analysera/")
    expect(page.locator("h1")).to_be_visible()
    page.goto("besluta/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("[data-sk-natverk]")).to_have_text(OFFLINE_TEXT)
    assert not offline_context.sk_watch.console_errors, offline_context.sk_watch.console_errors
    # This visitor never used a tool, so Python was never downloaded: offline, the tool says
    # why it cannot summarise, and the answers are still saved.
    page.goto(tool_url(B))
    expect(page.locator("[data-motorstatus]")).to_contain_text("Du är utan nätverk, och beräkningen har inte hämtats")
    expect(page.get_by_role("button", name="Försök igen")).to_be_visible()
    answer_syfte_nej(page)
    wait_saved(page, B, lambda s: answer_of(s, "syfte", "kommentar"))
    offline_context.set_offline(False)
    expect(page.locator("[data-sk-natverk]")).to_have_text("")


@pytest.fixture
def site_context(served_site, browser):
    """Like offline_context, on the session's own server: the site was built for its address,
    so Material's instant navigation takes the links (it falls back to page loads elsewhere)."""
    context = browser.new_context(base_url=served_site, locale="sv-SE", service_workers="allow")
    watch = PageWatch(served_site.rstrip("/"))
    context.on("page", watch.attach)
    context.sk_watch = watch
    yield context
    context.close()
    assert not watch.foreign_requests, watch.foreign_requests


def test_a_tool_with_saved_answers_works_offline_and_warms_up_from_a_guidance_page(site_context, served_site, server_log):
    page = site_context.new_page()
    page.goto(tool_url(B))
    answer_syfte_nej(page, who="Anna")
    wait_saved(page, B, lambda s: answer_of(s, "syfte", "kommentar"))
    wait_python_summary(page)
    wait_for_worker(page)
    # Python started before the worker controlled the page: the page asked it to keep the runtime.
    wait_for(page, RUNTIME_CACHED, True, "the runtime kept for offline use", 10_000)
    # As after an update with a new runtime (the new service worker drops the decoded runtime
    # it does not ship), the Python worker must decode the compressed runtime from the offline copy.
    page.evaluate(FORGET_DECODED)
    site_context.set_offline(True)
    page.reload()
    expect(page.locator("[data-sk-natverk]")).to_have_text(OFFLINE_TEXT)
    expect(radio(page, B, "syfte", "nej")).to_be_checked()
    expect(field(page, B, "syfte", "ansvarig")).to_have_value("Anna")
    radio(page, B, "definition", "vet-ej").check()
    wait_python_summary(page)
    expect(summary(page)).to_contain_text("Ansvarig: Anna")
    expect(summary(page)).to_contain_text("Finns en gemensam definition")
    # Back another day, online, on a guidance page: when the browser is idle, Python starts
    # from this build's files in the worker's cache, without asking the server for any of them.
    site_context.set_offline(False)
    start = len(server_log)
    page.goto("besluta/")
    expect(page.locator("h1")).to_be_visible()
    for _ in range(200):
        if page.evaluate("() => window.skPython.status") == "redo":
            break
        page.wait_for_timeout(50)
    else:
        raise AssertionError("Python was not warmed up on the guidance page")
    started = page.evaluate("() => window.skPython.startedAt")
    assert page.evaluate("() => window.skPython.fromSnapshot") is True
    runtime = [entry[0] for entry in server_log[start:] if entry[0].startswith(RUNTIME_PREFIXES)]
    assert not runtime, runtime
    # The link to the tool (instant navigation) finds the same, ready Python.
    page.locator("a.sk-verktygslank").first.click()
    expect(page).to_have_url(served_site + tool_url(B))
    wait_python_summary(page)
    assert page.evaluate("() => window.skPython.startedAt") == started
    assert not site_context.sk_watch.console_errors, site_context.sk_watch.console_errors


SNAPSHOT_B = "assets/py/snapshot-byggeb.bin"
# Python snapshots as the Python worker keeps them (sk-python-worker.mjs): A's, named on the
# page, and B's. Returns which of the two the browser holds.
SNAPSHOTS = """async (plant) => {
  const a = window.skPython.adresser.snapshot;
  const b = new URL("../../" + "%(b)s", a).href;
  const cache = await %(cache)s;
  if (plant) for (const key of [a, b]) await cache.put(key, new Response("ögonblicksbild"));
  return { a: Boolean(await cache.match(a)), b: Boolean(await cache.match(b)) };
}""" % {**PYTHON_CACHE, "b": SNAPSHOT_B}

# The decoded runtime as the Python worker keeps it: a file this build still ships compressed
# (Pyodide's WebAssembly) and one no build ships. Returns which of the two the browser holds.
DECODED = """async (plant) => {
  const cache = await %(cache)s;
  const shipped = new URL("pyodide.asm.wasm", window.skPython.adresser.pyodide).href;
  const gone = new URL("python_stdlib-0000.zip", window.skPython.adresser.snapshot).href;
  if (plant) for (const key of [shipped, gone]) await cache.put(key, new Response("avkodad"));
  return { shipped: Boolean(await cache.match(shipped)), gone: Boolean(await cache.match(gone)) };
}""" % PYTHON_CACHE


def _build_b(site_a: pathlib.Path, target: pathlib.Path) -> str:
    """Build "B": the same site with a changed page text and stylesheet and a new sw.js
    (links to A's files for everything else, so it costs no copy)."""
    shutil.copytree(site_a, target, copy_function=os.symlink)
    page = target / "forbered" / "index.html"
    text = page.read_text(encoding="utf-8")
    page.unlink()
    page.write_text(text.replace("<h1", '<p data-bygge="B">Bygge B</p><h1', 1), encoding="utf-8")
    sheet = target / "assets" / "stylesheets" / "sk.css"
    css = sheet.read_text(encoding="utf-8")
    sheet.unlink()
    sheet.write_text(css + "\n/* bygge B */\n", encoding="utf-8")
    (target / "sw.js").unlink()  # a link to A's worker: never write through it
    return offline_hook.write_service_worker(target, snapshot=SNAPSHOT_B)


BUILD_OF_PAGE = """async () => ({
  page: document.querySelector("[data-bygge]") ? "B" : "A",
  css: await fetch(document.querySelector("link[href$='/sk.css']").href)
    .then((r) => (r.ok ? r.text() : "")).then((t) => (t.includes("bygge B") ? "B" : t.includes(".sk-natverk") ? "A" : "?")),
  caches: (await caches.keys()).filter((name) => name.startsWith("sk-offline:")),
})"""


def test_a_new_build_replaces_the_old_one_whole(offline_context, offline_server):
    page = offline_context.new_page()
    page.goto("forbered/")
    [cache_a] = wait_for_worker(page)
    page.reload()
    assert controlled(page)
    build_b = _build_b(offline_server["site"], offline_server["root"] / "bygge-b")
    cache_b = cache_a.rsplit(":", 1)[0] + ":" + build_b
    offline_server["point"](offline_server["root"] / "bygge-b")
    try:
        page.reload()  # the browser sees the new sw.js and installs it in the background
        button = page.get_by_role("button", name="Ladda om sidan")
        expect(button).to_be_visible(timeout=15_000)
        expect(page.get_by_role("status").filter(has_text="En ny version av webbplatsen finns")).to_be_visible()
        # Installed, not yet in charge: this tab still gets build A only, and both caches exist.
        before = page.evaluate(BUILD_OF_PAGE)
        assert (before["page"], before["css"]) == ("A", "A"), before
        assert sorted(before["caches"]) == sorted([cache_a, cache_b]), before
        assert page.evaluate(SNAPSHOTS, True) == {"a": True, "b": True}
        assert page.evaluate(DECODED, True) == {"shipped": True, "gone": True}
        button.click()  # the new worker takes over and the tab reloads
        expect(page.locator("[data-bygge]")).to_have_text("Bygge B")
        after = page.evaluate(BUILD_OF_PAGE)
        assert after == {"page": "B", "css": "B", "caches": [cache_b]}, after
        # A's Python snapshot is gone with A (it would never fit B's files); B's stays.
        assert page.evaluate(SNAPSHOTS, False) == {"a": False, "b": True}
        # The decoded runtime B still ships stays (B's Python need not decode it again; it is
        # checked against B's pages anyway); a decoded file B does not ship goes.
        assert page.evaluate(DECODED, False) == {"shipped": True, "gone": False}
        assert not offline_context.sk_watch.console_errors, offline_context.sk_watch.console_errors
    finally:
        offline_server["point"](offline_server["site"])


def test_a_guidance_visit_never_downloads_python(offline_context, offline_server):
    log = offline_server["log"]
    start = len(log)
    page = offline_context.new_page()
    page.goto("")
    wait_for_worker(page)
    # Not even with a kept Python snapshot, as long as the service worker has not kept the
    # runtime (a tool's tab closed before it could): the warm-up would download it.
    page.evaluate("""async () => {
      const cache = await %(cache)s;
      await cache.put(window.skPython.adresser.snapshot, new Response("ögonblicksbild"));
    }""" % PYTHON_CACHE)
    page.goto("forbered/")
    page.get_by_role("link", name="Analysera").first.click()
    # Idle after the load: a first visitor's browser does not warm Python up.
    page.evaluate("() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300)))")
    assert page.evaluate("() => window.skPython.status") == "vilande"
    paths = [entry[0] for entry in log[start:]]
    assert any(p.endswith("/sw.js") for p in paths), "the worker was never registered"
    runtime = [p for p in paths if p.startswith(RUNTIME_PREFIXES)]
    assert not runtime, runtime


def test_without_static_routes_a_slow_runtime_download_streams_through_the_service_worker(browser, site_dir, tmp_path):
    # Firefox and Safari have no static routing: there the Python worker's requests reach the
    # service worker's fetch handler. It answers as the file arrives, so that the page can say
    # how far a slow download has come (reading it whole first, the page heard nothing until
    # the end, and its watchdog could give up), and keeps a checked copy for offline use.
    site = tmp_path / "utan-rutter"
    shutil.copytree(site_dir, site, copy_function=os.symlink)
    (site / "sw.js").unlink()  # a link to the session's worker: never write through it
    offline_hook.write_service_worker(site)
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "const routed = event.addRoutes ?" in worker
    (site / "sw.js").write_text(worker.replace("const routed = event.addRoutes ?", "const routed = null ?"), encoding="utf-8")
    server, url = serve(str(site), pause=0.1)  # the WebAssembly file takes 4.5 s
    context = browser.new_context(base_url=url, locale="sv-SE", service_workers="allow")
    try:
        page = context.new_page()
        page.goto("forbered/")
        wait_for_worker(page)
        page.goto("verktyg/beslutsunderlag/")
        assert controlled(page)
        expect(page.locator("[data-motorstatus]")).to_contain_text(
            "Beräkningen hämtas till webbläsaren (3,4 MB, bara första gången).", timeout=15_000)
        expect(page.locator("[data-motorstatus]")).to_have_text("Sammanfattningen följer nu dina svar.", timeout=60_000)
        assert page.evaluate("() => window.skPython.status") == "redo"
        kept = """async () => {
          const wasm = new URL("pyodide.asm.wasm.zst", window.skPython.adresser.pyodide).href;
          for (const name of await caches.keys()) {
            if (name.startsWith("sk-offline:") && (await (await caches.open(name)).match(wasm))) return true;
          }
          return false;
        }"""
        wait_for(page, kept, True, "the runtime that came through the service worker kept", 10_000)
    finally:
        context.close()
        server.shutdown()
        server.server_close()
