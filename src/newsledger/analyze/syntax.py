"""The token vocabulary the extractors share: Penn Treebank tags, ClearNLP dependency labels, lemmas.

The pipeline runs without spaCy's attribute ruler and lemmatizer (a sixth of
the run time), so ``token.pos_`` and ``token.lemma_`` are empty: extractors
read ``token.tag_`` (Penn Treebank) and ``token.dep_`` (ClearNLP labels, as
en_core_web_sm's parser writes them). Sets only one extractor reads stay in
that extractor's package.
"""

from __future__ import annotations

VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
"""Penn Treebank verb tags (modals are ``MD``, not among them)."""

NOUN_TAGS = frozenset({"NN", "NNS"})
"""Penn Treebank common-noun tags."""

PROPER_TAGS = frozenset({"NNP", "NNPS"})
"""Penn Treebank proper-noun tags."""

SUBJECTS = frozenset({"nsubj", "csubj"})
"""Dependencies of an active clause's subject, nominal or clausal (passive ones are ``nsubjpass``, ``csubjpass``)."""
