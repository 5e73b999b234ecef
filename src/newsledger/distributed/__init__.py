"""Engines that map a distributed stage over partitions of the input.

A stage is a pure, picklable function ``list[Article] -> list[Analysis | Skip]``
(``analyze.pipeline.analyze_batch``); an engine only splits the articles into
batches, maps the stage over them and hands the results back in input order.
The same stage runs in-process in the tests. :mod:`.local` is the forked
worker pool on this machine.
"""

from .local import fork_available, map_batches

__all__ = ["fork_available", "map_batches"]
