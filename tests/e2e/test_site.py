"""The guidance site in Chromium: every page clean, accessible, responsive and self-contained."""

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from .conftest import COLOUR_SWITCH, FOLLOWING_THE_DEVICE, assert_no_axe_violations, hold_python, nav_pages, switch_scheme, wait_for

# Page loads, focus and requests of a new tab: nothing here reuses a tab.
pytestmark = pytest.mark.ny_flik

PAGES = nav_pages() + ["404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_in_light_and_dark_and_fits_320_px(context_factory, path):
    page = context_factory(color_scheme="light").new_page()
    # A tool page as it is first drawn, with its pre-rendered content, while Python loads:
    # Python is held back (no start for each tool page here; the tools' own tests check
    # their states once Python has computed them, in both schemes).
    hold_python(page)
    page.goto(path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert_no_axe_violations(page, f"on /{path} (light)")
    switch_scheme(page, "dark")
    assert_no_axe_violations(page, f"on /{path} (dark)")
    # A phone held upright, in the same tab (a tool page need not start Python again).
    page.set_viewport_size({"width": 320, "height": 640})
    width, overflow = page.evaluate(
        "() => [innerWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth]")
    assert width == 320
    assert overflow <= 0, f"/{path} is {overflow} px wider than a 320 px screen"


@pytest.mark.parametrize("path", ["", "verktyg/berakning/"])
def test_a_dark_system_setting_gives_the_dark_scheme(context_factory, path):
    page = context_factory(color_scheme="dark").new_page()
    hold_python(page)  # the scheme is the page's, not Python's
    page.goto(path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_a_tap_anywhere_on_a_start_page_card_opens_its_tool(page):
    hold_python(page)  # only where the tap leads matters here
    page.goto("")
    card = page.locator(".grid.cards li", has_text="Vad kravet är värt i kronor")
    card.scroll_into_view_if_needed()
    box = card.locator("p").nth(1).bounding_box()  # the line under the title, not the link
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # The theme's anchor tracking may carry the start page's section into the address.
    expect(page).to_have_url(re.compile(r"/verktyg/berakning/(#[^/]*)?$"))
    expect(page.locator("h1")).to_contain_text("Samhällsekonomisk beräkning")


def click_colour_switch(page, title, scheme):
    page.get_by_title(title).click()
    expect_scheme(page, scheme)


def expect_scheme(page, scheme):
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)


def test_the_colour_scheme_follows_the_device_until_the_visitor_chooses_one(page):
    page.goto("")
    expect_scheme(page, "default")
    page.emulate_media(color_scheme="dark")  # the phone turns dark in the evening
    expect_scheme(page, "slate")
    page.emulate_media(color_scheme="light")
    expect_scheme(page, "default")
    # Chosen with the switch, the scheme stays, whatever the device does, on the next page too.
    click_colour_switch(page, FOLLOWING_THE_DEVICE, "slate")
    page.reload()
    expect_scheme(page, "slate")
    click_colour_switch(page, "Byt till ljust läge", "default")
    page.emulate_media(color_scheme="dark")
    page.goto("besluta/")
    expect_scheme(page, "default")
    # The third click gives the device's choice back.
    click_colour_switch(page, "Följ enhetens ljusa eller mörka läge", "slate")
    page.emulate_media(color_scheme="light")
    expect_scheme(page, "default")
    page.reload()
    expect_scheme(page, "default")
    expect(page.get_by_title(FOLLOWING_THE_DEVICE)).to_be_visible()


@pytest.mark.parametrize("path", ["", "verktyg/berakning/"])
def test_the_first_click_on_the_colour_switch_changes_what_is_seen_on_a_dark_device_too(context_factory, path):
    page = context_factory(color_scheme="dark").new_page()
    hold_python(page)  # on a tool page, before Material's script: the click is handed on
    page.goto(path)
    expect_scheme(page, "slate")
    click_colour_switch(page, FOLLOWING_THE_DEVICE, "default")
    page.reload()
    expect_scheme(page, "default")
    click_colour_switch(page, "Följ enhetens ljusa eller mörka läge", "slate")
    # The device turns light while the site follows it: the next click gives dark.
    page.emulate_media(color_scheme="light")
    expect_scheme(page, "default")
    click_colour_switch(page, FOLLOWING_THE_DEVICE, "slate")


def test_a_screen_reader_hears_the_colour_switch_as_the_scheme_in_use(page):
    page.goto("besluta/")
    following = page.get_by_role("radio", name="Som enheten, ljust eller mörkt")
    expect(following).to_be_checked()
    following.focus()
    page.keyboard.press("ArrowRight")  # the next radio button, as a screen reader moves
    expect_scheme(page, "slate")
    expect(page.get_by_role("radio", name="Mörkt läge")).to_be_checked()
    page.reload()
    expect(page.get_by_role("radio", name="Mörkt läge")).to_be_checked()
    page.get_by_role("radio", name="Mörkt läge").focus()
    page.keyboard.press("ArrowRight")
    expect_scheme(page, "default")
    expect(page.get_by_role("radio", name="Ljust läge")).to_be_checked()


def test_the_phone_menu_is_accessible_open_in_light_and_dark(context_factory):
    # Open on a page inside a section, the menu shows that section's title on a grey band.
    page = context_factory(viewport={"width": 375, "height": 740}).new_page()
    page.goto("besluta/")
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator(".md-nav--primary .md-nav__title").filter(has_text="Vägledningen").first).to_be_visible()
    assert_no_axe_violations(page, "with the phone menu open (light)")
    page.locator("label.md-overlay").click(position={"x": 360, "y": 400})
    switch_scheme(page, "dark")
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator(".md-nav--primary .md-nav__title").filter(has_text="Vägledningen").first).to_be_visible()
    assert_no_axe_violations(page, "with the phone menu open (dark)")


def test_skip_link_is_first_and_moves_focus_to_content(page):
    page.goto("analysera/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_class(re.compile(r"md-skip"))
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert unquote(page.url).endswith("#analysera-förutsättningarna")  # anchors keep å, ä, ö
    expect(page.locator("article h1")).to_be_in_viewport()


def test_keyboard_search_finds_matchningsansvariga(page):
    page.goto("")
    page.keyboard.press("s")  # Material's shortcut focuses the search field
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("matchningsansvariga")
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text("Kommunicera i alla led")
    # Down arrow moves into the results; Enter opens the page.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/kommunicera/"))
    expect(page.locator("article.md-content__inner")).to_contain_text("Matchningsansvariga")


MATERIAL_STARTED = "() => typeof window.document$"


def test_a_tool_page_starts_materials_script_when_the_visitor_reaches_for_the_header(page):
    # While Python loads, a tool page holds Material's script back (it would slow Python on
    # two cores); the first reach for the header brings it, and the search works.
    hold_python(page)
    page.goto("verktyg/berakning/")
    expect(page.locator("#sk-berakning")).to_have_attribute("data-sk-python-status", "laddar")
    page.wait_for_timeout(500)
    assert page.evaluate(MATERIAL_STARTED) == "undefined", "Material's script ran at once on a tool page"
    search = page.locator("input.md-search__input")
    search.click()
    # Well before the time limit (see the test below).
    wait_for(page, MATERIAL_STARTED, "object", "Material's script after a click in the header", 1000)
    page.keyboard.type("matchningsansvariga")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Kommunicera i alla led")
    page.keyboard.press("Escape")
    switch_scheme(page, "dark")
    expect(page.locator("#sk-berakning")).to_have_attribute("data-sk-python-status", "laddar")


def test_a_tool_page_starts_materials_script_after_a_few_seconds_untouched(context_factory):
    page = context_factory(color_scheme="dark").new_page()
    hold_python(page)
    page.goto("verktyg/uppfoljning/")
    page.wait_for_timeout(1000)
    assert page.evaluate(MATERIAL_STARTED) == "undefined", "Material's script ran at once on a tool page"
    # Meanwhile the page looks as Material will make it: dark as the system asks, the search
    # field and the colour switch shown.
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("input.md-search__input")).to_be_visible()
    expect(page.locator(COLOUR_SWITCH)).to_have_count(1)
    expect(page.locator(COLOUR_SWITCH)).to_have_attribute("title", FOLLOWING_THE_DEVICE)
    wait_for(page, MATERIAL_STARTED, "object", "Material's script by the time limit", 4000)
    assert page.evaluate("() => window.skPython.status") == "laddar"


@pytest.mark.tillat_konsolfel  # the browser reports the blocked script
def test_a_first_visit_is_drawn_in_the_systems_colour_scheme_before_materials_script_runs(context_factory):
    # Material's script chooses the scheme of a first visit; a page drawn before it runs was
    # light, a white flash on a phone set to dark. Here its script never comes.
    page = context_factory(color_scheme="dark").new_page()
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.goto("besluta/")
    expect(page.locator("article h1")).to_be_visible()
    assert page.evaluate(MATERIAL_STARTED) == "undefined"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_what_the_visitor_does_in_the_header_before_materials_script_is_not_lost(context_factory):
    page = context_factory().new_page()
    hold_python(page)
    page.goto("verktyg/berakning/")
    assert page.evaluate(MATERIAL_STARTED) == "undefined"
    # The colour switch, clicked at once, takes effect when Material has come, and stays.
    page.get_by_title(FOLLOWING_THE_DEVICE).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    assert page.evaluate(MATERIAL_STARTED) == "undefined"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    # Material's search shortcut, pressed at once and typed straight after: every letter goes
    # into the field ("p" and "n" are Material's page shortcuts outside it).
    page.keyboard.press("s")
    page.keyboard.type("uppföljning", delay=30)
    expect(page.locator("input.md-search__input")).to_have_value("uppföljning")
    expect(page).to_have_url(re.compile(r"verktyg/berakning/"))
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("matchningsansvariga")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Kommunicera i alla led")
    # Tab at once: when Material has come, it marks the focused element (its focus ring).
    page.reload()
    assert page.evaluate(MATERIAL_STARTED) == "undefined"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    wait_for(page, MATERIAL_STARTED, "object", "Material's script after a key", 2000)
    expect(page.locator(":focus")).to_have_class(re.compile(r"\bfocus-visible\b"))


def test_on_a_phone_the_search_icon_tapped_at_once_puts_the_cursor_in_the_field(context_factory):
    page = context_factory(viewport={"width": 375, "height": 740}).new_page()
    hold_python(page)
    page.goto("verktyg/berakning/")
    assert page.evaluate(MATERIAL_STARTED) == "undefined"
    page.locator("label.md-header__button[for='__search']").click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("matchningsansvariga")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Kommunicera i alla led")


def test_instant_navigation_keeps_the_page_alive(page):
    page.goto("")
    page.evaluate("() => { window.__skMarker = 1; }")
    page.locator("article").get_by_role("link", name="Analysera förutsättningarna").click()
    expect(page.locator("article.md-content__inner h1")).to_have_text(re.compile("Analysera förutsättningarna"))
    assert page.evaluate("() => window.__skMarker") == 1, "navigation reloaded the whole page"


def test_footer_links_to_accessibility_statement_and_publisher(page):
    page.goto("besluta/")
    footer = page.locator("footer")
    expect(footer).to_contain_text("Utgivare: Exempelkommunen")
    footer.get_by_role("link", name="Tillgänglighetsredogörelse").click()
    expect(page.locator("article.md-content__inner h1")).to_have_text(re.compile("Tillgänglighetsredogörelse"))


def test_guidance_pages_load_no_tool_code_and_instant_navigation_brings_it(page):
    tool_files = re.compile(r"sk-(berakning|verktyg)(\.(js|css)|/)|pyodide|calculators-")
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto("besluta/")
    expect(page.locator("article.md-content__inner h1")).to_have_text(re.compile("Besluta"))
    page.wait_for_load_state("networkidle")
    assert not [u for u in loaded if tool_files.search(u)], "a guidance page fetched tool code"
    page.evaluate("() => { window.__skMarker = 1; }")
    page.locator("article.md-content__inner").get_by_role("link", name="Beslutsunderlag").first.click()
    expect(page.locator("[data-verktygsrad]").first).to_be_visible()  # the glue has run
    assert page.evaluate("() => window.__skMarker") == 1, "navigation reloaded the whole page"
    # The tool's stylesheet arrived: a question's fieldset loses the browser's default border.
    expect(page.locator("link[data-sk-verktygsstil]")).to_have_count(2)
    expect(page.locator(".sk-fraga").first).to_have_css("border-top-style", "none")


@pytest.mark.tillat_konsolfel  # the browser reports each blocked script as a console error
def test_injected_markup_cannot_run_script_but_the_site_scripts_run(page):
    # What stored answers, a share link or an imported file could inject: an inline event
    # handler and an inline script. The policy (hashes, no 'unsafe-inline') blocks both.
    page.goto("verktyg/uppfoljning/")
    expect(page.locator("[data-verktygsrad]").first).to_be_visible()  # our own scripts ran
    page.evaluate("""() => {
        window.__blocked = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__blocked.push(e.violatedDirective));
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="data:," onerror="window.__pwned = 1">';
        document.body.append(holder);
        const script = document.createElement('script');
        script.textContent = 'window.__pwned = 2';
        document.body.append(script);
    }""")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")  # Material's inline script ran
    for _ in range(50):
        if len(page.evaluate("() => window.__blocked")) >= 2:
            break
        page.wait_for_timeout(50)
    assert page.evaluate("() => window.__blocked").count("script-src-elem") + page.evaluate("() => window.__blocked").count("script-src-attr") >= 2
    assert page.evaluate("() => window.__pwned") is None
