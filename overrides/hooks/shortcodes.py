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


HANDLERS = {
    "utgivare": _utgivare,
    "extra": _extra,
}


def on_page_markdown(markdown, page, config, files):
    def replace(match):
        name, argument = match.group(1), match.group(2)
        handler = HANDLERS.get(name)
        if handler is None:
            raise PluginError(f"{page.file.src_uri}: okänd kortkod [[{name}]]")
        return handler(argument, page, config)

    return SHORTCODE.sub(replace, markdown)
