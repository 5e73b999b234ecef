"""HTML → paragraphs and metadata, with trafilatura.

trafilatura (``favor_precision=True``) finds the main text and the page's
metadata; what it discards as boilerplate is not stored. A ``<figcaption>``
that the page marks as part of the article is kept as a ``caption`` paragraph
even where trafilatura drops it, placed before the first extracted paragraph
that follows it in the page.

A page over the per-input budget (:data:`HTML_BUDGET`: ``max_chars`` and
``max_paragraphs`` of the settings, which ``run`` sets for its run) is
refused before trafilatura parses it: trafilatura and lxml work in C for
minutes on a page of a million paragraphs, deaf to Ctrl-C.
"""

from __future__ import annotations

import contextvars
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from lxml import etree

from ..errors import ExtractionError, SkipReason
from .metadata import normalize_language_tag

_WS = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NL = re.compile(r"\s*\n\s*")

# trafilatura's XML body: block elements that become paragraphs.
_BLOCK_TAGS = {"p", "head", "quote", "code", "item", "cell", "row", "list", "table", "graphic", "ab", "div"}

BYTES_PER_CHAR = 20
"""An HTML page may hold this many bytes (markup included) per character of the ``max_chars`` budget."""

HTML_BUDGET: contextvars.ContextVar[tuple[int, int] | None] = contextvars.ContextVar("html_budget", default=None)
"""``(max_chars, max_paragraphs)`` for :func:`extract_html`, or None (no budget): set by ``run`` for a run."""

# start tags of elements that become paragraphs; counted in the raw page before it is parsed
_PARAGRAPH_TAG = re.compile(rb"<(?:p|li|tr|h[1-6]|blockquote|pre|dd|dt|br)[\s>/]", re.IGNORECASE)

# figcaptions inside site furniture are not the article's
_FURNITURE = {"nav", "aside", "footer", "header", "form"}


@dataclass
class Block:
    """A paragraph as read from the input, with a role known from markup (or None)."""

    text: str
    role: str | None = None


@dataclass
class HtmlExtraction:
    """What a page yields: its paragraphs and metadata."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None


def clean_inline(text: str) -> str:
    """NFC, runs of spaces collapsed, line breaks inside a paragraph kept as single newlines."""
    text = unicodedata.normalize("NFC", text)
    text = _WS.sub(" ", text)
    return _NL.sub("\n", text).strip()


def _element_text(el: etree._Element) -> str:
    return clean_inline("".join(el.itertext()))


def _body_blocks(body: etree._Element) -> list[str]:
    """Paragraph texts of trafilatura's XML body, in order; lists and tables split into items/rows."""
    out: list[str] = []

    def visit(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("list", "table") and len(el):
            # a list is its items, a table its rows
            for child in el:
                visit(child)
            return
        if tag in ("lb",):
            return
        if tag == "row":
            text = " | ".join(t for t in (_element_text(cell) for cell in el) if t)
        else:
            text = _element_text(el)
        if text:
            out.append(text)

    for child in body:
        visit(child)
    return out


def _figcaptions(tree: lxml.html.HtmlElement) -> list[tuple[str, etree._Element]]:
    caps = []
    for fc in tree.iter("figcaption"):
        if any(anc.tag in _FURNITURE for anc in fc.iterancestors()):
            continue
        text = clean_inline(fc.text_content())
        if text:
            caps.append((text, fc))
    return caps


_TEXT_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td"}


def _following_text_elements(el: etree._Element):
    """Text-bearing elements after ``el`` in document order (not inside it)."""
    inside = set(el.iter())
    seen_el = False
    for node in el.getroottree().iter():
        if node is el:
            seen_el = True
            continue
        if seen_el and node not in inside and node.tag in _TEXT_TAGS:
            yield node


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())[:60]


def _check_budget(html: bytes | str, path: str) -> None:
    """Raise ``over_budget`` when the raw page is over :data:`HTML_BUDGET` (a linear scan, in C)."""
    budget = HTML_BUDGET.get()
    if budget is None:
        return
    max_chars, max_paragraphs = budget
    raw = html if isinstance(html, bytes) else html.encode("utf-8", "surrogatepass")
    if len(raw) > max_chars * BYTES_PER_CHAR:
        raise ExtractionError(
            f"{path}: over the per-input budget: the page is {len(raw):,} bytes (max_chars is {max_chars:,}, "
            f"so at most {max_chars * BYTES_PER_CHAR:,} bytes of HTML); split it, or raise max_chars.",
            path=path, reason=SkipReason.OVER_BUDGET)
    n = sum(1 for _ in itertools.islice(_PARAGRAPH_TAG.finditer(raw), max_paragraphs + 1))
    if n > max_paragraphs:
        raise ExtractionError(
            f"{path}: over the per-input budget: the page holds more than {max_paragraphs:,} paragraph-like elements "
            f"(max_paragraphs); split it, or raise max_paragraphs.",
            path=path, reason=SkipReason.OVER_BUDGET)


def extract_html(html: bytes | str, *, url: str | None = None, path: str = "<html>") -> HtmlExtraction:
    """Extract an article's paragraphs and metadata from one HTML page.

    Args:
        html: the page, as bytes (encoding sniffed by trafilatura) or text.
        url: the page's address, when known (improves metadata and outlet).
        path: name of the input, for error messages.

    Returns:
        An :class:`HtmlExtraction` whose ``blocks`` are the main-text paragraphs,
        with figure captions marked ``role="caption"``.

    Raises:
        ExtractionError: (``no_content``) the page holds no article text; (``over_budget``) the page is
            over :data:`HTML_BUDGET` (too many bytes, or too many paragraph-like elements).
    """
    _check_budget(html, path)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            with_metadata=True,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            # only what the page itself declares: no guessing from free text
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise ExtractionError(
            f"{path}: trafilatura could not parse this page ({type(exc).__name__}: {exc}).",
            path=path,
            reason=SkipReason.MALFORMED,
        ) from exc
    if doc is None or getattr(doc, "body", None) is None:
        raise ExtractionError(
            f"{path}: no article text found in this HTML page (trafilatura found no main content). "
            "If it is an index or a login page, there is nothing to ingest.",
            path=path,
            reason=SkipReason.NO_CONTENT,
        )
    paragraphs = _body_blocks(doc.body)
    if not paragraphs:
        raise ExtractionError(
            f"{path}: no article text found in this HTML page.", path=path, reason=SkipReason.NO_CONTENT
        )
    blocks = [Block(p) for p in paragraphs]

    # figure captions, which trafilatura often drops
    language = None
    try:
        tree = lxml.html.fromstring(html if isinstance(html, bytes) else html.encode("utf-8"))
    except (etree.ParserError, ValueError):
        tree = None
    if tree is not None:
        language = normalize_language_tag(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
        keys = [_key(b.text) for b in blocks]
        for cap_text, fc in _figcaptions(tree):
            ck = _key(cap_text)
            hit = next((i for i, k in enumerate(keys) if k and (k == ck or (len(ck) > 20 and k.startswith(ck[:40])))), None)
            if hit is not None:
                blocks[hit].role = "caption"
                continue
            # place it before the first extracted paragraph that follows it in the page
            pos = len(blocks)
            for el in _following_text_elements(fc):
                fk = _key(clean_inline(el.text_content()))
                j = next((i for i, k in enumerate(keys) if k and fk and (fk.startswith(k[:30]) or k.startswith(fk[:30]))), None)
                if j is not None:
                    pos = j
                    break
            blocks.insert(pos, Block(cap_text, "caption"))
            keys.insert(pos, ck)

    return HtmlExtraction(
        blocks=blocks,
        title=clean_inline(doc.title) if doc.title else None,
        byline=clean_inline(doc.author) if doc.author else None,
        published=doc.date or None,
        sitename=clean_inline(doc.sitename) if doc.sitename else None,
        url=doc.url or url,
        language=language,
    )
