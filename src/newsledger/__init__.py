"""newsledger: a local-first news-intelligence engine.

Who did what to whom, when and where — and who says so, and how surely.

Public API: :func:`ingest` and :func:`analyze` run the main job, :func:`open_store`
opens a ledger, :func:`load_settings` resolves settings; the records are in
:mod:`newsledger.records`.
"""

from .config import Settings, load_settings
from .errors import NewsLedgerError
from .run import IngestReport, analyze, ingest
from .records import Analysis, Article, Mention, Paragraph, Sentence, Skip
from .store import open_store

__version__ = "0.1.0"

__all__ = sorted(
    [
        "Analysis",
        "Article",
        "IngestReport",
        "Mention",
        "NewsLedgerError",
        "Paragraph",
        "Sentence",
        "Settings",
        "Skip",
        "analyze",
        "ingest",
        "load_settings",
        "open_store",
    ]
)
