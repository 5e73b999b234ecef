"""Attribution: who says so, and how surely (spaCy component ``newsledger_attribution``).

The component reads the dependency parse, the tagger's fine-grained tags and
the named entities, and annotates ``doc._.attributions`` with one plain dict
per attribution relation (character offsets only, so a Doc with its
annotations pickles to worker processes). :func:`attributions` turns them into
DESIGN.md's :class:`~newsledger.records.Attribution` records.

Conventions are those of PARC 3.0 (Pareti 2016) as adapted by the PolNeAR
guidelines (Newell, Margolin & Ruths 2018): an attribution has a *source*
(who; absent for "it is said that …"), a *cue* (the verb group, "according
to", or the punctuation that attributes a quote: a dash or a colon) and a
*content* (one or more spans: a quote interrupted by its cue is two). Spans
follow PolNeAR's extents: the source is the subject's whole noun phrase
(appositions and identifying clauses included), the cue the verb with its
auxiliaries, negation, adverbs, a colon introducing speech and "in a
statement", the content the complement clause ("that", "whether", "if"
included) or the quotation with its marks (a content that cuts a quotation
is widened to its marks).

What it recognizes:
* verbs of saying, thinking and showing (``attribution_lexicon``) with a
  subject and a clausal, quoted or nominal complement, in any order:
  "X said (that) …", "…, X said", "“…,” said X", "X told Y …", "X was quoted
  as saying …", "X said in a statement …", "…, X says, …";
* "according to X, …" (source: the object of "to"; content: the clause);
* passive reports: "Y was said to …", "it is reported that …", "… was
  reported by X";
* quotes attributed by a trailing dash line ("“…” —Name") or introduced by a
  paragraph ending in a colon ("Name:" then the quote paragraph);
* quotes continuing after their cue's sentence ("“A,” he said. “B.”"), over
  several paragraphs and over following paragraphs that hold only a quote;
* a cue set off by commas inside the reported clause ("The goal, he said,
  is …": two content spans), and "Asked about X, …" (no source).

Cue verbs are the lexicon's (``attribution_lexicon``), including lemmas
learned from PolNeAR train with their measured precision
(``POLNEAR_CUE_VERBS``); nouns ("her endorsement of …") and attitude
adjectives ("was critical of …") come from learned tables too. A verb
outside the lexicon can still be a cue when the small learned cue detector
(``attribution_cues``: a logistic regression whose weights derive from
PolNeAR train, a research-use corpus) reads it as one ("made the case
that …", "took issue with …"); ``use_model=False`` keeps to the rules.

The verb rules live here; the other rules (medial cues, "Asked about",
nouns, adjectives, "seem", "in a poll", "according to", dash and colon
lines) in ``attribution_phrases``, the span helpers in ``attribution_spans``.

Each attribution gets ``hedges`` (spans of hedge cues in its cue and content),
``certainty`` (denied > hedged > asserted > attributed) and, through the
record builder, ``parent`` (the attribution whose content holds its cue) and
``chain`` (source names from the article's outlet down).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from .lexicon import (
    DENIAL_VERBS,
    FACTIVE_VERBS,
    HEDGE_MODALS,
    HEDGE_PASSIVES,
    HEDGE_VERBS,
    RAISING_PASSIVES,
    ADJECTIVE_CUES,
    HEDGE_WORDS,
    NEVER_CUES,
    NOUN_CUES,
    POLNEAR_CUE_VERBS,
    POLNEAR_NOMINAL_VERBS,
    PERCEPTION_CUES,
    REPORTED_HEDGES,
    REPORTING_VERBS,
    claim_kind_of,
)
from .cues import CueModel, load_cue_model
from .learned import COMBINE_CHOICES, DEFAULT_COMBINE, DEFAULT_REACH, combine_learned, group, load_tagger, tag_spans
from .phrases import _PREP_CUES, _SEEM, _PhraseRules
from .spans import (
    _EXPLETIVES,
    _chars,
    _close_quote,
    _drop_dateline,
    _has_quote_mark,
    _is_glue,
    _np_range,
    _subtree_range,
    _tok_range,
    _trim,
)
from .records import attribution_records
from ..component import Component
from ..registry import Extractor, register
from ..syntax import SUBJECTS, VERB_TAGS, lemma
from ..to_records import Intervals
from .quotes import Quote, find_quotes

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)

_CUE_ADVERBS = frozenset("also then later previously repeatedly again recently publicly privately first once still "
                         "further quickly immediately".split())
_NOT_CUE_ADVERBS = frozenset("here there so thus however therefore".split())


def _cue_adverb(tok: Token) -> bool:
    """An adverb of the verb group ("now says", "repeatedly called", "strongly agree"): PolNeAR keeps the verb's
    adverbs in the cue (guidelines, "Keep the verb group together"); wh-words and "here"/"there" are not part of it
    (on PolNeAR train, of the adverbs met most often just before a found cue verb, 84 of 101 were inside the gold
    cue; "here" 0 of 7, "when" 1 of 3)."""
    return tok.lower_ in _CUE_ADVERBS or (tok.tag_ == "RB" and tok.lower_ not in _NOT_CUE_ADVERBS)


_STATEMENT_NOUNS = frozenset("statement statements release letter email e-mail op-ed tweet post memo message".split())
"""Artifacts of "said in a statement", kept in the cue (PolNeAR guidelines: the artifact is part of the cue). Events
("in an interview", "in a speech") are not: on PolNeAR train "interview" was the extra word of 61 cues wider than gold."""
_QUOTE_ONLY = frozenset("continue laugh smile chuckle sigh shrug nod begin go".split())
"""Verbs that attribute only a quotation next to them ("“…,” he continued"; "“…,” she laughed")."""
_OBJECT_PREPS = frozenset("of for as about over with to".split())
_RELATIVE_PRONOUNS = frozenset("who which that whom".split())

NON_SPEAKERS = frozenset("""
jet plane aircraft airplane airliner helicopter drone missile rocket bomb shell car truck lorry vehicle bus train
ship boat vessel tanker submarine tank tanks gun weapon rifle
plume smoke fire blaze flame flames explosion blast fireball cloud storm hurricane typhoon cyclone earthquake quake
tremor flood floods wave waves wind winds rain snow heat wildfire landslide eruption volcano
building house tower bridge road wall roof door window gate depot warehouse factory plant pipeline well
water oil gas fuel money cash price prices rate rates market markets stock stocks share shares
""".split())
"""Head nouns that cannot be a source (issue 13: a source is something that can speak — a person, group,
organization, outlet, document or an unnamed one — never an object): vehicles and weapons, physical phenomena,
structures, substances and prices. "The markets said …" is figurative at best; a jet "naming" an official is the
parse reaching for the wrong subject."""


_NOMINAL_OK = frozenset("""
announce deny reject dismiss criticize criticise accuse blame praise endorse oppose propose recommend urge demand
request seek refuse decline threaten promise pledge vow predict confirm acknowledge admit reveal disclose dispute
question challenge defend support tout describe cite warn suggest
""".split())
_NOMINAL_OK = _NOMINAL_OK | frozenset(POLNEAR_CUE_VERBS) | frozenset(POLNEAR_NOMINAL_VERBS)
"""Cue lemmas whose plain noun-phrase object is a content ("X denied the report", "X defended the plan";
PolNeAR guidelines; the learned lemmas of ``POLNEAR_CUE_VERBS`` were measured with their objects as contents, and
``POLNEAR_NOMINAL_VERBS`` lists the lexicon's lemmas whose objects measured as contents on PolNeAR train)."""


# ------------------------------------------------------------------ the component


class AttributionTagger(Component):
    """Finds attribution relations in a parsed Doc.

    Args:
        nlp: the pipeline (unused; spaCy's factory signature).
        name: the component's name in the pipeline.
        cue_lemmas: verb lemmas that can be cues.
        hedge_words: single-word hedge cues.
        min_quote_words: a quotation shorter than this many words is a scare or
            partial quote inside a sentence, not a direct quote on its own (its
            words stay part of the clause that holds it).
        use_model: read verbs outside the lexicon with the learned cue detector
            (weights derived from PolNeAR train); False keeps to the rules.
        cue_weights: the cue detector's weights file (JSON); None means the packaged one.
        tagger: also run the learned span tagger (:mod:`.learned`, trained on PolNeAR train) and combine its
            attributions with the rules' as ``combine`` says.
        tagger_model: the tagger's model folder; None means the packaged one (``data/tagger``).
        combine: how the tagger and the rules combine (:data:`.learned.COMBINE_CHOICES`).
        reach: how far a tagged source or content looks for its cue (``sentence`` or ``paragraph``).
    """

    def __init__(self, nlp: Language, name: str, *, cue_lemmas: frozenset[str], hedge_words: frozenset[str],
                 min_quote_words: int = 4, use_model: bool = True, cue_weights: str | None = None,
                 tagger: bool = False, tagger_model: str | None = None, combine: str = DEFAULT_COMBINE,
                 reach: str = DEFAULT_REACH):
        from ...errors import ConfigError

        super().__init__(nlp, name)
        self.cue_lemmas = frozenset(cue_lemmas)
        self.hedge_words = frozenset(hedge_words)
        self.min_quote_words = min_quote_words
        self.use_model = use_model
        self.cue_model = load_cue_model(cue_weights) if use_model else None
        if combine not in COMBINE_CHOICES:
            raise ConfigError(f"combine must be one of {', '.join(COMBINE_CHOICES)}, not {combine!r}.",
                              key="combine", value=combine, allowed=COMBINE_CHOICES)
        if reach not in ("sentence", "paragraph"):
            raise ConfigError(f"reach must be sentence or paragraph, not {reach!r}.", key="reach", value=reach)
        self.tagger = load_tagger(tagger_model) if tagger else None
        self.combine = combine
        self.reach = reach

    def find(self, doc: Doc) -> list[dict]:
        """The attribution relations of ``doc`` (see :func:`find_attributions`)."""
        learned = group(doc, tag_spans(self.tagger, doc), reach=self.reach) if self.tagger is not None else None
        return find_attributions(doc, cue_lemmas=self.cue_lemmas, hedge_words=self.hedge_words,
                                 min_quote_words=self.min_quote_words, use_model=self.use_model,
                                 cue_model=self.cue_model, learned=learned,
                                 combine=self.combine if learned is not None else "rules")

    def set_annotations(self, doc: Doc, found: list[dict]) -> None:
        doc._.attributions = found


@Language.factory(
    "newsledger_attribution",
    assigns=["doc._.attributions"],
    requires=["token.dep", "token.tag", "doc.ents", "doc.sents"],
    default_config={
        "cue_lemmas": {"@misc": "newsledger.reporting_verbs.v1"},
        "hedge_words": {"@misc": "newsledger.hedge_cues.v1"},
        "min_quote_words": 4,
        "use_model": True,
        "cue_weights": None,
        "tagger": False,
        "tagger_model": None,
        "combine": DEFAULT_COMBINE,
        "reach": DEFAULT_REACH,
    },
)
def make_attribution(nlp: Language, name: str, cue_lemmas: frozenset[str], hedge_words: frozenset[str],
                     min_quote_words: int, use_model: bool, cue_weights: str | None, tagger: bool,
                     tagger_model: str | None, combine: str, reach: str) -> AttributionTagger:
    """The ``newsledger_attribution`` component (see the module docstring).

    ``use_model`` (default true) also reads verbs outside the lexicon with the learned cue detector
    (:mod:`~newsledger.analyze.attribution.cues`, weights from PolNeAR train, a research-use corpus);
    ``nlp.add_pipe("newsledger_attribution", config={"use_model": False})`` keeps to the rules and lexicons;
    ``config={"cue_weights": "DIR/cue_weights.json"}`` reads the detector's weights from another file (one written
    by ``python -m newsledger.train attribution cues --out DIR``; null means the packaged weights).
    ``tagger`` (the ``attribution_tagger`` setting) adds the learned span tagger (:mod:`.learned`), read from
    ``tagger_model`` (null: the packaged model) and combined with the rules as ``combine`` and ``reach`` say.

    Raises:
        ConfigError: an unknown ``combine`` or ``reach``; no tagger model where one is asked for.
    """
    return AttributionTagger(nlp, name, cue_lemmas=cue_lemmas, hedge_words=hedge_words, min_quote_words=min_quote_words,
                             use_model=use_model, cue_weights=cue_weights, tagger=tagger, tagger_model=tagger_model,
                             combine=combine, reach=reach)


# ------------------------------------------------------------------ finding


class _Finder(_PhraseRules):
    """One Doc's attribution search (state shared by the rules below)."""

    def __init__(self, doc: Doc, cue_lemmas: frozenset[str], hedge_words: frozenset[str], min_quote_words: int,
                 nominal_lemmas: frozenset[str] = frozenset(), noun_cues: frozenset[str] | None = None,
                 adjective_cues: frozenset[str] | None = None, use_model: bool = True,
                 cue_model: CueModel | None = None, learned: list[dict] | None = None, combine: str = "rules"):
        self.doc = doc
        self.learned = learned
        self.combine = combine
        self.use_model = use_model
        self.cue_model = (cue_model or load_cue_model()) if use_model else None
        self.noun_cues = NOUN_CUES if noun_cues is None else noun_cues
        self.adjective_cues = ADJECTIVE_CUES if adjective_cues is None else adjective_cues
        self.cue_lemmas = cue_lemmas
        self.nominal_lemmas = nominal_lemmas or _NOMINAL_OK
        self.hedge_words = hedge_words
        self.text = doc.text  # Doc.text joins every token: read it once
        paragraphs = doc._.paragraphs or [[0, len(self.text), "body"]]
        self.paragraphs = [(int(p[0]), int(p[1]), p[2]) for p in paragraphs]
        self.all_quotes = find_quotes(self.text, self.paragraphs)
        self.quotes = [q for q in self.all_quotes if self._words(q) >= min_quote_words or self._is_sentence(q)]
        self.segments = sorted(seg for q in self.all_quotes for seg in q.segments)
        self._seg_index = sorted((s, e, k) for k, q in enumerate(self.quotes) for s, e in q.segments)
        self._seg_starts = [s for s, _e, _k in self._seg_index]
        self.found: list[dict] = []
        self.used_quotes: set[int] = set()
        # indexes, so that each lookup is a binary search rather than a scan (a scan per cue made long articles
        # O(n²)): paragraphs, quotes (by start and by end), quote segments, and the cues already found
        self._paragraphs = Intervals([(ps, pe) for ps, pe, _role in self.paragraphs])
        self._quotes = Intervals([(q.start, q.end) for q in self.quotes])
        self._quote_ends = Intervals([(q.end, q.end) for q in self.quotes])
        self._segments = Intervals(self.segments)
        self._segment_starts = [qs for qs, _qe in self.segments]
        self._quote_starts = [q.start for q in self.quotes]  # find_quotes returns them by start
        self._cues: set[tuple[int, int]] = set()
        self._tok_starts = [t.idx for t in doc]

    # -------------------------------------------------------- helpers

    def _words(self, q: Quote) -> int:
        return sum(len(self.text[s:e].split()) for s, e in q.segments)

    def _is_sentence(self, q: Quote) -> bool:
        inner = self.text[q.segments[0][0] + 1 : q.segments[-1][1] - 1].strip()
        return len(inner.split()) >= 2 and inner[-1:] in ".!?,"

    def quote_at(self, char: int) -> int | None:
        """Index of the quote holding character ``char`` (segments do not overlap: a binary search)."""
        j = bisect_right(self._seg_starts, char) - 1
        if j >= 0 and char < self._seg_index[j][1]:
            return self._seg_index[j][2]
        return None

    def paragraph_start(self, char: int) -> int:
        k = self.paragraph_of(char)
        return self.paragraphs[k][0] if k is not None else 0

    def paragraph_of(self, char: int) -> int | None:
        """Index of the first paragraph holding character ``char``, or None."""
        held = self._paragraphs.containing(char)
        return held[0] if held else None

    def no_dateline(self, span: tuple[int, int]) -> tuple[int, int]:
        """A content span without a leading dateline ("WASHINGTON — Voters will …, officials said")."""
        rng = _tok_range(self.doc, *span)
        if rng is None:
            return span
        s, e = _drop_dateline(self.doc, *rng)
        return (self.doc[s].idx, span[1]) if (s, e) != rng and s < e else span

    def close_quotes(self, span: tuple[int, int]) -> tuple[int, int]:
        """A content span widened to the quotation marks it cuts: a quote opened inside it runs to its closing mark
        (punctuation inside the quote included), and a span starting just after an opening mark takes the mark.

        PolNeAR guidelines, "In the content, include everything that is within quotes"; on PolNeAR train, 360 mixed
        and indirect contents stopped short of their quote's closing mark, and 164 started just after the opening
        mark.
        """
        s, e = span
        text = self.text
        # self.segments is sorted: start at the first segment that can reach s, stop at the first starting at e
        for i in range(bisect_left(self._segment_starts, s - self._segments.longest), len(self.segments)):
            qs, qe = self.segments[i]
            if qs >= e:
                break
            if qe <= s:
                continue
            if s <= qs < e < qe:
                e = qe  # opened inside, closed after: close it
            elif qs < s and text[qs:s].strip().strip("\"“”„«»'`") == "":
                s, e = qs, max(e, qe)  # the span starts just after the opening mark: the whole quote
        return s, e

    def add(self, *, cue, source, contents, kind, hedges=(), cue_lemma=None, quotes=(), found_by="rules") -> None:
        """Keep one attribution (character offsets), unless its cue is taken or its source cannot speak.

        ``found_by``: what found it (``records.FOUND_BY``): "rules", "cue_detector" (a cue verb the learned cue
        detector read), "tagger" (the learned span tagger, :func:`.learned.add_tagged`).
        """
        contents = [self.close_quotes(self.no_dateline(tuple(c))) for c in contents if c and c[1] > c[0]]
        if not contents or cue is None:
            return
        if source and not self.can_speak(*source):
            return  # "a private jet … without naming": a jet cannot speak, nor an unresolved "which"
        if tuple(cue) in self._cues:
            return
        self._cues.add(tuple(cue))
        self.used_quotes.update(quotes)
        denied = cue_lemma in DENIAL_VERBS
        hedge_spans = sorted(set(hedges) | set(self.hedges_in([cue, *contents])))
        if cue_lemma in HEDGE_VERBS:
            hedge_spans = sorted(set(hedge_spans) | {tuple(cue)})
        certainty = "denied" if denied else "hedged" if hedge_spans else (
            "asserted" if cue_lemma in FACTIVE_VERBS else "attributed")
        self.found.append({
            "cue": list(cue),
            "source": list(source) if source else None,
            "contents": [list(c) for c in sorted(contents)],
            "kind": kind,
            "hedges": [list(h) for h in hedge_spans],
            "certainty": certainty,
            "cue_lemma": cue_lemma,
            "claim_kind": claim_kind_of(cue_lemma),
            "found_by": found_by,
        })

    def can_speak(self, start: int, end: int) -> bool:
        """False when the source span is an object ("a private jet", "the blast") or a relative pronoun with no
        antecedent: a source is a person, group, organization, outlet, document or an unnamed one (issue 13)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return True
        root = span.root
        if root.lower_ in _RELATIVE_PRONOUNS and len(span) == 1:
            if root.head.dep_ == "relcl" and root.head.head.i != root.head.i:
                root = root.head.head  # "the jet, which …": the antecedent speaks, or not
            else:  # the parse missed the relative clause: the noun just before ("the Police Department which reported")
                j = root.i - 1
                while j >= 0 and self.doc[j].is_punct:
                    j -= 1
                if j < 0 or self.doc[j].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
                    return False  # "which" with no antecedent: unresolved, not a source
                root = self.doc[j]
        return not (root.tag_ in ("NN", "NNS") and not root.ent_type_ and lemma(root) in NON_SPEAKERS)

    def hedges_in(self, spans) -> list[tuple[int, int]]:
        """Hedge cues inside ``spans`` (character ranges): hedge words, "may have" + participle."""
        out = []
        doc = self.doc
        for s, e in spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if t.lower_ in self.hedge_words:
                    out.append((t.idx, t.idx + len(t.text)))
                elif t.lower_ in HEDGE_MODALS and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "have" \
                        and doc[t.i + 2].tag_ == "VBN":  # "may have met"
                    out.append((t.idx, doc[t.i + 1].idx + len(doc[t.i + 1].text)))
        return out

    # -------------------------------------------------------- verb cues

    def cue_range(self, verb: Token) -> tuple[int, int]:
        """The verb group: auxiliaries, negation and "also" before, a particle and "in a statement" after."""
        doc = self.doc
        start = verb.i
        left = sorted((c for c in verb.children if c.i < verb.i and (
            c.dep_ in ("aux", "auxpass", "neg") or (c.dep_ == "advmod" and _cue_adverb(c)))), key=lambda c: c.i)
        for c in reversed(left):
            if all(doc[j].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[j].head == verb for j in range(c.i, start)):
                start = c.i
        end = verb.i + 1
        for c in verb.children:
            if c.i == end and c.dep_ == "prt":
                end = c.i + 1
        if end < len(doc) and doc[end].text == ":" and doc[end].head.i == verb.i:
            end += 1  # "He said: “…”": the colon introducing the speech is in the cue (guidelines; train: 125 of 138)
        for c in verb.children:
            if c.dep_ == "prep" and c.i == end and c.lower_ in ("in", "during"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs and objs[0].lower_ in _STATEMENT_NOUNS:
                    # "in a statement" (with "released Monday"), never the clause the parser may hang on "statement"
                    clauses = [g for g in objs[0].children if g.dep_ in ("acl", "relcl", "ccomp") and g.i > objs[0].i
                               and g.left_edge.lower_ == "that"]
                    end = max(end, (clauses[0].left_edge.i if clauses else c.right_edge.i + 1))
        return start, end

    def subject_of(self, verb: Token) -> Token | None:
        """The speaker: the verb's subject, its passive agent, or that of the verb it is coordinated with.

        A subject inside a quotation loses to one outside it ("“… every amendment,” said Cruz": the parser may
        give "said" both)."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            outside = [c for c in subjects if self.quote_at(c.idx) is None]
            return (outside or subjects)[0]
        for c in verb.children:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        head = verb.head
        if verb.dep_ == "conj" and head.i != verb.i and head.tag_ in VERB_TAGS:
            return self.subject_of(head)
        if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and head.i != verb.i:
            # "X left, saying …"; "X was quoted as saying …"
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return c
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.tag_ in VERB_TAGS:
            # "X responded by saying …", "X began by explaining …"
            for c in head.head.children:
                if c.dep_ == "nsubj":
                    return c
        return None

    def adjacent_quotes(self, sent: SpacySpan, cue_start: int, cue_end: int, src: tuple[int, int] | None) -> list[int]:
        """Quotes attributed by this cue: the one just before or after the source+cue group, and one following it."""
        doc = self.doc
        lo = min(cue_start, src[0]) if src else cue_start
        hi = max(cue_end, src[1]) if src else cue_end
        lo_c, hi_c = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        para = self.paragraph_of(lo_c)
        picked: list[int] = []
        if any(k not in self.used_quotes for k in self._quotes.containing(lo_c)):
            return []  # the cue is inside a quotation: quoted speech, not the article's attribution
        # only a quote whose gap to the cue group is glue (spaces and at most two of ",:;—–-") can be picked
        text, glue = self.text, ",:;—–-"
        before, marks = lo_c, 0
        while before > 0 and (text[before - 1].isspace() or text[before - 1] in glue and marks < 2):
            marks += not text[before - 1].isspace()
            before -= 1
        after, marks = hi_c, 0
        while after < len(text) and (text[after].isspace() or text[after] in glue and marks < 2):
            marks += not text[after].isspace()
            after += 1
        near = sorted(set(self._quote_ends.starting_in(before, lo_c + 1)) | set(self._quotes.starting_in(hi_c, after + 1)))
        for k in near:
            q = self.quotes[k]
            if k in self.used_quotes:
                continue
            gap_before = self.text[q.end:lo_c] if q.end <= lo_c else None
            gap_after = self.text[hi_c:q.start] if hi_c <= q.start else None
            if gap_before is not None and self.paragraph_of(q.end - 1) == para and _is_glue(gap_before):
                picked.append(k)
            elif gap_after is not None and _is_glue(gap_after, after=True) and (
                    self.paragraph_of(q.start) == para or gap_after.rstrip().endswith(":")):
                picked.append(k)
        if picked:
            last = self.quotes[max(picked)]
            # "“A,” he said. “B.”": a quote right after the end of the cue's sentence continues the speech
            sent_end = sent.end_char
            if last.end <= lo_c:
                # the parser may run the sentence on past "he said." into the next quote: a period is the end
                for k in range(bisect_left(self._quote_starts, hi_c), len(self.quotes)):
                    q = self.quotes[k]
                    if k not in picked and k not in self.used_quotes and q.start >= hi_c:
                        gap = self.text[hi_c:q.start].strip()
                        if gap.endswith(".") and not _has_quote_mark(gap) and len(gap) < 200 \
                                and self.paragraph_of(q.start) == para:
                            # "“A,” he said on CNN. “B.”": words closing the cue's sentence do not end the speech
                            sent_end = min(sent_end, q.start)
                        break
            if last.end <= sent_end:
                for k in range(bisect_left(self._quote_starts, sent_end), len(self.quotes)):
                    q = self.quotes[k]
                    if k in picked or k in self.used_quotes or q.start < sent_end:
                        continue
                    between = self.text[max(last.end, sent_end):q.start]
                    if between.strip() != "" or not (self.paragraph_of(q.start) == para or self.quote_paragraph(q)) \
                            or self.own_speaker(q):
                        break
                    picked.append(k)  # and so on, over quote paragraphs that hold nothing else (guidelines: continuations)
                    last = q
        return picked

    def own_speaker(self, q: Quote) -> bool:
        """True when a cue follows the quote ``q`` in its sentence ("“Not the developer!” shouted a man", "“…,”
        she said"): a quote with a speaker of its own does not continue the previous speaker's (issue 13)."""
        doc = self.doc
        j = bisect_right(self._tok_starts, q.end - 1)
        steps = 0
        while j < len(doc) and steps < 4:
            t = doc[j]
            if t.is_punct or _has_quote_mark(t.text):
                j += 1
                continue
            steps += 1
            if t.tag_ in VERB_TAGS:
                return lemma(t) in self.cue_lemmas or lemma(t) in _QUOTE_ONLY
            if t.tag_ not in ("PRP", "NNP", "NNPS", "DT", "NN", "NNS"):
                return False
            j += 1
        return False

    def inverted_speaker(self, verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """The speaker after a cue that follows a quote, when the parse made it an object ("“Not the developer!”
        shouted a man at the back of the hall"): the noun phrase and the verb's phrases after it, to the sentence end."""
        doc = self.doc
        before = doc[verb.i - 1] if verb.i > 0 else None
        if before is None or not _has_quote_mark(before.text) or self.quote_at(before.idx) is None:
            return None
        objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > verb.i
                and c.tag_ in ("NN", "NNS", "NNP", "NNPS") and c.i == verb.i + 1 + sum(1 for _ in c.lefts)]
        if not objs:
            return None
        s, e = _np_range(objs[0], clauses=True)
        for c in sorted(verb.children, key=lambda c: c.i):
            if c.i == e and c.dep_ == "prep":  # "a man at the back of the hall"
                e = c.right_edge.i + 1
        s, e = _trim(doc, s, e)
        return (s, e) if e > s else None

    def perceived_clause(self, verb: Token) -> Token | None:
        """The small clause a perception verb reports ("saw thick black smoke rising", "saw Pratt gather up his
        papers"), or None: a clausal complement with its own subject, no "that", "if" or wh-word (those are
        beliefs or questions: "we will see whether …")."""
        if any(c.tag_ == "MD" for c in verb.children):
            return None  # "the top 1 percent would see their incomes go up": an outcome, not a sighting
        for c in verb.children:
            if c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) \
                    and not any(g.dep_ == "mark" for g in c.children) \
                    and c.left_edge.tag_ not in ("WDT", "WP", "WP$", "WRB"):
                return c
        return None

    def quote_paragraph(self, q: Quote) -> bool:
        """True when ``q`` opens its paragraph and nothing but spaces follows it there (a continuation paragraph)."""
        k = self.paragraph_of(q.start)
        if k is None:
            return False
        ps, pe, _ = self.paragraphs[k]
        last = self.paragraph_of(q.segments[-1][1] - 1)
        return self.text[ps:q.start].strip() == "" and last is not None and \
            self.text[q.segments[-1][1]:self.paragraphs[last][1]].strip() == ""

    def verb_attribution(self, verb: Token, sent: SpacySpan) -> None:
        doc = self.doc
        lem = lemma(verb)
        if verb.dep_ in ("amod", "compound", "aux", "auxpass"):
            return
        if lem in _SEEM:
            self.seem_attribution(verb, lem)
            return
        if lem in _PREP_CUES or lem == "call":
            if self.prep_attribution(verb, lem, sent):
                return
        learned = False
        perception = lem in PERCEPTION_CUES and self.perceived_clause(verb) is not None
        if lem not in self.cue_lemmas and lem not in _QUOTE_ONLY and not perception:
            if not self.use_model or lem in NEVER_CUES or self.quote_at(verb.idx) is not None:
                return
            p = self.cue_model.probability(verb, lem)
            if p is None or p < self.cue_model.threshold:
                return
            learned = True  # the learned cue detector (attribution_cues) reads this verb as a cue
        found_by = "cue_detector" if learned else "rules"
        if self.quote_at(verb.idx) is not None:  # quoted speech: the quote is the outer attribution
            return
        cs, ce = self.cue_range(verb)
        subj = self.subject_of(verb)
        passive = any(c.dep_ == "nsubjpass" for c in verb.children) or (
            subj is None and any(c.dep_ == "auxpass" for c in verb.children))
        hedges: list[tuple[int, int]] = []
        src: tuple[int, int] | None = None
        contents: list[tuple[int, int]] = []
        kind = "indirect"
        inverted = self.inverted_speaker(verb, sent) if not passive and (
            subj is None or self.quote_at(subj.idx) is not None) else None
        if inverted is not None:  # "“Not the developer!” shouted a man …": the parse took a quoted word as subject
            src = inverted
        elif subj is not None and subj.lower_ not in _EXPLETIVES:
            ss, se = _np_range(subj, clauses=True)
            if se > ss:
                src = (ss, se)
        xcomp = [c for c in verb.children if c.dep_ == "xcomp"]
        ccomp = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        ccomp_before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        if passive and lem in RAISING_PASSIVES and xcomp and not any(c.dep_ == "agent" for c in verb.children):
            # "Y was said to have …": no source, a hedge, content = Y + the infinitive clause
            subjp = [c for c in verb.children if c.dep_ == "nsubjpass"]
            x = xcomp[0]
            xs, xe = _trim(doc, *_subtree_range(x))
            parts = [_chars(doc, xs, xe)]
            if subjp:
                parts.insert(0, _chars(doc, *_trim(doc, *_np_range(subjp[0]))))
            to = [c for c in x.children if c.dep_ == "aux" and c.lower_ == "to"]
            hedge_end = (to[0].idx + len(to[0].text)) if to else verb.idx + len(verb.text)
            if lem in HEDGE_PASSIVES:
                hedges.append((doc[cs].idx, hedge_end))
            self.add(cue=_chars(doc, cs, ce), source=None, contents=parts, kind="indirect", hedges=hedges, cue_lemma=lem,
                     found_by=found_by)
            return
        if passive and not ccomp:
            agent = [c for c in verb.children if c.dep_ == "agent"]
            subjp = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if agent and subjp:  # "the move was first reported by MSNBC"
                objs = [g for g in agent[0].children if g.dep_ == "pobj"]
                if objs:
                    src = _np_range(objs[0])
                    contents = [_chars(doc, *_trim(doc, *_np_range(subjp[0])))]
                    # the cue stops before "by" ("was rejected" by X): on PolNeAR train "by" was the extra word of
                    # 37 predicted cues wider than gold, and leaving it out raised cue exact F1 by .001
                    self.add(cue=_chars(doc, cs, ce), source=_chars(doc, *src), contents=contents, kind="indirect",
                             cue_lemma=lem, found_by=found_by)
            return
        if src is None and subj is None and lem == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl" \
                and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            self.asked(verb, cs, ce)
            return
        if src is None and not (subj is not None and subj.lower_ in _EXPLETIVES):
            return  # no speaker and no impersonal "it is said": an infinitive or a gerund, not a report
        quotes = self.adjacent_quotes(sent, cs, ce, src)
        if not ccomp and ce > verb.i + 1:
            # "said in a statement that …": the parser may hang the clause on "statement"
            ccomp = [c for j in range(verb.i + 1, ce) for c in doc[j].children
                     if c.dep_ in ("acl", "ccomp", "relcl") and c.i >= ce and c.left_edge.i == ce
                     and c.left_edge.lower_ == "that"]
        medial = self.medial(verb, sent, cs, ce, src) if not quotes else None
        if medial:
            contents.extend(medial)
        elif ccomp:
            c = ccomp[0]
            s, e = self.clause_range(c, verb)
            # "said that X, and that Y": a second complement coordinated with the first
            for cj in verb.children:
                if cj.dep_ == "conj" and cj.i > c.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in cj.children) \
                        and not any(ch.dep_ in SUBJECTS and ch.i < cj.i and ch.i < c.i for ch in cj.children):
                    e = max(e, self.clause_range(cj, verb)[1])
            if s < e:
                contents.append(_chars(doc, s, e))
        elif ccomp_before and not quotes:
            c = ccomp_before[0]
            s, e = _trim(doc, *_subtree_range(c))
            if s < e and e <= (src[0] if src and src[0] > c.i else cs) + 1:
                contents.append(_chars(doc, s, e))
        elif xcomp and not quotes and verb.tag_ != "VBN":
            objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < xcomp[0].i]
            first = objs[0] if objs else xcomp[0]
            s, e = _trim(doc, first.left_edge.i, xcomp[0].right_edge.i + 1)
            contents.append(_chars(doc, s, e))
        elif not quotes and (verb.dep_ in ("ccomp", "parataxis") or verb.dep_ == "conj" and subj is not None
                             and src and doc[src[0] - 1].text in (",", "—", "–")) and verb.head.i < verb.i and src \
                and lemma(verb.head) not in self.cue_lemmas \
                and any(doc[j].text in (",", "—", "–") for j in range(max(verb.head.i, src[0] - 2), src[0])):
            # "X will resign, officials said": the cue verb hangs under the reported clause, after a comma
            h = verb.head
            s, e = _trim(doc, *_subtree_range(h, exclude=[verb]))
            e = min(e, src[0])
            s, e = _trim(doc, s, e)
            if s < e:
                contents.append(_chars(doc, s, e))
        elif not quotes and (lem in self.nominal_lemmas or learned):
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if objs:
                s, e = _np_range(objs[0])
                # "accused him of lying", "praised Fields for pursuing charges", "described it as a mistake"
                for c in sorted(verb.children, key=lambda c: c.i):
                    if c.dep_ == "prep" and c.i == e and c.lower_ in _OBJECT_PREPS:
                        e = c.right_edge.i + 1
                s, e = _trim(doc, s, e)
                contents.append(_chars(doc, s, _close_quote(doc, s, e, sent.end)))
        if not quotes and not contents and src is not None:
            prep = self.prep_object(verb, ce)
            if prep is not None:  # "spoke about the war": the preposition joins the cue
                ce, content = prep
                contents.append(content)
        if quotes and not contents:
            contents = [seg for k in quotes for seg in self.quotes[k].segments]
            kind = "direct"
            first = contents[0]
            lead = doc.char_span(sent.start_char, first[0], alignment_mode="contract") if first[0] < doc[cs].idx else None
            if lead is not None and sent.start_char >= self.paragraph_start(first[0]) and any(t.is_alpha for t in lead) \
                    and not any(t.text in (":",) or t.tag_ in VERB_TAGS and lemma(t) in self.cue_lemmas for t in lead):
                # "Teachers are “looking to see …,” he said": the clause the quote finishes is the content
                contents[0] = (lead.start_char, first[1])
                kind = "mixed"
            elif first[0] > doc[ce - 1].idx and src is not None and src[0] - 1 > sent.start \
                    and doc[src[0] - 1].text == "," and self.quote_at(sent.start_char) is None:
                # "Of the scrutiny, he said, “It's a little much.”": the words before the source lead into the quote
                ls, le = _trim(doc, sent.start, src[0] - 1)
                if ls < le and not any(lemma(doc[j]) in self.cue_lemmas and doc[j].tag_ in VERB_TAGS
                                       or _has_quote_mark(doc[j].text) for j in range(ls, le)):
                    contents.insert(0, _chars(doc, ls, le))
                    kind = "mixed"
        elif not quotes and lem in _QUOTE_ONLY:
            return
        elif quotes:
            # a quote beside a complement clause: the quote is the content when the clause is inside it
            qsegs = [seg for k in quotes for seg in self.quotes[k].segments]
            if all(any(qs <= c[0] and c[1] <= qe for qs, qe in qsegs) for c in contents):
                contents, kind = qsegs, "direct"
            else:
                quotes = []
        if kind == "indirect" and any(self.quote_at(c[0]) is not None or _has_quote_mark(self.text[c[0]:c[1]])
                                      for c in contents):
            kind = "mixed"
        self.add(cue=_chars(doc, cs, ce), source=_chars(doc, *src) if src else None, contents=contents, kind=kind,
                 cue_lemma=lem, quotes=quotes if kind == "direct" else (), found_by=found_by)

    def clause_range(self, clause: Token, verb: Token) -> tuple[int, int]:
        """A complement clause as content: its subtree, up to a participial cue ("…, citing …"), its quote closed."""
        doc = self.doc
        s, e = _subtree_range(clause)
        for d in clause.subtree:
            if d.dep_ == "advcl" and d.tag_ == "VBG" and d.i > clause.i and lemma(d) in self.cue_lemmas:
                e = min(e, d.left_edge.i)
            elif d.dep_ in ("advcl", "conj") and d.head.i == clause.i and d.i > clause.i and d.tag_ in VERB_TAGS \
                    and lemma(d) in self.cue_lemmas and any(c.dep_ in SUBJECTS for c in d.children) \
                    and any(doc[j].text in (",", ";", "—", "–") for j in range(d.left_edge.i - 1, d.left_edge.i + 1)):
                # "X said A, while others said B": B is a report of its own, beside A, not inside it
                e = min(e, d.left_edge.i)
            elif d.dep_ == "relcl" and d.left_edge.lower_ in ("which", "who") and d.right_edge.i + 2 >= e \
                    and d.left_edge.i > s and doc[d.left_edge.i - 1].text == ",":
                # "…, which …" closing the clause: the writer's aside, not the source's words (guidelines: "be
                # conservative"); on PolNeAR train cutting it raised whole exact F1 by .001, cutting closing
                # adverbial clauses (", while …", ", citing …") lowered or kept it, so they stay
                e = min(e, d.left_edge.i)
        s, e = _trim(doc, s, e)
        e = _close_quote(doc, s, e, clause.sent.end)
        return s, e

    def reported_hedges(self) -> None:
        """A clause hedged by "reportedly", "allegedly" … with no source in the text (issue 13; DESIGN.md: an
        attribution with ``source`` null, source_kind unnamed, its hedges and certainty hedged): the hedge adverb is
        the cue, the clause it modifies the content (two spans, around the cue). A hedge inside an attribution's
        content ("Haaretz said X reportedly met …", "X reportedly met …, according to Y") is that source's, not
        an unnamed one's; inside a cue ("X reportedly said …") it reports that X said it."""
        doc = self.doc
        for t in doc:
            if t.lower_ not in REPORTED_HEDGES or t.dep_ != "advmod" or self.quote_at(t.idx) is not None:
                continue
            h = t.head
            if h.tag_ not in VERB_TAGS or h.i == t.i:
                continue
            if any(c[0] <= t.idx < c[1] for a in self.found for c in a["contents"]):
                continue
            s, e = _subtree_range(h)
            parts = [_chars(doc, *_trim(doc, s, t.i)), _chars(doc, *_trim(doc, t.i + 1, e))]
            cue = (t.idx, t.idx + len(t.text))
            self.add(cue=cue, source=None, contents=[p for p in parts if p], kind="indirect", hedges=[cue],
                     cue_lemma=t.lower_)

    # -------------------------------------------------------- all

    def run(self) -> list[dict]:
        doc = self.doc
        for sent in doc.sents:
            for tok in sent:
                if tok.lower_ == "according":
                    self.according_to(tok)
                elif tok.lower_ == "in":
                    self.in_phrase(tok)
                elif tok.tag_ in VERB_TAGS:
                    self.verb_attribution(tok, sent)
                elif tok.tag_ in ("NN", "NNS") and tok.lower_ in self.noun_cues:
                    self.noun_attribution(tok)
                elif tok.tag_ == "JJ" and tok.lower_ in self.adjective_cues:
                    self.adjective_attribution(tok)
        self.punctuation_cues()
        self.headline_colons()
        self.reported_hedges()
        if self.learned is not None:
            combine_learned(self, self.learned, self.combine)
        self.found.sort(key=lambda a: a["cue"][0])
        _nest(self.found)
        return self.found


def _nest(found: list[dict]) -> None:
    """Set ``parent`` (index into ``found``): the smallest attribution whose content holds this one's cue."""
    def holds(outer: dict, inner: dict) -> int | None:
        cs, ce = inner["cue"]
        sizes = [e - s for s, e in outer["contents"] if s <= cs and ce <= e]
        return min(sizes) if sizes else None

    owners = [j for j, b in enumerate(found) for _c in b["contents"]]
    contents = Intervals([tuple(c) for b in found for c in b["contents"]])
    for a in found:
        best, best_len = None, None
        # only attributions with a content holding a's cue can hold it (an index, not a scan of every pair)
        for j in sorted({owners[i] for i in contents.holding(*a["cue"])}):
            b = found[j]
            if b is a or holds(a, b) is not None:  # each holds the other's cue: a parse loop, not nesting
                continue
            size = holds(b, a)
            if size is not None and (best_len is None or size < best_len):
                best, best_len = j, size
        a["parent"] = best
    # a parent always holds a larger content than its child's, so following parents ends; guard all the same
    for a in found:
        seen, p = {id(a)}, a["parent"]
        while p is not None:
            if id(found[p]) in seen:
                a["parent"] = None
                break
            seen.add(id(found[p]))
            p = found[p]["parent"]


def find_attributions(doc: Doc, *, cue_lemmas: frozenset[str] = REPORTING_VERBS,
                      hedge_words: frozenset[str] = HEDGE_WORDS, min_quote_words: int = 4,
                      nominal_lemmas: frozenset[str] = frozenset(), noun_cues: frozenset[str] | None = None,
                      adjective_cues: frozenset[str] | None = None, use_model: bool = True,
                      cue_model: CueModel | None = None, learned: list[dict] | None = None,
                      combine: str = "rules") -> list[dict]:
    """Attribution relations of a parsed Doc, as plain dicts of character offsets.

    Args:
        doc: a Doc with a dependency parse, tags and entities (offsets into the article text).
        cue_lemmas: verb lemmas that can be cues.
        hedge_words: single-word hedge cues.
        min_quote_words: quotations shorter than this (and not a sentence) are not direct quotes on their own.
        nominal_lemmas: cue lemmas whose plain noun-phrase object is a content ("defended the plan"); empty
            means the built-in list.
        noun_cues: nouns read as cues with their possessor as source ("his call for …"); None means
            :data:`~newsledger.analyze.attribution.lexicon.NOUN_CUES`.
        adjective_cues: attitude adjectives read after "be" ("was critical of …"); None means
            :data:`~newsledger.analyze.attribution.lexicon.ADJECTIVE_CUES`.
        use_model: also read verbs outside the lexicon with the learned cue detector
            (:mod:`~newsledger.analyze.attribution.cues`, weights from PolNeAR train); False keeps to the rules.
        cue_model: that detector's weights and threshold; None means the packaged ones
            (:func:`~newsledger.analyze.attribution.cues.load_cue_model`).
        learned: the learned tagger's attributions (:func:`.learned.group` of :func:`.learned.tag_spans`), or
            None (the rules alone).
        combine: how ``learned`` and the rules combine (:data:`.learned.COMBINE_CHOICES`;
            :func:`.learned.combine_learned`).

    Returns:
        One dict per attribution, in text order of the cue: ``cue`` ``[start, end]``,
        ``source`` ``[start, end]`` or None, ``contents`` (list of ``[start, end]``), ``kind``
        (direct, indirect, mixed), ``hedges`` (list of ``[start, end]``), ``certainty``
        (asserted, attributed, hedged, denied), ``cue_lemma`` and ``parent`` (index or None).
    """
    return _Finder(doc, cue_lemmas, hedge_words, min_quote_words, nominal_lemmas, noun_cues, adjective_cues,
                   use_model, cue_model, learned, combine).run()


__all__ = ["AttributionTagger", "attribution_records", "find_attributions", "make_attribution"]

register(Extractor(
    section="attributions",
    to_records=attribution_records,
    factory="newsledger_attribution",
    needs=frozenset({"tagger", "parser", "ner"}),
    order=30,
))
