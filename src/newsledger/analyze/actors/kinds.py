"""Which kind an actor is, from the evidence of its article (the resolver's last step, :class:`KindEvidence`).

NER's label is a first reading; the text then speaks for a person (a title, a kinship noun, a gendered pronoun, a
census first name, a surname used alone), for an organization (ORG readings, organization and business nouns among
its descriptors, company possessions, a longer ORG name starting with it) or for a thing that cannot act (product,
work, idea and event nouns, natural objects, places, creeds). Every rule here reads a closed word class of
:mod:`.lexicons` or a construction of the parse; none names an actor. :class:`~.resolve.Resolver` inherits these
methods; they read its ``actors``, ``by_key``, ``acronyms`` and ``doc``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .countries import country_of_name
from .lexicons import (
    ABSTRACT_HEADS,
    ARTIFACT_HEADS,
    BUSINESS_HEADS,
    EPONYM_HEADS,
    KINSHIP,
    MEDIA_MODIFIERS,
    NATURAL_OBJECT_HEADS,
    ORG_NOUNS,
    PLACE_HEADS,
    ROLE_HEADS,
    SURNAME_PARTICLES,
    TITLES,
    WORK_HEADS,
    first_name_gender,
)
from .mentions import _ORG_WORDS, Candidate, _clean_name

if TYPE_CHECKING:
    from .resolve import ActorState

PERSON_HEADS = frozenset(KINSHIP) | frozenset(TITLES) | frozenset(
    "man woman boy girl person founder member leader head owner rapper singer actor actress player".split())
"""Descriptor heads that speak for a person: with one, an organization noun among the descriptors does not make it one."""


def _key(text: str) -> str:
    """A name's lookup key: full stops dropped, apostrophes straightened, case-folded, spaces collapsed."""
    return " ".join(text.replace(".", "").replace("’", "'").casefold().split())


class KindEvidence:
    """The kind rules of :class:`~.resolve.Resolver` (see the module docstring)."""

    def _org_not_bearer(self, c: Candidate, word: str) -> bool:
        """A one-word name is an organization, not the short name of the people whose name opens with it.

        True when every person of the text whose name holds ``word`` holds it as the first of its words, has no
        person evidence of its own (:meth:`_person_evidence`: a known first name, a kinship, a surname particle,
        a title ...), and the mention is read ORG by NER or an organization of that name is already known.
        News style shortens a person's name to the surname, not to the first word: a first word the NER reads
        as an organization, on a "person" nothing else speaks for, is that organization ("Yahoo" beside "Yahoo
        Messenger"), while "Hamza" stays Hamza bin Laden's (a surname particle) and "Anne" Anne's. NER must read
        the word alone as ORG at least twice in the article: once is noise ("Jerzy played well", of Jerzy Dudek).
        """
        bearers = self._bearers(word)
        if not bearers or c.titles or c.kind == "person" and c.label != "PERSON":
            return False
        if not (c.label == "ORG" or f"org:{word}" in self.by_key) or self._org_reads.get(word, 0) < 2:
            return False  # one ORG reading of "Jerzy" (Jerzy Dudek) is noise; "Yahoo" read ORG 19 times is not
        return all(b.first == word and word not in b.tokens[1:] and not b.titled and not b.gender
                   and not self._person_evidence(b) for b in bearers)

    def _kind_evidence(self) -> None:
        """Settle kinds the text speaks to, and drop names of things that cannot act.

        * A person the text gives no person evidence for (no title, no gendered pronoun or kinship
          noun) is the organization of the same name when there is one (it joins it; ``merged``
          maps the index), is an organization when it is described with an organization noun
          ("Red Hat, a software company"), and no actor at all when described with an artifact
          or work noun ("an operating system", "a distribution": a product).
        * An organization the text gives no organization evidence for (no organization noun, no
          outlet cue) joins the person of the same name the text does give person evidence for
          (a title or a gendered pronoun): "Haftar double sends Vitesse third" (a headline NER read
          as an organization) ... "Haftar had earned his place".
        * A one-word person the text gives no person evidence for (no full name it shortens, no
          title, gendered pronoun, kinship or person noun) and that is no known first name is the
          country of that name ("Thailand"). (Cities are left alone: GeoNames' alternate names make
          "Bush" a city of Egypt and "Bono" Bonn.)
        * An organization or person described with place nouns (:data:`~.lexicons.PLACE_HEADS`) more
          often than with agent nouns is a place ("Abri Peyrony ... the site").
        * An organization or person described only with natural-object nouns more often than
          with agent nouns ("AB Aurigae, a young star") is no actor.
        * An organization the text never shows acting (no agent cue, outlet cue or organization noun)
          whose name NER labels NORP (a religion, nationality or political creed) at least twice in the
          article is that creed, not a body ("leaving Islam", "criticism of Islam").
        * An organization or person without a title or gendered pronoun whose evidence of being a
          product or work (artifact and work nouns among its descriptors, :func:`.mentions.action_cues`'
          thing cues, the same name as a work or product NER found) is at least 2 and outweighs its
          evidence of acting (agent nouns among its descriptors, agent cues) is no actor: it is a
          product or a work ("Minetest", "Red Hat Enterprise Linux": its mentions become PRODUCT).
        """
        works = Counter(_key(e.text) for e in self.doc.ents if e.label_ in ("WORK_OF_ART", "PRODUCT"))
        org_names = Counter(_key(_clean_name(e.text)) for e in self.doc.ents if e.label_ == "ORG")
        norp = Counter(_key(e.text) for e in self.doc.ents if e.label_ == "NORP")
        for a in self.actors:
            if a.kind == "organization" and a.plural and a.key.endswith("s") and " " not in a.key:
                a.kind = "group"  # "Neandertals were living": a people agreeing in the plural, not a body
            if a.kind not in ("organization", "person") or not a.mentioned or a.titled:
                continue
            natural = sum(n for h, n in a.head_counts.items() if h in NATURAL_OBJECT_HEADS)
            places = 0 if a.outlet_cues else sum(n for h, n in a.head_counts.items() if h in PLACE_HEADS)
            agents = sum(n for h, n in a.head_counts.items() if h in ORG_NOUNS or h in PERSON_HEADS)
            if natural > agents:
                a.mentioned = False  # "AB Aurigae, a young star": a thing, which cannot act
                continue
            if places > agents:
                a.mentioned, a.thing = False, "LOC"  # "Abri Peyrony ... the site": a place, which cannot act
                continue
            if (a.kind == "organization" and not a.agent_cues and not a.outlet_cues and not a.heads & ORG_NOUNS
                    and sum(norp[_key(f)] for f in a.forms) >= 2):
                a.mentioned, a.thing = False, "NORP"  # "Islam", which NER also calls a religion (NORP) here: no body acts
                continue
            if a.stated or a.gender and self._person_evidence(a):
                continue  # a title, a kinship noun, or a gendered pronoun on a name shaped like a person's ("James Grady")
            made = sum(n for h, n in a.head_counts.items() if h in ARTIFACT_HEADS or h in WORK_HEADS or h in ABSTRACT_HEADS)
            titles = sum(n for form, n in works.items()
                         if any(form == f or form.startswith((f + " and the ", f + ":")) for f in map(_key, a.forms)))
            things = made + a.thing_cues + titles
            if things >= 2 and things > agents + a.agent_cues + bool(a.gender):
                a.mentioned, a.thing = False, "PRODUCT"  # "Minecraft, a paid game", "RHEL 7", "a version of RHEL"
        for a in self.actors:
            if a.kind != "person" or not a.mentioned or a.titled:
                continue
            twin = self.by_key.get("org:" + self.acronyms.get(" ".join(a.tokens), " ".join(a.tokens)))
            if twin is not None and self.actors[twin].thing and len(a.tokens) == 1:
                a.mentioned, a.thing = False, "PRODUCT"  # the product's name, which NER read as a person here ("Minetest")
            elif a.stated:
                continue  # a title or a kinship noun: a person
            elif a.heads & ORG_NOUNS and not a.heads & PERSON_HEADS and not (a.gender and self._person_evidence(a)):
                # "Russian oil firm Yukos": the noun says what it is, over a pronoun the resolver gave it by salience
                if twin is not None and self.actors[twin].mentioned:
                    self._merge(a, self.actors[twin])
                else:
                    a.kind = "organization"
            elif a.heads & (ARTIFACT_HEADS | WORK_HEADS) and not a.heads & PERSON_HEADS:
                a.mentioned, a.thing = False, "PRODUCT"  # "Rocky Linux, a ... operating system": a product, which cannot act
            elif a.gender:
                continue  # a gendered pronoun refers to it: a person
            elif twin is not None and self.actors[twin].mentioned:
                self._merge(a, self.actors[twin])
            elif (owner := self._owner_org(a)) is not None and not self._person_evidence(a):
                # "Yahoo Messenger" beside the company "Yahoo": the organization's product, or its unit when the rest
                # of the name holds an organization word ("... Research Council", "... News") or NER reads the
                # name itself as ORG at least half the time ("BBC Sport"): not a person
                if (set(a.tokens[len(owner.key.split(":", 1)[1].split()):]) & _ORG_WORDS
                        or 2 * a.org_labels >= sum(a.forms.values())):
                    a.kind = "organization"
                else:
                    a.mentioned, a.thing = False, "PRODUCT"  # "Yahoo Messenger", "Xbox Live"
            elif self._organization_evidence(a, org_names) and not self._person_evidence(a):
                a.kind = "organization"  # "Yukos, the troubled Russian crude producer", "Yukos's shares", "Yukos USA"
            elif (len(a.tokens) == 1 and not a.relations and not first_name_gender(a.tokens[0])
                  and not a.heads & (PERSON_HEADS | ROLE_HEADS)):
                name = self._best_form(a)
                country = country_of_name(name)
                same = self.by_key.get(f"country:{country.code}") if country is not None else None
                if same is not None and self.actors[same].mentioned:
                    self._merge(a, self.actors[same])  # "Thailand" read as a person here, a country there
                elif country is not None:  # "Thailand" read as a person: the country
                    a.kind, a.country, a.canonical = "country", country.code, country.name
        for o in self.actors:
            if o.kind != "organization" or not o.mentioned or o.plural or o.outlet_cues or o.heads & ORG_NOUNS:
                continue
            twin = self.by_key.get("person:" + o.key.split(":", 1)[1])
            twin = self.merged.get(twin, twin) if twin is not None else None  # a bare surname that joined its bearer
            if twin is not None and self.actors[twin].mentioned and (self.actors[twin].gender or self.actors[twin].titled):
                self._merge(o, self.actors[twin])
            elif twin is not None and self.actors[twin].thing == "PRODUCT" and not o.agent_cues:
                o.mentioned, o.thing = False, "PRODUCT"  # "Halo, the game" read as a person here and ORG there
            elif self._described_person(o):
                # "Independent presidential candidate Brock Pierce", read ORG: a person's name described as a person;
                # a bare surname read before as a person of its own ("Pierce derided ...") is that person
                words = tuple(o.key.split(":", 1)[1].split())
                o.kind, o.tokens, o.name_gender = "person", words, first_name_gender(words[0])
                for p in self.actors:
                    if p is o or not p.mentioned:
                        continue
                    if p.kind == "person" and p.tokens == (words[-1],):
                        o.gender = o.gender or p.gender
                        self._merge(p, o)
                    elif (p.kind == "organization" and p.key == f"org:{words[-1]}" and not p.heads & ORG_NOUNS
                          and not p.outlet_cues and p.index < o.index):
                        self._merge(p, o)  # "Whereas Pierce and Hawkins ...", read ORG before (later ones: the twin rule)

    def _organization_evidence(self, a: ActorState, org_names: Counter) -> int:
        """Evidence beyond NER's PERSON label that a person-kind actor is an organization; 0 for none.

        Counts its mentions NER labelled ORG when they are at least half of its mentions ("Yukos" read as ORG
        and as PERSON; one ORG reading of "Didier Queloz" among five PERSON ones is noise), ORG names of the
        article that start with its one-word name, unless it is a country's or the longer name is eponymous
        (:data:`~.lexicons.EPONYM_HEADS`: "Yukos USA" counts, "Wharton School" does not), business nouns among its descriptors
        (:data:`~.lexicons.BUSINESS_HEADS`: "the oil producer", not "the film producer") and company
        possessions (:func:`.mentions.org_cues`: "Yukos's shares", "Yukos's chief executive").
        """
        forms = {_key(f) for f in a.forms}
        longer = 0
        if len(a.tokens) == 1 and country_of_name(self._best_form(a)) is None:
            longer = sum(n for name, n in org_names.items()
                         if any(name.startswith(f + " ") for f in forms) and name.split()[-1] not in EPONYM_HEADS)
        labels = a.org_labels if 2 * a.org_labels >= sum(a.forms.values()) else 0
        business = sum(n for d, n in a.descriptors.items()
                       if set(d.split()) & BUSINESS_HEADS and not set(d.split()) & MEDIA_MODIFIERS)
        return labels + longer + business + a.org_cues

    def _owner_org(self, a: ActorState) -> ActorState | None:
        """The mentioned organization whose whole name opens this person's longer name ("Yahoo" of "Yahoo
        Messenger"), else None."""
        for k in range(1, len(a.tokens)):
            i = self.by_key.get("org:" + " ".join(a.tokens[:k]))
            if (i is not None and self.actors[i].mentioned and self.actors[i].kind == "organization"
                    and sum(self.actors[i].forms.values()) >= 2):  # named twice at least: not one stray ORG reading
                return self.actors[i]
        return None

    def _described_person(self, o: ActorState) -> bool:
        """Whether an organization is a person NER misread: a name of two or more words opening with a first name the
        census gives one sex (:func:`~.lexicons.first_name_gender`) that the text describes with a person or role noun
        (:data:`PERSON_HEADS`, :data:`~.lexicons.ROLE_HEADS`: "candidate", "nominee") and never with an organization
        noun, and that no outlet cue or plural verb marks as a body."""
        words = o.key.split(":", 1)[1].split()
        return (len(words) >= 2 and bool(first_name_gender(words[0])) and bool(o.heads & (PERSON_HEADS | ROLE_HEADS))
                and not o.heads & ORG_NOUNS and not o.outlet_cues and not o.plural)

    def _person_evidence(self, a: ActorState) -> bool:
        """The text speaks for a person beyond NER's label: a title or gendered pronoun (callers check those
        first), a known first name (US Census 1990), a full name later shortened to its last word (news style for a
        person's surname: "Didier Queloz ... Queloz") or holding a surname particle (:data:`~.lexicons.SURNAME_PARTICLES`:
        "De La Fuente"), a kinship relation, or a person, role or age noun among its
        descriptors ("spokesman", "the 45-year-old", "the film producer")."""
        surname = len(a.tokens) >= 2 and (a.forms.get(a.tokens[-1], 0) > 0  # "Didier Queloz" ... "Queloz"
                                          or bool(set(a.tokens[:-1]) & SURNAME_PARTICLES))  # "De La Fuente"
        return bool(a.name_gender or (a.tokens and first_name_gender(a.tokens[0])) or surname or a.relations
                    or a.heads & (PERSON_HEADS | ROLE_HEADS)
                    or any(h == "old" or h.endswith("-old") for h in a.heads)
                    or any(set(d.split()) & BUSINESS_HEADS and set(d.split()) & MEDIA_MODIFIERS
                           for d in a.descriptors))
