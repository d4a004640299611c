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
