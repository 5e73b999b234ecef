"""PLOVER, as the POLECAT dataset uses it: event types, modes, contexts, CAMEO roots, and the trigger lexicon.

Sources:

* PLOVER manual, draft 0.7b1 (Open Event Data Alliance, 2021; CC BY-SA 4.0),
  github.com/openeventdata/PLOVER ``PLOVER_MANUAL.tex``: the event types and
  their definitions, the mode tables (CONSULT, AID, RETREAT, DEMAND/REJECT,
  THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT) and the general
  context table. Source actor = ``actor``, recipient = ``target``; for a visit
  the visitor is the source and the host the recipient.
* ``CAMEO2PLOVER-2021.txt`` (same repository): CAMEO codes → PLOVER type,
  mode, context. It gives the CAMEO root of each type below and the modes the
  manual leaves open (RETREAT ``ease``; 195 aerial weapons → ASSAULT
  ``heavy-weapons``; 175 violent repression → ASSAULT).
* POLECAT (Halterman et al. 2023, "PLOVER and POLECAT: A New Political Event
  Ontology and Dataset"): the 16 types of :data:`EVENT_TYPES`. POLECAT's
  REQUEST replaces PLOVER's DEMAND and also covers the requests and appeals
  the PLOVER manual leaves uncoded (CAMEO 02 APPEAL and 10 DEMAND); it keeps
  DEMAND's modes (assist, change, yield, meet).
* CAMEO codebook 1.1b3 (Schrodt 2012): the verbs and phrases of the trigger
  lexicon are those of the CAMEO examples for each root (e.g. 042 "Make a
  visit": visit, travel to, arrive in).

Speech is an attribution (``analyze/attribution``), never an event: say,
tell, announce, state... are not triggers. Verbal PLOVER events (ACCUSE,
REQUEST, THREATEN, REJECT, AGREE, SUPPORT) are speech acts with a
political content, and are triggers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...records import EVENT_TYPES  # kept with the records: the CLI's options read it without loading spaCy

MODES = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign", "ease"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever"),
    "MOBILIZE": ("troops", "weapons", "police"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"),
    "ASSAULT": (
        "abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "heavy-weapons",
    ),
}
"""PLOVER's mode tables (manual 0.7b1; RETREAT ``ease`` from CAMEO2PLOVER-2021). Types not listed have no mode."""

CONTEXTS = (
    "political", "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "culture",
    "disease", "enviro_disaster", "migration", "humanitarian", "legal", "human_rights", "rights_freedoms", "gender",
    "lgbt", "terrorism", "human_security", "religion_ethnicity", "government", "election", "legislative", "cbrn",
    "cyber", "political_institutions", "corruption", "crime", "crime_murder", "crime_theft", "crime_drugs",
    "crime_sexual", "future", "historical", "hypothetical", "negation",
)
"""PLOVER's general context table, then the four grammatical contexts (manual 0.7b1, "Context codes")."""

CAMEO_ROOTS = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14", "SANCTION": "16",
    "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "18",
}
"""Default CAMEO root per type (CAMEO2PLOVER-2021). Entries override it where the root differs:
REQUEST is 02 (appeal) or 10 (demand), ACCUSE 09 (investigate) or 11, ASSAULT 18 (unconventional
violence), 19 (conventional military force) or 20 (mass violence); REQUEST has no default."""


@dataclass(frozen=True)
class Entry:
    """One trigger: what a verb or noun means in PLOVER terms.

    Attributes:
        event_type: one of :data:`EVENT_TYPES`.
        mode: PLOVER mode, or None.
        cameo: CAMEO root code ("04"), or None when the mapping is not clear.
        targets: where the recipient is, in order: ``dobj``, ``dative``, or a
            preposition ("with", "to", "on", ...) attached to the trigger.
        motion: a movement verb (travel, arrive, land): CONSULT ``visit`` only
            when its destination is a foreign actor or place.
        reverse: the subject is the recipient and the object the source (host a visit).
        absorbs: events in its complement clause are its content, not events
            of their own ("urged Israel to withdraw": one REQUEST, mode yield).
        standalone: a noun that is an event by itself; otherwise only as the
            object of a light verb ("wage war").
        subjects: when set, the trigger counts only with one of these subject
            lemmas (an explosion is an attack when a bomb explodes).
        contexts: PLOVER contexts the trigger itself carries.
    """

    event_type: str
    mode: str | None = None
    cameo: str | None = None
    targets: tuple[str, ...] = ("dobj",)
    motion: bool = False
    reverse: bool = False
    absorbs: bool = False
    standalone: bool = True
    subjects: frozenset[str] | None = None
    contexts: tuple[str, ...] = ()

    def __post_init__(self):
        if self.event_type not in EVENT_TYPES:
            raise ValueError(f"unknown PLOVER type {self.event_type!r}")
        if self.mode is not None and self.mode not in MODES.get(self.event_type, ()):
            raise ValueError(f"{self.mode!r} is not a PLOVER mode of {self.event_type}")
        for c in self.contexts:
            if c not in CONTEXTS:
                raise ValueError(f"unknown PLOVER context {c!r}")


def _e(event_type: str, mode: str | None = None, cameo: str | None = None, **kw) -> Entry:
    return Entry(event_type, mode, cameo if cameo is not None else CAMEO_ROOTS.get(event_type), **kw)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WEAPON_SUBJECTS = _words(
    "bomb bombs ied ieds device devices explosive explosives mine mines grenade grenades missile missiles rocket rockets "
    "shell shells mortar mortars drone drones warplane warplanes jet jets aircraft helicopter helicopters artillery "
    "car-bomb bomber bombers strike strikes airstrike airstrikes projectile projectiles"
)
"""Subjects that make an ambiguous verb violent ("a missile hit", "a bomb exploded")."""

WEAPONS = _words(
    "weapon weapons arms firearm firearms gun guns pistol pistols rifle rifles ammunition ammunitions ammo rounds "
    "bullets cartridges magazines grenade grenades mine mines landmine landmines explosive explosives device devices "
    "ied ieds bomb bombs rocket rockets missile missiles mortar mortars shells cache caches stash depot arsenal "
    "launcher launchers equipment munitions tnt detonators"
)
"""Objects that make seizing, finding or destroying a confiscation (ACLED "disrupted weapons use")."""

ACCIDENT_WORDS = _words(
    "explosion explosions exploded blast fire fires blaze crash crashed collision accident plunged derailed collapsed "
    "collapse leak spill poisoning")
"""Words of a sentence that, without any sign of an attacker, make casualties an accident."""
PERPETRATOR_WORDS = _words(
    "gunmen gunman attackers attacker assailants militants rebels insurgents troops soldiers forces police army "
    "terrorists terrorist fighters jihadists bomber bombers suicide attack attacks shot shooting gunfire bomb bombs "
    "ied explosive explosives grenade airstrike airstrikes murdered killers mob")
"""Words that show someone attacked."""
CASUALTY_VERBS = _words("kill injure wound hurt maim")

HAZARDS = _words(
    "earthquake earthquakes quake quakes tremor tremors flood floods flooding tsunami tsunamis storm storms cyclone "
    "hurricane typhoon tornado rain rains downpour landslide landslides mudslide avalanche avalanches eruption volcano "
    "fire fires wildfire wildfires blaze heatwave drought disease virus epidemic pandemic outbreak accident crash "
    "collision lightning snow snowfall cold heat wave waves disaster leak spill"
)
"""Non-agents: a hazard that "killed eight people" is a disaster, which PLOVER codes as a context, not an event."""

PROTESTERS = _words(
    "protesters protester demonstrators demonstrator strikers marchers picketers activists crowd crowds rioters "
    "students workers supporters opponents"
)
"""Subjects that make gathering, marching or chanting a protest ("protesters gathered outside")."""

GATHERING_VERBS = _words(
    "gather assemble converge march walk chant rally pour throng stage hold participate join block occupy camp "
    "sing shout picket mass parade flood swarm boo"
)
"""Verbs that, with a protester subject, are a demonstration (PLOVER PROTEST mode demo)."""

# ------------------------------------------------------------------ verbs
# Keys are verb lemmas, or "lemma particle" for phrasal verbs ("call on", "step down").

_TALK_TARGETS = ("with", "dobj")

VERBS: dict[str, Entry] = {
    # AGREE (03): agree to, offer, promise, commit (manual: AGREE)
    "agree": _e("AGREE", targets=("with", "dobj"), absorbs=True),
    "promise": _e("AGREE", targets=("dative", "to"), absorbs=True),
    "pledge": _e("AGREE", targets=("dative", "to"), absorbs=True),
    "vow": _e("AGREE", targets=("dative", "to"), absorbs=True),
    "offer": _e("AGREE", targets=("dative", "to"), absorbs=True),
    "commit": _e("AGREE", targets=("to",), absorbs=True),
    # CONSULT (04): meetings, visits, talks, phone calls
    "meet": _e("CONSULT", targets=_TALK_TARGETS),
    "visit": _e("CONSULT", "visit", targets=("dobj",)),
    "tour": _e("CONSULT", "visit", targets=("dobj",)),
    "host": _e("CONSULT", "visit", targets=("dobj",), reverse=True),
    "consult": _e("CONSULT", targets=("dobj", "with")),
    "negotiate": _e("CONSULT", targets=("with",), contexts=("diplomatic",)),
    "mediate": _e("CONSULT", targets=("between", "dobj"), contexts=("diplomatic",)),
    "phone": _e("CONSULT", "phone", targets=("dobj",)),
    "telephone": _e("CONSULT", "phone", targets=("dobj",)),
    "travel": _e("CONSULT", "visit", targets=("to",), motion=True),
    "fly": _e("CONSULT", "visit", targets=("to", "into"), motion=True),
    "arrive": _e("CONSULT", "visit", targets=("in", "at"), motion=True),
    "land": _e("CONSULT", "visit", targets=("in", "at"), motion=True),
    "head": _e("CONSULT", "visit", targets=("to",), motion=True),
    # SUPPORT (05): praise, endorse, back, recognize, sign
    "praise": _e("SUPPORT", contexts=("diplomatic",)),
    "commend": _e("SUPPORT", contexts=("diplomatic",)),
    "hail": _e("SUPPORT", contexts=("diplomatic",)),
    "applaud": _e("SUPPORT", contexts=("diplomatic",)),
    "endorse": _e("SUPPORT"),
    "back": _e("SUPPORT"),
    "support": _e("SUPPORT"),
    "welcome": _e("SUPPORT"),
    "congratulate": _e("SUPPORT", contexts=("diplomatic",)),
    "recognize": _e("SUPPORT", contexts=("diplomatic",)),
    "recognise": _e("SUPPORT", contexts=("diplomatic",)),
    "ratify": _e("AGREE"),  # CAMEO 057 "sign formal agreement" (ratification), PLOVER AGREE
    # COOPERATE (06)
    "cooperate": _e("COOPERATE", targets=("with",)),
    "collaborate": _e("COOPERATE", targets=("with",)),
    "extradite": _e("COOPERATE", targets=("to",), contexts=("legal",)),
    # AID (07)
    "aid": _e("AID"),
    "assist": _e("AID"),
    "donate": _e("AID", targets=("to",)),
    # RETREAT (08, material)
    "withdraw": _e("RETREAT", "withdraw", targets=("from",), contexts=("military",)),
    "retreat": _e("RETREAT", "withdraw", targets=("from",), contexts=("military",)),
    "pull out": _e("RETREAT", "withdraw", targets=("of", "from"), contexts=("military",)),
    "pull back": _e("RETREAT", "withdraw", targets=("from",), contexts=("military",)),
    "surrender": _e("RETREAT", "disarm", targets=("to",), contexts=("military",)),
    "disarm": _e("RETREAT", "disarm", contexts=("military",)),
    "demobilize": _e("RETREAT", "disarm", contexts=("military",)),
    "resign": _e("RETREAT", "resign", targets=("from",)),
    "step down": _e("RETREAT", "resign", targets=("from", "as")),
    "quit": _e("RETREAT", "resign", targets=("dobj",)),
    # REQUEST (02 appeal / 10 demand; POLECAT)
    "ask": _e("REQUEST", cameo="02", targets=("dobj", "dative"), absorbs=True),
    "request": _e("REQUEST", cameo="02", targets=("from", "dative"), absorbs=True),
    "urge": _e("REQUEST", cameo="02", targets=("dobj",), absorbs=True),
    "appeal": _e("REQUEST", cameo="02", targets=("to",), absorbs=True),
    "plead": _e("REQUEST", cameo="02", targets=("with",), absorbs=True),
    "call on": _e("REQUEST", cameo="02", targets=("on",), absorbs=True),
    "call upon": _e("REQUEST", cameo="02", targets=("upon",), absorbs=True),
    "call for": _e("REQUEST", cameo="02", targets=("from",), absorbs=True),
    "demand": _e("REQUEST", cameo="10", targets=("from", "of"), absorbs=True),
    "press": _e("REQUEST", cameo="10", targets=("dobj",), absorbs=True),
    # ACCUSE (11; 09 investigate)
    "accuse": _e("ACCUSE", targets=("dobj",), absorbs=True),
    "blame": _e("ACCUSE", targets=("dobj", "on"), absorbs=True),
    "condemn": _e("ACCUSE", absorbs=True),
    "criticize": _e("ACCUSE", absorbs=True),
    "criticise": _e("ACCUSE", absorbs=True),
    "denounce": _e("ACCUSE", absorbs=True),
    "decry": _e("ACCUSE", absorbs=True),
    "deplore": _e("ACCUSE", absorbs=True),
    "slam": _e("ACCUSE", absorbs=True),
    "sue": _e("ACCUSE", contexts=("legal",)),
    "investigate": _e("ACCUSE", cameo="09", contexts=("legal",)),
    "probe": _e("ACCUSE", cameo="09", contexts=("legal",)),
    # REJECT (12)
    "reject": _e("REJECT", absorbs=True),
    "refuse": _e("REJECT", absorbs=True),
    "rebuff": _e("REJECT", absorbs=True),
    "veto": _e("REJECT", "change", contexts=("legislative",)),
    "turn down": _e("REJECT", absorbs=True),
    "defy": _e("REJECT", "yield"),
    # THREATEN (13)
    "threaten": _e("THREATEN", targets=("dobj",), absorbs=True),
    # PROTEST (14)
    "protest": _e("PROTEST", "demo", targets=("against", "dobj", "over")),
    "demonstrate": _e("PROTEST", "demo", targets=("against", "outside")),
    "rally": _e("PROTEST", "demo", targets=("against", "outside")),
    "march": _e("PROTEST", "demo", targets=("against", "to", "on")),
    "riot": _e("PROTEST", "riot", targets=("against",)),
    "picket": _e("PROTEST", "demo", targets=("dobj",)),
    "boycott": _e("PROTEST", "boycott", targets=("dobj",)),
    # SANCTION (16)
    "sanction": _e("SANCTION"),
    "convict": _e("SANCTION", "convict", contexts=("legal",)),
    "recall": _e("SANCTION", "withdraw", contexts=("diplomatic",)),
    # MOBILIZE (15)
    # COERCE (17)
    "arrest": _e("COERCE", "arrest", contexts=("legal",)),
    "detain": _e("COERCE", "arrest", contexts=("legal",)),
    "jail": _e("COERCE", "arrest", contexts=("legal",)),
    "imprison": _e("COERCE", "arrest", contexts=("legal",)),
    "apprehend": _e("COERCE", "arrest", contexts=("legal",)),
    "nab": _e("COERCE", "arrest", contexts=("legal",)),
    "charge": _e("COERCE", "arrest", contexts=("legal",)),
    "sentence": _e("COERCE", "arrest", contexts=("legal",)),
    "deport": _e("COERCE", "deport", targets=("dobj",)),
    "confiscate": _e("COERCE", "confiscate"),
    "censor": _e("COERCE", "censor"),
    "ban": _e("COERCE", "ban"),
    "outlaw": _e("COERCE", "ban"),
    "blockade": _e("COERCE", "restrict", contexts=("military",)),
    "occupy": _e("COERCE", "confiscate", contexts=("military",)),
    "crack down": _e("COERCE", targets=("on",)),
    "disperse": _e("COERCE", "restrict"),
    # ASSAULT (18 unconventional violence, 19 conventional force, 20 mass violence)
    "attack": _e("ASSAULT"),
    "assault": _e("ASSAULT", "beat"),
    "strike": _e("ASSAULT", cameo="19", targets=("dobj", "at", "on")),
    "hit": _e("ASSAULT", targets=("dobj",), subjects=WEAPON_SUBJECTS),
    "target": _e("ASSAULT", targets=("dobj",)),
    "bomb": _e("ASSAULT", "explosives", targets=("dobj",)),
    "shell": _e("ASSAULT", "heavy-weapons", "19", contexts=("military",)),
    "bombard": _e("ASSAULT", "heavy-weapons", "19", contexts=("military",)),
    "pound": _e("ASSAULT", "heavy-weapons", "19", contexts=("military",)),
    "raid": _e("ASSAULT"),
    "storm": _e("ASSAULT"),
    "ambush": _e("ASSAULT"),
    "invade": _e("ASSAULT", cameo="19", contexts=("military",)),
    "shoot": _e("ASSAULT", "firearms", targets=("dobj", "at")),
    "gun": _e("ASSAULT", "firearms"),
    "stab": _e("ASSAULT", "primitive"),
    "kill": _e("ASSAULT"),
    "murder": _e("ASSAULT", contexts=("crime_murder",)),
    "slay": _e("ASSAULT"),
    "assassinate": _e("ASSAULT", "assassinate"),
    "execute": _e("ASSAULT", "execute"),
    "behead": _e("ASSAULT", "execute"),
    "lynch": _e("ASSAULT", "beat"),
    "massacre": _e("ASSAULT", cameo="20"),
    "slaughter": _e("ASSAULT", cameo="20"),
    "wound": _e("ASSAULT"),
    "injure": _e("ASSAULT"),
    "beat": _e("ASSAULT", "beat"),
    "abuse": _e("ASSAULT"),
    "molest": _e("ASSAULT", "sexual", contexts=("crime_sexual",)),
    "suppress": _e("COERCE", "restrict", targets=("dobj",)),
    "repress": _e("COERCE", "restrict", targets=("dobj",)),
    "quell": _e("COERCE", "restrict", targets=("dobj",)),
    "crush": _e("COERCE", "restrict", targets=("dobj",)),
    "break up": _e("COERCE", "restrict", targets=("dobj",)),
    "confront": _e("ASSAULT", cameo="19", targets=("dobj",)),
    "torture": _e("ASSAULT", "torture"),
    "rape": _e("ASSAULT", "sexual", contexts=("crime_sexual",)),
    "abduct": _e("ASSAULT", "abduct"),
    "kidnap": _e("ASSAULT", "abduct"),
    "hijack": _e("ASSAULT", "abduct"),
    "torch": _e("ASSAULT", "destroy"),
    "stone": _e("ASSAULT", "primitive"),
    "set alight": _e("ASSAULT", "destroy"),
    "set ablaze": _e("ASSAULT", "destroy"),
    "pelt": _e("ASSAULT", "primitive"),
    "ransack": _e("ASSAULT", "destroy"),
    "burn": _e("ASSAULT", "destroy", subjects=_words(
        "protester protesters rioters mob mobs attackers militants gunmen crowd crowds demonstrators assailants men "
        "insurgents fighters shops houses homes vehicles cars buildings offices churches mosques schools property "
        "stores vehicle car house building")),
    "destroy": _e("ASSAULT", "destroy"),
    "demolish": _e("ASSAULT", "destroy"),
    "vandalize": _e("ASSAULT", "destroy"),
    "vandalise": _e("ASSAULT", "destroy"),
    "loot": _e("ASSAULT", "destroy", contexts=("crime_theft",)),
    "clash": _e("ASSAULT", cameo="19", targets=("with",)),
    "fight": _e("ASSAULT", cameo="19", targets=("dobj", "with", "against")),
    "battle": _e("ASSAULT", cameo="19", targets=("dobj", "with", "against")),
    "explode": _e("ASSAULT", "explosives", targets=("near", "in", "at"), subjects=WEAPON_SUBJECTS),
    "detonate": _e("ASSAULT", "explosives"),
    "gas": _e("ASSAULT", cameo="20", contexts=("cbrn",)),
}
"""Verb lemma (or "lemma particle") → PLOVER meaning (CAMEO codebook examples per root; sources above)."""

# Verbs whose meaning depends on their object: verb → {object lemma → entry}.
_AID_MODES = {
    "aid": None, "assistance": None, "help": None, "support": None, "relief": "humanitarian", "food": "humanitarian",
    "medicine": "humanitarian", "medicines": "humanitarian", "supplies": "humanitarian", "shelter": "humanitarian",
    "vaccine": "humanitarian", "vaccines": "humanitarian", "loan": "economic", "loans": "economic", "fund": "economic",
    "funds": "economic", "funding": "economic", "money": "economic", "grant": "economic", "credit": "economic",
    "weapon": "military", "weapons": "military", "arms": "military", "ammunition": "military", "equipment": None,
    "asylum": "asylum", "refuge": "asylum",
}
"""Material objects of providing verbs and their AID mode (manual, AID modes)."""

REQUEST_MODES = {
    "support": "assist", "aid": "assist", "help": "assist", "assistance": "assist", "backing": "assist",
    "protection": "assist", "weapon": "assist", "weapons": "assist", "arms": "assist", "funding": "assist",
    "fund": "assist", "funds": "assist", "money": "assist", "cooperation": "assist", "asylum": "assist",
    "intervention": "assist", "loan": "assist", "investment": "assist", "recognition": "assist",
    "reform": "change", "reforms": "change", "resignation": "change", "change": "change", "election": "change",
    "elections": "change", "referendum": "change", "investigation": "change", "probe": "change", "inquiry": "change",
    "release": "yield", "ceasefire": "yield", "truce": "yield", "withdrawal": "yield", "end": "yield", "halt": "yield",
    "pullout": "yield", "de-escalation": "yield", "restraint": "yield", "calm": "yield",
    "talks": "meet", "meeting": "meet", "negotiations": "meet", "negotiation": "meet", "dialogue": "meet",
    "mediation": "meet", "summit": "meet",
}
"""Objects of a request and the mode they give it (DEMAND/REJECT modes: assist, change, yield, meet)."""

_SANCTION_TALKS = {"talks": "cancel", "negotiations": "cancel", "meeting": "cancel", "summit": "cancel",
                   "visit": "cancel", "dialogue": "cancel", "cooperation": "sever", "aid": "sever",
                   "assistance": "sever", "relations": "sever", "ties": "sever", "trade": "sever",
                   "funding": "sever", "flights": "sever", "exports": "sever", "imports": "sever"}
_MILITARY_OPS = _words(
    "activities activity operations operation offensive offensives attacks attack fighting hostilities strikes "
    "airstrikes bombardment campaign assault advance")
_PERSON_CAPTIVES = _words(
    "prisoner prisoners hostage hostages detainee detainees captive captives soldier soldiers journalist journalists "
    "activist activists man men woman women child children sailors crew fishermen inmates rebels fighters militants "
    "protesters demonstrators opposition people persons students members")
_PLACE_OBJECTS = _words(
    "town towns village villages city cities area areas territory territories base bases district districts province "
    "camp camps stronghold strongholds "
    "region neighborhood neighbourhood hill hills airport port positions position checkpoint checkpoints border "
    "crossing road highway outskirts settlement settlements island islands control")
_FIGHTERS = _words("fighters militants rebels insurgents soldiers troops gunmen members commander commanders "
                   "jihadists terrorists")
_TERRITORY = {o: _e("ASSAULT", cameo="19", contexts=("military",)) for o in _PLACE_OBJECTS | {"<proper>"}}
_BASES = {o: _e("MOBILIZE", "troops", contexts=("military",)) for o in
          ("base", "bases", "post", "posts", "point", "points", "checkpoint", "checkpoints", "headquarters", "camp",
           "camps", "outpost", "outposts", "barracks", "garrison")}
"""Military installations (ACLED "headquarters or base established"); post, point and camp need a military word."""
_ROADS = _words("road roads street streets highway highways entrance entrances access route routes bridge bridges "
                "railway rail lines traffic gate gates <proper>")
"""What protesters block (PLOVER PROTEST mode obstruct; CAMEO 144 "obstruct passage, block")."""
_TROOPS = _words("troops forces soldiers army units battalion battalions fighters militia reinforcements personnel "
                 "tanks warships ships jets aircraft missiles")

OBJECT_VERBS: dict[str, dict[str, Entry]] = {
    "seek": {o: _e("REQUEST", m, "02", targets=("from",)) for o, m in REQUEST_MODES.items()
             if o not in ("election", "elections")},  # "seeking re-election" runs for office
    "want": {o: _e("REQUEST", m, "02", targets=("from",)) for o, m in REQUEST_MODES.items() if m != "change"},
    "provide": {o: _e("AID", m, targets=("to", "dative", "with")) for o, m in _AID_MODES.items()},
    "send": {**{o: _e("AID", m, targets=("to", "dative")) for o, m in _AID_MODES.items()},
             **{o: _e("MOBILIZE", "troops", targets=("to",), contexts=("military",)) for o in _TROOPS}},
    "deliver": {o: _e("AID", m, targets=("to", "dative")) for o, m in _AID_MODES.items()},
    "supply": {o: _e("AID", m, targets=("to", "dative", "with")) for o, m in _AID_MODES.items()},
    "give": {o: _e("AID", m, targets=("dative", "to")) for o, m in _AID_MODES.items()},
    "grant": {"asylum": _e("AID", "asylum", targets=("dative", "to")), "aid": _e("AID", targets=("dative", "to")),
              "amnesty": _e("CONCEDE", targets=("dative", "to"), contexts=("legal",)),
              "pardon": _e("CONCEDE", targets=("dative", "to"), contexts=("legal",)),
              "access": _e("RETREAT", "access", targets=("dative", "to"))},
    "impose": {"sanction": _e("SANCTION", targets=("on", "against")), "sanctions": _e("SANCTION", targets=("on", "against")),
               "embargo": _e("SANCTION", targets=("on", "against")), "curfew": _e("COERCE", "curfew", targets=("on",)),
               "ban": _e("COERCE", "ban", targets=("on",)), "restrictions": _e("COERCE", "restrict", targets=("on",)),
               "blockade": _e("COERCE", "restrict", targets=("on",), contexts=("military",)),
               "tariffs": _e("SANCTION", targets=("on",), contexts=("economic",)),
               "fine": _e("SANCTION", "convict", targets=("on",), contexts=("legal",))},
    "lift": {o: _e("RETREAT", "ease", targets=("on", "against")) for o in
             ("sanctions", "sanction", "embargo", "curfew", "ban", "restrictions", "blockade", "siege", "tariffs")},
    "ease": {o: _e("RETREAT", "ease", targets=("on", "against")) for o in
             ("sanctions", "embargo", "curfew", "ban", "restrictions", "blockade", "siege", "tariffs")},
    "restore": {"relations": _e("SUPPORT", targets=("with",), contexts=("diplomatic",)),
                "ties": _e("SUPPORT", targets=("with",), contexts=("diplomatic",))},
    "normalize": {"relations": _e("SUPPORT", targets=("with",), contexts=("diplomatic",)),
                  "ties": _e("SUPPORT", targets=("with",), contexts=("diplomatic",))},
    "cut": {o: _e("SANCTION", "sever", targets=("with",), contexts=("diplomatic",)) for o in ("ties", "relations")},
    "sever": {o: _e("SANCTION", "sever", targets=("with",), contexts=("diplomatic",)) for o in ("ties", "relations")},
    "break": {**{o: _e("SANCTION", "sever", targets=("with",), contexts=("diplomatic",)) for o in ("ties", "relations")},
              "ceasefire": _e("ASSAULT", cameo="19", contexts=("military",)),
              "truce": _e("ASSAULT", cameo="19", contexts=("military",))},
    "violate": {"ceasefire": _e("ASSAULT", cameo="19", contexts=("military",)),
                "truce": _e("ASSAULT", cameo="19", contexts=("military",))},
    "downgrade": {o: _e("SANCTION", "sever", targets=("with",), contexts=("diplomatic",)) for o in ("ties", "relations")},
    "expel": {**{o: _e("SANCTION", "expel", targets=("from",), contexts=("diplomatic",)) for o in
                 ("diplomat", "diplomats", "ambassador", "envoy", "envoys", "attache", "staff", "peacekeepers",
                  "observers", "inspectors", "monitors")}, "*": _e("COERCE", "deport", targets=("dobj",))},
    "suspend": {**{o: _e("SANCTION", m, targets=("with",)) for o, m in _SANCTION_TALKS.items()},
                **{o: _e("RETREAT", contexts=("military",)) for o in _MILITARY_OPS}},
    "halt": {**{o: _e("SANCTION", m, targets=("with",)) for o, m in _SANCTION_TALKS.items()},
             **{o: _e("RETREAT", contexts=("military",)) for o in _MILITARY_OPS}},
    "freeze": {o: _e("SANCTION", "sever", targets=("with",)) for o in ("aid", "assets", "cooperation", "funding", "relations", "ties")},
    "cancel": {o: _e("SANCTION", "cancel", targets=("with",)) for o in ("talks", "meeting", "summit", "visit", "trip", "negotiations")},
    "release": {o: _e("RETREAT", "release", targets=("to",)) for o in _PERSON_CAPTIVES},
    "free": {**{o: _e("RETREAT", "release", targets=("to",)) for o in _PERSON_CAPTIVES}, **_TERRITORY},
    "exchange": {o: _e("RETREAT", "release", targets=("with",)) for o in ("prisoners", "detainees", "captives", "hostages")},
    "swap": {o: _e("RETREAT", "release", targets=("with",)) for o in ("prisoners", "detainees", "captives", "hostages")},
    "deploy": {**{o: _e("MOBILIZE", "troops", targets=("to",), contexts=("military",)) for o in _TROOPS},
               "police": _e("MOBILIZE", "police", targets=("to",)), "officers": _e("MOBILIZE", "police", targets=("to",))},
    "mass": {o: _e("MOBILIZE", "troops", targets=("near", "on", "along"), contexts=("military",)) for o in _TROOPS},
    "dispatch": {o: _e("MOBILIZE", "troops", targets=("to",), contexts=("military",)) for o in _TROOPS},
    "seize": {**{o: _e("COERCE", "confiscate") for o in
                 ("drugs", "property", "assets", "goods", "vehicles", "documents", "cocaine", "heroin", "cannabis",
                  "contraband", "shabu", "passports") + tuple(WEAPONS)},
              **_TERRITORY},
    "confiscate": {"*": _e("COERCE", "confiscate")},
    "capture": {**_TERRITORY, **{o: _e("COERCE", "confiscate") for o in WEAPONS},
                **{o: _e("COERCE", "arrest") for o in _FIGHTERS}},
    "recapture": _TERRITORY, "retake": _TERRITORY, "overrun": _TERRITORY, "regain": _TERRITORY,
    "liberate": _TERRITORY, "wrest": _TERRITORY, "gain": {"control": _TERRITORY["control"]},
    "recover": {**{o: _e("COERCE", "confiscate") for o in WEAPONS}, "control": _TERRITORY["control"]},
    "intercept": {o: _e("COERCE", "confiscate") for o in WEAPONS},
    "uncover": {o: _e("COERCE", "confiscate") for o in WEAPONS},
    "defuse": {o: _e("COERCE", "confiscate") for o in WEAPONS},
    "destroy": {o: _e("COERCE", "confiscate") for o in WEAPONS},
    "mobilize": {o: _e("MOBILIZE", "troops", contexts=("military",)) for o in _TROOPS | {"reserves", "reservists"}},
    "mobilise": {o: _e("MOBILIZE", "troops", contexts=("military",)) for o in _TROOPS | {"reserves", "reservists"}},
    "leave": {o: _e("RETREAT", "withdraw", contexts=("military",)) for o in _PLACE_OBJECTS | {"bastion", "stronghold"}},
    "hand over": {o: _e("RETREAT", "withdraw") for o in _PLACE_OBJECTS | {"authority", "power"}},
    "establish": {**_BASES, "control": _TERRITORY["control"], "relations": _e("SUPPORT", targets=("with",), contexts=("diplomatic",)),
                  "ties": _e("SUPPORT", targets=("with",), contexts=("diplomatic",))},
    "create": _BASES,
    "take": {"hostage": _e("ASSAULT", "abduct"), "hostages": _e("ASSAULT", "abduct"),
             "control": _e("ASSAULT", cameo="19", targets=("of",), contexts=("military",))},
    "open": {"fire": _e("ASSAULT", "firearms", targets=("on", "at"))},
    "strike": {o: _e("AGREE", targets=("with", "between")) for o in
               ("deal", "deals", "agreement", "agreements", "accord", "accords", "bargain", "pact", "compromise")},
    "fire": {o: _e("ASSAULT", m, cameo="19" if m == "heavy-weapons" else None, targets=("at", "on", "into", "towards")) for o, m in
             {"rocket": "heavy-weapons", "rockets": "heavy-weapons", "missile": "heavy-weapons",
              "missiles": "heavy-weapons", "shells": "heavy-weapons", "mortars": "heavy-weapons",
              "mortar": "heavy-weapons", "shots": "firearms", "bullets": "firearms", "gas": None, "teargas": None,
              "tear": None, "canisters": None, "*at": "firearms"}.items()},
    "throw": {o: _e("ASSAULT", m, targets=("at",)) for o, m in
              {"grenade": "explosives", "grenades": "explosives", "stones": "primitive", "rocks": "primitive",
               "bombs": "explosives", "bomb": "explosives", "cocktails": "primitive", "stone": "primitive",
               "bottles": "primitive", "fireworks": "primitive", "firecrackers": "primitive",
               "projectiles": "primitive", "bricks": "primitive", "missiles": "primitive"}.items()},
    "plant": {o: _e("ASSAULT", "explosives") for o in ("bomb", "bombs", "device", "explosives", "ied", "mine", "mines")},
    "drop": {**{o: _e("ASSAULT", "heavy-weapons", "19", targets=("on",), contexts=("military",)) for o in
                ("bomb", "bombs", "barrel", "munitions", "shells", "explosives", "missiles")},
             **{o: _e("ASSAULT", cameo="20", targets=("on",), contexts=("cbrn",)) for o in
                ("chlorine", "sarin", "gas", "containers", "canisters", "cylinders")}},
    "use": {**{o: _e("ASSAULT", cameo="20", targets=("on", "against"), contexts=("cbrn",)) for o in
               ("chlorine", "sarin", "gas", "chemicals")},
            **{o: _e("ASSAULT", targets=("on", "against")) for o in
               ("force", "bullets", "ammunition", "batons", "truncheons", "weapons", "firearms")},
            **{o: _e("COERCE", "restrict", targets=("on", "against")) for o in ("cannons", "cannon", "teargas", "tear")}},
    "set": {"fire": _e("ASSAULT", "destroy", targets=("to", "on"))},
    "block": {o: _e("PROTEST", "obstruct") for o in _ROADS},
    "barricade": {o: _e("PROTEST", "obstruct") for o in _ROADS},
    "declare": {"ceasefire": _e("RETREAT", "ceasefire", contexts=("military",)),
                "truce": _e("RETREAT", "ceasefire", contexts=("military",)),
                "curfew": _e("COERCE", "curfew"), "emergency": _e("COERCE", "martial-law"),
                "law": _e("COERCE", "martial-law")},
    "sign": {**{o: _e("SUPPORT", cameo="05", targets=("with",)) for o in
                ("agreement", "deal", "accord", "treaty", "pact", "memorandum", "declaration", "accords")},
             **{o: _e("RETREAT", "ceasefire", targets=("with",), contexts=("military",)) for o in ("ceasefire", "truce", "armistice")}},
    "observe": {o: _e("RETREAT", "ceasefire", contexts=("military",)) for o in ("ceasefire", "truce")},
    "accept": {o: _e("AGREE", targets=("from",)) for o in ("offer", "proposal", "plan", "deal", "invitation", "mediation", "terms")},
    "name": {o: _e("RETREAT", "resign") for o in ("replacement", "successor")},
    "appoint": {o: _e("RETREAT", "resign") for o in ("replacement", "successor")},
    "set up": _BASES,
    "build": _BASES,
}
"""Verbs that are triggers only with certain objects (object lemma or plural form; "*" any other object;
"*at" any object when a preposition "at"/"on" names a target). Sources: CAMEO roots 02, 05, 07, 08, 15,
16, 17, 19 and their CAMEO2PLOVER-2021 rows (e.g. 0871 "Declare truce, ceasefire" → RETREAT ceasefire;
057 "Sign formal agreement" → SUPPORT; 163 sanctions → SANCTION per the manual)."""

COMPLEMENT_VERBS = {"ask": ("for",), "commit": ("to",), "urge": ("to",), "plead": ("for",), "appeal": ("for", "to")}
"""Verbs that are REQUEST or AGREE only with what is asked or promised (a to-clause or these prepositions)."""

LIGHT_VERBS = _words(
    "hold have conduct carry launch stage mount wage make pay reach strike conclude seal clinch broker "
    "engage undertake perpetrate commit unleash begin start continue resume intensify escalate step lead organize "
    "organise stage join announce order authorize approve"
)
"""Verbs that lend their subject to an event noun ("held talks", "waged an assault", "reached a ceasefire")."""

VICTIM_VERBS = _words("suffer face survive endure sustain withstand")
"""Verbs whose subject is the recipient of the event noun ("suffered an attack")."""

FOILING_VERBS = _words("foil thwart repel repulse prevent avert stop block deny")
"""Verbs that mean the event noun did not happen or failed ("foiled an attack"): context negation."""

# ------------------------------------------------------------------ nouns

NOUNS: dict[str, Entry] = {
    # AGREE / SUPPORT
    "agreement": _e("AGREE", targets=("with", "between")),
    "deal": _e("AGREE", targets=("with", "between"), standalone=False),
    "accord": _e("AGREE", targets=("with", "between")),
    "pact": _e("AGREE", targets=("with", "between")),
    "treaty": _e("AGREE", targets=("with", "between"), standalone=False),
    "pledge": _e("AGREE", targets=("to",)),
    "promise": _e("AGREE", targets=("to",), standalone=False),
    "understanding": _e("AGREE", targets=("with",), standalone=False),
    "settlement": _e("AGREE", targets=("with",), standalone=False),
    # CONSULT
    "meeting": _e("CONSULT", targets=("with", "between")),
    "talks": _e("CONSULT", targets=("with", "between")),
    "talk": _e("CONSULT", targets=("with", "between"), standalone=False),
    "visit": _e("CONSULT", "visit", targets=("to",)),
    "trip": _e("CONSULT", "visit", targets=("to",), standalone=False),
    "summit": _e("CONSULT", "multilateral", targets=("with",)),
    "negotiations": _e("CONSULT", targets=("with", "between"), contexts=("diplomatic",)),
    "negotiation": _e("CONSULT", targets=("with", "between"), contexts=("diplomatic",)),
    "consultations": _e("CONSULT", targets=("with",)),
    "mediation": _e("CONSULT", targets=("between",), contexts=("diplomatic",)),
    "call": _e("CONSULT", "phone", targets=("with",), standalone=False),
    "conversation": _e("CONSULT", "phone", targets=("with",), standalone=False),
    "dialogue": _e("CONSULT", targets=("with", "between"), standalone=False),
    # COOPERATE / AID
    "cooperation": _e("COOPERATE", targets=("with", "between"), standalone=False),
    "aid": _e("AID", targets=("to", "for")),
    "assistance": _e("AID", targets=("to", "for"), standalone=False),
    "donation": _e("AID", targets=("to",)),
    "airlift": _e("AID", "humanitarian", targets=("to",)),
    # RETREAT
    "withdrawal": _e("RETREAT", "withdraw", targets=("from",), contexts=("military",)),
    "pullout": _e("RETREAT", "withdraw", targets=("from",), contexts=("military",)),
    "release": _e("RETREAT", "release", targets=("of",), standalone=False),
    "resignation": _e("RETREAT", "resign"),
    "ceasefire": _e("RETREAT", "ceasefire", targets=("with", "between"), contexts=("military",)),
    "cease-fire": _e("RETREAT", "ceasefire", targets=("with", "between"), contexts=("military",)),
    "truce": _e("RETREAT", "ceasefire", targets=("with", "between"), contexts=("military",)),
    "armistice": _e("RETREAT", "ceasefire", targets=("with", "between"), contexts=("military",)),
    "surrender": _e("RETREAT", "disarm", targets=("to",), contexts=("military",)),
    "swap": _e("RETREAT", "release", targets=("with", "between")),
    "exchange": _e("RETREAT", "release", targets=("with", "between"), standalone=False),
    "swaps": _e("RETREAT", "release", targets=("with", "between")),
    # REQUEST
    "request": _e("REQUEST", cameo="02", targets=("to", "from")),
    "appeal": _e("REQUEST", cameo="02", targets=("to",)),
    "plea": _e("REQUEST", cameo="02", targets=("to",)),
    "demand": _e("REQUEST", cameo="10", targets=("to", "from")),
    "demands": _e("REQUEST", cameo="10", targets=("to", "from")),
    "ultimatum": _e("THREATEN", "relations", targets=("to",)),
    # ACCUSE
    "accusation": _e("ACCUSE", targets=("against",)),
    "accusations": _e("ACCUSE", targets=("against",)),
    "condemnation": _e("ACCUSE", targets=("of",)),
    "criticism": _e("ACCUSE", targets=("of",), standalone=False),
    "lawsuit": _e("ACCUSE", targets=("against",), contexts=("legal",)),
    "investigation": _e("ACCUSE", cameo="09", targets=("into",), contexts=("legal",)),
    "probe": _e("ACCUSE", cameo="09", targets=("into",), contexts=("legal",)),
    "inquiry": _e("ACCUSE", cameo="09", targets=("into",), contexts=("legal",), standalone=False),
    # REJECT / THREATEN
    "rejection": _e("REJECT", targets=("of",)),
    "refusal": _e("REJECT", targets=("of",)),
    "veto": _e("REJECT", "change", targets=("of",), contexts=("legislative",)),
    "threat": _e("THREATEN", targets=("to", "against"), standalone=False),
    "threats": _e("THREATEN", targets=("to", "against")),
    # PROTEST
    "protest": _e("PROTEST", "demo", targets=("against", "over", "outside")),
    "protests": _e("PROTEST", "demo", targets=("against", "over", "outside")),
    "demonstration": _e("PROTEST", "demo", targets=("against", "outside")),
    "rally": _e("PROTEST", "demo", targets=("against", "outside")),
    "march": _e("PROTEST", "demo", targets=("against", "to")),
    "sit-in": _e("PROTEST", "demo", targets=("against", "outside")),
    "riot": _e("PROTEST", "riot", targets=("against",)),
    "riots": _e("PROTEST", "riot", targets=("against",)),
    "rioting": _e("PROTEST", "riot", targets=("against",)),
    "boycott": _e("PROTEST", "boycott", targets=("of",)),
    "walkout": _e("PROTEST", "strike-lim", targets=("at",)),
    "marches": _e("PROTEST", "demo", targets=("against", "to")),
    "vigil": _e("PROTEST", "demo", targets=("for", "outside"), standalone=False),
    "strike": _e("PROTEST", targets=("against", "at"), standalone=False),
    # SANCTION
    "sanctions": _e("SANCTION", targets=("on", "against")),
    "embargo": _e("SANCTION", targets=("on", "against")),
    "expulsion": _e("SANCTION", "expel", targets=("of",)),
    # MOBILIZE
    "deployment": _e("MOBILIZE", "troops", targets=("to",), contexts=("military",)),
    "mobilization": _e("MOBILIZE", "troops", contexts=("military",)),
    "buildup": _e("MOBILIZE", "troops", targets=("near", "on", "along"), contexts=("military",)),
    "build-up": _e("MOBILIZE", "troops", targets=("near", "on", "along"), contexts=("military",)),
    "drills": _e("MOBILIZE", "weapons", contexts=("military",), standalone=False),
    "exercises": _e("MOBILIZE", "weapons", contexts=("military",), standalone=False),
    # COERCE
    "arrest": _e("COERCE", "arrest", targets=("of",), contexts=("legal",)),
    "arrests": _e("COERCE", "arrest", targets=("of",), contexts=("legal",)),
    "detention": _e("COERCE", "arrest", targets=("of",), contexts=("legal",)),
    "crackdown": _e("COERCE", targets=("on", "against")),
    "curfew": _e("COERCE", "curfew", targets=("on", "in"), standalone=False),
    "deportation": _e("COERCE", "deport", targets=("of",)),
    "deportations": _e("COERCE", "deport", targets=("of",)),
    "seizure": _e("COERCE", "confiscate", targets=("of",)),
    "blockade": _e("COERCE", "restrict", targets=("on", "of"), contexts=("military",)),
    "occupation": _e("COERCE", "confiscate", targets=("of",), contexts=("military",), standalone=False),
    # ASSAULT
    "attack": _e("ASSAULT", targets=("on", "against")),
    "attacks": _e("ASSAULT", targets=("on", "against")),
    "assault": _e("ASSAULT", targets=("on", "against")),
    "airstrike": _e("ASSAULT", "heavy-weapons", "19", targets=("on", "against"), contexts=("military",)),
    "airstrikes": _e("ASSAULT", "heavy-weapons", "19", targets=("on", "against"), contexts=("military",)),
    "air-strike": _e("ASSAULT", "heavy-weapons", "19", targets=("on", "against"), contexts=("military",)),
    "bombing": _e("ASSAULT", "explosives", targets=("of", "on")),
    "bombings": _e("ASSAULT", "explosives", targets=("of", "on")),
    "bombardment": _e("ASSAULT", "heavy-weapons", "19", targets=("of", "on"), contexts=("military",)),
    "shelling": _e("ASSAULT", "heavy-weapons", "19", targets=("of", "on"), contexts=("military",)),
    "raid": _e("ASSAULT", targets=("on", "against")),
    "raids": _e("ASSAULT", targets=("on", "against")),
    "ambush": _e("ASSAULT", targets=("on", "against")),
    "offensive": _e("ASSAULT", cameo="19", targets=("on", "against"), contexts=("military",)),
    "invasion": _e("ASSAULT", cameo="19", targets=("of",), contexts=("military",)),
    "incursion": _e("ASSAULT", cameo="19", targets=("into",), contexts=("military",)),
    "siege": _e("ASSAULT", cameo="19", targets=("of", "on"), contexts=("military",)),
    "clash": _e("ASSAULT", cameo="19", targets=("with", "between")),
    "clashes": _e("ASSAULT", cameo="19", targets=("with", "between")),
    "fighting": _e("ASSAULT", cameo="19", targets=("with", "between")),
    "battle": _e("ASSAULT", cameo="19", targets=("with", "for", "between")),
    "shooting": _e("ASSAULT", "firearms", targets=("of", "at")),
    "gunfire": _e("ASSAULT", "firearms", targets=("on",)),
    "killing": _e("ASSAULT", targets=("of",)),
    "killings": _e("ASSAULT", targets=("of",)),
    "murder": _e("ASSAULT", targets=("of",), contexts=("crime_murder",)),
    "assassination": _e("ASSAULT", "assassinate", targets=("of",)),
    "execution": _e("ASSAULT", "execute", targets=("of",)),
    "executions": _e("ASSAULT", "execute", targets=("of",)),
    "massacre": _e("ASSAULT", cameo="20", targets=("of",)),
    "abduction": _e("ASSAULT", "abduct", targets=("of",)),
    "kidnapping": _e("ASSAULT", "abduct", targets=("of",)),
    "hijacking": _e("ASSAULT", "abduct", targets=("of",)),
    "rape": _e("ASSAULT", "sexual", targets=("of",), contexts=("crime_sexual",)),
    "torture": _e("ASSAULT", "torture", targets=("of",)),
    "destruction": _e("ASSAULT", "destroy", targets=("of",)),
    "arson": _e("ASSAULT", "destroy", targets=("on", "at")),
    "looting": _e("ASSAULT", "destroy", targets=("of",), contexts=("crime_theft",)),
    "vandalism": _e("ASSAULT", "destroy", targets=("of", "at")),
    "handover": _e("RETREAT", "withdraw", targets=("of", "to")),
    "war": _e("ASSAULT", cameo="19", targets=("on", "against", "with"), contexts=("military",), standalone=False),
    "explosion": _e("ASSAULT", "explosives", targets=("near", "at"), standalone=False),
    "blast": _e("ASSAULT", "explosives", targets=("near", "at"), standalone=False),
}
"""Event nouns (nominal triggers; ``standalone=False`` only as the object of a light verb or with an
explosive or military cue). Same sources as :data:`VERBS`."""

EXPLOSIVE_CUES = _words("bomb bombs ied ieds explosive explosives device mine landmine grenade car-bomb suicide "
                        "bomber roadside booby-trapped")
"""Words that make an explosion an attack (ACLED's remote explosive and suicide bomb types), not an accident."""

AIR_STRIKE_CUES = _words("air drone missile aerial rocket")
"""Compounds that make a "strike" a military one ("air strike", "drone strike")."""

LABOR_CUES = _words("general hunger workers union unions labour labor employees teachers doctors nurses staff "
                    "drivers miners truckers wildcat illegal pay wage wages salary salaries mineworkers striking")
"""Words that make a "strike" a labour protest."""

RIOTERS = _words("protesters protester demonstrators demonstrator rioters rioter mob mobs crowd crowds youths "
                 "students supporters residents villagers locals")
"""Actor heads that make an ASSAULT a violent protest (PLOVER PROTEST mode riot; ACLED riots)."""

SECURITY_FORCES = _words("police policemen officers troops soldiers army forces authorities military guards gendarmes")
"""Subjects that make blocking or marching an act of the state: COERCE (restrict) or MOBILIZE, not PROTEST."""

ASSAULT_MODE_CUES = (
    ("sexual", _words("sexual sexually rape raped molested")),
    ("suicide-attack", _words("suicide")),
    ("abduct", _words("abducted kidnapped hostage hostages abduction kidnapping")),
    ("explosives", _words("bomb bombs ied ieds explosive explosives grenade grenades landmine mine roadside car-bomb")),
    ("heavy-weapons", _words("airstrike airstrikes warplanes warplane jets artillery shelling shells mortar mortars "
                             "rocket rockets missile missiles drone drones helicopter helicopters tank tanks air")),
    ("firearms", _words("gun guns gunmen gunman gunfire shot shooting bullets rifle rifles sniper snipers firearms")),
    ("primitive", _words("knife knives machete machetes stabbed stones axe axes sticks")),
)
"""Words of an ASSAULT's clause that give its mode when the trigger does not (manual, ASSAULT modes), first match wins."""

ABSORBED_MODE = {
    "CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
    "RETREAT": "yield", "CONCEDE": "yield", "SANCTION": "change", "COERCE": "change",
}
"""REQUEST/REJECT mode from the type of the event they are about ("urged X to withdraw": yield)."""

THREAT_MODE = {
    "ASSAULT": "violence", "COERCE": "arrest", "SANCTION": "relations", "MOBILIZE": "violence",
}
"""THREATEN mode from the type of the threatened event (manual, THREATEN modes)."""

# ------------------------------------------------------------------ contexts

CONTEXT_CUES: dict[str, frozenset[str]] = {
    "military": _words("military army troops soldiers militia militias armed weapons missile missiles airstrike "
                       "airstrikes warplanes artillery tanks brigade battalion rebels insurgents offensive"),
    "diplomatic": _words("diplomatic diplomacy ambassador ambassadors embassy envoy envoys diplomat diplomats "
                         "normalization normalisation minister ministry"),
    "economic": _words("economic economy trade tariffs tariff investment investments loan loans financial finance "
                       "oil gas export exports import imports market markets"),
    "election": _words("election elections electoral vote votes voting ballot ballots polls candidacy candidate "
                       "candidates referendum presidential parliamentary campaign"),
    "legislative": _words("parliament parliamentary lawmakers legislators legislature congress senate bill "
                          "legislation legislative"),
    "legal": _words("court courts judge judges prosecutor prosecutors lawsuit trial law legal indictment charges"),
    "humanitarian": _words("humanitarian relief refugees aid"),
    "migration": _words("refugees refugee migrants migrant asylum displaced"),
    "terrorism": _words("terrorist terrorists terrorism jihadist jihadists"),
    "intelligence": _words("intelligence spy spies espionage mossad cia"),
    "peacekeeping": _words("peacekeepers peacekeeping peacekeeper"),
    "cbrn": _words("chemical nuclear biological radiological sarin chlorine"),
    "cyber": _words("cyber cyberattack cyberattacks hacking hackers"),
    "disease": _words("covid covid-19 coronavirus epidemic pandemic outbreak ebola cholera"),
    "crime": _words("crime criminal criminals gang gangs robbery robbers smuggling smugglers traffickers"),
    "crime_drugs": _words("drugs drug cocaine heroin narcotics cannabis"),
    "corruption": _words("corruption bribery bribes embezzlement graft"),
    "human_rights": _words("rights"),
}
"""Cue words (lower case) in the event's clause that give a PLOVER context (manual, "Context codes").
The manual expects contexts to be coded from the sentence, paragraph or document; we read the clause."""

FUTURE_AUX = _words("will 'll shall wo")
HYPOTHETICAL_AUX = _words("would could might may should 'd must can")
FUTURE_VERBS = _words(
    "plan intend aim expect schedule slate set prepare seek want hope propose decide agree promise pledge vow "
    "threaten try attempt mean")
"""Verbs whose to-infinitive complement is a projected event ("plans to visit", "is expected to meet")."""
NEGATION_VERBS = _words("deny fail refuse decline cancel call halt suspend abandon stop avoid")
"""Verbs whose complement did not happen ("denied attacking", "failed to reach")."""
HYPOTHETICAL_SIGNALS = ("if", "unless", "in exchange for", "in return for", "provided")
HISTORICAL_YEARS = 1
"""An event whose date ends at least this many years before publication is ``historical``.

PLOVER leaves "how far back is historical?" open (manual, Context codes); one year is our documented
choice: it marks background (a 2017–2019 meeting in a 2021 article) and leaves last year's news alone.
"""


def verb_entry(lemma: str, particle: str | None = None) -> Entry | None:
    """The trigger entry of a verb lemma, phrasal forms first ("call on" before "call")."""
    if particle:
        hit = VERBS.get(f"{lemma} {particle}")
        if hit:
            return hit
    return VERBS.get(lemma)


def object_entry(lemma: str, objects: list[str], *, particle: str | None = None, has_at: bool = False) -> tuple[Entry, int] | None:
    """The entry of a verb that is a trigger only with certain objects, and the index of the object that decided it.

    Args:
        lemma: the verb lemma.
        objects: the lemmas (or lower-case forms) of its objects, in order.
        particle: its particle ("set up").
        has_at: a preposition "at"/"on" is attached (a weapon fired at someone).
    """
    frames = OBJECT_VERBS.get(f"{lemma} {particle}") if particle else None
    frames = frames or OBJECT_VERBS.get(lemma)
    if not frames:
        return None
    for i, obj in enumerate(objects):
        if obj in frames:
            return frames[obj], i
    if objects and "*" in frames:
        return frames["*"], 0
    if has_at and "*at" in frames:
        return frames["*at"], 0
    return None


__all__ = [
    "CAMEO_ROOTS", "CONTEXTS", "CONTEXT_CUES", "EVENT_TYPES", "Entry", "LIGHT_VERBS", "MODES", "NOUNS",
    "OBJECT_VERBS", "VERBS", "object_entry", "verb_entry",
]
