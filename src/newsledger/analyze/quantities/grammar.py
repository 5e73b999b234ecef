"""Finding the numbers a text reports, token by token: number, range, modifier, unit, counted noun, what is counted.

A small grammar over spaCy tokens and the dependency parse (ClearNLP labels,
Penn Treebank tags, as ``analyze.syntax`` says), with the words in
``data/lexicon.json``:

* a **number**: digits ("11", "2,000", "1.5"), number words ("eleven", "twenty-four",
  "two hundred and fifty", "two dozen"), digits with a scale ("1.5 million", "$3.5m", "3.5bn"),
  "and a half"; a plural round number ("dozens", "hundreds", "tens of thousands") is a low bound only;
* a **range**: "between 10 and 15", "10-15", "10 to 15", "two or three" (low < high, else not a range:
  "3-1" is a score and is left out);
* a **modifier** before it (TimeML ``mod``: "about" APPROX, "at least" EQUAL_OR_MORE, "more than"
  MORE_THAN, "up to" EQUAL_OR_LESS, "less than" LESS_THAN; "nearly" and "almost" are APPROX, as the
  brief of issue 18 asks: a reported "nearly two miles" is a rounded distance, not a bound) or after it
  ("or more", "or so");
* a **unit** after it (distances to metres, masses to kilograms, ...), or a currency before or after it
  (ISO 4217);
* else the **counted noun**: the noun the number modifies ("14 people", "two storage tanks"), or the
  noun after "of" ("dozens of people"); people when it is a noun of people;
* else a verb of the lexicon that takes the number as its object or subject ("arrested 3", "injuring dozens").

``counts`` (what is counted) for people comes from the noun itself ("11 bodies" → dead), a word beside
it ("14 people dead", "people killed"), the verb that governs it ("killing at least 11 people" → dead,
"injuring five workers" → injured; a transitive verb only through its object or passive subject) or, for
"rose to 13", the subject of the verb ("the death toll"). Measures count their dimension ("distance"),
money "money". Nothing found: ``counts`` stays None (unknown).

Left out, as not counted quantities (numbers the text uses as labels, ages, shares or times): numbers in
names ("Apollo 11", "Boeing 737": a proper noun before, a name entity around), after label words ("No. 5",
"Flight 370", "aged 45"), before "%"/"percent", "-year-old", "pm", ordinals ("11th"), list numbering (a
number opening a paragraph before "." or ")"), scores ("3-1"), phone numbers ("555-1234": no counted noun),
years (1800-2100 in four digits with nothing counted after them), and every number inside a date, time or
duration timex (durations become quantities from their timex, see :mod:`.component`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..syntax import NOUN_TAGS, VERB_TAGS, lemma
from .lexicon import (
    DIGIT_RANGE, DIGITS, DIGITS_WITH_SUFFIX, NumberBuilder, currency_code, digits_value, lexicon, modifier_of,
    person_nouns, place_value, scale_of, units, vague_low, word_number,
)

NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW", "GPE", "LOC", "NORP"})
"""NER labels (OntoNotes 5.0) of names: a number inside one is part of the name ("Apollo 11")."""

TIME_UNITS = re.compile(r"^(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|yrs?"
                        r"|decades?|centuries|century|times?|o'clock|am|pm|a\.m\.|p\.m\.)$")
"""Nouns of time: a number before them is a timex's business (durations, clock times) or a frequency."""

TRANSITIVE_ONLY = frozenset({"kill", "injure", "wound", "hurt", "arrest", "detain", "apprehend", "jail", "imprison", "charge",
                             "convict", "displace", "evacuate", "rescue", "kidnap", "abduct", "infect", "strand", "trap",
                             "sentence", "deport", "hospitalize", "hospitalise", "murder", "slay", "execute"})
"""Verbs whose active subject does the deed: "gunmen killed five" counts the five, never the gunmen."""

RISE_VERBS = frozenset({"rise", "climb", "reach", "stand", "increase", "jump", "hit", "grow", "mount", "soar", "top"})
"""Verbs of a running total: "the death toll rose to 13" counts what its subject names."""


@dataclass
class Found:
    """One quantity found in a Doc (token indices; see :func:`find_quantities` for the fields written to ``doc._``)."""

    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    precision: float | None = None
    mod: str | None = None
    unit: str | None = None
    original_unit: str | None = None
    counts: str | None = None
    head: int | None = None
    dimension: str | None = None

    def as_dict(self, doc: Doc) -> dict[str, Any]:
        """Char offsets and fields as plain data (what ``doc._.quantities`` holds)."""
        head = doc[self.head] if self.head is not None else doc[self.end - 1]
        return {
            "start": doc[self.start].idx, "end": doc[self.end - 1].idx + len(doc[self.end - 1]),
            "value": self.value, "low": self.low, "high": self.high, "precision": self.precision, "mod": self.mod,
            "unit": self.unit, "original_unit": self.original_unit, "counts": self.counts,
            "path": [[t.idx, t.idx + len(t)] for t in [head, *head.ancestors]],
        }


@dataclass
class _Number:
    """A number phrase: tokens ``[start, end)``, its value (or ``low`` bound for "dozens"), precision, the
    letters fused to its digits (``suffix``: "km" of "10km", "m" of "$3.5m") and its last ``scale`` ("hundred")."""

    start: int
    end: int
    value: float | None
    precision: float | None
    low: float | None = None
    suffix: str | None = None
    scale: float | None = None


def _is_number_word(t: Token) -> bool:
    w = t.lower_
    return word_number(w) is not None or w in ("hundred", "thousand", "million", "billion", "trillion", "dozen")


def read_number(doc: Doc, i: int, limit: int) -> _Number | None:
    """The number phrase starting at token ``i`` (not past ``limit``), or None.

    Digits may take scale words ("1.5 million") and one scale abbreviation
    ("3.5bn", "$3.5m"); number words join with hyphens and, after a scale,
    "and" ("two hundred and fifty"); "and a half" adds 0.5.
    """
    t = doc[i]
    text = t.text
    fused = DIGITS_WITH_SUFFIX.match(text)
    if t.lower_ in ("tens", "hundreds") and i + 2 < limit and doc[i + 1].lower_ == "of" \
            and doc[i + 2].lower_ in ("thousands", "millions"):
        # "tens of thousands" (at least 20,000), "hundreds of thousands" (at least 200,000)
        return _Number(i, i + 3, None, None, low=(20.0 if t.lower_ == "tens" else 200.0) * vague_low(doc[i + 2].lower_) / 2)
    if t.lower_ == "tens":
        return None
    if vague_low(t.lower_) is not None:
        return _Number(i, i + 1, None, None, low=vague_low(t.lower_))
    b = NumberBuilder()
    j = i
    after_digits = False
    if DIGITS.match(text):
        v, p = digits_value(text)
        b.add(v, p)
        j = i + 1
        after_digits = True
    elif fused:
        v, p = digits_value(fused.group(1))
        b.add(v, p)
        suffix = fused.group(2).lower()
        s = scale_of(suffix, after_digits=True)
        if s and suffix not in ("m", "k"):
            b.scale(s, big=s >= 1000)
            return _Number(i, i + 1, b.value, b.precision)
        return _Number(i, i + 1, b.value, b.precision, suffix=suffix)
    elif t.lower_ in ("a", "an") and i + 1 < limit and doc[i + 1].lower_ in ("hundred", "thousand", "million", "billion", "dozen"):
        j = i + 1
    elif word_number(t.lower_) is not None or t.lower_ in ("dozen",):
        pass
    else:
        return None
    while j < limit:
        w = doc[j].lower_
        if word_number(w) is not None and not after_digits:
            b.add(word_number(w), place_value(word_number(w)))  # "twelve": 1, "twenty": 10
            j += 1
        elif w == "dozen":
            base = b.current or 1.0
            b.current = base * 12
            b.precision = 12.0 * (b.precision or 1.0) if b.parts else 12.0
            b.parts += 1
            j += 1
        elif scale_of(w, after_digits=after_digits and j == i + 1) is not None and w not in ("m", "k"):
            s = scale_of(w, after_digits=True)
            b.scale(s, big=s >= 1000)
            j += 1
            after_digits = False
        elif w in ("-", "–") and j > i and _is_number_word(doc[j - 1]) and j + 1 < limit and word_number(doc[j + 1].lower_) is not None:
            j += 1  # "twenty-four"
        elif w == "and" and j + 2 < limit and doc[j + 1].lower_ == "a" and doc[j + 2].lower_ == "half" and b.parts:
            b.add(0.5, 0.5)
            j += 3
        elif w == "and" and j > i and doc[j - 1].lower_ in ("hundred", "thousand", "million") and j + 1 < limit \
                and word_number(doc[j + 1].lower_) is not None:
            j += 1  # "two hundred and fifty"
        else:
            break
    if b.parts == 0:
        return None
    if doc[j - 1].lower_ in ("-", "and"):
        j -= 1
    return _Number(i, j, b.value, b.precision, scale=b.last_scale)


def _words_before(doc: Doc, i: int, sent_start: int, n: int = 3) -> list[str]:
    return [doc[k].lower_ for k in range(max(sent_start, i - n), i)]


def _match_after(doc: Doc, j: int, limit: int, table: dict[str, Any], n: int = 3) -> tuple[str, int] | None:
    """Longest key of ``table`` written at tokens ``j..`` (lower case, one space between words, none where the
    text has none: "km/h" is three tokens)."""
    for k in range(n, 0, -1):
        if j + k <= limit:
            key = " ".join("".join(doc[x].text_with_ws for x in range(j, j + k)).lower().split())
            if key in table:
                return key, k
    return None


def _excluded_context(doc: Doc, num: _Number, sent: Span) -> bool:
    """True when the number is a label, an age, a share, a time, a name's number or list numbering."""
    lex = lexicon()
    first, last = doc[num.start], doc[num.end - 1]
    if first.i > sent.start:
        prev = doc[first.i - 1]
        if prev.lower_ in lex["excluded_before"]:
            return True
        if prev.tag_ in ("NNP", "NNPS") and prev.text[:1].isupper() and (prev.ent_type_ not in ("", "CARDINAL", "MONEY", "QUANTITY")
                                                                         or not (prev.is_title or prev.is_upper)):
            return True  # a name's number: "Apollo 11" (in an entity), "CentOS 8" (a camel-case name)
        if prev.tag_ == "NNP" and prev.dep_ != "compound" and last.dep_ in ("nummod", "appos") and last.head.i == prev.i:
            return True  # "Apollo 11": the number modifies the name
    if any(doc[k].ent_type_ in NAME_LABELS for k in range(num.start, num.end)):
        return True
    if num.end < len(doc):
        after = doc[num.end]
        after2 = " ".join(doc[k].lower_ for k in range(num.end, min(num.end + 2, len(doc))))
        if after.lower_ in lex["excluded_after"] or after2 in lex["excluded_after"] or after.text.startswith("-year"):
            return True
        if after.text in ("-", "–") and num.end + 1 < len(doc) and doc[num.end + 1].lower_ in ("year", "years", "month", "day", "week"):
            return True  # "45-year-old", "three-day" (a timex or an age)
        if after.tag_ == "NNP" and not after.ent_type_ == "NORP" and after.is_title and num.suffix is None:
            return True  # "10 Downing Street"
    if first.i >= sent.start + 2 and doc[first.i - 1].lower_ in ("in", "out") and doc[first.i - 2].like_num:
        return True  # "one in three": odds
    if first.i >= sent.start + 2 and doc[first.i - 1].text == "," and doc[first.i - 2].ent_type_ == "PERSON" \
            and num.end < len(doc) and doc[num.end].text in (",", ")") and num.end - num.start == 1:
        return True  # "Dinualdo Gutierrez, 79, died": an age after a name
    # list numbering: a paragraph opening with "1." or "2)"
    if num.start == sent.start and num.end < len(doc) and doc[num.end].text in (".", ")"):
        return True
    # a bare year
    if num.value is not None and 1800 <= num.value <= 2100 and num.value == int(num.value) and "," not in first.text \
            and DIGITS.match(first.text) and num.end - num.start == 1:
        return True
    return False


def _currency_before(doc: Doc, i: int, sent_start: int, locale: str | None) -> tuple[str | None, int] | None:
    """``(ISO 4217 code or None, tokens)`` of a currency symbol or code written just before token ``i``."""
    syms = lexicon()["currency_symbols"]
    if i - 1 >= sent_start:
        w = doc[i - 1].lower_
        if w in syms:
            if i - 2 >= sent_start and doc[i - 2].lower_ in ("us", "u.s.") and w == "$":
                return "USD", 2
            return currency_code(syms[w], locale), 1
    return None


def _noun_of(doc: Doc, num: _Number, limit: int) -> Token | None:
    """The counted noun of a number: the noun it modifies, or the noun after "of"; None when there is none."""
    last = doc[num.end - 1]
    t = last
    if t.dep_ == "conj" and t.head.i < num.start and t.head.like_num:
        t = t.head  # "between 10 and 15 people": the range's first number carries the noun
    seen = set(range(num.start, num.end)) | {t.i}
    for _ in range(4):
        if t.dep_ in ("nummod", "compound", "quantmod", "amod") and t.head.i in seen:
            t = t.head
            continue
        break
    if t.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod") and t.head.i >= num.end and t.head.i - num.end <= 4 \
            and (t.head.tag_ in NOUN_TAGS | {"NNPS"} or t.head.lower_ in ("dead", "injured", "wounded", "missing")) \
            and not any(doc[k].is_punct for k in range(num.end, t.head.i)):
        return t.head
    # "dozens of people", "11 of the passengers"
    for c in doc[num.end - 1].children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == num.end:
            for p in c.children:
                if p.dep_ == "pobj" and p.tag_ in NOUN_TAGS | {"NNPS"}:
                    return p
    # "11 dead", "dozens more injured": an adjective right after
    j = num.end
    if j < limit and doc[j].lower_ == "more":
        j += 1
    if j < limit and doc[j].lower_ in lexicon()["count_nouns"] and doc[j].lower_ in ("dead", "injured", "wounded", "missing"):
        return doc[j]
    if j < limit and doc[j].tag_ in NOUN_TAGS and j == num.end and doc[j].head.i == num.end - 1:
        return doc[j]  # a parse that hangs the noun under the number
    return None


def _count_word(t: Token) -> str | None:
    words = lexicon()["count_words"]
    return words.get(lemma(t)) or words.get(t.lower_)


def _counts_of_people(doc: Doc, noun: Token | None, anchor: Token, num: _Number, sent: Span) -> str | None:
    """What a count of people counts (see the module docstring), or None."""
    nouns = lexicon()["count_nouns"]
    start = noun if noun is not None else anchor
    # the counted word is itself the state: "dozens more injured", "11 dead" (before any governing word: in
    # "leaving 14 people dead and dozens more injured" the parse hangs "dozens" under "dead")
    if noun is not None and noun.tag_ in ("JJ", "VBN") and _count_word(noun):
        return _count_word(noun)
    # a word beside the noun: "people killed", "injured workers", "lives saved", "14 people dead"
    if noun is not None:
        for c in noun.children:
            # beside the noun only: a parse that hangs "injured" of "56 deaths and over 200 people injured" on "deaths"
            # must not make the deaths injured
            if c.dep_ in ("amod", "acl", "relcl") and c.tag_ in VERB_TAGS | {"JJ"} and -3 <= c.i - noun.i <= 2:
                found = _count_word(c)
                if found:
                    return found
    by_verb = _counts_by_verb(doc, noun, start, num, sent)
    if by_verb is not None:
        return by_verb  # "two of the injured died": dead; "14,000 lives were saved": rescued
    return nouns.get(noun.lower_) if noun is not None else None  # "11 bodies": dead


def _counts_by_verb(doc: Doc, noun: Token | None, start: Token, num: _Number, sent: Span) -> str | None:
    """What the words after a count, or the verb governing it, say is counted (see :func:`_counts_of_people`)."""
    after = (noun.i + 1) if noun is not None else num.end
    for k in range(after, min(after + 3, sent.end)):
        if doc[k].lower_ == "more":
            continue
        if doc[k].lower_ == "in" and k + 1 < sent.end and doc[k + 1].lower_ in ("hospital", "hospitals"):
            return "hospitalized"  # "dozens more in hospital"
        if doc[k].tag_ in ("JJ", "VBN") and _count_word(doc[k]):
            return _count_word(doc[k])
        break
    # the governing verb
    t = start
    for _ in range(4):
        h = t.head
        if h.i == t.i or not (sent.start <= h.i < sent.end):
            break
        if t.dep_ in ("conj", "cc") and h.tag_ in NOUN_TAGS:
            t = h
            continue
        if h.tag_ in VERB_TAGS | {"JJ", "NN"}:
            word = _count_word(h)
            lem = lemma(h)
            if word:
                if t.dep_ in ("dobj", "nsubjpass", "pobj", "attr", "oprd", "npadvmod", "conj", "appos", "dative"):
                    return word
                if t.dep_ == "prep" and t.lower_ in ("including", "among"):
                    return word  # "killed at least 62, including 54 small children"
                if t.dep_ == "nsubj" and (lem not in TRANSITIVE_ONLY or h.tag_ == "VBN"):
                    return word
            if lem == "leave":  # "leaving 14 people dead"
                for c in h.children:
                    if c.i != t.i and c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl", "amod", "dobj") and _count_word(c):
                        return _count_word(c)
            if lem in RISE_VERBS:
                for c in h.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        for s in c.subtree:
                            if _count_word(s):
                                return _count_word(s)
            if h.tag_ in VERB_TAGS and t.dep_ not in ("prep", "pobj"):
                break
        t = h
    return None


def _governing_count(doc: Doc, num: _Number, sent: Span) -> str | None:
    """For a number with no noun: what the verb taking it as object or subject counts ("arrested 3")."""
    t = doc[num.end - 1]
    for _ in range(3):
        if t.dep_ in ("nummod", "compound", "quantmod") and num.start <= t.head.i < num.end:
            t = t.head
        else:
            break
    return _counts_of_people(doc, None, t, num, sent)


def _range_after(doc: Doc, num: _Number, limit: int) -> _Number | None:
    """The high end of a range written after ``num`` ("-15", "to 15", "or three"), or None."""
    j = num.end
    if j + 1 >= limit or doc[j].lower_ not in ("-", "–", "to", "or") or num.value is None:
        return None
    if doc[j].lower_ == "to" and num.start > 0 and doc[num.start - 1].lower_ == "from":
        return None  # "rose from 11 to 13": two values, not a range
    hi = read_number(doc, j + 1, limit)
    if hi is None or hi.value is None:
        return None
    return hi


def find_quantities(doc: Doc, *, locale: str | None = None) -> list[Found]:
    """Every quantity the grammar finds in ``doc``, in text order (tokens; see the module docstring).

    Numbers inside timexes are not removed here: the component does that
    against the timex records.
    """
    out: list[Found] = []
    unit_table = units()
    currency_words = lexicon()["currency_words"]
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            t = doc[i]
            rng = DIGIT_RANGE.match(t.text)
            if rng:
                lo, hi = float(rng.group(1)), float(rng.group(2))
                num = _Number(i, i + 1, None, None)
                high_num = _Number(i, i + 1, hi, digits_value(rng.group(2))[1]) if lo < hi else None
                num.value, num.precision = (lo, digits_value(rng.group(1))[1]) if high_num else (None, None)
                if high_num is None:
                    i += 1
                    continue
            else:
                num = read_number(doc, i, sent.end)
                if num is None:
                    i += 1
                    continue
                high_num = None
            found = _build(doc, num, high_num, sent, locale, unit_table, currency_words)
            i = max(i + 1, (found.end if found else num.end))
            if found is not None:
                out.append(found)
    return out


def _build(doc: Doc, num: _Number, high_num: _Number | None, sent: Span, locale: str | None,
           unit_table: dict, currency_words: dict) -> Found | None:
    """A :class:`Found` for the number phrase ``num`` (with its range, modifier, unit, noun), or None when left out."""
    if high_num is None and num.low is None:
        hi = _range_after(doc, num, sent.end)
        unscaled = (num.value, num.precision)
        if hi is not None and hi.scale and num.scale is None and num.value * hi.scale < hi.value:
            # "two to three hundred", "2 to 3 million": the high end's scale is the low end's too
            num.value, num.precision = num.value * hi.scale, (num.precision or 1.0) * hi.scale
        if hi is not None and num.value < hi.value and not (doc[num.end].lower_ == "or" and (hi.value - num.value) / (hi.scale or 1) > 5):
            phone = doc[num.end].text in ("-", "–") and len(doc[num.start].text) == 3 and len(doc[hi.start].text) == 4
            if phone:
                return None
            high_num = hi
        elif hi is not None and doc[num.end].text in ("-", "–"):
            return None  # "3-1": a score
        if high_num is None:
            num.value, num.precision = unscaled
    span_start, span_end = num.start, (high_num.end if high_num and high_num.end > num.end else num.end)
    if _excluded_context(doc, num, sent) or (high_num is not None and high_num.end > num.end and
                                             _excluded_context(doc, high_num, sent)):
        return None
    if doc[num.start].lower_ in ("one", "a", "an") and num.end - num.start == 1:
        # "one of them", "one" as a pronoun: only "one person", "one tank"
        if not (num.end < sent.end and doc[num.end].tag_ in NOUN_TAGS and doc[num.start].head.i == num.end):
            return None
    f = Found(span_start, span_end)
    if high_num is not None:
        f.low, f.high, f.precision = num.value, high_num.value, min(num.precision or 1, high_num.precision or 1)
    elif num.low is not None:
        f.low, f.mod = num.low, "APPROX"
    else:
        f.value, f.precision = num.value, num.precision
    # "between 10 and 15"
    words = _words_before(doc, num.start, sent.start)
    if words and words[-1] == "between" and high_num is None:
        j = num.end
        if j + 1 < sent.end and doc[j].lower_ == "and":
            hi = read_number(doc, j + 1, sent.end)
            if hi is not None and hi.value is not None and num.value is not None and num.value < hi.value:
                f.low, f.high, f.value = num.value, hi.value, None
                f.precision = min(num.precision or 1, hi.precision or 1)
                f.start, f.end = num.start - 1, hi.end
                high_num = hi
    # the modifier before (and before a currency symbol: "over $850,000")
    cur = _currency_before(doc, num.start, sent.start, locale)
    lead = num.start if f.start == num.start else f.start
    if cur is not None and lead == num.start:
        lead -= cur[1]
    words = _words_before(doc, lead, sent.start)
    mod = modifier_of(words)
    if mod is not None and f.mod is None:
        f.mod = mod[0]
        f.start = lead - mod[1]
    elif mod is not None:
        f.start = lead - mod[1]
    tail = span_end if high_num is None else max(span_end, high_num.end)
    tail = max(tail, f.end)
    # money: a symbol or code before, a currency word after, a scale abbreviation fused
    scale_after = None
    if num.suffix in ("m", "k") and cur is not None:
        scale_after = 1e6 if num.suffix == "m" else 1e3
    elif tail < sent.end and cur is not None and doc[tail].lower_ in ("m", "k", "bn", "mn") and doc[tail].idx == doc[tail - 1].idx + len(doc[tail - 1]):
        scale_after = {"m": 1e6, "k": 1e3, "bn": 1e9, "mn": 1e6}[doc[tail].lower_]
        tail += 1
    if cur is not None:
        f.unit, f.original_unit, f.dimension, f.counts = cur[0], doc[num.start - 1].text, "money", "money"
        f.start = min(f.start, num.start - cur[1])
    else:
        hit = _match_after(doc, tail, sent.end, currency_words)
        if hit is not None:
            f.unit, f.original_unit, f.dimension, f.counts = currency_code(currency_words[hit[0]], locale), hit[0], "money", "money"
            tail += hit[1]
    if scale_after:
        for name in ("value", "low", "high", "precision"):
            if getattr(f, name) is not None:
                setattr(f, name, getattr(f, name) * scale_after)
    hyphen = tail + 1 < sent.end and doc[tail].text in ("-", "–") and doc[tail].idx == doc[tail - 1].idx + len(doc[tail - 1])
    if f.dimension is None:
        unit_hit = None
        if num.suffix and num.suffix in unit_table and high_num is None:
            unit_hit = (num.suffix, 0)
        elif hyphen and _match_after(doc, tail + 1, sent.end, unit_table) is not None:
            unit_hit = _match_after(doc, tail + 1, sent.end, unit_table)  # "a 22-mile race", "35-km"
            tail += 1
        else:
            unit_hit = _match_after(doc, tail, sent.end, unit_table)
            if unit_hit is None and tail + 1 < sent.end and doc[tail].lower_ == "of" and num.low is not None:
                unit_hit = _match_after(doc, tail + 1, sent.end, unit_table)  # "thousands of miles"
                if unit_hit is not None:
                    tail += 1
            if unit_hit is not None and unit_hit[0] == "m" and not DIGITS.match(doc[tail - 1].text):
                unit_hit = None  # "m" is the metre only after digits
        if unit_hit is not None:
            u = unit_table[unit_hit[0]]
            for name in ("value", "low", "high", "precision"):
                if getattr(f, name) is not None:
                    setattr(f, name, getattr(f, name) * u.factor)
            f.unit, f.original_unit, f.dimension, f.counts = u.canonical, u.written, u.dimension, u.dimension
            tail += unit_hit[1]
    if num.suffix and f.dimension is None:
        return None  # "5x", an unknown suffix
    if f.dimension is None:
        if hyphen:
            return None  # "ten-storey", "55-member": a number inside a compound adjective
        if tail < sent.end and TIME_UNITS.match(doc[tail].lower_):
            return None  # durations, clock times, frequencies: the timex component's
        if tail + 1 < sent.end and doc[tail].text in ("-", "–") and TIME_UNITS.match(doc[tail + 1].lower_):
            return None
        noun = _noun_of(doc, high_num or num, sent.end)
        if noun is not None and (TIME_UNITS.match(noun.lower_) or noun.lower_ in lexicon()["fraction_nouns"]
                                 or any(c.isdigit() for c in noun.text)):
            return None  # a time unit, a fraction ("two-thirds"), a number in a compound ("230-to-198")
        if noun is not None and noun.i + 1 < sent.end and doc[noun.i + 1].lower_ == "per":
            return None  # a rate: "18.9 deaths per 100,000 people"
        if noun is not None and noun.lower_ in lexicon()["magnitude_nouns"] and f.value is not None \
                and "." in doc[num.start].text:
            f.unit = f.counts = f.dimension = "magnitude"  # "a 6.4 quake"
            f.head = noun.i
            noun = None
        elif noun is not None and noun.lower_ in lexicon()["empty_nouns"]:
            return None  # "one thing people remember"
        elif noun is not None and noun.tag_ == "NN" and f.value is not None and f.value != 1 and noun.lower_ not in person_nouns():
            return None  # a singular noun after a number other than one counts nothing: "a CentOS 8 system", "under 1 end"
        if f.dimension == "magnitude":
            f.end = max(f.end, f.head + 1) if f.head - f.end <= 2 else f.end
        elif noun is not None:
            f.head = noun.i
            people = (noun.lower_ in person_nouns() or lemma(noun) in person_nouns() or noun.ent_type_ == "NORP"
                      or noun.lower_ in lexicon()["count_nouns"])
            if people:
                f.unit, f.dimension = "people", "people"
                f.counts = _counts_of_people(doc, noun, noun, num, sent)
            elif f.value == 1 and noun.tag_ == "NN":
                return None  # "on one occasion", "one request I have": a single thing is not a reported figure
            else:
                f.unit, f.dimension = lemma(noun), "count"
                f.counts = None
            if noun.i >= f.end and noun.i - f.end <= 3:
                f.end = max(f.end, noun.i + 1)
        else:
            counts = _governing_count(doc, high_num or num, sent)
            if counts is None:
                return None
            f.unit, f.dimension, f.counts = "people", "people", counts
    f.end = max(f.end, tail)
    # "or more", "or so" after
    if f.end + 1 < sent.end and doc[f.end].lower_ == "or" and f.mod is None:
        nxt = doc[f.end + 1].lower_
        mod = {"more": "EQUAL_OR_MORE", "so": "APPROX", "fewer": "EQUAL_OR_LESS", "less": "EQUAL_OR_LESS"}.get(nxt)
        if mod:
            f.mod = mod
    if f.head is None:
        f.head = (high_num or num).end - 1
    return f
