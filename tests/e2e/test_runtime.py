"""The Python runtime in the browser fails fast and recovers: a blocked download, a call that
never answers, data nested too deeply. Whatever happens, the page says so in Swedish and
offers "Försök igen"; nothing the user typed is lost."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_axe_violations, forget_kept_python, hold_back, wait_for

TOOL = "verktyg/beslutsunderlag/"
FAST = 15_000  # ms: a failure is reported this quickly (the old watchdog waited 90 s)
READY = 90_000


def status(page):
    return page.evaluate("() => window.skPython && window.skPython.status")


def wait_status(page, wanted, timeout_ms):
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        if status(page) == wanted:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"status stayed {status(page)!r}, expected {wanted!r}")


def answer_first_question(page, value="ja"):
    page.locator(f'[data-fraga] input[type="radio"][value="{value}"]').first.check()


@pytest.mark.ny_flik  # a runtime file blocked
@pytest.mark.tillat_konsolfel  # the browser logs the refused download
@pytest.mark.parametrize("how", ["avbruten", "blockerad av proxy", "avkortad", "skadad"])
def test_a_blocked_webassembly_file_is_reported_at_once_and_retry_works(page, site_dir, how):
    # The runtime as the site ships it, compressed: a damaged or truncated file must fail
    # the check of what was decoded, not stall Pyodide.
    wasm = next(site_dir.glob("assets/pyodide/*/pyodide.asm.wasm.zst")).read_bytes()

    def block(route):
        if how == "avbruten":
            route.abort()
        elif how == "blockerad av proxy":
            route.fulfill(status=403, content_type="text/html", body="<h1>Blocked by policy</h1>")
        elif how == "avkortad":  # the connection dropped halfway, served as complete
            route.fulfill(status=200, content_type="application/octet-stream", body=wasm[: len(wasm) // 2])
        else:  # right length, damaged content
            route.fulfill(status=200, content_type="application/octet-stream", body=wasm[:1000] + bytes(len(wasm) - 1000))

    forget_kept_python(page)
    page.route("**/pyodide.asm.wasm.zst", block)
    page.goto(TOOL)
    answer_first_question(page)
    wait_status(page, "fel", FAST)
    engine = page.locator("[data-motorstatus]")
    expect(engine).to_contain_text("kunde inte laddas")
    retry = page.get_by_role("button", name="Försök igen")
    expect(retry).to_be_visible()
    page.unroute("**/pyodide.asm.wasm.zst")
    retry.click()
    wait_status(page, "redo", READY)
    expect(page.locator('[data-fraga] input[type="radio"][value="ja"]').first).to_be_checked()  # nothing lost


def test_deeply_nested_data_is_refused_and_python_keeps_working(page):
    page.goto(TOOL)
    wait_status(page, "redo", READY)
    deep = page.evaluate("""async () => {
        let v = 1;
        for (let i = 0; i < 5000; i++) v = [v];
        return window.skPython.call("berakna", { scenario: v });
    }""")
    assert deep["ok"] is False and "djupt nästlade" in deep["fel"][0]["meddelande"]
    # Deep JSON inside a string (an imported file's text) is refused by Python itself.
    text = page.evaluate("""() => window.skPython.call("checklista_importera", { verktyg: "beslutsunderlag", text: "[".repeat(5000) })""")
    assert text["ok"] is False and text["fel"][0]["meddelande"]
    assert status(page) == "redo"
    ok = page.evaluate("""() => window.skPython.call("checklista_sammanfattning", { verktyg: "beslutsunderlag", tillstand: null })""")
    assert ok["ok"] is True


def test_a_call_that_never_answers_times_out_with_a_message_and_retry(page):
    page.goto(TOOL)
    wait_status(page, "redo", READY)
    answer_first_question(page, "nej")
    # The worker never gets the request, so the call never answers (a 1 ms timeout alone
    # races a booted worker's answer, which may come first).
    stuck = page.evaluate("""async () => {
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (message, ...rest) {
            if (message && message.id) return undefined;  // a call is lost on the way
            return post.call(this, message, ...rest);
        };
        window.skPython.callTimeoutMs = 300;
        try {
            return await window.skPython.call("berakna", { scenario: { version: 1 } });
        } finally {
            window.skPython.callTimeoutMs = 30000;
            Worker.prototype.postMessage = post;
        }
    }""")
    assert stuck["ok"] is False and "svarade inte" in stuck["fel"][0]["meddelande"]
    assert status(page) == "fel"
    retry = page.get_by_role("button", name="Försök igen")
    expect(retry).to_be_visible()
    retry.click()
    wait_status(page, "redo", READY)
    expect(page.locator('[data-fraga] input[type="radio"][value="nej"]').first).to_be_checked()


CALCULATOR = "verktyg/berakning/"
NET = '[data-sk-resultat] [data-sk-varde="samhallsekonomiskt_netto"]'

# The Python worker's kept snapshot (sk-python-worker.mjs): [its size, the byte at 20 (in
# its build id)], read once, or null.
KEPT_SNAPSHOT = """async () => {
  const hit = await caches.match(window.skPython.adresser.snapshot);
  if (!hit) return null;
  const bytes = new Uint8Array(await hit.arrayBuffer());
  return [bytes.byteLength, bytes[20]];
}"""

# Replace the kept snapshot: "annan version" as another runtime's (its build id changed),
# "avkortad" without its last 64 kB (a write that did not finish).
SPOIL_SNAPSHOT = """async (how) => {
  const key = window.skPython.adresser.snapshot;
  const name = (await caches.keys()).find((n) => n.startsWith("sk-python:"));
  const cache = await caches.open(name);
  const kept = await cache.match(key);
  let bytes = new Uint8Array(await kept.arrayBuffer());
  if (how === "annan version") bytes[20] ^= 0xff;
  else bytes = bytes.slice(0, bytes.length - 65536);
  await cache.put(key, new Response(bytes, { headers: kept.headers }));
}"""


# The runtime and the standard library as the Python worker keeps them, decoded: their sizes.
KEPT_RUNTIME = """async () => {
  const urls = window.skPython.adresser;
  const sizes = [];
  for (const url of [new URL("pyodide.asm.wasm", urls.pyodide).href, urls.stdlib.replace(/\\.zst$/, "")]) {
    const hit = await caches.match(url);
    if (!hit) return null;
    sizes.push(Number(hit.headers.get("x-sk-bytes")));
  }
  return sizes;
}"""

# Cut the kept decoded runtime short by 64 kB, as a write that did not finish leaves it.
SPOIL_RUNTIME = """async () => {
  const key = new URL("pyodide.asm.wasm", window.skPython.adresser.pyodide).href;
  const name = (await caches.keys()).find((n) => n.startsWith("sk-python:"));
  const cache = await caches.open(name);
  const kept = await cache.match(key);
  const bytes = new Uint8Array(await kept.arrayBuffer());
  await cache.put(key, new Response(bytes.slice(0, bytes.length - 65536), { headers: kept.headers }));
}"""

def first_visit(page, url):
    """Open url as a browser that has never run Python here. The warm profile's reused tab
    may still be storing the snapshot its own first start made, after our deletion: then
    delete it again and reload."""
    for _ in range(3):
        forget_kept_python(page)
        page.goto(url)
        wait_status(page, "redo", READY)
        if page.evaluate("() => window.skPython.fromSnapshot") is False:
            return
    raise AssertionError("Python kept starting from a snapshot")


def wait_for_kept_snapshot(page, timeout_ms=30_000):
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        kept = page.evaluate(KEPT_SNAPSHOT)
        if kept:
            return kept
        page.wait_for_timeout(250)
    raise AssertionError("no snapshot was kept")


@pytest.mark.ny_flik  # real page loads: each one starts Python
@pytest.mark.tillat_konsolfel  # the worker warns that it cannot use the spoiled snapshot
def test_python_keeps_its_own_snapshot_and_starts_from_it_next_time(page, server_log, site_dir):
    # Issue 13: a first visit starts without a snapshot and downloads none; the worker makes
    # one a few seconds after it is ready and keeps it; the next visit starts from it and
    # computes the same. A spoiled one is not used, and a good one takes its place. The
    # runtime and the standard library, shipped compressed, are kept decoded beside it; one
    # cut short is replaced like a spoiled snapshot.
    import zstandard

    from .conftest import ROOT

    decoded = [(ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").stat().st_size,
               len(zstandard.ZstdDecompressor().decompress(next(site_dir.glob("assets/py/stdlib-*.zip.zst")).read_bytes()))]
    first_visit(page, CALCULATOR)
    net = page.locator(NET)
    default = net.inner_text()
    page.locator('[name="antal_personer"]').fill("3")
    expect(net).not_to_have_text(default)
    mine = net.inner_text()
    good = wait_for_kept_snapshot(page)
    assert good[0] > 10_000_000  # bytes
    assert not [line for line in server_log if "snapshot-" in line[0]], "a snapshot was downloaded"

    page.reload()
    wait_status(page, "redo", READY)
    assert page.evaluate("() => window.skPython.fromSnapshot") is True
    page.locator('[name="antal_personer"]').fill("4")
    expect(net).not_to_have_text(mine)
    page.locator('[name="antal_personer"]').fill("3")
    expect(net).to_have_text(mine)

    # A later visit needs neither the compressed files nor their decoder.
    wait_for(page, KEPT_RUNTIME, decoded, "the decoded runtime kept")
    page.route("**/*.zst", lambda route: route.abort())
    page.route("**/zstddec/**", lambda route: route.abort())
    page.reload()
    wait_status(page, "redo", READY)
    expect(net).to_have_text(mine)
    page.unroute("**/*.zst")
    page.unroute("**/zstddec/**")

    # A kept runtime cut short is not used: it is forgotten before Python is ready, then
    # fetched, decoded and kept anew.
    page.evaluate(SPOIL_RUNTIME)
    page.reload()
    wait_status(page, "redo", READY)
    expect(net).to_have_text(mine)
    wait_for(page, KEPT_RUNTIME, decoded, "the decoded runtime kept anew")
    assert page.evaluate("""async () => (await (await caches.match(
        new URL("pyodide.asm.wasm", window.skPython.adresser.pyodide).href)).arrayBuffer()).byteLength""") == decoded[0]

    for how in ("avkortad", "annan version"):
        page.evaluate(SPOIL_SNAPSHOT, how)
        page.reload()
        wait_status(page, "redo", READY)
        assert page.evaluate("() => window.skPython.fromSnapshot") is False, how
        expect(net).to_have_text(mine)
        # A good one takes its place.
        for _ in range(100):
            if page.evaluate(KEPT_SNAPSHOT) == good:
                break
            page.wait_for_timeout(100)
        else:
            raise AssertionError(f"{how}: the spoiled snapshot was not replaced")


# Whether the kept snapshot's bytes contain this ASCII text in any of the three ways Python
# keeps a str (1, 2 or 4 bytes per character, little-endian).
SNAPSHOT_HOLDS = """async (text) => {
  const hit = await caches.match(window.skPython.adresser.snapshot);
  const bytes = new Uint8Array(await hit.arrayBuffer());
  const find = (wanted) => {
    outer: for (let i = bytes.indexOf(wanted[0]); i !== -1; i = bytes.indexOf(wanted[0], i + 1)) {
      for (let j = 1; j < wanted.length; j++) if (bytes[i + j] !== wanted[j]) continue outer;
      return true;
    }
    return false;
  };
  const codes = [...text].map((c) => c.charCodeAt(0));
  return [1, 2, 4].some((width) => find(codes.flatMap((c) => [c, ...Array(width - 1).fill(0)])));
}"""


@pytest.mark.ny_flik  # a first visit: a real page load that starts Python
def test_the_kept_snapshot_holds_nothing_the_visitor_typed(page):
    # The snapshot stays in the browser after the answers are cleared ("Börja om"): it must be
    # taken before Python has seen any of them. Taken after them, it held what was typed
    # unless later work happened to overwrite the freed memory (in Node, a 450 kB request
    # survived calculators.web.prepare(); without prepare this test fails).
    from .test_checklist import B, answer_syfte_nej, summary, tool_url, wait_python_summary

    first_visit(page, tool_url(B))
    secret = "Qzx7Hemligansvarig"
    answer_syfte_nej(page, who=secret, comment=("Qzx7Hemlig kommentar. " * 1000)[:20_000])
    wait_python_summary(page)
    expect(summary(page)).to_contain_text(secret)  # Python has had it
    wait_for_kept_snapshot(page)
    assert page.evaluate(SNAPSHOT_HOLDS, "Qzx7Hemlig") is False
    assert page.evaluate(SNAPSHOT_HOLDS, "calculators.web") is True  # the search finds what is there


@pytest.fixture
def damaged_site(site_dir, tmp_path, browser):
    """A copy of the site (links to its files) on a server of its own whose runtime file can
    be damaged and repaired, and a fresh browser context for it (its HTTP cache is the
    point: the server says max-age=600, like GitHub Pages)."""
    import os
    import shutil

    from bench.common import serve

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, copy_function=os.symlink)
    server, url = serve(str(copy), 0, [])
    context = browser.new_context(base_url=url, locale="sv-SE", service_workers="block")
    yield copy, context
    context.close()
    server.shutdown()
    server.server_close()


@pytest.mark.tillat_konsolfel  # the damaged file is reported in the console
@pytest.mark.parametrize("file", ["pyodide.asm.wasm.zst", "pyodide.asm.mjs"])
def test_retry_fetches_a_damaged_runtime_file_anew(damaged_site, file):
    # A proxy's cut-off copy sent as whole stays in the browser's HTTP cache: "Försök igen"
    # must not start from it again once the server sends the right file.
    site, context = damaged_site
    target = next(site.glob(f"assets/pyodide/*/{file}"))
    good = target.read_bytes()
    target.unlink()
    target.write_bytes(good[: len(good) // 2] + bytes(len(good) - len(good) // 2))
    page = context.new_page()
    page.goto(TOOL)
    answer_first_question(page)
    wait_status(page, "fel", FAST)
    target.unlink()
    target.write_bytes(good)
    page.get_by_role("button", name="Försök igen").click()
    wait_status(page, "redo", READY)
    expect(page.locator('[data-fraga] input[type="radio"][value="ja"]').first).to_be_checked()


# Before the page's scripts run: the runtime's watchdog gives up after 3 s without news.
SHORT_WATCHDOG = """(() => {
  let api;
  Object.defineProperty(window, "skPython", { configurable: true, get: () => api, set: (value) => {
    api = value;
    Object.defineProperty(api, "watchdogMs", { get: () => 3000, set: () => {} });
  } });
})();"""


@pytest.fixture
def slow_site(site_dir, browser):
    """The site on a server of its own that sends the compressed runtime at 260 kB/s (11 s for
    the WebAssembly file), and a fresh context for it."""
    from bench.common import serve

    server, url = serve(str(site_dir), pause=0.25)
    context = browser.new_context(base_url=url, locale="sv-SE", service_workers="block")
    yield context
    context.close()
    server.shutdown()
    server.server_close()


def test_a_slow_download_that_keeps_arriving_is_not_given_up(slow_site):
    # From a new user's check at 0.5 Mbit/s: the start was reported as failed after the
    # watchdog's time while the runtime was still arriving, and "Försök igen" began again from
    # nothing. Here the watchdog waits 3 s and the WebAssembly file takes 11 s: well past the
    # watchdog's time into the download, the start is still going on, and the page says that
    # the runtime is being downloaded and how far it has come (compressed, with the standard
    # library: 3.4 MB).
    page = slow_site.new_page()
    page.add_init_script(SHORT_WATCHDOG)
    page.goto(TOOL)
    wait_status(page, "laddar", FAST)
    page.wait_for_timeout(7000)
    assert status(page) == "laddar"
    said = page.locator("[data-motorstatus]").inner_text()
    assert said.startswith("Beräkningen hämtas till webbläsaren (3,4 MB, bara första gången). "), said
    # A bar shows how far it has come (the sentence, read out by screen readers, says it once).
    bar = page.get_by_role("progressbar", name="Hämtning av beräkningen")
    expect(bar).to_be_visible()
    value, top = page.evaluate("() => [document.querySelector('progress').value, document.querySelector('progress').max]")
    assert 3_300_000 < top < 3_600_000 and 0 < value < top, (value, top)
    assert_no_axe_violations(page, "(hämtar)")
