"""The token vocabulary the extractors share: Penn Treebank tags, ClearNLP dependency labels, lemmas.

The pipeline runs without spaCy's attribute ruler and lemmatizer (a sixth of
the run time), so ``token.pos_`` and ``token.lemma_`` are empty: extractors
read ``token.tag_`` (Penn Treebank) and ``token.dep_`` (ClearNLP labels, as
en_core_web_sm's parser writes them). Sets only one extractor reads stay in
that extractor's package.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
"""Penn Treebank verb tags (modals are ``MD``, not among them)."""

NOUN_TAGS = frozenset({"NN", "NNS"})
"""Penn Treebank common-noun tags."""

PROPER_TAGS = frozenset({"NNP", "NNPS"})
"""Penn Treebank proper-noun tags."""

SUBJECTS = frozenset({"nsubj", "csubj"})
"""Dependencies of an active clause's subject, nominal or clausal (passive ones are ``nsubjpass``, ``csubjpass``)."""


@lru_cache(maxsize=16384)
def _lemma(lower: str, upos: str) -> str:
    from lemminflect import getLemma

    found = getLemma(lower, upos=upos)
    return found[0].lower() if found else lower


def lemma(token: Token) -> str:
    """Lower-case lemma of a verb or common noun (lemminflect's tables and rules; Jascob 2019), else the lower-cased text.

    Read as verbs: the verb tags, modals (``MD``: "would" → "will") and an adjective the tagger gave a direct
    object ("torched vehicles" → "torch"); read as nouns: ``NN`` and ``NNS`` ("reports" → "report"). Proper
    nouns and every other word keep their lower-cased text.
    """
    tag = token.tag_
    if tag in VERB_TAGS or tag == "MD" or (tag == "JJ" and any(c.dep_ == "dobj" for c in token.children)):
        return _lemma(token.lower_, "VERB")
    if tag in NOUN_TAGS:
        return _lemma(token.lower_, "NOUN")
    return token.lower_
