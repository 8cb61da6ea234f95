"""Browser fixtures: Playwright driving Debian's Chromium against the locally served site.

Every `page` fails its test on a console error, an uncaught page error, or a request to
any other origin than the site's own (the site must send no visitor data anywhere). When a
test fails, a screenshot of each page it had open is kept under test-results/.
"""

import json
import os
import pathlib
import re
import time
import warnings
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.config import load_config
from playwright.sync_api import Error as PlaywrightError, expect, sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Debian's headless Chromium (see the Makefile); CI on GitHub points it at Google Chrome.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
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
def playwright_driver():
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """A browser for throwaway (incognito-like) contexts: JavaScript off, init scripts."""
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
        page.on("pageerror", self._pageerror)
        page.on("request", self._request)

    def _console(self, msg):
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _pageerror(self, err):
        self.console_errors.append(f"pageerror: {err}")

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


def _keep_screenshots(request, pages):
    """Screenshots of a failed test's pages, named after the test, under test-results/."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.nodeid.split("::", 1)[-1])[:120]
    RESULTS.mkdir(exist_ok=True)
    for n, open_page in enumerate(pages, 1):
        try:
            open_page.screenshot(path=str(RESULTS / f"{name}-{n}.png"), full_page=True, timeout=5000)
        except Exception:  # noqa: BLE001 - a page that cannot be drawn must not hide the failure
            pass


# ── warm browser profiles ───────────────────────────────────────────────────────────────
#
# A Pyodide boot is CPU work: compiling the 9.6 MB WebAssembly and starting Python. In a
# throwaway context it is compiled from scratch every time (no disk cache, so no V8 code
# cache either), which made a boot cost 4–5 s on two cores and the browser tests 12
# minutes. So the tests' pages live in a few persistent profiles, kept for the session: the
# HTTP cache, the compiled WebAssembly and the Python worker's memory snapshot (kept in Cache
# Storage, the only thing there: service workers are blocked in these profiles) stay warm;
# everything a visitor could tell apart (local and session storage, cookies, permissions,
# emulated media, viewport) is reset before each test. A page that intercepts a runtime file (page.route) gets no cache at all
# (Playwright disables it), so the tests about failing downloads still boot cold; the tests
# about Python still loading hold it back instead (hold_python below) and keep the cache.
#
# On top of that the `page` fixture reuses one tab whose Python has booted: between tests it
# is parked on the start page and its storage emptied; the test's page.goto() to another
# page of the site is then Material's instant navigation (a click on a link, as a reader
# would), which keeps the tab's Python worker. Tests that are about a page load itself
# (loading state, leaving a page, counting requests, intercepted runtime files, changed
# window globals) are marked `ny_flik` and get a tab of their own with real page loads.

WARM_PROFILES = 2  # the most profiles one test uses at once (two "fresh profiles")
STORAGE_TYPES = "cookies,local_storage,indexeddb,service_workers,file_systems,websql"
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}

# Set in the reusable tab when Material's script, held back on a tool page, has started
# (sk-material.js says so with an event): from then on a link is Material's to take.
MATERIAL_ARRIVED_JS = """document.addEventListener("sk-material", () => { window.__skMaterialKommit = true; });"""

INSTANT_GOTO_JS = """async (href) => {
    // Material's script not there yet, or on its way: a real load (a tool page holds it back,
    // and while it arrives, a click would be taken half-way).
    if (!window.document$) return null;
    if (document.querySelector('script[type="sk-senare"]') && !window.__skMaterialKommit) return null;
    let armed = false;
    let resolveSwap;
    const swapped = new Promise((resolve) => { resolveSwap = resolve; });
    const subscription = window.document$.subscribe(() => { if (armed) resolveSwap(); });
    armed = true;
    const link = document.createElement("a");
    link.href = href;
    document.body.append(link);
    link.click();  // Material's instant navigation takes same-site links
    link.remove();
    // Bounded: a click that neither swaps the page nor loads another must fail the test, not hang it.
    const swappedInTime = await Promise.race([swapped.then(() => true), new Promise((r) => setTimeout(() => r(false), 15000))]);
    subscription.unsubscribe();
    if (!swappedInTime) throw new Error("instant navigation to " + href + " did not happen within 15 s");
    // As a real load waits for the tools' scripts: wait until every tool on the page started.
    const started = () => [...document.querySelectorAll("[data-sk-verktyg]")]
        .every((t) => t.matches("[data-sk-klar]") || t.querySelector("[data-sk-klar]"));
    const until = performance.now() + 15000;
    while (!started() && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => { requestAnimationFrame(() => r()); setTimeout(r, 500); });  // no frames in a tab behind another
    return location.href;
}"""


class WarmProfile:
    """A persistent browser profile kept for the session, with one reusable tab ("home")."""

    def __init__(self, pw, directory, base_url):
        self.base_url = base_url
        self.origin = base_url.rstrip("/")
        self.context = pw.chromium.launch_persistent_context(
            str(directory), executable_path=CHROMIUM, args=CHROMIUM_ARGS, base_url=base_url,
            locale="sv-SE", accept_downloads=True, viewport=DEFAULT_VIEWPORT,
            # No service worker (offline use, tests/e2e/test_offline.py has its own contexts):
            # it would cache the site in the background in every test and answer requests
            # that tests intercept with page.route().
            service_workers="block",
        )
        self.watch = None
        self.context.on("page", lambda p: self.watch.attach(p) if self.watch else None)
        self._browser_cdp = self.context.browser.new_browser_cdp_session()
        self.home = None
        self.home_listeners = None
        self.home_in_use = False

    def new_page(self):
        """A tab in a browser window of its own. Headless Chromium gives animation frames only
        to the front tab of a window, and Playwright waits for two frames before it clicks
        (the element must be still): in tabs that share a window, every action on a tab
        behind another took 1–2 s. A reader with two windows side by side sees both live."""
        with self.context.expect_page() as created:
            self._browser_cdp.send("Target.createTarget", {"url": "about:blank", "newWindow": True})
        return created.value

    # -- per test --

    def begin(self, watch):
        """Reset what a visitor's browser would remember; watch every page from now on."""
        if self.home is None or self.home.is_closed():
            self.home = self.context.pages[0] if self.context.pages else self.new_page()
            self.home.add_init_script(MATERIAL_ARRIVED_JS)
            self.home.goto(self.base_url)
            self.home.goto = self._instant_goto(self.home, self.home.goto)
        self.context.clear_cookies()
        self.context.clear_permissions()
        cdp = self.context.new_cdp_session(self.home)
        try:
            cdp.send("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": STORAGE_TYPES})
        finally:
            cdp.detach()
        self.home.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        self.watch = watch
        self.home_in_use = False

    def take_home(self):
        """The reusable tab, for the `page` fixture: watched like any page of the test."""
        self.home_in_use = True
        left = self.home.evaluate(
            "(switch_) => ({local: localStorage.length, session: sessionStorage.length, print: matchMedia('print').matches,"
            " dark: matchMedia('(prefers-color-scheme: dark)').matches, width: innerWidth, height: innerHeight,"
            " scheme: document.body.dataset.mdColorScheme, switch: document.querySelector(switch_).title})",
            COLOUR_SWITCH)
        assert left == {"local": 0, "session": 0, "print": False, "dark": False, **DEFAULT_VIEWPORT,
                        "scheme": "default", "switch": FOLLOWING_THE_DEVICE}, \
            f"the reused tab was not reset: {left}"
        self.home_listeners = _listeners(self.home)
        self.watch.attach(self.home)
        return self.home

    def pages_of_test(self):
        return [p for p in self.context.pages if p is not self.home or self.home_in_use]

    def end(self, reusable):
        """Close the test's tabs; park the reusable tab on the start page, or close it."""
        for p in self.context.pages:
            if p is not self.home:
                p.close()
        if self.home_in_use:
            if not (reusable and self._park()):
                # The next test's tab opens first: headless Chromium sometimes never finishes
                # closing the last page of a persistent profile (Playwright's pull request
                # 18485), and page.close() has no timeout. Three fresh-clone runs hung here.
                self.new_page()  # begin() takes it
                self.home.close()
                self.home = None
            self.home_in_use = False
        self.watch = None

    def _park(self):
        page = self.home
        try:
            page.unroute_all(behavior="ignoreErrors")
            page.emulate_media(media="null", color_scheme="null")
            page.set_viewport_size(DEFAULT_VIEWPORT)
            if page.evaluate("() => window.skPython && window.skPython.status") == "fel":
                return False  # a stopped engine is not what the next test starts from
            follow_the_device(page)  # the switch's choice outlives the cleared storage
            page.goto("")  # instant navigation: the tools on the page flush and let go
            _drop_listeners(page, self.home_listeners)
            if urlsplit(page.url).path != urlsplit(self.base_url).path:
                raise AssertionError("the start page did not open")
            return True
        except Exception as error:  # noqa: BLE001 - a tab that cannot be parked is closed instead
            # Not a failure, but the next test boots Python again: say why in the summary.
            warnings.warn(f"the reused tab could not be parked on {page.url}: {error}", stacklevel=1)
            return False

    def _instant_goto(self, page, real_goto):
        def goto(url, **options):
            target = urljoin(self.base_url, url)
            here = page.url
            same_site = here.startswith(self.base_url)
            if options or "#" in url or not same_site or urlsplit(here).path == urlsplit(target).path:
                return real_goto(url, **options)
            if page._impl_obj._routes:  # noqa: SLF001 - routes decide what a real load fetches
                raise AssertionError("page.route() before page.goto(): mark the test ny_flik (a real load)")
            try:
                if page.evaluate(INSTANT_GOTO_JS, target) is None:
                    return real_goto(url, **options)
            except PlaywrightError:
                # Not taken by instant navigation (Material takes links only once it has read
                # the site map): a real load, which may not have begun yet.
                page.wait_for_url(lambda u: urlsplit(u).path == urlsplit(target).path, timeout=15_000)
                page.wait_for_load_state()
            return None
        return goto


def _listeners(page):
    """The page's event listeners now (Playwright's own included), to remove later additions."""
    events = page._impl_obj._events  # noqa: SLF001 - Page has no public "remove all that a test added"
    return {name: list(value) if isinstance(value, list) else [value] for name, value in events.items()}


def _drop_listeners(page, before):
    impl = page._impl_obj  # noqa: SLF001
    for name, value in list(impl._events.items()):  # noqa: SLF001
        for listener in list(value) if isinstance(value, list) else [value]:
            if not any(listener is old for old in before.get(name, [])):
                impl.remove_listener(name, listener)


@pytest.fixture(scope="session")
def warm_profiles(playwright_driver, served_site, tmp_path_factory):
    profiles = []

    def get(i):
        while len(profiles) <= i:
            profiles.append(WarmProfile(playwright_driver, tmp_path_factory.mktemp("profil"), served_site))
        return profiles[i]

    yield get
    for profile in profiles:
        profile.context.close()


class WarmContext:
    """A warm profile handed to a test as if it were a new context with these options."""

    def __init__(self, profile, color_scheme=None, viewport=None, permissions=None):
        self._profile = profile
        self._color_scheme = color_scheme
        self._viewport = viewport
        self._init_scripts = []
        if permissions:
            profile.context.grant_permissions(permissions)

    def new_page(self):
        page = self._profile.new_page()
        if self._color_scheme:
            page.emulate_media(color_scheme=self._color_scheme)
        if self._viewport:
            page.set_viewport_size(self._viewport)
        for script in self._init_scripts:
            page.add_init_script(script)
        return page

    def take_home(self):
        """The profile's reusable tab, whose Python has usually booted already, with this
        context's options: for a test's first tab when only the later tabs must be new (a
        tab that opens a link, a second tab). Parked and reset when the test ends."""
        page = self._profile.take_home()
        if self._color_scheme:
            page.emulate_media(color_scheme=self._color_scheme)
        if self._viewport:
            page.set_viewport_size(self._viewport)
        if self._init_scripts:
            raise AssertionError("init scripts need a new tab: use new_page()")
        return page

    def add_init_script(self, script):
        # On the page, not the profile: it must not outlive the test.
        self._init_scripts.append(script)

    def __getattr__(self, name):
        return getattr(self._profile.context, name)


WARM_OPTIONS = {"color_scheme", "viewport", "permissions", "accept_downloads"}


@pytest.fixture
def context_factory(browser, warm_profiles, served_site, request):
    """Make browser contexts whose pages are watched; checked when the test ends.

    Each call is a browser profile of its own, empty: a warm profile (see above) unless
    options ask for something only a new context can do (JavaScript off)."""
    origin = served_site.rstrip("/")
    watches, contexts, used = [], [], []

    def make(**options):
        watch = PageWatch(origin)
        watches.append(watch)
        if set(options) <= WARM_OPTIONS and options.get("accept_downloads", True):
            profile = warm_profiles(len(used))
            profile.begin(watch)
            used.append(profile)
            return WarmContext(profile, **{k: v for k, v in options.items() if k != "accept_downloads"})
        context = browser.new_context(base_url=served_site, locale="sv-SE", **options)
        context.on("page", watch.attach)
        contexts.append(context)
        return context

    make.warm_profile = lambda: (make(), used[-1])[1]
    yield make
    failed = getattr(request.node, "sk_failed", False)
    if failed:
        _keep_screenshots(request, [p for c in contexts for p in c.pages] + [p for w in used for p in w.pages_of_test()])
    for context in contexts:
        context.close()
    reusable = not failed and request.node.get_closest_marker("ny_flik") is None
    for profile in used:
        profile.end(reusable)
    if request.node.get_closest_marker("tillat_konsolfel") is None:
        errors = [e for w in watches for e in w.console_errors]
        assert not errors, f"console errors: {errors}"
    foreign = [u for w in watches for u in w.foreign_requests]
    assert not foreign, f"requests to other hosts: {foreign}"


@pytest.fixture
def page(context_factory, request):
    """A tab in a warm, emptied profile: the reused tab whose Python has already booted, or
    for a test marked ny_flik a tab of its own."""
    profile = context_factory.warm_profile()
    if request.node.get_closest_marker("ny_flik") is not None:
        return profile.context.new_page()
    return profile.take_home()


# Holds Python in its loading state: the tab's Python worker is created but gets no start
# message until release_python(), on every load of the tab (a reload too) until then. The
# page sees exactly what a slow download shows. Intercepting a runtime file instead
# (page.route) would turn the browser's cache off for the tab (Playwright does), and every
# such test then compiled the 9.6 MB WebAssembly from scratch: seconds of CPU each.
HOLD_PYTHON_JS = """(() => {
  if (sessionStorage.getItem("sk-test-python-fri") === "1" || !window.Worker) return;
  const held = [];
  let released = false;
  const Real = window.Worker;
  window.Worker = class extends Real {
    postMessage(message, ...rest) {
      if (!released && message && message.type === "init") held.push(() => super.postMessage(message, ...rest));
      else super.postMessage(message, ...rest);
    }
  };
  window.__skReleasePython = () => {
    released = true;
    sessionStorage.setItem("sk-test-python-fri", "1");
    held.splice(0).forEach((go) => go());
  };
})()"""


def hold_python(page):
    """Keep Python loading in this tab (a `ny_flik` one) until release_python(page)."""
    page.add_init_script(HOLD_PYTHON_JS)


def release_python(page):
    page.evaluate("() => window.__skReleasePython && window.__skReleasePython()")


def forget_kept_python(page):
    """Delete what this profile's browser keeps for Python (the snapshot, the decoded runtime,
    the service worker's copies), so that the next start fetches the runtime again. The warm
    profile's reused tab may still be storing what its own start made: until it stays gone."""
    page.goto("")
    for _ in range(20):
        page.evaluate("async () => { for (const n of await caches.keys()) await caches.delete(n); }")
        page.wait_for_timeout(250)
        if not page.evaluate("async () => (await caches.keys()).length"):
            return
    raise AssertionError("the kept files came back")


def hold_back(page, pattern):
    """Hold back the requests for pattern, as a slow connection would; returns release(),
    which waits for the request (a script the page inserts makes it) and lets it go."""
    held = []
    page.route(pattern, lambda route: held.append(route))

    def release():
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "the script was not held back"
        for route in held:
            route.continue_()
        page.unroute(pattern)

    return release


def wait_for(page, script, wanted, what, timeout_ms=30_000):
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        if page.evaluate(script) == wanted:
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"{what}: {page.evaluate(script)!r}, expected {wanted!r}")


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


STILL_JS = """() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() =>
    resolve(document.getAnimations().every((a) => a.playState !== "running")))))"""


def assert_no_axe_violations(page, label=""):
    violations = axe_violations(page)
    if violations:
        # Something caught half-way through a transition (Material's back-to-top button fading
        # in after a scroll, a button's colour change) reads as too little contrast. Once
        # nothing moves, look again: a real violation is still there.
        page.wait_for_function(STILL_JS, timeout=5_000)
        violations = axe_violations(page)
    assert not violations, f"axe violations {label}:\n{json.dumps(violations, indent=1, ensure_ascii=False)}"


# The colour switch: Material shows one label of the palette form at a time, and a click on it
# takes the next palette of mkdocs.yml. Its title says what the click gives.
COLOUR_SWITCH = "form[data-md-component=palette] label:not([hidden])"
FOLLOWING_THE_DEVICE = "Välj ljust eller mörkt läge"  # its title while the site follows the device
SCHEMES = {"dark": "slate", "light": "default"}


def _click_colour_switch(page):
    switch = page.locator(COLOUR_SWITCH)
    title = switch.get_attribute("title")
    switch.click()
    expect(page.locator(COLOUR_SWITCH)).not_to_have_attribute("title", title)


def switch_scheme(page, scheme="dark"):
    """Turn the page dark (or light again) with the reader's own switch, the palette toggle in
    the header: at once, without a reload, so a tool's Python need not start again. The same
    styles apply as with a dark system setting, because every rule of ours keys on Material's
    scheme attribute, never on the media query (tests/site/test_build.py holds that)."""
    attribute = SCHEMES[scheme]
    for _ in range(page.locator("form[data-md-component=palette] input").count()):
        if page.locator("body").get_attribute("data-md-color-scheme") == attribute:
            break
        _click_colour_switch(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", attribute)


def follow_the_device(page):
    """The colour switch back where a first visit starts: following the device's setting."""
    for _ in range(page.locator("form[data-md-component=palette] input").count()):
        if page.locator(COLOUR_SWITCH).get_attribute("title") == FOLLOWING_THE_DEVICE:
            return
        _click_colour_switch(page)
    expect(page.locator(COLOUR_SWITCH)).to_have_attribute("title", FOLLOWING_THE_DEVICE)
