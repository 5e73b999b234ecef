"""A small learned cue detector for verbs outside the cue lexicon ("made the case that …", "sees X as …").

A logistic regression over a verb token's lemma and its dependents (the
lemma with each dependency label, with the head word of its object or
adjectival complement, with its particle and prepositions; the kind of its
subject), trained on the gold cues of PolNeAR **train** (Newell, Margolin &
Ruths 2018, LREC; a research-use corpus: the weights derive from it, so
their use is research use too; only feature names and weights are shipped,
no text). It is read only for verbs whose lemma is not in the cue lexicon
and is among the model's ``lemmas`` (lemmas heading at least 3 gold cues on
train); the rules then build the attribution as for any cue verb.
Deterministic (a dot product), and the rules work without it
(``use_model=False`` on the component).

The weights are data: ``data/cue_weights.json`` (keys ``bias``,
``threshold``, ``lemmas``, ``weights``, ``derived_from``), read once with
srsly by :func:`load_cue_model`; the component's ``cue_weights`` config (or
``find_attributions(cue_model=...)``) points at another file.

How it was trained: ``python -m newsledger.train attribution cues --shared
../shared --out DIR`` (scikit-learn's logistic regression, L2, lbfgs, from
the ``eval`` extra), which writes ``DIR/cue_weights.json``; the threshold
was chosen on train by two-fold cross-fitting (each half scored by a model
trained on the other half) for the whole-attribution F1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import srsly
from spacy.tokens import Token

from ...errors import ConfigError

DEFAULT_CUE_WEIGHTS = Path(__file__).parent / "data" / "cue_weights.json"
"""The packaged weights (derived from PolNeAR train)."""

_KEYS = ("bias", "threshold", "lemmas", "weights")


@dataclass(frozen=True, eq=False)
class CueModel:
    """The cue detector's parameters.

    Attributes:
        bias: the logistic regression's intercept.
        threshold: a verb is a cue when its probability is at least this (0–1).
        lemmas: the lemmas the model reads; other verbs get no probability.
        weights: feature name (see :func:`features`) → weight; absent features weigh 0.
        derived_from: where the weights come from (their licence follows it).
    """

    bias: float
    threshold: float
    lemmas: frozenset[str]
    weights: dict[str, float]
    derived_from: str = ""

    def probability(self, verb: Token, lemma: str) -> float | None:
        """The probability (0–1) that ``verb`` heads an attribution cue, or None when ``lemma`` is not modelled."""
        if lemma not in self.lemmas:
            return None
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features(verb, lemma))
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict:
        """The model as the JSON object of ``cue_weights.json`` (lemmas sorted, weights in their order)."""
        return {"derived_from": self.derived_from, "bias": self.bias, "threshold": self.threshold,
                "lemmas": sorted(self.lemmas), "weights": dict(self.weights)}

    def to_disk(self, path: str | Path) -> None:
        """Write the model to ``path`` (a JSON file, with srsly)."""
        srsly.write_json(path, self.to_json())

    @classmethod
    def from_disk(cls, path: str | Path) -> CueModel:
        """Read a model written by :meth:`to_disk`.

        Raises:
            ConfigError: if ``path`` is not a file or lacks one of ``bias``, ``threshold``, ``lemmas``, ``weights``.
        """
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"Cue weights file {str(path)!r} not found. Pass the JSON file written by "
                              "python -m newsledger.train attribution cues --out DIR, or leave cue_weights unset "
                              "for the packaged weights.", key="cue_weights", value=str(path))
        # srsly.read_json's fast float decoder is not correctly rounded ("-0.69" reads as -0.6900000000000001);
        # precise_float reads back exactly the numbers that were written
        data = srsly.ujson.loads(path.read_text(encoding="utf-8"), precise_float=True)
        missing = [k for k in _KEYS if k not in data]
        if missing:
            raise ConfigError(f"Cue weights file {str(path)!r} lacks {', '.join(missing)}.",
                              key="cue_weights", value=str(path), allowed=list(_KEYS))
        return cls(bias=float(data["bias"]), threshold=float(data["threshold"]), lemmas=frozenset(data["lemmas"]),
                   weights={k: float(v) for k, v in data["weights"].items()}, derived_from=data.get("derived_from", ""))


def load_cue_model(path: str | Path | None = None) -> CueModel:
    """The cue model in ``path`` (None: the packaged weights), read once per file and cached."""
    return _load(str(Path(path).resolve()) if path else str(DEFAULT_CUE_WEIGHTS))


@lru_cache(maxsize=8)
def _load(path: str) -> CueModel:
    return CueModel.from_disk(path)

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


def cue_probability(verb: Token, lemma: str, *, model: CueModel | None = None) -> float | None:
    """The probability that ``verb`` heads an attribution cue, or None when its lemma is not modelled.

    Args:
        verb: a verb token of a parsed Doc.
        lemma: its lemma.
        model: the cue model; None means the packaged one (:func:`load_cue_model`).
    """
    return (model or load_cue_model()).probability(verb, lemma)
