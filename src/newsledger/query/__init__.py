"""The questions users ask, the only layer ``cli`` and ``web`` call: plain functions over a :class:`~newsledger.store.Store`.

A function here turns what a person typed into ids (an actor's alias with
``Store.find_actor``, an article's id prefix or URL with ``Store.resolve_id``),
builds the typed filter of :mod:`newsledger.store.filters`, and composes the
store's answers: ``actors`` (the actor list and profile), ``events`` (events
and timelines), ``claims``, ``places``, ``network`` (actor graphs), ``show``,
``stats``, ``time``, ``quantities``, ``provenance`` (the stories' provenance graph), ``stories``,
``disagreements``, ``framing`` (:func:`stories` and :func:`story` are also here, as ``query.stories(store)``; the
module itself is ``importlib.import_module("newsledger.query.stories")``, since the name ``query.stories`` is the
function; a story traced on demand is ``newsledger.query.stories`` module's ``provenance``). Nothing here holds SQL
or touches a connection.
"""

from .disagreements import disagreements  # noqa: E402  (query.disagreements(store): tests/test_cases.py)
from .framing import framing  # noqa: E402
from .stories import stories, story  # noqa: E402  (the API the evaluation and tests call: query.stories(store))

__all__ = ["disagreements", "framing", "stories", "story"]
