"""Precision on ordinary news: when a PLOVER trigger word is a metaphor, a verbal attack or a title.

PLOVER codes interactions between political actors; its trigger words are everyday words that sport,
entertainment, business and politics use as metaphors ("stormed to the 60m hurdles crown", "battle it out
for best actor", "Rublev beat Bautista-Agut", "Kennedy attacks Blair", "meet the requirements"). Each rule
here was made from the errors of a judged sample of the BBC News dataset (Greene & Cunningham 2006; 100
events drawn with seed 12 from 300 stories: ``docs/bbc-event-precision.tsv``, ``benchmarks/bbc_events.py``),
and each states the PLOVER definition it enforces (PLOVER manual 0.7b1; Halterman et al. 2023, POLECAT):

* **competition stories** (:func:`competition_story`, :data:`COMPETITION_WORDS`): in a story about a game,
  a race, an award or a show, the triggers that double as competition words (:data:`METAPHOR_TYPES`:
  beat, battle, attack, charge, meet, visit, rally, quit, applaud ...) are not events unless the sentence
  shows real violence (:func:`violence_evidence`). PLOVER's ASSAULT is "the use of violence"; a match is not.
* **violence needs evidence** (:data:`FIGURATIVE_ASSAULT`): verbs that news uses both literally and
  figuratively (attack, battle, fight, clash, strike, target, bombard, storm, charge) are ASSAULT only with a
  weapon, a fighter, a casualty, a security force or a country on both sides in the sentence; "kill" and
  "murder" need a victim that can die (a person, people, a number), not "the ball".
* **a verbal attack is ACCUSE** (PLOVER ACCUSE: "criticize, condemn, denounce"): "attacked Labour's
  pledges as vacuous", "Kennedy attacks Blair" — attack by a person, or on a record, plan or statement,
  with no sign of violence.
* **meetings are between actors** (PLOVER CONSULT: "meet, visit, discuss with"): "meet the requirements",
  "were met with approval", "meet the golden rule" have no one to meet.
* **titles are not events**: a trigger written capitalized inside a sentence, or inside a named entity of
  the model, belongs to a name ("Meet The Fockers").
* **questions are not requests** (PLOVER REQUEST: "ask for, demand, appeal for" something): "asked
  whether ...", "the leader asked" after a quoted question, "appeal to people" said of a thing.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..syntax import PROPER_TAGS, SUBJECTS
from . import plover

COMPETITION_WORDS = frozenset(
    # sport (from the judged BBC sample's sport stories)
    "match matches game games final finals semi-final semi-finals quarter-final quarter-finals title titles crown "
    "cup championship championships tournament tournaments league season seasons tie-break tie-breaks seed seeded "
    "champion champions race races medal medals hurdles marathon sprint sprinter runner runners lap laps innings "
    "wicket wickets singles doubles goal goals striker midfielder defender goalkeeper referee penalty penalties "
    "club clubs squad squads premiership olympic olympics athletics tennis football rugby cricket golf boxing "
    "fixture fixtures scrum try tries sin-binned ball pitch stadium coach player players team teams victory keeper "
    "bar post crossbar header "
    "defeat semi quarter set sets serve tie stakes "
    # entertainment (from the judged sample's entertainment stories)
    "award awards prize prizes oscar oscars bafta baftas grammy grammys emmy nomination nominations nominated "
    "nominee nominees album albums chart charts single box-office film films movie movies actor actress actors "
    "actresses show shows series sitcom contest contestant contestants festival band bands concert concerts gig "
    "gigs song songs singer singers fans viewers audience audiences star stars celebrity celebrities".split())
"""Words of sport and show business (made from the judged BBC sample: the sentences whose triggers were
metaphors). A story is a competition story when they are frequent in it (:func:`competition_story`)."""

SHARED_WORDS = frozenset("post bar set sets tie stakes serve semi quarter defeat victory try tries header round team "
                         "teams race races title titles show shows single star stars series final finals audience fans "
                         "cup crowd".split())
"""Competition words that conflict and security news use too ("a military post", "a security team", "the final
assault"): they count for a competition story, not for a single sentence."""

SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b|\b\d{2,4}m\b|\b\d:\d{2}\.\d{2}\b")
"""A score ("6-4", "0-1"), a distance ("60m", "200m") or a race time ("1:49.87"): numbers of a competition."""

METAPHOR_TYPES = frozenset({"ASSAULT", "COERCE", "CONSULT", "PROTEST", "RETREAT", "THREATEN", "SUPPORT", "MOBILIZE"})
"""Types whose trigger words double as words of a competition (beat, charge, meet, rally, quit, applaud)."""

FIGURATIVE_ASSAULT = frozenset(
    "attack battle fight clash strike target bombard storm charge hit beat confront pound crush".split())
"""ASSAULT verbs used as often for words, contests and efforts as for violence."""

VICTIM_VERBS = frozenset("kill murder slay wound injure assassinate execute behead shoot stab".split())
"""ASSAULT verbs whose recipient must be able to die or bleed."""

CASUALTY_WORDS = frozenset(
    "killed killing dead death deaths died wounded injured injuring casualties victims bodies hostages civilians "
    "massacre shelling shelled artillery tanks warplanes jets troops war villages village camp camps convoy "
    "checkpoint checkpoints bullets gun guns knife knives stabbed shot".split())
"""Words of a sentence that show physical violence beside :data:`plover.PERPETRATOR_WORDS` and the weapon lists."""


ECONOMIC_OBJECTS = frozenset(
    "economy economies growth prices price market markets currency dollar euro pound shares stocks sales demand "
    "exports imports profits earnings finances spending investment inflation index".split())
"""Object heads of economics: supporting, assisting, attacking or withdrawing them is no interaction between
actors ("support the economy", "assist a growth in exports", "the assault on Yukos' finances")."""

FILM_WORDS = frozenset("film films movie movies scene scenes footage video episode episodes series documentary "
                       "filming camera director sequel".split())
"""Words that make "shooting" the making of a film ("had been shooting the film Retirement")."""

HARD_EVIDENCE = (plover.PERPETRATOR_WORDS | plover.EXPLOSIVE_CUES | frozenset(
    "police arrested killed murdered died wounded victims stabbed gun guns knife knives soldiers troops".split())) - \
    frozenset("attack attacks shot shooting army forces troops mob".split())
"""Evidence of violence that survives a sports story, where attacks, shots and forces are words of the game."""

RALLY_CUES = frozenset("protest protesters supporters thousands hundreds held staged attended organised organized "
                       "march marched against opposition peaceful mass election campaign people residents activists "
                       "students workers farmers citizens women villagers members".split())
"""Words that make a "rally" a gathering of people; without them it is a market's or a player's rally."""

GAME_WORDS = frozenset("animals animal deer birds game sport hunting hunters hunt pictures photos photographs targets "
                       "range paper session".split())
"""Words that make shooting a hunt, a sport or photography."""

CONTESTS = frozenset("auction bid bids bidding deal takeover sale race contest competition tournament election "
                     "championship process".split())
"""What one withdraws from in business and sport: no forces leave any ground ("withdrew from the auction")."""

STRUGGLES = frozenset("illness disease cancer terror terrorism crime poverty recession corruption inflation fire fires "
                      "flames addiction drugs obesity unemployment injury injuries odds nerves tears".split())
"""What one fights or battles that is no one: "fought childhood illness", "help fight terror, crime and illegal
immigration"."""

REQUEST_HEADS = frozenset("call calls urge demand demands ask appeal press pressure".split())
"""Heads whose infinitive complement is what is asked for ("called on Mr Hockney to quit", "the calls for him to
resign"): the requested act has not happened."""

EVERYDAY_WORDS = frozenset("device devices equipment rounds depot stash cache caches magazines arms mine mines shell "
                           "shells strike strikes jet jets aircraft drone drones launcher launchers".split())
"""Words of the weapon lists that everyday news uses for other things ("devices targeted towards the elderly",
"a fuel depot", "magazines"): no evidence of violence on their own."""

REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())

DECLINED = frozenset("comment say confirm discuss speculate reveal name disclose elaborate rule draw answer respond".split())
"""Complements of "refused to ...": declining to speak is no rejection of a proposal or demand."""

ABSTRACT_OBJECTS = frozenset(
    "record records pledge pledges plan plans policy policies proposal proposals decision decisions remarks comments "
    "statement statements claims claim idea ideas budget bill bills law laws report reports strategy requirement "
    "requirements rule rules target targets deadline deadlines balance optimism approval criticism demand demands "
    "cost costs price prices spending tax taxes figures data speech manifesto handling performance "
    "question questions request requests call calls complaint complaints letters emails remarks speculation "
    "suggestion suggestions assessment finances offer offers bid bids takeover application allegation allegations "
    "accusation accusations treatment feeding hydration funding".split()) | ECONOMIC_OBJECTS
"""Object heads that are words, plans or numbers: an attack on them is criticism, a meeting with them is none."""

VERBAL_VERBS = frozenset({"attack", "bombard", "target", "hit", "blast", "slam", "savage", "lash"})
"""Figurative assault verbs that, on words or by a person with no violence, are criticism (ACCUSE)."""

_KEY = "newsledger.competition_story"


def competition_story(doc: Doc) -> bool:
    """Is ``doc`` a story about a game, a race, an award or a show?

    True when at least a quarter of its sentences hold a :data:`COMPETITION_WORDS` word or a :data:`SCORE`,
    and at least three do. Cached in ``doc.user_data``.
    """
    if _KEY not in doc.user_data:
        sents = list(doc.sents)
        hits = sum(1 for s in sents if SCORE.search(s.text) or any(t.lower_ in COMPETITION_WORDS for t in s))
        doc.user_data[_KEY] = hits >= 3 and hits >= len(sents) / 4
    return doc.user_data[_KEY]


def _country(token: Token) -> bool:
    from ..places.gazetteer import country_of_demonym, country_of_name

    return token.tag_ in PROPER_TAGS | {"JJ"} and bool(country_of_name(token.text) or country_of_demonym(token.text))


def violence_evidence(verb: Token, *, countries: bool = True) -> bool:
    """Does the sentence of ``verb`` show physical violence: a perpetrator, a weapon, a casualty, a security
    force, or (with ``countries``) a country or nationality both as the subject and elsewhere in the clause?"""
    words = {t.lower_ for t in verb.sent if t.tag_ not in PROPER_TAGS and t.i != verb.i}  # "Arsenal" is no arsenal
    if words & ((plover.PERPETRATOR_WORDS | plover.WEAPONS | plover.WEAPON_SUBJECTS | plover.EXPLOSIVE_CUES
                 | plover.SECURITY_FORCES | CASUALTY_WORDS) - EVERYDAY_WORDS):  # not rioters: "students to beat Labour"
        return True
    if countries:
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        side = [t for s in subj for t in s.subtree if _country(t)]
        other = [t for t in verb.subtree if _country(t) and all(t.i != s.i for s in side)]
        return bool(side and other)
    return False


def hard_evidence(token: Token) -> bool:
    """Violence a sports story cannot explain away (:data:`HARD_EVIDENCE`) in the sentence of ``token``."""
    return bool({t.lower_ for t in token.sent if t.tag_ not in PROPER_TAGS and t.i != token.i} & HARD_EVIDENCE)


def competition_sentence(token: Token) -> bool:
    """The sentence of ``token`` holds a score or two words of sport or show business ("striking the ball for
    the goal", "shooting the film", "collaborated with director Spike Lee, starring in seven Lee films")."""
    sent = token.sent
    return bool(SCORE.search(sent.text)) or sum(t.lower_ in COMPETITION_WORDS - SHARED_WORDS for t in sent) >= 2


def _person(token: Token) -> bool:
    from .patterns import PERSON_NOUNS

    t = token
    if t.ent_type_ == "PERSON" or t.lower_ in ("he", "she", "i", "we", "you") or t.lower_ in PERSON_NOUNS:
        return True
    return t.lower_.endswith("s") and t.lower_[:-1] in PERSON_NOUNS


def _animate(token: Token) -> bool:
    if token.lower_ in ("it", "this", "that", "which", "what"):
        return False
    if token.lower_ in plover.PERPETRATOR_WORDS | plover.SECURITY_FORCES | plover.RIOTERS | plover.PROTESTERS:
        return True
    return (token.tag_ in PROPER_TAGS | {"PRP", "CD"} or _person(token)
            or token.lower_ in ("people", "person", "persons", "civilians", "children", "family", "families")
            or token.lower_ in ("dozens", "hundreds", "thousands", "scores", "others", "many", "several"))


def is_title(token: Token) -> bool:
    """A trigger that is part of a name: capitalized inside its sentence, or inside a named entity ("Meet The
    Fockers", "Rugby Aid match")."""
    if token.ent_type_ in ("WORK_OF_ART", "ORG", "PERSON", "EVENT", "PRODUCT", "FAC", "GPE", "LOC", "LAW", "NORP"):
        return True
    first = token.i == token.sent.start or token.nbor(-1).text in ('"', "'", "“", "‘", "(", "-", "—", ":")
    return token.text[:1].isupper() and not first and not token.is_upper


def verb_verdict(verb: Token, lem: str, event_type: str, subject: Token | None, objects: list[Token]) -> str | None:
    """What a verb trigger really is on ordinary news: ``None`` to keep it, ``"drop"``, or ``"ACCUSE"``.

    Args:
        verb: the trigger.
        lem: its lemma.
        event_type: the PLOVER type the lexicon gives it.
        subject: its source (the subject, or the ``by`` agent), or None.
        objects: its direct objects (:func:`patterns._objects`).
    """
    if is_title(verb):
        return "drop"
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        subject = verb.head  # "an emergency threatening the life of the nation"
    if (event_type in METAPHOR_TYPES | {"COOPERATE"} and (competition_story(verb.doc) or competition_sentence(verb))
            and not hard_evidence(verb)):
        return "drop"
    heads = [o.lower_ for o in objects]
    words = {t.lower_ for t in verb.sent}
    if set(heads) & ECONOMIC_OBJECTS and event_type in ("SUPPORT", "AID", "ASSAULT", "RETREAT", "COERCE"):
        return "drop"  # "continue to support the economy", "assist a growth in exports"
    if event_type == "ASSAULT":
        if lem == "shoot" and (words & (FILM_WORDS | GAME_WORDS) or any(c.dep_ == "prt" for c in verb.children)):
            return "drop"  # "shooting the film", "sales shot up", "shoot at game animals"
        if lem in plover.CASUALTY_VERBS and (verb.tag_ == "VBN" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)) \
                and not any(c.dep_ == "agent" for c in verb.children):
            subject = None  # "he was not badly injured": the subject is the victim, and no one is named who hurt him
        if lem in plover.CASUALTY_VERBS and not hard_evidence(verb) and (
                subject is None or not (_animate(subject) or subject.lower_ in plover.WEAPON_SUBJECTS)):
            return "drop"  # "he was not badly injured", "fragments could injure people": no one attacked
        if lem in VICTIM_VERBS and objects and not any(_animate(o) for o in objects) and \
                set(heads) & (COMPETITION_WORDS | ABSTRACT_OBJECTS | LIFELESS):
            return "drop"  # "killing the ball", "executed a planned shutdown"
        if lem in FIGURATIVE_ASSAULT and (set(heads) & STRUGGLES or (not objects and any(
                c.dep_ == "xcomp" or c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                for c in verb.children))):
            return "drop"  # "fought childhood illness", "battled to recover from recession"
        if lem in FIGURATIVE_ASSAULT and objects and not any(
                o.tag_ in PROPER_TAGS or _animate(o) or o.lower_ in plover._PLACE_OBJECTS for o in objects) \
                and not set(heads) & ABSTRACT_OBJECTS and not violence_evidence(verb):
            return "drop"  # "devices targeted towards the ageing population"
        if lem in FIGURATIVE_ASSAULT and not violence_evidence(verb):
            named = subject is not None and subject.tag_ in PROPER_TAGS and _person(subject) or (
                subject is not None and subject.ent_type_ == "PERSON")
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            if lem in VERBAL_VERBS and not passive and (set(heads) & ABSTRACT_OBJECTS or named):
                return "ACCUSE"  # "Kennedy attacks Blair", "attacked Labour's pledges as vacuous"
            if lem in ("attack", "beat", "hit") and (passive or subject is not None and subject.tag_ not in PROPER_TAGS
                                                     and _person(subject)) and any(_animate(o) for o in objects):
                return None  # "a man attacked a woman", "she was beaten": a person hurt by a person
            return "drop"
        if subject is not None and subject.tag_ not in PROPER_TAGS | {"PRP"} and not _animate(subject) and \
                subject.lower_ not in plover.WEAPON_SUBJECTS | plover.PERPETRATOR_WORDS | plover.WEAPONS and \
                not violence_evidence(verb):
            return "drop"  # "fragments could injure people": an attack needs an attacker
    if event_type == "CONSULT" and lem in ("visit", "tour") and not any(
            o.tag_ in PROPER_TAGS or _person(o) for o in objects):
        return "drop"  # "visit fake websites", "toured the country with his show", "will visit the winners"
    if event_type == "RETREAT" and set(heads) & ABSTRACT_OBJECTS:
        return "drop"  # "withdraw these remarks"
    if event_type == "RETREAT" and any(p.lower_ in CONTESTS for c in verb.children if c.dep_ == "prep"
                                       for p in c.children if p.dep_ == "pobj"):
        return "drop"  # "withdrew from the auction", "pulled out of the race"
    if event_type == "ACCUSE" and set(heads) & REFLEXIVES:
        return "drop"  # "I always blame myself"
    if event_type == "ACCUSE" and lem in ("slam", "blast", "lash", "hit") and objects and not any(
            o.tag_ in PROPER_TAGS or _animate(o) or o.lower_ in ABSTRACT_OBJECTS for o in objects):
        return "drop"  # "slammed his racket onto the ground"
    if _requested(verb, nouns_only=event_type != "RETREAT"):
        return "drop"  # "called on Mr Hockney to quit", "an EU demand for Turkey to recognise Cyprus": asked for, not done
    if _of_right(verb):
        return "drop"  # "curbing of rights to protest": a right, not an act
    if event_type in ("AGREE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "ACCUSE") and subject is not None and \
            subject.tag_ not in PROPER_TAGS and not _agentive(subject):
        return "drop"  # "a strategy promising to launch new shows", "an emergency threatening the life of the nation"
    if event_type == "RETREAT" and lem == "retreat" and not objects and not any(
            c.dep_ == "prep" and c.lower_ == "from" for c in verb.children) and not violence_evidence(verb):
        return "drop"  # "the protagonists retreating pretty quickly": a figure of speech
    if event_type == "ASSAULT" and subject is not None and subject.lower_ in GAME_PLAYERS:
        return "drop"  # "players must battle soldiers, snowmen, zombies": a video game
    if event_type == "CONSULT" and lem == "consult" and not objects and not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return "drop"  # "we are consulting on a new obligation": a public consultation
    if event_type == "PROTEST" and lem == "protest" and (any(c.dep_ == "ccomp" for c in verb.children) or (
            subject is not None and subject.lower_ in BUSINESS_PROTESTERS)):
        return "ACCUSE"  # "European firms have protested that US laws ...": a complaint (CAMEO 11), no demonstration
    if event_type == "SANCTION" and lem == "recall" and objects and not any(_person(o) for o in objects):
        return "drop"  # "recalling nearly 200,000 vehicles": a product recall, not an envoy recalled
    if event_type == "AGREE" and lem == "commit" and (verb.dep_ in ("acl", "amod") or any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or any(c.lower_ in ("is", "are", "was", "were")
                                                                           for c in verb.children)
            or verb.tag_ == "VBN" and not any(c.lower_ in ("has", "have", "had") for c in verb.children)):
        return "drop"  # "is committed to a viable airline", "a party committed to plain speaking": a stance
    if event_type == "AGREE" and lem == "offer" and not (
            any(c.dep_ in ("dative", "xcomp") for c in verb.children) or any(
                o.tag_ == "CD" or any(c.tag_ in ("CD", "$") for c in o.subtree) or o.lower_ in (
                    "deal", "talks", "ceasefire", "help", "aid", "support", "concessions", "compromise", "truce",
                    "resignation", "assistance", "money", "loan", "loans", "settlement") for o in objects)):
        return "drop"  # "offering children's programmes", "offer sensible policies": a product, not an offer to an actor
    if event_type == "AGREE" and lem == "agree" and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) \
            and not objects and not any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in ("on", "to")
                                        for c in verb.children):
        return "drop"  # "agreed with the NAO's assessment", "the supporters will agree with": an opinion shared
    if event_type == "REJECT":
        comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        if any(lemma_of(c) in DECLINED or lemma_of(c) == "give" and any(
                o.lower_ in ("details", "information", "figures", "names", "comment", "interview", "interviews")
                for o in c.children if o.dep_ == "dobj") for c in comps):
            return "drop"  # "refused to comment", "refused to rule out"
        if not comps and not objects and not any(c.dep_ == "prep" for c in verb.children):
            return "drop"  # "They refuse."
        if set(heads) & {"speculation", "suggestion", "suggestions", "reports", "rumours", "rumors", "allegation",
                         "allegations", "accusation", "accusations", "claim", "claims", "criticism"}:
            return "drop"  # a denial of talk, not the rejection of a proposal
    if event_type == "COERCE" and lem == "charge" and not any(
            o.tag_ in PROPER_TAGS or o.tag_ == "PRP" and _animate(o) or _person(o) or o.lower_ in (
                "people", "men", "women", "suspects", "others") for o in objects):
        return "drop"  # "charging 50% income tax", "charge up to £1", "charging towards German lines"
    if event_type in ("AGREE", "REQUEST", "REJECT") and set(heads) & COMPETITION_WORDS - {"deal", "title"} and \
            competition_sentence(verb):
        return "drop"  # "had been promised a game in the Carling Cup final"
    if event_type == "REJECT" and set(heads) & {"anyone", "anybody"}:
        return "drop"  # "I defy anyone to watch the show"
    if event_type == "CONSULT" and lem == "meet":
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return "drop"  # "were met with general approval"
        if objects and not any(_animate(o) for o in objects):
            return "drop"  # "meet the requirements"
    if event_type == "SUPPORT" and (set(heads) & ABSTRACT_OBJECTS or any(c.dep_ == "prt" for c in verb.children)
                                    or lem in ("recognise", "recognize") and not any(_animate(o) for o in objects)):
        return "drop"  # "back up his optimism", "recognise shortcomings", "recognised for her role"
    if event_type == "REQUEST":
        if lem == "ask" and _asks_question(verb):
            return "drop"
        if subject is not None and subject.tag_ not in PROPER_TAGS | {"PRP"} and not _animate(subject) and \
                not _agentive(subject):
            return "drop"  # "a feature likely to appeal to people"
        if lem == "appeal" and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children) and not any(
                c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
            return "drop"  # "the DS will appeal to all ages": attraction, not an appeal for something
        if lem == "press" and not objects and not any(c.dep_ == "prep" and c.lower_ in ("for", "on", "ahead")
                                                       for c in verb.children):
            return "drop"  # "Arsenal continued to press": a team attacking
        if lem == "press" and set(heads) & {"charges", "case", "claim", "claims", "point", "advantage"}:
            return "drop"  # pressing charges is a complaint to the police, not a request to an actor
    if event_type == "PROTEST" and lem == "rally" and not (words & (plover.RIOTERS | RALLY_CUES)) and not (
            subject is not None and (subject.lower_ in plover.PROTESTERS or subject.lower_ in plover.RIOTERS)):
        return "drop"  # "It rallied briefly on Monday amid signs that oil prices are easing": a market
    if event_type == "THREATEN" and verb.dep_ in ("acomp", "oprd", "amod"):
        return "drop"  # "looked threatening"
    return None


BUSINESS_PROTESTERS = frozenset("firms companies company business businesses leaders delegations delegation government "
                                "ministry minister officials embassy".split())
"""Subjects whose protest is a complaint, not a demonstration (PLOVER PROTEST is civilian demonstration)."""


LIFELESS = frozenset("shutdown time idea bill deal plan story project momentum engine lights power process "
                     "talks bid hopes chances dreams".split())
"""Things that are "killed" or "executed" only in a figure of speech ("executed a planned shutdown")."""

GAME_PLAYERS = frozenset("player players gamer gamers users user".split())

RIGHTS = frozenset("right rights freedom freedoms".split())


def _of_right(token: Token) -> bool:
    """The trigger names what a right allows ("the right to protest", "rights to protest")."""
    h = token.head
    if token.i >= 2 and token.nbor(-1).lower_ == "to" and token.nbor(-2).lower_ in RIGHTS:
        return True
    return token.dep_ in ("acl", "xcomp", "relcl") and h.lower_ in RIGHTS or (
        token.dep_ == "pobj" and h.head.lower_ in RIGHTS)


def _requested(verb: Token, *, nouns_only: bool = False) -> bool:
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    t = verb
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        if (t.lower_ in REQUEST_HEADS or lemma_of(t) in REQUEST_HEADS) and (
                t.tag_.startswith("NN") or (lemma_of(t) == "call" and not nouns_only)):
            return True  # a noun ("the calls for him to resign") or "call on": verb requests absorb their content
    return False


def lemma_of(token: Token) -> str:
    from ..syntax import lemma

    return lemma(token)


def _agentive(token: Token) -> bool:
    from .patterns import plausible_agent

    return plausible_agent(token)


def _asks_question(verb: Token) -> bool:
    """ "asked whether ...", "asked Henry 'do you want a wall?'", "..., the leader asked" after a question."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "parataxis") and (c.i < verb.i or any(
                g.lower_ in ("whether", "if", "why", "how", "what", "who", "when", "where", "do", "does", "did")
                for g in c.subtree if g.i <= c.i) or any(g.text == "?" for g in c.subtree)):
            return True
    return any(t.text == "?" for t in verb.sent)


def noun_verdict(noun: Token, event_type: str) -> str | None:
    """What a noun trigger really is on ordinary news: ``None`` to keep it, or ``"drop"``.

    "court battle", "in-fighting", "a clash between Muslims and Christians" (a clash of ideas), "battles that
    are yet to be fought": ASSAULT nouns of contest or debate need :func:`violence_evidence` in their sentence.
    """
    if is_title(noun):
        return "drop"
    if (event_type in METAPHOR_TYPES | {"COOPERATE"} and (competition_story(noun.doc) or competition_sentence(noun))
            and not hard_evidence(noun)):
        return "drop"
    words = {t.lower_ for t in noun.sent}
    if noun.lower_ in ("rally", "rallies") and not words & (plover.RIOTERS | RALLY_CUES):
        return "drop"  # a market rally ("fears about terrorism have played a part in the rally"), a comeback
    if noun.lower_ in ("call", "calls") and event_type == "CONSULT" and not any(
            c.lower_ in ("phone", "telephone") for c in noun.children) and any(
            c.dep_ == "prep" and c.lower_ in ("for", "to") or c.dep_ in ("acl", "advcl", "relcl") for c in noun.children):
        return "drop"  # "the calls for him to resign": demands, not phone calls
    if event_type == "ASSAULT" and any(c.dep_ in SUBJECTS and c.lower_ in GAME_PLAYERS for c in noun.children):
        return "drop"  # "Players must battle soldiers" (a verb the tagger took for a noun): a video game
    if noun.lower_ == "aid" and noun.dep_ == "pobj" and noun.head.lower_ == "with":
        return "drop"  # "with the aid of the bird-like legs"
    if _of_right(noun):
        return "drop"
    if noun.lower_ == "appeal" and not any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in noun.children):
        return "drop"  # "broaden his appeal": attraction
    if noun.lower_ == "demand" and (words & ECONOMIC_OBJECTS or any(
            c.lower_ in ("strong", "stronger", "weak", "weaker", "rising", "falling", "global", "consumer", "domestic")
            for c in noun.children)):
        return "drop"  # "stronger demand from China": a market's demand
    if noun.lower_ in ("donation", "donations") and words & {"party", "parties", "political", "campaign"}:
        return "drop"  # party funding, not aid
    if event_type == "ASSAULT" and noun.lower_ in ("attack", "attacks") and any(
            t.lower_ in ABSTRACT_OBJECTS for t in noun.doc[noun.i + 1 : noun.i + 5]) and \
            noun.nbor(1).lower_ in ("on", "against") and not violence_evidence(noun):
        return "drop"  # "an attack on Labour's record": criticism
    if event_type == "ASSAULT" and noun.lower_ in ("assault", "assaults", "attack", "attacks") and not violence_evidence(noun):
        on = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
              for p in c.children if p.dep_ == "pobj"]
        if any(p.lower_ in ABSTRACT_OBJECTS or p.ent_type_ == "ORG" for p in on):
            return "drop"  # "the assault on Yukos' finances", "attacks against Yukos": a company under pressure
    if event_type == "ASSAULT" and noun.lower_ in ("battle", "battles", "fight", "fights", "fighting", "clash",
                                                   "clashes", "war", "struggle") and not violence_evidence(noun):
        return "drop"
    return None
