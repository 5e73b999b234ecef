"""Dependency patterns over the PLOVER lexicon: event triggers, their participants and grammatical contexts.

Works on a parsed spaCy ``Doc`` (Penn Treebank tags and ClearNLP dependencies,
as the English pipelines produce) and the lexicon of :mod:`.plover`. Each
event is found in token terms (:class:`Found`); resolving tokens to actor ids,
dates, places and attributions is done on records (:mod:`.events`).

The patterns, in the tradition of dictionary-based event coders (TABARI,
PETRARCH; Schrodt 2012) but on dependencies rather than phrase patterns:

* a **verb** trigger's source is its subject (for a passive, the ``by`` agent),
  inherited through non-finite clauses ("Saddam was said *to have sought*":
  Saddam; "urged Israel *to withdraw*": Israel); its recipient is found where
  the lexicon entry says (direct object, dative, a preposition), else the
  possessor or demonym of the object ("sought *Israel's* support",
  "requesting *Israeli* assistance");
* a **noun** trigger ("talks", "assault", "ceasefire") takes its source from
  its possessor, a proper-noun or demonym modifier, a ``by`` agent, or the
  subject of the light verb it is the object of ("Haftar *held* meetings");
  the subject of a victim verb ("suffered an attack") is its recipient;
* a trigger in the complement of a REQUEST, AGREE, REJECT, THREATEN or ACCUSE
  trigger is that event's content, not an event of its own; it gives the
  mode ("urged X to withdraw": REQUEST, yield); a noun trigger of the same type
  inside a verb trigger's clause is merged into it ("traveled to Tel Aviv for
  a meeting with Israeli officials": one CONSULT);
* contexts (PLOVER): ``negation`` ("did not", "no", "denied attacking",
  "foiled an attack"), ``future`` ("will", "plans to", "slated for"),
  ``hypothetical`` ("would", "could", "if", "in exchange for"), and the
  general contexts of :data:`.plover.CONTEXT_CUES` read from the clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..syntax import NOUN_TAGS, PROPER_TAGS, SUBJECTS, VERB_TAGS, lemma
from . import frames, plover
from .plover import Entry

NOMINAL_TAGS = NOUN_TAGS | PROPER_TAGS | {"PRP", "CD"}
"""Penn Treebank tags of a participant's head (the pipeline runs without the attribute ruler: ``pos_`` is empty)."""
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"})
"""Dependencies that open a clause of its own (ClearNLP labels)."""
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
HEDGE_ADVERBS = frozenset({"reportedly", "allegedly", "apparently", "purportedly", "reputedly", "supposedly"})
"""Adverbs that hedge the clause they modify (PolNeAR/PARC hedges; Hyland 1998)."""
NON_EVENT_SPEECH_VERBS = frozenset(
    "say tell announce state report claim add confirm reveal disclose insist declare note explain write tweet "
    "warn argue allege acknowledge admit assert stress".split()
)
"""Verbs of plain saying: attributions, never events; an event in their content clause may take their date.

Hand-picked PolNeAR cue verbs (Newell, Margolin & Ruths 2018), all in attribution's cue lexicon
(:data:`newsledger.analyze.attribution.lexicon.REPORTING_VERBS`, about 180 lemmas) but deliberately fewer:
that lexicon also holds speech acts PLOVER codes as events ("accuse", "demand", "reject", "praise",
"protest"), which must stay events here."""


def is_verb(token: Token) -> bool:
    """A content verb (not an auxiliary)."""
    return token.tag_ in VERB_TAGS and token.dep_ not in ("aux", "auxpass")


def verb_like(token: Token) -> bool:
    """A content verb, or a word the tagger took for an adjective that has a direct object ("torched vehicles")."""
    if is_verb(token):
        return True
    return token.tag_ == "JJ" and token.dep_ in ("conj", "ROOT", "ccomp", "advcl") and any(c.dep_ == "dobj" for c in token.children)


def is_passive(verb: Token) -> bool:
    """The verb has a passive subject or a passive auxiliary."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def children(token: Token, *deps: str) -> list[Token]:
    """The children of ``token`` with one of ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("the UAE, Egypt, and France")."""
    out = [token]
    todo = [token]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.tag_ in NOMINAL_TAGS and all(c.i != o.i for o in out):
                out.append(c)
                todo.append(c)
    return out


def prep_objects(token: Token, preps: set[str] | frozenset[str] | tuple[str, ...]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``token`` ("meeting *with* X" → X)."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            out.extend(children(c, "pobj", "pcomp"))
    return out


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Haftar, *who* is backed by ..." → Haftar)."""
    if token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
        while clause.dep_ not in ("relcl",) and clause.head.i != clause.i and clause.dep_ in ("conj",):
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def subject(verb: Token) -> tuple[Token | None, Token | None]:
    """``(source, passive subject)`` of a verb; the source of a passive is its ``by`` agent.

    A non-finite verb without a subject takes its controller's: the object of
    the governing verb when it has one ("urged Israel to withdraw"), else its
    subject ("Saddam was said to have sought", "before reaching a ceasefire").
    """
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        active = children(v, *SUBJECTS)
        passive = children(v, "nsubjpass", "csubjpass")
        if active:
            return _antecedent(active[0]), None
        if passive:
            agent = [p for c in children(v, "agent") for p in children(c, "pobj")]
            if v.i == verb.i:
                return (agent[0] if agent else None), _antecedent(passive[0])
            # raising and control through a passive governor ("was said to have sought"): its subject
            return _antecedent(passive[0]), None
        if v.dep_ in ("xcomp", "ccomp") and v.i != verb.i and v.tag_ not in ("VB", "VBG", "VBN"):
            return None, None
        if v.dep_ == "xcomp" or (v.dep_ in ("advcl", "pcomp", "acl", "conj") and v.tag_ in ("VB", "VBG", "VBN")):
            head = v.head
            if v.dep_ == "xcomp":
                obj = children(head, "dobj")
                if obj and head.lemma_ not in ("promise",):
                    return obj[0], None
            # climb to the nearest verb that governs this clause
            while head.head.i != head.i and not is_verb(head):
                head = head.head
            if not is_verb(head):
                return None, None
            v = head
            continue
        if v.dep_ == "conj" and is_verb(v.head):
            v = v.head
            continue
        return None, None
    return None, None


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token is in (itself for a verb), or the sentence root."""
    t = token
    while not is_verb(t) and t.head.i != t.i:
        t = t.head
    return t


def _modal_contexts(verb: Token) -> set[str]:
    """Grammatical contexts from a verb's auxiliaries, negation and governors."""
    out: set[str] = set()
    v = verb
    for _ in range(5):
        for c in v.children:
            if c.dep_ == "neg":
                out.add("negation")
            elif c.dep_ == "aux":
                w = c.lower_
                if w in plover.FUTURE_AUX:
                    out.add("future")
                elif w in plover.HYPOTHETICAL_AUX:
                    out.add("hypothetical")
                elif w == "going" or w == "gon":
                    out.add("future")
            elif c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                out.add("hypothetical")
            elif c.dep_ == "advmod" and c.lower_ in ("never",):
                out.add("negation")
        if v.dep_ not in ("xcomp", "ccomp", "pcomp", "advcl"):
            break
        head = v.head
        hl = lemma(head)
        if v.dep_ in ("xcomp", "ccomp") and hl in plover.NEGATION_VERBS and hl not in ("call", "stop"):
            out.add("negation")
        if v.dep_ == "xcomp" and hl in plover.FUTURE_VERBS:
            out.add("future")
        if v.dep_ == "pcomp":
            prep = head
            if signal_phrase(prep) in plover.HYPOTHETICAL_SIGNALS:
                out.add("hypothetical")
            if prep.lower_ == "without":
                out.add("negation")
        if v.dep_ in ("ccomp", "advcl") and hl in NON_EVENT_SPEECH_VERBS:
            break  # reported content keeps its own modality; certainty comes from the attribution
        v = head
        while not is_verb(v) and v.head.i != v.i:
            v = v.head
        if not is_verb(v):
            break
    return out


def signal_phrase(prep: Token) -> str:
    """A preposition with the words that make it a complex one: "for" in "in exchange for" → "in exchange for"."""
    head = prep.head
    if prep.dep_ == "prep" and head.dep_ == "pobj" and head.head.dep_ == "prep" and head.lower_ in ("exchange", "return"):
        return f"{head.head.lower_} {head.lower_} {prep.lower_}"
    return prep.lower_


def _np_contexts(noun: Token) -> set[str]:
    """Contexts from the noun phrase of a noun trigger ("no talks", "planned visit", "talks slated for ...")."""
    out: set[str] = set()
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ == "no":
            out.add("negation")
        if c.dep_ in ("amod", "acl") and c.lower_ in ("planned", "upcoming", "scheduled", "slated", "proposed",
                                                     "forthcoming", "expected", "set"):
            out.add("future")
        if c.dep_ == "amod" and c.lower_ in ("possible", "potential", "hypothetical", "would-be"):
            out.add("hypothetical")
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and signal_phrase(head) in plover.HYPOTHETICAL_SIGNALS:
        out.add("hypothetical")
    if noun.dep_ in ("dobj", "nsubjpass") and lemma(head) in plover.FOILING_VERBS:
        out.add("negation")
    return out


def clause_tokens(head: Token) -> list[Token]:
    """Tokens of the clause headed by ``head``: its subtree without nested clauses."""
    out = []
    todo = [head]
    while todo:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and is_verb(c):
                continue
            todo.append(c)
    return sorted(out, key=lambda t: t.i)


def cue_contexts(tokens: list[Token]) -> set[str]:
    """General PLOVER contexts whose cue words occur among ``tokens`` (:data:`.plover.CONTEXT_CUES`)."""
    words = {t.lower_ for t in tokens}
    return {name for name, cues in plover.CONTEXT_CUES.items() if words & cues}


@dataclass
class Found:
    """One event in token terms (indices into the Doc); JSON-ready through :meth:`to_dict`.

    ``actors`` and ``targets`` are lists of alternatives per participant: each
    alternative is a list of token indices to try in order (the head, then the
    organisation it belongs to: "the agents *of Mossad*"). ``target_country``
    is an ISO code found from a demonym ("Israeli assistance").
    """

    trigger: int
    event_type: str
    mode: str | None
    cameo: str | None
    clause: int
    contexts: set[str] = field(default_factory=set)
    actors: list[list[int]] = field(default_factory=list)
    targets: list[list[int]] = field(default_factory=list)
    target_country: str | None = None
    destination: list[int] = field(default_factory=list)
    locations: list[int] = field(default_factory=list)
    partners: list[list[int]] = field(default_factory=list)
    motion: bool = False
    noun: bool = False
    hedged: bool = False

    def to_dict(self) -> dict:
        """JSON-ready (``doc._.events`` must pickle and serialise)."""
        return {
            "trigger": self.trigger, "event_type": self.event_type, "mode": self.mode, "cameo": self.cameo,
            "clause": self.clause, "contexts": sorted(self.contexts), "actors": self.actors, "targets": self.targets,
            "target_country": self.target_country, "destination": self.destination, "locations": self.locations,
            "partners": self.partners,
            "motion": self.motion, "noun": self.noun, "hedged": self.hedged,
        }


def argument(token: Token) -> list[int]:
    """Token indices to try for one participant: the head, its ``of`` object, possessor and compounds.

    "the agents of Israeli spy agency Mossad" → agents, Mossad, agency; "Israel's
    Ben Gurion Airport" → Airport, Israel.
    """
    token = _antecedent(token)
    out = [token.i]
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in children(c, "pobj"):
                out.append(p.i)
                out.extend(x.i for x in children(p, "compound") if x.tag_ in PROPER_TAGS)
    for c in token.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i not in out:
            out.append(c.i)
    return out


def _participants(tokens: list[Token]) -> list[list[int]]:
    out = []
    for t in tokens:
        for c in conjuncts(t):
            out.append(argument(c))
    return out[:4]


def _objects(verb: Token) -> list[Token]:
    objs = children(verb, "dobj")
    if not objs and is_passive(verb):
        objs = children(verb, "nsubjpass")
    if not objs and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.tag_ in NOUN_TAGS:
        # "agreements struck last year": the noun is the participle's object ("a series of agreements": its of-object)
        objs = [verb.head, *prep_objects(verb.head, ("of",))]
    if not objs:
        objs = children(verb, "attr", "oprd")
    out = []
    for o in objs:
        out.extend(c for c in [o, *[x for x in o.children if x.dep_ == "conj"]])
    return out


def _particle(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ == "prt":
            return c.lower_
    if is_passive(verb):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and plover.VERBS.get(f"{lemma(verb)} {c.lower_}"):
            objs = children(c, "pobj")
            if objs and (objs[0].tag_ == "CD" or objs[0].lower_ in CALENDAR_WORDS):
                continue  # "called on Friday"
            return c.lower_
    return None


def _noun_key(token: Token) -> str | None:
    for key in (token.lower_, lemma(token)):
        if key in plover.NOUNS:
            return key
    return None


def _demonym_country(token: Token) -> str | None:
    from ..actors.countries import country_of_demonym, country_of_name

    if token.tag_ in ("JJ", "NNP", "NNPS"):
        c = country_of_demonym(token.text)
        if c is None and token.dep_ in ("poss",):
            c = country_of_name(token.text)
        return c.code if c else None
    return None


def _object_owner(objects: list[Token]) -> tuple[list[list[int]], str | None]:
    """A recipient read off the object: its possessor ("Israel's support") or a demonym ("Israeli assistance")."""
    for o in objects:
        for c in o.children:
            if c.dep_ == "poss" and c.lower_ not in ("his", "her", "its", "their", "our", "my", "your"):
                return [argument(c)], None
        for c in [*o.children, *[g for x in o.children if x.dep_ == "conj" for g in x.children]]:
            if c.dep_ in ("amod", "compound", "nmod"):
                code = _demonym_country(c)
                if code:
                    return [], code
        # "Israeli military and diplomatic assistance": the demonym sits on the first conjunct
    return [], None


def doc_of(token: Token) -> Doc:
    """The Doc of a token."""
    return token.doc


def _locations(token: Token) -> list[int]:
    return [p.i for p in prep_objects(token, LOCATIVE_PREPS)]


def _hedged(verb: Token) -> bool:
    """A hedge adverb on the clause or on a clause it is part of ("reportedly traveled ... to seek support")."""
    t = verb
    for _ in range(6):
        if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in t.children):
            return True
        if t.head.i == t.i or (is_verb(t) and t.dep_ in ("ccomp", "ROOT")) or lemma(t.head) in NON_EVENT_SPEECH_VERBS:
            return False
        t = t.head
    return False


PERSON_NOUNS = frozenset(
    "president minister leader leaders spokesman spokeswoman spokesperson official chief commander envoy ambassador "
    "king queen prince premier governor mayor general head secretary chairman senator lawmaker diplomat prosecutor "
    "judge son daughter father mother man woman men women people residents group groups side sides".split()
)


def plausible_agent(token: Token) -> bool:
    """Could this head name who acts: a name, a pronoun, a person, a group, an organisation or a country noun."""
    from ..actors.lexicons import COUNTRY_NOUNS, GROUP_NOUNS, ORG_NOUNS

    t = _antecedent(token)
    if t.tag_ in PROPER_TAGS or t.tag_ in ("PRP", "PRP$"):
        return True
    w = t.lower_
    return w in PERSON_NOUNS or w in ORG_NOUNS or w in COUNTRY_NOUNS or w in GROUP_NOUNS or w in plover.PROTESTERS or (
        w.endswith("s") and w[:-1] in PERSON_NOUNS | ORG_NOUNS | COUNTRY_NOUNS)


def _head_lemma(t: Token | None) -> str | None:
    if t is None:
        return None
    if t.dep_ == "compound":
        t = t.head
    if t.lower_ in ("dozens", "hundreds", "thousands", "scores", "group", "groups", "crowd", "crowds"):
        of = prep_objects(t, ("of",))
        if of:
            t = of[0]
    return t.lower_


def _subject_lemma(verb: Token) -> str | None:
    src, pas = subject(verb)
    t = src or pas
    if t is None:
        return None
    if t.dep_ == "compound":
        t = t.head
    return t.lower_


CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december today tomorrow yesterday night morning evening afternoon".split())
PROTEST_NP_CUES = frozenset({"protest", "peaceful", "silent", "solidarity", "mass", "candlelight", "protesters",
                             "demonstrators", "anti-government", "opposition"})
MILITARY_NEEDED = frozenset({"post", "posts", "point", "points", "camp", "camps"})
MILITARY_WORDS = frozenset({"military", "army", "observation", "troops", "forces", "soldiers", "militia", "militants",
                            "rebels", "naval", "air"})


def _to_the_streets(verb: Token) -> bool:
    """ "took to the streets", "poured into the streets" """
    return any(p.lower_ in ("streets", "street") for p in prep_objects(verb, ("to", "into", "onto")))


def _hazard(verb: Token, subj_lemma: str | None) -> bool:
    """A natural or accidental cause is the agent: its subject, ``by`` agent or ``in`` object is a hazard."""
    words = {subj_lemma or ""} | {p.lower_ for p in prep_objects(verb, ("by", "in", "after", "from", "during"))}
    head = verb
    while head.dep_ in ("advcl", "conj", "xcomp") and head.tag_ in ("VBG", "VBN", "VB") and head.head.i != head.i:
        head = head.head  # "an earthquake leveled villages, killing hundreds"
        words.add(_subject_lemma(head) or "")
        words |= {c.lower_ for c in head.children if c.dep_ in SUBJECTS}  # a dateline parsed as a second subject
    if words & plover.HAZARDS:
        return True
    sentence = {t.lower_ for t in verb.sent}
    if (lemma(verb) in plover.CASUALTY_VERBS and words & plover.ACCIDENT_WORDS
            and not sentence & (plover.PERPETRATOR_WORDS | plover.EXPLOSIVE_CUES)):
        return True  # "an explosion tore through a fuel depot, killing 11": no bomb, no attacker (ACLED: not violence)
    if lemma(verb) in plover.CASUALTY_VERBS and (is_passive(verb) or verb.tag_ == "VBN"):
        by = prep_objects(verb, ("by",))
        if not by and sentence & plover.ACCIDENT_WORDS and not sentence & plover.PERPETRATOR_WORDS:
            return True  # "six people were killed when a chemical plant exploded"
    return False


def _has_complement(verb: Token, lem: str) -> bool:
    """A request or a commitment states what is asked or promised: "asked X to ...", "asked for ...", "committed to"."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return True
    return bool(prep_objects(verb, plover.COMPLEMENT_VERBS[lem]))


def _content_triggers(head: Token, found_by_token: dict[int, Found]) -> list[Found]:
    """Events in the complement clauses of ``head`` (what is requested, threatened, agreed, refused)."""
    out = []
    for c in head.children:
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("of", "for", "to")):
            for t in c.subtree:
                if t.i in found_by_token and t.i != head.i:
                    out.append(found_by_token[t.i])
    return out


def _dyad(actors: list[list[int]], src: Token | None) -> tuple[list[list[int]], list[list[int]]]:
    """PLOVER's dyad for a meeting whose parties are coordinated in its subject: the first is the source, the
    others the recipients. "Armenia and Azerbaijan will meet" and "the ministers of Armenia and Azerbaijan
    will meet" are one CONSULT, Armenia → Azerbaijan (PLOVER codes a symmetric interaction once, as a dyad;
    POLECAT's CONSULT records carry one source and one target)."""
    if len(actors) >= 2:
        return actors[:1], actors[1:]
    if src is not None and len(actors) == 1:
        for p in prep_objects(src, ("of",)):
            others = conjuncts(p)[1:]
            if others:
                return actors, [argument(o) for o in others][:3]
    return actors, []


def _verb_event(verb: Token) -> Found | None:
    lem = lemma(verb)
    if lem in NON_EVENT_SPEECH_VERBS:
        return None
    particle = _particle(verb)
    objects = _objects(verb)
    obj_keys = [o.lower_ if o.lower_ in ("talks", "arms", "relations", "ties", "sanctions", "forces", "troops")
                else lemma(o) for o in objects]
    obj_keys = [k for pair in zip(obj_keys, [o.lower_ for o in objects]) for k in pair]
    proper = [o for o in objects if o.tag_ in PROPER_TAGS]
    has_at = bool(prep_objects(verb, ("at", "on", "into", "towards")))
    hit = plover.object_entry(lem, obj_keys + ["<proper>"] * bool(proper), particle=particle, has_at=has_at)
    decided_by: Token | None = None
    subj_lemma = _subject_lemma(verb)
    if lem in plover.LIGHT_VERBS and any(_noun_key(o) for o in children(verb, "dobj")):
        return None  # "committed widespread rape", "held talks": the noun is the event
    if lem in plover.COMPLEMENT_VERBS and not _has_complement(verb, lem):
        return None  # "asked about sustainability" is a question, "conspiracy to commit fraud" no promise
    if hit:
        entry, k = hit
        decided_by = (objects[k // 2] if k < len(obj_keys) else proper[0]) if objects else None
        if entry.event_type == "MOBILIZE" and decided_by is not None and decided_by.lower_ in MILITARY_NEEDED:
            words = {t.lower_ for t in decided_by.subtree} | {subj_lemma or ""}
            if not words & MILITARY_WORDS:
                return None
    else:
        entry = plover.verb_entry(lem, particle)
        if entry is None:
            if subj_lemma in plover.PROTESTERS and (lem in plover.GATHERING_VERBS or _to_the_streets(verb)):
                entry = plover.Entry("PROTEST", "demo", "14", targets=("against", "outside"))
            elif _to_the_streets(verb) and (subject(verb)[0] is None or plausible_agent(subject(verb)[0])):
                entry = plover.Entry("PROTEST", "demo", "14", targets=("against",))  # not "drinkers spill on to the streets"
            else:
                return None
    if entry.event_type == "ACCUSE" and any(o.lower_ in plover.HAZARDS | plover.ACCIDENT_WORDS for o in objects):
        return None  # investigating a crash is not an accusation
    if entry.event_type == "PROTEST" and _head_lemma(subject(verb)[0]) in plover.SECURITY_FORCES:
        if lem == "march":
            return None  # troops marching
        entry = plover.Entry("COERCE", "restrict", "17", targets=entry.targets)  # police blocking a road
    if entry.event_type in ("ASSAULT", "MOBILIZE", "COERCE") and _hazard(verb, subj_lemma):
        return None  # "an earthquake killed eight people": a disaster, a PLOVER context, not an event
    if lem == "strike" and subj_lemma in plover.LABOR_CUES:
        entry = plover.NOUNS["strike"]
    elif entry.subjects is not None and subj_lemma not in entry.subjects:
        return None
    event_type, mode, cameo = entry.event_type, entry.mode, entry.cameo
    src, pas = subject(verb)
    actors = _participants([src]) if src is not None else []
    targets: list[list[int]] = []
    target_country = None
    destination: list[int] = []
    for where in entry.targets:
        if where == "dobj":
            tok = children(verb, "dobj") or ([pas] if pas is not None else [])
            tok = [o for o in tok if decided_by is None or o.i != decided_by.i]
        elif where == "dative":
            tok = children(verb, "dative")
            tok = [p for t in tok for p in (children(t, "pobj") or [t])]
        else:
            tok = prep_objects(verb, (where,))
            if not tok and decided_by is not None:
                tok = prep_objects(decided_by, (where,))
        tok = [t for t in tok if t.i != verb.i]
        if tok:
            if entry.motion or (entry.mode == "visit" and where == "dobj" and not entry.reverse):
                destination = [t.i for t in tok]  # "will visit Moscow": Moscow is where, its country the host
            targets = _participants(tok)
            break
    if not targets and event_type in ("REQUEST", "AID", "SUPPORT", "REJECT") and objects:
        targets, target_country = _object_owner(objects)
    if entry.reverse:
        actors, targets = targets, actors
    if event_type == "CONSULT" and not entry.motion and not targets:
        actors, targets = _dyad(actors, src)
    contexts = set(entry.contexts) | _modal_contexts(verb)
    if decided_by is not None:
        contexts |= _np_contexts(decided_by) - {"negation"}
    src_lemma = _head_lemma(src)
    two_sided = cameo == "19" and any(_head_lemma(verb.doc[alt[0]]) in plover.RIOTERS for alt in targets)
    if event_type == "ASSAULT" and (src_lemma in plover.RIOTERS or two_sided):
        event_type, mode, cameo = "PROTEST", "riot", "14"
    verdict = frames.verb_verdict(verb, lem, event_type, src, objects)
    if verdict == "drop":
        return None
    if verdict == "ACCUSE":  # a verbal attack: criticism of the object, or of its owner ("Labour's pledges")
        event_type, mode, cameo = "ACCUSE", None, plover.CAMEO_ROOTS.get("ACCUSE")
        if objects and all(o.tag_ not in PROPER_TAGS for o in objects):
            owner, target_country = _object_owner(objects)
            targets = owner or targets
    return Found(
        trigger=verb.i, event_type=event_type, mode=mode, cameo=cameo, clause=verb.i, contexts=contexts,
        actors=actors, targets=targets, target_country=target_country, destination=destination,
        locations=_locations(verb) + [i for alt in targets for i in _locations(doc_of(verb)[alt[0]])],
        motion=entry.motion, hedged=_hedged(verb),
    )


def _noun_event(noun: Token) -> Found | None:
    key = _noun_key(noun)
    if key is None or noun.dep_ in ("compound",):
        return None
    entry: Entry = plover.NOUNS[key]
    governor = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr") else None
    light = governor is not None and is_verb(governor) and lemma(governor) in plover.LIGHT_VERBS
    words = {t.lower_ for t in noun.subtree} | {c.lower_ for c in noun.children}
    if key in ("strike", "strikes"):
        sentence = {t.lower_ for t in noun.sent}
        on_strike = noun.dep_ == "pobj" and noun.head.lower_ == "on"
        if words & plover.AIR_STRIKE_CUES or any(c.lower_ in ("military", "israeli", "us", "russian") for c in noun.children):
            entry = plover.NOUNS["airstrike"]
        elif (on_strike or words & plover.LABOR_CUES or sentence & plover.LABOR_CUES
              or (governor is not None and lemma(governor) in ("go", "call", "stage", "hold"))):
            mode = "strike-gen" if "general" in words else "strike-hun" if "hunger" in words else None
            entry = plover.Entry("PROTEST", mode, "14", targets=("against",))
        else:
            return None
    elif key in ("explosion", "blast"):
        sentence_words = {t.lower_ for t in noun.sent}
        if not (sentence_words & plover.EXPLOSIVE_CUES):
            return None
    elif not entry.standalone and not light:
        if key in ("drills", "exercises") and words & {"military", "naval", "joint", "war"}:
            pass
        elif key == "vigil" and words & PROTEST_NP_CUES:
            pass
        elif key == "exchange" and words & {"prisoners", "detainees", "hostages", "captives", "bodies"}:
            pass
        else:
            return None
    if entry.event_type == "ASSAULT" and words & plover.HAZARDS:
        return None  # "their battle to contain wildfires"
    if frames.noun_verdict(noun, entry.event_type) == "drop":
        return None  # "court battle", a match in a sports story (see .frames)
    if key == "aid" and any(c.lower_ in ("legal", "hearing", "visual", "teaching") for c in noun.children):
        return None  # "legal aid", "hearing aid": a service or a device, not aid given
    if key in ("march", "marches") and {t.lower_ for t in noun.sent} & plover.SECURITY_FORCES - {"authorities", "police"}:
        return None  # a military march
    if key in ("drills", "exercises") and "joint" in words:
        entry = plover.Entry("COOPERATE", None, "06", contexts=("military",))
    clause = clause_head(noun)
    actors: list[list[int]] = []
    targets: list[list[int]] = []
    target_country = None
    for c in noun.children:
        if c.dep_ == "poss":
            actors = _participants([c])
            break
    if not actors:
        agent = [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for p in children(c, "pobj")]
        if agent:
            actors = _participants(agent)
    if not actors:
        for c in noun.children:
            if c.dep_ in ("compound", "nmod") and c.tag_ in PROPER_TAGS:
                actors = [argument(c)]
                break
            if c.dep_ == "amod" and _demonym_country(c):
                actors = [[c.i]]
                break
    if not actors and light:
        src, _ = subject(governor)
        if src is not None:
            actors = _participants([src])
    if governor is not None and is_verb(governor) and lemma(governor) in plover.VICTIM_VERBS:
        src, _ = subject(governor)
        if src is not None:
            targets = _participants([src])
    if not targets:
        for where in entry.targets:
            tok = prep_objects(noun, (where,))
            if not tok and light:
                tok = prep_objects(governor, (where,))
            if tok:
                targets = _participants(tok)
                break
    contexts = set(entry.contexts) | _np_contexts(noun)
    if light or noun.dep_ in ("nsubj", "dobj", "nsubjpass"):
        contexts |= _modal_contexts(clause) if is_verb(clause) else set()
    event_type, mode, cameo = entry.event_type, entry.mode, entry.cameo
    sides = [noun.doc[alt[0]] for alt in actors + (targets if cameo == "19" else [])]
    if event_type == "ASSAULT" and any(_head_lemma(t) in plover.RIOTERS for t in sides):
        event_type, mode, cameo = "PROTEST", "riot", "14"
    return Found(
        trigger=noun.i, event_type=event_type, mode=mode, cameo=cameo, clause=clause.i, contexts=contexts,
        actors=actors, targets=targets, target_country=target_country,
        locations=_locations(noun) + (_locations(governor) if light else [])
        + [i for alt in targets for i in _locations(noun.doc[alt[0]])], noun=True,
        hedged=_hedged(clause) if is_verb(clause) else False,
    )


def is_question(sentence) -> bool:
    """A sentence that asks rather than states ("What actions do you support?"): it asserts no event."""
    for t in reversed(sentence):
        if t.is_space or t.lower_ in ('"', "'", "”", "’", ")", "»"):
            continue
        return t.text == "?"
    return False


def find_events(doc: Doc) -> list[Found]:
    """Every PLOVER event of a parsed Doc, in text order (see the module docstring for the patterns).

    Questions assert nothing: their sentences yield no event.
    """
    found: dict[int, Found] = {}
    absorbing: list[tuple[Token, Found]] = []
    questions: dict[int, bool] = {}
    for token in doc:
        if token.is_space or token.is_punct:
            continue
        sent = token.sent
        if questions.setdefault(sent.start, is_question(sent)):
            continue
        ev = None
        if verb_like(token) and token.dep_ not in ("amod", "compound", "nmod"):
            ev = _verb_event(token)
            if ev is not None:
                entry = plover.verb_entry(lemma(token), _particle(token))
                if entry is not None and entry.absorbs:
                    absorbing.append((token, ev))
        elif token.tag_ in NOUN_TAGS:
            ev = _noun_event(token)
        if ev is not None:
            found[token.i] = ev
    # contents of requests, threats, promises, refusals and accusations are not events of their own
    for head, ev in absorbing:
        for inner in _content_triggers(head, found):
            if inner.trigger not in found:
                continue
            if ev.event_type in ("REQUEST", "REJECT") and ev.mode is None:
                ev.mode = plover.ABSORBED_MODE.get(inner.event_type)
                if inner.event_type == "RETREAT" and inner.mode == "resign":
                    ev.mode = "change"
            elif ev.event_type == "THREATEN" and ev.mode is None:
                ev.mode = plover.THREAT_MODE.get(inner.event_type)
                if inner.mode in ("expel",):
                    ev.mode = "expel"
            ev.contexts |= inner.contexts - {"negation", "future", "hypothetical", "historical"}
            del found[inner.trigger]
    # objects of requests and threats ("sought Israel's support") set the mode
    for ev in found.values():
        if ev.event_type in ("REQUEST", "REJECT") and ev.mode is None:
            for o in _objects(doc[ev.trigger]):
                ev.mode = plover.REQUEST_MODES.get(o.lower_) or plover.REQUEST_MODES.get(lemma(o))
                if ev.mode:
                    break
    # a noun trigger of the same type in a verb trigger's clause is that event ("traveled ... for a meeting with")
    for i in sorted(found):
        ev = found.get(i)
        if ev is None or not ev.noun:
            continue
        verb_ev = found.get(ev.clause)
        if verb_ev is not None and not verb_ev.noun and verb_ev.event_type == ev.event_type and verb_ev is not ev:
            if not verb_ev.targets:
                verb_ev.targets = ev.targets
            elif verb_ev.motion:
                verb_ev.partners = ev.targets  # "traveled to Tel Aviv for a meeting with Israeli officials"
            verb_ev.contexts |= ev.contexts - {"negation"}
            del found[i]
    events = [found[i] for i in sorted(found)]
    for ev in events:
        words = clause_tokens(doc[ev.clause])
        if ev.noun:
            words += list(doc[ev.trigger].subtree)
        ev.contexts |= cue_contexts(words)
        if ev.event_type == "ASSAULT" and ev.mode is None:
            lower = {t.lower_ for t in words}
            ev.mode = next((m for m, cues in plover.ASSAULT_MODE_CUES if lower & cues), None)
        ev.contexts = {c for c in ev.contexts if c in plover.CONTEXTS}
        if ev.mode is not None and ev.mode not in plover.MODES.get(ev.event_type, ()):
            ev.mode = None
    return events
