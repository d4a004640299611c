"""People known only by a description: "said the landlady"."""

import ficlens


def _names(text):
    return [c["name"] for c in ficlens.analyze(text).to_dict()["characters"]]


STORY = (
    "Anna Lee came to the inn at dusk. Anna was tired.\n\n"
    '"A room for the night?" said the landlady.\n\n"Yes, please," said Anna.\n\n'
    '"Two shillings," the landlady said.\n\n"Here."\n\n'
)


def test_a_description_that_tags_two_lines_is_a_character():
    assert any("landlady" in n.lower() for n in _names(STORY))


def test_a_description_that_tags_one_line_is_not():
    once = STORY.replace('"Two shillings," the landlady said.', '"Two shillings," she said.')
    assert not any("landlady" in n.lower() for n in _names(once))


def test_words_for_anyone_never_become_a_character():
    generic = STORY.replace("the landlady", "the woman")
    assert not any("woman" in n.lower() for n in _names(generic))
