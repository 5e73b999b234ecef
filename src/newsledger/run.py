"""The main job, as library functions, in numbered stages: read → dedupe → analyze → link → store.

:func:`ingest` fills a store; :func:`analyze` returns the records of inputs
without storing them. The CLI is a thin layer over both. Each stage takes the
previous stage's objects lazily (``Article`` → ``Analysis``); an input a stage
cannot handle becomes a :class:`~newsledger.records.Skip` in the report, and the
rest go on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .config import Settings
from .errors import IngestError, NewsLedgerError, ReadError, SkipReason, StoreError
from .ingest.article import Overrides, RawDocument, build_article, earlier_article_id
from .ingest.dedup import DuplicateIndex, from_blob, minhash, to_blob
from .ingest.readers import discover, read_input
from .paths import message_text, path_text
from .records import Analysis, Article, Skip
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What an ingest run did.

    ``ingested`` articles were added (``duplicates`` of them are near or exact
    copies of another article); ``unchanged`` were already in the store;
    ``ignored`` files were not of a kind newsledger reads; ``skips`` are inputs
    that could not be ingested, each with its reason.
    """

    ingested: int = 0
    unchanged: int = 0
    duplicates: int = 0
    inputs: int = 0
    ignored: list[str] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    interrupted: bool = False
    read_paths: list[str] = field(default_factory=list)  # every input path this run read (as text), for the skips it replaces

    @property
    def skipped(self) -> int:
        """Number of inputs (files, lines, records) not ingested."""
        return len(self.skips)

    def to_json(self) -> dict:
        """JSON-ready summary."""
        return {
            "ingested": self.ingested,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "ignored": len(self.ignored),
            "skipped": self.skipped,
            "ignored_files": self.ignored,
            "skips": [dataclasses.asdict(s) for s in self.skips],
            "warnings": self.warnings,
            "interrupted": self.interrupted,
        }


Progress = Callable[[str, int], None]
"""Progress callback: ``(event, n)`` with events "inputs" (total inputs), "input" (one input read) and "article"."""


def _skip_of(exc: IngestError, article_id: str | None = None) -> Skip:
    """The Skip of a failed input: its OS path becomes text (:func:`~newsledger.paths.path_text`), in the detail too."""
    return Skip(path=path_text(exc.path), stage=exc.stage, reason=exc.reason.value,
                detail=message_text(exc.message, exc.path), article_id=article_id)


def _pipeline_settings(settings: Settings) -> Settings:
    """``settings`` without the keys the spaCy pipeline does not depend on, so it is built (and cached) once."""
    return dataclasses.replace(settings, assume_report_date=False, max_chars=Settings.max_chars,
                               max_paragraphs=Settings.max_paragraphs, max_seconds=Settings.max_seconds)


def _dated(analysis: Analysis, settings: Settings) -> Analysis:
    """With ``settings.assume_report_date``, undated events take the publication date (flagged as such)."""
    if not settings.assume_report_date:
        return analysis
    from .analyze.events.component import assume_report_date

    return assume_report_date(analysis)


def _within_budget(articles: Iterator[Article], settings: Settings, max_length: int,
                   report: IngestReport) -> Iterator[Article]:
    """Pass on the articles within the per-input budget; the others become Skips in ``report``.

    Over ``settings.max_chars`` or ``settings.max_paragraphs``: reason
    ``over_budget``, naming the limit and the article's value; longer than
    spaCy's ``nlp.max_length`` (``max_length``): ``too_long``. While the
    articles are read, HTML pages are held to the same budget before
    trafilatura parses them (``ingest.extract.HTML_BUDGET``); the time budget
    (``max_seconds``) is kept by the analyze stage.
    """
    from .ingest.extract import HTML_BUDGET

    token = HTML_BUDGET.set((settings.max_chars, settings.max_paragraphs))
    try:
        for article in articles:
            where = article.source_path or ""
            over = None
            if len(article.text) > settings.max_chars:
                over = f"{len(article.text):,} characters (max_chars is {settings.max_chars:,})"
            elif len(article.paragraphs) > settings.max_paragraphs:
                over = f"{len(article.paragraphs):,} paragraphs (max_paragraphs is {settings.max_paragraphs:,})"
            if over:
                report.skips.append(Skip(
                    path=where, stage="analyze", reason=SkipReason.OVER_BUDGET.value,
                    detail=f"{where}: over the per-input budget: {over}; split it into several articles, "
                           f"or raise the limit (newsledger.toml or NEWSLEDGER_*).",
                    article_id=article.article_id))
                continue
            if len(article.text) > max_length:
                report.skips.append(Skip(
                    path=where, stage="analyze", reason=SkipReason.TOO_LONG.value,
                    detail=f"{where}: too long to analyze: {len(article.text):,} characters "
                           f"(the limit is {max_length:,}); split it into several articles.",
                    article_id=article.article_id))
                continue
            yield article
    finally:
        try:
            HTML_BUDGET.reset(token)
        except ValueError:  # finalized in another context: nothing of ours to undo there
            pass


def _body(article: Article) -> str:
    return "\n\n".join(article.text[p.start : p.end] for p in article.paragraphs if p.role == "body")


def _read_guarded(path: str, kind: str | None, field_map: dict[str, str] | None) -> Iterator[RawDocument | IngestError]:
    """``read_input``, but a reader bug becomes an error naming the file instead of ending the whole run.

    What the file yielded before the failure is kept.
    """
    try:
        yield from read_input(path, kind, field_map=field_map)
    except IngestError as exc:
        yield exc
    except NewsLedgerError:  # a usage error (a bad --map): the whole run stops with it
        raise
    except Exception as exc:  # a reader must never raise; if one does, lose this file only
        log.exception("reading %s failed", path)
        yield ReadError(f"{path}: could not be read to the end ({type(exc).__name__}: {exc}); "
                        f"what came before was kept.", path=path, reason=SkipReason.UNREADABLE)


def read_articles(
    paths: list[str],
    *,
    report: IngestReport,
    overrides: Overrides | None = None,
    field_map: dict[str, str] | None = None,
    fmt: str | None = None,
    language: str = "en",
    progress: Progress | None = None,
) -> Iterator[Article]:
    """Articles from files, folders and ``-``; every input that fails becomes a Skip in ``report``.

    Args:
        paths: files, folders (read recursively) or ``-`` for stdin.
        report: collects skips, ignored files and warnings.
        overrides: command-line metadata that wins over the input's.
        field_map: ``{column: field}`` renames for JSON Lines and CSV.
        fmt: force a format for every input.
        language: the pipeline's language; an article declared in another
            language is skipped (``unsupported_language``); so is one with no
            declared language whose body text is detected, surely, to be in
            another (``ingest.language``; short texts are analyzed).
    """
    found = discover(paths, fmt=fmt)
    # paths in the report and the store are text (newsledger.paths): a file name need not be UTF-8
    report.ignored.extend(path_text(p) for p in found.ignored)
    report.inputs = len(found.inputs)
    report.read_paths = [path_text(p) for p, _ in found.inputs if p != "-"]
    for missing in found.missing:
        report.skips.append(Skip(path=path_text(missing), stage="read", reason=SkipReason.NOT_FOUND.value,
                                 detail=f"{path_text(missing)}: no such file or folder."))
    for where, why in found.unreadable:
        report.skips.append(Skip(path=path_text(where), stage="read", reason=SkipReason.UNREADABLE.value,
                                 detail=f"{path_text(where)}: cannot be read ({why}); what it holds is not ingested."))
    if progress:
        progress("inputs", len(found.inputs))
    for path, kind in found.inputs:
        for item in _read_guarded(path, kind, field_map):
            if isinstance(item, IngestError):
                report.skips.append(_skip_of(item))
                continue
            try:
                article = build_article(item, overrides, pipeline_language=language)
            except IngestError as exc:
                report.skips.append(_skip_of(exc))
                continue
            except Exception as exc:  # a bug must cost this document only, and say so
                log.exception("building the article of %s failed", item.path)
                report.skips.append(Skip(path=path_text(item.path), stage="extract", reason=SkipReason.MALFORMED.value,
                                         detail=message_text(f"{item.path}: could not be turned into an article "
                                                             f"({type(exc).__name__}: {exc}).", item.path)))
                continue
            finally:
                report.warnings.extend(message_text(w, item.path) for w in item.warnings)
            if article.language and article.language.split("-")[0] != language:
                report.skips.append(
                    Skip(
                        path=article.source_path or path_text(path),
                        stage="extract",
                        reason=SkipReason.UNSUPPORTED_LANGUAGE.value,
                        detail=f"{article.source_path}: the article is in {article.language!r}; this pipeline reads {language!r}.",
                        article_id=article.article_id,
                    )
                )
                continue
            yield article
        if progress:
            progress("input", 1)


def ingest(
    paths: list[str],
    store: Store,
    *,
    settings: Settings = Settings(),
    overrides: Overrides | None = None,
    field_map: dict[str, str] | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
    nlp=None,
) -> IngestReport:
    """Read, analyze and store every article under ``paths``.

    Each article is stored in its own transaction, whole or not at all. An
    article already in the store is counted ``unchanged`` and not analyzed
    again. Near-duplicates of stored articles get ``duplicate_of``.

    Args:
        paths: files, folders or ``-``.
        store: where to write (see :func:`newsledger.store.open_store`).
        settings: model, batch size, processes, ops.
        overrides, field_map, fmt: see :func:`read_articles`.
        progress: optional callback for progress bars.
        nlp: a pipeline to reuse (default: :func:`load_pipeline` for ``settings``).

    Returns:
        An :class:`IngestReport`; skips are also recorded in the store. A
        Ctrl-C stops the run with ``interrupted`` set: what was stored stays.
    """
    from .analyze.pipeline import analyze_articles, load_pipeline

    nlp = nlp or load_pipeline(_pipeline_settings(settings))
    report = IngestReport()
    # 1 read: inputs → Articles; an input that cannot become one (or is over the per-input budget) is a Skip
    articles = _within_budget(read_articles(paths, report=report, overrides=overrides, field_map=field_map, fmt=fmt,
                                            language=nlp.lang, progress=progress), settings, nlp.max_length, report)
    # 2 dedupe: an article already stored is unchanged and not analyzed again; a copy gets duplicate_of
    seen = _Seen.of(store)
    fresh = _dedupe(articles, store, seen, report, progress)
    # 3 analyze: Article → Analysis, or a Skip naming the component that failed on it
    results = analyze_articles(nlp, fresh, n_process=settings.n_process, batch_size=settings.batch_size,
                               max_seconds=settings.max_seconds)
    # 4 link and 5 store: one transaction per article (see _store_results); the stages above run as it pulls
    try:
        _store_results(results, store, seen, report, settings, progress)
    except KeyboardInterrupt:  # what is stored stays stored (one transaction per article); say so and stop
        report.interrupted = True
    if not report.interrupted:  # a file read again: its earlier skips (of the file, of its lines) are this run's now
        for path in report.read_paths:
            store.clear_skips(path, records=True)
    for skip in report.skips:
        store.add_skip(skip)
    return report


@dataclass
class _Seen:
    """What the dedupe stage knows: stored articles' signatures, and the articles on their way to the store.

    Attributes:
        index: MinHash signatures of stored and fresh articles, by ``article_id``.
        ids: ``article_id`` of every fresh article of this run.
        signatures: ``{article_id: MinHash blob}`` of fresh articles, stored with them.
    """

    index: DuplicateIndex
    ids: set[str] = field(default_factory=set)
    signatures: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, store: Store) -> _Seen:
        index = DuplicateIndex()
        for article_id, content_hash, blob in store.signatures():
            index.add(article_id, content_hash, from_blob(blob))
        return cls(index)


def _dedupe(articles: Iterator[Article], store: Store, seen: _Seen, report: IngestReport,
            progress: Progress | None) -> Iterator[Article]:
    """The articles not yet stored (nor met before in this run), each with ``duplicate_of`` where it is a copy."""
    for article in articles:
        if article.article_id in seen.ids or store.has_article(article.article_id) or _stored_earlier(article, store):
            report.unchanged += 1
            if article.source_path:
                store.clear_skips(article.source_path)
            if progress:
                progress("article", 1)
            continue
        seen.ids.add(article.article_id)
        sig = minhash(_body(article))
        dup = seen.index.duplicate_of(article.article_id, article.content_hash, sig)
        seen.index.add(article.article_id, article.content_hash, sig)
        seen.signatures[article.article_id] = to_blob(sig)
        yield dataclasses.replace(article, duplicate_of=dup) if dup else article


def _stored_earlier(article: Article, store: Store) -> bool:
    """True when a store written before titles joined URL-less ids holds this article (same id then, same title)."""
    earlier = earlier_article_id(article)
    return bool(earlier and store.has_article(earlier) and store.article(earlier).title == article.title)


def _store_results(results: Iterator[Analysis | Skip], store: Store, seen: _Seen, report: IngestReport,
                   settings: Settings, progress: Progress | None) -> None:
    """Store each analysis in its own transaction; a pipeline or store failure becomes a Skip in ``report``."""
    for result in results:
        if isinstance(result, Skip):  # the pipeline failed on this article
            seen.index.remove(result.article_id)
            report.skips.append(result)
        else:
            analysis = _dated(result, settings)
            article = analysis.article
            # 4 link: a copy whose original failed to store looks again among what is stored; the store links
            # each actor to the known ones as it saves (link.actors)
            if article.duplicate_of and not store.has_article(article.duplicate_of):
                dup = seen.index.duplicate_of(article.article_id, article.content_hash,
                                              from_blob(seen.signatures[article.article_id]))
                analysis = dataclasses.replace(analysis, article=dataclasses.replace(article, duplicate_of=dup))
            # 5 store
            try:
                added = store.save(analysis, minhash=seen.signatures.pop(article.article_id, None))
            except StoreError as exc:
                seen.index.remove(article.article_id)
                report.skips.append(
                    Skip(path=article.source_path or "", stage="store", reason=SkipReason.STORE_ERROR.value,
                         detail=exc.message, article_id=article.article_id)
                )
            else:
                if article.source_path:
                    store.clear_skips(article.source_path)  # an earlier failure of this input is no longer true
                if added:
                    report.ingested += 1
                    report.duplicates += bool(analysis.article.duplicate_of)
                else:
                    report.unchanged += 1
        if progress:
            progress("article", 1)


def analyze(
    paths: list[str],
    *,
    settings: Settings = Settings(),
    overrides: Overrides | None = None,
    field_map: dict[str, str] | None = None,
    fmt: str | None = None,
    nlp=None,
) -> tuple[list[Analysis], IngestReport]:
    """Analyze inputs without storing them: the read and analyze stages of :func:`ingest`.

    Args:
        paths: files, folders or ``-``.
        settings: model, batch size, processes, ops, ``assume_report_date``.
        overrides, field_map, fmt: see :func:`read_articles`.
        nlp: a pipeline to reuse (default: :func:`load_pipeline` for ``settings``).

    Returns:
        The analyses, in input order, and a report holding skips and warnings.
    """
    from .analyze.pipeline import analyze_articles, load_pipeline

    nlp = nlp or load_pipeline(_pipeline_settings(settings))
    report = IngestReport()
    # 1 read: inputs → Articles; an input that cannot become one (or is over the per-input budget) is a Skip
    articles = _within_budget(read_articles(paths, report=report, overrides=overrides, field_map=field_map, fmt=fmt,
                                            language=nlp.lang), settings, nlp.max_length, report)
    # 2 dedupe, 4 link, 5 store: not here (nothing is stored)
    # 3 analyze: Article → Analysis, or a Skip naming the component that failed on it
    analyses: list[Analysis] = []
    for result in analyze_articles(nlp, articles, n_process=settings.n_process, batch_size=settings.batch_size,
                                   max_seconds=settings.max_seconds):
        if isinstance(result, Skip):
            report.skips.append(result)
        else:
            analyses.append(_dated(result, settings))
            report.ingested += 1
    return analyses, report
