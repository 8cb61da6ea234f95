"""Screenshots of the calculator as a visitor sees it: desktop (1280 px, light), phone (390 px,
dark, the first screen and the results) and print (A4 emulation: the first page as a picture,
the page count from the PDF Chromium makes).

    python -m bench.screenshots OUT_DIR PREFIX [SITE_DIR]

builds the site (or uses SITE_DIR) and writes OUT_DIR/PREFIX-desktop.png, -telefon.png,
-telefon-resultat.png, -utskrift.png and prints the page counts of the default and of a
custom scenario. bench/screenshots/ holds the before/after pictures of issue 11.
"""

from __future__ import annotations

import pathlib
import sys
import tempfile

from playwright.sync_api import sync_playwright

from bench.common import ARGS, CHROMIUM, build_site, pdf_pages, serve

PAGE = "verktyg/berakning/"
# A custom scenario as a kommun officer would type it (the example).
CUSTOM = {"antal_personer": "5", "manader": "12", "bruttolon": "24000", "forsorjningsstod": "9000"}


def _ready(page):
    page.wait_for_function("() => window.skPython && window.skPython.status === 'redo'", timeout=60000)


def _fill(page, values):
    for name, text in values.items():
        page.locator(f'[name="{name}"]').fill(text)
    page.wait_for_timeout(1500)


def main(out_dir, prefix, site_dir=None):
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        if site_dir is None:
            site_dir = pathlib.Path(tmp) / "site"
            build_site(site_dir, "http://127.0.0.1/")
        server, url = serve(str(site_dir))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                desk = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="light")
                desk.goto(url + PAGE)
                _ready(desk)
                _fill(desk, CUSTOM)
                desk.screenshot(path=str(out / f"{prefix}-desktop.png"))

                phone = browser.new_page(viewport={"width": 390, "height": 844}, color_scheme="dark",
                                         device_scale_factor=2, is_mobile=True, has_touch=True)
                phone.goto(url + PAGE)
                _ready(phone)
                _fill(phone, CUSTOM)
                phone.evaluate("window.scrollTo(0, 0)")
                phone.screenshot(path=str(out / f"{prefix}-telefon.png"))
                phone.locator("#sk-resultat-rubrik").scroll_into_view_if_needed()
                phone.screenshot(path=str(out / f"{prefix}-telefon-resultat.png"))

                counts = {}
                for name, values in (("standard", {}), ("egen", CUSTOM)):
                    pr = browser.new_page(viewport={"width": 1280, "height": 900})
                    pr.goto(url + PAGE)
                    _ready(pr)
                    _fill(pr, values)
                    pr.emulate_media(media="print")
                    counts[name] = pdf_pages(pr.pdf(format="A4"))
                    if name == "egen":
                        pr.set_viewport_size({"width": 794, "height": 1123})
                        pr.screenshot(path=str(out / f"{prefix}-utskrift.png"))
                    pr.close()
                browser.close()
        finally:
            server.shutdown()
    print(f"A4 pages in print: standard scenario {counts['standard']}, custom scenario {counts['egen']}")
    return counts


if __name__ == "__main__":
    main(*sys.argv[1:])
