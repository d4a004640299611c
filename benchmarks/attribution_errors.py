"""Print speaker-attribution mistakes on a PDNC novel, with their context, for error analysis.

Usage:
    python benchmarks/attribution_errors.py ../shared/data/pdnc-dev NOVEL [--type explicit] [--rule beat] [--limit 40]
"""

from __future__ import annotations

import argparse
import bisect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ficlens import analyze_document
from ficlens.evaluation.pdnc import read_pdnc
from ficlens.ingest import document_from_text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("novel")
    ap.add_argument("--type")
    ap.add_argument("--rule")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--discovered", action="store_true")
    ap.add_argument("--all", action="store_true", help="show correct ones too")
    args = ap.parse_args()
    (novel,) = read_pdnc(args.root, [args.novel])
    doc = document_from_text(novel.text)
    a = analyze_document(doc, characters=None if args.discovered else novel.roster())
    names = {c.id: c.name for c in novel.characters}
    pred_names = {c.id: c.name for c in a.characters}
    quotes = sorted(a.quotes, key=lambda q: q.start)
    starts = [q.start for q in quotes]
    paras = doc.paragraphs
    pstarts = [p.start for p in paras]
    shown = 0
    for g in novel.quotes:
        if args.type and g.type != args.type:
            continue
        s, e = g.spans[0]
        k = bisect.bisect_right(starts, e) - 1
        q = quotes[k] if k >= 0 and quotes[k].end > s else None
        ok = q is not None and q.speaker == g.speaker
        if ok and not args.all:
            continue
        if args.rule and (q is None or q.rule != args.rule):
            continue
        pi = bisect.bisect_right(pstarts, s) - 1
        context = novel.text[paras[max(0, pi - 1)].start : paras[pi].end] if pi >= 0 else ""
        print("=" * 100)
        print(f"gold={names.get(g.speaker)} ({g.type})  pred={pred_names.get(q.speaker) if q else None} rule={q.rule if q else 'MISSED'} conf={q.confidence if q else 0}")
        print(context[-700:])
        shown += 1
        if shown >= args.limit:
            break


if __name__ == "__main__":
    main()
