"""Actors: who the article is about (the ``newsledger_actors`` component and its records).

Modules: :mod:`.mentions` finds candidate mentions (names, titles, acronyms,
descriptions, kin, pronouns), :mod:`.resolve` decides which actor each refers
to, :mod:`.kinds` which kind each actor is (or that it cannot act), :mod:`.countries` and :mod:`.lexicons` hold the word lists they read,
:mod:`.descriptors` says which noun phrases label an actor,
:mod:`.component` is the spaCy component and the record builders.
"""

from .component import ActorResolver, actor_ids, actors, descriptor_records, make_actors, mentions

__all__ = ["ActorResolver", "actor_ids", "actors", "descriptor_records", "make_actors", "mentions"]
