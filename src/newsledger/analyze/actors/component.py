"""The ``newsledger_actors`` spaCy component: one person is one actor, two people are two.

The component reads tags, dependencies and entities (``tagger``, ``parser``,
``ner``), resolves every mention that refers to an actor (names, acronyms,
descriptions, kinship phrases, demonym groups, pronouns) with
:class:`~newsledger.analyze.actors.resolve.Resolver`, and annotates:

* ``doc._.actors``: one dict per actor, ``name``, ``kind`` (person,
  organization, country, group, outlet), ``aliases``, ``country`` (ISO 3166-1
  alpha-2), ``descriptors`` ({text: count}) and ``descriptor_spans``
  (``start``/``end`` character offsets, ``kind``), plus the resolver's evidence
  (``outlet_cues``, ``gender``);
* ``doc._.actor_mentions``: one dict per mention, character offsets
  ``start``/``end``, NER ``label`` after clean-up (None when NER did not find
  it), ``form`` (name, pronoun, description, kin, group, plain), ``actor`` (an
  index into ``doc._.actors`` or None) and ``ambiguous``;
* ``doc._.speaker_labels``: in an interview transcript, the speaker label that
  opens each line ("Q:", "A:", "WN:", "MARISOL DANTAS:"), keyed by its start
  character offset: ``end``, ``label``, ``speaker`` (the person's canonical name,
  the outlet for the interviewer's label, or None) and ``actor`` (index or
  None). Labels are not mentions; the attribution records read this map to
  credit a labelled line to its speaker.

Three extractors build records from them: ``actors`` (order 10),
``descriptors`` (order 12: how the article labels each actor, DESIGN.md's
Descriptor; ``Actor.descriptors`` counts these) and ``mentions`` (order 11), which replaces the base NER mentions: it keeps every
NER mention that survives clean-up (dates and places too, without an actor)
and adds the mentions NER does not find, each with its ``actor_id``. A later
extractor (attributions, events) reads both from ``ctx.sections``.

Usage outside newsledger::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsledger_actors")
    doc = nlp("Libyan strongman Khalifa Haftar ... Haftar said ...")
    doc._.actors, doc._.actor_mentions
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...records import ANALYZED_ROLES, Actor, Descriptor, Mention, UNKNOWN_OUTLET
from .. import base  # noqa: F401 - registers the base "mentions" first, so ours below replaces it whatever the import order
from ..component import Component
from .resolve import count_descriptors, resolve_doc
from ..registry import Extractor, RecordContext, register
from ..to_records import sentence_span, trimmed

for _name in ("actors", "actor_mentions", "speaker_labels"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

"""Key of ``Actor.descriptors`` when the article's outlet is not known."""


class ActorResolver(Component):
    """spaCy component: resolves actor mentions (see the module docstring).

    Sets ``doc._.actors`` (one entry per actor, None where resolution dropped
    it) and ``doc._.actor_mentions`` (dicts: ``start``, ``end`` character
    offsets, ``label``, ``form``, ``actor`` index or None, ``ambiguous``,
    ``sent_token``).
    """

    def __init__(self, nlp: Language, name: str = "newsledger_actors"):
        super().__init__(nlp, name)

    def find(self, doc: Doc) -> tuple[list, list[dict], dict[int, dict]]:
        """The actors, the mentions and the transcript's speaker labels of ``doc``."""
        actors, cands, labels = resolve_doc(doc, doc._.outlet)
        mentions = []
        for c in cands:
            if c.form not in ("name", "plain") and c.actor is None and not c.ambiguous:
                continue
            start = doc[c.start].idx
            last = doc[c.end - 1]
            mentions.append({
                "start": start, "end": last.idx + len(last.text), "label": c.label, "form": c.form,
                "actor": c.actor if c.actor is not None and actors[c.actor] is not None else None,
                "ambiguous": c.ambiguous, "sent_token": c.head,
            })
        return actors, mentions, labels

    def set_annotations(self, doc: Doc, found: tuple[list, list[dict], dict[int, dict]]) -> None:
        doc._.actors, doc._.actor_mentions, doc._.speaker_labels = found


@Language.factory(
    "newsledger_actors",
    assigns=["doc._.actors", "doc._.actor_mentions", "doc._.speaker_labels"],
    requires=["token.tag", "token.dep", "doc.ents"],
    default_config={},
)
def make_actors(nlp: Language, name: str) -> ActorResolver:
    """spaCy factory of :class:`ActorResolver` (``nlp.add_pipe("newsledger_actors")``)."""
    return ActorResolver(nlp, name)


# ------------------------------------------------------------------ records


def actor_ids(doc: Doc, article_id: str) -> list[str | None]:
    """``actor_id`` of each entry of ``doc._.actors``: ``"<article_id[:12]>:<n>"``, numbered from 1 in text order."""
    out: list[str | None] = []
    n = 0
    for a in doc._.actors or []:
        if a is None:
            out.append(None)
        else:
            n += 1
            out.append(f"{article_id[:12]}:{n}")
    return out


def descriptor_records(doc: Doc, ctx: RecordContext) -> list[Descriptor]:
    """The article's descriptors (analyzed paragraphs only), actor by actor in reading order.

    Each satisfies ``article.text[start:end] == text``; ``outlet`` is the article's outlet or
    :data:`~newsledger.records.UNKNOWN_OUTLET`. Built in :mod:`.descriptors` (what counts as one).
    """
    article = ctx.article
    ids = actor_ids(doc, article.article_id)
    outlet = article.outlet or UNKNOWN_OUTLET
    out = []
    for actor_id, a in zip(ids, doc._.actors or []):
        if a is None:
            continue
        for d in a.get("descriptor_spans", ()):
            s, e = trimmed(article.text, d["start"], d["end"])
            if s == e or ctx.index.role(s, e) not in ANALYZED_ROLES:
                continue
            out.append(Descriptor(article_id=article.article_id, actor_id=actor_id, outlet=outlet, start=s, end=e,
                                  text=article.text[s:e], kind=d["kind"]))
    return out


def actors(doc: Doc, ctx: RecordContext) -> list[Actor]:
    """The article's actors, with their descriptors (:func:`descriptor_records`) counted under the article's outlet."""
    ids = actor_ids(doc, ctx.article.article_id)
    outlet = ctx.article.outlet or UNKNOWN_OUTLET
    by_actor: dict[str, list[str]] = {}
    for d in descriptor_records(doc, ctx):
        by_actor.setdefault(d.actor_id, []).append(d.text)
    out = []
    for actor_id, a in zip(ids, doc._.actors or []):
        if a is None:
            continue
        counted = count_descriptors(by_actor.get(actor_id, ()))
        out.append(Actor(
            actor_id=actor_id, name=a["name"], kind=a["kind"], aliases=tuple(a["aliases"]), country=a["country"],
            descriptors={outlet: counted} if counted else {},
        ))
    return out


def mentions(doc: Doc, ctx: RecordContext) -> list[Mention]:
    """Every mention of analyzed paragraphs: cleaned NER mentions and the actor mentions NER missed, each with its ``actor_id``."""
    article = ctx.article
    ids = actor_ids(doc, article.article_id)
    out = []
    for m in doc._.actor_mentions or []:
        s, e = trimmed(article.text, m["start"], m["end"])
        if s == e:
            continue
        role = ctx.index.role(s, e)
        if role not in ANALYZED_ROLES:
            continue
        out.append(Mention(
            article_id=article.article_id, start=s, end=e, text=article.text[s:e], label=m["label"],
            sentence=sentence_span(article, doc[m["sent_token"]].sent), paragraph_role=role,
            actor_id=ids[m["actor"]] if m["actor"] is not None else None, ambiguous=m["ambiguous"],
        ))
    return out


NEEDS = frozenset({"tok2vec", "tagger", "parser", "ner"})
"""Model components the resolver reads: proper-noun and pronoun tags, dependencies, entities."""

register(Extractor(section="actors", to_records=actors, factory="newsledger_actors", needs=NEEDS, order=10))
register(Extractor(section="mentions", to_records=mentions, needs=NEEDS, order=11))
register(Extractor(section="descriptors", to_records=descriptor_records, needs=NEEDS, order=12))
