"""Escaping of user text for every output: HTML, Markdown and CSV cells.

Every free-text field (answers, Ansvarig, Kommentar, row values, imported files) passes
through one of these functions before it reaches a page or a file. The tests feed
`<img src=x onerror=alert(1)>`, `**x**` and `[a](javascript:alert(1))` through all of them.
"""

from __future__ import annotations

import html
import re

from calculators.format import drop_unsafe

__all__ = ["html_text", "html_isolated", "html_multiline", "md_text", "md_inline", "md_cell", "csv_cell", "export_text"]


def html_text(text) -> str:
    """Text for an HTML element body or attribute value, without control and bidirectional
    characters (a pasted right-to-left override turned the rest of a sentence around)."""
    return html.escape(drop_unsafe(text), quote=True)


def html_isolated(text) -> str:
    """User text inside a sentence of ours: isolated, so that right-to-left letters in it do
    not reorder what comes after it ("för <name>: 16 personer")."""
    return f"<bdi>{html_text(text)}</bdi>"


def html_multiline(text) -> str:
    """Multi-line text for an HTML element body: lines joined with <br> (no raw newlines, so
    the fragment never contains a blank line)."""
    lines = _lines(text)
    return "<br>".join(html_text(line) for line in lines)


def export_text(text) -> str:
    """User text for a file: NUL, control and bidirectional characters dropped."""
    return drop_unsafe(text)


def _lines(text) -> list[str]:
    return export_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")


# Backslash escapes that both CommonMark and Python-Markdown understand.
_MD_BACKSLASH = set("\\`*_{}[]")
# Characters that Python-Markdown cannot backslash-escape: numeric entities instead.
_MD_ENTITY = {"<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;"}
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])")


def _md_line(line: str) -> str:
    line = line.strip()  # leading spaces would make a code block; trailing ones a hard break
    out = []
    # Every "&" becomes "&amp;": a browser reads "&#1" or "&amp" as a character reference even
    # without the closing semicolon.
    for ch in line.replace("&", "&amp;"):
        if ch in _MD_BACKSLASH:
            out.append("\\" + ch)
        else:
            out.append(_MD_ENTITY.get(ch, ch))
    line = "".join(out)
    # Block syntax that only matters at the start of a line.
    if line[:1] in ("#", "-", "+"):
        line = "\\" + line
    elif line[:1] == "=":
        line = "&#61;" + line[1:]
    elif line[:1] == ":":
        line = "&#58;" + line[1:]
    else:
        line = _ORDERED_MARKER.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
    return line


def md_text(text) -> str:
    """User text as Markdown paragraphs: every line escaped, line breaks kept as hard breaks
    ("<br>"), blank lines kept as paragraph breaks. The result renders as the literal text."""
    paragraphs, current = [], []
    for line in _lines(text):
        if line.strip():
            current.append(_md_line(line))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n\n".join("<br>\n".join(p) for p in paragraphs)


def md_inline(text) -> str:
    """User text on one Markdown line (list items, emphasis): line breaks become <br>."""
    return "<br>".join(_md_line(line) for line in _lines(text) if line.strip())


def md_cell(text) -> str:
    """User text in a Markdown table cell (pipes are already entities)."""
    return md_inline(text) or " "


# What a spreadsheet may read as the start of a formula, also in the full-width forms that
# Excel accepts, and behind the blank or invisible characters it skips.
_FORMULA_START = tuple("=+-@\t\r\n") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")
_INVISIBLE_LEAD = re.compile("^[\\s\u00a0\u180e\u200b-\u200d\u2060\ufeff]+")


def csv_cell(value) -> str:
    """A text cell for a spreadsheet: unsafe characters dropped, and formula injection
    neutralised by an apostrophe before anything that Excel or LibreOffice would evaluate."""
    text = export_text(value)
    if text.startswith(_FORMULA_START) or _INVISIBLE_LEAD.sub("", text).startswith(_FORMULA_START):
        return "'" + text
    return text
