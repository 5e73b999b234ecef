"""The extractor registry: how an extractor plugs into the pipeline, the records and the output.

An :class:`Extractor` names the :class:`~newsledger.records.Analysis` section it
fills, the spaCy component (factory) it adds, the model components it reads,
and the function that turns an annotated Doc into its records. Built-in
extractors are listed in :data:`newsledger.plugins.DEFAULT_PLUGINS` (kind
``extractor``); each of those modules calls :func:`register` at import.

Order matters twice: components are added to the pipeline, and records are
built, in ascending ``order``; a later extractor may read the records of an
earlier one through ``RecordContext.sections`` (events read actors, timexes
and attributions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import plugins


@dataclass
class RecordContext:
    """What ``to_records`` functions share for one article.

    Attributes:
        article: the :class:`~newsledger.records.Article`.
        index: a :class:`~newsledger.analyze.to_records.ParagraphIndex` (offset → paragraph role).
        sections: records already built for this article, by section name.
    """

    article: Any
    index: Any
    sections: dict[str, tuple] = field(default_factory=dict)


@dataclass(frozen=True)
class Extractor:
    """One extractor.

    Attributes:
        section: the Analysis field it fills ("timexes").
        to_records: ``(doc, context) -> sequence of records`` for that section.
        factory: the spaCy factory it adds to the pipeline ("newsledger_timex"),
            or None when it only reads what the model already annotates.
        needs: model components it reads ("tagger", "parser", "ner", ...).
        config: config passed to the factory.
        order: position among extractors (components and records, ascending).
    """

    section: str
    to_records: Callable[[Any, RecordContext], Sequence[Any]]
    factory: str | None = None
    needs: frozenset[str] = frozenset()
    config: dict[str, Any] = field(default_factory=dict)
    order: int = 100


def register(extractor: Extractor) -> Extractor:
    """Add (or replace) the extractor for ``extractor.section`` (plugin kind ``extractor``)."""
    return plugins.register("extractor", extractor.section, extractor)


def extractors() -> list[Extractor]:
    """Every registered extractor, in ``order`` (importing the built-ins on first call)."""
    return sorted(plugins.get("extractor").values(), key=lambda e: (e.order, e.section))
