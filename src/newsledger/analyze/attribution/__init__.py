"""Attributions: who says so, and how surely (source / cue / content; the ``newsledger_attribution`` component).

Modules: :mod:`.lexicon` (cue words), :mod:`.cues` (the small learned cue
detector), :mod:`.quotes` (direct quotes), :mod:`.phrases` and :mod:`.spans`
(rules beyond the verb of saying, span extents), :mod:`.source_kinds` (what
kind of source speaks), :mod:`.records` (records and chains), and
:mod:`.component` (the spaCy component and the finder).
"""

from .component import AttributionTagger, find_attributions, make_attribution
from .records import attribution_records

__all__ = ["AttributionTagger", "attribution_records", "find_attributions", "make_attribution"]
