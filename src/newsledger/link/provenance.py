"""Independent sources: where each report of a story comes from (DESIGN.md, Story ``origins``).

A story ran in many outlets; how many *independent* sources stand behind it? GDELT's NumSources counts
outlets; Event Registry flags duplicates (``isDuplicate``) but still counts articles. Here every report is
traced to its **origins** — the newsrooms whose own reporting it rests on — from three kinds of evidence:

* **attribution chains and credit lines**: a credit line ("By Coastline Press Agency"), a dateline's
  agency code ("MOMBASA, Kenya (CPA) —"), an attribution whose chain runs through another outlet
  (Press TV → Haaretz; "the agency reported"), a source who spoke to another outlet ("told the
  agency"). A source named differently across reports resolves to one origin when the story's other
  reports say who it is: an agency code by the initials of a name the story gives, "the Herald" by the
  outlet whose name ends so, "the agency" by the one agency the report names, a journalist by the
  outlet whose byline or correspondent they are elsewhere in the story (:class:`Directory`).
* **text reuse** (``reuse.py``): a report at least partially derived (METER) from another rests on that
  report's origins, credited or not.
* **publication order**: a report never rests on one published after it. Between two reports of one day
  that share text, the one with its own sourcing is the source; when neither has any, both rest on
  the same text and share its origins.

A report with its own sourcing — its own reporter ("A Coastline Press Agency reporter at the scene
saw"), a source speaking to it ("told the Herald"), a named witness quoted directly in text it does not
share with an earlier report and whom no other outlet of the story quotes — is an origin, named by its outlet (one newsroom's reports are one origin).
A report resting on nothing traceable is its own origin, of kind ``untraced``; reports that only share
text with one another and nothing else share one untraced origin. Two origins are never merged without
one of these pieces of evidence.

Everything here is a pure function of the reports of one story (:func:`origins`); the stories module
decides which reports belong together.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from networkx.utils import UnionFind
from rapidfuzz import fuzz

from ..analyze.attribution.lexicon import OUTLET_NAMES, OUTLET_WORDS
from ..records import Analysis, Attribution, Span, UNKNOWN_OUTLET, to_dict
from .reuse import Reuse, reuse_pairs

ORIGIN_KINDS = ("outlet", "untraced")
"""``outlet``: a newsroom's own reporting (an outlet or agency, named as the story's reports name it);
``untraced``: reports resting on nothing traceable."""

EVIDENCE_KINDS = ("own_reporter", "own_witness", "recipient", "credit_line", "dateline", "chain", "reuse", "untraced")
"""What ties a report to an origin: its own reporter or a source who spoke to it, a named witness it quotes,
a source who spoke to another outlet ("told the agency"), a credit line, a dateline's agency code, an
attribution chain through an outlet, text reuse; ``untraced`` marks a report with none of them."""

WEAK_SOURCE_KINDS = frozenset({"anonymous", "unnamed", "media_reports", None})
"""Source kinds that do not confirm a claim (DESIGN.md: a claim is unconfirmed when every origin behind it is
hedged or anonymous)."""

SAME_CLAIM = 85
"""rapidfuzz ``fuzz.ratio`` (0-100) of two attributions' contents from which they are one claim: the same
sentence reprinted, give or take a changed word (ours: a changed figure in a 20-word sentence scores about
90, two reports' own wordings of one fact below 70)."""

_CREDIT_LINE = re.compile(r"^\s*(?:By|From|Source:?)\s+(?P<name>[^\n]{2,80}?)\s*$")
_DATELINE = re.compile(r"(?:^|[\w,.]\s*)\((?P<code>[A-Z][A-Za-z]{1,14})\)\s*[—–-]")
_DATELINE_REACH = 250
"""Characters from the start of the first body paragraph where a dateline's agency code is looked for (a byline
may come first: "By Benjamin Kang Lim BEIJING/SEOUL, Oct 9 (Reuters) -")."""
_RECIPIENT = re.compile(
    r"[ \t]+(?P<name>(?:the[ \t]+)?(?:agency|newspaper|paper|news agency|wire service)\b"
    r"|(?:the[ \t]+)?[A-Z][\w’'&-]*(?:[ \t]+[A-Z][\w’'&-]*){0,4})")
_TELL_CUES = frozenset("told tell tells telling".split())
_GENERIC = {"agency": ("agency", "press", "wire", "news service"), "news agency": ("agency", "press", "wire"),
            "wire service": ("agency", "press", "wire"), "newspaper": (), "paper": ()}
_CORRESPONDENT = re.compile(
    r"(?P<outlet>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})[’']s\s+(?:[a-z-]+\s+){0,3}"
    r"(?:correspondent|reporter|columnist|editor|journalist)\s+(?P<person>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})"
    r"|(?P<person2>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),\s+(?:the|a|an)\s+(?P<outlet2>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
    r"[’']s\s+(?:[a-z-]+\s+){0,3}(?:correspondent|reporter|columnist|editor|journalist)")
_PERSON_NAME = re.compile(r"^[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}$")
_ORG_WORDS = re.compile(r"\b(?:Agency|Press|News|Wire|Service|Times|Post|Herald|Tribune|Digest|Gazette|Journal|"
                        r"Ledger|Monitor|Daily|Telegraph|Radio|TV|Television|Network|Media)\b")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of evidence tying a report to an origin.

    Attributes:
        kind: one of :data:`EVIDENCE_KINDS`.
        article_id: the report it was found in.
        span: where in that report's text (``text[start:end]``), when it is a stretch of text.
        cue: the cue or the credit as written ("told", "By Coastline Press Agency", "(CPA)").
        chain: the attribution chain, root first, for ``chain``, ``recipient`` and witness evidence.
        attribution_id: the attribution it comes from, if any.
        other: for ``reuse``, the report the text was reused from; ``label`` its METER level
            (``reuse.LABELS``) and ``other_span`` the passage in that report.
    """

    kind: str
    article_id: str
    span: Span | None = None
    cue: str | None = None
    chain: tuple[str, ...] = ()
    attribution_id: str | None = None
    other: str | None = None
    label: str | None = None
    other_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """One independent source of a story: its name, kind (:data:`ORIGIN_KINDS`), the reports resting on it
    (article ids, oldest first) and the evidence for each."""

    name: str
    kind: str
    reports: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ClaimProvenance:
    """The same count for one claim: attributions of one content across the story's reports.

    Attributes:
        text: the claim's content as the earliest report gives it.
        attributions: ``(article_id, attribution_id)`` of each report's attribution of it.
        reports, outlets: where it appears.
        origins: names of the origins behind it; ``independent_sources`` their number.
        unconfirmed: every origin behind it gives it only hedged or through an anonymous or unnamed source.
    """

    text: str
    attributions: tuple[tuple[str, str], ...]
    reports: tuple[str, ...]
    outlets: tuple[str, ...]
    origins: tuple[str, ...]
    independent_sources: int
    unconfirmed: bool


@dataclass(frozen=True, slots=True)
class StoryProvenance:
    """Where one story comes from (DESIGN.md, Story: ``reports``, ``outlets``, ``independent_sources``,
    ``origins``), per claim (``claims``), with the text reuse found between its reports (``reuse``)."""

    reports: tuple[str, ...]
    outlets: tuple[str, ...]
    independent_sources: int
    origins: tuple[Origin, ...]
    claims: tuple[ClaimProvenance, ...] = ()
    reuse: tuple[Reuse, ...] = ()

    def origin_of(self, article_id: str) -> tuple[str, ...]:
        """Names of the origins the report ``article_id`` rests on."""
        return tuple(o.name for o in self.origins if article_id in o.reports)

    def to_json(self) -> dict:
        """JSON-ready data (records as dicts, tuples as lists)."""
        return to_dict(self)


# ---------------------------------------------------------------- names across the story's reports


def _key(name: str) -> str:
    s = re.sub(r"[’']s$", "", name.strip().strip(".,;:()\"“”")).strip()
    s = re.sub(r"^(?:the|a|an)\s+", "", s, flags=re.IGNORECASE)
    return " ".join(s.casefold().split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@dataclass
class Directory:
    """The news organizations and journalists the story's reports name, to resolve a name to one of them.

    ``names``: canonical names (the reports' outlets, the outlets their attribution chains run through,
    the organizations their credit lines name), by :func:`_key`; ``reporters``: a journalist's name key →
    the outlet they write for, from a byline in that outlet's report or "Haaretz's intelligence
    correspondent Yossi Melman" anywhere in the story.
    """

    names: dict[str, str] = field(default_factory=dict)
    reporters: dict[str, str] = field(default_factory=dict)

    def add(self, name: str | None, *, alias: bool = False) -> None:
        """Add a canonical name; with ``alias``, only when it does not resolve to a known one already
        ("Herald" in the Kilindini Herald's report, "A Coastline Press Agency reporter")."""
        if name and name != UNKNOWN_OUTLET and _key(name) and not (alias and (self.resolve(name) or self.ambiguous(name))):
            self.names.setdefault(_key(name), name.strip())

    def resolve(self, text: str | None, *, mentioned: Iterable[str] = (), own: str | None = None) -> str | None:
        """The canonical name ``text`` refers to, or None.

        Args:
            text: a name as written ("the agency", "CPA", "the Herald", "Israel’s Haaretz", "Yossi Melman").
            mentioned: names the report itself mentions, to resolve a generic noun ("the agency") by the
                one organization of that sort it names.
            own: the report's outlet (a generic noun never resolves to it).

        Returns:
            A name from ``names`` (or an outlet from ``reporters``), or None when nothing or several fit.
        """
        if not text:
            return None
        k = _key(text)
        if not k:
            return None
        if k in self.names:
            return self.names[k]
        if k in self.reporters:
            return self.reporters[k]
        if k in _GENERIC:
            words = _GENERIC[k]
            pool = [n for n in dict.fromkeys(mentioned) if n != own and _key(n) in self.names]
            if words:
                pool = [n for n in pool if any(w in n.casefold() for w in words)]
            return pool[0] if len(pool) == 1 else None
        raw = text.strip().strip("()")
        if raw.isupper() and 2 <= len(raw) <= 8:
            hits = {n for n in self.names.values() if _initials(n) == raw}
            return hits.pop() if len(hits) == 1 else None
        # a short form ("the Herald", "the Post"): the one known name ending so, else the one the report mentions
        if len(k.split()) <= 2:
            hits = {n for kk, n in self.names.items() if kk.endswith(" " + k)}
            if len(hits) > 1:
                hits &= {n for n in mentioned if n in hits}
            if len(hits) == 1:
                return hits.pop()
            if hits:
                return None
        # a longer form of a known name ("Israel's Haaretz", "the Haaretz report", "New York Post's Page Six")
        hits = {n for kk, n in self.names.items() if re.search(rf"(?:^|\s){re.escape(kk)}(?:$|\s|[’']s\b)", k)}
        return hits.pop() if len(hits) == 1 else None

    def ambiguous(self, name: str) -> bool:
        """``name`` is a short form of several known names ("Post": New York Post, Washington Post)."""
        k = _key(name)
        return sum(kk.endswith(" " + k) for kk in self.names) > 1


_CAPITALIZED = re.compile(r"(?:[A-Z0-9][\w&.’'-]*)(?:[ \t]+(?:of[ \t]+|de[ \t]+|al-)?[A-Z0-9][\w&.’'-]*)*")
_DETERMINERS = frozenset("the a an this that".split())


def _outlet_name(text: str, report: Analysis) -> str | None:
    """The news organization named in a chain element, or None when it names none.

    The attribution chain holds the source as the text gives it ("a report from Bloomberg News", "Al-Safir, the
    Lebanese news magazine, which first reported the arrest"), and its ``outlet`` kind is sometimes given to a
    person. The name kept is the first run of capitalized words that holds an outlet word or name of the
    attribution lexicon (``OUTLET_WORDS``, ``OUTLET_NAMES``: "News", "Times", "Reuters") or is an actor of kind
    outlet or organization in the report ("DigiTimes", "Al-Safir"); a run that is a person actor is none.
    """
    kinds = {_key(a.name): a.kind for a in report.actors or ()}
    for m in _CAPITALIZED.finditer(text):
        words = m.group().split()
        while words and words[0].casefold() in _DETERMINERS:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words).rstrip(".,;:")
        tokens = set(re.split(r"[\s-]+", name.casefold()))
        kind = kinds.get(_key(name))
        if kind == "person":
            continue
        if tokens & (OUTLET_WORDS | OUTLET_NAMES) or kind in ("outlet", "organization"):
            return name
    return None


def _agency_code(code: str) -> bool:
    """A dateline's parenthesis names a news organization: an all-capitals code ("CPA", "AP") or an outlet
    name of the attribution lexicon ("Reuters")."""
    return (code.isupper() and len(code) <= 6) or code.casefold() in OUTLET_NAMES or code.casefold() in OUTLET_WORDS


def _paragraph_texts(report: Analysis) -> list[tuple[Span, str]]:
    art = report.article
    return [(Span(p.start, p.end, art.text[p.start : p.end]), p.role) for p in art.paragraphs]


def _credit_lines(report: Analysis) -> list[tuple[Span, str]]:
    """``(span of the name, name)`` of credit lines: a short paragraph "By X" / "From X", and the byline."""
    out = []
    for span, role in _paragraph_texts(report):
        if role == "title" or len(span.text.split()) > 12:
            continue
        m = _CREDIT_LINE.match(span.text)
        if m:
            s = span.start + m.start("name")
            out.append((Span(s, s + len(m.group("name")), m.group("name")), span.text.strip()))
    if report.article.byline and not out:
        out.append((None, report.article.byline))  # type: ignore[arg-type]
    return out


def _dateline(report: Analysis) -> tuple[Span, str] | None:
    """The agency code of the first body paragraph's dateline ("MOMBASA, Kenya (CPA) —"), if any."""
    for span, role in _paragraph_texts(report):
        if role != "body":
            continue
        m = _DATELINE.search(span.text[:_DATELINE_REACH])
        if not m or not _agency_code(m.group("code")):
            return None
        s = span.start + m.start("code") - 1
        return Span(s, s + len(m.group("code")) + 2, span.text[m.start("code") - 1 : m.end("code") + 1]), m.group("code")
    return None


def directory(reports: Sequence[Analysis]) -> Directory:
    """Build the story's :class:`Directory` from its reports (outlets, chains, credit lines, bylines)."""
    d = Directory()
    for r in reports:
        d.add(r.article.outlet)
    for r in reports:
        for a in r.attributions or ():
            if a.claim_kind not in ("statement", "perception") or not a.source:
                continue
            for name in a.chain[1:2]:
                # an outlet, or the outlet a document was resolved to ("the report" → Haaretz); "Flight records" is none
                if a.source_kind == "outlet" or (a.source_kind == "document" and _key(name) != _key(a.source.text)):
                    d.add(_outlet_name(name, r), alias=True)
        for actor in r.actors or ():
            if actor.kind == "outlet":
                d.add(actor.name, alias=True)
        for _span, line in _credit_lines(r):
            name = _CREDIT_LINE.match(line).group("name") if _CREDIT_LINE.match(line) else line
            if _ORG_WORDS.search(name) and not _PERSON_NAME.match(name):
                d.add(name, alias=True)
        dl = _dateline(r)
        if dl and not dl[1].isupper():  # "Reuters"; an initialism ("CPA") resolves by the initials of a known name
            d.add(dl[1], alias=True)
        for a in r.attributions or ():
            rec = _recipient(r, a)
            if rec:
                d.add(_outlet_name(rec[1], r), alias=True)
    for r in reports:
        outlet = r.article.outlet
        for _span, line in _credit_lines(r):
            name = _CREDIT_LINE.match(line).group("name") if _CREDIT_LINE.match(line) else line
            if _PERSON_NAME.match(name) and not _ORG_WORDS.search(name) and outlet:
                d.reporters.setdefault(_key(name), outlet)
        for m in _CORRESPONDENT.finditer(r.article.text):
            org = d.resolve(m.group("outlet") or m.group("outlet2"))
            person = m.group("person") or m.group("person2")
            if org:
                d.reporters.setdefault(_key(person), org)
    return d


# ---------------------------------------------------------------- evidence in one report


@dataclass
class _Report:
    analysis: Analysis
    order: int
    own: list[Evidence] = field(default_factory=list)
    credits: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))
    claim_origin: dict[str, str] = field(default_factory=dict)  # attribution id -> origin name (own or credited)

    @property
    def id(self) -> str:
        return self.analysis.article.article_id

    @property
    def outlet(self) -> str:
        """The outlet's name; with the outlet unknown, one per article (two unknown outlets are never one origin)."""
        a = self.analysis.article
        return a.outlet if a.outlet and a.outlet != UNKNOWN_OUTLET else f"{UNKNOWN_OUTLET} {a.article_id[:12]}"

    @property
    def day(self) -> str | None:
        p = self.analysis.article.published
        return p[:10] if p else None


def _recipient(report: Analysis, a: Attribution) -> tuple[Span, str] | None:
    """Who a source spoke to: the object of a "told" cue ("told the Herald", "told the agency")."""
    if not a.cue or a.cue.text.split()[0].casefold() not in _TELL_CUES:
        return None
    text = report.article.text
    end = a.cue.start + len(a.cue.text.split()[0])
    m = _RECIPIENT.match(text, end)
    if not m:
        return None
    s = m.start("name")
    return Span(s, m.end("name"), m.group("name")), m.group("name")


def _named_person(report: Analysis, a: Attribution) -> bool:
    """The source is a person the text names (an actor of kind person with a name of two words or more)."""
    if a.source_kind not in ("person", "official") or not a.source_actor_id:
        return False
    for actor in report.actors or ():
        if actor.actor_id == a.source_actor_id:
            return actor.kind == "person" and len(actor.name.split()) >= 2
    return False


def _witness(report: Analysis, a: Attribution) -> str | None:
    """The name key of the named person ``a`` quotes directly, or None."""
    if a.kind not in ("direct", "mixed") or not _named_person(report, a):
        return None
    return next((_key(x.name) for x in report.actors or () if x.actor_id == a.source_actor_id), None)


def shared_witnesses(reports: Sequence[Analysis]) -> set[str]:
    """Name keys of the named people quoted directly in reports of two outlets or more.

    Every outlet quoting one interview (rewritten, so text reuse does not see it) or one press conference is no
    evidence that any of them did its own reporting: such a quote counts for none of them (a report still has
    its own sourcing when the witness "told" it).
    """
    outlets: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        for a in r.attributions or ():
            w = _witness(r, a)
            if w:
                outlets[w].add(r.article.outlet or r.article.article_id)
    return {w for w, o in outlets.items() if len(o) > 1}


def _inside(span: Span, spans: Iterable[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end + 1 for s in spans)


def _mentioned(report: Analysis, d: Directory) -> list[str]:
    """Names of the directory the report's text or chains mention (for "the agency")."""
    text = report.article.text.casefold()
    out = [n for k, n in d.names.items() if k in text]
    for a in report.attributions or ():
        out.extend(n for n in a.chain[1:] if _key(n) in d.names)
    return out


def _gather(rep: _Report, d: Directory, shared: list[Span], witnesses: set[str] = frozenset()) -> None:
    """Fill ``rep.own`` and ``rep.credits`` from its credit lines, dateline and attributions.

    ``shared``: spans of this report's text reused with a report of another outlet published the same day
    or earlier; a named witness quoted there, or one of ``witnesses`` (:func:`shared_witnesses`), is not
    evidence of the report's own sourcing.
    """
    r = rep.analysis
    own, mentioned = rep.outlet, _mentioned(r, d)

    def credit(name: str | None, ev: Evidence, attribution_id: str | None = None) -> bool:
        if not name:
            return False
        if _key(name) == _key(own):
            rep.own.append(ev)
            if attribution_id:
                rep.claim_origin[attribution_id] = own
        else:
            rep.credits[name].append(ev)
            if attribution_id:
                rep.claim_origin[attribution_id] = name
        return True

    for span, line in _credit_lines(r):
        name_text = span.text if span else line
        name = d.resolve(name_text, mentioned=mentioned, own=own)
        ev = Evidence("credit_line", rep.id, span=span, cue=line)
        if name:
            credit(name, ev)
        elif _PERSON_NAME.match(name_text) and not _ORG_WORDS.search(name_text):
            rep.own.append(Evidence("own_reporter", rep.id, span=span, cue=line))
        elif _ORG_WORDS.search(name_text):
            credit(name_text, ev)
    dl = _dateline(r)
    if dl:
        span, code = dl
        credit(d.resolve(code) or code, Evidence("dateline", rep.id, span=span, cue=span.text))
    for a in r.attributions or ():
        if a.claim_kind not in ("statement", "perception"):
            continue
        if a.source_kind == "self":
            rep.own.append(Evidence("own_reporter", rep.id, span=a.source, cue=a.cue.text if a.cue else None,
                                    chain=a.chain, attribution_id=a.attribution_id))
            rep.claim_origin[a.attribution_id] = own
            continue
        rec = _recipient(r, a)
        if rec:
            span, name_text = rec
            name = d.resolve(name_text, mentioned=mentioned, own=own)
            if name and credit(name, Evidence("recipient", rep.id, span=span, cue=f"{a.cue.text} {name_text}",
                                              chain=a.chain, attribution_id=a.attribution_id), a.attribution_id):
                continue
        if a.source_kind not in WEAK_SOURCE_KINDS:
            names = [d.resolve(n, mentioned=mentioned, own=own) for n in a.chain[1:]]
            names.append(d.resolve(a.source.text if a.source else None, mentioned=mentioned, own=own))
            name = next((n for n in names if n), None)
            if name and credit(name, Evidence("chain", rep.id, span=a.source, cue=a.cue.text if a.cue else None,
                                              chain=a.chain, attribution_id=a.attribution_id), a.attribution_id):
                continue
        w = _witness(r, a)
        if w and w not in witnesses and a.contents and not _inside(a.contents[0], shared):
            rep.own.append(Evidence("own_witness", rep.id, span=a.source, cue=a.cue.text if a.cue else None,
                                    chain=a.chain, attribution_id=a.attribution_id))
            rep.claim_origin[a.attribution_id] = own


# ---------------------------------------------------------------- the story


def _directions(x: _Report, y: _Report) -> list[tuple[_Report, _Report]]:
    """``(source, derived)`` pairs for two reports sharing text: publication order first (a report never rests
    on a later one), then, on one day, sourcing of its own beats a credit, which beats nothing: the report
    with more is the source; with nothing on either side, both ways; with as much on each, none (each
    already says where it comes from)."""
    if x.day and y.day and x.day != y.day:
        return [(x, y)] if x.day < y.day else [(y, x)]
    tx, ty = (2 if x.own else 1 if x.credits else 0), (2 if y.own else 1 if y.credits else 0)
    if tx > ty:
        return [(x, y)]
    if ty > tx:
        return [(y, x)]
    return [] if tx else [(x, y), (y, x)]


def origins(reports: Sequence[Analysis], *, reuse: Sequence[Reuse] | None = None) -> StoryProvenance:
    """The independent sources of one story's reports.

    Args:
        reports: the story's reports, each an :class:`~newsledger.records.Analysis` with its article (id,
            outlet, published, text, paragraphs with roles), its ``attributions`` and its ``actors``.
        reuse: the text reuse between them, if already computed (else :func:`reuse.reuse_pairs` runs).

    Returns:
        A :class:`StoryProvenance`: ``independent_sources`` is the number of ``origins``; each report rests
        on at least one origin (its own, credited, reused, or an untraced one).

    Raises:
        ValueError: if ``reports`` is empty or holds one article twice.
    """
    if not reports:
        raise ValueError("origins() needs the reports of one story: none were given")
    ids = [r.article.article_id for r in reports]
    if len(set(ids)) != len(ids):
        raise ValueError(f"origins(): an article is given twice ({sorted(i for i in ids if ids.count(i) > 1)[0]})")
    pairs = list(reuse) if reuse is not None else reuse_pairs([r.article for r in reports])
    pairs = [p for p in pairs if p.derived]
    reps = sorted((_Report(r, i) for i, r in enumerate(reports)), key=lambda x: (x.day or "9999", x.order))
    by_id = {rep.id: rep for rep in reps}
    d = directory(reports)
    witnesses = shared_witnesses(reports)

    for rep in reps:
        shared = []
        for p in pairs:
            if rep.id in (p.a, p.b):
                other = by_id[p.b if p.a == rep.id else p.a]
                if not (rep.day and other.day and other.day > rep.day):
                    shared.extend(p.spans_of(rep.id))
        _gather(rep, d, shared, witnesses)

    # origins per report: own, credited, then inherited through reuse until nothing changes
    found: dict[str, dict[str, list[Evidence]]] = {rep.id: defaultdict(list) for rep in reps}
    kinds: dict[str, str] = {}
    for rep in reps:
        if rep.own:
            found[rep.id][rep.outlet].extend(rep.own)
            kinds[rep.outlet] = "outlet"
        for name, evs in rep.credits.items():
            found[rep.id][name].extend(evs)
            kinds.setdefault(name, "outlet")
    edges = []
    for p in pairs:
        for src, dst in _directions(by_id[p.a], by_id[p.b]):
            span_pairs = [(q.a, q.b) if dst.id == p.a else (q.b, q.a) for q in p.passages]
            edges.append((src, dst, p.label_of(dst.id), span_pairs))
    changed = True
    while changed:  # origins flow along reuse edges, source to derived report, until nothing changes
        changed = False
        for src, dst, lab, span_pairs in edges:
            for name in list(found[src.id]):
                if any(e.kind == "reuse" and e.other == src.id for e in found[dst.id].get(name, ())):
                    continue
                found[dst.id][name].extend(
                    [Evidence("reuse", dst.id, span=a_span, other=src.id, label=lab, other_span=b_span)
                     for a_span, b_span in span_pairs] or [Evidence("reuse", dst.id, other=src.id, label=lab)])
                changed = True
    # reports resting on nothing traceable: one untraced origin per group of them joined by reuse
    untraced = [rep for rep in reps if not found[rep.id]]
    untraced_ids = {rep.id for rep in untraced}
    group = UnionFind(untraced_ids)
    for src, dst, lab, span_pairs in edges:
        if src.id in untraced_ids and dst.id in untraced_ids:
            group.union(src.id, dst.id)
    names_of_group: dict[str, str] = {}
    for rep in untraced:  # oldest first: a group is named after its earliest report's outlet
        g = group[rep.id]
        if g not in names_of_group:
            n, i = rep.outlet, 2
            while n in kinds:
                n, i = f"{rep.outlet} ({i})", i + 1
            names_of_group[g] = n
            kinds[n] = "untraced"
        name = names_of_group[g]
        found[rep.id][name].extend(
            [Evidence("reuse", rep.id, span=a_span, other=src.id, label=lab, other_span=b_span)
             for src, dst, lab, span_pairs in edges if dst.id == rep.id and src.id in untraced_ids
             for a_span, b_span in span_pairs])
        if not found[rep.id][name]:
            found[rep.id][name].append(Evidence("untraced", rep.id, cue="no credit, no source of its own, no reuse"))

    by_origin: dict[str, list[tuple[_Report, list[Evidence]]]] = defaultdict(list)
    for rep in reps:
        for name, evs in found[rep.id].items():
            by_origin[name].append((rep, evs))
    order = sorted(by_origin, key=lambda n: (min(r.day or "9999" for r, _ in by_origin[n]),
                                             min(r.order for r, _ in by_origin[n]), n))
    result = tuple(Origin(name=n, kind=kinds[n], reports=tuple(r.id for r, _ in by_origin[n]),
                          evidence=tuple(e for _, evs in by_origin[n] for e in evs)) for n in order)
    report_origins = {rep.id: [n for n in order if n in found[rep.id]] for rep in reps}
    return StoryProvenance(
        reports=tuple(rep.id for rep in reps),
        outlets=tuple(dict.fromkeys(rep.outlet for rep in reps)),
        independent_sources=len(result),
        origins=result,
        claims=_claims(reps, report_origins, kinds),
        reuse=tuple(pairs),
    )


def _content(a: Attribution) -> str:
    return " ".join(s.text for s in a.contents)


def _claims(reps: list[_Report], report_origins: dict[str, list[str]], kinds: dict[str, str]) -> tuple[ClaimProvenance, ...]:
    """Group the story's attributions into claims (same content, :data:`SAME_CLAIM`) and count each one's origins.

    An attribution rests on the origin its own evidence names (its chain, its recipient, the report's own
    sourcing) and otherwise on its report's origins.
    """
    items = [(rep, a) for rep in reps for a in rep.analysis.attributions or ()
             if a.contents and a.claim_kind in ("statement", "perception")]
    same = UnionFind(range(len(items)))
    texts = [_content(a).casefold() for _, a in items]
    for x in range(len(items)):
        for y in range(x + 1, len(items)):
            if items[x][0] is not items[y][0] and fuzz.ratio(texts[x], texts[y], score_cutoff=SAME_CLAIM):
                same.union(x, y)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in range(len(items)):
        groups[same[x]].append(x)
    out = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        behind: dict[str, bool] = {}  # origin -> confirmed by at least one attribution resting on it
        for x in members:
            rep, a = items[x]
            names = [rep.claim_origin[a.attribution_id]] if a.attribution_id in rep.claim_origin else report_origins[rep.id]
            strong = a.source_kind not in WEAK_SOURCE_KINDS and a.certainty not in ("hedged", "denied")
            for n in names:
                behind[n] = behind.get(n, False) or strong
        first = items[members[0]]
        out.append(ClaimProvenance(
            text=_content(first[1]),
            attributions=tuple((items[x][0].id, items[x][1].attribution_id) for x in members),
            reports=tuple(dict.fromkeys(items[x][0].id for x in members)),
            outlets=tuple(dict.fromkeys(items[x][0].outlet for x in members)),
            origins=tuple(behind),
            independent_sources=len(behind),
            unconfirmed=not any(behind.values()),
        ))
    return tuple(out)
