"""Benchmark of the calculator page against a bare page that only boots the same Pyodide.

    .venv/bin/python bench/bench_calculator.py [--runs 3] [--recalcs 60]

Builds the site into a temporary directory, adds a bare page (`bench-bare/`: a module worker
that boots the same self-hosted Pyodide and nothing else), serves both from one local server
(max-age=600 like GitHub Pages, no compression) and measures in one headless Chromium run:

- first result visible: is the pre-rendered result in the HTML, and first contentful paint;
- Python ready (navigation start → worker ready), cold and warm cache, calculator vs bare;
- recalculation after an input change, end to end in the page (input event → result in the
  DOM → the next animation frame, i.e. the frame that paints it), median and p95;
- returning to the calculator after another page (instant navigation) → live result;
- a returning visitor who reads a guidance page first (Python warmed up there when the
  browser is idle) and then follows a link to the calculator → live result;
- bytes transferred, cold and warm (bytes the server sent; gzip size as GitHub Pages would send).

Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
from bench.common import ARGS, CHROMIUM, build_site, serve  # noqa: E402
PATH = "verktyg/berakning/"
# Pause after a cold start before the warm one (the tool page's worker stores the memory
# snapshot it made for the next visit in the background after it is ready).
SETTLE_MS = 6000
# A returning visitor reads a guidance page this long before following a link to the calculator.
READING_MS = 4000
GUIDANCE = "analysera/"
LEVERS = {
    "?stdlib=1": "standardbibliotek förkompilerat och bantat + tomt paketindex",
}

# The bare page boots stock Pyodide (all five runtime files, from node_modules, in
# bench-bare/pyodide/). With ?stdlib=1 it uses the site's trimmed, precompiled standard
# library (decoded: the site ships it compressed with Zstandard, its own lever) and an inline
# package index instead: the lever measured on its own against the baseline.
BARE_HTML = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Bara Pyodide</title></head>
<body><p id="status">laddar</p>
<script>
  const q = new URLSearchParams(location.search);
  const py = JSON.parse('%(py)s');
  const meta = {pyodide: new URL("pyodide/", location.href).href,
    stdlib: q.get("stdlib") ? new URL("../" + py.stdlib, location.href).href : "",
    lock: q.get("stdlib") ? py.lock : null};
  const worker = new Worker("worker.mjs", {type: "module"});
  worker.onmessage = (e) => {
    window.readyAt = performance.now();
    document.getElementById("status").textContent = e.data;
  };
  worker.postMessage(meta);
</script></body></html>
"""
BARE_WORKER = """self.onmessage = async (event) => {
  const m = event.data;
  const { loadPyodide } = await import(new URL("pyodide.mjs", m.pyodide).href);
  const options = { indexURL: m.pyodide, packages: [] };
  if (m.stdlib) Object.assign(options, { stdLibURL: m.stdlib, lockFileContents: { info: m.lock, packages: {} } });
  const pyodide = await loadPyodide(options);
  pyodide.runPython("1 + 1");
  self.postMessage("redo");
};
"""


def build(dest: Path, site_url: str) -> None:
    import json
    import re

    build_site(dest, site_url)
    bare = dest / "bench-bare"
    (bare / "pyodide").mkdir(parents=True)
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copyfile(ROOT / "node_modules" / "pyodide" / name, bare / "pyodide" / name)
    import zstandard

    html = (dest / PATH / "index.html").read_text(encoding="utf-8")
    meta = json.loads(re.search(r'<meta name="sk-python" content=\'([^\']*)\'', html).group(1))
    stdlib = (dest / PATH / meta["stdlib"]).resolve().read_bytes()
    (bare / "stdlib.zip").write_bytes(zstandard.ZstdDecompressor().decompress(stdlib))
    py = {"stdlib": "bench-bare/stdlib.zip", "lock": meta["lock"]}
    (bare / "index.html").write_text(BARE_HTML % {"py": json.dumps(py)}, encoding="utf-8")
    (bare / "worker.mjs").write_text(BARE_WORKER, encoding="utf-8")


def gz_size(site: Path, url_path: str) -> int:
    path = site / url_path.lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return 0
    return len(gzip.compress(path.read_bytes(), 6))


def traffic(log, site, start):
    entries = log[start:]
    raw = sum(size for _, _, size in entries)
    gz = sum(gz_size(site, p) for p, code, _ in entries if code == 200)
    return raw, gz, len(entries)


def ready_calculator(page, url):
    page.goto(url + PATH)
    expect(page.locator("#sk-berakning")).to_have_attribute("data-sk-python-status", "redo", timeout=120_000)
    return page.evaluate("() => window.skPython.startedAt + window.skPython.readyMs")


def ready_bare(page, url, query=""):
    page.goto(url + "bench-bare/" + query)
    expect(page.locator("#status")).to_have_text("redo", timeout=120_000)
    return page.evaluate("() => window.readyAt")


RECALC_JS = """async (n) => {
  const root = document.getElementById("sk-berakning");
  const input = root.querySelector('[name="bruttolon"]');
  const times = [];
  for (let i = 0; i < n; i++) {
    const done = new Promise((resolve) => root.addEventListener("sk-berakning-klar", resolve, { once: true }));
    const t0 = performance.now();
    input.value = String(24000 + (i % 20) * 250);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    await new Promise((r) => requestAnimationFrame(r));
    times.push(performance.now() - t0);
  }
  return times;
}"""

RETURN_JS = """async () => {
  const done = new Promise((resolve) => document.addEventListener("sk-berakning-klar", resolve, { once: true }));
  const t0 = performance.now();
  document.querySelector('a[href$="verktyg/berakning/"]').click();
  await done;
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
}"""

# From a click on a guidance page's link to the calculator until the calculator says Python is
# ready (its result for the stored scenario is already on the page).
GUIDED_JS = """async () => {
  const t0 = performance.now();
  document.querySelector('a[href$="verktyg/berakning/"]').click();
  const ready = () => document.querySelector('#sk-berakning[data-sk-python-status="redo"]');
  while (!ready() && performance.now() - t0 < 60000) await new Promise((r) => setTimeout(r, 5));
  return ready() ? performance.now() - t0 : null;
}"""


def percentile(values, q):
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--recalcs", type=int, default=60)
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="sk-bench-"))
    site = tmp / "site"
    log: list = []
    server, url = serve(str(tmp / "site"), 0, log)  # directory is created by the build below
    build(site, url)

    rows = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        def fresh_profile():
            # A persistent profile has a real disk cache (ephemeral contexts keep large files
            # such as the 9.6 MB WebAssembly only in a small memory cache).
            return pw.chromium.launch_persistent_context(
                tempfile.mkdtemp(prefix="sk-profil-", dir=tmp), executable_path=CHROMIUM, args=ARGS)
        cold_calc, cold_bare, warm_calc, warm_bare, fcp, guided = [], [], [], [], [], []
        bytes_cold_calc = bytes_warm_calc = bytes_cold_bare = bytes_warm_bare = None
        bytes_prefetch = None
        levers = {q: ([], [], None) for q in LEVERS}
        prerendered = False
        for run in range(args.runs):
            # bare Pyodide, cold then warm (same context = same HTTP cache)
            ctx = fresh_profile()
            page = ctx.new_page()
            start = len(log)
            cold_bare.append(ready_bare(page, url))
            bytes_cold_bare = traffic(log, site, start)
            page.wait_for_timeout(SETTLE_MS)  # the same pause as the tool page's prefetch gets
            start = len(log)
            warm_bare.append(ready_bare(page, url))
            bytes_warm_bare = traffic(log, site, start)
            ctx.close()
            # each lever alone on the bare page, cold then warm
            for query in LEVERS:
                ctx = fresh_profile()
                page = ctx.new_page()
                start = len(log)
                cold, warm, _ = levers[query]
                cold.append(ready_bare(page, url, query))
                levers[query] = (cold, warm, traffic(log, site, start))
                page.wait_for_timeout(SETTLE_MS)
                warm.append(ready_bare(page, url, query))
                ctx.close()
            # the calculator page, cold then warm
            ctx = fresh_profile()
            page = ctx.new_page()
            start = len(log)
            cold_calc.append(ready_calculator(page, url))
            bytes_cold_calc = traffic(log, site, start)
            fcp.append(page.evaluate(
                "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null"))
            # what a first visit fetches after Python is ready (the service worker's offline copy)
            start = len(log)
            page.wait_for_timeout(SETTLE_MS)
            bytes_prefetch = traffic(log, site, start)
            start = len(log)
            warm_calc.append(ready_calculator(page, url))
            bytes_warm_calc = traffic(log, site, start)
            # another day: a guidance page first, then the link to the calculator
            page.goto(url + GUIDANCE)
            page.wait_for_timeout(READING_MS)
            guided.append(page.evaluate(GUIDED_JS))
            ctx.close()

        # first result at first paint: the result is in the HTML the server sends
        html = (site / PATH / "index.html").read_text(encoding="utf-8")
        prerendered = 'data-sk-varde="samhallsekonomiskt_netto"' in html

        # recalculation, end to end in the page
        ctx = browser.new_context()
        page = ctx.new_page()
        ready_calculator(page, url)
        page.evaluate(RECALC_JS, 5)  # warm-up
        times = page.evaluate(RECALC_JS, args.recalcs)
        # leave for another page (instant navigation), come back: time to a live result
        returns = []
        for _ in range(5):
            page.evaluate("() => document.querySelector('a.md-footer__link--next').click()")
            expect(page).not_to_have_url(url + PATH)
            page.wait_for_timeout(300)
            returns.append(page.evaluate(RETURN_JS))
        ctx.close()
        browser.close()
    server.shutdown()
    shutil.rmtree(tmp, ignore_errors=True)

    med = statistics.median
    guided_ok = [g for g in guided if g is not None]
    rows = [
        ("Förberäknat resultat i HTML (syns vid första målning)", "ja" if prerendered else "NEJ", "krav: ja"),
        ("Första målning (FCP), kall cache", f"{med(fcp):.0f} ms", ""),
        ("Python redo, kall cache: bara Pyodide", f"{med(cold_bare):.0f} ms", f"{args.runs} körningar, median"),
        ("Python redo, kall cache: beräkningssidan", f"{med(cold_calc):.0f} ms",
         f"kvot {med(cold_calc) / med(cold_bare):.2f} (krav ≤ 0,7)"),
        ("Python redo, varm cache: bara Pyodide", f"{med(warm_bare):.0f} ms", ""),
        ("Python redo, varm cache: beräkningssidan", f"{med(warm_calc):.0f} ms",
         f"kvot {med(warm_calc) / med(warm_bare):.2f} (krav ≤ 0,7; andra besöket ≤ 0,4)"),
        *[(f"Hävstång {LEVERS[q]}: Python redo kall / varm", f"{med(levers[q][0]):.0f} / {med(levers[q][1]):.0f} ms",
           f"kvot {med(levers[q][0]) / med(cold_bare):.2f} / {med(levers[q][1]) / med(warm_bare):.2f}; "
           f"överfört kallt {levers[q][2][1] / 1e6:.2f} MB gzip, kvot {levers[q][2][1] / bytes_cold_bare[1]:.2f}")
          for q in LEVERS],
        ("Från en vägledningssida till beräkningen → Python redo (återkommande besökare)",
         f"{med(guided_ok):.0f} ms" if guided_ok else "aldrig redo",
         (f"kvot {med(guided_ok) / med(warm_bare):.2f} mot bara Pyodide varm; " if guided_ok else "")
         + f"Python värmdes upp på sidan medan den lästes ({READING_MS / 1000:.0f} s)"
         + (f"; {len(guided) - len(guided_ok)} av {len(guided)} blev inte redo inom 60 s" if len(guided_ok) < len(guided) else "")),
        ("Omräkning efter ändring, median", f"{med(times):.1f} ms", f"{len(times)} ändringar (krav ≤ 30 ms)"),
        ("Omräkning efter ändring, p95", f"{percentile(times, 0.95):.1f} ms", "krav ≤ 60 ms"),
        ("Tillbaka till beräkningen → levande resultat, median", f"{med(returns):.0f} ms",
         f"max {max(returns):.0f} ms (krav ≤ 300 ms)"),
        ("Överfört, kall cache: beräkningssidan", f"{bytes_cold_calc[0] / 1e6:.2f} MB ({bytes_cold_calc[1] / 1e6:.2f} MB gzip)",
         f"{bytes_cold_calc[2]} förfrågningar; kvot {bytes_cold_calc[1] / bytes_cold_bare[1]:.2f} (krav ≤ 0,7)"),
        ("Hämtat efter att Python blev redo, första besöket",
         f"{bytes_prefetch[0] / 1e6:.2f} MB ({bytes_prefetch[1] / 1e6:.2f} MB gzip)", f"{bytes_prefetch[2]} förfrågningar"),
        ("Överfört, varm cache: beräkningssidan", f"{bytes_warm_calc[0] / 1e6:.2f} MB ({bytes_warm_calc[1] / 1e6:.2f} MB gzip)",
         f"{bytes_warm_calc[2]} förfrågningar"),
        ("Överfört, kall cache: bara Pyodide", f"{bytes_cold_bare[0] / 1e6:.2f} MB ({bytes_cold_bare[1] / 1e6:.2f} MB gzip)",
         f"{bytes_cold_bare[2]} förfrågningar"),
        ("Överfört, varm cache: bara Pyodide", f"{bytes_warm_bare[0] / 1e6:.2f} MB ({bytes_warm_bare[1] / 1e6:.2f} MB gzip)",
         f"{bytes_warm_bare[2]} förfrågningar"),
    ]
    print("| Mått | Värde | Anmärkning |")
    print("|---|---|---|")
    for name, value, note in rows:
        print(f"| {name} | {value} | {note} |")
    print()
    print("Kall: cold/warm per run (ms): bare " + ", ".join(f"{c:.0f}/{w:.0f}" for c, w in zip(cold_bare, warm_bare))
          + "; beräkning " + ", ".join(f"{c:.0f}/{w:.0f}" for c, w in zip(cold_calc, warm_calc)))


if __name__ == "__main__":
    main()
