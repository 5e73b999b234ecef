"""Reading TimeML 1.2.1 (``.tml``) and NewsReader CAT XML (MEANTIME) into texts with gold TIMEX3 spans.

Both readers return :class:`GoldDocument` objects: the plain text (markup
removed), the document creation time (DCT) and the gold TIMEX3 expressions as
character offsets into that text, so that any tagger can be run on the text and
scored against the gold (``evaluate.timex``).

Formats:

* TimeML 1.2.1 (Pustejovsky et al., TimeML annotation guidelines 1.2.1, 2006),
  as distributed in TempEval-3's TBAQ-cleaned (UzZaman et al., SemEval 2013):
  the ``<DCT>`` holds the creation time; the ``<TEXT>`` element holds the text
  with inline ``<TIMEX3>`` and ``<EVENT>`` tags.
* CAT XML as used by MEANTIME (Minard et al., LREC 2016): ``<token>`` elements
  with ``t_id`` and ``sentence``; ``<TIMEX3>`` markables point at tokens
  through ``<token_anchor t_id>``; the DCT is the TIMEX3 whose
  ``functionInDocument`` is ``CREATION_TIME``. The text is rebuilt from the
  tokens (title, dateline and body as three paragraphs; spaces restored by
  ordinary English detokenization rules), so offsets index the rebuilt text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET


@dataclass(frozen=True)
class GoldTimex:
    """One gold TIMEX3: character offsets into :attr:`GoldDocument.text` and its attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class GoldDocument:
    """A document of an evaluation set: its text, DCT (ISO 8601 date) and gold TIMEX3s."""

    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def _dct_value(value: str | None) -> str | None:
    """The DCT as an ISO date or datetime.

    TimeBank writes some as ``19980108``; one MEANTIME file (120578, "Automobile
    sales in the United States down sharply") writes ``03-02-2009`` for the
    dateline's "February 03, 2009": day-month-year, turned into ISO 8601 here.
    """
    if not value:
        return None
    value = value.strip()
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return value


def read_tml(path: str | Path) -> GoldDocument:
    """Read one TimeML file.

    Returns:
        A :class:`GoldDocument` whose text is the content of ``<TEXT>`` with
        every tag removed and whose timexes are the TIMEX3 elements inside it.

    Raises:
        ValueError: the file is not TimeML (no ``<TEXT>`` element) or not well-formed XML.
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not well-formed XML ({exc})") from exc
    dct = None
    for el in root.iter("TIMEX3"):
        if el.get("functionInDocument") == "CREATION_TIME":
            dct = _dct_value(el.get("value"))
            break
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element; is it TimeML?")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            text = "".join(parts)[start:pos]
            timexes.append(GoldTimex(start, pos, text, el.get("type", ""), el.get("value", ""), el.get("mod") or None))

    walk(text_el)
    text = "".join(parts)
    timexes = [GoldTimex(t.start, t.end, text[t.start : t.end], t.type, t.value, t.mod) for t in timexes]
    return GoldDocument(name=path.name, text=text, dct=dct, timexes=sorted(timexes, key=lambda t: t.start))


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "’s"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def read_cat(path: str | Path) -> GoldDocument:
    """Read one MEANTIME CAT XML file (English).

    MEANTIME annotates only the title, the dateline and the first sentences
    of each article (sentences 0-5), so the text is cut after the last
    sentence that holds any markable. It is rebuilt from the tokens: sentence
    0 (the title), sentence 1 (the dateline) and the body become three
    paragraphs separated by blank lines (a file without a CREATION_TIME takes
    the dateline's date as DCT); inside a paragraph tokens are joined by one space except before
    closing punctuation and clitics and after opening brackets and currency
    signs. Timexes without token anchors (annotator-added values) are left out.

    Raises:
        ValueError: the file is not well-formed XML or has no tokens.
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not well-formed XML ({exc})") from exc
    tokens = root.findall("token")
    if not tokens:
        raise ValueError(f"{path}: no <token> elements; is it CAT XML?")
    sentence_of = {tok.get("t_id"): int(tok.get("sentence", "0")) for tok in tokens}
    # MEANTIME annotates the title, the dateline and the first sentences only: keep the text up to the last
    # sentence holding any markable, so that expressions in unannotated sentences are not counted as errors
    markables_el = root.find("Markables")
    annotated = [sentence_of.get(a.get("t_id"), 0) for el in (markables_el if markables_el is not None else ()) for a in el.findall("token_anchor")]
    last_sentence = max(annotated) if annotated else None
    if last_sentence is not None:
        tokens = [tok for tok in tokens if int(tok.get("sentence", "0")) <= last_sentence]
    offsets: dict[str, tuple[int, int]] = {}
    out: list[str] = []
    pos = 0
    prev_sentence = None
    prev_tok = None
    for tok in tokens:
        word = tok.text or ""
        sentence = int(tok.get("sentence", "0"))
        if prev_sentence is None:
            sep = ""
        elif sentence != prev_sentence and (prev_sentence <= 1 or sentence == 1):
            sep = "\n\n"
        elif word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        out.append(sep)
        pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        out.append(word)
        pos += len(word)
        prev_sentence, prev_tok = sentence, word
    text = "".join(out)
    dct = None
    dateline = None
    timexes = []
    markables = root.find("Markables")
    for el in (markables.iter("TIMEX3") if markables is not None else ()):
        anchors = [a.get("t_id") for a in el.findall("token_anchor")]
        if el.get("functionInDocument") == "CREATION_TIME":
            dct = _dct_value(el.get("value"))
        if not anchors:
            continue
        if dateline is None and el.get("type") == "DATE" and all(sentence_of.get(a) == 1 for a in anchors):
            dateline = _dct_value(el.get("value"))
        spans = [offsets[a] for a in anchors if a in offsets]
        if not spans:
            continue
        s, e = min(x[0] for x in spans), max(x[1] for x in spans)
        timexes.append(GoldTimex(s, e, text[s:e], el.get("type", ""), el.get("value", ""), el.get("mod") or None))
    # two MEANTIME files mark no CREATION_TIME: their Wikinews dateline (sentence 1) is the publication date
    return GoldDocument(name=path.name, text=text, dct=dct or dateline, timexes=sorted(timexes, key=lambda t: t.start))


def read_folder(folder: str | Path) -> list[GoldDocument]:
    """Every ``.tml`` file (TimeML) or, failing that, every CAT ``.xml`` file under ``folder``, sorted by path.

    Raises:
        ValueError: the folder holds neither.
    """
    folder = Path(folder)
    tml = sorted(folder.rglob("*.tml"))
    if tml:
        return [read_tml(p) for p in tml]
    cat = sorted(folder.rglob("*.xml"))
    if cat:
        return [read_cat(p) for p in cat]
    raise ValueError(f"{folder}: no TimeML (.tml) or CAT XML (.xml) files found.")
