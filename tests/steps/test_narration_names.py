"""Names in the narration around a line: a preposition's object is seldom the speaker."""

from ficlens.steps import narration_names
from tests.steps.test_speakers import read_up_to_speakers

ROSTER = [
    {"id": "ann", "name": "Ann", "gender": "F"},
    {"id": "carl", "name": "Carl", "gender": "M"},
    {"id": "limbkins", "name": "Mr. Limbkins", "gender": "M"},
]


def _named(narration):
    text = f'Ann, Carl and Mr. Limbkins sat by the fire.\n\n"Not a farthing more." {narration}'
    doc, r = read_up_to_speakers(text, ROSTER)
    para = doc.paragraphs[doc.quotes[0].paragraph]
    return narration_names.named(r, para.start, para.end)


def test_a_name_after_a_preposition_is_an_object():
    assert _named("Ann looked at Carl.") == {"ann": False, "carl": True}
    assert _named("The hand of Carl shook.") == {"carl": True}


def test_named_once_as_an_object_and_once_not_is_not_an_object():
    assert _named("Ann looked at Carl, and Carl laughed.") == {"ann": False, "carl": False}


def test_one_words_of_speech_come_from_is_no_mere_object():
    assert _named("It was the firm reply of Mr. Limbkins.") == {"limbkins": False}
    assert _named("The words burst from Carl.") == {"carl": False}
    assert _named("Ann was heedless of Carl's repeated question.") == {"ann": False, "carl": False}
    assert _named("Ann was heedless of Carl's hat.") == {"ann": False, "carl": True}
