"""The checklists in Chromium: how soon an answer is saved, and how soon the summary follows.

1. Page load → first answer saved in localStorage (issue 5: must not depend on Python).
   Each run opens the beslutsunderlag in a fresh browser context (empty cache), clicks an
   answer as soon as the page has loaded, and waits in the page until the answer is in
   localStorage. Measured twice: normally, and with every Pyodide file blocked. Baseline:
   the load of a guidance page without tools (besluta/) in the same run.
2. Answer → updated summary once Python is ready: ~20 changes on one page, from the click
   to the moment the summary region has been replaced by Python's fragment. The glue saves
   a click at once and waits 30 ms before asking for the summary (300 ms while typing);
   that wait is included. Baseline:
   a no-op round trip to the worker (`skPython.call` with an unknown operation).

Run: `.venv/bin/python -m bench.bench_checklists` (or `python -m bench` for all).
"""

from __future__ import annotations

import pathlib
import re
import statistics
import tempfile

from playwright.sync_api import sync_playwright

from bench.bench_pages import serve_built
from bench.common import ARGS, CHROMIUM, build_site

RUNS = 7
CHANGES = 20
TOOL = "verktyg/beslutsunderlag/"
GUIDANCE = "besluta/"
PYTHON_TIMEOUT_MS = 120_000

FIRST_SAVE = """async () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const key = 'sysselsattningskrav:beslutsunderlag';
  const clicked = performance.now();
  document.querySelector('label[for="sk--beslutsunderlag--syfte--varde--ja"]').click();
  while (!(localStorage.getItem(key) || '').includes('"syfte":{"varde":"ja"')) {
    await new Promise((r) => setTimeout(r, 2));
  }
  const saved = performance.now();
  return {load: nav.loadEventEnd, clicked, saved, python: window.skPython.status};
}"""

LOAD_ONLY = """() => performance.getEntriesByType('navigation')[0].loadEventEnd"""

SUMMARY_ROUND = """async ([item, value]) => {
  const box = document.querySelector('[data-sammanfattning]');
  const before = box.dataset.uppdaterad;
  const done = new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (box.dataset.uppdaterad !== before && !box.classList.contains('sk-inaktuell')) {
        obs.disconnect();
        resolve(performance.now());
      }
    });
    obs.observe(box, {attributes: true, attributeFilter: ['data-uppdaterad', 'class']});
  });
  const t0 = performance.now();
  document.querySelector(`label[for="sk--beslutsunderlag--${item}--varde--${value}"]`).click();
  return (await done) - t0;
}"""

NOOP = """async () => {
  const t0 = performance.now();
  await window.skPython.call('ingen_sadan_operation', {});
  return performance.now() - t0;
}"""

READY = """async () => {
  while (window.skPython.status !== 'redo') {
    if (window.skPython.status === 'fel') return null;
    await new Promise((r) => setTimeout(r, 20));
  }
  return window.skPython.readyMs;
}"""


def pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def first_save(browser, url, block_python):
    results = []
    for _ in range(RUNS):
        context = browser.new_context()
        if block_python:
            context.route(re.compile(r".*/pyodide/.*"), lambda route: route.abort())
        page = context.new_page()
        page.goto(url + TOOL)
        results.append(page.evaluate(FIRST_SAVE))
        context.close()
    return results


def guidance_load(browser, url):
    loads = []
    for _ in range(RUNS):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + GUIDANCE)
        loads.append(page.evaluate(LOAD_ONLY))
        context.close()
    return loads


def summary_rounds(browser, url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + TOOL)
    page.set_default_timeout(PYTHON_TIMEOUT_MS)
    ready = page.evaluate(READY)
    if ready is None:
        raise RuntimeError("Python did not start in the browser")
    page.locator("[data-sammanfattning][data-uppdaterad]").wait_for()
    items = ["syfte", "enighet", "definition", "uppdrag", "malgrupp"]
    values = ["ja", "delvis", "nej", "vet-ej"]
    times = []
    for n in range(CHANGES):
        item = items[n % len(items)]
        value = values[(n // len(items) + n) % len(values)]
        times.append(page.evaluate(SUMMARY_ROUND, [item, value]))
    noop = [page.evaluate(NOOP) for _ in range(CHANGES)]
    context.close()
    return ready, times, noop


def row(label, values, note=""):
    return f"| {label} | {statistics.median(values):.0f} | {pct(values, 0.95):.0f} | {len(values)} | {note} |"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        server, url = serve_built(tmp / "site", lambda d, u: build_site(d, u))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                baseline = guidance_load(browser, url)
                normal = first_save(browser, url, block_python=False)
                blocked = first_save(browser, url, block_python=True)
                ready, rounds, noop = summary_rounds(browser, url)
                browser.close()
        finally:
            server.shutdown()
    print("Times in ms, in Chromium (headless), cold cache per run.\n")
    print("| measurement | median | p95 | n | note |")
    print("|---|---:|---:|---:|---|")
    print(row("Baseline: guidance page without tools, load event", baseline, GUIDANCE))
    print(row("Beslutsunderlag, load event", [r["load"] for r in normal]))
    print(row("Load → first answer saved (Python loading)", [r["saved"] for r in normal],
              "Python status at save: " + ", ".join(sorted({r["python"] for r in normal}))))
    print(row("Load → first answer saved (Pyodide blocked)", [r["saved"] for r in blocked],
              "Python status at save: " + ", ".join(sorted({r["python"] for r in blocked}))))
    print(row("Click → saved (Python loading)", [r["saved"] - r["clicked"] for r in normal], "a click is saved at once"))
    print(row("Click → saved (Pyodide blocked)", [r["saved"] - r["clicked"] for r in blocked], "a click is saved at once"))
    print(row("Answer → updated summary (Python ready)", rounds, "includes the glue's 30 ms wait after a click"))
    print(row("Baseline: no-op round trip to the worker", noop, "skPython.call with an unknown op"))
    print(f"\nPython ready after {ready:.0f} ms on the summary page (cold start, worker + Pyodide + our package).")
    speedup = statistics.median([r["saved"] for r in normal]) - statistics.median([r["saved"] for r in blocked])
    print(f"First save with Python loading minus with Pyodide blocked: {speedup:+.0f} ms (≈ 0: saving does not wait for Python).")


if __name__ == "__main__":
    main()
