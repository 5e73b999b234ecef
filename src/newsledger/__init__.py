"""newsledger: a local-first news-intelligence engine.

Who did what to whom, when and where — and who says so, and how surely.

Public API: :func:`ingest` and :func:`analyze` run the main job, :func:`open_store`
opens a ledger, :func:`load_settings` resolves settings; the records are in
:mod:`newsledger.records`.

The names are imported on first use (PEP 562's module ``__getattr__``): ``import newsledger``,
``newsledger --help`` and ``newsledger --version`` do not load spaCy, its model or the other heavy
libraries that :func:`ingest` and :func:`analyze` need.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "Analysis": "records",
    "Article": "records",
    "IngestReport": "run",
    "Mention": "records",
    "NewsLedgerError": "errors",
    "Paragraph": "records",
    "Sentence": "records",
    "Settings": "config",
    "Skip": "records",
    "analyze": "run",
    "ingest": "run",
    "load_settings": "config",
    "open_store": "store",
}
"""Each public name and the module of this package that defines it."""

__all__ = sorted(_LAZY)

if TYPE_CHECKING:  # for type checkers and editors: the names as if imported here ("X as X": a re-export)
    from .config import Settings as Settings, load_settings as load_settings
    from .errors import NewsLedgerError as NewsLedgerError
    from .records import (Analysis as Analysis, Article as Article, Mention as Mention, Paragraph as Paragraph,
                          Sentence as Sentence, Skip as Skip)
    from .run import IngestReport as IngestReport, analyze as analyze, ingest as ingest
    from .store import open_store as open_store


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use, and keep the name here (PEP 562).

    Raises:
        AttributeError: ``name`` is neither a public name of the package nor one of its submodules.
    """
    module = _LAZY.get(name)
    if module is None:  # a submodule asked for as an attribute (``newsledger.run``), as when it was imported here
        try:
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """This package's module type: the names ``ingest`` and ``analyze`` stay the functions.

    The subpackages :mod:`newsledger.ingest` and :mod:`newsledger.analyze` share the functions' names; importing
    one sets the package attribute of its name to the module (the import system's ``setattr``), which would hide
    the lazily loaded function. That one assignment is ignored: the subpackages stay in ``sys.modules`` and
    ``from newsledger.ingest import ...`` finds them there, as it did when this file imported :mod:`.run` first.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
