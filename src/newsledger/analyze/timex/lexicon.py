"""Words of English time expressions, and the TIMEX3 codes they map to.

Codes follow TimeML 1.2.1 (Pustejovsky et al. 2006, "TimeML Annotation
Guidelines Version 1.2.1") and the TIDES 2005 standard it adopts for values
(Ferro et al., "TIDES 2005 Standard for the Annotation of Temporal
Expressions"): seasons ``SP SU FA WI``, parts of day ``MO AF EV NI``,
``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``, ``mod`` values ``START MID
END APPROX LESS_THAN MORE_THAN EQUAL_OR_LESS EQUAL_OR_MORE``.
"""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
"""Month names and their usual news abbreviations (AP style: Jan., Feb., Aug., Sept., Oct., Nov., Dec.)."""

MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)"
)
"""A month name or abbreviation (the trailing period is part of the abbreviation)."""

FULL_MONTH_RE = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}
"""Weekday names and abbreviations, ISO 8601 numbering (Monday 1 .. Sunday 7)."""

WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAY_ABBR_RE = r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"

AMBIGUOUS_WORDS = {"may", "march", "mar", "sun", "sat", "wed", "jan", "dec", "mon", "fri", "jun", "jul", "aug", "oct", "nov", "sep", "sept", "apr", "feb", "thu", "tue"}
"""Month and weekday words that are ordinary words or names too: only taken when written capitalized."""

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "half a dozen": 6,
    "dozen": 12, "a hundred": 100, "a thousand": 1000, "another": 1, "a further": 1, "an additional": 1, "an extra": 1,
}
"""Cardinal number words (compounds such as "twenty-four" are summed by :func:`number_value`)."""

VAGUE_NUMBERS = {"a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of"}
"""Quantities with no exact value: durations get ``X`` ("several years" → ``PXY``)."""

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1, "final": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

_CARDINAL_WORD_RE = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
NUMBER_RE = (
    r"(?:(?:\d+(?:\.\d+)?|" + _CARDINAL_WORD_RE + r"(?:[- ](?:hundred|thousand))?|a\s+couple\s+of|a\s+couple|a\s+dozen|half\s+a\s+dozen"
    r"|a\s+hundred|a\s+thousand|a\s+few|few|couple\s+of|a\s+single|several|a\s+number\s+of|dozens\s+of|hundreds\s+of|another|a\s+further"
    r"|an\s+additional|an\s+extra|an?)"
    r"(?:\s+1/2)?)"
)
"""A quantity before a unit: digits, number words, "a", "a few", "several", "another" ("another fortnight": one more)..."""

MORE_RE = r"(?:another|a\s+further|an\s+additional|an\s+extra)"
"""Words before a counted duration that belong to it (TimeBank: "an additional year"): "another two weeks"."""

UNITS = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True), "hour": ("H", True),
    "hr": ("H", True), "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W2", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False), "yr": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "millennium": ("ML", False),
}
"""Unit word → (ISO 8601 duration designator, is a time unit written after ``T``)."""

UNIT_RE = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|quarters?"
    r"|years?|yrs?|decades?|centuries|century|millenni(?:um|a))"
)

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}
"""Northern-hemisphere meteorological seasons: the months that belong to each."""

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}

MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "mid": "MID", "the middle of": "MID", "late": "END", "later": "END", "the end of": "END",
}
"""Words before an expression that set its TIMEX3 ``mod`` (TimeML 1.2.1, section 2.2.1.4)."""

QUANT_MOD_RE = (
    r"(?:about|around|roughly|approximately|nearly|almost|up\s+to|no\s+more\s+than|less\s+than|under(?!\s+the)"
    r"|fewer\s+than|more\s+than|over(?!\s+the)|longer\s+than|at\s+least|no\s+less\s+than)"
)

POINT_MOD_RE = r"(?:early|earlier|mid|late|later|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+end\s+of)"

HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25), "christmas day": (12, 25),
    "christmas eve": (12, 24), "boxing day": (12, 26), "halloween": (10, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "bastille day": (7, 14),
}

MOVABLE_HOLIDAYS = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1), "memorial day": (5, 1, -1),
}
"""US holidays on the n-th weekday of a month: (month, ISO weekday, n; -1 for the last)."""
"""Holidays on a fixed Gregorian date (month, day)."""

DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}


def number_value(text: str) -> int | float | None:
    """The value of a quantity as written ("24", "twenty-four", "a", "a couple of"); None when vague.

    Returns:
        An int (or float for "1.5"), or None for vague quantities ("several",
        "a few") and for text that is not a number.
    """
    t = " ".join(text.lower().replace("-", " ").split())
    if t.endswith(" 1/2"):
        whole = number_value(t[:-4])
        return whole + 0.5 if whole is not None else None
    if t in VAGUE_NUMBERS or t.rstrip(" of") in VAGUE_NUMBERS:
        return None
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    try:
        f = float(t)
        return int(f) if f.is_integer() else f
    except ValueError:
        pass
    total = 0
    for word in t.split():
        if word in ("hundred", "thousand"):
            total = max(total, 1) * (100 if word == "hundred" else 1000)
        elif word in NUMBER_WORDS:
            total += NUMBER_WORDS[word]
        else:
            return None
    return total


def unit_of(word: str) -> tuple[str, bool] | None:
    """ISO 8601 designator of a unit word, singular or plural ("days" → ("D", False)); None if not a unit."""
    w = word.lower().rstrip(".")
    if w in ("centuries",):
        return UNITS["century"]
    if w in ("millennia",):
        return UNITS["millennium"]
    if w in UNITS:
        return UNITS[w]
    if w.endswith("s") and w[:-1] in UNITS:
        return UNITS[w[:-1]]
    return None
