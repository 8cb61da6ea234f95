"""Number helpers of the checklists.

Display formatting comes from the site-wide `calculators.format` (no-break space between
thousands, decimal comma, minus sign U+2212, "kr" and "%" after a no-break space). Parsing
here is lenient (returns None for empty, ValueError for text), as the summary must show
a warning, not fail, when a typed figure is not a number.
"""

from __future__ import annotations

import math
import re

from calculators.format import kr, tal  # noqa: F401  (re-exported for the checklists)
from calculators.format import procent as _procent

MINUS = "\u2212"


def procent(andel: float, decimaler: int = 0) -> str:
    """0.253 → '25 %'."""
    return _procent(andel, decimaler)


def csv_number(x: float, decimaler: int) -> str:
    """A number as Swedish Excel reads it from a CSV cell: decimal comma, no grouping."""
    out = f"{x:.{decimaler}f}".replace(".", ",")
    return "0" + out[2:] if out.startswith("-0") and not out.strip("-0,") else out


_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def parse_number(text) -> float | None:
    """Read a number typed the Swedish way ('1 234,5', '12 kr', '−3'); None if empty.

    Raises ValueError if the text is not a number.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValueError("bool")
    if isinstance(text, (int, float)):
        if not math.isfinite(text):
            raise ValueError("not finite")
        return float(text)
    s = _SPACES.sub("", str(text)).replace(MINUS, "-").replace(",", ".")
    if s.lower().endswith("kr"):
        s = s[:-2]
    if not s:
        return None
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", s):
        raise ValueError(text)
    return float(s)
