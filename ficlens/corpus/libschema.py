"""The SQLite schema of a ficlens library, and the normal forms its lookups compare.

docs/batch.md documents every table. ``works`` holds one row per work (its id
unique), the analysis as zlib-compressed JSON and the facet fields as JSON
lists; ``works_fts`` (FTS5, rowid = works.id) indexes title, tags and story
text and stores the text; ``tags``, ``characters``, ``character_names``,
``relationships`` and ``quotes`` hold the rows the filters and ``--speaker``
search, each with ``work`` = works.id; ``quotes_fts`` indexes the quotes' text
(external content: the ``quotes`` table).
"""

from __future__ import annotations

import re

LIBRARY_SCHEMA = "ficlens.library/1"

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS library_meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS works(
    id INTEGER PRIMARY KEY,
    work_id TEXT NOT NULL UNIQUE,
    work_key TEXT NOT NULL,
    title TEXT, authors TEXT, fandoms TEXT, rating TEXT, warnings TEXT, category TEXT,
    relationships TEXT, characters TEXT, additional_tags TEXT, summary TEXT, language TEXT,
    chars INTEGER, words INTEGER, chapters INTEGER, quotes INTEGER,
    analysis BLOB NOT NULL,
    indexed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS works_key ON works(work_key);
CREATE VIRTUAL TABLE IF NOT EXISTS works_fts USING fts5(title, tags, text, tokenize='unicode61 remove_diacritics 2');
INSERT INTO works_fts(works_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
CREATE TABLE IF NOT EXISTS tags(
    work INTEGER NOT NULL, type TEXT NOT NULL, tag TEXT NOT NULL, norm TEXT NOT NULL,
    kind TEXT, a TEXT, b TEXT
);
CREATE INDEX IF NOT EXISTS tags_lookup ON tags(type, norm, work);
CREATE INDEX IF NOT EXISTS tags_work ON tags(work);
CREATE TABLE IF NOT EXISTS characters(
    work INTEGER NOT NULL, character_id TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT, gender TEXT,
    mentions INTEGER, quotes INTEGER, on_page INTEGER
);
CREATE INDEX IF NOT EXISTS characters_work ON characters(work);
CREATE TABLE IF NOT EXISTS character_names(work INTEGER NOT NULL, character_id TEXT NOT NULL, norm TEXT NOT NULL);  -- names, aliases and their words
CREATE INDEX IF NOT EXISTS character_names_norm ON character_names(norm, work);
CREATE INDEX IF NOT EXISTS character_names_work ON character_names(work, character_id);
CREATE TABLE IF NOT EXISTS relationships(
    work INTEGER NOT NULL, character_a TEXT, character_b TEXT, name_a TEXT, name_b TEXT,
    kind TEXT, tag TEXT, score REAL
);
CREATE INDEX IF NOT EXISTS relationships_work ON relationships(work);
CREATE TABLE IF NOT EXISTS quotes(
    id INTEGER PRIMARY KEY, work INTEGER NOT NULL, quote_id TEXT, start INTEGER, "end" INTEGER, text TEXT,
    speaker TEXT, speaker_name TEXT, addressees TEXT, confidence REAL, type TEXT
);
CREATE INDEX IF NOT EXISTS quotes_work ON quotes(work, speaker);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
"""

DELETE_SQL = [
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) SELECT 'delete', id, text FROM quotes WHERE work = :w",
    "DELETE FROM quotes WHERE work = :w",
    "DELETE FROM tags WHERE work = :w",
    "DELETE FROM characters WHERE work = :w",
    "DELETE FROM character_names WHERE work = :w",
    "DELETE FROM relationships WHERE work = :w",
    "DELETE FROM works_fts WHERE rowid = :w",
    "DELETE FROM works WHERE id = :w",
]

_REL_SPLIT = re.compile(r"\s*([/&])\s*")


def norm(text: str) -> str:
    """The form tags and names are compared in: lower case, straight apostrophes, one space."""
    return " ".join(str(text).replace("\u2019", "'").replace("\u2018", "'").split()).lower()


def name_forms(names: list[str]) -> set[str]:
    """What a character can be looked up by: each name and alias, and each word of them ("sherlock holmes", "holmes")."""
    forms = set()
    for name in names:
        n = norm(name)
        if n:
            forms.add(n)
            forms.update(w for w in n.split() if len(w) > 1)
    return forms


def split_relationship(tag: str) -> tuple[str | None, list[str]]:
    """``"Derek Shepherd/Mark Sloan"`` -> ``("/", ["derek shepherd", "mark sloan"])``; kind None for one name."""
    parts = _REL_SPLIT.split(tag)
    names = [norm(p) for p in parts[0::2] if p.strip()]
    kinds = set(parts[1::2])
    kind = None if not kinds else ("/" if "/" in kinds else "&")
    return kind, names
