"""Generate synthetic fan-fiction works for the corpus benchmarks (deterministic for a seed).

Usage:
    python benchmarks/make_corpus.py --works 10000 --words 1000 --format txt --out /tmp/fics
    python benchmarks/make_corpus.py --works 10000 --format jsonl --out /tmp/fics.jsonl

Each work has a header (title, author, rating, an author's note), one or two
chapters, narration and dialogue between two to four characters of one of a few
fandoms, with speech tags ("said Derek"), pronouns and implicit turns. ``jsonl``
and ``csv`` write the shape of an AO3 scrape: work_id, title, author, rating,
category, fandom, relationship, character, additional tags, words, body.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

FANDOMS = {
    "Grey's Anatomy": [("Derek Shepherd", "M"), ("Mark Sloan", "M"), ("Meredith Grey", "F"), ("Cristina Yang", "F"), ("Addison Montgomery", "F"), ("Alex Karev", "M")],
    "Sherlock (TV)": [("Sherlock Holmes", "M"), ("John Watson", "M"), ("Molly Hooper", "F"), ("Greg Lestrade", "M"), ("Mary Morstan", "F")],
    "Harry Potter - J. K. Rowling": [("Harry Potter", "M"), ("Draco Malfoy", "M"), ("Hermione Granger", "F"), ("Ron Weasley", "M"), ("Ginny Weasley", "F"), ("Luna Lovegood", "F")],
    "Star Trek": [("James Kirk", "M"), ("Spock", "M"), ("Nyota Uhura", "F"), ("Leonard McCoy", "M")],
    "Good Omens": [("Aziraphale", "M"), ("Crowley", "M"), ("Anathema Device", "F"), ("Newton Pulsifer", "M")],
}  # fmt: skip
PLACES = ["the hospital", "the flat", "the library", "the kitchen", "the bridge", "the garden", "the car park", "the station", "the cafe", "the roof"]
NOUNS = ["coffee", "rain", "letter", "promise", "storm", "window", "case", "map", "violin", "scalpel", "book", "key", "photograph", "candle", "train"]
VERBS = ["walked", "waited", "looked", "turned", "stood", "sighed", "smiled", "frowned", "paused", "leaned"]
ADJ = ["quiet", "cold", "bright", "tired", "careful", "strange", "warm", "late", "empty", "familiar"]
LINES = [
    "I told you this would happen", "You should have called me", "We need to talk about the {n}",
    "Where were you last night", "I can't do this without you", "Give me the {n}", "It's not what it looks like",
    "Do you trust me", "Stay here, I'll be back", "You're impossible", "Tell me about the {n}",
    "I kept the {n}", "Nobody else would understand", "That's the worst idea you've ever had", "Fine, but I'm driving",
]  # fmt: skip
TAGS = ["Fluff", "Angst", "Hurt/Comfort", "Slow Burn", "Friends to Lovers", "Established Relationship", "Case Fic", "Pining", "Happy Ending", "Banter"]


def _pron(g: str) -> str:
    return "he" if g == "M" else "she"


def _narration(rng: random.Random, c: tuple[str, str]) -> str:
    first = c[0].split()[0]
    return rng.choice([
        f"{first} {rng.choice(VERBS)} by the window of {rng.choice(PLACES)}, the {rng.choice(NOUNS)} still in {'his' if c[1] == 'M' else 'her'} hand.",
        f"It was a {rng.choice(ADJ)} evening, and {first} had not slept.",
        f"{_pron(c[1]).capitalize()} {rng.choice(VERBS)} and thought about the {rng.choice(NOUNS)}.",
        f"The {rng.choice(NOUNS)} lay on the table between them, {rng.choice(ADJ)} and {rng.choice(ADJ)}.",
        f"Outside, the {rng.choice(NOUNS)} went on as if nothing had changed at {rng.choice(PLACES)}.",
    ])  # fmt: skip


def _dialogue(rng: random.Random, speaker: tuple[str, str], other: tuple[str, str]) -> str:
    line = rng.choice(LINES).format(n=rng.choice(NOUNS))
    name = speaker[0].split()[0]
    form = rng.random()
    if form < 0.35:
        return f"\u201c{line},\u201d said {name}."
    if form < 0.55:
        return f"\u201c{line}?\u201d {name} asked, looking at {other[0].split()[0]}."
    if form < 0.7:
        return f"{name} {rng.choice(VERBS)}. \u201c{line}.\u201d"
    if form < 0.85:
        return f"\u201c{line},\u201d {_pron(speaker[1])} said quietly."
    return f"\u201c{line}.\u201d"


def make_work(i: int, words: int, seed: int = 0) -> dict:
    """One synthetic work as an AO3-scrape row (its ``body`` holds the text with a header)."""
    rng = random.Random(seed * 1_000_003 + i)
    fandom = rng.choice(list(FANDOMS))
    cast = rng.sample(FANDOMS[fandom], k=min(len(FANDOMS[fandom]), rng.randint(2, 4)))
    a, b = cast[0], cast[1]
    rel = f"{a[0]}/{b[0]}" if rng.random() < 0.7 else f"{a[0]} & {b[0]}"
    cat = "Gen" if "&" in rel else ("M/M" if a[1] == b[1] == "M" else "F/F" if a[1] == b[1] == "F" else "F/M")
    title = f"The {rng.choice(ADJ).capitalize()} {rng.choice(NOUNS).capitalize()}"
    author = f"writer{rng.randint(1, 2000)}"
    paras: list[str] = []
    count = 0
    chapters = 2 if rng.random() < 0.3 else 1
    per_chapter = words // chapters
    for ch in range(1, chapters + 1):
        paras.append(f"Chapter {ch}: {rng.choice(ADJ).capitalize()} {rng.choice(NOUNS).capitalize()}")
        target = per_chapter * ch
        turn = 0
        while count < target:
            if rng.random() < 0.45:
                p = _narration(rng, rng.choice(cast))
            else:
                speaker, other = (a, b) if turn % 2 == 0 else (b, a)
                if len(cast) > 2 and rng.random() < 0.15:
                    speaker = rng.choice(cast[2:])
                p = _dialogue(rng, speaker, other)
                turn += 1
            paras.append(p)
            count += len(p.split())
    header = f"Title: {title}\nAuthor: {author}\nRating: Teen And Up Audiences\n\nA/N: Thanks for reading! Written for a prompt about the {rng.choice(NOUNS)}."
    body = header + "\n\n" + "\n\n".join(paras) + "\n"
    return {
        "work_id": str(100000 + i), "title": title, "author": author, "rating": "Teen And Up Audiences",
        "category": cat, "fandom": fandom, "relationship": rel, "character": ", ".join(c[0] for c in cast),
        "additional tags": ", ".join(rng.sample(TAGS, 3)), "words": count, "body": body,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--works", type=int, default=10000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["txt", "jsonl", "csv"], default="txt")
    parser.add_argument("--out", type=Path, required=True, help="a folder (txt) or a file (jsonl, csv)")
    args = parser.parse_args(argv)
    works = (make_work(i, args.words, args.seed) for i in range(args.works))
    if args.format == "txt":
        args.out.mkdir(parents=True, exist_ok=True)
        for w in works:
            (args.out / f"{w['work_id']}.txt").write_text(w["body"], encoding="utf-8")
    elif args.format == "jsonl":
        with args.out.open("w", encoding="utf-8") as fh:
            for w in works:
                fh.write(json.dumps(w, ensure_ascii=False) + "\n")
    else:
        with args.out.open("w", encoding="utf-8", newline="") as fh:
            writer = None
            for w in works:
                if writer is None:
                    writer = csv.DictWriter(fh, fieldnames=list(w))
                    writer.writeheader()
                writer.writerow(w)
    print(f"wrote {args.works} works to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
