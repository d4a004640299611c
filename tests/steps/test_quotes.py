import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ficlens
from ficlens.steps.quotes import _single_openers


def quotes(text):
    return [q["text"] for q in ficlens.analyze(text).to_dict()["quotes"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Hello," said Mark. "How are you?"', ["Hello,", "How are you?"]),
        ("\u201cHello,\u201d said Mark.", ["Hello,"]),
        ("\u00abBonjour\u00bb, dit-il. \u00abCa va?\u00bb", ["Bonjour", "Ca va?"]),
        ("'Hello,' said Mark. 'How are you?'\n\n'Fine,' said Anna.", ["Hello,", "How are you?", "Fine,"]),
        ("\u2018Don\u2019t go,\u2019 she said.\n\n\u2018I won\u2019t,\u2019 he said.", ["Don\u2019t go,", "I won\u2019t,"]),
    ],
)
def test_quotes_styles(text, expected):
    assert quotes(text) == expected


def test_quotes_apostrophes_are_not_marks_in_single_style():
    text = "'We went to the Potters' house,' said Anna. 'Give 'em my best.'\n\n'I will,' said Ben. 'Nothin' else?'"
    assert quotes(text) == ["We went to the Potters' house,", "Give 'em my best.", "I will,", "Nothin' else?"]


def test_quotes_single_style_elision_words_that_open_a_quotation():
    # "is" and "and" can be elided words ('is for his, 'and for hand), but not with a capital, and not
    # where the speech resumes after its tag; a mark between a dash and a space closes.
    text = (
        "'That,' said Gaius, 'is what you said about the goat.'\n\n"
        "'Hot water,' Merlin said. 'And soap. And possibly Sir Leon's sock.'\n\n"
        "'The wool's still red, it's just\u2014' She wrinkled her nose. 'Blushing.'\n\n"
        "Gwen leaned close and murmured, 'Is it bad that I think the pink suits him?'\n\n"
        "'Go,' he said, and gave 'em a look.\n\n''Tis true,' she said. 'I 'ave it.'"
    )
    assert quotes(text) == [
        "That,", "is what you said about the goat.",
        "Hot water,", "And soap. And possibly Sir Leon's sock.",
        "The wool's still red, it's just\u2014", "Blushing.",
        "Is it bad that I think the pink suits him?",
        "Go,", "'Tis true,", "I 'ave it.",
    ]  # fmt: skip


def test_quotes_nested_quotation_stays_inside():
    text = "\"She said 'no' to me,\" Mark said."
    assert quotes(text) == ["She said 'no' to me,"]


def test_quotes_multi_paragraph_speech_is_linked():
    text = '"This is the first part of a long speech.\n\n"And this is the end of it," said Mark.\n\nAnna nodded.'
    d = ficlens.analyze(text).to_dict()
    qs = d["quotes"]
    assert [q["text"] for q in qs] == ["This is the first part of a long speech.", "And this is the end of it,"]
    assert qs[1]["continues"] == qs[0]["id"]
    assert qs[0]["speaker"] == qs[1]["speaker"] is not None


def test_quotes_missing_close_recovers_at_paragraph_end():
    text = '"Hello there, said Mark.\n\nAnna walked away without a word.\n\n"Wait," said Mark.'
    assert quotes(text) == ["Hello there, said Mark.", "Wait,"]


def test_quotes_stray_close_does_not_swallow_story():
    text = 'Hello," he said.\n\nThe rest of the story is narration.\n\nMore narration here.'
    assert quotes(text) == ["Hello,"]


def test_quotes_interrupted_quote_is_two_linked_quotes():
    d = ficlens.analyze('"Well," he said, "maybe."').to_dict()
    a, b = d["quotes"]
    assert (a["text"], b["text"]) == ("Well,", "maybe.")
    assert b["continues"] == a["id"]


@pytest.mark.parametrize(
    "text",
    [
        'He hated the word "love" more than anything.',
        'They danced to a song called "Yellow" all night.',
        'It was "fine", apparently.',
        'He took up the tale, which might have been entitled "Some Cowpunching I Have Seen."',
        'She began her memoirs under the title "New York Society as I Have Seen It."',
    ],
)
def test_quotes_scare_quotes_and_titles_are_not_speech(text):
    assert quotes(text) == []


def test_quotes_said_with_short_quote_is_speech():
    assert quotes('He said "hi" to her.') == ["hi"]


def test_quotes_asterisk_thoughts_are_not_quotes():
    assert quotes("*I should leave,* she thought. _Now._") == []


def test_quotes_dash_dialogue():
    text = "\u2014 Come up, Kinch! Come up, you fearful jesuit!\n\n\u2014 Back to barracks!"
    assert quotes(text) == ["Come up, Kinch! Come up, you fearful jesuit!", "Back to barracks!"]


def test_quotes_dash_dialogue_typed_with_two_hyphens_leaves_the_tags_out():
    text = "Tobias and Mara sat by the fire.\n\n-- Where were you? -- asked Mara.\n\n-- Out, -- said Tobias. -- Ask Elena."
    assert quotes(text) == ["Where were you?", "Out,", "Ask Elena."]
    d = ficlens.analyze(text).to_dict()
    assert [(q["speaker"], q["type"]) for q in d["quotes"]] == [("mara", "explicit"), ("tobias", "explicit"), ("tobias", "explicit")]


def test_quotes_dash_dialogue_tag_set_off_by_commas_is_left_out():
    # Joyce's dash dialogue: the tag is set off by commas alone, and the speech resumes after it.
    text = (
        "Stephen Dedalus watched Buck Mulligan shave.\n\n"
        "\u2014Thanks, old chap, he cried briskly. That will do nicely.\n\n"
        "\u2014Someone killed her, Stephen said gloomily.\n\n"
        "\u2014That fellow, said Buck Mulligan, says you are mad.\n\n"
        "\u2014Well, John said it was fine."
    )
    assert quotes(text) == [
        "Thanks, old chap,", "That will do nicely.", "Someone killed her,",
        "That fellow,", "says you are mad.", "Well, John said it was fine.",
    ]
    d = ficlens.analyze(text).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    assert [names.get(q["speaker"]) for q in d["quotes"]][2:5] == ["Stephen Dedalus", "Buck Mulligan", "Buck Mulligan"]


def test_quotes_dash_dialogue_resumes_at_the_dash_after_its_tag():
    # The tag and some narration, then a dash brings the speech back; a tag after a question.
    text = (
        "Ilse, Hanne and the ferryman sat in the boat.\n\n"
        "\u2014 Silver, he said, as if he were tasting the word. \u2014 And who is chasing you?\n\n"
        "\u2014 Nobody move, said the ferryman. \u2014 She is awake.\n\n"
        "\u2014 Who is awake? whispered Hanne."
    )
    assert quotes(text) == ["Silver,", "And who is chasing you?", "Nobody move,", "She is awake.", "Who is awake?"]


@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"'\u201c\u201d\u2018\u2019")), max_size=120))
def test_quotes_never_overlap_and_stay_in_paragraphs(text):
    a = ficlens.analyze(text)
    paras = a.document.paragraphs
    last = -1
    for q in a.quotes:
        assert q.start >= last
        last = q.end
        p = paras[q.paragraph]
        assert p.start <= q.start <= q.end <= p.end


_SINGLE_PIECES = ["'", "\u2018", "a", "Z", "1", "_", " ", "\n", "(", "[", "\u2014", "-", '"', "\u00e9", "\u00a0", "x'y"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_SINGLE_PIECES), max_size=40))
def test_single_openers_count_what_the_anchored_pattern_finds(pieces):
    seg = "".join(pieces)
    anchored = re.compile(r"(?:^|[\s(\[\u2014])['\u2018](?=[^\W\d_])")
    assert _single_openers(seg) == len(anchored.findall(seg))
