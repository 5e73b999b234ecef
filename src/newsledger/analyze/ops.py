"""A thinc ``Ops`` whose matrix product is numpy's (OpenBLAS) instead of blis.

On CPUs where blis has no tuned kernel it falls back to generic C loops;
numpy's BLAS ``gemm`` then computes the same products faster (``make bench``
measures both arms side by side and checks that the entities are identical).

The class registers under thinc's ``ops`` registry through the ``thinc_ops``
entry point (``pyproject.toml``), thinc's supported way to add ops, so
``thinc.api.get_ops("numpy_gemm")`` finds it; :func:`use_numpy_gemm` makes it
current. BLAS must run one thread per process (``threadpoolctl``): with two
spaCy processes on two cores, multithreaded BLAS oversubscribes the cores.
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps, get_ops, set_current_ops
from threadpoolctl import threadpool_limits


class NumpyGemmOps(NumpyOps):
    """``NumpyOps`` with ``gemm`` done by ``numpy.matmul``; everything else unchanged."""

    name = "numpy_gemm"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):  # noqa: D401 (thinc's signature)
        """``x @ y`` (each optionally transposed), written into ``out`` when given."""
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_numpy_gemm(*, blas_threads: int = 1) -> None:
    """Make :class:`NumpyGemmOps` thinc's current ops and cap BLAS threads.

    Call before the spaCy model is loaded: models take the ops current when
    they are built.
    """
    threadpool_limits(limits=blas_threads, user_api="blas")
    set_current_ops(get_ops("numpy_gemm"))


def use_thinc_default(*, blas_threads: int = 1) -> None:
    """thinc's own CPU ops (blis ``gemm``), with BLAS threads capped as well."""
    threadpool_limits(limits=blas_threads, user_api="blas")
    set_current_ops(NumpyOps())
