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


def test_a_description_that_tags_one_line_and_is_seldom_used_is_not():
    once = STORY.replace('"Two shillings," the landlady said.', '"Two shillings," she said.')
    assert not any("landlady" in n.lower() for n in _names(once))


def test_words_for_anyone_never_become_a_character():
    generic = STORY.replace("the landlady", "the woman")
    assert not any("woman" in n.lower() for n in _names(generic))


def test_a_word_after_the_description_is_not_part_of_it():
    # "said the landlady to Anna" and "said the landlady." name the same person.
    to = STORY.replace('"Two shillings," the landlady said.', '"Two shillings," said the landlady to Anna.')
    names = _names(to)
    assert "the landlady" in names
    assert not any("landlady to" in n for n in names)


def test_an_adverb_after_the_description_is_not_part_of_it():
    firmly = STORY.replace('the landlady said.', "said the landlady firmly.")
    assert "the landlady" in _names(firmly)


def test_a_qualified_word_for_anyone_is_one_person():
    man = STORY.replace("the landlady", "the man in the grey coat")
    assert "the man in the grey coat" in _names(man)
    beard = STORY.replace("the landlady", "the man with the beard")
    assert "the man with the beard" in _names(beard)


def test_a_word_for_anyone_marked_by_a_compound_adjective_is_one_person():
    marked = STORY.replace("the landlady", "the hump-backed man")
    assert any("hump-backed man" in n.lower() for n in _names(marked))
    plain = STORY.replace("the landlady", "the old man")
    assert not any("old man" in n.lower() for n in _names(plain))


def test_a_longer_noun_phrase_before_the_verb_is_not_cut_short():
    # "the second old woman said": not a description called "second old".
    old = STORY.replace("the landlady", "the second old woman")
    assert not any("second" in n for n in _names(old))


def test_a_tag_leading_into_its_quote_counts():
    story = (
        "Anna Lee came to the inn at dusk. Anna was tired.\n\n"
        'The landlady called, "A room for the night?"\n\n"Yes, please," said Anna.\n\n'
        'Then the landlady said: "Two shillings."\n\n"Here."\n\n'
    )
    assert "the landlady" in _names(story)


def _uses_by_search(text, paragraphs, phrase):
    """Where "the <phrase>" is used, by searching each paragraph (what `_Articles.uses` must match)."""
    import re

    words = r"\s+".join(re.escape(w) for w in phrase.split())
    pattern = re.compile(r"\b[Tt]he\s+" + words + r"\b", re.IGNORECASE if phrase.islower() else 0)
    return [m.span() for p in paragraphs for m in pattern.finditer(text, p.start, p.end)]


def test_uses_of_a_description_are_those_a_search_of_each_paragraph_finds():
    import random
    from dataclasses import dataclass

    from ficlens.steps.descriptive import _Articles

    @dataclass
    class Para:
        start: int
        end: int

    rng = random.Random(3)
    vocab = ["the", "The", "THE", "man", "in", "hat", "Mock", "Turtle", "Mock-Turtle", "landlady", "LANDLADY",
             "\u212aing", "King", "\u017fir", "sir", "theman", "\n", ",", "said"]  # fmt: skip
    phrases = ["man in the hat", "man in the man", "Mock Turtle", "Mock-Turtle", "landlady", "King", "sir", "the man"]
    for n in range(200):
        text = " ".join(rng.choice(vocab) for _ in range(60))
        cuts = sorted(rng.sample(range(len(text)), 10))
        paragraphs = [Para(a, b) for a, b in zip(cuts[::2], cuts[1::2])]
        if n == 0:  # uses that overlap
            text = "the man in the man in the man in the hat; the the man, The Mock Turtle"
            paragraphs = [Para(0, len(text))]
        articles = _Articles(text, paragraphs)
        for phrase in phrases:
            assert articles.uses(phrase) == _uses_by_search(text, paragraphs, phrase), (text, phrase)


def test_a_segment_with_a_leading_tag_passes_the_quick_test_for_one():
    import random

    from ficlens.steps.descriptive import _ends_in, _tag_patterns, _verb_last_words

    leading = _tag_patterns()[2]
    rng = random.Random(11)
    pieces = ["The", "the", "old", "subaltern", "said", "called", "called out", "out", "cried", ",", ":", ";",
              " ", "  ", "\n", "\u00a0", "\t", "and", "Hatter", ",,", "said:"]  # fmt: skip
    matched = 0
    for _ in range(5000):
        seg = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randrange(1, 9)))
        if leading.search(seg):
            matched += 1
            assert _ends_in(seg, _verb_last_words()), seg
    assert matched > 20


def test_the_verb_trie_matches_what_an_alternation_longest_first_matches():
    import re

    from ficlens.lexicon import words
    from ficlens.steps.descriptive import _verbs

    verbs = sorted(words("speech_verbs"), key=len, reverse=True)
    alternation = re.compile(r"(?:" + "|".join(verbs) + r")\b")
    trie = re.compile(r"(?:" + _verbs() + r")\b")
    for v in verbs:
        for text in (v, v + " out", v + "s", v + "ed", v + "-", v[:-1], "called  out", "called out loud"):
            a, t = alternation.match(text), trie.match(text)
            assert (a and a.group()) == (t and t.group()), text


def test_a_title_used_as_a_description_takes_the_titled_name_it_follows():
    text = (
        "Dorian Gray sat down. Opposite was the Duchess of Harley, a lady of good nature.\n\n"
        '"We are talking about poor Dartmoor," cried the duchess.\n\n'
        '"He is quite right," said Dorian.\n\n'
        '"What are dry-goods?" asked the duchess.'
    )
    chars = ficlens.analyze(text).to_dict()["characters"]
    duchess = [c for c in chars if "duchess" in c["name"].lower()]
    assert len(duchess) == 1 and "Duchess of Harley" in [duchess[0]["name"], *duchess[0]["aliases"]]


def test_a_people_after_an_adjective_belongs_to_the_description():
    # "the young American", twice: not a person called "the young".
    text = (
        "Tommy Beresford met Julius in the hall.\n\n"
        '"We\'d better ask," continued the young American.\n\n"Ask whom?" said Tommy.\n\n'
        '"The porter," returned the young American with emphasis.\n\n"Right."\n\n'
    )
    assert not any(n.lower() in ("the young", "young") for n in _names(text))
    frenchman = text.replace("American", "Frenchman")
    assert "the young Frenchman" in _names(frenchman)


def test_a_description_of_three_hyphenated_words_stays_whole():
    text = (
        "Anna Lee met the aide-de-camp at the door.\n\n"
        '"By Jove!" said the aide-de-camp. "You came."\n\n"Of course," said Anna.\n\n'
        '"Jove, what a night," the aide-de-camp said.'
    )
    assert sorted(_names(text)) == ["Anna Lee", "the aide-de-camp"]


def test_a_description_the_story_keeps_using_is_a_character_after_one_tag():
    text = (
        "Anna Lee came to the inn at dusk. The landlady was at the door. Anna nodded to the landlady.\n\n"
        '"A room for the night?" said the landlady.\n\n"Yes, please," said Anna.\n\n'
        "The landlady took a key down. Anna followed the landlady up the stairs, and the landlady "
        "opened a door. The landlady lit a candle.\n\n"
    )
    assert any("landlady" in n.lower() for n in _names(text))
    once = text.split("The landlady took")[0].replace("The landlady was at the door. Anna nodded to the landlady.", "")
    assert not any("landlady" in n.lower() for n in _names(once))
