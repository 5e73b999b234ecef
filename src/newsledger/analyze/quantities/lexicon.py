"""The quantities lexicon (``data/lexicon.json``, read with srsly) and number words → values.

The lexicon is written by hand; its ``_about`` entry gives the source of every unit factor
(SI Brochure, the 1959 international yard and pound) and its ``mod`` values follow TimeML 1.2.1
(Pustejovsky et al. 2006, section 2.2.1.4): ``APPROX``, ``LESS_THAN``, ``MORE_THAN``,
``EQUAL_OR_LESS``, ``EQUAL_OR_MORE``. DESIGN.md's example ``AT_LEAST`` is not a TimeML value:
"at least" is ``EQUAL_OR_MORE``, and "more than" is ``MORE_THAN`` (a strict bound).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import srsly

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
"""A number in digits: "11", "2,000", "1.5" (thousands separated by commas, a decimal point)."""

DIGITS_WITH_SUFFIX = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]{1,2}|km|kms|bn|mn)$", re.I)
"""Digits fused with a unit or a scale into one token: "10km", "3.5bn", "5m"."""

DIGIT_RANGE = re.compile(r"^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$")
"""A range fused into one token: "10–15"."""


SCALE_ABBREVIATIONS = frozenset({"mn", "bn", "m", "k", "tn"})
"""Scales written as abbreviations: only right after digits ("3.5bn", "$3.5m")."""


@dataclass(frozen=True)
class Unit:
    """A unit of the lexicon: ``dimension`` (distance, mass, ...), ``canonical`` unit, ``factor`` to it, ``written`` abbreviation."""

    dimension: str
    canonical: str
    factor: float
    written: str


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The lexicon as read from ``data/lexicon.json`` (cached)."""
    return srsly.read_json(Path(__file__).parent / "data" / "lexicon.json")


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Surface form (lower case, words joined by one space) → :class:`Unit`."""
    return {k: Unit(*v) for k, v in lexicon()["units"].items()}


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Plural (and a few singular) nouns of people: a number before them counts people."""
    return frozenset(lexicon()["person_nouns"])


def place_value(x: float) -> float:
    """The place value of the last non-zero digit of ``x`` as a decimal: 2000 → 1000, 90 → 10, 1.5 → 0.1, 11 → 1.

    The rounding convention: a figure written to that digit stands for the
    interval of half that place on either side of it. 0 → 1.
    """
    if x == 0:
        return 1.0
    x = abs(x)
    for exp in range(12, -7, -1):
        p = 10.0 ** exp
        if p > x:
            continue
        if math.isclose(round(x / p) * p, x, rel_tol=1e-9):
            return p
    return 10.0 ** -6


def digits_value(text: str) -> tuple[float, float]:
    """``(value, precision)`` of digits as written ("2,000" → (2000, 1000); "1.5" → (1.5, 0.1); "7.0" → (7, 0.1)).

    Raises:
        ValueError: ``text`` is not :data:`DIGITS`.
    """
    if not DIGITS.match(text):
        raise ValueError(f"not a number in digits: {text!r}")
    plain = text.replace(",", "")
    value = float(plain)
    if "." in plain:
        decimals = len(plain.split(".")[1])  # "7.0": written to a tenth
        return value, 10.0 ** -decimals
    return value, place_value(value)


class NumberBuilder:
    """Adds up the words of one number, left to right ("two hundred and fifty", "1.5 million", "two dozen").

    ``value`` is the number so far and ``precision`` the place value of its
    last significant part (see :func:`place_value`), scaled with it.
    """

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.precision: float | None = None
        self.parts = 0
        self.last_scale: float | None = None

    def add(self, x: float, precision: float) -> None:
        self.current += x
        self.precision = precision
        self.parts += 1

    def scale(self, factor: float, *, big: bool) -> None:
        base = self.current or 1.0
        self.last_scale = factor
        self.precision = (self.precision or 1.0) * factor if self.current else factor
        if big:
            self.total += base * factor
            self.current = 0.0
        else:
            self.current = base * factor
        self.parts += 1

    @property
    def value(self) -> float:
        return self.total + self.current


def word_number(word: str) -> float | None:
    """Value of one number word ("eleven" → 11), or None."""
    return lexicon()["numbers"].get(word.lower())


def scale_of(word: str, *, after_digits: bool) -> float | None:
    """Value of a scale word ("million" → 1e6); the abbreviations ("m", "bn", "k") only ``after_digits``."""
    w = word.lower()
    lex = lexicon()
    if w in SCALE_ABBREVIATIONS and not after_digits:
        return None
    return lex["scales"].get(w)


def vague_low(word: str) -> float | None:
    """Low bound of a plural round number ("dozens" → 24, "thousands" → 2000), or None."""
    return lexicon()["vague"].get(word.lower())


def modifier_of(words: list[str]) -> tuple[str, int] | None:
    """The TimeML ``mod`` of the longest lexicon modifier ending ``words`` (lower case), and its length in words."""
    mods = lexicon()["modifiers"]
    for n in (3, 2, 1):
        if len(words) >= n:
            key = " ".join(words[-n:])
            if key in mods:
                return mods[key], n
    return None


def currency_code(code: str | None, locale: str | None) -> str | None:
    """ISO 4217 code of a lexicon currency entry; ``"$"`` is the dollar of ``locale``'s region, else USD."""
    if code != "$":
        return code
    region = (locale or "").replace("_", "-").split("-")[-1].upper() if locale and "-" in locale.replace("_", "-") else ""
    return lexicon()["dollar_by_region"].get(region, "USD")


def parse_iso_duration(value: str | None) -> tuple[float, float] | None:
    """``(seconds, precision in seconds)`` of an ISO 8601 duration ("PT90M" → (5400, 600)), or None.

    Years and months have no fixed length: they count as the mean Gregorian
    year (365.2425 days) and a twelfth of it. A value with ``X`` (vague, "PXY")
    or anything else gives None.
    """
    if not value:
        return None
    m = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                     r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?", value)
    if not m or not any(m.groups()):
        return None
    day = 86400.0
    year = 365.2425 * day
    sizes = (year, year / 12, 7 * day, day, 3600.0, 60.0, 1.0)
    seconds, precision = 0.0, None
    for part, size in zip(m.groups(), sizes):
        if part is not None:
            x = float(part)
            seconds += x * size
            precision = digits_value(part)[1] * size
    return seconds, precision or 1.0
