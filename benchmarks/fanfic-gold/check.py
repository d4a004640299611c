#!/usr/bin/env python3
"""Validate the fanfic-gold annotations and print a summary table.

For every NN_slug.txt / NN_slug.json pair in this folder:
  * each quote ``text`` must occur in the story, in order (every search starts
    right after the previous match);
  * every speaker / addressee / narrator id must be declared in ``characters``;
  * ``type`` must be explicit / anaphoric / implicit;
  * there must be at least 35 quotes.
Softer warnings: >80 quotes, word count outside 1,200-2,500, or a match that is
not directly preceded by an opening quotation mark, a guillemet or a dialogue dash
(i.e. the in-order search probably landed on narration instead of the intended speech). A chat or text
line (story 17) may instead start right after a ``sender: `` prefix or on the
line under a ``From: sender`` header.

Usage:  python3 check.py            # table as plain text
        python3 check.py --markdown # table as Markdown (for README.md)
Exit status is 1 if any error was found.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = ("explicit", "anaphoric", "implicit")
OPENING_MARKS = "\"'\u201c\u2018\u00ab"  # with guillemets (story 37)
DASH_OPENERS = ("\u2014 ", "\u2014", "\u00ab ")  # dash dialogue (story 38), spaced guillemets
MIN_QUOTES, MAX_QUOTES = 35, 80
MIN_WORDS, MAX_WORDS = 1200, 2500
CHAT_PREFIX = re.compile(r"[^\s\"'\u201c\u2018:]+: ")


def is_chat_line(story, i):
    """True if offset i starts a chat or text message: the rest of its line
    before i is a ``sender: `` prefix, or the line starts directly under a
    ``From: sender`` header."""
    start = story.rfind("\n", 0, i) + 1
    if CHAT_PREFIX.fullmatch(story[start:i]):
        return True
    if start == i and start >= 2:
        prev = story[story.rfind("\n", 0, start - 1) + 1:start - 1]
        return prev.startswith("From: ")
    return False


def check_story(json_path):
    errors, warnings = [], []
    txt_path = json_path.with_suffix(".txt")
    if not txt_path.exists():
        return None, [f"missing {txt_path.name}"], []
    story = txt_path.read_text(encoding="utf-8")
    data = json.loads(json_path.read_text(encoding="utf-8"))

    for key in ("fandom", "characters", "narrator", "quotes"):
        if key not in data:
            errors.append(f"missing top-level key {key!r}")
    chars = data.get("characters", [])
    ids = [c.get("id") for c in chars]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    if dupes:
        errors.append(f"duplicate character ids: {dupes}")
    ids = set(ids)
    for c in chars:
        for key in ("id", "name", "aliases", "gender"):
            if key not in c:
                errors.append(f"character {c.get('id')!r} lacks {key!r}")
    narrator = data.get("narrator")
    if narrator is not None and narrator not in ids:
        errors.append(f"narrator {narrator!r} is not a declared character")

    quotes = data.get("quotes", [])
    pos = 0
    for n, q in enumerate(quotes, 1):
        text = q.get("text", "")
        where = f"quote {n} ({text[:40]!r})"
        if not text:
            errors.append(f"{where}: empty text")
            continue
        i = story.find(text, pos)
        if i < 0:
            earlier = story.find(text)
            hint = " (it occurs earlier: out of order)" if earlier >= 0 else ""
            errors.append(f"{where}: not found after offset {pos}{hint}")
            continue
        opened = i > 0 and (story[i - 1] in OPENING_MARKS or story[max(0, i - 2) : i].endswith(DASH_OPENERS))
        if not opened and not is_chat_line(story, i):
            warnings.append(f"{where}: match at offset {i} is not preceded by an opening quotation mark")
        pos = i + len(text)
        spk = q.get("speaker")
        if spk is not None and spk not in ids:
            errors.append(f"{where}: unknown speaker {spk!r}")
        for a in q.get("addressees", []):
            if a not in ids:
                errors.append(f"{where}: unknown addressee {a!r}")
        if q.get("type") not in TYPES:
            errors.append(f"{where}: bad type {q.get('type')!r}")

    words = len(story.split())
    if len(quotes) < MIN_QUOTES:
        errors.append(f"only {len(quotes)} quotes (need >= {MIN_QUOTES})")
    elif len(quotes) > MAX_QUOTES:
        warnings.append(f"{len(quotes)} quotes (brief asks for <= {MAX_QUOTES})")
    if not MIN_WORDS <= words <= MAX_WORDS:
        warnings.append(f"{words} words (brief asks for {MIN_WORDS}-{MAX_WORDS})")

    types = Counter(q.get("type") for q in quotes)
    row = {
        "story": json_path.stem,
        "words": words,
        "quotes": len(quotes),
        "speakers": len({q.get("speaker") for q in quotes if q.get("speaker")}),
        "explicit": types["explicit"],
        "anaphoric": types["anaphoric"],
        "implicit": types["implicit"],
        "narrator": narrator or "-",
    }
    return row, errors, warnings


def render(rows, markdown):
    cols = ["story", "words", "quotes", "speakers", "explicit", "anaphoric", "implicit", "narrator"]
    total = {c: sum(r[c] for r in rows) for c in cols[1:-1]}
    total.update(story="TOTAL", narrator="", speakers=sum(r["speakers"] for r in rows))
    body = rows + [total]
    if markdown:
        out = ["| " + " | ".join(cols) + " |", "|" + "|".join("---:" if c not in ("story", "narrator") else "---" for c in cols) + "|"]
        for r in body:
            out.append("| " + " | ".join(str(r[c]) for c in cols) + " |")
        return "\n".join(out)
    widths = {c: max(len(c), *(len(str(r[c])) for r in body)) for c in cols}
    line = lambda r: "  ".join(str(r[c]).ljust(widths[c]) if c in ("story", "narrator") else str(r[c]).rjust(widths[c]) for c in cols)
    out = [line({c: c for c in cols}), "-" * len(line({c: c for c in cols}))]
    out += [line(r) for r in rows]
    out += ["-" * len(out[0]), line(total)]
    return "\n".join(out)


def main():
    markdown = "--markdown" in sys.argv[1:]
    rows, n_err = [], 0
    files = sorted(p for p in HERE.glob("*.json") if p.stem[:2].isdigit())
    if not files:
        print("no annotation files found", file=sys.stderr)
        return 1
    for jp in files:
        row, errors, warnings = check_story(jp)
        for e in errors:
            print(f"ERROR   {jp.stem}: {e}", file=sys.stderr)
        for w in warnings:
            print(f"warning {jp.stem}: {w}", file=sys.stderr)
        n_err += len(errors)
        if row:
            rows.append(row)
    print(render(rows, markdown))
    print(f"\n{len(rows)} stories, {n_err} error(s)", file=sys.stderr)
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
