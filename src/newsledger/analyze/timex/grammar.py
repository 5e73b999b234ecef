"""Finding time expressions: regular patterns over the text, with TimeML 1.2.1 extents.

Each rule is a regular expression whose named groups carry what the resolver
needs (``month``, ``day``, ``year``, ``rel``, ``num``, ``unit`` ...). Extents
follow the TimeML 1.2.1 guidelines (Pustejovsky et al. 2006, section 2.2.1)
as annotated in TimeBank 1.2: determiners and quantity modifiers belong to
the expression ("the past three months", "nearly forty years"), signals and
prepositions do not ("on", "at", "in", "until", "by", "since"), and a date
followed by its clock time is one TIME ("Sun at 9am", "02/08/2012 4:49 PM").

:func:`find` returns the longest non-overlapping matches in text order, with
dates and clock times written together merged, and nothing inside a URL or
an e-mail address.
"""

from __future__ import annotations

import bisect

import re
from dataclasses import dataclass, field

from .lexicon import (
    AMBIGUOUS_WORDS,
    FULL_MONTH_RE,
    MORE_RE,
    MONTH_RE,
    NUMBER_RE,
    POINT_MOD_RE,
    QUANT_MOD_RE,
    UNIT_RE,
    WEEKDAY_ABBR_RE,
    WEEKDAY_RE,
)

B = r"(?<![\w'’.,$/#-])"  # start of a word that is not part of a number, path, amount or hyphenated word
E = r"(?![\w]|[.,/-]\d)"  # end of a word not followed by more digits
Y4 = r"(?:1[5-9]\d\d|20\d\d)"
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
WD_ANY = r"(?:" + WEEKDAY_RE + r"|" + WEEKDAY_ABBR_RE + r")"
POD = r"(?:morning|afternoon|evening|night)"
ZONE_ABBR = (r"(?-i:[ECMP][SD]T|GMT|UTC|BST|CEST|CET|EEST|EET|WEST|WET|IST|IDT|MSK|PKT|NPT|SGT|HKT|PHT|WIB|JST|KST|AEST|AEDT"
             r"|NZST|NZDT|SAST|WAT|CAT|EAT|GST)(?![A-Za-z])")
"""Zone abbreviations, in capitals only ("EAT", "CAT", "WEST" are words too); zones.ZONES reads them."""
TZ = r"(?:\(\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d\d)?\s*\)|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d\d)?(?!\d)|" + ZONE_ABBR + r")"
AMPM = r"(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)"


@dataclass
class Found:
    """One match of a rule: ``[start, end)`` in the text, the rule's name and its named groups."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None] = field(default_factory=dict)
    parts: list[Found] = field(default_factory=list)

    @property
    def length(self) -> int:
        return self.end - self.start


def _rule(kind: str, pattern: str) -> tuple[str, re.Pattern]:
    return kind, re.compile(pattern, re.IGNORECASE)


RULES: list[tuple[str, re.Pattern]] = [
    _rule("iso_date", r"(?<![\w/.-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
          r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w/]|-\d)"),
    _rule("numeric_date", r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.-]\d)"),
    _rule("dmy_abbr", r"(?<![\w/.-])(?P<day>\d{1,2})-(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)-(?P<y>\d{4}|\d{2})(?![\w/]|-\d)"),
    _rule("month_day", B + r"(?:(?P<weekday>" + WD_ANY + r"),?\s+)?(?:(?P<rel>last|this|next)\s+)?(?:(?P<pmod>early|mid|late)[- ]?)?(?P<month>" + MONTH_RE + r")\s+(?P<day>" + DAY + r")"
          r"(?:,?\s+(?P<year>" + Y4 + r"))?" + r"(?!\w|:\d|[.,/-]\d|\s*(?:%|percent|per\s+cent))"),
    _rule("month_rel_year", B + r"(?:(?P<pmod>early|mid|late)[- ]?)?(?P<month>" + MONTH_RE + r")(?:\s+of)?\s+(?P<rel>this|last|next)\s+year" + E),
    _rule("day_month", B + r"(?:(?P<weekday>" + WD_ANY + r"),?\s+)?(?:the\s+)?(?P<day>" + DAY + r")(?:\s+of)?\s+(?P<month>" + MONTH_RE + r")"
          r"(?:,?\s+(?P<year>" + Y4 + r"))?" + E),
    _rule("month_year", B + r"(?:(?P<pmod>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[- ]?\s*)?(?P<month>" + MONTH_RE + r"),?\s+(?:of\s+)?(?P<year>" + Y4 + r")" + E),
    _rule("month", B + r"(?:(?P<pmod>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[- ]?\s*)?(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<month>"
          + FULL_MONTH_RE + r"|sept\.|oct\.|nov\.|dec\.|jan\.|feb\.|aug\.|apr\.)" + r"(?![\w-])"),
    _rule("year", B + r"(?:(?P<pmod>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[- ]?\s*)?(?:(?P<fiscal>fiscal|calendar|FY)\s*)?(?P<year>" + Y4 + r")"
          r"(?![\w%]|[.,:/-]\d|\s*(?:%|percent|per\s+cent))"),
    _rule("decade", B + r"(?:(?P<the>the)\s+)?(?:(?P<pmod>early|mid|late)[- ]?)?(?:(?P<decade>(?:1[0-9]|20)\d0)'?s|['’](?P<dd>\d0)['’]?s|(?P<d2>[2-9]0)s)" + r"(?!\w)"),
    _rule("short_year", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’])"),
    _rule("decade_word", B + r"the\s+(?:(?P<pmod>early|mid|late)[- ]?)?(?P<dword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)" + E),
    _rule("century", B + r"(?:the\s+)?(?:(?P<pmod>early|mid|late)[- ]?)?(?P<cent>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
          r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)[- ]century" + E),
    _rule("quarter", B + r"(?:(?P<det>the|its|their|a)\s+)?(?:(?P<prel>this|last|next)\s+year['’]s\s+|(?:fiscal\s+)?(?P<pyear>" + Y4 + r")['’]s\s+"
          r"|(?P<ago>year-ago|year-earlier|comparable\s+year-ago|comparable\s+year-earlier)\s+)?(?:(?:fiscal|calendar)\s+)?"
          r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:fiscal[- ])?quarter"
          r"(?:\s+of\s+(?:fiscal\s+)?(?P<year>" + Y4 + r")|,?\s+(?P<year2>" + Y4 + r")|\s+of\s+(?P<rel>this|last|next)\s+year"
          r"|\s+(?P<back>a\s+year\s+(?:ago|earlier)))?" + r"(?!\w|s\b)"),
    _rule("quarter", r"(?<![\w-])(?P<qn>Q[1-4])(?:\s+|-|\s+of\s+)?(?P<year>" + Y4 + r")?" + E),
    _rule("half", B + r"(?:the\s+)?(?P<ord>first|second|last|latter)(?:\s+half|\s+two\s+quarters|(?P<adj>-half))(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>" + Y4 + r")|(?P<rel>this|last|next)\s+year|the\s+year))?" + E),
    _rule("season", B + r"(?:(?P<rel>this|last|next|past|coming)\s+|(?P<the>the)\s+)?(?:(?P<pmod>early|mid|late)[- ]?)?(?P<season>spring|summer|autumn|fall|winter)"
          r"(?:\s+(?:of\s+)?(?P<year>" + Y4 + r"))?" + E),
    _rule("relative_unit", B + r"(?:(?P<pmod>" + POINT_MOD_RE + r")[- ]?\s*)?(?:(?P<the>the)\s+)?(?P<rel>this|last|next|past|coming|previous|current|following|present)\s+"
          r"(?:(?P<fiscal>fiscal)\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century|millennium)" + r"(?![\w-])"),
    _rule("the_unit", B + r"(?:(?P<pmod>" + POINT_MOD_RE + r")\s+the|(?P<inmod>earlier|later|early|late)\s+in\s+the|the\s+(?P<full>full|entire|whole))\s+"
          r"(?:(?P<fiscal>fiscal)\s+)?(?P<unit>year|month|week)" + r"(?![\w'’-]|\s+(?:before|after|of|ago|earlier|later)\b)"),
    _rule("the_unit_bare", B + r"the\s+(?:(?P<fiscal>fiscal)\s+)?(?P<unit>year|month|week)(?P<ended>(?=\s+(?:ended|ending)\b))?"
          r"(?![\w-]|\s+(?:before|after|ago|earlier|later|of|that|when|in\s+which)\b)"),
    _rule("year_ago_adj", B + r"(?P<which>year-earlier|year-ago)(?=\s+[a-z])"),
    _rule("ago", B + r"(?:(?P<qmod>" + QUANT_MOD_RE + r")\s+)?(?P<num>" + NUMBER_RE + r")[\s-]+(?P<unit>" + UNIT_RE + r")(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)" + E),
    _rule("bare_ago", B + r"(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier|later)" + E),
    _rule("duration_range", B + r"(?:(?P<the>the)\s+(?:(?P<rel>past|last|next|first|previous|coming|following)\s+)?)?(?P<num>" + NUMBER_RE + r")\s*(?:to|-|–|or)\s*(?P<num2>" + NUMBER_RE + r")[\s-]+(?P<unit>" + UNIT_RE + r")" + E),
    _rule("duration", B + r"(?:(?P<qmod>" + QUANT_MOD_RE + r")\s+)?(?:" + MORE_RE + r"\s+(?=\S+\s))?(?:(?P<the>the)\s+(?:(?P<rel>past|last|next|first|previous|coming|following|final|latest|initial|remaining|same)\s+)?)?"
          r"(?P<num>" + NUMBER_RE + r")(?:[\s-]+(?P<half>and[\s-]+a[\s-]+half))?(?:\s+(?P<adj>straight|consecutive|successive|trading|business|working|full|more|additional))?"
          r"[\s-]+(?P<unit>" + UNIT_RE + r")(?:\s+(?P<half2>and\s+a\s+half))?(?P<long>-long)?" + E),
    _rule("half_unit", B + r"(?:(?P<qmod>" + QUANT_MOD_RE + r")\s+)?half\s+an?\s+(?P<unit>hour|day|year|century|decade|minute|week)" + E),
    _rule("unit_long", B + r"(?P<unit>years?|months?|weeks?|days?|hours?|decades?|century|centuries|night)-?long" + E),
    _rule("set_every", B + r"(?P<quant>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>\d+|two|three|four|five|six|ten|twelve)\s+)?(?P<unit>" + UNIT_RE + r"|" + WEEKDAY_RE + r"|" + FULL_MONTH_RE
          + r"|weekend|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)" + E),
    _rule("set_adverb", B + r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|per\s+annum)" + E),
    _rule("set_freq", B + r"(?P<freq>once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>" + UNIT_RE + r")" + E),
    _rule("set_weekdays", B + r"(?P<weekday>" + WEEKDAY_RE + r")s(?:\s+(?P<pod>mornings|afternoons|evenings|nights))?" + E),
    _rule("vague", B + r"(?P<word>now|right\s+now|currently|nowadays|these\s+days|recently|lately|the\s+past|the\s+(?:near\s+|distant\s+)?future"
          r"|the\s+present|the\s+coming\s+(?:days|weeks|months|years)|coming\s+(?:days|weeks|months)|the\s+days\s+ahead|the\s+weeks\s+ahead|the\s+months\s+ahead"
          r"|recent\s+(?:years|decades)|the\s+(?:near|short|long|longer)\s+term|the\s+time\s+being)" + r"(?![\w-])"),
    _rule("recent_units", B + r"recent\s+(?P<unit>days|weeks|months)" + E),
    _rule("weekend", B + r"the\s+weekend" + E),
    _rule("year_end", B + r"(?:(?P<qmod>about|around)\s+)?(?:the\s+)?(?:(?P<fiscal>fiscal)\s+)?year(?:-|\s+|['’]s\s+)end" + E),
    _rule("week_of", B + r"the\s+week\s+of\s+(?P<month>" + MONTH_RE + r")\s+(?P<day>" + DAY + r")(?:,?\s+(?P<year>" + Y4 + r"))?" + E),
    _rule("that_day", B + r"(?:(?P<pmod>earlier|later|early|late)\s+)?(?:(?P<that>that(?:\s+same)?|the\s+same)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)"
          r"|the\s+(?P<next>next|following|previous)\s+(?P<unit2>day|morning|afternoon|evening|night)|the\s+day\s+(?P<dir>before|after)(?=\s*[,.;)]))" + E),
    _rule("the_day", B + r"the\s+day(?!\s+(?:of|before|after|when|that|which|who|he|she|they|it|we|i|you|[a-z]+ed)\b|[\w'’-])"),
    _rule("latest_quarter", B + r"the\s+(?P<rel>latest|most\s+recent|same|year-earlier|year-ago)\s+(?:fiscal\s+)?(?:quarter|period)" + E),
    _rule("comparison", B + r"(?:the\s+(?P<same>same|corresponding|comparable|year-ago|year-earlier|comparable\s+year-ago|comparable\s+year-earlier)\s+(?:fiscal\s+)?(?P<unit>period|quarter|month|week|year)"
          r"|the\s+(?P<unit2>quarter|period))"
          r"(?:\s+(?:of\s+)?(?P<back>a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior|last)\s+year|(?:the\s+)?year\s+before))?" + E),
    _rule("year_quarter_anaphor", B + r"(?P<rel>last|this|next)\s+year['’]s\s+(?:fiscal\s+)?(?:quarter|period)" + E),
    _rule("year_quarter", B + r"(?:the\s+)?(?P<year>" + Y4 + r")\s+(?:(?P<ord>first|second|third|fourth)[- ])?(?:fiscal\s+)?(?P<what>quarter|period)" + E),
    _rule("the_quarter", B + r"(?:the|that)\s+quarter" + r"(?!\w|ly)"),
    _rule("spelled_year", B + r"(?:the\s+year\s+)?(?P<words>nineteen(?:[\s-]+hundred)?(?:[\s-]+and)?[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
          r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:oh[\s-]+)?(?:one|two|three|four|five|six|seven|eight|nine))"
          r"|two\s+thousand(?:[\s-]+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?))?)"
          + E + r"(?!\s+" + UNIT_RE + r")"),
    _rule("relative_day", B + r"(?:(?P<pmod>early|earlier|late|later|mid)[- ]?\s*)?(?P<day>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
          r"(?:\s+(?P<pod>" + POD + r"))?" + E),
    _rule("mod_pod", B + r"(?P<pmod>early|mid|late)[- ]?(?P<pod>morning|afternoon|evening)(?:\s+(?P<day>yesterday|today|tomorrow))?" + E),
    _rule("this_pod", B + r"(?:(?P<pmod>early|earlier|late|later|mid)[- ]?\s*)?(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>" + POD + r")" + E),
    _rule("weekday", B + r"(?:(?P<pmod>early|earlier|late|later|mid)[- ]?\s*)?(?:(?P<rel>last|next|this(?:\s+(?:coming|past))?|past|coming)\s+"
          r"|the\s+(?P<rel2>previous|preceding|following|next)\s+)?(?P<weekday>" + WD_ANY + r")"
          r"(?:\s+(?P<pod>" + POD + r"))?" + r"(?!\w|\.\w)"),
    _rule("time", B + r"(?:(?P<qmod>about|around|approximately|roughly)\s+)?(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>" + AMPM + r")"
          r"(?:\s+(?P<tz>" + TZ + r"))?" + r"(?!\w)"),
    _rule("clock", B + r"(?:(?P<qmod>about|around|approximately|roughly)\s+)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s*(?P<tz>" + TZ + r")|\s*(?P<h>h|hrs))?" + r"(?![\w:]|[.,]\d)"),
    _rule("clock", B + r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?P<tz>" + ZONE_ABBR + r")" + r"(?!\w)"),
    _rule("time_word", r"(?<![\w'’.,$/#-])(?<!high\s)(?:(?P<qmod>about|around|approximately|roughly)\s+)?(?P<word>noon|midday|midnight)" + E),
    _rule("indefinite_span", r"(?<=\bfor\s)(?P<span>a\s+while|some\s+time)" + E),
    _rule("bare_plural", r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s))(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)"
          r"(?!\s+(?:ago|of|to|and|before|after|earlier|later|old)\b|\s*-)" + E),
    _rule("oclock", B + r"(?P<hour>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock" + E),
    _rule("holiday", B + r"(?P<holiday>new\s+year['’]s\s+(?:day|eve)|christmas\s+(?:day|eve)|christmas|boxing\s+day|halloween|valentine['’]s\s+day|bastille\s+day"
          r"|thanksgiving(?:\s+day)?|labor\s+day|memorial\s+day|election\s+day)"
          r"(?:\s+(?P<year>" + Y4 + r"))?" + E),
]
"""Every rule, as ``(kind, pattern)``; the resolver (``temporal.resolve``) interprets each kind."""

_MONTH_WORDS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_WEEKDAY_WORDS = r"mon|tue|wed|thu|fri|sat|sun"
_UNIT_WORDS = r"sec|min|hour|hr|day|night|week|fortnight|month|quarter|year|yr|decade|centur|millenni"
_TRIGGER_WORDS = {
    "iso_date": r"\d-\d", "numeric_date": r"\d[/.]\d", "dmy_abbr": r"\d-[a-z]", "month_day": _MONTH_WORDS, "month_rel_year": _MONTH_WORDS,
    "day_month": _MONTH_WORDS, "month_year": _MONTH_WORDS, "month": _MONTH_WORDS, "year": r"\d\d\d\d", "decade": r"0['’]?s",
    "short_year": r"['’]\d\d", "decade_word": r"ties", "century": r"century", "quarter": r"quarter|q[1-4]", "half": r"half|two\s+quarters",
    "season": r"spring|summer|autumn|fall|winter", "relative_unit": _UNIT_WORDS + r"|weekend", "the_unit": r"year|month|week",
    "the_unit_bare": r"year|month|week", "year_ago_adj": r"year-", "ago": r"ago|earlier|later|from\s+now|hence|back",
    "bare_ago": r"ago|earlier|later", "duration_range": _UNIT_WORDS, "duration": _UNIT_WORDS, "half_unit": r"half",
    "unit_long": r"long", "set_every": r"every|each", "set_adverb": r"daily|weekly|monthly|annually|yearly|hourly|nightly|per\s+annum",
    "set_freq": r"once|twice|thrice|times", "set_weekdays": r"days\b", "vague": r"now|current|recent|lately|past|future|present|coming|ahead|term|being|days",
    "recent_units": r"recent", "weekend": r"weekend", "year_end": r"year.{0,3}end", "week_of": r"week\s+of", "that_day": r"that|same|next|following|previous|before|after",
    "the_day": r"the\s+day", "latest_quarter": r"quarter|period", "comparison": r"quarter|period|month|week|year",
    "year_quarter_anaphor": r"year['’]s", "year_quarter": r"quarter|period", "the_quarter": r"quarter", "spelled_year": r"nineteen|thousand",
    "relative_day": r"today|tonight|yesterday|tomorrow", "this_pod": r"morning|afternoon|evening|night", "mod_pod": r"morning|afternoon|evening", "weekday": _WEEKDAY_WORDS,
    "time": r"\d\s*[ap]\.?m", "clock": r"\d:\d|\d\d\d\d", "time_word": r"noon|midday|midnight", "indefinite_span": r"while|time", "bare_plural": r"years|months|weeks|days|decades|hours|minutes|centuries",
    "oclock": r"o['’]clock", "holiday": r"year['’]s|christmas|boxing|halloween|valentine|bastille|thanksgiving|labor|memorial|election",
}
"""Per rule, words one of which each of its matches contains. A rule runs only in the windows of the text around
its words (:func:`_windows`): a speed-up only, what is found does not change (``tests/test_timex.py`` checks it)."""
TRIGGERS = {kind: re.compile(words) for kind, words in _TRIGGER_WORDS.items()}
"""Compiled without IGNORECASE, for the lower-cased text (sre scans case-sensitive alternations of words much faster)."""

_REACH = 80
"""Characters a match may extend on either side of the trigger word it holds (the longest expression found in
TimeBank is 34 characters)."""
_CONTEXT = 30
"""Characters after a window kept for the rules' look-ahead (``%``, "percent", "of the")."""


def _windows(text: str, trigger: re.Pattern | None) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` windows of the lower-cased ``text`` around the occurrences of ``trigger`` (all of it when None).

    Every match of a rule holds one of its trigger words and is at most
    :data:`_REACH` characters long, so it lies in the window of that word,
    which also keeps :data:`_CONTEXT` characters after it for look-aheads;
    look-behinds see the text before a window (``Pattern.finditer(text, pos)``).
    """
    if trigger is None:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        lo, hi = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH + _CONTEXT)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|org|net|gov|edu|uk|co)(?:/\S*)?", re.IGNORECASE)
_PREV_WORD = re.compile(r"([\w.#']+)\W*$")
_NUMBER_BLOCKERS = {
    "no", "no.", "nos", "nos.", "number", "numbers", "#", "flight", "route", "brigade", "case", "cases", "filing", "file",
    "ticket", "page", "pages", "p.", "pp.", "room", "article", "section", "resolution", "model", "version", "code", "id",
    "tel", "phone", "platform", "gate", "seat", "highway", "interstate", "unit", "block", "lot", "suite", "chapter",
    "verse", "bill", "item", "score", "scored", "vote", "votes", "voted", "rating", "division", "regiment", "battalion",
    "squadron", "under", "account", "reference", "ref", "docket", "serial", "patent", "paragraph", "exhibit", "order",
    "decree", "law", "act", "registered", "registration", "license", "licence", "flights", "windows", "office", "cup",
    "galaxy", "iphone", "expo", "euro", "vision", "agenda", "about", "around", "some", "nearly", "almost",
    "than", "only", "just", "total",
}
_YEAR_OK_BEFORE = {"in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "for", "through", "throughout", "early",
                   "mid", "late", "fiscal", "calendar", "the", "this", "that", "spring", "summer", "autumn", "fall", "winter", "year"}


_RATE_OF_TIME = re.compile(r"(?:times|once|twice|\bper|hours|days|weeks|months)\s*$", re.IGNORECASE)
"""Before "a week" / "a year": time per time or a count of occurrences ("40 hours a week", "twice a year"): a SET."""
_RATE_OF_MEASURE = re.compile(
    r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|yen|marks|francs|million|billion|trillion|"
    r"(?:\d[\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)s?)"
    r"(?:\s+[a-z]+)?\s+[a-z]+s)\s*$", re.IGNORECASE)
"""Before "a week" / "a year": an amount or a count of things ("$5 a year", "358,000 a month", "four flights a
week"). TIDES 2005 (3.2, non-markable expressions) leaves a time unit that is part of a rate of measure unannotated
("$8 an hour", "60 miles per hour"); of the 12 rates this drops in TimeBank, 9 are unannotated there."""

_THE_DAY_BEFORE = {"for", "end", "ends", "ended", "ending", "finish", "finished", "finishing", "close", "closed", "closing", "on"}
"""Words before "the day" when it names the day reported on (market reports: "ended the day up 2%", "for the day");
"later in the day" is taken too; "during the day", "in the day" are generic (daytime) and are not."""


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|(?:``|[\"“‘'(\[])\s*|\n\s*|[—–_-]{1,2}\s+)$")


def _in_a_name(text: str, f: Found) -> bool:
    """True when a relative expression is written as part of a title or a name ("ABC's This Week", "VOA Today",
    "Tomorrow Never Dies"): capitalized inside a sentence, or every word capitalized. TIDES 2005 (3.2, non-markable
    proper names) leaves time words inside names unannotated."""
    words = text[f.start : f.end].split()
    if not words[0][:1].isupper() or all(w.isupper() for w in words):
        return False  # lower case, or a headline in capitals ("LAST WEEK")
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    content = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text[line_start : line_end if line_end >= 0 else len(text)]) if len(w) > 3]
    if content and sum(w[:1].isupper() for w in content) >= 0.7 * len(content):
        return False  # a headline in title case ("Talks Will Resume Next Week")
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return True  # "This Week", "Last Year" as a title; "This week" at a sentence start is not
    return not _SENTENCE_START.search(text[max(0, f.start - 4) : f.start])


NAMED_DAY_WORDS = {"black", "cyber", "super", "good", "ash", "bloody", "easter", "palm", "holy", "maundy", "shrove", "whit",
                   "giving", "blue", "fat", "mad"}
"""First words of named days ("Black Monday", "Good Friday", "Super Tuesday"): a name, not a weekday to resolve
(TIDES 2005 leaves the resolution of named events to their dates, which the text does not give)."""


def _capitalized(text: str) -> bool:
    return text[:1].isupper()


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text[max(0, pos - 40) : pos])
    return m.group(1).lower() if m else ""


def _accept(text: str, f: Found) -> bool:
    """Rule-specific checks that a regular expression cannot state well."""
    g = f.groups
    word = lambda key: (g.get(key) or "").rstrip(".").lower()  # noqa: E731
    for key in ("month", "weekday"):
        w = word(key)
        raw = g.get(key) or ""
        if w in AMBIGUOUS_WORDS and not _capitalized(raw):
            return False
    if f.kind == "month":
        month = word("month")
        if month == "may" and not (g.get("rel") or g.get("pmod")) and _prev_word(text, f.start) not in (
            "in", "since", "until", "till", "by", "from", "through", "of", "during", "before", "after", "early", "mid", "late", "last", "next", "this"
        ):
            return False
        if month in ("march",) and not (g.get("rel") or g.get("pmod")) and _prev_word(text, f.start) in ("the", "a", "to", "will", "would"):
            return False  # "the March", "to march"
    if f.kind == "weekday":
        raw = g.get("weekday") or ""
        if not _capitalized(raw):
            return False
        m = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(0, f.start - 12) : f.start])
        if m and m.group(1).lower() in NAMED_DAY_WORDS and not g.get("rel"):
            return False  # "Black Monday", "Good Friday", "Super Tuesday": names of days, not the nearest Monday
        if raw.rstrip(".").lower() not in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
            f.groups["abbr"] = "1"  # "Sun": only with a clock time (see find)
    if f.kind in ("month_day", "day_month") and g.get("weekday") and not _capitalized(g["weekday"]):
        return False
    if f.kind == "year":
        prev = _prev_word(text, f.start)
        if prev in _NUMBER_BLOCKERS and not g.get("fiscal") and not g.get("pmod"):
            return False
        # "Brigade 106"-style names: a capitalized word that is not a month or a sentence start
        before = text[max(0, f.start - 30) : f.start]
        m = re.search(r"([A-Z][\w’'-]*)\s+$", before)
        if m and not g.get("fiscal") and not g.get("pmod"):
            w = m.group(1).lower()
            sentence_start = re.search(r"(^|[.!?\n]\s*|[\"“(]\s*)$", before[: m.start()]) is not None
            if w not in _YEAR_OK_BEFORE and w.rstrip(".") not in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec") and not sentence_start:
                return False
        after = text[f.end : f.end + 20]
        if re.match(r"\s*(?:-|–|to)\s*\d{1,2}(?!\d)", after):  # a score or a count range "2011-12"? keep years only
            if not re.match(r"\s*(?:-|–)\s*\d{2}(?!\d)", after):
                return False
    if f.kind == "season":
        season = word("season")
        raw = g.get("season") or ""
        has_anchor = g.get("rel") or g.get("year") or g.get("pmod")
        if season == "fall" and not (g.get("rel") or g.get("year") or g.get("pmod")):
            return False
        if _capitalized(raw) and not has_anchor and f.start > 0 and text[f.start - 1 : f.start] != "\n":
            prev = text[max(0, f.start - 3) : f.start]
            if not re.search(r"[.!?]\s*$", prev):
                return False  # "Arab Spring"
        if not has_anchor and not g.get("the") and _prev_word(text, f.start) not in ("in", "during", "by", "until", "since", "through", "till", "before", "after", "this", "last", "next", "over"):
            return False  # "summer camp", "winter storm"
        if g.get("the") and not has_anchor and re.match(r"\s+of\b(?!\s+(?:nineteen|two\s+thousand))", text[f.end : f.end + 20], re.IGNORECASE):
            return False  # "the fall of Kabul"
    if f.kind == "duration":
        num = (g.get("num") or "").lower()
        unit = (g.get("unit") or "").lower()
        after = text[f.end : f.end + 12]
        if re.match(r"-?\s*old\b|[-\s]olds\b", after):
            return False  # ages: "a 5-year-old", "five years old"
        if g.get("the") and not g.get("rel") and not unit.endswith("s") and num not in ("a", "an", "one") and not g.get("long"):
            f.start = f.start + len(re.match(r"the\s+", text[f.start:], re.IGNORECASE).group())  # "the two-week strike": "the" is the noun's
            f.groups.pop("the")
        if num.isdigit() and int(num) >= 1000 and not unit.endswith("s"):
            return False  # "the 1988 quarter": a year, not 1988 quarters
        if num in ("a", "an") and unit in ("second", "sec", "min", "quarter", "night"):
            return False  # "a second term", "a quarter of"
        if unit.startswith("quarter") and re.match(r"\s+of\b", after) and not g.get("adj"):
            return False  # "three quarters of the vote"
        if g.get("long") and num in ("a", "an"):
            f.start += len(num) + 1  # "a year-long assault": the article belongs to "assault"
            while text[f.start].isspace():
                f.start += 1
            f.groups["num"] = ""
        elif num in ("a", "an", "one") and not g.get("qmod") and not g.get("the"):
            before = text[max(0, f.start - 40) : f.start]
            if _RATE_OF_TIME.search(before):
                f.kind = "set_per"  # "40 hours a week", "twice a week": a frequency, a SET
            elif _RATE_OF_MEASURE.search(before):
                return False  # "$500 million a year", "four flights a week", "700 seats a week": a rate, not markable
    if f.kind == "set_adverb" and _RATE_OF_MEASURE.search(text[max(0, f.start - 40) : f.start]):
        return False  # "rise 8.5% annually", "10,000 units annually": "annually" is "a year" of a rate (see _RATE_OF_MEASURE)
    if f.kind == "clock" and not (g.get("tz") or g.get("h")):
        prev = _prev_word(text, f.start)
        if prev not in ("at", "by", "until", "till", "from", "before", "after", "around", "about", "approximately", "since", "to"):
            f.groups["loose"] = "1"  # only merged with a date (see find)
    if f.kind == "time" and g.get("ampm", "").lower() in ("am",) and not _capitalized(g["ampm"]) and not re.match(r"\d", text[f.start]):
        return False
    if f.kind in ("relative_unit", "relative_day", "vague") and _in_a_name(text, f):
        return False
    if f.kind == "vague":
        w = (g.get("word") or "").lower()
        if w == "now" and re.match(r"\s+that\b", text[f.end : f.end + 6]):
            return False  # "now that": a conjunction
        if w == "the past" and re.match(r"\s+(?:few|several|\d|two|three|four|five|six|seven|eight|nine|ten)\b", text[f.end : f.end + 10]):
            return False
    if f.kind == "quarter" and word("ord") in ("final", "last") and not (g.get("year") or g.get("year2") or g.get("rel") or g.get("pyear") or g.get("prel")):
        return False  # "the last quarter" alone is relative (rule relative_unit)
    if f.kind == "half" and not (g.get("adj") or re.search(r"\bof\b", text[f.start : f.end])):
        return False  # "the first half" of a match; only "first-half profit" or "the first half of 2020"
    if f.kind == "comparison" and g.get("unit2") and not g.get("back"):
        return False  # "the quarter" alone: rule the_quarter
    if f.kind == "short_year" and _prev_word(text, f.start) not in ("since", "in", "of", "from", "until", "till", "by", "before", "after"):
        return False  # "since '82"; not a quoted number
    if f.kind == "decade" and g.get("d2") and not g.get("the") and not re.search(r"\b(?:the\s+)?[1-9]0s\s+(?:and|or|to)\s+$", text[max(0, f.start - 20) : f.start]):
        return False  # "the 70s and 80s" are decades; "in his 70s" is an age
    if f.kind == "the_unit_bare" and _prev_word(text, f.start) not in ("for", "of", "in", "during", "throughout", "through", "over"):
        return False  # "for the year", "the first nine months of the year"; not "the year he left"
    if f.kind == "the_day":  # "ended the day up 2%", "for the day": a trading or reporting day, not "the day (that) he died"
        later = re.search(r"\b(?:later|earlier)\s+in\s+$", text[max(0, f.start - 15) : f.start], re.IGNORECASE)
        if (_prev_word(text, f.start) not in _THE_DAY_BEFORE and not later) or re.match(r"\s+[A-Z]", text[f.end : f.end + 3]):
            return False
    if f.kind == "relative_unit":
        if (g.get("rel") or "").lower() == "present" and (g.get("unit") or "").lower() != "year":
            return False
    return True


_DATE_TIME_GAP = re.compile(r"^\s*,?\s*(?:at\s+)?$", re.IGNORECASE)
_TIME_DATE_GAP = re.compile(r"^\s*,?\s*(?:on\s+)?$", re.IGNORECASE)
_DAY_KINDS = {"iso_date", "numeric_date", "dmy_abbr", "month_day", "day_month", "weekday", "relative_day", "holiday"}
_TIME_KINDS = {"time", "clock", "time_word", "oclock"}


def _select(found: list[Found]) -> list[Found]:
    """Longest matches first; among equals the earlier; no overlaps."""
    chosen: list[Found] = []
    starts: list[int] = []  # the chosen spans, by start: disjoint, so their ends are in order too
    ends: list[int] = []
    for f in sorted(found, key=lambda f: (-f.length, f.start)):
        i = bisect.bisect_left(starts, f.end)  # spans [0, i) start before f ends; the last of them ends latest
        if i and ends[i - 1] > f.start:
            continue
        chosen.append(f)
        j = bisect.bisect_right(starts, f.start)
        starts.insert(j, f.start)
        ends.insert(j, f.end)
    return sorted(chosen, key=lambda f: f.start)


def find(text: str) -> list[Found]:
    """Every time expression of ``text``, in order, with TimeML extents.

    Returns:
        Non-overlapping :class:`Found` matches. A day-denoting expression and
        a clock time written together become one ``datetime`` match whose
        ``parts`` are the two.
    """
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    found = []
    lowered = text.lower()
    whole = len(lowered) != len(text)  # a character whose lower case is longer ("İ"): offsets would shift, scan it all
    windows: dict[re.Pattern | None, list[tuple[int, int]]] = {}
    for kind, pattern in RULES:
        trigger = None if whole else TRIGGERS.get(kind)
        if trigger not in windows:
            windows[trigger] = _windows(lowered, trigger)
        for m in (match for lo, hi in windows[trigger] for match in pattern.finditer(text, lo, hi)):
            if m.end() == m.start():
                continue
            f = Found(m.start(), m.end(), kind, {k: v for k, v in m.groupdict().items() if v is not None})
            if any(s <= f.start < e or s < f.end <= e for s, e in urls):
                continue
            if _accept(text, f):
                found.append(f)
    chosen = _select(found)
    merged: list[Found] = []
    i = 0
    while i < len(chosen):
        f = chosen[i]
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        if nxt is not None:
            gap = text[f.end : nxt.start]
            if f.kind in _DAY_KINDS and nxt.kind in _TIME_KINDS and _DATE_TIME_GAP.match(gap):
                merged.append(Found(f.start, nxt.end, "datetime", {}, [f, nxt]))
                i += 2
                continue
            if f.kind in _TIME_KINDS and nxt.kind in _DAY_KINDS and _TIME_DATE_GAP.match(gap) and "\n" not in gap:
                merged.append(Found(f.start, nxt.end, "datetime", {}, [nxt, f]))
                i += 2
                continue
            if f.kind in ("month", "season") and nxt.kind == "spelled_year" and not f.groups.get("rel") and re.match(r"^,?\s+(?:of\s+)?$", gap):
                merged.append(Found(f.start, nxt.end, "spelled_with", dict(f.groups), [f, nxt]))
                i += 2
                continue
        if (f.kind == "weekday" and f.groups.get("abbr")) or (f.kind == "clock" and f.groups.get("loose")):
            i += 1
            continue
        merged.append(f)
        i += 1
    return merged
