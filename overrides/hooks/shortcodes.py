"""Shortcodes in the Markdown pages: `[[name argument]]`, replaced at build time.

They let a page pull in something the build computes (the publisher's details from
mkdocs.yml, a tool rendered by the Python core). An unknown shortcode fails the build
instead of leaking into the page.
"""

import re

from mkdocs.exceptions import PluginError

SHORTCODE = re.compile(r"\[\[\s*([a-z_]+)(?:\s+([^\]\s]+))?\s*\]\]")


def _utgivare(argument, page, config):
    utgivare = config.extra["utgivare"]
    if argument not in utgivare:
        raise PluginError(f"{page.file.src_uri}: okänt fält i extra.utgivare: {argument!r}")
    return str(utgivare[argument])


def _extra(argument, page, config):
    if argument not in config.extra:
        raise PluginError(f"{page.file.src_uri}: okänt fält i extra: {argument!r}")
    return str(config.extra[argument])


def _berakning(argument, page, config):
    # The calculator, rendered by the Python core (calculators/impact/page.py).
    if argument != "standard":
        raise PluginError(f"{page.file.src_uri}: [[berakning]] känner bara till 'standard', inte {argument!r}")
    import sys
    from pathlib import Path

    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from calculators.impact.page import render_page

    return render_page()


HANDLERS = {
    "utgivare": _utgivare,
    "extra": _extra,
    "berakning": _berakning,
}


def on_page_markdown(markdown, page, config, files):
    def replace(match):
        name, argument = match.group(1), match.group(2)
        handler = HANDLERS.get(name)
        if handler is None:
            raise PluginError(f"{page.file.src_uri}: okänd kortkod [[{name}]]")
        return handler(argument, page, config)

    return SHORTCODE.sub(replace, markdown)
