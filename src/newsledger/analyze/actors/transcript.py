"""Interview transcripts: speaker labels ("Q:", "A:", "WN:", "MARISOL DANTAS:") and who speaks each turn.

A label at the start of a line ("Q:", or in double brackets, as Wikinews
writes them: "((WN))") names the speaker of the line; it is not a mention
of an actor ("WN" is Wikinews' interviewer, "Q" a question). A text is a
transcript when at least two distinct labels open two lines each, or when both a
question label and an answer label open lines (``Q:``/``A:``); a label seen once
in a transcript is a turn too. A single "Update:" or "Note:" line never makes
a transcript. A bracketed label is never prose: one that opens two lines makes
the bracketed labels turns (an interview may mix "((WN))" with "NG:").

Who speaks a turn (:func:`speakers`):

* a label that is a person's name or part of it ("MARISOL DANTAS", "Dantas")
  is that person, when exactly one person of the text bears those words;
* an answer label ("A") is the interviewee: the one person named by the name
  labels, else the person the intro (the text before the first turn) mentions
  most;
* a question label ("Q") or a label naming the outlet ("COURIER" of the Carrow
  Courier, "WN" as an abbreviation of Wikinews, after Schwartz & Hearst 2003)
  is the interviewer: the outlet;
* anything else has no known speaker (None).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lexicons import ANSWER_LABELS, QUESTION_LABELS

_LABEL = re.compile(
    r"^[ \t]*(?P<label>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,3})[ \t]*:[ \t]+(?=\S)", re.M
)
"""A line opening with one to four capitalized words and a colon, followed by text on the same line."""

_BRACKETED = re.compile(r"^[ \t]*\(\([ \t]*(?P<label>[^()\n]{1,40}?)[ \t]*\)\)", re.M)
"""A line opening with a label in double brackets, as Wikinews writes its interviews ("((WN))", "((Zara Kay))")."""


@dataclass(frozen=True)
class Turn:
    """One labelled line: the label's character span (``start``, ``end``) and its normalized ``key``."""

    start: int
    end: int
    key: str


def label_key(text: str) -> str:
    """A label compared across lines: casefolded, dots dropped, spaces collapsed ("Q." → "q")."""
    return " ".join(text.replace(".", "").replace("’", "'").casefold().split())


def turns(text: str) -> list[Turn]:
    """The speaker labels of ``text`` when it is a transcript (see the module docstring), else []."""
    colon = [Turn(m.start("label"), m.end("label"), label_key(m.group("label"))) for m in _LABEL.finditer(text)]
    bracketed = [Turn(m.start("label"), m.end("label"), label_key(m.group("label"))) for m in _BRACKETED.finditer(text)]
    bracketed_turns = any(n >= 2 for n in Counter(t.key for t in bracketed).values())
    counts = Counter(t.key for t in colon + bracketed)
    repeated = [k for k, n in counts.items() if n >= 2]
    qa = bool(set(counts) & QUESTION_LABELS) and bool(set(counts) & ANSWER_LABELS)
    out = bracketed if bracketed_turns else []
    if len(repeated) >= 2 or qa:
        out = out + colon
    return sorted(out, key=lambda t: t.start)


def _abbreviates(label: str, name: str) -> bool:
    """True when ``label`` (2-5 capitals) is ``name``'s initials or an abbreviation of it ("WN": "Wikinews")."""
    if not (2 <= len(label) <= 5 and label.isalpha() and label.isupper()):
        return False
    words = name.split()
    if "".join(w[0] for w in words).upper() == label:
        return True
    low = name.casefold()
    if not low.startswith(label[0].casefold()):
        return False
    i = 1
    for ch in label[1:].casefold():
        i = low.find(ch, i) + 1
        if i == 0:
            return False
    return len(words) == 1  # a one-word name: its letters in order ("WN" in "WikiNews")


def speakers(text: str, found: list[Turn], people: list[tuple[int, tuple[str, ...], int]],
             outlet: str | None) -> dict[int, dict]:
    """Who speaks each turn: ``{label start: {"end", "label", "speaker", "actor"}}``.

    Args:
        text: the Doc's text (the article's text).
        found: the turns of :func:`turns`.
        people: person actors as ``(actor index, name tokens (casefolded), mentions in the intro)``.
        outlet: the article's outlet, or None.

    Returns:
        Per label (keyed by its start character offset): its ``end`` offset, the ``label``
        as written, the ``speaker``'s name (a person actor's index in ``actor``, or the
        outlet with ``actor`` None) or None when the text does not say.
    """
    if not found:
        return {}
    named: dict[str, int] = {}
    for t in found:
        words = set(t.key.split())
        if t.key in QUESTION_LABELS or t.key in ANSWER_LABELS:
            continue
        bearers = [i for i, toks, _ in people if words <= set(toks)]
        if len(bearers) == 1:
            named[t.key] = bearers[0]
    interviewee: int | None = None
    if len(set(named.values())) == 1:
        interviewee = next(iter(named.values()))
    elif people:
        ranked = sorted(people, key=lambda p: -p[2])
        if ranked[0][2] > 0 and (len(ranked) == 1 or ranked[0][2] > ranked[1][2]):
            interviewee = ranked[0][0]
    out: dict[int, dict] = {}
    for t in found:
        label = text[t.start:t.end]
        actor = speaker = None
        if t.key in named:
            actor = named[t.key]
        elif t.key in ANSWER_LABELS:
            actor = interviewee
        elif outlet and (t.key in QUESTION_LABELS or set(t.key.split()) <= set(label_key(outlet).split())
                         or _abbreviates(label, outlet)):
            speaker = outlet
        out[t.start] = {"end": t.end, "label": label, "speaker": speaker, "actor": actor}
    return out
