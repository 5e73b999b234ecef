"""RSS and Atom feeds (feedparser): one article per entry; an entry's ``published``, never ``updated``."""

from __future__ import annotations

from collections.abc import Iterator

import feedparser
import lxml.html
from lxml import etree

from ...errors import ExtractionError, IngestError, ReadError, SkipReason
from ..article import RawDocument
from ..extract import Block, clean_inline
from .sniff import _empty, _excerpt


def _fragment_blocks(html: str) -> list[Block]:
    """Paragraphs of an HTML fragment (feed content): its block elements, or its text."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return [Block(clean_inline(html))]
    blocks = []
    for el in root.iter("p", "li", "h1", "h2", "h3", "h4", "blockquote", "figcaption", "pre"):
        if any(anc.tag in ("p", "li", "blockquote") for anc in el.iterancestors()):
            continue
        text = clean_inline(el.text_content())
        if text:
            blocks.append(Block(text, "caption" if el.tag == "figcaption" else None))
    if not blocks:
        text = clean_inline(root.text_content())
        if text:
            blocks.append(Block(text))
    return blocks


def read_feed(path: str, data: bytes) -> Iterator[RawDocument | IngestError]:
    """RSS or Atom: one article per entry; ``published`` (never ``updated``) dates it."""
    if not data.strip():
        raise _empty(path, data)
    parsed = feedparser.parse(data)
    damage = _feed_damage(parsed)
    if not parsed.entries:
        if damage:
            yield _feed_damage_error(path, damage, 0)
            return
        if parsed.get("version"):
            raise ExtractionError(f"{path}: the feed has no entries.", path=path, reason=SkipReason.NO_CONTENT)
        problem = parsed.get("bozo_exception")
        raise ReadError(
            f"{path}: not an RSS or Atom feed{f' ({problem})' if problem else ''}.",
            path=path,
            reason=SkipReason.MALFORMED,
        )
    feed = parsed.feed
    outlet = clean_inline(feed.get("title", "")) or None
    language = feed.get("language")
    n_read = 0
    for i, entry in enumerate(parsed.entries, 1):
        where = f"{path}#entry-{i}"
        content = None
        if entry.get("content"):
            content = entry.content[0]
        elif entry.get("summary_detail"):
            content = entry.summary_detail
        if not content or not (content.get("value") or "").strip():
            yield ExtractionError(f"{where}: the entry has no content or summary.", path=where, reason=SkipReason.NO_CONTENT)
            continue
        value = content.get("value", "")
        if "html" in (content.get("type") or "text/html"):
            blocks = _fragment_blocks(value)
            raw = RawDocument(path=where, blocks=blocks, prepend_title=True)
        else:
            raw = RawDocument(path=where, text=value, prepend_title=True)
        raw.title = clean_inline(entry.get("title", "")) or None
        raw.url = entry.get("link")
        raw.byline = entry.get("author")
        raw.outlet = outlet
        raw.published = entry.get("published")  # never entry.updated
        raw.published_evidence = "feed" if raw.published else None
        raw.language = content.get("language") or language
        n_read += 1
        yield raw
    if damage:
        yield _feed_damage_error(path, damage, n_read)


def _feed_damage(parsed) -> Exception | None:
    """feedparser's complaint when the XML itself is broken (cut short, not well-formed), else None.

    feedparser sets ``bozo`` for mere encoding-declaration mismatches too
    (``CharacterEncodingOverride``: the document was decoded all the same);
    those are not damage.
    """
    import xml.sax

    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is None or isinstance(problem, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)):
        return None
    if isinstance(problem, xml.sax.SAXException) or isinstance(problem, feedparser.CharacterEncodingUnknown):
        return problem
    return None


def _feed_damage_error(path: str, problem: Exception, n_read: int) -> ReadError:
    text = _excerpt(problem.getMessage() if hasattr(problem, "getMessage") else problem)
    where = ""
    if hasattr(problem, "getLineNumber"):
        where = f" at line {problem.getLineNumber()}, column {problem.getColumnNumber()}"
    cut = any(s in text for s in ("no element found", "unclosed token"))
    return ReadError(
        f"{path}: the feed is truncated or malformed ({text}{where}): {n_read} {'entry' if n_read == 1 else 'entries'} read.",
        path=path,
        reason=SkipReason.TRUNCATED if cut else SkipReason.MALFORMED,
    )
