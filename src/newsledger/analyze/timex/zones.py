"""Time zones written beside clock times ("9:45 pm IST", "(GMT +8)"): ISO 8601 designators, and who decides.

TIDES 2005 writes the zone a clock time states into its TIMEX3 value (ISO 8601:2004, 4.2.4-4.2.5). An
abbreviation shared by several zones (IST: India, Ireland, Israel) is decided by the article's locale, its
outlet's domain or the places it names (:func:`zone_country_from`); when nothing decides, the clock time keeps
no zone and the expression is unresolved with a reason naming the readings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

_US = frozenset({"US", "CA", "MX"})


ZONES: dict[str, tuple[tuple[str, frozenset[str] | None, str], ...]] = {
    "utc": (("Z", None, "UTC"),), "gmt": (("Z", None, "GMT"),), "z": (("Z", None, "UTC"),),
    "est": (("-05", _US | {"JM", "PA", "BS", "HT", "KY"}, "US Eastern Standard Time"), ("+10", frozenset({"AU"}), "Australian Eastern Standard Time")),
    "edt": (("-04", _US | {"BS", "HT"}, "US Eastern Daylight Time"), ("+11", frozenset({"AU"}), "Australian Eastern Daylight Time")),
    "cst": (("-06", _US | {"BZ", "CR", "SV", "GT", "HN", "NI"}, "US Central Standard Time"), ("+08", frozenset({"CN", "TW", "HK", "MO"}), "China Standard Time"),
            ("-05", frozenset({"CU"}), "Cuba Standard Time")),
    "cdt": (("-05", _US, "US Central Daylight Time"), ("-04", frozenset({"CU"}), "Cuba Daylight Time")),
    "mst": (("-07", _US, "US Mountain Standard Time"),), "mdt": (("-06", _US, "US Mountain Daylight Time"),),
    "pst": (("-08", _US, "US Pacific Standard Time"), ("+08", frozenset({"PH"}), "Philippine Standard Time")),
    "pdt": (("-07", _US, "US Pacific Daylight Time"),),
    "bst": (("+01", frozenset({"GB", "IE", "IM", "JE", "GG"}), "British Summer Time"), ("+06", frozenset({"BD"}), "Bangladesh Standard Time")),
    "ist": (("+05:30", frozenset({"IN"}), "India Standard Time"), ("+01", frozenset({"IE"}), "Irish Standard Time"),
            ("+02", frozenset({"IL", "PS"}), "Israel Standard Time")),
    "idt": (("+03", frozenset({"IL", "PS"}), "Israel Daylight Time"),),
    "cet": (("+01", None, "Central European Time"),), "cest": (("+02", None, "Central European Summer Time"),),
    "eet": (("+02", None, "Eastern European Time"),), "eest": (("+03", None, "Eastern European Summer Time"),),
    "wet": (("Z", None, "Western European Time"),), "west": (("+01", None, "Western European Summer Time"),),
    "msk": (("+03", None, "Moscow Time"),), "pkt": (("+05", None, "Pakistan Standard Time"),),
    "npt": (("+05:45", None, "Nepal Time"),), "sgt": (("+08", None, "Singapore Time"),), "hkt": (("+08", None, "Hong Kong Time"),),
    "pht": (("+08", None, "Philippine Time"),), "wib": (("+07", None, "Western Indonesia Time"),),
    "jst": (("+09", None, "Japan Standard Time"),), "kst": (("+09", None, "Korea Standard Time"),),
    "aest": (("+10", None, "Australian Eastern Standard Time"),), "aedt": (("+11", None, "Australian Eastern Daylight Time"),),
    "nzst": (("+12", None, "New Zealand Standard Time"),), "nzdt": (("+13", None, "New Zealand Daylight Time"),),
    "sast": (("+02", None, "South Africa Standard Time"),), "wat": (("+01", None, "West Africa Time"),),
    "cat": (("+02", None, "Central Africa Time"),), "eat": (("+03", None, "East Africa Time"),),
    "gst": (("+04", frozenset({"AE", "OM"}), "Gulf Standard Time"),),
}
"""Zone abbreviations → their readings ``(ISO 8601 designator, countries that use it, name)``.

TIDES 2005 writes the zone a clock time states into its value (ISO 8601:2004, 4.2.4-4.2.5); a clock time
with no zone keeps none. Readings with countries ``None`` are the only meaning in English news; the others
share an abbreviation (IST: India, Ireland, Israel; EST: US and Australia; CST: US, China, Cuba; BST:
Britain and Bangladesh; PST: US and the Philippines) and are chosen by :attr:`Context.zone_country`: the
country of the article's locale, outlet domain or places. A lone reading with countries ("GST", "IDT")
holds whatever the country. When nothing decides, the clock time keeps no zone and is unresolved, with a
reason naming the readings."""


def _offset(sign: str, hh: str, mm: str | None) -> str:
    if int(hh) == 0 and not (mm and int(mm)):
        return "Z"
    return f"{sign}{int(hh):02d}" + (f":{mm}" if mm and mm != "00" else "")


def _zone(tz: str, ctx: Any = None) -> tuple[str, str | None]:
    """The ISO 8601 zone designator of a written zone and, when it cannot be decided, why.

    ``"UTC"`` → ``("Z", None)``, ``"(GMT +8)"`` → ``("+08", None)``, ``"IST"`` in an ``en-IN`` article →
    ``("+05:30", None)``; ``"IST"`` with nothing to decide → ``("", "...")``; no zone → ``("", None)``.
    """
    tz = tz.strip("() ").lower()
    if not tz:
        return "", None
    m = re.fullmatch(r"(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d\d))?", tz)
    if m:
        return _offset(*m.groups()), None
    readings = ZONES.get(tz)
    if not readings:
        return "", None
    if len(readings) == 1:
        return readings[0][0], None
    candidates = frozenset().union(*(countries for _, countries, _ in readings if countries))
    decided = ctx.zone_country(candidates) if ctx is not None and ctx.zone_country is not None else None
    if decided is not None:
        country, _evidence = decided
        for designator, countries, _name in readings:
            if countries and country in countries:
                return designator, None
    named = [f"{name} ({'UTC' if d == 'Z' else d})" for d, _, name in readings]
    names = ", ".join(named[:-1]) + " or " + named[-1]
    return "", (f"the zone {tz.upper()} may be {names}; neither the article's locale, its outlet's domain nor its "
                "places say which, so the clock time keeps no zone")


GENERIC_CCTLDS = frozenset({"tv", "io", "co", "me", "ai", "fm", "am", "ly", "cc", "ws", "to", "gg", "nu", "tk", "la", "ag", "vc", "sh"})
"""Country-code top-level domains sold as generic names: they say nothing of an outlet's country."""


def _region(locale: str | None) -> str | None:
    """The region subtag of a BCP 47 tag ("en-IN" → "IN", "zh-Hant-TW" → "TW"), or None."""
    for part in re.split(r"[-_]", locale or "")[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return None


def _cctld_country(domain: str | None) -> str | None:
    """The country of an outlet domain's ccTLD ("www.thehindu.co.in" → "IN", "bbc.co.uk" → "GB"), or None (generic)."""
    tld = (domain or "").lower().rstrip(".").rsplit(".", 1)[-1]
    if tld == "uk":
        return "GB"
    if len(tld) == 2 and tld.isalpha() and tld not in GENERIC_CCTLDS:
        return tld.upper()
    return None


def zone_country_from(locale: str | None = None, domain: str | None = None,
                      places: Callable[[frozenset[str]], list[str]] | None = None) -> Callable[[frozenset[str]], tuple[str, str] | None]:
    """The :attr:`Context.zone_country` decision: the first evidence naming one of the candidate countries.

    In order: the region of the article's BCP 47 locale ("en-IN"), its outlet domain's ccTLD (".in",
    ".ie", ".co.il"), then the countries of the places the article names (``places(candidates)``: one
    country per mention; the country named most, if it is named more than any other candidate). Evidence
    naming a country that is not a candidate (an ``en-US`` article on "9 p.m. IST") passes to the next.
    """
    def decide(candidates: frozenset[str]) -> tuple[str, str] | None:
        region = _region(locale)
        if region in candidates:
            return region, f"locale {locale}"
        tld = _cctld_country(domain)
        if tld in candidates:
            return tld, f"outlet domain {domain}"
        if places is not None:
            counts = Counter(c for c in places(candidates) if c in candidates).most_common(2)
            if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
                return counts[0][0], "places named in the article"
        return None
    return decide
