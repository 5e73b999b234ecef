"""TIMEX3 times: the ``newsledger_timex`` component and the engine behind it.

* :mod:`.lexicon` — the words (months, weekdays, numbers, units, modifiers);
* :mod:`.values` — TIMEX3 value arithmetic on dates, weeks, months, quarters, seasons;
* :mod:`.grammar` — the patterns that find expressions with TimeML 1.2.1 extents;
* :mod:`.zones` — time-zone abbreviations and what decides a shared one;
* :mod:`.resolve` — anchoring against the publication date (DCT) and a reference time;
* :mod:`.temporal` — :func:`tag`, the whole engine on a text;
* :mod:`.component` — the spaCy component (direction read from the parse) and the records.
"""

from .component import TimexTagger, clause_direction, make_timex, timex_records
from .temporal import NO_DCT, Context, Timex3, tag

__all__ = ["NO_DCT", "Context", "Timex3", "TimexTagger", "clause_direction", "make_timex", "tag", "timex_records"]
