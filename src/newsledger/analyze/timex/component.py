"""The ``newsledger_timex`` spaCy component: TIMEX3 expressions anchored to the publication date.

Add it to any English pipeline that has a tagger and a parser::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsledger_timex")
    doc = nlp.make_doc("Talks were postponed until Monday.")
    doc._.dct = "2015-02-22"
    doc = nlp(doc)          # or: for doc in nlp.pipe(docs)
    doc._.timexes           # [Timex3(start=..., text="Monday", type="DATE", value="2015-02-23", ...)]

The component reads ``doc._.dct`` (ISO 8601, or None) and ``doc._.locale``
(BCP 47, or None), finds and resolves expressions with the engine in
:mod:`newsledger.analyze.timex.temporal`, and uses the parse only for what text
patterns cannot see: the *direction* of the clause that holds a weekday or a
date written without its year (tense of the governing verb from the tagger's
Penn Treebank tags, future-pointing predicates such as "postponed until"),
and numbers that count things rather than name years ("2000 people").
"""

from __future__ import annotations

import dataclasses
import re

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ...records import ANALYZED_ROLES, Timex
from ..component import Component
from ..registry import Extractor, RecordContext, register
from ..syntax import NOUN_TAGS, PROPER_TAGS
from .temporal import Timex3, tag, zone_country_from
from .grammar import Found

if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=None)

_TIMEX3_KEY = "__newsledger_timex3__"


def _encode_timex3(obj, chain=None):
    """msgpack encoder (srsly's ``msgpack_encoders`` registry) for :class:`Timex3` in ``doc._.timexes``.

    spaCy serializes ``doc.user_data`` with srsly's msgpack when ``nlp.pipe`` runs
    with ``n_process > 1`` (and in ``Doc.to_bytes`` / ``DocBin``); without this a
    Doc carrying timexes cannot leave a worker process.
    """
    if isinstance(obj, Timex3):
        return {_TIMEX3_KEY: dataclasses.asdict(obj)}
    return obj if chain is None else chain(obj)


def _decode_timex3(obj, chain=None):
    """msgpack decoder, the inverse of :func:`_encode_timex3`."""
    if isinstance(obj, dict) and _TIMEX3_KEY in obj:
        return Timex3(**obj[_TIMEX3_KEY])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("newsledger_timex3", func=_encode_timex3)
srsly.msgpack_decoders.register("newsledger_timex3", func=_decode_timex3)

FUTURE_AUX = {"will", "'ll", "ll", "shall", "wo", "would", "'d", "going", "gon"}
PAST_AUX = {"had", "has", "have", "'ve", "was", "were", "did"}
FORWARD_STEMS = (
    "postpon", "delay", "defer", "adjourn", "suspend", "reschedul", "schedul", "slate", "expect", "plan", "extend",
    "await", "due",
)
"""Predicates whose time complement lies ahead ("postponed until Monday", "scheduled for March", "due Friday").

A temporal "until"/"to"/"for"/"on" after one of them points forward whatever
the predicate's own tense (TimeML's signals; the cases in ../shared/cases/time-*).
Verbs that only report an event ("held", "opened", "started", "set on") are
not here: their tense decides ("a record high set on Aug. 6", "a press
conference held on Friday" look back); "set" points forward only as "set
for" / "set to" (see :func:`_is_forward`).
"""
FORWARD_SIGNALS = {"until", "till", "to", "for", "on", "by", "through", "in", "at", "from"}
LIMIT_SIGNALS = {"until", "till", "to", "by", "through", "into"}
"""The signals after which a delaying predicate's complement is its new limit ("postponed until Monday",
"extended to March"). With other signals the expression dates the delaying itself: "was suspended on Tuesday"
looks back like any past verb (TimeML 1.2.1 §2.3, signals)."""
PAST_SIGNALS = {"since", "ago"}
TIME_NOUNS = {"years", "months", "weeks", "days", "decades", "centuries", "hours", "minutes", "quarters", "seasons"}


SCHEDULE_STEMS = ("schedul", "slate", "due", "expect", "plan", "effective")
"""Predicates whose bare time complement lies ahead even without a signal ("has scheduled a news conference Thursday")."""


def _is_forward(verb) -> bool:
    w = verb.lower_
    if w == "due":
        return True
    if w in ("set", "sets"):  # "set for Monday", "is set to resume Monday"; not "a record set on Aug. 6"
        return any(c.lower_ in ("for", "to") or (c.dep_ == "xcomp" and c.i > verb.i) for c in verb.children)
    return any(w.startswith(stem) for stem in FORWARD_STEMS if len(stem) > 3)


def _is_schedule(verb) -> bool:
    return any(verb.lower_.startswith(stem) for stem in SCHEDULE_STEMS)


MODALS = {"should", "may", "might", "must", "ought"}
"""Modal auxiliaries other than will/would: with a bare verb they put the event ahead ("should be completed in October");
with "have" behind ("might have happened on Monday"). "can" and "could" (ability, or the past of "can") say nothing."""


def _tense(verb) -> str | None:
    """``past`` / ``future`` / ``present`` of a verb from its tag and its auxiliaries (Penn Treebank tags)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & FUTURE_AUX or verb.lower_ in FUTURE_AUX:
        return "future"
    if any(a.tag_ == "TO" for a in aux):
        return None  # an infinitive takes its time from the clause it depends on
    if words & MODALS:
        return "past" if words & {"have", "'ve"} else "future"
    if verb.tag_ == "VBD" or words & PAST_AUX or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in FUTURE_AUX or verb.lower_ in MODALS else "present"
    if verb.tag_ == "VBN":
        return "past"  # a participle without auxiliary: "the agreement, announced Friday"
    return None


def _past_perfect(token) -> bool:
    """True when ``token`` (or the copula it hangs on: "had been due") carries a past-perfect "had"."""
    for t in (token, token.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in t.children):
            return True
    return False


_NOUN_TAGS = NOUN_TAGS | PROPER_TAGS


def clause_direction(doc: Doc, start: int, end: int) -> str | None:
    """The temporal direction of the clause holding characters ``[start, end)``.

    Returns:
        "past", "future", "present" or None. "since"/"ago" look back; "as
        soon as" looks ahead; an expression that modifies a noun ("Thursday's
        closing price", "a Monday report") has no clause of its own (None);
        otherwise the dependency tree is walked up from the expression: a
        schedule word on the way ("effective Feb. 1", "due Friday") or a
        future-pointing predicate reached through a temporal signal or an
        infinitive ("postponed until Monday", "set to resume Monday", "is to
        resume trading Tuesday") looks ahead — a schedule in the past perfect
        ("had been due to expire Friday") leaves it open; else the
        tense of the first finite verb; else a past or future tense of the
        sentence's root (a present root says nothing about the expression).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    signal = before.lower_ if before is not None else ""
    if signal in PAST_SIGNALS:
        return "past"
    if span.start >= 3 and doc[span.start - 3 : span.start].text.lower() in ("as soon as", "as early as"):
        return "future"
    token = span.root
    if token.dep_ in ("poss", "compound", "nmod", "amod") and token.head.tag_ in _NOUN_TAGS:
        return _noun_clause_direction(token.head)  # "a March 21 phone call", "Thursday's closing price"
    verb = None
    infinitive = False
    for _ in range(8):
        if token.lower_ in ("effective", "due") and token.i != span.root.i:
            return None if _past_perfect(token) else "future"
        if (token.tag_.startswith("VB") or token.tag_ == "MD") and token.lower_ != "according":
            if _tense(token) is not None or (_is_forward(token) and token.i != span.root.i):
                verb = token
                break
            infinitive = infinitive or any(c.tag_ == "TO" for c in token.children)
        if token.head is token:
            break
        token = token.head
    from_root = False
    if verb is None:
        root = span.sent.root if span.sent is not None else None
        if root is not None and (root.tag_.startswith("VB") or root.tag_ == "MD"):
            verb, from_root = root, True
    if verb is None:
        return None
    tense = _tense(verb)
    scheduled = infinitive and (verb.lower_ in ("set", "sets") or (verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP", "VBD")))
    if _is_forward(verb) and (signal in LIMIT_SIGNALS or (signal in FORWARD_SIGNALS and _is_schedule(verb))):
        return "future"  # "had been postponed until Monday" (../shared/cases/time-postponed-until), "scheduled for May"
    if scheduled or _is_schedule(verb):
        return None if _past_perfect(verb) else "future"
    if signal in ("until", "till"):
        perfect = any(c.lower_ in ("has", "have") for t in (verb, verb.head, verb.head.head) for c in t.children)
        if tense == "present" or (tense == "past" and perfect):
            return "future"  # "talks are suspended until March", "has kept the markets closed until Friday"
        if tense == "past" and span.start > verb.i:
            return None  # "had named a replacement until December 24": the end may lie either side of the DCT
    if from_root and tense == "present":
        return None
    if infinitive and tense == "past" and not from_root:
        return None  # "agreed to acquire the bank in January": what the infinitive names follows the past verb, either side of the DCT
    return tense


AHEAD_OF = {"ahead", "before", "for", "until", "till", "toward", "towards", "awaiting", "pending", "upcoming", "forthcoming", "next"}
"""Words that put the noun a date modifies ahead of its clause: "ahead of Thursday's vote", "prepared for the
March 21 meeting", "the upcoming May 5 election" (TimeML 1.2.1 §2.3: signals relate an event to a time)."""


def _noun_clause_direction(noun) -> str | None:
    """The direction of the clause around a noun that a date modifies: a past or future tense of the verb that
    governs the noun ("Zelensky spoke to Trump during a March 21 phone call" → past: 2019-03-21 when published
    2019-11-18; "will speak ... during a March 21 phone call" → future). None when the noun is governed through
    a word that points ahead (:data:`AHEAD_OF`), by a forward-pointing predicate ("planned the March 21 rally"),
    or by a present tense: the noun names its own event, which may lie on either side of the clause's time.

    Source: tense-sensitive anchoring of underspecified dates (Mani & Wilson 2000, "Robust temporal processing
    of news", ACL: a past-tense clause points back from the DCT), applied to the clause the noun phrase sits in.
    """
    if any(c.lower_ in AHEAD_OF for c in noun.children):
        return None  # "the upcoming March 21 vote", "the next Monday meeting"
    token = noun
    for _ in range(8):
        if token.lower_ in AHEAD_OF and token is not noun:
            return None
        if token is not noun and (token.tag_.startswith("VB") or token.tag_ == "MD"):
            if _is_forward(token) or _is_schedule(token):
                return None
            tense = _tense(token)
            if tense is not None:
                return tense if tense in ("past", "future") else None
            if any(c.tag_ == "TO" for c in token.children):
                return None  # an infinitive: its time follows the verb it depends on, either side of the DCT
        if token.head is token:
            break
        token = token.head
    return None


def _counts_things(doc: Doc, f: Found) -> bool:
    """True for a year-shaped number that counts a plural noun ("2000 people", "1500 troops")."""
    if f.kind != "year":
        return False
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or f.groups.get("fiscal"):
        return False
    tok = span[-1]
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and (prev.tag_ in ("DT", "PRP$", "POS") or prev.lower_ in ("fiscal", "calendar")):
        return False  # "the 2000 Olympics", "its 1990 earnings"
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.tag_ == "NNS" and nxt.is_lower and nxt.lower_ not in TIME_NOUNS


_PLACE_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\b")
PLACE_MIN_POPULATION = 100_000
"""A city decides a zone's country only when it is this large (GeoNames population): small places share names
across countries."""


def place_countries(text: str, candidates: frozenset[str]) -> list[str]:
    """The countries among ``candidates`` that the places of ``text`` name, one per mention.

    A mention is a capitalized run of one to three words naming, in the places gazetteer, a country
    (by its name or demonym: "India", "Irish"), a first-level division or a city of at least
    :data:`PLACE_MIN_POPULATION` ("Kolkata", "Cork", "Haifa") by its own name. Only read when a zone
    abbreviation is ambiguous and the locale and outlet domain do not decide; an empty list when the
    gazetteer cannot be opened.
    """
    try:
        from ..places.gazetteer import NAME, gazetteer, name_key
        g = gazetteer()
    except Exception:  # noqa: BLE001 - no gazetteer: places cannot decide, the zone stays unresolved
        return []
    def country_of(phrase: str) -> str | None:
        country = g.demonym_country(phrase)
        if country in candidates:
            return country
        for e in g.lookup(name_key(phrase)):
            if e.match == NAME and e.country in candidates and (
                e.feature in ("country", "admin1") or (e.feature == "city" and (e.population or 0) >= PLACE_MIN_POPULATION)
            ):
                return e.country
        return None

    out = []
    for m in _PLACE_NAME.finditer(text):
        words = m.group().replace("-", " ").split()
        i = 0
        while i < len(words):  # the longest name first at each word ("New Delhi", not "Delhi")
            for n in range(len(words) - i, 0, -1):
                country = country_of(" ".join(words[i : i + n]))
                if country:
                    out.append(country)
                    i += n
                    break
            else:
                i += 1
    return out


class TimexTagger(Component):
    """Annotates ``doc._.timexes`` with :class:`~newsledger.analyze.timex.temporal.Timex3` records.

    Args:
        nlp: the pipeline (unused; spaCy's factory signature).
        name: the component's name.
    """

    def __init__(self, nlp: Language, name: str = "newsledger_timex"):
        super().__init__(nlp, name)

    def find(self, doc: Doc) -> list[Timex3]:
        """The TIMEX3 expressions of ``doc``, anchored on ``doc._.dct`` (tense read from the parse); a zone
        abbreviation shared by countries ("IST") is decided by ``doc._.locale``, ``doc._.outlet_domain`` or the
        places the text names (:func:`place_countries`)."""
        return tag(
            doc.text,
            dct=doc._.dct,
            locale=doc._.locale,
            direction=lambda s, e: clause_direction(doc, s, e),
            veto=lambda f: _counts_things(doc, f),
            zone_country=zone_country_from(
                doc._.locale, doc._.outlet_domain if Doc.has_extension("outlet_domain") else None,
                lambda candidates: place_countries(doc.text, candidates),
            ),
        )

    def set_annotations(self, doc: Doc, found: list[Timex3]) -> None:
        doc._.timexes = found


@Language.factory(
    "newsledger_timex",
    assigns=["doc._.timexes"],
    requires=["token.tag", "token.dep"],
    default_config={},
)
def make_timex(nlp: Language, name: str) -> TimexTagger:
    """spaCy factory of :class:`TimexTagger` (``nlp.add_pipe("newsledger_timex")``)."""
    return TimexTagger(nlp, name)


def timex_records(doc: Doc, ctx: RecordContext) -> list[Timex]:
    """``doc._.timexes`` as :class:`~newsledger.records.Timex` records of analyzed paragraphs.

    ``tid`` numbers them ``t1``, ``t2``... in text order (``t0`` is kept for
    the DCT, as in TimeML); ``begin_point`` / ``end_point`` of an interval are
    the tids of its ends.
    """
    article = ctx.article
    found: list[Timex3] = doc._.timexes or []
    tids: dict[int, str] = {}
    out: list[Timex] = []
    for i, t in enumerate(found):
        role = ctx.index.role(t.start, t.end)
        if role not in ANALYZED_ROLES:
            continue
        if t.begin_point is not None and (t.begin_point not in tids or t.end_point not in tids):
            continue
        tid = f"t{len(out) + 1}"
        tids[i] = tid
        out.append(
            Timex(
                article_id=article.article_id,
                tid=tid,
                start=t.start,
                end=t.end,
                text=article.text[t.start : t.end],
                type=t.type,
                value=t.value,
                paragraph_role=role,
                mod=t.mod,
                anchor=t.anchor,
                resolved=t.resolved,
                reason=t.reason,
                quant=t.quant,
                freq=t.freq,
                begin_point=tids.get(t.begin_point) if t.begin_point is not None else None,
                end_point=tids.get(t.end_point) if t.end_point is not None else None,
            )
        )
    return out


register(
    Extractor(
        section="timexes",
        to_records=timex_records,
        factory="newsledger_timex",
        needs=frozenset({"tok2vec", "tagger", "parser"}),
        order=20,
    )
)
