"""Country names and demonyms → ISO 3166-1 alpha-2, from the ``countryinfo`` package.

``countryinfo`` (MIT) ships one JSON record per country with its English
``name``, ``altSpellings``, ``demonym`` ("Israeli") and ``ISO`` codes; this
module indexes them once per process. Short names that English news uses and
that ``altSpellings`` lacks are listed in :data:`EXTRA_NAMES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

EXTRA_NAMES = {
    "Britain": "GB", "England": "GB", "Scotland": "GB", "America": "US", "Holland": "NL", "Burma": "MM",
    "Ivory Coast": "CI", "Czech Republic": "CZ", "Vatican": "VA",
}
"""Common English country names missing from countryinfo's ``altSpellings`` (short forms in wire copy)."""

EXTRA_DEMONYMS = {"Briton": "GB", "English": "GB", "Scottish": "GB", "Saudi": "SA", "Emirati": "AE", "Kurdish": None}
"""Demonyms missing from countryinfo (one per country there); None marks a people without a state."""

_DOTS = re.compile(r"\.")


@dataclass(frozen=True)
class Country:
    """One country: ISO 3166-1 alpha-2 ``code``, English ``name`` and ``demonym``."""

    code: str
    name: str
    demonym: str | None


def _key(text: str) -> str:
    text = _DOTS.sub("", text.replace("’", "'")).strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return text.casefold()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Country], dict[str, Country]]:
    from countryinfo import all_countries

    by_code: dict[str, Country] = {}
    records = []
    for c in all_countries():
        info = c.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not code or not info.get("name"):
            continue
        records.append((code, info))
        if code not in by_code:  # the first record of a code is the sovereign country (countryinfo's data/ order)
            by_code[code] = Country(code, info["name"], info.get("demonym") or None)
    names: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    for code, info in records:
        country = by_code[code]
        for name in [info["name"], *(info.get("altSpellings") or [])]:
            if len(name) <= 3 and name.isupper() and name not in ("US", "USA", "UK", "UAE", "DRC"):
                continue  # ISO codes as words ("IL", "ISR") are not how news names a country
            names.setdefault(_key(name), country)
        if info.get("demonym"):
            demonyms.setdefault(_key(info["demonym"]), country)
    for name, code in EXTRA_NAMES.items():
        names.setdefault(_key(name), by_code[code])
    for name, code in EXTRA_DEMONYMS.items():
        if code:
            demonyms.setdefault(_key(name), by_code[code])
    return names, demonyms


def country_of_name(text: str) -> Country | None:
    """The country named by ``text`` ("Israel", "the United States", "U.S."), or None.

    Matching is case-insensitive, ignores a leading "the" and periods.
    """
    return _index()[0].get(_key(text))


def country_of_demonym(text: str) -> Country | None:
    """The country of a demonym, singular or plural ("Israeli", "Palestinians"), or None."""
    demonyms = _index()[1]
    key = _key(text)
    hit = demonyms.get(key)
    if hit is None and key.endswith("s"):
        hit = demonyms.get(key[:-1])
    return hit
