"""The local engine: a stage mapped over batches by forked worker processes, in input order.

Workers are forked (``fork`` start method), so they inherit what the parent
loaded before the pool started (the spaCy pipeline) and nothing large is
pickled: a batch of articles goes out, its finished results come back. A
worker ignores Ctrl-C; the parent stops the pool, killing workers still busy
(a Ctrl-C is honoured at once, not after their batches).

Workers die with their parent, even a parent killed by ``kill -9`` (which
runs no clean-up): on Linux each worker asks the kernel for ``SIGKILL`` when
its parent dies (``prctl(PR_SET_PDEATHSIG)``, through ctypes; Linux only);
everywhere, a thread in each worker checks once a second that its parent is
still the process that forked it (``os.getppid()``) and ends the worker when
it is not.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")


def fork_available() -> bool:
    """True where worker processes can be forked (not on Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def map_batches(
    stage: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    *,
    batch_size: int,
    n_process: int,
    lost: Callable[[Item], Result],
) -> Iterator[Result]:
    """``stage`` over batches of ``items`` in ``n_process`` forked workers, results in input order.

    Args:
        stage: a module-level (picklable) function returning one result per
            item of its batch, in order; it runs in a worker.
        items: consumed lazily: no more than ``2 × n_process`` batches are
            read ahead of the results.
        batch_size: items per batch.
        n_process: worker processes (at least 1).
        lost: the result of an item that kills a worker on its own (out of
            memory, a crash in native code); the other items of its batch
            are analyzed again one at a time and come back as usual.

    Yields:
        One result per item, in the order of ``items``.

    Raises:
        Whatever iterating ``items`` raises (the pool is stopped first).
    """
    workers = _Workers(stage, n_process)
    try:
        for batch in _batches(iter(items), batch_size):
            workers.submit(batch)
            while len(workers.pending) >= 2 * n_process:
                yield from workers.next_results(lost)
        while workers.pending:
            yield from workers.next_results(lost)
    finally:  # on Ctrl-C, an error or a consumer that stops early, workers still busy are killed
        workers.close(kill=bool(workers.pending))


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(parent: int) -> None:
    """End this worker when ``parent`` (the pid that forked it) dies, however it dies.

    Linux: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``; the kernel kills the worker
    when the parent's thread that forked it ends. Everywhere (and for the
    moment before prctl takes effect): a daemon thread polls ``os.getppid()``
    once a second and ends the worker when the parent is gone (the worker is
    then re-parented, so its parent pid changes).
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread below still works
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsledger-parent-watch", daemon=True).start()


def _init_worker(parent: int) -> None:
    """Worker set-up: leave Ctrl-C to the parent, which stops the pool (no traceback from every worker);
    die with the parent (:func:`_die_with_parent`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


class _Workers:
    """Forked worker processes running ``stage`` on batches in order; a worker that dies costs one item, not the run.

    ``concurrent.futures`` notices a dead worker (killed by the OS for memory,
    a crash in native code) and breaks the pool; the batches in flight then go
    to a fresh pool, and the batch that was running is run one item at a
    time, so the item that kills a worker is reported (``lost``) and the
    others come back. (``multiprocessing.Pool`` would wait forever instead.)
    """

    def __init__(self, stage: Callable[[list[Item]], list[Result]], n_process: int):
        self.stage = stage
        self.n_process = n_process
        self.pool = self._new_pool()
        self.pending: deque[tuple[list[Item], Future]] = deque()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.n_process, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_init_worker, initargs=(os.getpid(),))

    def submit(self, batch: list[Item]) -> None:
        self.pending.append((batch, self.pool.submit(self.stage, batch)))

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()
        waiting = [batch for batch, _ in self.pending]
        self.pending.clear()
        for batch in waiting:
            self.submit(batch)

    def next_results(self, lost: Callable[[Item], Result]) -> list[Result]:
        """The results of the oldest batch in flight, in input order."""
        batch, future = self.pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
        out: list[Result] = []
        for item in batch:  # find the item that kills a worker
            try:
                out.extend(self.pool.submit(self.stage, [item]).result())
            except BrokenProcessPool:
                out.append(lost(item))
                self._restart()
        return out

    def close(self, *, kill: bool = False) -> None:
        """Stop the pool; with ``kill``, end the workers now rather than after the batches they are running.

        (``shutdown`` cannot stop a running batch, and the interpreter waits for
        the workers at exit: a Ctrl-C would wait for whole batches.)
        """
        processes = list((getattr(self.pool, "_processes", None) or {}).values())  # private, stable since 3.8
        self.pool.shutdown(wait=False, cancel_futures=True)
        if kill:
            for process in processes:
                if process.is_alive():
                    process.kill()
            for process in processes:
                process.join(timeout=5)
