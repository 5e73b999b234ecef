"""The one base class of newsledger's spaCy components.

Every extractor's component (``newsledger_actors``, ``newsledger_timex``,
``newsledger_places``, ``newsledger_attribution``, ``newsledger_events``) is a
:class:`Component`: it says what it finds in a Doc (:meth:`Component.find`) and
how that is written onto the Doc (:meth:`Component.set_annotations`). The base
class runs the two and routes a failure through the component's error handler,
as spaCy's own ``SpanRuler`` does, so ``nlp.set_error_handler`` works for every
component. spaCy's default handler raises; the batch job (``analyze.pipeline``)
turns what is raised into a :class:`~newsledger.errors.PipelineError` naming
the component, and that into a Skip.

A new component::

    class Shouting(Component):
        def find(self, doc: Doc) -> list[int]:
            return [t.i for t in doc if t.is_upper]

        def set_annotations(self, doc: Doc, found: list[int]) -> None:
            doc._.shouting = found

    @Language.factory("newsledger_shouting", assigns=["doc._.shouting"], requires=[], default_config={})
    def make_shouting(nlp: Language, name: str) -> Shouting:
        return Shouting(nlp, name)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc


class Component(Pipe):
    """A spaCy component that finds something in a Doc and annotates the Doc with it.

    Subclasses implement :meth:`find` and :meth:`set_annotations`; the error
    handler (``get_error_handler`` / ``set_error_handler``, which
    ``nlp.set_error_handler`` calls) comes from spaCy's ``Pipe``, whose
    default handler raises.

    Args:
        nlp: the pipeline (spaCy's factory signature; unused here).
        name: the component's name in the pipeline ("newsledger_places").
    """

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def find(self, doc: Doc) -> Any:
        """What this component finds in ``doc`` (not yet written onto it).

        Raises:
            Exception: anything; ``__call__`` hands it to the error handler.
        """
        raise NotImplementedError(f"{type(self).__name__} must implement find(doc)")

    def set_annotations(self, doc: Doc, found: Any) -> None:
        """Write ``found`` (what :meth:`find` returned) onto ``doc`` (its ``doc._`` extensions)."""
        raise NotImplementedError(f"{type(self).__name__} must implement set_annotations(doc, found)")

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it.

        A failure in :meth:`find` or :meth:`set_annotations` goes to the error
        handler as ``handler(self.name, self, [doc], exception)``; the default
        handler raises it, one that returns leaves ``doc`` as it was.
        """
        try:
            self.set_annotations(doc, self.find(doc))
        except Exception as exc:  # noqa: BLE001 - spaCy's error handler decides (raises by default)
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Annotate each Doc of ``stream`` (see :meth:`__call__`), lazily and in order.

        Overrides ``Pipe.pipe``, which would call the error handler a second
        time for a failure ``__call__`` already handed to it.
        """
        for doc in stream:
            yield self(doc)
