"""Shortcodes in the Markdown pages: `[[name argument]]`, replaced at build time.

They let a page pull in something the build computes (the publisher's details from
mkdocs.yml, a tool rendered by the Python core). An unknown shortcode fails the build
instead of leaking into the page.
"""

import os
import re
import sys

from mkdocs.exceptions import PluginError

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# MkDocs restores sys.path after loading a hook, so import the package now: its submodules
# are found through the package itself afterwards.
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
import calculators  # noqa: E402,F401

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


def _tool_area(html):
    """Wrap a tool: data-sk-verktyg inside makes sk-python.js load the tool's glue and start the
    worker; data-search-exclude keeps forms and results out of the search index, which every
    visitor downloads (the guidance pages carry the same questions). It sits on an <article>
    because Material's search parser ends an exclusion at the first closing tag of the same
    name, and a tool contains many nested <div>s but no <article>."""
    return f'<article class="sk-verktygsyta" data-search-exclude>\n{html}\n</article>'


def _berakning(argument, page, config):
    # The calculator, rendered by the Python core (calculators/pages/calculator.py).
    if argument != "standard":
        raise PluginError(f"{page.file.src_uri}: [[berakning]] känner bara till 'standard', inte {argument!r}")
    from calculators.pages.calculator import render_page

    return _tool_area(render_page())


def _checklista(argument, page, config):
    # One of the four checklists/worksheets, rendered by the Python core
    # (calculators/checklists/render.py); made interactive by sk-verktyg/checklist.mjs.
    from calculators.checklists.definitions import TOOL_IDS
    from calculators.checklists.render import render_tool

    if argument not in TOOL_IDS:
        raise PluginError(f"{page.file.src_uri}: [[checklista]] känner inte till {argument!r} (finns: {', '.join(TOOL_IDS)})")
    html = render_tool(argument, page.file.src_uri, use_directory_urls=config.use_directory_urls)
    return _tool_area(f'<div class="sk-checklista" data-sk-verktyg="checklista">\n{html}\n</div>')


def _beslutsunderlag_dokument(argument, page, config):
    # The printable beslutsunderlag document (calculators/checklists/document.py); filled in
    # from the saved answers by sk-verktyg/decision-document.mjs.
    from calculators.checklists.document import render_document_shell

    if argument:
        raise PluginError(f"{page.file.src_uri}: [[beslutsunderlag_dokument]] tar inget argument")
    html = render_document_shell(page.file.src_uri)
    return _tool_area(f'<div class="sk-dokumentsida" data-sk-verktyg="dokument">\n{html}\n</div>')


def _dela_med_kollegor(argument, page, config):
    # "Dela med kollegor": one file with everything, saved and opened
    # (calculators/checklists/bundle_page.py); made to work by sk-verktyg/bundle-page.mjs.
    from calculators.checklists.bundle_page import render_bundle_section

    if argument:
        raise PluginError(f"{page.file.src_uri}: [[dela_med_kollegor]] tar inget argument")
    return _tool_area(f'<div class="sk-samlad-omslag" data-sk-verktyg="samlad">\n{render_bundle_section()}\n</div>')


TOOLS = {"berakning", "checklista", "beslutsunderlag_dokument", "dela_med_kollegor"}

HANDLERS = {
    "utgivare": _utgivare,
    "extra": _extra,
    "berakning": _berakning,
    "checklista": _checklista,
    "beslutsunderlag_dokument": _beslutsunderlag_dokument,
    "dela_med_kollegor": _dela_med_kollegor,
}


def on_page_markdown(markdown, page, config, files):
    def replace(match):
        name, argument = match.group(1), match.group(2)
        handler = HANDLERS.get(name)
        if handler is None:
            raise PluginError(f"{page.file.src_uri}: okänd kortkod [[{name}]]")
        if name in TOOLS:
            # main.html links the tools' stylesheets only on pages that carry a tool.
            page.meta["sk_verktyg"] = True
        return handler(argument, page, config)

    return SHORTCODE.sub(replace, markdown)
