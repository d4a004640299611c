"""The document model: one text, and stand-off spans that point into it.

Every annotation is a pair of character offsets ``(start, end)`` into
``Document.text``, the input exactly as decoded (a leading byte-order mark removed,
nothing else changed). ``doc.text[span.start:span.end]`` is always the annotated
text. Normalised forms of the text that the analysis needs live in views
(`ficlens.views`) that keep or map back to these offsets; no step rewrites the text.

Analysis steps (``ficlens.steps``) each read a `Document` and add to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ficlens.views import TextView

# The spans (a story makes them by the hundred) write their ``__init__`` out: the compiled build
# (mypyc) compiles a written one, while the one ``dataclass`` generates runs as interpreted
# Python, about six times slower (and mypyc cannot mix the two in one class tree). Their
# parameters are the fields, in order, with the same defaults (tests/test_model_init.py).


@dataclass(slots=True, init=False)
class Span:
    """A half-open character range ``[start, end)`` of the document text."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True, init=False)
class Paragraph(Span):
    """A paragraph; ``in_body`` is false for front and end matter, headings and breaks."""

    index: int = 0
    in_body: bool = True
    chapter: int | None = None

    def __init__(self, start: int, end: int, index: int = 0, in_body: bool = True, chapter: int | None = None) -> None:
        self.start = start
        self.end = end
        self.index = index
        self.in_body = in_body
        self.chapter = chapter


@dataclass(slots=True, init=False)
class Sentence(Span):
    paragraph: int = 0

    def __init__(self, start: int, end: int, paragraph: int = 0) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph


@dataclass(slots=True, init=False)
class Block(Span):
    """A front- or end-matter block: author_note, disclaimer, warning, summary, ..."""

    kind: str = "author_note"

    def __init__(self, start: int, end: int, kind: str = "author_note") -> None:
        self.start = start
        self.end = end
        self.kind = kind


@dataclass(slots=True, init=False)
class Chapter(Span):
    """A chapter from its heading (if any) to the start of the next one."""

    number: int | None = None
    title: str | None = None
    heading: Span | None = None

    def __init__(self, start: int, end: int, number: int | None = None, title: str | None = None,
                 heading: Span | None = None) -> None:
        self.start = start
        self.end = end
        self.number = number
        self.title = title
        self.heading = heading


@dataclass(slots=True, init=False)
class Quote(Span):
    """Spoken words, without their quotation marks.

    ``continues`` names the quote this one carries on: the next paragraph of a speech
    that runs over several paragraphs, or the second half of a quote interrupted by
    narration. ``type`` follows PDNC: explicit (named in the tag), anaphoric (pronoun
    or epithet in the tag) or implicit (no tag).
    """

    id: str = ""
    paragraph: int = 0
    open_mark: Span | None = None
    close_mark: Span | None = None
    speaker: str | None = None
    addressees: list[str] = field(default_factory=list)
    confidence: float = 0.0
    type: str | None = None
    continues: str | None = None
    tag: Span | None = None
    rule: str = ""

    def __init__(
        self,
        start: int,
        end: int,
        id: str = "",
        paragraph: int = 0,
        open_mark: Span | None = None,
        close_mark: Span | None = None,
        speaker: str | None = None,
        addressees: list[str] | None = None,
        confidence: float = 0.0,
        type: str | None = None,
        continues: str | None = None,
        tag: Span | None = None,
        rule: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.id = id
        self.paragraph = paragraph
        self.open_mark = open_mark
        self.close_mark = close_mark
        self.speaker = speaker
        self.addressees = [] if addressees is None else addressees
        self.confidence = confidence
        self.type = type
        self.continues = continues
        self.tag = tag
        self.rule = rule

    @property
    def outer(self) -> tuple[int, int]:
        """The quote with its marks."""
        start = self.open_mark.start if self.open_mark is not None else self.start
        return start, self.close_mark.end if self.close_mark is not None else self.end


@dataclass(slots=True, init=False)
class ChatLine(Span):
    """A chat, script or text-message line (`ficlens.steps.chat`): the span is the speaker's
    name or username before the colon (or after "From:"); ``quote`` the id of the line's quote.

    ``to`` is the name after "To:" in a text-message header; ``chat`` numbers the exchanges
    (lines close together); ``speaker_name`` and ``to_name`` are the names as the story's cast
    list gives them ("Tony Stark" for "ironman"); ``character`` and ``addressee`` are filled once
    characters are known.
    """

    quote: str = ""
    to: Span | None = None
    chat: int = 0
    speaker_name: str = ""
    to_name: str | None = None
    character: str | None = None
    addressee: str | None = None

    def __init__(
        self,
        start: int,
        end: int,
        quote: str = "",
        to: Span | None = None,
        chat: int = 0,
        speaker_name: str = "",
        to_name: str | None = None,
        character: str | None = None,
        addressee: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.quote = quote
        self.to = to
        self.chat = chat
        self.speaker_name = speaker_name
        self.to_name = to_name
        self.character = character
        self.addressee = addressee


@dataclass(slots=True, init=False)
class Mention(Span):
    """A reference to a character: a name, a pronoun or an epithet."""

    character: str | None = None
    kind: str = "name"

    def __init__(self, start: int, end: int, character: str | None = None, kind: str = "name") -> None:
        self.start = start
        self.end = end
        self.character = character
        self.kind = kind


@dataclass(slots=True)
class Character:
    """A person of the story under all the names they go by."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    mentions: int = 0
    quotes: int = 0
    on_page: bool = False
    from_roster: bool = False
    # Descriptions a roster says stand for this character, without "the": "angel", "older Winchester".
    epithets: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.name, *[a for a in self.aliases if a != self.name]]


@dataclass(slots=True)
class Relationship:
    """A pair the story is about together; kind is "romantic" (/) or "platonic" (&)."""

    characters: tuple[str, str]
    kind: str
    tag: str
    score: float
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class WorkMeta:
    """The work's front matter as AO3 would show it; only what the input states or implies."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    rating: str | None = None
    warnings: list[str] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    additional_tags: list[str] = field(default_factory=list)
    summary: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Source:
    """Where the text came from. ``sha256`` is of the input bytes (or of the text's UTF-8)."""

    path: str | None
    sha256: str
    length: int
    encoding: str = "utf-8"
    format: str = "text"


@dataclass
class Document:
    """One story: its text and every annotation made on it so far."""

    text: str
    source: Source
    meta: WorkMeta = field(default_factory=WorkMeta)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    front_matter: list[Block] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    end_matter: list[Block] = field(default_factory=list)
    scene_breaks: list[Span] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    characters: list[Character] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    roster: list[Character] | None = None
    # The roster is a bundled fandom's: it names the canon's people, not the story's whole cast.
    roster_from_fandom: bool = False
    chat: list[ChatLine] = field(default_factory=list)
    fandom_hint: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    _views: dict[str, TextView] = field(default_factory=dict, repr=False)

    def view(self, name: str) -> TextView:
        """A normalised view of the text (see `ficlens.views`), built once and cached."""
        if name not in self._views:
            from ficlens.views import build_view

            self._views[name] = build_view(name, self.text)
        return self._views[name]

    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.in_body]

    def character(self, char_id: str | None) -> Character | None:
        if char_id is None:
            return None
        for c in self.characters:
            if c.id == char_id:
                return c
        return None
