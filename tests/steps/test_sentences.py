from ficlens.steps.sentences import split_sentences


def _split(text, quotes=()):
    return [text[s:e] for s, e in split_sentences(text, 0, len(text), list(quotes))]


def test_sentences_basic():
    assert _split("Anna ran. Ben walked! Did they stop? No.") == ["Anna ran.", "Ben walked!", "Did they stop?", "No."]


def test_sentences_titles_and_initials_do_not_end_sentences():
    assert _split("Mr. Darcy met Dr. Watson. J. K. Rowling wrote it.") == ["Mr. Darcy met Dr. Watson.", "J. K. Rowling wrote it."]


def test_sentences_never_cut_inside_a_quote():
    text = '"Stop. Go home," he said. She left.'
    assert _split(text, [(0, 18)]) == ['"Stop. Go home," he said.', "She left."]


def test_sentences_after_closing_quote():
    assert _split('"Hi." Mark smiled.', [(0, 5)]) == ['"Hi."', "Mark smiled."]
