"""Chunk tasks for the pool tests (importable by worker processes)."""

from __future__ import annotations

import os
import time


def crash_on_boom(chunk, context, report):
    """Report each work; the process dies on a work whose id contains "boom", hangs on "hang"."""
    done = []
    for item in chunk.items:
        if "boom" in item.id:
            os._exit(3)
        if "hang" in item.id:
            time.sleep(60)
        done.append(item.id)
        report(item.id)
    return done


def raise_always(chunk, context, report):
    raise OSError("disk full")


def collector_thresholds(chunk, context, report):
    import gc

    return gc.get_threshold()


def where_ficlens_is(chunk, context, report):
    """Where the worker imported ficlens from."""
    import ficlens

    for item in chunk.items:
        report(item.id)
    return [ficlens.__file__]
