"""The TIMEX3 engine behind the ``newsledger_timex`` component: find, type and resolve time expressions.

* :mod:`.lexicon` — the words (months, weekdays, numbers, units, modifiers);
* :mod:`.values` — TIMEX3 value arithmetic on dates, weeks, months, quarters, seasons;
* :mod:`.grammar` — the patterns that find expressions with TimeML 1.2.1 extents;
* :mod:`.resolve` — anchoring against the publication date (DCT) and a reference time.

:func:`tag` runs the whole engine on a text; the spaCy component
(``analyze.timex``) calls it with a direction function read from the parse.
"""

from .resolve import NO_DCT, Context, Timex3, tag
from .zones import zone_country_from

__all__ = ["NO_DCT", "Context", "Timex3", "tag", "zone_country_from"]
