"""The questions users ask, the only layer ``cli`` and ``web`` call: plain functions over a :class:`~newsledger.store.Store`.

A function here turns what a person typed into ids (an actor's alias with
``Store.find_actor``, an article's id prefix or URL with ``Store.resolve_id``),
builds the typed filter of :mod:`newsledger.store.filters`, and composes the
store's answers: ``actors`` (the actor list and profile), ``events`` (events
and timelines), ``claims``, ``places``, ``network`` (actor graphs), ``show``,
``stats``, ``time``, ``quantities``, ``provenance`` (the stories' provenance graph), ``stories`` (:func:`stories` and :func:`story` are also here, as
``query.stories(store)``). Nothing here holds SQL or touches a connection.
"""

from .stories import stories, story  # noqa: E402  (the API the evaluation and tests call: query.stories(store))

__all__ = ["stories", "story"]
