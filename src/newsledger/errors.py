"""The exception tree of newsledger.

::

    NewsLedgerError                      code, message that says what to do next
    ├── IngestError          (path, reason: SkipReason)   an input that cannot become an Article
    │   ├── ReadError                                     cannot read / decode / parse the file
    │   └── ExtractionError                               read, but holds no article text
    ├── PipelineError        (component, article_id)      the NLP pipeline failed on one article
    ├── StoreError                                        the store cannot be opened or written
    │   ├── StoreOpenError     (path, reason)             not a store newsledger may open so (named why)
    │   └── SchemaVersionError (found, expected)          a store from a newer newsledger
    ├── QueryError                                        a question the store cannot answer (HTTP 400)
    │   └── AmbiguousActorError (name, actor_ids)        a name several actors go by
    └── ConfigError          (key, value, allowed)        a bad setting or command-line value

An input that is not ingested never vanishes: the read stage of ``run`` turns an
``IngestError``, and ``analyze.pipeline`` a ``PipelineError`` (naming the failing
component), into a :class:`~newsledger.records.Skip` carrying ``stage``,
``reason`` (a :class:`SkipReason` value) and ``detail``, and the batch goes on.
"""

from __future__ import annotations

from enum import Enum


class SkipReason(str, Enum):
    """Stable codes for why an input was not ingested (``Skip.reason``)."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    BINARY = "binary"
    ENCODING = "encoding"
    MALFORMED = "malformed"
    TRUNCATED = "truncated"
    NO_CONTENT = "no_content"
    TOO_LONG = "too_long"
    OVER_BUDGET = "over_budget"  # over a per-input budget: max_chars, max_paragraphs or max_seconds (config)
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    PIPELINE_ERROR = "pipeline_error"
    STORE_ERROR = "store_error"


class NewsLedgerError(Exception):
    """Base of every error newsledger raises on purpose.

    ``str(error)`` is ``"[CODE] message"``; the message says what to do next.
    """

    code = "E000"
    status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class IngestError(NewsLedgerError):
    """An input that cannot become an Article."""

    code = "E100"
    stage = "read"

    def __init__(self, message: str, *, path: str, reason: SkipReason):
        super().__init__(message)
        self.path = path
        self.reason = SkipReason(reason)


class ReadError(IngestError):
    """The input cannot be read, decoded or parsed."""

    code = "E101"
    stage = "read"


class ExtractionError(IngestError):
    """The input was read but holds no article text."""

    code = "E102"
    stage = "extract"


class PipelineError(NewsLedgerError):
    """The NLP pipeline failed on one article."""

    code = "E200"

    def __init__(self, message: str, *, component: str | None, article_id: str | None):
        super().__init__(message)
        self.component = component
        self.article_id = article_id


class StoreError(NewsLedgerError):
    """The store cannot be opened, migrated or written."""

    code = "E300"


def damaged_store_message(exc: BaseException) -> str:
    """What the CLI and the web UI say when a read meets a damaged part of a store file (``exc``: SQLite's error)."""
    return (f"The store cannot be read: SQLite says {str(exc)!r}. The file is damaged or not a complete store: "
            "restore it from a copy, or ingest again into a new --db.")


class StoreOpenError(StoreError):
    """The file named as a store cannot be opened as asked; ``reason`` says why, as a stable code.

    Reasons: ``folder`` (a folder, not a file), ``no_folder`` (its folder is missing), ``missing`` and
    ``empty`` (nothing to query yet), ``unreadable``, ``not_sqlite``, ``foreign`` (another
    application's SQLite database), ``read_only`` and ``read_only_folder`` (ingest cannot write),
    ``older`` (a query on a store an ingest must migrate first), ``locked``, ``unopenable``.
    """

    code = "E303"

    def __init__(self, message: str, *, path: str, reason: str):
        super().__init__(message)
        self.path = path
        self.reason = reason


class SchemaVersionError(StoreError):
    """The store was written by a newer newsledger than this one."""

    code = "E302"

    def __init__(self, *, found: int, expected: int, path: str):
        super().__init__(
            f"The store {path} has schema version {found}, newer than this newsledger "
            f"understands ({expected}). Upgrade newsledger, or choose another store with --db."
        )
        self.found = found
        self.expected = expected


class QueryError(NewsLedgerError):
    """A question the store cannot answer as asked (bad id, unknown field)."""

    code = "E301"
    status = 400


class AmbiguousActorError(QueryError):
    """A name (or alias) several global actors go by; ``actor_ids`` lists them, sorted."""

    def __init__(self, message: str, *, name: str, actor_ids: list[str]):
        super().__init__(message)
        self.name = name
        self.actor_ids = actor_ids


class AmbiguousStoryError(QueryError):
    """A story id prefix several stories start with; ``story_ids`` lists some of them, sorted."""

    def __init__(self, message: str, *, story_ids: list[str]):
        super().__init__(message)
        self.story_ids = story_ids
        self.errors = [message, *story_ids]


class ConfigError(NewsLedgerError):
    """A bad setting or command-line value."""

    code = "E400"
    status = 400

    def __init__(self, message: str, *, key: str, value: object = None, allowed: object = None):
        super().__init__(message)
        self.key = key
        self.value = value
        self.allowed = allowed
