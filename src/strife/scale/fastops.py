"""The thinc backend strife loads the spaCy model with: matrix products through numpy's BLAS, one thread.

spaCy's CPU backend (`thinc.api.NumpyOps`) multiplies matrices with the ``blis`` package. Its wheels
pick a kernel for the processor at run time, and on processors they do not know (AMD Zen 3/4, i.e.
the EPYC machines of CI and of the development machine) they fall back to the *generic reference*
kernel: a third of the parse time was spent in ``bli_sgemm_generic_ref``. numpy's BLAS (OpenBLAS)
has optimised kernels for these processors. thinc's own switch, ``NumpyOps(use_blis=False)``, sends
the layers' products (the two token-to-vector encoders, the tagger, the parser's and the entity
recogniser's input layers) to ``numpy.dot``: the model parses about 1.5 times as fast on such a
machine, and not slower elsewhere. The annotations were identical (tags, heads, labels, entities,
lemmas) on the 2,184 articles of the throughput corpus; the products differ from blis's in the
last bits of a float only (the order of the additions), which the models' arg-max decisions absorb.

OpenBLAS would run every product on all cores; strife runs one pipeline per process (a process pool
or Dask workers give the parallelism), so each product is limited to one thread, and only while it
runs (``threadpoolctl``): the thread settings seen by the rest of the program do not change. With
several threads per product two processes on two cores each spent twice the CPU time.

``STRIFE_BLIS=1`` keeps spaCy's default backend (for comparisons).
"""

from __future__ import annotations

import contextlib
import os
from functools import lru_cache
from typing import Any, Iterator, Optional

from thinc.api import NumpyOps, get_current_ops, set_current_ops


@lru_cache(maxsize=1)
def _blas_controllers() -> tuple:
    """threadpoolctl's controllers of the BLAS libraries loaded now (numpy's among them)."""
    import numpy  # noqa: F401  (loads its BLAS before the scan)
    from threadpoolctl import ThreadpoolController

    return tuple(ThreadpoolController().select(user_api="blas").lib_controllers)


class SingleThreadNumpyOps(NumpyOps):
    """`NumpyOps` whose ``gemm`` is ``numpy.dot`` on one BLAS thread (see module doc)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["use_blis"] = False
        super().__init__(**kwargs)
        self._blas = _blas_controllers()

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        blas = self._blas
        before = [c.num_threads for c in blas]
        for c, n in zip(blas, before):
            if n != 1:
                c.set_num_threads(1)
        try:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        finally:
            for c, n in zip(blas, before):
                if n != 1:
                    c.set_num_threads(n)


def use_blis(env: Optional[dict] = None) -> bool:
    """True when ``STRIFE_BLIS=1`` asks for spaCy's default (blis) backend."""
    return (env if env is not None else os.environ).get("STRIFE_BLIS", "").strip() in ("1", "true", "yes")


def pipeline_ops() -> Optional[NumpyOps]:
    """The backend to load the model with, or None for spaCy's default."""
    return None if use_blis() else SingleThreadNumpyOps()


@contextlib.contextmanager
def model_backend() -> Iterator[None]:
    """Models built inside this block (``spacy.load``) use `pipeline_ops` (thinc keeps a model's ops)."""
    ops = pipeline_ops()
    if ops is None:
        yield
        return
    before = get_current_ops()
    set_current_ops(ops)
    try:
        yield
    finally:
        set_current_ops(before)
