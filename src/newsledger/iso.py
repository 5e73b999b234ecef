"""ISO 8601 calendar-date shapes, the one definition shared by ingest and analyze.

Publication dates (``Article.published``: "2021", "2021-11", "2021-11-09",
"2021-11-09T08:15:00Z") and TIMEX3 date values (``Timex.value``, ``Event.when``:
"2021-11-09T08:15", "2021-11-09TMO") are written with the same year, month and
day forms. Each pattern is anchored (``^…$``): use ``.match`` (``$`` also
matches before a final newline) or ``.fullmatch`` (the whole string).
"""

from __future__ import annotations

import re

YEAR = re.compile(r"^(\d{4})$")
"""A year: "2021" (group 1: the year)."""

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
"""A month: "2021-11" (groups: year, month)."""

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
"""A day: "2021-11-09" (groups: year, month, day)."""

DAY_WITH_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
"""A day, optionally followed by any TIMEX3 time part: "2021-11-09", "2021-11-09T08:15", "2021-11-09TMO"
(groups: year, month, day, the time part with its "T" or None)."""

DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?P<sec>:\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
"""A day with a clock time to the minute, optional seconds (group ``sec``) and zone: "2021-11-09T08:15:00Z",
"2021-11-09 08:15+01:00"."""
