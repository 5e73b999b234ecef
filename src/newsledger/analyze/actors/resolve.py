"""In-article actor resolution: mention candidates → actors, on spaCy's parse.

The resolver reads the article once, sentence by sentence, and keeps a
salience score per actor after Lappin & Leass (1994), "An algorithm for
pronominal anaphora resolution", *Computational Linguistics* 20(4): each
mention adds 100 (recency), +80 as a subject, +50 as a direct object, +40 as
an indirect object or oblique, +80 when it heads its noun phrase, +50 outside
adverbial phrases; the total halves with every sentence.

* **Names**: a full name makes a person; a bare surname or first name goes to
  the bearer that is most salient at that point, when it is at least twice as
  salient as the next bearer. A name cannot refer to an actor that is the
  subject of a clause above it (binding principle C, Chomsky 1981: "Saddam
  commands forces led by Haftar" — that Haftar is not Saddam). A bare name the
  resolver cannot decide is ``ambiguous`` and points to no actor.
* **Acronyms** defined in the text join their long form (Schwartz & Hearst 2003).
* **Descriptions** ("the rebel commander") go to the actor the text has
  already described with the same head noun ("Libya's rebel commander Khalifa
  Haftar"); "the company", "the country" go to the most salient organization or
  country of the last four sentences.
* **Kinship** ("his father", "Haftar's son") follows relations the text
  states; "the son of X", with no name given, goes to the next new person who
  shares X's family name within two sentences (that relation is then known).
* **Relative pronouns** ("Haftar, who is backed by ...") go to the actor of the noun their clause
  modifies (Lee et al. 2013's relative-pronoun construct): "who" never to a country, "which" never to a person.
* **Pronouns** go to the most salient actor of the last four sentences that
  agrees in number, gender and animacy, is not a co-argument of the pronoun's
  verb (binding principle B) and, for "it", is not pleonastic (Lappin & Leass §2.1).
* **Outlets**: an organization is an outlet when its cues add up to 2 (an
  outlet noun, a photo credit, a news word in its name, the article's own
  outlet: 2 each; a report by it, a reporting verb: 1 each); a name word of
  government bodies counts -2 (:data:`~.actor_lexicons.NOT_OUTLET_NAME_WORDS`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc

from .countries import country_of_name
from .lexicons import (
    ABSTRACT_HEADS,
    ARTIFACT_HEADS,
    EVENT_HEADS,
    GOVERNMENT_HEADS,
    INVERSE_RELATION,
    KINSHIP,
    LAW_HEADS,
    LEGAL_FORMS,
    MEDIUM_PREPOSITIONS,
    NAMING_VERBS,
    SURNAME_PARTICLES,
    NOT_OUTLET_NAME_WORDS,
    OUTLET_NAME_WORDS,
    PLEONASTIC_ADJ_VERBS,
    PRONOUNS,
    TITLES,
    WORK_HEADS,
    first_name_gender,
)
from ..syntax import lemma
from . import descriptors
from .mentions import (
    SUBJECT_DEPS,
    Candidate,
    action_cues,
    org_cues,
    acronym_definitions,
    coarguments,
    descriptor_country,
    description_candidates,
    is_country_noun,
    is_org_noun,
    is_title,
    ner_candidates,
    outlet_context,
    pronoun_candidates,
    relative_candidates,
    proper_runs,
    subject_ancestors,
    _clean_name,
    _name_candidate,
    _role_only,
)
from .kinds import PERSON_HEADS, KindEvidence, _key
from .names import NameEvidence, _join_double_barrelled, _particle_surname
from .transcript import speakers, turns


WINDOW = 3
"""Sentences before the current one searched for pronoun and description antecedents (Lappin & Leass: four in all)."""

DECISION_RATIO = 2.0
"""A bare name or learned description goes to the most salient candidate only when it is this many times as salient as the next."""

PRONOUN_RATIO = 1.25
"""A pronoun is ``ambiguous`` when its best antecedent is less than this many times as salient as the next."""

OUTLET_THRESHOLD = 2
"""Cue points that make an organization an outlet."""

_STRONG_CUES = ("outlet noun", "credit", "name word", "own outlet")


@dataclass
class ActorState:
    """An actor while the resolver reads the article."""

    index: int
    kind: str
    key: str
    forms: Counter = field(default_factory=Counter)
    first_form: dict[str, str] = field(default_factory=dict)
    tokens: tuple[str, ...] = ()
    country: str | None = None
    descriptors: Counter = field(default_factory=Counter)
    descriptor_forms: dict[str, str] = field(default_factory=dict)
    heads: set[str] = field(default_factory=set)
    head_counts: Counter = field(default_factory=Counter)
    gender: str = ""
    stated: bool = False
    relations: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    outlet_cues: list[str] = field(default_factory=list)
    canonical: str | None = None
    mentioned: bool = False
    middle: tuple[str, ...] = ()
    suffix: str = ""
    name_gender: str = ""
    titled: bool = False
    plural: bool = False
    agent_cues: int = 0
    thing_cues: int = 0
    thing: str = ""
    org_labels: int = 0
    org_cues: int = 0

    def add_form(self, text: str) -> None:
        key = text.casefold()
        self.forms[key] += 1
        self.first_form.setdefault(key, text)

    def add_descriptor(self, text: str, head: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        key = text.casefold()
        self.descriptors[key] += 1
        self.descriptor_forms.setdefault(key, text)
        self.heads.add(head.casefold())
        self.head_counts[head.casefold()] += 1

    @property
    def sex(self) -> str:
        """Gender from the text (a title, a pronoun, a kinship noun), else from the first name; "" unknown."""
        return self.gender or self.name_gender

    @property
    def first(self) -> str:
        return self.tokens[0] if self.tokens else ""

    @property
    def last(self) -> str:
        return self.tokens[-1] if self.tokens else ""


def _plural_subject(token) -> bool:
    """True when ``token`` is the subject of a verb in the plural ("Neandertals were", "Neandertals make")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verbs = [token.head] + [c for c in token.head.children if c.dep_ in ("aux", "auxpass")]
    return any(v.tag_ == "VBP" or v.lower_ in ("were", "are") for v in verbs)


_ACRONYM = re.compile(r"[A-Z]{2,6}")
"""An acronym written in capitals ("SEC", "IMF")."""

_INITIAL_SKIP = frozenset({"and", "of", "the", "for", "&", "on", "in"})
"""Function words an acronym leaves out ("Securities and Exchange Commission" → SEC)."""


def _initials(name: str) -> str:
    """The capitals of a name's words, function words left out ("Securities and Exchange Commission" → "SEC"); ""
    when a content word is not capitalized (a description, not a name)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _INITIAL_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)




def _own_names(outlet: str) -> set[str]:
    """Keys the article's own outlet goes by: its name, and its name without trailing news words
    ("BBC News" → "bbc", "Sky News" → "sky"; :data:`~.lexicons.OUTLET_NAME_WORDS`), kept when 3 letters or more."""
    words = _key(outlet).split()
    names = {" ".join(words)}
    while len(words) > 1 and words[-1] in OUTLET_NAME_WORDS | {"online"}:
        words = words[:-1]
        if len(" ".join(words)) >= 3:
            names.add(" ".join(words))
    return names



class Resolver(KindEvidence, NameEvidence):
    """Resolves the actor mentions of one parsed Doc (see the module docstring).

    Args:
        doc: a Doc with tags, dependencies and entities.
        outlet: the article's outlet ("Press TV"), or None.
    """

    def __init__(self, doc: Doc, outlet: str | None = None):
        self.doc = doc
        self.outlet = outlet
        self.sent_of = [0] * len(doc)
        self.sents = list(doc.sents)
        for k, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = k
        self.actors: list[ActorState] = []
        self.by_key: dict[str, int] = {}
        self.events: list[tuple[int, int, float]] = []  # (actor, sentence, weight)
        self._events_of: dict[int, list[tuple[int, float]]] = {}  # actor → its (sentence, weight), in order
        self.by_head: dict[int, Candidate] = {}
        self.pending_kin: list[tuple[Candidate, int, str, str]] = []
        self.acronyms: dict[str, str] = {}
        self.merged: dict[int, int] = {}
        self.turns: list = []
        self.described: list[tuple[int, descriptors.Found]] = []  # (actor index, descriptor), in reading order
        self.described_spans: set[tuple[int, int]] = set()
        self._org_reads = Counter(_key(_clean_name(e.text)) for e in doc.ents if e.label_ == "ORG")

    # -------------------------------------------------------------- candidates

    def candidates(self) -> list[Candidate]:
        """Every candidate mention of the Doc (names, acronyms, descriptions, kin, groups, pronouns)."""
        doc = self.doc
        self.turns = turns(doc.text)
        labels: set[int] = set()
        for turn in self.turns:  # speaker labels are not mentions ("WN:", "Q:", "MARISOL DANTAS:")
            span = doc.char_span(turn.start, turn.end, alignment_mode="expand")
            if span is not None:
                labels.update(range(span.start, span.end))
        cands = [c for c in ner_candidates(doc) if not any(i in labels for i in range(c.start, c.end))]
        groups = {_key(c.name) for c in cands if c.form == "name" and c.plural_name}
        for c in cands:  # "the Lib Dems" is a group, and so is "Lib Dems" in the same article, whatever NER reads it as
            if c.form == "name" and c.label in ("PERSON", "ORG") and _key(c.name) in groups and not c.titles:
                c.label, c.kind = "NORP", "group"
        covered = {i for c in cands for i in range(c.start, c.end)} | labels
        parts = {_key(p) for c in cands if c.form == "name" and c.label == "PERSON" and not c.role for p in c.name.split()}
        # an office without its holder ("Secretary", "Executive Officer") is no actor, unless it is a surname of the text
        cands = [c for c in cands if not (c.form == "name" and c.role and _key(c.name) not in parts)]
        full = {tuple(_key(p) for p in c.name.split()) for c in cands
                if c.form == "name" and c.label == "PERSON" and len(c.name.split()) == 2}
        for c in cands:  # "Astronomer Anthony Boccaletti" where the text also says "Anthony Boccaletti": a title
            words = c.name.split()
            if (c.form == "name" and c.label == "PERSON" and len(words) >= 3 and c.end - c.start == len(words)
                    and tuple(_key(p) for p in words[-2:]) in full and not first_name_gender(words[0])
                    and doc[c.start].text == words[0]):
                c.titles.append(words[0])
                c.start += 1
                c.name = " ".join(words[1:])
        surnames = {_key(p) for c in cands if c.form == "name" and c.label == "PERSON" and len(c.name.split()) >= 2
                    for p in c.name.split()}
        for c in cands:  # "posted on Twitter": a one-word "person" that is the medium of a statement is an organization
            h = doc[c.head]
            if (c.form == "name" and c.label == "PERSON" and c.end - c.start == 1 and not c.titles
                    and _key(c.name) not in surnames and not first_name_gender(c.name)
                    and h.dep_ == "pobj" and h.head.lower_ in MEDIUM_PREPOSITIONS):
                c.label, c.kind = "ORG", "organization"
        names = [c for c in cands if c.form == "name"]
        extra: list[Candidate] = []
        # acronyms defined in the text: "Libyan National Army (LNA)"
        terms: set[str] = set()
        for ls, le, si in acronym_definitions(doc):
            first = doc[ls].text
            if (not any(t.text[:1].isupper() for t in doc[ls:le] if t.is_alpha) or _role_only(doc, ls, le, le - 1)
                    or first.islower() and first not in SURNAME_PARTICLES  # "high-definition TV (HDTV)": a term
                    or doc[le - 1].lower_ in LAW_HEADS or doc[le - 1].lower_ in EVENT_HEADS
                    or any(doc[k].ent_type_ in ("LAW", "PRODUCT", "WORK_OF_ART") for k in range(ls, le))):
                terms.add(_key(doc[si].text))  # "anterior cingulate cortex (ACC)", "Divisional Railway Manager (DRM)",
                continue  # "Digital Millennium Copyright Act (DMCA)": a term, an office, a law, an event, a product or a work
            long = next((c for c in names if c.start < le and ls < c.end and c.kind in ("organization", None)), None)
            if long is None and not any(i in covered for i in range(ls, le)):
                long = Candidate(ls, le, le - 1, "name", kind="organization", name=_clean_name(doc[ls:le].text))
                extra.append(long)
                covered.update(range(ls, le))
            if long is not None:
                self.acronyms[_key(doc[si].text)] = _key(long.name)
        for t in doc[:-3]:  # "DRM (digital rights management)": Schwartz & Hearst's short-form-first pattern
            if doc[t.i + 1].text == "(" and 2 <= len(t.text) <= 10 and t.text.isupper() and t.is_alpha:
                inner = []
                for w in doc[t.i + 2:t.i + 2 + 2 * len(t.text)]:
                    if w.text in (")", ",", ";"):
                        break
                    inner.append(w)
                if (len(inner) >= 2 and all(w.is_lower for w in inner if w.is_alpha)
                        and [w.text[:1].lower() for w in inner[:len(t.text)]] == list(t.text.lower())):
                    terms.add(_key(t.text))
        for c in names:  # "the SEC" where the text also names the Securities and Exchange Commission, undefined
            key = _key(c.name)
            if c.label == "ORG" and key not in self.acronyms and key not in terms and _ACRONYM.fullmatch(c.name):
                longs = {_key(o.name) for o in names if o.label == "ORG" and o is not c and _initials(o.name) == c.name}
                if len(longs) == 1:
                    self.acronyms[key] = longs.pop()
        for t in doc:
            if t.i not in covered and _key(t.text) in self.acronyms and t.text[:1].isupper():
                extra.append(Candidate(t.i, t.i + 1, t.i, "name", kind="organization", name=t.text))
                covered.add(t.i)
        # proper-noun runs the NER missed: titled names, known name parts, outlets in reporting contexts
        known = {_key(c.name) for c in names} | set(self.acronyms)
        for s, e in proper_runs(doc, covered):
            cand = _name_candidate(doc, s, e, None)
            if cand is None or cand.form != "name":
                continue
            key = _key(cand.name)
            if cand.role and key not in parts:
                covered.update(range(s, e))
                continue
            if cand.titles and cand.name:
                cand.kind = "person"
            elif key in known or (len(cand.name.split()) == 1 and key in parts):
                pass
            else:
                cues = outlet_context(doc, doc[cand.head])
                if not cues:
                    continue
                cand.kind = "organization"
            extra.append(cand)
            covered.update(range(s, e))
        cands += extra
        cands = [c for c in cands if not (c.form == "name" and _key(c.name) in terms)]
        cands += description_candidates(doc, covered)
        cands += pronoun_candidates(doc)
        cands += relative_candidates(doc)
        for c in cands:
            c.sent = self.sent_of[c.head]
        cands.sort(key=lambda c: (c.sent, c.form == "kin", c.head, c.start))
        return cands

    # -------------------------------------------------------------- actors and salience

    def _actor(self, key: str, kind: str, **fields) -> ActorState:
        if key in self.by_key:
            return self.actors[self.by_key[key]]
        a = ActorState(index=len(self.actors), kind=kind, key=key, **fields)
        self.actors.append(a)
        self.by_key[key] = a.index
        return a

    def weight(self, c: Candidate) -> float:
        """Lappin & Leass (1994) salience weight of a mention from its head's dependency role."""
        h = self.doc[c.head]
        dep = h.dep_
        w = 100.0
        if dep in SUBJECT_DEPS:
            w += 80
        elif dep == "dobj":
            w += 50
        elif dep in ("dative", "iobj", "pobj"):
            w += 40
        if dep not in ("poss", "compound", "nmod", "amod") and not (dep == "pobj" and h.head.head.tag_.startswith("NN")):
            w += 80
        if not (dep == "pobj" and h.head.head.tag_.startswith("VB")):
            w += 50
        return w

    def _add_event(self, actor: int, sent: int, weight: float) -> None:
        self.events.append((actor, sent, weight))
        self._events_of.setdefault(actor, []).append((sent, weight))

    def salience(self, actor: int, sent: int, *, window: int | None = None) -> float:
        """Salience of ``actor`` at sentence ``sent``: weights halved per sentence (optionally only the last ``window``)."""
        total = 0.0
        for s, w in self._events_of.get(actor, ()):  # the actor's own events, in the order of self.events
            if window is None or sent - s <= window:
                total += w * 0.5 ** (sent - s)
        return total

    def _link(self, c: Candidate, actor: ActorState) -> None:
        c.actor = actor.index
        c.ambiguous = False
        actor.mentioned = True
        self._add_event(actor.index, c.sent, self.weight(c))
        self.by_head[c.head] = c

    def _choose(self, c: Candidate, options: list[ActorState], *, ratio: float, window: int | None = None,
                prefer: ActorState | None = None) -> ActorState | None:
        """The most salient of ``options`` when it is ``ratio`` times the next; None (and ``c.ambiguous``) otherwise.

        ``prefer`` (see :meth:`_called_so`) breaks a tie salience leaves: when no option is ``ratio`` times the
        next, it is chosen if its own salience is within ``ratio`` of the best (one of those salience cannot
        tell apart) and it was mentioned in the last :data:`WINDOW` sentences (a current topic, not a name
        from pages back); a bearer far behind is never chosen over a leader, nor over a tie of others.
        """
        if not options:
            return None
        if len(options) == 1:
            return options[0]
        scored = sorted(((self.salience(a.index, c.sent, window=window), -a.index, a) for a in options), reverse=True)
        best, second = scored[0][0], scored[1][0]
        if best > 0 and best >= ratio * second:
            return scored[0][2]
        if prefer is not None and self.salience(prefer.index, c.sent, window=WINDOW) > 0:
            own = next(s for s, _, a in scored if a is prefer)
            if own * ratio > best:
                return prefer
        c.ambiguous = True
        return None

    def _c_commanders(self, c: Candidate) -> set[int]:
        """Actors that are subjects of clauses above ``c`` in its sentence (binding principle C)."""
        heads = subject_ancestors(self.doc[c.head])
        return {self.by_head[h].actor for h in heads if h in self.by_head and self.by_head[h].actor is not None}

    # -------------------------------------------------------------- resolution by form

    def resolve(self) -> list[Candidate]:
        """Resolve every candidate; returns them with ``actor``/``ambiguous`` set, in text order."""
        cands = self.candidates()
        _join_double_barrelled(cands)
        full = [c for c in cands if c.form == "name" and (c.label == "PERSON" or c.kind == "person") and len(c.name.split()) >= 2]
        longer = [tuple(_key(c.name).split()) for c in full]
        for c in full:  # people named in full are known before their short names are read
            if not _particle_surname(tuple(_key(c.name).split()), longer):  # "La Riva" is Gloria La Riva's surname
                self._person(c.name, c.suffix)
        current = -1
        deferred: list[Candidate] = []
        for c in cands:
            if c.sent != current:
                for k in deferred:
                    self._resolve_kin(k)
                deferred, current = [], c.sent
            if c.form == "name":
                self._resolve_name(c)
            elif c.form == "group":
                a = self._actor(f"group:{_key(c.name)}", "group", country=c.country)
                a.add_form(c.name)
                self._link(c, a)
            elif c.form == "pronoun":
                self._resolve_pronoun(c)
            elif c.form == "relative":
                self._resolve_relative(c)
            elif c.form == "description":
                self._resolve_description(c)
            elif c.form == "kin":
                deferred.append(c)
        for k in deferred:
            self._resolve_kin(k)
        cands.sort(key=lambda c: (c.start, -c.end))
        return cands

    def _person(self, name: str, suffix: str = "") -> ActorState:
        tokens = tuple(_key(t) for t in name.split())
        if len(tokens) < 2:
            key = f"person:{tokens[0]}"
            if suffix:
                key += f" {suffix}"
            return self._actor(key, "person", tokens=tokens, suffix=suffix)
        found = self._namesakes(tokens, suffix)
        if len(found) == 1:
            a = found[0]
            if tokens[1:-1] and not a.middle:
                a.middle = tokens[1:-1]
            if suffix and not a.suffix:
                a.suffix = suffix
            return a
        if found:  # several bearers: the most salient one (callers that must not guess use _namesakes)
            return found[0]
        key = "person:" + " ".join(tokens) + (f" {suffix}" if suffix else "")
        while key in self.by_key:
            key += "'"
        a = self._actor(key, "person", tokens=tokens, middle=tokens[1:-1], suffix=suffix,
                        name_gender=first_name_gender(tokens[0]))
        a.canonical = name + (f" {suffix.capitalize()}." if suffix in ("jr", "sr") else f" {suffix.upper()}" if suffix else "")
        return a

    def _resolve_name(self, c: Candidate) -> None:
        doc = self.doc
        key = _key(c.name)
        words = key.split()
        ner = c.label  # before a person's bearer rewrites it: an ORG reading is evidence of an organization
        actor: ActorState | None = None
        if c.kind == "country":
            actor = self._actor(f"country:{c.country}", "country", country=c.country)
            actor.canonical = c.name
        elif c.kind == "group":
            actor = self._actor(f"group:{key}", "group", country=c.country)
        elif len(words) >= 2 and self._namesakes(tuple(words), c.suffix):
            namesakes = self._namesakes(tuple(words), c.suffix)
            actor = self._choose(c, namesakes, ratio=DECISION_RATIO)
            c.label = c.label and "PERSON"
            if actor is None:
                self.by_head[c.head] = c
                return
            if words[1:-1] and not actor.middle:
                actor.middle = tuple(words[1:-1])
            first_mention = not actor.mentioned
            if first_mention:
                self._bind_pending_kin(c, actor)
        elif _particle_surname(tuple(words), [a.tokens for a in self.actors if a.kind == "person"]):
            bearers = [a for a in self.actors if a.kind == "person" and len(a.tokens) > len(words)
                       and a.tokens[-len(words):] == tuple(words)]  # "La Riva", "De La Fuente": a surname
            actor = self._short_name(c, key, bearers)
            if actor is None:
                return
        elif len(words) == 1 and self._org_not_bearer(c, words[0]):
            actor = self._actor(f"org:{key}", "organization")  # "Yahoo" beside "Yahoo Messenger": the company
        elif len(words) == 1 and (self._bearers(words[0]) or c.label == "PERSON" or c.kind == "person"):
            actor = self._short_name(c, key, self._bearers(words[0]))
            if actor is None:
                return
        elif c.label == "PERSON" or c.kind == "person":
            actor = self._person(c.name)
        else:
            target = self.acronyms.get(key, key)
            words = target.split()
            while len(words) > 1 and words[-1] in LEGAL_FORMS:
                words = words[:-1]  # "Montedison SpA" is Montedison: a legal form says how, not who
            target = " ".join(words).rstrip(",")
            if f"org:{target}" in self.by_key:
                actor = self.actors[self.by_key[f"org:{target}"]]
            else:
                for a in self.actors:
                    if a.kind == "organization" and fuzz.ratio(a.key[4:], target) >= 92:
                        actor = a
                        break
                if actor is None:
                    actor = self._actor(f"org:{target}", "organization")
        actor.add_form(c.name)
        if c.country and not actor.country:
            actor.country = c.country
        if actor.kind in ("organization", "person"):
            agent, thing = action_cues(doc, c)
            actor.agent_cues += agent
            actor.thing_cues += thing
            actor.org_cues += org_cues(doc, c)
            actor.org_labels += ner == "ORG"
        if actor.kind == "organization" and c.end - c.start == 1 and _plural_subject(doc[c.head]):
            actor.plural = True
        self._collect_descriptors(c, actor)
        self._link(c, actor)

    def _short_name(self, c: Candidate, key: str, bearers: list[ActorState]) -> ActorState | None:
        """The person a one-word name or particle surname ``key`` is: a new person when no one of the text bears
        it, else the bearer :meth:`_allowed` and :meth:`_choose` leave (None, the mention kept for principle C, when
        nothing decides). The mention is a person's either way."""
        c.label = c.label and "PERSON"
        c.kind = "person"
        if not bearers:
            return self._person(c.name)
        options = self._allowed(c, bearers)
        actor = self._choose(c, options, ratio=DECISION_RATIO, prefer=self._called_so(key, options))
        if actor is None:
            self.by_head[c.head] = c
        return actor

    def _collect_descriptors(self, c: Candidate, actor: ActorState) -> None:
        doc = self.doc
        head = doc[c.head]
        if c.titles:
            actor.titled = True
            actor.add_descriptor(" ".join(c.titles), c.titles[-1].rstrip("."))  # heads for "the president" later
            for t in c.titles:
                g = TITLES.get(t.lower().rstrip("."), "")
                if g and not actor.gender:
                    actor.gender = g
                actor.stated = actor.stated or bool(g)
        n_titles = 0
        while n_titles < len(c.titles) and c.start - 1 - n_titles >= 0 and doc[c.start - 1 - n_titles].text in c.titles:
            n_titles += 1
        near = (self.by_head.get(k) for k in range(max(0, c.start - 20), c.start))  # other people's names just before
        people = {k for o in near if o is not None and o is not c and o.actor is not None and o.end <= c.start
                  and self.actors[o.actor].kind == "person" for k in range(o.start, o.end)}
        pre = descriptors.premodifier(doc, c.start, c.end, n_titles, people=people)
        if pre:  # a noun before a country's name makes a place ("mainland China"): no head for "the mainland" later
            self._describe(actor, pre, learn=not n_titles and actor.kind != "country")
            s, e = pre.start, pre.end
            country = descriptor_country(doc, s, e, doc[e - 1])
            if country and not actor.country:
                actor.country = country
            for t in doc[s:e]:
                c.outlet_cues += [f"outlet noun: {t.text}"] if t.lower_ in ("daily", "newspaper", "broadcaster", "tabloid") else []
        for found in (descriptors.apposition(doc, c.start, c.end, head), descriptors.predicate(doc, head, c.start)):
            if found is None or found.head in self.by_head:
                continue
            self._describe(actor, found)
            country = descriptor_country(doc, found.start, found.end, doc[found.head])
            if country and not actor.country:
                actor.country = country
        for child in head.children:  # "Israel's Haaretz": the possessor is the actor's country
            if child.dep_ == "poss" and not actor.country and actor.kind != "country":
                country = country_of_name(child.text)
                if country:
                    actor.country = country.code
        verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "as" else head.head
        if head.dep_ in ("oprd", "attr", "dobj", "pobj") and verb.dep_ == "acl" and lemma(verb) in NAMING_VERBS \
                and verb.head.tag_ in ("NN", "NNS") and verb.head.lower_ in ABSTRACT_HEADS | WORK_HEADS | ARTIFACT_HEADS:
            # "a technology called Visual Radio": evidence that it is a thing, no descriptor; only thing nouns count
            # ("stars known as USA For Africa": stars are people here, not the natural objects of that class)
            actor.heads.add(verb.head.lower_)
            actor.head_counts[verb.head.lower_] += 1
        c.outlet_cues += outlet_context(doc, head)
        words = set(_key(c.name).split())
        if words & OUTLET_NAME_WORDS:
            c.outlet_cues.append("name word")
        if words & NOT_OUTLET_NAME_WORDS:
            c.outlet_cues.append("government word")
        if self.outlet and _key(c.name) in _own_names(self.outlet):
            c.outlet_cues.append("own outlet")
        actor.outlet_cues += c.outlet_cues

    def _describe(self, actor: ActorState, found: descriptors.Found, *, learn: bool = True) -> None:
        """Record a descriptor of ``actor``; ``learn`` also lets later descriptions with its head refer to it."""
        if self.doc[found.head].tag_ == "NNS" and actor.kind != "group" and not actor.plural:
            return  # "two astronauts, Doug Hurley and ...": a plural phrase labels a group, not one actor
        if (found.start, found.end) in self.described_spans:
            return  # "Saddam is ... his father's right-hand man": the predicate is not also an epithet
        self.described_spans.add((found.start, found.end))
        if learn:
            actor.add_descriptor(descriptors.text_of(self.doc, found.start, found.end), self.doc[found.head].text)
        self.described.append((actor.index, found))

    def _bind_pending_kin(self, c: Candidate, actor: ActorState) -> None:
        """A person's first mention answers an open "the son of X" within two sentences when it shares X's family name."""
        for item in list(self.pending_kin):
            kin, possessor, relation, gender = item
            p = self.actors[possessor]
            if c.sent - kin.sent > 2 or actor.index == possessor:
                continue
            if p.last and p.last == actor.last:
                kin.actor = actor.index
                kin.ambiguous = False
                self._add_event(actor.index, kin.sent, self.weight(kin))
                self._relate(p, relation, actor, gender)
                self.pending_kin.remove(item)
                return

    def _relate(self, possessor: ActorState, relation: str, relative: ActorState, gender: str) -> None:
        possessor.relations[relation].add(relative.index)
        relative.relations[INVERSE_RELATION[relation]].add(possessor.index)
        if gender and not relative.gender:
            relative.gender = gender
        relative.stated = relative.stated or bool(gender)

    def _resolve_kin(self, c: Candidate) -> None:
        doc = self.doc
        head = doc[c.head]
        relation, gender = KINSHIP[head.lower_]
        owners = [ch for ch in head.children if ch.dep_ == "poss"]
        owners += [g for ch in head.children if ch.dep_ == "prep" and ch.lower_ == "of" for g in ch.children if g.dep_ == "pobj"]
        owner = next((self.by_head[o.i] for o in owners if o.i in self.by_head and self.by_head[o.i].actor is not None), None)
        if owner is None:
            return
        p = self.actors[owner.actor]
        known = sorted(p.relations.get(relation, ()))
        if gender:
            known = [k for k in known if self.actors[k].gender in ("", gender)]
        if len(known) == 1:
            self._link(c, self.actors[known[0]])
            return
        if len(known) > 1:
            c.ambiguous = True
            return
        for ch in head.children:
            if ch.dep_ == "appos" and ch.i in self.by_head and self.by_head[ch.i].actor is not None:
                relative = self.actors[self.by_head[ch.i].actor]
                self._relate(p, relation, relative, gender)
                self._link(c, relative)
                return
        self.pending_kin.append((c, p.index, relation, gender))

    def _resolve_pronoun(self, c: Candidate) -> None:
        doc = self.doc
        p = doc[c.head]
        number, gender, case = PRONOUNS[p.lower_]
        if p.lower_ == "it" and (
            p.dep_ == "expl"
            or p.head.lower_ in PLEONASTIC_ADJ_VERBS
            or any(ch.lower_ in PLEONASTIC_ADJ_VERBS for ch in p.head.children if ch.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp"))
        ):
            return
        if number == "sg" and gender in ("m", "f"):
            kinds = {"person"}
        elif number == "sg":
            kinds = {"organization", "outlet", "country"}
        else:
            kinds = {"group", "organization"}
        excluded = set()
        if case not in ("poss", "refl"):
            excluded = {self.by_head[h].actor for h in coarguments(p) if h in self.by_head}
        options = []
        for a in {a for a, s, _ in self.events if c.sent - s <= WINDOW}:
            actor = self.actors[a]
            if actor.kind not in kinds or a in excluded:
                continue
            if gender in ("m", "f") and actor.sex and actor.sex != gender:
                continue
            options.append(actor)
        if case == "refl":
            subj = [self.by_head[h].actor for h in (ch.i for ch in p.head.children if ch.dep_ in SUBJECT_DEPS) if h in self.by_head]
            options = [a for a in options if a.index in subj] or options
        elif case == "poss":  # "Haftar had earned his place": the subject of the possessive's own clause first
            own = self._clause_subject(p)
            if own is not None and own in {a.index for a in options}:
                options = [self.actors[own]]
        choice = self._choose(c, options, ratio=PRONOUN_RATIO, window=WINDOW)
        if choice is None:
            return
        if gender in ("m", "f") and not choice.gender:
            choice.gender = gender
        self._link(c, choice)

    def _resolve_relative(self, c: Candidate) -> None:
        """A relative pronoun refers to the actor of the noun its clause modifies ("Tara Reid, who ..."), when that noun
        heads a resolved mention; otherwise to nothing (Lee et al. 2013's relative-pronoun construct)."""
        pronoun = self.doc[c.head].lower_
        antecedent = self.by_head.get(self.doc[c.head].head.head.i)
        if antecedent is None or antecedent.actor is None:
            return
        actor = self.actors[antecedent.actor]
        if (pronoun in ("who", "whom") and actor.kind == "country") or (pronoun in ("which", "that") and actor.kind == "person"):
            return  # "who" is not said of a country, nor "which" of a person: the clause modifies another noun
        self._link(c, actor)

    def _clause_subject(self, p) -> int | None:
        """The actor named by the subject of the clause a possessive pronoun sits in, or None.

        Hobbs (1978), "Resolving pronoun references", *Lingua* 44: the search starts at the first clause node
        above the pronoun and proposes its subject first; a name subject of that clause is where a possessive
        in its predicate ("said Haftar had earned his place") most often points.
        """
        for anc in p.ancestors:
            subjects = [ch for ch in anc.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.i != p.i
                        and not (ch.left_edge.i <= p.i <= ch.right_edge.i)]
            if subjects:
                c = self.by_head.get(subjects[0].i)
                return c.actor if c is not None and c.form == "name" else None
            if anc.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp"):
                return None
        return None

    def _resolve_description(self, c: Candidate) -> None:
        doc = self.doc
        head = doc[c.head]
        low = head.lower_
        if head.dep_ == "attr":
            return  # a predicate nominal describes its subject ("is his father's right-hand man"): no mention of its own
        country = c.country or descriptor_country(doc, c.start, c.end, head)
        excluded = {self.by_head[h].actor for h in coarguments(head) if h in self.by_head}
        excluded |= {self.by_head[p.i].actor for p in head.children if p.dep_ == "poss" and p.i in self.by_head}
        learned = [a for a in self.actors if low in a.heads and a.mentioned and a.index not in excluded
                   and not (country and a.country and a.country != country)
                   and descriptors.fits_learned(doc, c.start, c.head, a.descriptors, a.first_form.values(),
                                                same_country=bool(country and a.country == country))]
        choice = None
        if c.country and low in GOVERNMENT_HEADS and f"country:{c.country}" in self.by_key:
            choice = self.actors[self.by_key[f"country:{c.country}"]]  # "the Tel Aviv regime": governed from its city
            choice = choice if choice.mentioned and choice.index not in excluded else None
        elif learned:
            choice = self._choose(c, learned, ratio=DECISION_RATIO)
        elif (is_org_noun(low) or is_country_noun(low)) and not any(
            t.tag_ in ("NNP", "NNPS") or "-" in t.text and t.text[:1].isupper() for t in doc[c.start : c.head]
        ):  # "the Tripoli-based government" names its own referent: no anaphor
            kinds = {"organization", "outlet"} if is_org_noun(low) else {"country"}
            recent = {a for a, s, _ in self.events if c.sent - s <= WINDOW}
            options = [self.actors[a] for a in recent if self.actors[a].kind in kinds and a not in excluded]
            choice = self._choose(c, options, ratio=DECISION_RATIO, window=WINDOW)
        if choice is None:
            return
        found = descriptors.epithet(doc, c.start, c.end, c.head, learned=bool(learned) or c.country is not None,
                                   generic=is_org_noun(low) or is_country_noun(low))
        described = descriptors.as_complement(doc, c.head)  # "X was sworn in as Puerto Rico's governor": X's label
        described = {self.by_head[i].actor for i in described or () if i in self.by_head} - {None}
        if described and choice.index not in described:
            found = None
        if found is not None and not learned and choice.kind != "country" and not descriptors.fits_learned(
                doc, c.start, c.head, choice.descriptors, choice.first_form.values(),
                same_country=bool(country and choice.country == country)):
            found = None  # salience alone: "the Scottish court" is no court the text called Scottish
        if found is not None:
            self._describe(choice, found)
        self._link(c, choice)

    # -------------------------------------------------------------- results

    def _merge(self, a: ActorState, into: ActorState) -> None:
        """``a`` joins ``into``: forms, descriptors, outlet cues and country; ``merged`` maps the index."""
        into.forms.update(a.forms)
        for k, v in a.first_form.items():
            into.first_form.setdefault(k, v)
        into.descriptors.update(a.descriptors)
        for k, v in a.descriptor_forms.items():
            into.descriptor_forms.setdefault(k, v)
        into.outlet_cues += a.outlet_cues
        into.country = into.country or a.country
        a.mentioned = False
        self.merged[a.index] = into.index

    def finish(self) -> list[dict]:
        """The actors, as plain data: ``name``, ``kind``, ``aliases``, ``country``, ``descriptors``.

        ``descriptors`` lists the actor's :class:`~.descriptors.Found` token spans in reading order
        (an actor merged into its organization twin hands its descriptors over).
        """
        self._kind_evidence()
        described_by: dict[int, list[descriptors.Found]] = defaultdict(list)
        for i, found in self.described:
            described_by[self.merged.get(i, i)].append(found)
        out = []
        for a in self.actors:
            if not a.mentioned:
                out.append(None)
                continue
            kind = a.kind
            if kind == "person" and not (a.titled or a.sex) and len(a.tokens) == 1 and any(
                cue.startswith(_STRONG_CUES) for cue in a.outlet_cues
            ):  # "Israeli broadcaster Kan": an outlet NER took for a person
                kind = "organization"
            if kind == "organization":
                points = 0
                for cue in a.outlet_cues:
                    if cue.startswith("government"):
                        points -= 2
                    elif cue.startswith(_STRONG_CUES):
                        points += 2
                    else:
                        points += 1
                if points >= OUTLET_THRESHOLD:
                    kind = "outlet"
            name = a.canonical or self._best_form(a)
            aliases = [a.first_form[k] for k in a.forms if a.first_form[k].casefold() != name.casefold()]
            spans = [found for found in described_by.get(a.index, ()) if self._agrees(kind, found) and not self._own_name(a, name, found)]
            out.append({"name": name, "kind": kind, "aliases": aliases, "country": a.country, "descriptors": spans,
                        "outlet_cues": sorted(set(a.outlet_cues)), "gender": a.gender or None})
        return out

    def _own_name(self, a: ActorState, name: str, found: descriptors.Found) -> bool:
        """The descriptor only repeats the actor's own name ("the conservative party" for the Conservative Party)."""
        text = _key(descriptors.text_of(self.doc, found.start, found.end))
        return any(text == _key(form) or f" {text} " in f" {_key(form)} " for form in [name, *a.first_form.values()])

    def _agrees(self, kind: str, found: descriptors.Found) -> bool:
        """A descriptor fits its actor's final kind: no organization or country noun for a person
        ("the caterers team"), no title for anything but a person, no noun in front of a country's
        name ("mainland China": a place)."""
        head = self.doc[found.head].lower_
        if kind == "person" and (is_org_noun(head) or is_country_noun(head)) and head not in PERSON_HEADS:
            return False
        if kind != "person" and is_title(self.doc[found.head]) and self.doc[found.head].tag_ in ("NNP", "NNPS"):
            return False  # "GNU General Public Licensed", "the Gen. Santos Doctors' Hospital": a title only makes a person
        return not (kind == "country" and found.kind == "premodifier")

    def _best_form(self, a: ActorState) -> str:
        forms = sorted(a.forms.items(), key=lambda kv: (-len(kv[0].split()), -kv[1]))
        if a.kind == "organization":
            longs = [k for k in forms if len(k[0]) > 5 or len(k[0].split()) > 1]
            forms = longs or forms
        return a.first_form[forms[0][0]] if forms else a.key.split(":", 1)[-1]


def count_descriptors(texts) -> dict[str, int]:
    """``{descriptor: times used}`` of descriptor texts, counted case- and spacing-blind under their first form."""
    counts: Counter = Counter()
    forms: dict[str, str] = {}
    for text in texts:
        key = " ".join(text.split()).casefold()
        forms.setdefault(key, " ".join(text.split()))
        counts[key] += 1
    return {forms[k]: n for k, n in counts.items()}


def resolve_doc(doc: Doc, outlet: str | None = None) -> tuple[list[dict | None], list[Candidate], dict[int, dict]]:
    """Resolve one Doc: ``(actors, candidates, speaker labels)``; an actor entry is None when no mention kept it.

    Each actor's ``descriptors`` is ``{text: count}`` and ``descriptor_spans`` lists its descriptors
    (``start``, ``end`` character offsets into ``doc.text``, ``kind``) in reading order.

    The speaker labels are :func:`~newsledger.analyze.actors.transcript.speakers`' map for a
    transcript (empty otherwise), each ``speaker`` given as the actor's canonical name.
    """
    r = Resolver(doc, outlet)
    cands = r.resolve()
    actors = r.finish()
    for c in cands:
        if c.actor in r.merged:
            c.actor = r.merged[c.actor]
        elif c.actor is not None and r.actors[c.actor].thing and c.form == "name":
            c.label = r.actors[c.actor].thing  # a product, a work, a religion (Resolver._kind_evidence): no actor's mention
    for a in actors:
        if a is not None:
            found = a.pop("descriptors")
            a["descriptor_spans"] = [
                {"start": doc[f.start].idx, "end": doc[f.end - 1].idx + len(doc[f.end - 1].text), "kind": f.kind} for f in found
            ]
            a["descriptors"] = count_descriptors(doc[f.start:f.end].text for f in found)
    labels: dict[int, dict] = {}
    if r.turns:
        intro_end = r.turns[0].start
        intro = Counter(c.actor for c in cands if c.actor is not None and doc[c.start].idx < intro_end)
        people = [(a.index, a.tokens, intro[a.index]) for a in r.actors
                  if a.kind == "person" and a.tokens and actors[a.index] is not None]
        labels = speakers(doc.text, r.turns, people, outlet)
        for entry in labels.values():
            if entry["actor"] is not None:
                entry["speaker"] = actors[entry["actor"]]["name"]
    return actors, cands, labels


__all__ = ["Resolver", "count_descriptors", "resolve_doc", "is_title"]
