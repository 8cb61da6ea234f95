"""Weight and first paint of every guidance page, against a bare Material page.

The baseline is a one-page MkDocs project with the same theme configuration and no content
of ours, built and measured in the same browser run. Each page is loaded cold (new browser
context, empty cache) several times; we report medians and ratios to the baseline.
Goal (issue 2): no guidance page heavier than 1.2 × the baseline; no Pyodide byte loaded.

Run: `.venv/bin/python -m bench.bench_pages` (or `make bench`).
"""

import pathlib
import gzip
import statistics
import tempfile
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import sync_playwright

from bench.common import ARGS, CHROMIUM, ROOT, build_site, serve

GUIDANCE = ["", "forbered/", "analysera/", "besluta/", "genomforande/", "organisation/",
            "kommunicera/", "folj-upp/", "om-webbplatsen/", "tillganglighet/"]
RUNS = 5
MEASURE = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
    fcp: fcp ? fcp.startTime : null,
    pyodide: res.filter(r => /pyodide|calculators-.*\\.zip/.test(r.name)).length,
    urls: [nav.name, ...res.map(r => r.name)],
  };
}"""


def bare_project(workdir):
    """A one-page MkDocs project with our theme settings but none of our content or code."""
    theme = {k: v for k, v in load_theme().items() if k not in ("custom_dir", "favicon")}
    project = workdir / "bare"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Start\n\nEn tom sida.\n", encoding="utf-8")
    config = {"site_name": "Baslinje", "theme": theme, "plugins": [{"search": {"lang": "sv"}}]}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project / "mkdocs.yml"


def load_theme():
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and python tags; the theme section needs neither.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["theme"]


TEXT = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ""}


def gzip_bytes(site, base_url, urls):
    """What GitHub Pages would send: text files gzip-compressed, others as they are."""
    total = 0
    for url in urls:
        path = site / urlsplit(url).path.removeprefix(urlsplit(base_url).path)
        if path.is_dir():
            path = path / "index.html"
        data = path.read_bytes()
        total += len(gzip.compress(data, 6)) if path.suffix in TEXT else len(data)
    return total


def measure(browser, url, site, base_url):
    samples = []
    for _ in range(RUNS):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # let late resources (search worker) finish
        samples.append(page.evaluate(MEASURE))
        context.close()
    return {
        "bytes": statistics.median(s["bytes"] for s in samples),
        "fcp": statistics.median(s["fcp"] for s in samples if s["fcp"] is not None),
        "pyodide": max(s["pyodide"] for s in samples),
        "gzip": gzip_bytes(site, base_url, samples[0]["urls"]),
    }


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        ours, ours_url = serve_built(tmp / "site", lambda d, u: build_site(d, u))
        bare, bare_url = serve_built(tmp / "bare-site", lambda d, u: build_site(d, u, bare_project(tmp)))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            base = measure(browser, bare_url, tmp / "bare-site", bare_url)
            rows = [(path, measure(browser, ours_url + path, tmp / "site", ours_url)) for path in GUIDANCE]
            browser.close()
        ours.shutdown()
        bare.shutdown()
    print(f"Baseline (bare Material page): {base['bytes'] / 1024:.1f} KiB uncompressed, "
          f"{base['gzip'] / 1024:.1f} KiB gzipped, first contentful paint {base['fcp']:.0f} ms "
          f"(median of {RUNS} cold loads)\n")
    print("| page | KiB | × baseline | KiB gzip | × baseline | FCP ms | × baseline | Pyodide requests |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    worst = worst_gz = 0.0
    for path, m in rows:
        ratio, ratio_gz = m["bytes"] / base["bytes"], m["gzip"] / base["gzip"]
        worst, worst_gz = max(worst, ratio), max(worst_gz, ratio_gz)
        print(f"| /{path} | {m['bytes'] / 1024:.1f} | {ratio:.2f} | {m['gzip'] / 1024:.1f} | {ratio_gz:.2f} | "
              f"{m['fcp']:.0f} | {m['fcp'] / base['fcp']:.2f} | {m['pyodide']} |")
    print(f"\nHeaviest guidance page: {worst:.3f} × baseline uncompressed, {worst_gz:.3f} × gzipped "
          "as GitHub Pages sends it (goal ≤ 1.20).")


def serve_built(dest, builder):
    # Build for the port we will serve on: bind first, then build with that address.
    server, url = serve(str(dest.parent), 0)
    port = server.server_address[1]
    server.shutdown()
    server.server_close()
    builder(dest, f"http://127.0.0.1:{port}/")
    return serve(str(dest), port)


if __name__ == "__main__":
    main()
