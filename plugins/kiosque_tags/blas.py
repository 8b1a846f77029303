"""The model's matrix products by numpy's BLAS on one thread, rather than by thinc's own `blis`.

Most of the model's time is matrix products (its convolutions over the words). The `blis` wheel
thinc uses falls back to its generic code on processors it does not recognise (this machine's:
« libblis: selecting sub-configuration 'generic' »), three times slower than numpy's OpenBLAS,
which picks its code for the processor it runs on; on one thread, since the model already runs
in one process per core. Same products, same names found (checked on the labelled articles).
"""

from __future__ import annotations

from contextlib import contextmanager


def use_numpy(nlp) -> None:
    """Every layer of every component of ``nlp`` multiplies with numpy."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops


@contextmanager
def one_thread():
    """numpy's BLAS on one thread while the model reads: its threads would only compete with the
    other model process for the same cores (and spin while they wait)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield
