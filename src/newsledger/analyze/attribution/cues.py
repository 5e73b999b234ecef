"""A small learned cue detector for verbs outside the cue lexicon ("made the case that …", "sees X as …").

A logistic regression over a verb token's lemma and its dependents (the
lemma with each dependency label, with the head word of its object or
adjectival complement, with its particle and prepositions; the kind of its
subject), trained on the gold cues of PolNeAR **train** (Newell, Margolin &
Ruths 2018, LREC; a research-use corpus: the weights derive from it, so
their use is research use too; only feature names and weights are shipped,
no text). It is read only for verbs whose lemma is not in the cue lexicon
and is among :data:`~newsledger.analyze.attribution.cue_weights.LEMMAS`
(lemmas heading at least 3 gold cues on train); the rules then build the
attribution as for any cue verb. Deterministic (a dot product), and the
rules work without it (``use_model=False`` on the component).

How it was trained: ``python -m newsledger.evaluate.attribution_train cues
--shared ../shared`` (scikit-learn's logistic regression, L2, lbfgs, from
the ``eval`` extra), which writes ``attribution_cue_weights.py``; the
threshold was chosen on train by two-fold cross-fitting (each half scored
by a model trained on the other half) for the whole-attribution F1.
"""

from __future__ import annotations

import math

from spacy.tokens import Token

from . import cue_weights as _weights

_KEEP_DEPS = frozenset("dobj ccomp xcomp prep prt acomp attr dative advmod agent oprd nsubjpass".split())


def features(verb: Token, lemma: str) -> list[str]:
    """Feature names of a verb token (strings; the lemma alone and the lemma with each dependent)."""
    out = [f"l={lemma}", f"t={verb.tag_}", f"d={verb.dep_}", f"l={lemma}|d={verb.dep_}"]
    subj = None
    for c in verb.children:
        dep = c.dep_
        if dep in ("nsubj", "csubj"):
            subj = c
            continue
        if dep not in _KEEP_DEPS:
            continue
        out.append(f"c={dep}")
        out.append(f"l={lemma}|c={dep}")
        if dep in ("dobj", "acomp", "attr", "oprd", "nsubjpass"):
            out.append(f"l={lemma}|{dep}={c.lower_}")
        elif dep in ("prep", "prt", "agent"):
            out.append(f"l={lemma}|{dep}={c.lower_}")
            out.append(f"{dep}={c.lower_}")
        elif dep == "ccomp":
            marks = [m.lower_ for m in c.children if m.dep_ == "mark"]
            out.append(f"l={lemma}|ccomp_mark={marks[0] if marks else '-'}")
    if subj is None:
        out.append("s=none")
    else:
        kind = "prp" if subj.tag_ == "PRP" else subj.ent_type_ or subj.tag_
        out.append(f"s={kind}")
        out.append(f"l={lemma}|s={kind}")
    return out


def cue_probability(verb: Token, lemma: str) -> float | None:
    """The model's probability that ``verb`` heads an attribution cue, or None when its lemma is not modelled."""
    if lemma not in _weights.LEMMAS:  # module attributes: the training script swaps them while it cross-fits
        return None
    weights = _weights.WEIGHTS
    z = _weights.BIAS + sum(weights.get(f, 0.0) for f in features(verb, lemma))
    return 1.0 / (1.0 + math.exp(-z))
