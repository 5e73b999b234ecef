"""Paragraph roles: every paragraph is ``title``, ``body``, ``caption`` or ``boilerplate``.

The classifier works on plain text as well as on paragraphs extracted from HTML,
so it cannot lean on markup. It solves *kinds* of publisher furniture rather
than strings of one outlet:

* **boilerplate**, by kind:
  ``url`` (a bare address or domain), ``breadcrumb`` (short items joined by
  ``/ > » › |``), ``cta`` (share buttons, app and newsletter promotion, mirror
  addresses, "read more", legal lines: a call-to-action lexicon), ``credits``
  ("Reporting by ...; Editing by ..."), ``symbols`` (no letters) and
  ``fragment``: a short non-sentence (no sentence-final punctuation, no quote)
  lying *outside* the article's run of sentences — before the first or after
  the last body paragraph (kickers, section labels, datelines, "Press TV News
  Roku" app badges). The same short line *inside* the run is a subheading: body.
* **caption**: a photo description, recognized by a photo marker ("In this file
  photo", "Photo:", "pictured"), or a trailing picture credit: one that names
  the picture ("(Photo: NAME / AGENCY)", "(AP Photo/...)", "(Getty Images)")
  on any paragraph, an agency-only one ("(By AFP)", "REUTERS/...") on a
  paragraph that describes a picture.
* **body** of kind ``table``: a wire item written as a table of figures — two
  or more short lines, nearly each a label with a figure ("Qtly div 35 cts vs
  35 cts prior / Payable March 31 / Record March nine", "Shr 25 cts vs 20 cts /
  Net 801,000 vs 703,000"). Dividend notices and earnings tables are real news
  items, often the whole story. Publisher furniture never reads so: its short
  lines are labels without figures (sections, kickers, "Related Topics"),
  dates alone ("Updated March 3, 10:45 GMT"), or contact lines ("Tel", "Fax"),
  and a table is judged as a whole block, never a lone line.
* **title**: the paragraph equal to the known title (whatever it looks like:
  "TALKING POINT/BANKAMERICA <BAC> EQUITY OFFER" is no breadcrumb); without one, the first
  headline-like paragraph before the body (../shared/cases/README.md: "Without a
  sidecar title, the first body-like paragraph is the title").

The block-by-block design with short blocks judged by their position follows
jusText (Pomikálek, *Removing Boilerplate and Duplicate Content from Web
Corpora*, 2011, ch. 3), adapted to text without links or markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)

# A paragraph made only of web addresses, domains or e-mail addresses.
_URLISH = re.compile(
    r"^(?:(?:https?://|www\.)\S+|[\w.-]+@[\w-]+(?:\.[\w-]+)+|(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?)$",
    re.IGNORECASE,
)
_BREADCRUMB_SEP = re.compile(r"\s*(?:/|>|»|›|\||::)\s*")

# Calls to action and furniture found across outlets: sharing, following,
# subscribing, app stores, mirrors, navigation and legal lines.
_CTA = re.compile(
    r"""\b(?:
        share\s+(?:this|on|via|the\s+story|article)|share\s*:|tweet\s+this|
        follow\s+(?:us|@|\w+(?:\s+\w+)?\s+on\s+(?:twitter|facebook|instagram|telegram|x|youtube|tiktok))|
        like\s+us\s+on|join\s+us\s+on|find\s+us\s+on|
        subscribe|sign\s+up\s+(?:for|to)|newsletter|
        download\s+(?:our|the)\b|get\s+(?:our|the)\s+app|
        (?:available|get\s+it)\s+on\s+(?:the\s+)?(?:app\s+store|google\s+play)|app\s+store|google\s+play|
        can\s+(?:also\s+)?be\s+accessed|alternate\s+address|mirror\s+site|
        click\s+here|read\s+(?:more|also|next|the\s+full)|see\s+also|also\s+read|
        related\s+(?:articles?|stories|news|topics|content|coverage)|more\s+from|most\s+(?:read|popular)|
        advertisement|sponsored\s+content|
        all\s+rights\s+reserved|copyright\s+(?:©\s*)?\d{4}|terms\s+of\s+(?:use|service)|
        privacy\s+policy|cookie\s+(?:policy|settings)|
        print\s+this|email\s+this|comments?\s*\(\d+\)|leave\s+a\s+comment|
        skip\s+to\s+(?:main\s+)?content|back\s+to\s+top
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A reported-speech sentence is article text even when it mentions "read more" or "subscribe".
_REPORTING = re.compile(r"\b(?:said|says|told|according\s+to|reported|announced|added)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}", re.IGNORECASE)
_CREDITS = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|edited)\s+by\b", re.IGNORECASE
)

# Captions. A photo marker near the start ...
_PHOTO_LEAD = re.compile(
    r"""^(?:
        (?:file\s+)?(?:photo|image|picture|caption|pictured|above|top|left|right|inset)s?\s*(?:\(\w+\))?\s*[:|—–-]|
        (?:\W*\w+\W+){0,2}?(?:this|a|the|an)\s+(?:undated\s+|handout\s+|file\s+|aerial\s+)*
            (?:photo(?:graph)?|picture|image|video\s+grab|screen\s*(?:shot|grab)|still)[\s,]+
            (?:taken|released|provided|made\s+available|distributed|obtained|shows|showing|dated|from|of|shared)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# ... or a picture credit at the end: "(By AFP)", "(AP Photo/Name)", "REUTERS/Name", "(Getty Images)".
_PHOTO_CREDIT = re.compile(
    r"""(?:
        \(\s*(?i:(?:photo|image|picture|pic)s?\s*(?:by|:|credit)|by|credit\s*:?|courtesy(?:\s+of)?|via)\s+[^()]{2,60}\)|
        \(\s*(?:[A-Z][\w.&-]*\s*){0,3}(?i:photo|images?|pool)(?:\s*/\s*[^()]{1,40})?\s*\)|
        \b[A-Z]{2,}(?:\s+[A-Z]{2,})?\s*/\s*[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,3}|
        \b(?i:photo)\s*:\s*\S.{0,60}|\(\s*(?:AFP|AP|Reuters|REUTERS|EPA|Getty|Xinhua|IRNA|Anadolu|WANA|UPI|DPA|TASS)\s*\)
    )\s*\.?\s*$""",
    re.VERBOSE,
)
# A credit that names a picture by itself: "(Photo: NAME / AGENCY)", "(Photo by NAME)", "(AP Photo/NAME)",
# "(Getty Images)", "Photo: NAME". It makes its paragraph a caption whatever the description says; the other
# credits ("(By AFP)", "(Reuters)", "REUTERS/Name", "(courtesy of ...)") also end reports and quotes, so they
# need a paragraph that describes a picture (_PICTURE_WORDS).
_NAMED_PICTURE = re.compile(r"\b(?:photo(?:graph)?s?|images?|pictures?|pics?)\b", re.IGNORECASE)
_PICTURE_WORDS = re.compile(
    r"\b(?:photo\w*|pictur\w*|image|is\s+seen|are\s+seen|seen\s+(?:during|at|in)|poses?|posing|gestur\w+|"
    r"looks\s+on|speaks\s+(?:during|at)|attends?|arriv\w+\s+(?:at|for))\b",
    re.IGNORECASE,
)

_BYLINE = re.compile(r"^\s*(?:by|words\s+by|written\s+by)\s+\S", re.IGNORECASE)
_DATE_ONLY = re.compile(
    r"^[\s,.\-–/]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{1,4}(?:st|nd|rd|th)?|"
    r"updated|published|[\s,.\-–/:]|\d{1,2}:\d{2}|[ap]\.?m\.?|gmt|utc)+$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"""[.!?…:;。！？]["'”’»)\]]*\s*$""")
_QUOTE = re.compile(r"""["“”«»„]""")

FRAGMENT_MAX_WORDS = 12
"""A paragraph with no sentence-final punctuation and at most this many words is a fragment."""

TITLE_MAX_WORDS = 30
"""A paragraph longer than this is never taken for an untitled article's headline."""


def _norm(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def boilerplate_kind(text: str) -> str | None:
    """Kind of boilerplate that ``text`` is whatever its position, or None.

    Returns one of "symbols", "url", "breadcrumb", "cta", "credits".
    """
    stripped = text.strip()
    words = _words(stripped)
    if not words and not any(ch.isdigit() for ch in stripped):
        return "symbols"
    if _URLISH.match(stripped.strip(" .,;")):
        return "url"
    if not _SENTENCE_END.search(stripped) and not _QUOTE.search(stripped):
        parts = [p for p in _BREADCRUMB_SEP.split(stripped) if p]
        if len(parts) >= 2 and all(len(_words(p)) <= 4 for p in parts) and _BREADCRUMB_SEP.search(stripped):
            return "breadcrumb"
    cta = _CTA.search(stripped)
    reported = _REPORTING.search(stripped) and _SENTENCE_END.search(stripped)
    if cta and not reported and (len(_words(stripped[: cta.start()])) <= 3 or len(words) <= 25):
        return "cta"
    if _COPYRIGHT.search(stripped) and len(words) <= 25:
        return "cta"
    if _CREDITS.match(stripped) and len(words) <= 30:
        return "credits"
    return None


def is_caption(text: str) -> bool:
    """True when ``text`` reads as a photo caption (marker or picture credit)."""
    stripped = text.strip()
    if _PHOTO_LEAD.match(stripped):
        return True
    credit = _PHOTO_CREDIT.search(stripped)
    if credit:
        head = stripped[: credit.start()]
        # a credit alone, a credit that names a picture, or a credit on a paragraph that describes a picture
        if not _words(head) or _NAMED_PICTURE.search(credit.group()) or _PICTURE_WORDS.search(stripped):
            return True
    return False


_FIGURE = re.compile(
    r"\d|\b(?:nil|vs|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"\b(?:tel|telephone|phone|fax|e-?mail|call|contact|hotline|whatsapp|p\.?o\.?\s*box)\b|@", re.IGNORECASE)
TABLE_ROW_MAX_WORDS = 8
"""A line of a figures table is at most this many words: a label and its figures."""


def _table_row(line: str) -> bool:
    words = _words(line)
    return (
        0 < len(words) <= TABLE_ROW_MAX_WORDS
        and _FIGURE.search(line) is not None
        and not _DATE_ONLY.match(line)
        and not _CONTACT.search(line)
        and boilerplate_kind(line) is None
    )


def is_figures_table(text: str) -> bool:
    """A wire item written as a table of figures: two or more lines, at least two thirds of them (and at least
    two) a short label with a figure, and a digit somewhere ("Qtly div 35 cts vs 35 cts prior / Payable March 31 /
    Record March nine")."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2 or not any(ch.isdigit() for ch in text):
        return False
    rows = sum(1 for line in lines if _table_row(line))
    return rows >= 2 and rows * 3 >= len(lines) * 2


def is_fragment(text: str) -> bool:
    """A short non-sentence: no sentence-final punctuation, no quotation, few words."""
    stripped = text.strip()
    return (
        len(_words(stripped)) <= FRAGMENT_MAX_WORDS
        and not _SENTENCE_END.search(stripped)
        and not _QUOTE.search(stripped)
    )


def _headline_like(text: str) -> bool:
    n = len(_words(text))
    if n == 0 or n > TITLE_MAX_WORDS:
        return False
    # a headline rarely ends in a full stop; a short one may
    return not re.search(r"[.!?]\s*$", text.strip()) or n <= 15


def classify_roles(
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    forced: Sequence[str | None] | None = None,
) -> list[tuple[str, str | None]]:
    """Give each paragraph a role and, where useful, the kind behind it.

    Args:
        paragraphs: the paragraph texts in reading order.
        title: the article's title when the input names it (sidecar, metadata,
            feed entry); the paragraph equal to it becomes the title.
        forced: per paragraph, a role already known from markup (e.g.
            ``"caption"`` for a ``<figcaption>``, ``"title"`` for a prepended
            headline), or None to classify.

    Returns:
        One ``(role, kind)`` pair per paragraph; ``role`` in
        :data:`newsledger.records.PARAGRAPH_ROLES`, ``kind`` None or a short
        reason such as ``"breadcrumb"``, ``"cta"``, ``"fragment"``, ``"photo"``.
    """
    n = len(paragraphs)
    forced = list(forced) if forced is not None else [None] * n
    roles: list[tuple[str, str | None] | None] = [None] * n

    for i, text in enumerate(paragraphs):
        if forced[i]:
            roles[i] = (forced[i], "markup")

    # The title: the paragraph equal to a known title, whatever it looks like; else the first headline-like one.
    has_title = any(r and r[0] == "title" for r in roles)
    if not has_title and title:
        want = _norm(title)
        for i, text in enumerate(paragraphs):
            if roles[i] is None and _norm(text) == want:
                roles[i] = ("title", None)
                has_title = True
                break

    for i, text in enumerate(paragraphs):
        if roles[i] is not None:
            continue
        kind = boilerplate_kind(text)
        if kind:
            roles[i] = ("boilerplate", kind)
        elif is_caption(text):
            roles[i] = ("caption", "photo")
        elif is_figures_table(text):
            roles[i] = ("body", "table")
    if not has_title and not title:
        open_ = [i for i in range(n) if roles[i] is None]
        sentence_idx = [i for i in open_ if not is_fragment(paragraphs[i])]
        # Only a headline when body text follows it; a lone paragraph is body.
        if len(open_) >= 2 and sentence_idx:
            first_sentence = sentence_idx[0]
            before = [
                i for i in open_
                if i < first_sentence and _headline_like(paragraphs[i])
                and not _BYLINE.match(paragraphs[i]) and not _DATE_ONLY.match(paragraphs[i])
            ]
            if before:
                # kickers and section labels are shorter than the headline they sit on
                chosen = max(before, key=lambda i: (len(_words(paragraphs[i])), -i))
                roles[chosen] = ("title", None)
            elif len(sentence_idx) >= 2 and re.search(r"[?!]\W*$", paragraphs[first_sentence].strip()) and _headline_like(paragraphs[first_sentence]):
                roles[first_sentence] = ("title", None)  # a question or exclamation headline

    # Fragments outside the run of body sentences are furniture; inside, subheadings.
    sentence_like = [i for i in range(n) if (roles[i] is None and not is_fragment(paragraphs[i])) or roles[i] == ("body", "table")]
    first_body = sentence_like[0] if sentence_like else n
    last_body = sentence_like[-1] if sentence_like else -1
    for i in range(n):
        if roles[i] is not None:
            continue
        if is_fragment(paragraphs[i]) and (i < first_body or i > last_body):
            roles[i] = ("boilerplate", "fragment")
        else:
            roles[i] = ("body", None)
    return [r for r in roles if r is not None]
