"""Quantities: the numbers a report gives (DESIGN.md, Quantity), and whether two of them agree.

Modules: :mod:`.lexicon` (``data/lexicon.json``: number words, modifiers, units,
currencies, nouns and verbs of counted people), :mod:`.grammar` (numbers,
ranges, modifiers, units and what is counted, over spaCy tokens and the parse),
:mod:`.component` (the ``newsledger_quantities`` component, durations taken from
the timexes, links to events, records), :mod:`.compare` (:func:`compatible`, for
the disagreements work).
"""

from .compare import compatible, interval
from .component import QuantityTagger, make_quantities, quantities
from .grammar import find_quantities

__all__ = ["QuantityTagger", "compatible", "find_quantities", "interval", "make_quantities", "quantities"]
