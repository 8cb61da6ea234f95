"""JSON text from outside (a request, an imported file, a share link) read with a depth limit.

Deeply nested JSON ("[[[[…" five thousand times) makes Python in WebAssembly overflow its
stack, a fatal error that stops the whole runtime; CPython raises RecursionError instead.
Nothing this site writes nests deeper than a handful of levels, so text nested deeper than
MAX_DEPTH is refused before `json.loads` sees it. The scan is linear: it visits only
brackets, quotes and backslashes.
"""

from __future__ import annotations

import json
import re

MAX_DEPTH = 40
_SPECIAL = re.compile(r'[\[\]{}"\\]')


class TooDeep(ValueError):
    """The text nests arrays and objects deeper than MAX_DEPTH."""


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """The deepest nesting of [ and { outside strings, counted up to limit + 1."""
    depth = peak = 0
    in_string = False
    escaped_at = -1  # index of the character a backslash escapes
    for match in _SPECIAL.finditer(text):
        char, at = match.group(), match.start()
        if in_string:
            if at == escaped_at:
                continue
            if char == "\\":
                escaped_at = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > peak:
                peak = depth
                if peak > limit:
                    break
        elif char in "]}":
            depth -= 1
    return peak


def loads(text: str, **kwargs):
    """`json.loads`, refusing text nested deeper than MAX_DEPTH (raises TooDeep)."""
    if nesting_depth(text) > MAX_DEPTH:
        raise TooDeep(f"JSON nested deeper than {MAX_DEPTH} levels")
    return json.loads(text, **kwargs)
