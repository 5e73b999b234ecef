"""Do two reported quantities agree? Each quantity stands for an interval; two agree when their intervals meet.

The interval of a quantity (:func:`interval`):

* a count ("11 dead", unit ``people`` or a counted noun) with no ``mod`` is the point itself: counts
  are exact, so "14 dead" and "11 dead" do not agree, and neither do "10 dead" and "14 dead";
* a measure (distance, duration, money, mass, ...) with no ``mod`` stands for the figure rounded as
  written: half its ``precision`` either side (the rounding convention: "3 km" is 2.5–3.5 km);
* ``APPROX`` widens the point by the larger of half the precision and 10 % of the value. Round numbers
  are read approximately (Krifka 2007, "Approximate interpretation of number words", and Solt 2014 on
  round numbers and imprecision), and the width of their reading follows the roundness: the half
  place value of the last written digit says how round a figure is ("about 3 km": ±500 m; "about
  90 minutes": ±5 min by the digit). The 10 % floor is our choice, not a measured figure: it keeps a
  figure converted and rounded in another unit ("about 3 km" = 1.86 mi, written "nearly two miles",
  7 % away) agreeing with itself. Adjacent round figures meet at their edge ("about 3 km" and "about
  4 km" both hold 3.5 km) and agree; "about 3 km" and "about 5 km" do not: the comparison leans to
  missing a disagreement rather than raising a false one;
* ``LESS_THAN`` v is [0, v), ``EQUAL_OR_LESS`` [0, v], ``MORE_THAN`` (v, ∞), ``EQUAL_OR_MORE`` [v, ∞)
  (TimeML 1.2.1's bounds);
* a range [low, high] is itself (high None: no upper bound, as "dozens"); ``APPROX`` on a range widens
  both ends as above.

Two quantities are comparable only when they measure the same thing in the same unit: the same ``unit``
(after normalization) and the same ``counts``, both known. Otherwise :func:`compatible` answers None
(not comparable), never a guess: a false alarm costs more than a miss (issue 18).
"""

from __future__ import annotations

import math
import re
from typing import Any

MEASURE_UNITS = frozenset({"m", "kg", "m2", "l", "m/s", "W", "s"})
"""Canonical units of measures (rounded figures); ISO 4217 codes (three capitals) are measures too."""

APPROX_SHARE = 0.10
"""The least relative width of an ``APPROX`` reading (see the module docstring for why)."""

Interval = tuple[float, bool, float, bool]
"""``(low, low_closed, high, high_closed)``; ``math.inf`` for no upper bound."""


def _is_measure(unit: str | None) -> bool:
    return unit in MEASURE_UNITS or bool(unit and re.fullmatch(r"[A-Z]{3}", unit))


def _approx(v: float, precision: float | None) -> float:
    return max((precision or 0.0) / 2, APPROX_SHARE * abs(v))


def interval(q: Any) -> Interval | None:
    """The interval a quantity stands for (see the module docstring), or None when it gives no number.

    Args:
        q: a :class:`~newsledger.records.Quantity` (or anything with its ``value``,
            ``low``, ``high``, ``precision``, ``mod`` and ``unit`` attributes).
    """
    measure = _is_measure(q.unit)
    mod = q.mod
    if q.value is not None:
        v = float(q.value)
        if mod == "APPROX":
            d = _approx(v, q.precision)
            return (v - d, True, v + d, True)
        if mod == "LESS_THAN":
            return (0.0, True, v, False)
        if mod == "EQUAL_OR_LESS":
            return (0.0, True, v, True)
        if mod == "MORE_THAN":
            return (v, False, math.inf, False)
        if mod == "EQUAL_OR_MORE":
            return (v, True, math.inf, False)
        half = (q.precision or 0.0) / 2 if measure else 0.0
        return (v - half, True, v + half, True)
    if q.low is not None:
        lo = float(q.low)
        hi = float(q.high) if q.high is not None else math.inf
        if mod == "APPROX":
            lo -= _approx(lo, q.precision)
            if hi != math.inf:
                hi += _approx(hi, q.precision)
        return (lo, True, hi, hi != math.inf)
    return None


def _meet(a: Interval, b: Interval) -> bool:
    lo = max(a[0], b[0])
    hi = min(a[2], b[2])
    if lo < hi:
        return True
    if lo > hi:
        return False
    lo_closed = (a[1] if a[0] == lo else True) and (b[1] if b[0] == lo else True)
    hi_closed = (a[3] if a[2] == hi else True) and (b[3] if b[2] == hi else True)
    return lo_closed and hi_closed


def compatible(q1: Any, q2: Any) -> bool | None:
    """Whether two reported quantities can both be true.

    Args:
        q1, q2: :class:`~newsledger.records.Quantity` records (or objects with their fields).

    Returns:
        True when their intervals meet ("at least 11" and "11" dead; "about 3 kilometres" and "nearly
        two miles"; "about 90 minutes", "an hour and a half" and "less than two hours"), False when
        they do not ("14" and "11" dead), None when they are not comparable: a different unit or a
        different or unknown ``counts``, or no number in one of them.
    """
    if q1.unit is None or q1.unit != q2.unit:
        return None
    if q1.counts is None or q2.counts is None or q1.counts != q2.counts:
        return None
    a, b = interval(q1), interval(q2)
    if a is None or b is None:
        return None
    return _meet(a, b)
