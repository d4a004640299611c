"""Running ficlens over a gold corpus in both settings, in parallel, and scoring it."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from ficlens import analyze_document
from ficlens.evaluation import metrics
from ficlens.evaluation.gold import GoldNovel
from ficlens.ingest import document_from_text
from ficlens.tokens import count_tokens

SETTINGS = ("roster", "discovered")


def evaluate_novel(novel: GoldNovel, setting: str) -> metrics.Result:
    doc = document_from_text(novel.text, path=novel.name)
    t0 = time.perf_counter()
    roster = novel.roster() if setting == "roster" else None
    analysis = analyze_document(doc, characters=roster)
    seconds = time.perf_counter() - t0
    result = metrics.score(novel, analysis, setting)
    result.seconds = seconds
    result.tokens = count_tokens(novel.text)
    return result


def _task(args: tuple[GoldNovel, str]) -> metrics.Result:
    return evaluate_novel(*args)


def results(novels: Iterable[GoldNovel], settings: tuple[str, ...] = SETTINGS, workers: int | None = None) -> list[metrics.Result]:
    """One scored `metrics.Result` per novel and setting, computed on ``workers`` processes."""
    tasks = [(n, s) for n in novels for s in settings]
    workers = workers or min(len(tasks), os.cpu_count() or 1) or 1
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_task, tasks))
    return [_task(t) for t in tasks]


def evaluate(novels: Iterable[GoldNovel], settings: tuple[str, ...] = SETTINGS, workers: int | None = None) -> dict:
    """Per-novel and overall figures for each setting: ``{setting: {"novels": [...], "overall": {...}}}``."""
    results_ = results(novels, settings, workers)
    out = {}
    for s in settings:
        rs = [r for r in results_ if r.setting == s]
        out[s] = {"novels": [metrics.figures(r) for r in rs], "overall": metrics.summarize(rs)}
    return out
