"""Full-text search as people type it: plain words become a safe SQLite FTS5 query.

FTS5's query language (https://sqlite.org/fts5.html#full_text_query_syntax)
reads ``.``, ``'``, ``+``, ``-``, ``:``, ``^`` and ``(`` as syntax, so
everyday queries (``U.S.``, ``it's``, ``C++``, ``apple -pie``) fail as raw
FTS5. :func:`fts_query` reads what a person types the way web search engines
do, and writes every term as an FTS5 string (``"..."``, a ``"`` doubled),
which FTS5 tokenizes like the indexed text and never parses as syntax:

- words are all required (implicit AND); ``"an exact phrase"`` is one term
  (an unclosed ``"`` runs to the end of the query);
- ``-word`` or ``-"a phrase"`` (a ``-`` at the start of a term) and ``NOT term``
  exclude articles holding the term; a query of exclusions alone is an error,
  since FTS5 cannot search for "everything but";
- ``a OR b`` (upper case) finds either; ``AND`` (upper case) is accepted and
  changes nothing; lower-case ``and``/``or``/``not`` are words;
- ``word*`` finds words starting with ``word`` (FTS5's prefix query);
- a term without a letter or digit (``-``, ``++``, ``&``) is left out: FTS5
  indexes letters and digits only (``unicode61`` tokenizer), so it could match nothing.

``search(..., fts=True)`` passes the query to FTS5 untouched, for its own
syntax (``NEAR()``, column filters ``title:``, ``^`` initial tokens).

Search hits are marked in the results without ambiguity: the store marks them
with two private-use characters (:data:`HIT_START`, :data:`HIT_END`), which
:func:`search` turns into ``excerpt`` (the text as stored) with ``hits``
(offsets into it) and the bracketed ``snippet``.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import QueryError
from ..store import Store

HIT_START, HIT_END = "\ue000", "\ue001"
"""Hit marks the store puts in snippets: Unicode private-use code points, which news text does not hold
(a stored text holding them would shift ``hits``)."""

_TERM = re.compile(r'(-?)"([^"]*)(?:"|$)|(\S+)')
_OPERATORS = ("AND", "OR", "NOT")


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def fts_query(text: str) -> str:
    """The FTS5 query for ``text`` as a person types it (the rules are in the module docstring).

    Args:
        text: e.g. ``U.S. sanctions -Iran``, ``"Ben Gurion" airport``, ``ceasefire OR truce``.

    Returns:
        An FTS5 query that is always valid syntax, e.g. ``("U.S.") AND ("sanctions") NOT "Iran"``.

    Raises:
        QueryError: ``text`` names nothing to find (empty, punctuation only, or exclusions only).
    """
    groups: list[list[str]] = []  # AND of ORs
    excluded: list[str] = []
    negate = join_or = False
    for m in _TERM.finditer(text):
        minus, phrase, word = m.groups()
        if word is not None:
            if word in _OPERATORS:
                negate = negate or word == "NOT"
                join_or = word == "OR" and bool(groups)
                continue
            if word.startswith("-") and _has_word(word[1:]):
                minus, word = "-", word[1:]
            if word.endswith("*") and _has_word(word.rstrip("*")):
                term = _string(word.rstrip("*")) + "*"
            elif _has_word(word):
                term = _string(word)
            else:
                term = None
        else:
            term = _string(phrase) if _has_word(phrase) else None
        if term is None:
            negate = join_or = False
            continue
        if negate or minus:
            excluded.append(term)
        elif join_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        negate = join_or = False
    if not groups:
        what = "only excludes words" if excluded else "names no word to find"
        raise QueryError(f"The search {text!r} {what}. Name at least one word, e.g. newsledger search 'ceasefire -Libya'.")
    query = " AND ".join("(" + " OR ".join(g) + ")" for g in groups)
    return query + "".join(f" NOT {t}" for t in excluded)


def _marked(snippet: str) -> tuple[str, list[list[int]]]:
    excerpt, hits, start = [], [], None
    n = 0
    for ch in snippet or "":
        if ch == HIT_START:
            start = n
        elif ch == HIT_END:
            if start is not None:
                hits.append([start, n])
            start = None
        else:
            excerpt.append(ch)
            n += 1
    return "".join(excerpt), hits


def search(store: Store, text: str, *, fts: bool = False, limit: int | None = 20) -> list[dict[str, Any]]:
    """Articles matching ``text``, best first.

    Args:
        text: plain words (see :func:`fts_query`), or with ``fts`` raw SQLite FTS5 syntax.
        fts: pass ``text`` to FTS5 as it is.
        limit: at most this many (None or 0: all).

    Returns:
        Dicts with ``article_id``, ``outlet``, ``published``, ``title``, ``snippet`` (an excerpt of the
        text with each hit between ``[`` and ``]``; a bracket of the text itself is kept as is),
        ``excerpt`` (the same excerpt without marks), ``hits`` (``[start, end]`` offsets of the hits
        in ``excerpt``: exact where ``snippet`` is ambiguous) and ``score`` (BM25, lower is better).
        Both excerpts are FTS5's ``snippet()``: up to 12 tokens around the hits, with ``…`` where
        text is left out; SQLite drops a NUL of the text (and what follows it up to the next token)
        from the excerpt, so ``excerpt`` is not always a substring of the stored text.

    Raises:
        QueryError: nothing to search for, or (with ``fts``) the query is not valid FTS5 syntax;
            the message says how to write it.
    """
    query = text if fts else fts_query(text)
    try:
        rows = store.search(query, limit=limit or None, marks=(HIT_START, HIT_END))
    except QueryError as exc:
        if not fts:
            raise
        raise QueryError(f"{exc.message} Or drop --fts to search for the words as typed "
                         "(newsledger search 'U.S. sanctions').") from None
    out = []
    for r in rows:
        excerpt, hits = _marked(r["snippet"])
        snippet = (r["snippet"] or "").replace(HIT_START, "[").replace(HIT_END, "]")
        out.append({"article_id": r["article_id"], "outlet": r["outlet"], "published": r["published"], "title": r["title"],
                    "snippet": snippet, "excerpt": excerpt, "hits": hits, "score": r["score"]})
    return out


__all__ = ["HIT_END", "HIT_START", "fts_query", "search"]
