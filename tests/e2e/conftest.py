"""Browser fixtures: Playwright driving Debian's Chromium against the locally served site.

Every `page` fails its test on a console error, an uncaught page error, or a request to
any other origin than the site's own (the site must send no visitor data anywhere). When a
test fails, a screenshot of each page it had open is kept under test-results/.
"""

import json
import os
import pathlib
import re
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; CI on GitHub points it at Google Chrome
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def nav_pages():
    """URL paths of every page in the navigation, in reading order."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    paths = []

    def walk(items):
        for item in items:
            value = list(item.values())[0] if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                paths.append(value)

    walk(config["nav"])
    urls = []
    for md in paths:
        stem = md[: -len(".md")]
        if stem == "index":
            urls.append("")
        elif stem.endswith("/index"):
            urls.append(stem[: -len("index")])
        else:
            urls.append(stem + "/")
    return urls


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """What a page did that a test must not allow: console errors and foreign requests."""

    def __init__(self, origin):
        self.origin = origin
        self.console_errors = []
        self.foreign_requests = []

    def attach(self, page):
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.console_errors.append(f"pageerror: {err}"))
        page.on("request", self._request)

    def _console(self, msg):
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _request(self, request):
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign_requests.append(url)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.sk_failed = report.failed
    return report


def _keep_screenshots(request, contexts):
    """Screenshots of a failed test's pages, named after the test, under test-results/."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.nodeid.split("::", 1)[-1])[:120]
    RESULTS.mkdir(exist_ok=True)
    n = 0
    for context in contexts:
        for open_page in context.pages:
            n += 1
            try:
                open_page.screenshot(path=str(RESULTS / f"{name}-{n}.png"), full_page=True, timeout=5000)
            except Exception:  # noqa: BLE001 - a page that cannot be drawn must not hide the failure
                pass


@pytest.fixture
def context_factory(browser, served_site, request):
    """Make browser contexts whose pages are watched; checked when the test ends."""
    origin = served_site.rstrip("/")
    watches, contexts = [], []

    def make(**options):
        context = browser.new_context(base_url=served_site, locale="sv-SE", **options)
        watch = PageWatch(origin)
        context.on("page", watch.attach)
        contexts.append(context)
        watches.append(watch)
        return context

    yield make
    if getattr(request.node, "sk_failed", False):
        _keep_screenshots(request, contexts)
    for context in contexts:
        context.close()
    if request.node.get_closest_marker("tillat_konsolfel") is None:
        errors = [e for w in watches for e in w.console_errors]
        assert not errors, f"console errors: {errors}"
    foreign = [u for w in watches for u in w.foreign_requests]
    assert not foreign, f"requests to other hosts: {foreign}"


@pytest.fixture
def page(context_factory):
    return context_factory().new_page()


def axe_violations(page, context=None):
    """Run axe-core's WCAG 2.1 A/AA rules on the page; return the violations found."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the page's policy forbids inline scripts,
        # so add_script_tag(content=...) would be blocked (as it should be).
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0")
    result = page.evaluate(
        "async ([ctx, tags]) => (await axe.run(ctx || document, {runOnly: {type: 'tag', values: tags}})).violations",
        [context, WCAG_TAGS],
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result
    ]


def assert_no_axe_violations(page, label=""):
    violations = axe_violations(page)
    assert not violations, f"axe violations {label}:\n{json.dumps(violations, indent=1, ensure_ascii=False)}"
