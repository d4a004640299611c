import ficlens


def _analyze(text):
    return ficlens.analyze(text).to_dict()


def test_structure_fanfiction_chapter(chapter_text):
    d = _analyze(chapter_text)
    kinds = [b["kind"] for b in d["structure"]["front_matter"]]
    assert kinds == ["author_note", "warning", "disclaimer"]
    assert [b["kind"] for b in d["structure"]["end_matter"]] == ["review_request"]
    (chapter,) = d["structure"]["chapters"]
    assert chapter["number"] == 1 and chapter["title"] == "The Road"
    assert chapter_text[chapter["start"] :].startswith("Chapter 1: The Road")
    assert chapter_text[: chapter["end"]].endswith("went inside.")


def test_structure_notes_feed_no_dialogue():
    text = 'A/N: "Thanks," I said to my beta.\n\nChapter 1\n\n"Hello," said Anna.'
    d = _analyze(text)
    assert [q["text"] for q in d["quotes"]] == ["Hello,"]


def test_structure_several_chapters_and_notes_between():
    text = (
        "Chapter 1: Start\n\nAnna ran.\n\nA/N: Review please!\n\n"
        "Chapter 2: Middle\n\nA/N: Thanks for the reviews!\n\nBen walked.\n\n***\n\nAnna stopped.\n\nThe End"
    )
    d = _analyze(text)
    chapters = d["structure"]["chapters"]
    assert [(c["number"], c["title"]) for c in chapters] == [(1, "Start"), (2, "Middle")]
    assert [b["kind"] for b in d["structure"]["front_matter"]] == ["author_note"]
    assert [b["kind"] for b in d["structure"]["end_matter"]] == ["review_request", "end_marker"]
    assert len(d["structure"]["scene_breaks"]) == 1


def test_structure_no_heading_single_chapter():
    d = _analyze("Disclaimer: not mine.\n\nAnna ran home.\n\nBen followed.")
    assert [b["kind"] for b in d["structure"]["front_matter"]] == ["disclaimer"]
    (chapter,) = d["structure"]["chapters"]
    assert chapter["number"] is None and chapter["title"] is None


def test_structure_table_of_contents_is_not_chapters():
    text = "CONTENTS\n\nChapter 1\n\nChapter 2\n\nChapter 1\n\nIt began.\n\nChapter 2\n\nIt ended."
    d = _analyze(text)
    assert [c["number"] for c in d["structure"]["chapters"]] == [1, 2]


def test_structure_labelled_header_fills_work():
    text = "Title: Night Shift\n\nAuthor: someone\n\nRating: T\n\nPairing: Derek/Mark\n\nChapter 1\n\nDerek sighed."
    w = _analyze(text)["work"]
    assert w["title"] == "Night Shift"
    assert w["authors"] == ["someone"]
    assert w["rating"] == "T"
    assert w["relationships"] == ["Derek/Mark"]


def test_structure_gutenberg_boilerplate_is_license():
    text = "The Project Gutenberg eBook\n\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nChapter 1\n\nIt began.\n\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\n\nLicense text."
    d = _analyze(text)
    assert {b["kind"] for b in d["structure"]["front_matter"]} == {"license"}
    assert {b["kind"] for b in d["structure"]["end_matter"]} == {"license"}


# --- plain-text forms (issue 5) -----------------------------------------------------------------

_FORMS = """Disclaimer: All characters belong to J.K. Rowling.

Dedicated to my best friend, who reads everything.

Big thanks to my beta, Sam, for fixing my commas.

This is slash. Don't like, don't read.

Prologue

It was raining.

CHAPTER I

The Beginning

Harry woke early.

~~~

Ron was still asleep.

Ch. 2 - The Middle

"Up," said Hermione.

----------

Harry got up.

xXx

Breakfast was cold.

-o-o-o-

Ron yawned.

***

Epilogue

Years later, they laughed about it.

A/N: Thank you for reading! Please review, it makes my day.
"""


def test_structure_issue5_plain_text_forms():
    d = _analyze(_FORMS)
    s = d["structure"]
    assert [b["kind"] for b in s["front_matter"]] == ["disclaimer", "dedication", "thanks", "warning"]
    assert [b["kind"] for b in s["end_matter"]] == ["review_request"]
    assert [(c["number"], c["title"]) for c in s["chapters"]] == [(None, "Prologue"), (1, "The Beginning"), (2, "The Middle"), (None, "Epilogue")]
    assert [_FORMS[b["start"] : b["end"]] for b in s["scene_breaks"]] == ["~~~", "----------", "xXx", "-o-o-o-", "***"]
    assert [q["text"] for q in d["quotes"]] == ["Up,"]


def test_structure_part_with_chapters():
    text = "Part Two\n\nChapter 3: Snow\n\nIt snowed.\n\nChapter 4\n\nIt melted."
    chapters = _analyze(text)["structure"]["chapters"]
    assert [(c["number"], c["title"]) for c in chapters] == [(3, "Snow"), (4, None)]


def test_structure_ffnet_paste_header_fills_work():
    text = (
        "Night Shift\n\nBy: quietpages\n\nDerek works nights.\n\n"
        "Rated: Fiction T - English - Romance/Drama - [Derek S., Mark S.] Meredith G. - Chapters: 3 - Words: 4,210\n\n"
        "Chapter 1\n\nDerek sighed."
    )
    d = _analyze(text)
    assert [b["kind"] for b in d["structure"]["front_matter"]] == ["title", "title", "summary", "header"]
    w = d["work"]
    assert (w["title"], w["authors"], w["summary"], w["rating"], w["language"]) == ("Night Shift", ["quietpages"], "Derek works nights.", "T", "English")
    assert w["relationships"] == ["Derek S./Mark S."] and w["characters"] == ["Derek S.", "Mark S.", "Meredith G."]
    assert w["extra"]["words"] == 4210 and w["extra"]["genres"] == ["Romance", "Drama"]


def test_structure_note_labels_do_not_land_in_extra():
    w = _analyze("Disclaimer: not mine.\n\nRating: T\n\nRating: M\n\nChapter 1\n\nAnna ran.")["work"]
    assert w["rating"] == "T" and w["extra"] == {}


# --- structure stated by the input format ---------------------------------------------------------


def _stated_document():
    from ficlens.ingest.builder import WorkBuilder

    b = WorkBuilder()
    b.front("title", ["Night Shift"])
    b.front("metadata", ["Rating: T\nFandom: Grey's Anatomy"])
    b.chapter("Chapter 1: The Road", 1, "The Road")
    b.front("summary", ["Chapter Summary", "Derek is late."])
    b.story(["A/N: I wrote this on a train.", '"Late," said Mark.', "***", "Derek shrugged.", "Let me know what you think!"])
    b.end("author_note", ["Chapter End Notes", "Bye."])
    b.chapter("Chapter 2", 2, None)
    b.story(['"Coffee?" asked Mark.', "Part Two", "Derek nodded."])
    return b.finish("ao3-html", None)


def test_structure_keeps_stated_blocks_and_chapters():
    doc = _stated_document()
    a = ficlens.analyze_document(doc)
    text = a.text
    front = [(b.kind, text[b.start : b.end]) for b in a.document.front_matter]
    assert front == [
        ("title", "Night Shift"),
        ("metadata", "Rating: T\nFandom: Grey's Anatomy"),
        ("summary", "Chapter Summary\n\nDerek is late."),
        ("author_note", "A/N: I wrote this on a train."),
    ]
    end = [(b.kind, text[b.start : b.end]) for b in a.document.end_matter]
    # AO3 keeps notes apart from the text, so an unannounced note-like line at a chapter's end stays story.
    assert end == [("author_note", "Chapter End Notes\n\nBye.")]
    chapters = a.document.chapters
    assert [(c.number, c.title) for c in chapters] == [(1, "The Road"), (2, None)]
    assert text[chapters[0].start : chapters[0].end].endswith("Let me know what you think!")
    assert text[chapters[1].start : chapters[1].end] == 'Chapter 2\n\n"Coffee?" asked Mark.\n\nPart Two\n\nDerek nodded.'
    assert [text[s.start : s.end] for s in a.document.scene_breaks] == ["***"]
    body = [text[p.start : p.end] for p in a.document.body_paragraphs()]
    assert body == ['"Late," said Mark.', "Derek shrugged.", "Let me know what you think!", '"Coffee?" asked Mark.', "Part Two", "Derek nodded."]
    assert {p.chapter for p in a.document.body_paragraphs()} == {0, 1}
    # The format's metadata block is not read again as labelled lines.
    assert a.document.meta.rating is None


def test_structure_stated_end_notes_elsewhere_are_less_strict():
    doc = _stated_document()
    doc.source.format = "fanficfare-html"
    a = ficlens.analyze_document(doc)
    assert [(b.kind, a.text[b.start : b.end]) for b in a.document.end_matter][:1] == [("review_request", "Let me know what you think!")]
