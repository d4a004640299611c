"""Discovery without a roster: junk name phrases and names run together (issue #4)."""

from hypothesis import given, settings
from hypothesis import strategies as st

import ficlens
from ficlens import pipeline
from ficlens.ingest import document_from_text
from ficlens.steps import names


def _names(text):
    """Every name of every discovered character."""
    return {n for c in ficlens.analyze(text).to_dict()["characters"] for n in [c["name"], *c["aliases"]]}


def _phrases(text):
    return [m.group("name") for m in names.phrase_re().finditer(text)]


def test_words_in_capitals_for_emphasis_are_not_part_of_a_name():
    assert _phrases("they knew that Beaufort WAS there.") == ["Beaufort"]
    assert _phrases("Bertram DeVere and McDonald came.") == ["Bertram DeVere", "McDonald"]


BASE = """Gino came in. "Well," said Gino. Gino sat down and Gino laughed.

Lilia looked at Gino. "Hush," said Lilia. Lilia smiled at Gino.

"""


def test_a_sentence_opener_never_capitalised_inside_a_sentence_is_dropped():
    found = _names(BASE + "Thereupon Gino said nothing to Lilia.\n\nThereupon Gino said more.")
    assert not any(n.startswith("Thereupon") for n in found) and "Gino" in found


def test_greetings_and_old_interjections_are_not_name_phrases():
    text = BASE + '"Good-bye," said Gino. Lilia said Good-bye to Gino.\n\n"Hullo!" said Lilia. She said Hullo to him.'
    phrases = {o.key for o in names.scan(ficlens.analyze(text).document).occurrences}
    assert "Gino" in phrases
    assert "Good-bye" not in phrases and "Hullo" not in phrases


def test_foreign_exclamations_are_not_people():
    text = (
        "Anna Lee sat with Pierre Dubois.\n\n"
        '"Mon Dieu!" said Pierre. "Mon Dieu, it is late."\n\n'
        '"Himmel!" cried Anna. "Mon Dieu," she said again.\n\n'
        '"Ach, Himmel," said Pierre.'
    )
    assert _names(text) == {"Pierre Dubois", "Pierre", "Anna Lee", "Anna"}


def test_a_book_read_is_not_a_person():
    # "read his Bible, said his prayers": neither the determiner nor the "said" after it make one.
    text = (
        "Tom Hart was a just man. He read his Bible, said his prayers, and slept.\n\n"
        '"Amen," he said.\n\n"Good night," said Tom. He was reading the Chronicle again.'
    )
    assert _names(text) == {"Tom Hart", "Tom"}


def test_archaic_words_and_nature_opening_a_sentence_are_not_people():
    text = (
        "Anna Lee stood by the window. Thereat she laughed.\n\n"
        '"Thee and thy notions," said Anna. Thereat Nature smiled on the Earth.\n\n'
        '"Thou art kind," Anna said. Thereat the rain stopped.'
    )
    assert _names(text) == {"Anna Lee", "Anna"}


def test_two_names_written_one_after_the_other_are_two_people():
    text = (
        'Mrs. Allan came in. "Good day," said Mrs. Allan. Mrs. Allan smiled.\n\n'
        'Anne Shirley waited. "Hello," said Anne. Anne laughed.\n\n'
        "With Mrs. Allan Anne fell promptly in love."
    )
    chars = {c["name"]: c for c in ficlens.analyze(text).to_dict()["characters"]}
    found = {n for c in chars.values() for n in [c["name"], *c["aliases"]]}
    assert "Mrs. Allan Anne" not in found and "Allan Anne" not in found
    assert "Mrs. Allan" in found and "Anne Shirley" in found


def test_a_full_name_with_a_middle_name_stays_whole():
    text = (
        'Sir William came in. "Well," said Sir William. Walter Elliot bowed. "Sir," said Walter Elliot.\n\n'
        '"Indeed," said Walter Elliot. He was Sir William Walter Elliot, after all.'
    )
    assert "Sir William Walter Elliot" in _names(text)


def test_a_middle_initial_belongs_to_the_name():
    assert _phrases("Julius P. Hersheimmer came in. George R. R. Martin wrote.") == ["Julius P. Hersheimmer", "George R. R. Martin"]
    # the one person under every form, not a "Julius P" and a "Julius" apart
    text = (
        'Julius P. Hersheimmer came in. "Hello," said Julius.\n\n'
        '"You again," Tommy said. Julius grinned.\n\n'
        '"Julius P. Hersheimmer, at your service," said Julius.'
    )
    people = ficlens.analyze(text).to_dict()["characters"]
    julius = [c for c in people if "Julius" in [c["name"], *c["aliases"]]]
    assert len(julius) == 1 and julius[0]["name"] == "Julius P. Hersheimmer"
    assert not any(c["name"] == "Julius P" for c in people)


def test_families_in_the_plural_with_a_title_are_not_people():
    text = (
        'Miss Bertram came in. "Hello," said Miss Bertram. Miss Bertram sat.\n\n'
        'The Miss Bertrams were out. "Where are the Miss Bertrams?" asked Fanny. Fanny waited for the Miss Bertrams.'
    )
    found = _names(text)
    assert "Miss Bertrams" not in found and "Miss Bertram" in found


def test_plurals_of_capitalised_words_are_groups():
    from collections import Counter

    from ficlens.steps.characters import _plural_group
    from ficlens.steps.grouping import Form

    stats = names.NameStats(cap_mid=Counter({"Cupid": 3, "Sike": 1, "Edward": 4}))
    assert _plural_group(Form(None, ("Cupids",), count=5), stats)
    assert _plural_group(Form(None, ("Whit", "Mondays"), count=2), stats)  # Monday is no name
    assert not _plural_group(Form(None, ("Sikes",), count=200), stats)  # "Sike'" once in dialect
    assert not _plural_group(Form(None, ("Edwards",), count=5), stats)  # the plural of a given name


def test_a_school_named_after_someone_and_a_city_are_not_people():
    text = (
        'Fielding came in. "Well," said Fielding. Mr. Fielding laughed.\n\n'
        '"Call it the Mr. Fielding High School," said Aziz. "The Mr. Fielding High School," said Aziz again.\n\n'
        'Old-fashioned New York said nothing. "New York," said Aziz. New York slept. "In New York?" said Fielding.'
    )
    found = _names(text)
    assert "Mr. Fielding High School" not in found
    assert not any("York" in n for n in found)


def _entities(*forms):
    from ficlens.steps.grouping import Form, cluster

    made = [Form(h, tuple(t.split()), count=n) for h, t, n in forms]
    return [sorted(f.text for f in e.forms) for e in cluster(made)]


def test_a_name_said_once_does_not_make_a_surname_ambiguous():
    groups = _entities((None, "William Rodney", 28), (None, "Katharine Rodney", 1), (None, "Rodney", 240), ("mr", "Rodney", 10))
    assert ["Mr. Rodney", "Rodney", "William Rodney"] in groups


def test_mrs_with_a_full_name_is_the_wife_of_that_name():
    groups = _entities((None, "Newland Archer", 50), ("mrs", "Newland Archer", 3), (None, "Archer", 500))
    assert ["Newland Archer"] in groups and ["Mrs. Newland Archer"] in groups


def test_a_rank_goes_with_a_surname_not_a_given_name():
    groups = _entities(("mr", "Fitzwilliam Darcy", 2), ("colonel", "Fitzwilliam", 20), (None, "Darcy", 100))
    assert ["Colonel Fitzwilliam"] in groups


def test_a_name_said_to_is_a_person_not_a_place():
    text = (
        "Carl Reed yawned. Carl sat by the fire. Anna Lee and Ben Cole sat at the table. "
        'Ben poured the tea and Ben sat down.\n\n"Is it late?" Anna said to Carl.'
    )
    d = ficlens.analyze(text).to_dict()
    carls = [m["character"] for m in d["mentions"] if text[m["start"] : m["end"]] == "Carl"]
    assert carls == ["carl-reed", "carl-reed"]


def test_to_and_at_after_a_speech_verb_or_gesture_lead_to_a_person():
    text = 'Mara smiled at Theo. "Come," she said to Theo. They walked to Paris.'
    occ = {o.key: o for o in names.scan(ficlens.analyze(text).document).occurrences}
    assert occ["Theo"].addressed and not occ["Theo"].place
    assert occ["Paris"].place and not occ["Paris"].addressed


def test_the_title_trie_matches_what_the_alternation_of_titles_matches():
    import re

    hons = sorted({h.capitalize() for h in names.honorifics()}, key=len, reverse=True)
    alternation = re.compile(names._PHRASE_RE.pattern.replace("{hons}", "|".join(hons)).replace("{lone}", ""))
    text = " ".join(f"{h} {h}s {h}. Smith, {h}\nJones and Mrs. van der Luyden; {h}ie Lee." for h in hons)
    found = [(m.span(), m.groupdict()) for m in names.phrase_re().finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in alternation.finditer(text)]


def test_the_word_before_a_name_is_the_last_word_read_from_the_40_characters_before_it():
    import random

    def by_every_word(text, pos, floor):
        seg = text[max(floor, pos - 40) : pos]
        ms = list(names._WORD_RE.finditer(seg))
        return "" if not ms or seg[ms[-1].end() :].strip(" ,\t\n") else ms[-1].group().lower()

    rng = random.Random(5)
    pieces = ["said", "to", " ", ", ", "\n", "don't", "O'Hara", "'", "Zoë", "café", "é", "x'ab", "\u00a0", ".", "-"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(14))
        pos = rng.randrange(len(text) + 1)
        floor = rng.randrange(pos + 1)
        assert names._prev_word(text, pos, floor) == by_every_word(text, pos, floor), (text, pos, floor)


def test_a_full_stop_after_a_title_that_is_not_short_for_anything_ends_the_sentence():
    text = (
        "Newland Archer watched the Duke. New York took stray noblemen calmly. "
        "Newland Archer smiled at Mr. Smith.\n\n\"Well,\" said Mr. Smith."
    )
    names = [c["name"] for c in ficlens.analyze(text).to_dict()["characters"]]
    assert not any("New York" in n for n in names)
    assert "Mr. Smith" in names


def test_a_title_after_a_sentence_opener_stays_with_its_name():
    """ "When Mr. Cole": the full stop after "Mr" does not cut the title off its name."""
    text = 'Emma waited.\n\nWhen\nMr. Cole had gone, she smiled. But Mrs. Weston said nothing.'
    doc = document_from_text(text)
    pipeline.run(doc, [s for s in pipeline.STEPS if s[0] in ("paragraphs", "structure", "quotes")])
    found = [(text[o.start : o.end], o.honorific) for o in names.find_occurrences(doc).occurrences]
    assert ("Mr. Cole", "mr") in found
    assert ("Mrs. Weston", "mrs") in found
    assert not any(t in ("Cole", "Weston", "When\nMr", "But Mrs") for t, _ in found)


def test_two_spellings_of_a_title_name_one_person():
    groups = _entities(("dr", "Aziz", 57), ("doctor", "Aziz", 3), (None, "Aziz", 800), ("mr", "Fielding", 40))
    assert ["Aziz", "Doctor Aziz", "Dr. Aziz"] in groups
    text = (
        'Dr. Renard bowed. "Sit," said Dr. Renard. Renard smiled.\n\n'
        '"Doctor Renard is kind," said Syme. Syme waited. "Well," said Syme.'
    )
    found = [c for c in ficlens.analyze(text).to_dict()["characters"] if "Renard" in c["name"]]
    assert len(found) == 1 and "Doctor Renard" in found[0]["aliases"]


def test_streets_saints_months_isms_peoples_and_interjections_are_not_people():
    text = BASE + (
        'Gino walked down Queen Street to the tower of Saint Saviour\'s Church. He went by Queen Street again, '
        "past Saint Saviour's Church. Lilia talked of Socialism. Gino hated Socialism and Christianity, "
        "Socialism above all. Every April the Hindus came. The Hindus protested, and the Hindus sang.\n\n"
        '"Psha!" said Lilia. "Psha, nonsense!" Gino laughed. "Hark! A bell," said Lilia. "Hark, again!"\n\n'
        '"In April?" said Gino. "April, always April," said Lilia.'
    )
    found = _names(text)
    assert {"Gino", "Lilia"} <= found
    junk = ("Queen Street", "Street", "Saint Saviour", "Socialism", "Christianity", "April", "Hindus", "Psha", "Hark")
    assert not set(junk) & found


def test_a_month_a_saint_or_an_abstract_name_that_speaks_is_a_person():
    text = BASE + (
        '"Hello," said April. April smiled at Gino. "Hi," said April.\n\n'
        '"I am Sadness," said Sadness. Sadness sighed. "Well," said Sadness.\n\n'
        '"Peace," said St. Francis. "Come," said St. Francis to Gino.'
    )
    found = _names(text)
    assert {"April", "Sadness", "St. Francis"} <= found


def test_a_book_that_is_read_and_a_house_said_short_are_not_people():
    text = BASE + (
        '"Have you read Udolpho?" asked Lilia. "I am reading Udolpho," said Gino. Udolpho was long, and '
        'Gino loved Udolpho. He was a devoted reader of Udolpho.\n\n'
        "They have taken Cissie Villa. Gino walked to Cissie Villa and met Lilia at Cissie Villa. "
        "Cissie was to let. Gino sold Cissie."
    )
    found = _names(text)
    assert {"Gino", "Lilia"} <= found
    assert not {"Udolpho", "Cissie", "Cissie Villa"} & found


def test_one_pronoun_after_a_word_does_not_make_it_a_person():
    text = BASE + (
        "Fiasco ruined the evening. She went home early. Nobody mentioned Fiasco again.\n\n"
        "Lilia thought of Thornton. He never answered. Gino had met Thornton once. He was rich. Lilia liked Thornton."
    )
    found = _names(text)
    assert "Fiasco" not in found and "Thornton" in found


def test_a_bare_surname_joins_the_husband_or_the_wife_its_pronouns_name():
    text = BASE + (
        'Mr. Perry came. "Well," said Mr. Perry. Mrs. Perry smiled. "Tea?" said Mrs. Perry.\n\n'
        "Perry was the apothecary. He called every day. Gino trusted Perry; he was kind. "
        "Lilia liked Perry, and he liked her."
    )
    groups = [{c["name"], *c["aliases"]} for c in ficlens.analyze(text).to_dict()["characters"]]
    assert {"Perry", "Mr. Perry"} in groups and {"Mrs. Perry"} in groups


def test_institutions_laws_and_causes_are_not_people():
    text = (
        '"The General Council will meet," said the clerk. "The General Council never sleeps."\n\n'
        'He spoke for Tariff Reform. "Tariff Reform!" cried Tom. The Commons voted, and the Commons rose.\n\n'
        '"The Insurance Bill," said Bill Sikes. The Insurance Bill passed.'
    )
    names_ = {n for c in ficlens.analyze(text).to_dict()["characters"] for n in [c["name"], *c["aliases"]]}
    assert not {"General Council", "Tariff Reform", "Commons", "Insurance Bill"} & names_
    assert "Bill Sikes" in names_


def test_a_dialect_title_is_a_title():
    text = (
        '"Mis\' Oakley, he gone," said Berry. Mis\' Oakley cried.\n\n'
        '"Where is Mistah Oakley?" asked Kitty. Mistah Oakley came in. "Here," said Mistah Oakley.'
    )
    names_ = {n for c in ficlens.analyze(text).to_dict()["characters"] for n in [c["name"], *c["aliases"]]}
    assert "Mis" not in names_ and "Mistah" not in names_
    assert "Mis' Oakley" in names_ and "Mistah Oakley" in names_


def test_phrases_skipped_as_function_words_are_those_the_scan_would_drop(monkeypatch):
    text = (
        'The Doctor came. The man, THe cat and ThE dog. I saw A. Smith; I\'ll go. "Oh, Mark," she said.\n\n'
        "Miss. The end. Lady. van der Luyden waited. He-Man and The-Thing left. It's Jo. "
        "She\nLee and It\tRains. When Derek sat, Oh Mark laughed. \u00c9 and \u00dcber. Well Done. "
        "Now is the time, said Now. Messrs. Brown and Misses Grey. But Ann's hat. To-day Tom came."
    )
    doc = ficlens.analyze(text).document

    def occurrences():
        stats = names.find_occurrences(doc)
        return [(o.start, o.end, o.honorific, o.tokens, o.initial) for o in stats.occurrences], stats.cap_mid

    skipping, skip_re = occurrences(), names.phrase_re(skip_stop_words=True)
    full = names.phrase_re(skip_stop_words=False)
    monkeypatch.setattr(names, "phrase_re", lambda skip_stop_words=False: full)
    assert skipping == occurrences()
    found = [m.group("hon", "name") for m in skip_re.finditer(text)]
    assert not any(hon is None and name in ("The", "I", "He", "She", "THe") for hon, name in found)
    assert ("Miss", "The") in found and (None, "The Doctor") in found


def test_a_dash_is_no_hyphen_a_name_runs_on_over():
    text = (
        "Tobias sat by the fire with Mara. Mara looked at Tobias.\n\n"
        '"Tobias\u2014wait," Mara said. "Wait\u2014Tobias!"\n\n"Mara\u2013no," Tobias said.\n\n"--Tobias, listen," Mara said.'
    )
    d = ficlens.analyze(text).to_dict()
    found = [(text[m["start"] : m["end"]], m["character"]) for m in d["mentions"] if m["kind"] == "name"]
    assert found == [(n, n.lower()) for n in "Tobias Mara Mara Tobias Tobias Mara Tobias Mara Tobias Tobias Mara".split()]
    # A hyphen still joins: "Jean-Luc" is one name, and "Luc" alone is not found in it.
    assert _phrases("Jean-Luc came.\u2014Luc came.") == ["Jean-Luc", "Luc"]


def test_a_command_verb_opening_a_sentence_is_not_part_of_the_name_after_it():
    text = '"Out. Ask Tobias," said Elena.\n\n"Why?" said Mara. Tobias shrugged.'
    found = _names(text)
    assert "Tobias" in found
    assert not any(n.startswith(("Ask", "Tell")) for n in found)
    assert not any(n.startswith("Tell") for n in _names(text + '\n\n"Tell Tobias, then," said Elena.'))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab _'A1\u00e9\n", max_size=16))
def test_counting_one_lower_case_word_agrees_with_counting_them_all(text):
    from collections import Counter

    from ficlens.steps.names import _LOWER_WORD_RE, _count_lower_word

    counts = Counter(_LOWER_WORD_RE.findall(text))
    for word in {*counts, "a", "b", "ab", "a'b", "b'a"}:
        assert _count_lower_word(text, word) == counts.get(word, 0)


def test_chat_typing_and_usernames_do_not_make_a_name_an_ordinary_word():
    text = (
        "Usernames:\nted_lasso = Ted\nroykent = Roy\n\n"
        "ted_lasso: roy you around\nroykent: no\nted_lasso: ok ted will bring biscuits\nroykent: fine ted\n\n"
        "Ted came in with a tin of biscuits. Roy looked up.\n\n"
        '"Is that him?" Ted asked.\n\n"Don\'t," said Roy.\n\n"Well, that\'s the idea," said Ted.'
    )
    d = ficlens.analyze(text).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    assert [names.get(q["speaker"]) for q in d["quotes"]][-3:] == ["Ted", "Roy", "Ted"]
    assert any(text[m["start"] : m["end"]] == "Ted" and m["start"] > text.index("Ted came") for m in d["mentions"])


def test_a_month_written_as_a_date_or_may_asking_leave_is_not_the_character_of_that_name():
    roster = [{"name": "May Parker", "aliases": ["May", "Aunt May"], "gender": "F"}, {"name": "Peter Parker", "aliases": ["Peter"], "gender": "M"}]
    text = 'Peter came home in May. On May 5 the rain stopped.\n\nMay laughed. "Hey," said Peter. "May I come in?"'
    a = ficlens.analyze(text, characters=roster)
    found = [(text[m.start : m.end], m.start) for m in a.document.mentions if m.kind == "name" and m.character == "may-parker"]
    assert found == [("May", text.index("May laughed"))]


def test_may_after_a_word_that_takes_a_person_is_still_may():
    roster = [{"name": "May Parker", "aliases": ["May"], "gender": "F"}, {"name": "Peter Parker", "aliases": ["Peter"], "gender": "M"}]
    text = "Peter read the letter from May twice. He waited until after May left."
    a = ficlens.analyze(text, characters=roster)
    assert [text[m.start : m.end] for m in a.document.mentions if m.kind == "name" and m.character == "may-parker"] == ["May", "May"]

