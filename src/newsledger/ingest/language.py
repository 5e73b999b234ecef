"""The language of an article's body text, for inputs that do not declare one (or declare one the text contradicts).

Detection uses py3langid (BSD-3-Clause; a fork of langid.py, Lui & Baldwin 2012, "langid.py: An
Off-the-shelf Language Identification Tool"): a naive Bayes model over byte n-grams of 97 languages,
shipped inside the package (nothing is fetched), loaded once, on first use (~1.5 s).

The result is used to skip what the pipeline cannot read (``unsupported_language``); it is not
stored as ``Article.language``, which holds what the input declares (DESIGN.md gives the field no
evidence to tell a guess from a declaration).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_LETTERS = 100
"""Fewer letters than this and the text is analyzed whatever it looks like.

langid-style byte n-gram models are unreliable on short strings: a headline with a few names
("Scholz, Macron and Xi met in Berlin") is often taken for German or Dutch. 100 letters is about
two sentences of English (or 100 Chinese characters, a short paragraph); below it, skipping an
English article by mistake would cost more than analyzing a foreign snippet.
"""

MIN_CONFIDENCE = 0.95
"""The least probability (normalized over the model's 97 languages) for a detected language to count."""

CONTRADICT_LETTERS = 400
CONTRADICT_CONFIDENCE = 0.99
"""A language the input declares is overruled only by a detection this sure, on at least this many letters.

Page templates declare ``lang="en"`` on pages of every language; a declaration stays trusted unless
the text clearly says otherwise.
"""

_SAMPLE = 20_000  # characters read: enough for a sure answer, bounded time on a book-length input


@dataclass(frozen=True)
class Detection:
    """A detected language: ``language`` (ISO 639-1, "de"), ``confidence`` (0-1), ``letters`` (how many were read)."""

    language: str
    confidence: float
    letters: int

    def describe(self) -> str:
        """``'de' (detected with confidence 0.99 on 1,204 letters``, for a message to close)."""
        return f"{self.language!r} (detected with confidence {self.confidence:.2f} on {self.letters:,} letters"


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Detection | None:
    """The language of ``text``, or None when the text is too short or the model is unsure.

    Args:
        text: body text (titles and boilerplate left out by the caller).

    Returns:
        A :class:`Detection` when ``text`` holds at least :data:`MIN_LETTERS`
        letters and the best language scores at least :data:`MIN_CONFIDENCE`;
        otherwise None (the caller analyzes the text).
    """
    sample = text[:_SAMPLE]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return None
    return Detection(language, confidence, letters)


def contradicts(declared: str, detection: Detection | None) -> bool:
    """Whether ``detection`` is sure enough to overrule the ``declared`` language (primary subtags differ)."""
    return (
        detection is not None
        and detection.language != declared.split("-")[0].lower()
        and detection.confidence >= CONTRADICT_CONFIDENCE
        and detection.letters >= CONTRADICT_LETTERS
    )
