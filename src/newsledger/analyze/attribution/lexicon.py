"""Word lists the attribution component reads, each with its source.

Registered in spaCy's ``misc`` registry under versioned names
(``newsledger.reporting_verbs.v1`` …), so a pipeline config can swap one out.

Sources:
* reporting verbs: the speech-act and propositional-attitude classes of
  Levin (1993) §37 (verbs of communication) and §29.5 (conjectural verbs), as
  used for attribution cues by Krestel, Bergler & Witte (2008), "Minding the
  Source: Automatic Tagging of Reported Speech in Newspaper Articles" (LREC),
  and Pareti (2016), "PARC 3.0: A Corpus of Attribution Relations" (LREC),
  extended with the cue types of the PolNeAR guidelines (Newell, Margolin &
  Ruths 2018: statements, beliefs, intentions, evidence: "a poll shows").
  Lemmas whose cue precision on the PolNeAR *train* split (share of our cues
  that overlap a gold cue) was about one half or below were left out: they
  are listed in :data:`LEFT_OUT` with the measured figure; the lemmas of
  :data:`POLNEAR_CUE_VERBS` were learned from PolNeAR train's gold cues, each
  with its counts and measured precision;
* hedges: the epistemic hedge cues of the CoNLL-2010 shared task
  (Farkas et al. 2010, "The CoNLL-2010 Shared Task: Learning to Detect
  Hedges and their Scope in Natural Language Text") and the reporting
  hedges of FactBank (Saurí & Pustejovsky 2009, "FactBank: a corpus
  annotated with event factuality", source-introducing predicates of
  lowered certainty: "allegedly", "is believed to", "was said to");
* denials: FactBank's negative-polarity source-introducing predicates
  (deny, reject, dismiss, refute);
* source kinds: the categories of DESIGN.md (Attribution.source_kind);
  the anonymous-source nouns follow the AP Stylebook entry "anonymous
  sources" and Sheehy's count of unnamed-source formulas ("officials
  familiar with the matter", "a person close to …").
"""

from __future__ import annotations

from spacy.util import registry

SPEECH_VERBS = frozenset("""
say tell add state declare announce explain note remark comment report write tweet post respond reply answer
insist claim argue assert maintain contend acknowledge admit concede confirm reveal disclose warn caution predict
promise pledge vow suggest propose recommend urge ask question complain criticize criticise accuse blame charge
allege testify recall repeat reiterate stress emphasize emphasise underscore observe mention describe praise boast
joke quip shout yell exclaim tout conclude estimate forecast advise inform assure reassure quote recount signal
hint imply speculate counter rebut refute dispute reject dismiss object protest demand request plead
appeal beg proclaim publish deny lament concur retort tell acknowledge predict muse agree disagree read
""".split())
"""Verbs of communication (Levin 1993 §37.1–37.9, Krestel et al. 2008)."""

ATTITUDE_VERBS = frozenset("""
believe think know expect hope fear worry doubt suspect assume reckon consider want wish plan
oppose endorse seek refuse decline threaten insist vow
""".split())
"""Propositional attitudes and intentions PolNeAR annotates as attributions (Levin 1993 §29.5, §32.1)."""

EVIDENCE_VERBS = frozenset("show indicate suggest reveal find conclude".split())
"""Verbs a document cites evidence with ("a poll shows that …"), PolNeAR guidelines §2 (evidence)."""

LEFT_OUT = {
    "see": "cue precision .52 on PolNeAR train (46 cues): perception more often than belief",
    "feel": "cue precision .42 (19)",
    "encourage": "cue precision .40 (10)",
    "challenge": "cue precision .46 (35): legal and sporting challenges",
    "favor": "cue precision .25 (4)",
}
"""Candidate cue lemmas left out, with their cue precision measured on PolNeAR train."""

LEFT_OUT.update({
    "threaten": "cue precision .46 on PolNeAR train (28 predicted, 20 gold cues): threats of action",
    "maintain": "cue precision .35 (31 predicted, 17 gold cues): upkeep more often than assertion",
    "assume": "cue precision .40 (10 predicted, 7 gold cues)",
    "advise": "cue precision .15 (20 predicted, 5 gold cues): advisers' work",
    "chant": "cue precision .82 on PolNeAR train (11), but a crowd's chant is not a claim (STYLE.md's negative case)",
})

NEVER_CUES = frozenset({"chant"})
"""Lemmas never read as cues, by the lexicon or the learned cue detector: a crowd's chant is not a claim
(STYLE.md's negative case, "Protesters chanted “no war”"), though PolNeAR annotates chants."""

POLNEAR_CUE_VERBS: dict[str, tuple[int, int, float, float]] = {
    "call": (412, 327, 0.83, 0.40),
    "support": (155, 165, 0.60, 0.35),
    "continue": (99, 51, 0.92, 0.76),
    "cite": (94, 87, 0.99, 0.56),
    "talk": (93, 57, 0.86, 0.63),
    "point": (93, 92, 0.86, 0.46),
    "offer": (85, 121, 0.61, 0.27),
    "refer": (73, 72, 0.85, 0.38),
    "speak": (72, 42, 0.64, 0.31),
    "look": (65, 26, 0.65, 0.27),
    "defend": (54, 46, 0.89, 0.57),
    "denounce": (49, 34, 0.94, 0.35),
    "attack": (46, 45, 0.71, 0.44),
    "discuss": (43, 36, 0.86, 0.42),
    "like": (39, 41, 0.78, 0.54),
    "name": (38, 24, 0.75, 0.38),
    "blast": (32, 26, 1.00, 0.46),
    "mock": (27, 32, 0.75, 0.56),
    "prefer": (26, 27, 0.81, 0.41),
    "recognize": (25, 23, 0.70, 0.61),
    "advocate": (25, 22, 0.77, 0.55),
    "remind": (24, 24, 0.92, 0.25),
    "learn": (24, 25, 0.64, 0.48),
    "identify": (24, 16, 0.75, 0.25),
    "list": (22, 15, 1.00, 0.33),
    "nominate": (22, 13, 0.62, 0.38),
    "slam": (21, 19, 0.89, 0.53),
    "order": (21, 19, 0.89, 0.53),
    "decry": (19, 10, 1.00, 0.70),
    "compare": (18, 19, 0.68, 0.42),
    "condemn": (18, 15, 1.00, 0.47),
    "unveil": (17, 25, 0.68, 0.36),
    "press": (17, 14, 0.64, 0.29),
    "thank": (17, 14, 1.00, 0.64),
    "outline": (17, 11, 1.00, 0.36),
    "rule": (16, 15, 0.73, 0.67),
    "portray": (16, 13, 0.77, 0.31),
    "count": (16, 11, 0.73, 0.45),
    "invoke": (13, 15, 0.73, 0.53),
    "envision": (13, 5, 1.00, 0.60),
    "intend": (13, 7, 0.71, 0.43),
    "reference": (12, 13, 0.77, 0.31),
    "applaud": (11, 17, 0.65, 0.35),
    "love": (10, 15, 0.60, 0.53),
    "recite": (9, 9, 0.78, 0.78),
    "attribute": (8, 5, 0.80, 0.40),
    "credit": (8, 8, 1.00, 0.75),
    "brush": (7, 9, 0.67, 0.44),
    "congratulate": (7, 8, 0.88, 0.62),
    "disavow": (7, 7, 0.71, 0.43),
    "retweet": (7, 7, 0.86, 0.43),
    "resist": (6, 10, 0.60, 0.30),
    "plot": (6, 7, 0.86, 0.71),
    "realize": (6, 6, 0.83, 0.67),
    "paint": (6, 6, 0.67, 0.33),
    "contrast": (6, 8, 0.62, 0.25),
    "liken": (6, 5, 1.00, 0.60),
    "bemoan": (6, 5, 1.00, 1.00),
    "hail": (6, 6, 1.00, 0.67),
    "characterize": (5, 7, 0.71, 0.29),
    "rebuke": (5, 5, 1.00, 0.40),
}
"""Cue verb lemmas learned from PolNeAR **train** (Newell, Margolin & Ruths 2018; a research-use corpus): lemma ->
``(gold cues it heads, cues our rules predicted with it, cue precision, whole-attribution exact rate)``.

How they were chosen (``python -m newsledger.train attribution lexicon``): every verb lemma heading
at least 5 gold cues on train and not in the lists above was added to the cue and noun-object lemmas, the
rules were run on train, and a lemma was kept when at least 5 of its predictions were made, at least 60 % of
them overlapped a gold cue (cue precision) and at least 25 % matched a whole gold attribution exactly (about
half the whole-attribution F1, the point above which a lemma's predictions raise F1). "be", "have", "make",
"take", "try" … fell far below (cue precision .11–.26). "support" and "intend", once left out (cue precision
.54 and .43 under the first rules, with no noun-object contents), measured .60 and .71 here and are kept.
Only lemmas and counts are kept, no text.
"""

POLNEAR_NOMINAL_VERBS: dict[str, tuple[int, float, float]] = {
    "show": (117, 0.70, 0.28),
    "say": (55, 0.80, 0.36),
    "mention": (40, 0.88, 0.50),
    "want": (40, 0.70, 0.55),
    "tweet": (31, 0.87, 0.26),
    "recall": (30, 0.87, 0.40),
    "note": (22, 0.91, 0.50),
    "report": (22, 0.73, 0.27),
    "stress": (14, 0.93, 0.64),
    "emphasize": (13, 0.69, 0.31),
    "explain": (13, 1.00, 0.54),
    "declare": (12, 0.83, 0.58),
    "recount": (11, 0.91, 0.73),
    "reiterate": (11, 1.00, 0.27),
    "repeat": (11, 0.91, 0.55),
    "charge": (10, 0.70, 0.30),
    "expect": (7, 0.71, 0.29),
    "fear": (7, 0.86, 0.29),
    "rebut": (7, 1.00, 1.00),
    "lament": (6, 1.00, 0.50),
}
"""Cue lemmas whose plain noun-phrase object was measured to be a content on PolNeAR **train** ("noted the
attacks", "stressed those worries"): lemma -> ``(predictions the object rule added, their cue precision, their
whole-attribution exact rate)``. Kept by the rule of :data:`POLNEAR_CUE_VERBS` (at least 5 added, precision
.60, exact .25); "tell", "write", "ask", "find", "know", "add" … fell below (their objects are recipients or
things, not contents)."""

POLNEAR_NOUN_CUES: dict[str, tuple[int, int, float, float]] = {
    "attacks": (20, 27, 0.70, 0.33),
    "endorsement": (16, 12, 0.75, 0.58),
    "promise": (7, 7, 0.71, 0.43),
    "suggestion": (5, 6, 0.67, 0.33),
    "rulings": (5, 6, 0.83, 0.83),
    "strategy": (4, 6, 0.67, 0.33),
    "embrace": (4, 5, 0.80, 0.40),
}
"""Noun cues learned from PolNeAR **train** ("his attacks on …", "Graham's endorsement of …"): noun ->
``(gold cues it heads, predictions of the possessor rule, cue precision, whole exact rate)``, kept by the rule
of :data:`POLNEAR_CUE_VERBS` among the nouns heading at least 3 gold cues
(``python -m newsledger.train attribution nouns``). Most noun cues fell below it: "support" .23,
"decision" .38, "plan" .21 (PolNeAR's noun cues are a long tail of 515 nouns for 1,186 cues on train)."""

NOUN_CUES = frozenset(POLNEAR_NOUN_CUES)

POLNEAR_ADJECTIVE_CUES: dict[str, tuple[int, int, float, float]] = {
    "eager": (10, 10, 1.00, 0.40),
    "critical": (9, 13, 0.69, 0.69),
    "worried": (7, 5, 1.00, 0.80),
    "concerned": (6, 9, 0.67, 0.56),
    "hostile": (5, 8, 0.75, 0.38),
}
"""Attitude adjectives after "be" learned from PolNeAR **train** ("X was critical of Y", "X is eager to …"):
adjective -> ``(gold cues, predictions, cue precision, whole exact rate)``, kept by the rule of
:data:`POLNEAR_CUE_VERBS` among the adjectives of at least 3 gold cues
(``python -m newsledger.train attribution adjectives``); "likely" (.19), "able" (.13), "willing"
(.40) and "quick" (.76, but no exact match) fell below. The PolNeAR guidelines count a source's disposition
toward a fact ("Lowell was happy that …"), not a mere state ("Lowell was happy")."""

ADJECTIVE_CUES = frozenset(POLNEAR_ADJECTIVE_CUES)

REPORTING_VERBS = SPEECH_VERBS | ATTITUDE_VERBS | EVIDENCE_VERBS | frozenset(POLNEAR_CUE_VERBS)
REPORTING_VERBS = REPORTING_VERBS - frozenset(LEFT_OUT)
"""The attribution cue lexicon: verb lemmas that can head a cue (registered as ``newsledger.reporting_verbs.v1``).

Speech, attitude and evidence verbs with the lemmas learned from PolNeAR train, less :data:`LEFT_OUT`. Not the
event extractor's :data:`newsledger.analyze.events.patterns.NON_EVENT_SPEECH_VERBS`, a smaller subset of verbs
of plain saying that are never events: many cues here ("accuse", "demand", "reject") are PLOVER events too."""

DENIAL_VERBS = frozenset("deny reject dismiss refute rebut dispute contest disavow".split())
"""Source-introducing predicates of negative polarity (FactBank: Saurí & Pustejovsky 2009)."""

FACTIVE_VERBS = frozenset("confirm acknowledge admit reveal disclose concede show prove".split())
"""Cues by which the source vouches for the content (factive / confirmatory; Kiparsky & Kiparsky 1970)."""

HEDGE_WORDS = frozenset("""
reportedly allegedly purportedly supposedly apparently reputedly ostensibly seemingly possibly perhaps probably
unconfirmed unverified alleged purported rumored rumoured
""".split())
"""Single-word hedge cues (CoNLL-2010 hedge cues; FactBank's lowered-certainty markers)."""

HEDGE_PASSIVES = frozenset("say believe think understand report rumor rumour allege claim suppose".split())
"""Passive raising verbs of hedged report: "was said to", "is believed to" (FactBank; Quirk et al. 1985 §16.54)."""

RAISING_PASSIVES = HEDGE_PASSIVES | {"expect", "know", "see", "consider", "estimate"}
"""Passive raising verbs reporting an unnamed source's view ("is expected to", "is known to"); not all hedge."""

HEDGE_VERBS = frozenset("claim allege".split())
"""Cue verbs that themselves distance the reporter from the content (AP Stylebook, "claim")."""

HEDGE_MODALS = frozenset("may might could".split())
"""Epistemic modals, a hedge when followed by "have" + participle ("may have met"; CoNLL-2010)."""

MEDIA_NOUNS = frozenset("media press report reports reporting coverage".split())
"""Head nouns of unnamed-media sources ("media reports", "press reports")."""

DOCUMENT_NOUNS = frozenset("""
report statement document documents letter filing poll survey study memo memorandum email e-mail tweet post
data record records complaint lawsuit suit indictment ruling transcript analysis audit review release
communique communiqué readout affidavit testimony manifesto plan budget bill order decree cable footage video
""".split())
"""Head nouns of documents that say things (DESIGN.md source_kind ``document``)."""

ANONYMOUS_NOUNS = frozenset("""
official officials source sources person people aide aides insider insiders diplomat diplomats officer officers
staffer staffers adviser advisers advisor advisors member members employee employees someone individual
individuals figure figures observer observers analyst analysts expert experts witness witnesses resident residents
man men woman women bystander bystanders neighbour neighbours neighbor neighbors survivor survivors worker workers
""".split())
"""Head nouns that, with no name in the source, make it anonymous (AP Stylebook, "anonymous sources")."""

OFFICIAL_NOUNS = frozenset("""
minister ministry president spokesman spokeswoman spokesperson secretary governor mayor senator chancellor
ambassador general commander chief director prosecutor attorney judge premier king queen prince emir sheikh
commissioner chairman chairwoman chair leader envoy administration government department agency police army
military cabinet council parliament congress senate court office embassy authority authorities regime
""".split())
"""Titles and bodies of public office (DESIGN.md source_kind ``official``)."""

OUTLET_WORDS = frozenset("""
news times post journal herald tribune gazette daily telegraph guardian observer times tv television radio
broadcaster broadcasting network channel newspaper paper magazine agency wire press reuters ap afp bbc cnn
haaretz al-jazeera aljazeera xinhua tass ria interfax irna yonhap kyodo bloomberg axios politico
""".split())
"""Words that mark a name as a news outlet ("The Washington Post", "Press TV", "Haaretz")."""

OUTLET_NAMES = frozenset("""
reuters ap afp bbc cnn haaretz xinhua tass ria interfax irna bloomberg axios politico msnbc fox nbc abc cbs npr pbs
al jazeera anadolu yonhap kyodo dpa efe ansa wafa sana isna fars tasnim mehr ynet maariv
""".split())
"""Outlet and wire names recognized on their own (single tokens, lower case)."""


@registry.misc("newsledger.reporting_verbs.v1")
def reporting_verbs() -> frozenset[str]:
    """The cue verb lemmas (:data:`REPORTING_VERBS`)."""
    return REPORTING_VERBS


@registry.misc("newsledger.hedge_cues.v1")
def hedge_cues() -> frozenset[str]:
    """The single-word hedge cues (:data:`HEDGE_WORDS`)."""
    return HEDGE_WORDS


# ------------------------------------------------------------------ claim kinds (issue 13)

BELIEF_CUES = frozenset("""
believe think know expect hope fear worry doubt suspect assume reckon consider feel suppose guess realize realise
understand imagine presume trust wonder envision like love prefer dislike hate recognize seem appear oppose support
endorse favor favour advocate eager worried concerned hostile critical belief beliefs view views fears hopes
expectation expectations suspicion suspicions endorsement embrace
""".split())
"""Cues of a belief: PARC's belief attributions (PDTB 2.0's ``PAtt``, propositional attitudes; Prasad et al. 2006,
"Attribution and its annotation in the Penn Discourse TreeBank"), with the attitude adjectives and nouns."""

INTENTION_CUES = frozenset("""
want wish plan intend seek aim try attempt strive aspire prepare plot scheme resolve decide determine refuse
decline resist intention intentions plan plans bid goal strategy
""".split())
"""Cues of an intention: PARC's eventuality attributions (PDTB 2.0's ``Ctrl``, control verbs whose content is an
act the source wants done or will do: "plans to", "refused to"). Stances ("opposes the bill", "supports …") are
attitudes, so beliefs."""

PERCEPTION_CUES = frozenset("see hear watch witness notice spot smell sense glimpse".split())
"""Cues of a perception: what the source saw or heard (FactBank's perception predicates, Saurí & Pustejovsky 2009;
PARC has no type of its own for them). They are cues only with a clausal complement ("saw smoke rising", "saw him
leave"): "see" alone is :data:`LEFT_OUT` of the verb lexicon."""

REPORTED_HEDGES = frozenset("reportedly allegedly purportedly supposedly reputedly".split())
"""Hedge adverbs that report a claim whose source the text does not give ("X reportedly traveled"): with no
attribution around them they make one, with ``source`` null and ``source_kind`` unnamed (DESIGN.md)."""

CLAIM_KINDS = ("statement", "belief", "intention", "perception")
"""DESIGN.md's ``claim_kind`` values, after PARC 3.0's attribution types (see :func:`claim_kind_of`)."""


def claim_kind_of(cue_lemma: str | None) -> str:
    """DESIGN.md's ``claim_kind`` of an attribution from its cue's lemma (a verb, noun or adjective, or a mark).

    PARC (Pareti 2016, after PDTB 2.0's attribution types; Prasad et al. 2006) types a claim by its cue:
    assertions (``Comm``, verbs of communication) are statements; beliefs (``PAtt``) are beliefs; eventualities
    (``Ctrl``: want, plan, seek) are intentions. PARC's facts (``Ftv``: factive verbs) are split by what the
    cue does: "confirmed", "revealed", "acknowledged" are statements, "knows", "realized" beliefs, and the
    perception verbs ("saw", "heard"), which PARC types as facts, are perceptions. Anything else that
    attributes (a quote's dash or colon, "according to", a hedge adverb, evidence: "a poll shows") is a
    statement.
    """
    if not cue_lemma:
        return "statement"
    lem = cue_lemma.lower().removeprefix("noun:").removeprefix("adj:")
    if lem in PERCEPTION_CUES:
        return "perception"
    if lem in INTENTION_CUES:
        return "intention"
    if lem in BELIEF_CUES:
        return "belief"
    return "statement"
