"""Tiny corpora written by the tests: story files, a folder tree, a zip, JSONL and CSV with AO3-style columns."""

from __future__ import annotations

import codecs
import csv
import json
import zipfile
from pathlib import Path

import pytest

STORIES = {
    "storm.txt": '"We need to talk about the storm," said Sherlock.\n\n"Not now," John answered.\n\nSherlock sighed. "Then when?"\n',
    "sub/kitchen.txt": '"Pass the salt," said Meredith.\n\n"Get it yourself," Cristina said.\n\nMeredith laughed.\n',
    "sub/deeper/letter.txt": '"I kept the letter," said Derek.\n\n"You kept it for ten years?" Mark asked.\n',
}

ROWS = [
    {"work_id": "101", "title": "Storm Warning", "author": "writer1", "rating": "Teen And Up Audiences",
     "category": "M/M", "fandom": "Sherlock (TV)", "relationship": "Sherlock Holmes/John Watson",
     "character": "Sherlock Holmes, John Watson", "additional tags": "Fluff, Case Fic", "words": "20",
     "body": '"The violin again," said John.\n\n"It helps me think," Sherlock said.\n'},
    {"work_id": "102", "title": "Kitchen Sink", "author": "writer2", "rating": "General Audiences",
     "category": "F/F", "fandom": "Grey's Anatomy", "relationship": "Meredith Grey/Cristina Yang",
     "character": "Meredith Grey, Cristina Yang", "additional tags": "Friendship", "words": "15",
     "body": '"You are my person," said Cristina.\n\n"I know," Meredith said.\n'},
]  # fmt: skip


def write_tree(root: Path, stories: dict[str, str] = STORIES) -> Path:
    for rel, text in stories.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path) -> Path:
    """A folder of three stories, two of them in sub-folders."""
    return write_tree(tmp_path / "stories")


@pytest.fixture
def jsonl(tmp_path) -> Path:
    p = tmp_path / "scrape.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    return p


@pytest.fixture
def csv_corpus(tmp_path) -> Path:
    p = tmp_path / "scrape.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(ROWS[0]))
        w.writeheader()
        w.writerows(ROWS)
    return p


@pytest.fixture
def archive(tmp_path) -> Path:
    p = tmp_path / "fics.zip"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("fics/one.txt", STORIES["storm.txt"])
        zf.writestr("fics/two.txt", STORIES["sub/kitchen.txt"])
        zf.writestr("__MACOSX/fics/._one.txt", b"\x00\x05\x16\x07")
        zf.writestr("fics/empty-dir/", b"")
    return p


@pytest.fixture
def bad_files(tmp_path) -> Path:
    """A folder with one good story, a binary file and an undecodable one."""
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "good.txt").write_text(STORIES["storm.txt"], encoding="utf-8")
    (root / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "broken.txt").write_bytes(codecs.BOM_UTF16_LE + "Hi, said Ann".encode("utf-16-le") + b"\x00\xd8x")
    return root
