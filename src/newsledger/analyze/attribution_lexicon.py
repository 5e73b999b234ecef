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
  are listed in :data:`LEFT_OUT` with the measured figure;
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
    "support": "cue precision .54 (151): votes and money more often than stated support",
    "feel": "cue precision .42 (19)",
    "intend": "cue precision .43 (7)",
    "encourage": "cue precision .40 (10)",
    "challenge": "cue precision .46 (35): legal and sporting challenges",
    "favor": "cue precision .25 (4)",
}
"""Candidate cue lemmas left out, with their cue precision measured on PolNeAR train."""

REPORTING_VERBS = SPEECH_VERBS | ATTITUDE_VERBS | EVIDENCE_VERBS

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
