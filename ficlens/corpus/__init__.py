"""ficlens at corpus scale: batch runs into Parquet tables, and a searchable SQLite library.

    >>> from ficlens.corpus import batch, Library
    >>> summary = batch(["stories/"], "out/")          # JSON per work + Parquet tables
    >>> with Library("fics.db", readonly=False) as lib:  # doctest: +SKIP
    ...     lib.add(ficlens.analyze(text), work_id="my-fic")

docs/batch.md documents the output folder, the tables' columns, the database
schema and this API.
"""

from __future__ import annotations

from ficlens.corpus.batch import BatchSummary, batch
from ficlens.corpus.indexer import IndexSummary, index
from ficlens.corpus.library import Library
from ficlens.corpus.progress import make_display
from ficlens.corpus.sources import CorpusColumns, WorkItem, iter_works
from ficlens.corpus.tables import SCHEMAS, TABLES

__all__ = [
    "SCHEMAS",
    "TABLES",
    "BatchSummary",
    "CorpusColumns",
    "IndexSummary",
    "Library",
    "WorkItem",
    "batch",
    "index",
    "iter_works",
    "make_display",
]
