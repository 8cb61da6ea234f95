"""Swedish number formatting and parsing, shared by every part of the site.

Formatting follows Swedish typography: thousands separated by a no-break space
(U+00A0), decimal comma, the minus sign U+2212 and a space before ``%`` and ``kr``.

    >>> kr(1234567)
    '1\\xa0234\\xa0567\\xa0kr'
    >>> procent(0.125)
    '12,5\\xa0%'
    >>> parse_tal("25 000,50")
    25000.5
    >>> parse_procent("12,5 %")
    0.125
"""

import math
import re

from calculators.errors import InputError

NBSP = "\u00a0"
NNBSP = "\u202f"
MINUS = "\u2212"

__all__ = ["NBSP", "MINUS", "tal", "kr", "kr_ungefar", "sannolikhet", "procent", "parse_tal", "parse_procent"]


def tal(x, decimaler=0):
    """Format a number the Swedish way: ``tal(-1234.5, 1)`` -> ``'−1 234,5'`` (NBSP as separator).

    Rounds half away from zero to `decimaler` decimals; ``-0`` is shown as ``0``.
    Non-finite values are shown as ``'–'``.
    """
    if x is None or isinstance(x, bool):
        return "–"
    x = float(x)
    if not math.isfinite(x):
        return "–"
    decimaler = max(0, int(decimaler))
    scale = 10 ** decimaler
    scaled_f = abs(x) * scale + 0.5
    if not math.isfinite(scaled_f):
        return "–"
    scaled = math.floor(scaled_f)
    negative = x < 0 and scaled != 0
    whole, frac = divmod(scaled, scale)
    digits = str(whole)
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    text = NBSP.join(groups)
    if decimaler:
        text += "," + str(frac).rjust(decimaler, "0")
    return (MINUS + text) if negative else text


def kr(x, decimaler=0):
    """Format an amount in kronor: ``kr(-1234567)`` -> ``'−1 234 567 kr'``."""
    return tal(x, decimaler) + NBSP + "kr"


def kr_ungefar(x):
    """An amount's size, rounded as said aloud (the sign is the caller's: "i plus", "i minus"):
    two significant digits, millions and billions in words.

        >>> kr_ungefar(-184503)
        '180\xa0000\xa0kr'
        >>> kr_ungefar(1147976)
        '1,1\xa0miljoner\xa0kr'
    """
    x = abs(float(x))
    if not math.isfinite(x):
        return "–"
    if x < 100:
        return "0" + NBSP + "kr"
    step = 10 ** (math.floor(math.log10(x)) - 1)
    rounded = math.floor(x / step + 0.5) * step
    for size, one, many in ((1e9, "miljard", "miljarder"), (1e6, "miljon", "miljoner")):
        if rounded >= size:
            amount = rounded / size
            text = tal(amount, 0 if amount >= 10 else 1).replace(",0", "")
            return text + NBSP + (one if text == "1" else many) + NBSP + "kr"
    return kr(rounded)


def sannolikhet(p):
    """A share of simulated outcomes as a chance: whole per cent, but never a flat "0 %" or
    "100 %" (a sample of outcomes cannot show that something is impossible or certain).

        >>> sannolikhet(0.0)
        'under\xa01\xa0%'
        >>> sannolikhet(0.8435)
        '84\xa0%'
    """
    if p < 0.005:
        return "under" + NBSP + procent(0.01, 0)
    if p > 0.995:
        return "över" + NBSP + procent(0.99, 0)
    return procent(p, 0)


def procent(x, decimaler=None):
    """Format a fraction as a percentage: ``procent(0.125)`` -> ``'12,5 %'``.

    With ``decimaler=None`` up to two decimals are shown and trailing zeros dropped.
    """
    if x is None or isinstance(x, bool) or not math.isfinite(float(x)):
        return "–"
    value = float(x) * 100
    if decimaler is None:
        text = tal(value, 2)
        if "," in text:
            text = text.rstrip("0").rstrip(",")
    else:
        text = tal(value, decimaler)
    return text + NBSP + "%"


_SPACES = (" ", NBSP, NNBSP, "\u2009", "\t")
QUOTED_PREFIX = 40
# NUL and the other control characters (tab and line breaks excepted), and the bidirectional
# controls that make text display in another order than it is stored ("Trojan Source": a
# message quoting "abc<RLO>gnp.exe" would read "abcexe.png").
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# One separator followed by exactly three digits: "25.000" is 25 000 to many, 25 to others.
_AMBIGUOUS = re.compile(r"[-+]?[1-9]\d{0,2}[.,]\d{3}")


def drop_unsafe(text) -> str:
    """Text with the unsafe characters above dropped (for files and for messages)."""
    return _UNSAFE.sub("", "" if text is None else str(text))


def quoted(text) -> str:
    """User text quoted in a message: at most QUOTED_PREFIX characters, then "…" (a message
    must not echo a 200 000-character paste back in full), without unsafe characters."""
    text = drop_unsafe(text).strip()
    return f"”{text if len(text) <= QUOTED_PREFIX else text[:QUOTED_PREFIX].rstrip() + '…'}”"


def _clean_number_text(text, field):
    if isinstance(text, bool):
        raise InputError.field(field, f"{field}: ange ett tal.")
    if isinstance(text, (int, float)):
        value = float(text)
        if not math.isfinite(value):
            raise InputError.field(field, f"{field}: ange ett ändligt tal.")
        return None, value
    if not isinstance(text, str):
        raise InputError.field(field, f"{field}: ange ett tal.")
    # Invisible controls pasted with a number (a right-to-left mark shows "5000 kr" as "rk 5000")
    # would make it unreadable without the user seeing why.
    cleaned = drop_unsafe(text).strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    cleaned = cleaned.replace(MINUS, "-").replace("\u2013", "-")
    return cleaned, None


def _to_float(cleaned, field, original, example):
    not_a_number = f"{field}: {quoted(original)} är inte ett tal. Skriv till exempel {example}."
    ambiguous = _AMBIGUOUS.fullmatch(cleaned)
    if ambiguous:
        # Both readings of what was typed: "11.370" is 11 370 or 11,37.
        sign = MINUS if cleaned.startswith("-") else ""
        whole, three = re.split("[.,]", cleaned.lstrip("+-"))
        decimals = three.rstrip("0")
        raise InputError.field(field, (
            f"{field}: {quoted(original)} kan läsas på två sätt: {sign}{tal(int(whole + three))} eller "
            f"{sign}{whole}{',' + decimals if decimals else ''}. Skriv tusental med mellanslag och decimaler med komma."))
    if cleaned.count(",") > 1 or ("," in cleaned and "." in cleaned):
        raise InputError.field(field, not_a_number)
    cleaned = cleaned.replace(",", ".")
    if not cleaned or not all(c in "0123456789.-+" for c in cleaned) or cleaned.count(".") > 1:
        raise InputError.field(field, not_a_number)
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError.field(field, not_a_number) from None
    if not math.isfinite(value):
        raise InputError.field(field, f"{field}: {quoted(original)} är för stort. Skriv till exempel {example}.")
    return value


def parse_tal(text, falt="tal", exempel="25 000 eller 25 000,50"):
    """Parse a number typed the Swedish way: ``"25 000,50"`` -> ``25000.5``; ``"−3"`` -> ``-3.0``.

    Accepts spaces, no-break spaces or thin spaces as thousands separators, a decimal
    comma (or point), a trailing ``kr`` and the minus sign U+2212. Raises
    `calculators.errors.InputError` (naming `falt`) for anything else.
    """
    cleaned, value = _clean_number_text(text, falt)
    if value is not None:
        return value
    lowered = cleaned.lower()
    if lowered.endswith("kr"):
        cleaned = cleaned[:-2]
    elif lowered.endswith("kr."):
        cleaned = cleaned[:-3]
    return _to_float(cleaned, falt, text, exempel)


def parse_procent(text, falt="procent"):
    """Parse a percentage to a fraction: ``"12,5 %"`` -> ``0.125``; ``"12,5"`` -> ``0.125``.

    A bare number is read as percent; a number (not text) is taken as a fraction already.
    """
    cleaned, value = _clean_number_text(text, falt)
    if value is not None:
        return value
    signed = cleaned.endswith("%")
    if signed:
        cleaned = cleaned[:-1]
    number = _to_float(cleaned, falt, text, "12,5 %")
    if not signed and 0 < number <= 1 and not float(number).is_integer():
        # "0,8" is far more often a share meant as 80 % than 0,8 %: ask instead of guessing.
        percent = tal(number * 100, 4).rstrip("0").rstrip(",")
        raise InputError.field(falt, f"{falt}: skriv procent, till exempel {percent} % om du menar andelen "
                                     f"{quoted(text)}. Menar du {quoted(text)} procent, skriv det med procenttecken.")
    return number / 100.0
