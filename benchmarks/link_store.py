"""A store of many articles for the link-stage bench, without running the NLP again.

:func:`build_store` reads every stored analysis of a base store (Reuters-21578 stories ingested once) and
saves ``copies`` copies of each into a new store: copy ``k`` gets new ids (its URL is
``bench://copy-k/<article id>``) and every date moved ``k * YEAR_STEP`` years later (publication date,
TIMEX3 values and anchors, event dates), so each copy is the same news in another year: as many happenings
as a real store of that size, not one story with ``copies`` reports each.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import time
from pathlib import Path

YEAR_STEP = 2
"""Years between two copies (more than any story date window)."""

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _shift(value, years: int):
    if not isinstance(value, str) or not years:
        return value
    return _YEAR.sub(lambda m: str(int(m.group(1)) + years), value)


def copy_analysis(analysis, k: int, outlets: int = 0):
    """Copy ``k`` of a stored analysis: new article id and URL, every date ``k * YEAR_STEP`` years later.

    With ``outlets``, the copy's outlet becomes one of that many made-up outlets ("Outlet 07"), picked by its
    new id: Reuters-21578 is one outlet, and text reuse is only looked for between reports of different
    outlets, so the provenance bench needs several to align anything.
    """
    from newsledger.records import Analysis

    years = k * YEAR_STEP
    a = analysis.article
    url = f"bench://copy-{k}/{a.article_id}"
    article_id = hashlib.sha256(f"{a.outlet}|{url}|{a.content_hash}".encode()).hexdigest()
    outlet = f"Outlet {int(article_id[:8], 16) % outlets:02d}" if outlets else a.outlet
    article = dataclasses.replace(a, article_id=article_id, url=url, published=_shift(a.published, years),
                                  duplicate_of=None, source_path=None, outlet=outlet)

    def moved(records, fields):
        return tuple(dataclasses.replace(r, article_id=article_id, **{f: _shift(getattr(r, f), years) for f in fields})
                     for r in records or ())

    return Analysis(
        article=article,
        sentences=moved(analysis.sentences, ()), mentions=moved(analysis.mentions, ()),
        actors=analysis.actors, timexes=moved(analysis.timexes, ("value", "anchor")),
        attributions=moved(analysis.attributions, ()), events=moved(analysis.events, ("when",)),
        places=moved(analysis.places, ()),
    )


def build_store(base: Path, out: Path, n: int, outlets: int = 0) -> dict:
    """Save ``n`` articles into a new store at ``out``: copies 0, 1, ... of every article of ``base`` in turn.

    Returns:
        ``{"articles": n, "base_articles": m, "seconds": s}`` (``s``: the saves, linking included).
    """
    from newsledger.store import open_store

    src = open_store(base, readonly=True)
    analyses = [src.analysis(r["article_id"]) for r in reversed(src.articles())]
    src.close()
    if not analyses:
        raise ValueError(f"{base} holds no articles")
    dst = open_store(out)
    t0 = time.perf_counter()
    saved = 0
    k = 0
    while saved < n:
        for analysis in analyses:
            if saved >= n:
                break
            dst.save(copy_analysis(analysis, k, outlets))
            saved += 1
        k += 1
    seconds = time.perf_counter() - t0
    dst.close()
    return {"articles": saved, "base_articles": len(analyses), "seconds": seconds}
