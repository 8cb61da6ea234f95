"""Swedish number formatting and parsing, private to the checklists.

`calculators/format.py` (owned by another engineer) did not exist when this was written;
these helpers follow the same conventions: a no-break space between thousands, a decimal
comma, the minus sign U+2212, and "kr" / "%" after a no-break space. Switch to that module
once it exists (the golden file then shows any difference at once).
"""

from __future__ import annotations

import math
import re

NBSP = "\u00a0"
MINUS = "\u2212"


def tal(x: float, decimaler: int = 0) -> str:
    """1234567.891 → '1 234 567,89' (with decimaler=2), using a no-break space."""
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        raise ValueError(f"not a finite number: {x!r}")
    text = f"{abs(x):,.{decimaler}f}"
    whole, _, frac = text.partition(".")
    whole = whole.replace(",", NBSP)
    out = whole + ("," + frac if frac else "")
    if x < 0 and any(ch not in "0," + NBSP for ch in out):
        out = MINUS + out
    return out


def kr(x: float) -> str:
    return tal(round(x), 0) + NBSP + "kr"


def procent(andel: float, decimaler: int = 0) -> str:
    """0.253 → '25 %'."""
    return tal(andel * 100, decimaler) + NBSP + "%"


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
