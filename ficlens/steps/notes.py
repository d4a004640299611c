"""What a note around a story is: author's note, disclaimer, warning, summary, ...

Front- and end-matter kinds (docs/schema.md lists them):
    author_note, disclaimer, warning, summary, dedication, thanks, review_request,
    header (labelled lines such as "Rating: T" or "Pairing: Derek/Mark"),
    title (a title or byline line), end_marker ("TBC", "The End"),
    license (Project Gutenberg and similar boilerplate), other.
"""

from __future__ import annotations

import re

_LABEL_RE = re.compile(
    r"^\s*(?P<label>title|story|author|authors|written by|by|fandom|fandoms|category|categories|"
    r"rating|rated|pairing|pairings|relationship|relationships|ship|ships|characters?|"
    r"summary|warnings?|archive warnings?|content warnings?|genre|genres|words|word count|"
    r"spoilers|tags|additional tags|language|series|status|chapters|beta|beta reader|"
    r"disclaimer|timeline|setting|prompt|dedication|notes?)\s*:\s*(?P<value>.*\S)?\s*$",
    re.IGNORECASE,
)

_START_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("disclaimer", re.compile(r"^\W*disclaimer\b", re.I)),
    ("warning", re.compile(r"^\W*(?:content |trigger |archive )?warnings?\b|^\W*(?:cw|tw)\s*:", re.I)),
    ("summary", re.compile(r"^\W*(?:full )?summary\b", re.I)),
    ("dedication", re.compile(r"^\W*(?:dedicated to|dedication)\b", re.I)),
    ("thanks", re.compile(
        r"^\W*(?:(?:big |many |special |huge )?(?:thanks|thank you)(?: so much)? (?:to|goes to|go to)\b|"
        r"(?:thanks|thank you)[^.!?\n]{0,30}\bbeta|beta(?:'?d)? by|beta(?: reader)?:)", re.I)),
    ("review_request", re.compile(r"^\W*(?:please (?:review|r\s*&\s*r|comment)|r\s*&\s*r\b|review(?:s)?[!.]|reviews? (?:are|please|make))", re.I)),
    ("author_note", re.compile(r"^\W*(?:a\s*/\s*n|a\.n\.|an:|author'?s'? ?notes?|authors? notes?|notes?\s*:|n/a:|ps:|p\.s\.)", re.I)),
    ("end_marker", re.compile(r"^\W*(?:tbc|to be continued|the end|fin|end of (?:chapter|part|story)|continued in)\W*$", re.I)),
    ("license", re.compile(r"^\W*(?:\*\*\* ?(?:start|end) of (?:the|this) project gutenberg|project gutenberg|produced by|end of (?:the )?project gutenberg)", re.I)),
]

_CONTENT_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("disclaimer", re.compile(
        r"\b(?:i|we)\s+(?:do\s*n[o']?t|don'?t|dont|do not|will never|never)\s+(?:\w+\s+){0,2}own\b|"
        r"\bi\s+own\s+nothing\b|\bnot\s+mine\b|\bbelongs?\s+to\b|\bare\s+(?:the\s+)?property\s+of\b|"
        r"\bno\s+copyright\s+infringement\b|\ball\s+(?:rights|characters)\b.*\b(?:belong|reserved|property)\b|"
        r"\bowned\s+by\b|\bi\s+make\s+no\s+(?:money|profit)\b|\bnot\s+making\s+(?:any\s+)?(?:money|profit)\b", re.I)),
    ("warning", re.compile(
        r"\bslash\b|\bfemslash\b|\byaoi\b|\byuri\b|\bshounen[- ]ai\b|\bdon'?t\s+like,?\s*(?:then\s+)?don'?t\s+read\b|"
        r"\bdldr\b|\bcontains?\s+(?:\w+\s+){0,3}(?:sex|violence|smut|abuse|death|language)\b|\bnon[- ]?con\b|"
        r"\bdub[- ]?con\b|\bmajor\s+character\s+death\b|\bself[- ]harm\b|\bsuicid\w*\b|\btrigger\b|\bgore\b|"
        r"\blemon\b|\bsmut\b|\bmature\s+(?:content|themes)\b|\bexplicit\s+(?:content|sex)\b|\bm\s*/\s*m\b|\bf\s*/\s*f\b", re.I)),
    ("review_request", re.compile(
        r"\breview\b|\br\s*&\s*r\b|\blet\s+me\s+know\s+what\s+you\s+think\b|\bkudos\b|\bcomments?\s+(?:are|make)\b|"
        r"\bfeedback\b|\bplease\s+comment\b", re.I)),
    ("thanks", re.compile(r"\bbeta(?:'?d|[- ]?read(?:er|ing)?)?\b|\b(?:thanks|thank\s+you)\s+(?:so\s+much\s+)?to\b", re.I)),
    ("dedication", re.compile(r"\bdedicated\s+to\b|\bthis\s+(?:one\s+)?is\s+for\b|\bfor\s+my\s+(?:wonderful|amazing|dear|best)\b", re.I)),
]

_BYLINE_RE = re.compile(r"^\s*(?:by|written by)(?:\s*:\s*|\s+)(?P<author>\S.{0,60})$", re.IGNORECASE)


def label_line(line: str) -> tuple[str, str] | None:
    """``("rating", "T")`` for a labelled line such as ``Rating: T``; None otherwise."""
    m = _LABEL_RE.match(line)
    if not m or m.group("value") is None:
        return None
    return m.group("label").lower(), m.group("value").strip()


def byline(line: str) -> str | None:
    m = _BYLINE_RE.match(line)
    return m.group("author").strip() if m else None


def start_kind(text: str) -> str | None:
    """The kind a note announces in its first words ("A/N:", "Disclaimer:", "Warning:")."""
    if label_line(text.split("\n", 1)[0]):
        label = label_line(text.split("\n", 1)[0])[0]  # type: ignore[index]
        return _LABEL_KIND.get(label, "header")
    for kind, pattern in _START_CUES:
        if pattern.search(text[:80]):
            return kind
    return None


def content_kind(text: str) -> str | None:
    """The kind a note's content suggests (a disclaimer names an owner, a warning says "slash")."""
    for kind, pattern in _CONTENT_CUES:
        if pattern.search(text):
            return kind
    return None


def classify(text: str, at_end: bool = False) -> str | None:
    """The kind of a note, or None when the text does not read as a note at all.

    A note that opens as an author's note but disclaims ownership or warns is
    classed by its content; so is one after the story that asks for reviews.
    """
    start = start_kind(text)
    if start in (None, "author_note"):
        content = content_kind(text)
        if content in ("disclaimer", "warning") or (start is None and content):
            return content
        if at_end and content == "review_request":
            return content
    return start


_LABEL_KIND = {
    "summary": "summary",
    "disclaimer": "disclaimer",
    "warning": "warning",
    "warnings": "warning",
    "archive warning": "warning",
    "archive warnings": "warning",
    "content warning": "warning",
    "content warnings": "warning",
    "dedication": "dedication",
    "note": "author_note",
    "notes": "author_note",
    "beta": "thanks",
    "beta reader": "thanks",
    "by": "title",
    "written by": "title",
}
