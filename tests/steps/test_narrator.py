import ficlens
from ficlens.ingest import document_from_text
from ficlens.steps import narrator, paragraphs, quotes, structure

_READER_INSERT = (
    "You wake up before anyone else in the bunker. You tie your apron, you find the flour, and you "
    "try not to make a sound while you measure it out, because your whole plan depends on the quiet. " * 3
    + "\n\nDean shuffles in, hair flat on one side. Dean squints at the counter.\n\n"
    '"Morning, Y/N. What smells like cinnamon?"\n\n'
    '"Nothing," you say, way too fast.\n\n'
    '"That\'s not nothing."\n\n'
    "You shrug. \"It's a pie. It's for later.\""
)


def _who(text, **kw):
    d = ficlens.analyze(text, **kw).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    return d, [names.get(q["speaker"]) for q in d["quotes"]]


def _doc(text):
    doc = document_from_text(text)
    for step in (paragraphs.run, structure.run, quotes.run):
        step(doc)
    return doc


def test_the_person_the_narration_speaks_in():
    assert narrator.narration_person(_doc(_READER_INSERT)) == "you"
    first = "I walked in. I sat down. I looked at him, and I waited.\n\n" * 3 + '"Out," said Tobias.'
    assert narrator.narration_person(_doc(first)) == "I"
    third = "She walked in from the rain and sat down by the fire, and the others looked up from their cards. " * 12
    third += "You could hear the clock in the hall.\n\n" + '"Out," said Tobias.'
    assert narrator.narration_person(_doc(third)) is None


def test_a_reader_insert_gives_you_say_to_the_reader():
    d, who = _who(_READER_INSERT)
    assert who == ["Dean", "Reader", "Dean", "Reader"]
    reader = next(c for c in d["characters"] if c["name"] == "Reader")
    assert "Y/N" in reader["aliases"]
    assert [r["tag"] for r in d["relationships"]] == ["Dean & Reader"]
    assert d["quotes"][0]["addressees"] == [reader["id"]]  # "Morning, Y/N."
    assert [q["type"] for q in d["quotes"]][1] == "anaphoric"


def test_a_second_person_story_without_placeholders_has_a_reader():
    text = _READER_INSERT.replace("Morning, Y/N.", "Morning.")
    assert _who(text)[1] == ["Dean", "Reader", "Dean", "Reader"]


def test_a_roster_entry_that_goes_by_you_is_the_reader():
    roster = [{"id": "me", "name": "Y/N", "aliases": ["you"], "gender": "F"}, {"name": "Dean Winchester", "aliases": ["Dean"], "gender": "M"}]
    d, who = _who(_READER_INSERT, characters=roster)
    assert who == ["Dean Winchester", "Y/N", "Dean Winchester", "Y/N"]
    assert [c["name"] for c in d["characters"]].count("Y/N") == 1


def test_a_roster_entry_that_goes_by_i_is_the_narrator():
    text = "I walked in. I sat down. I looked at him, and I waited.\n\n" * 3 + '"Where were you?" I asked.\n\n"Out," said Tobias.'
    roster = [{"name": "Nell", "aliases": ["I"], "gender": "F"}, {"name": "Tobias", "gender": "M"}]
    assert _who(text, characters=roster)[1] == ["Nell", "Tobias"]


def test_the_reader_has_the_gender_the_work_tags_them_with():
    assert narrator.reader_gender("Pairing: Dean Winchester x Female!Reader") == "F"
    assert narrator.reader_gender("Bucky Barnes/Male Reader") == "M"
    assert narrator.reader_gender("Tags: GN!Reader, fluff") == "N"
    assert narrator.reader_gender("Sam x Reader. I'm reader-friendly.") is None
    assert narrator.reader_gender("fem!reader or male!reader, your choice") is None
    d = ficlens.analyze("Pairing: Dean x Female!Reader\n\n" + _READER_INSERT).to_dict()
    assert next(c for c in d["characters"] if c["name"] == "Reader")["gender"] == "F"


def test_the_name_only_the_others_call_the_narrator_is_theirs():
    # Nobody answers "I" with "Charlie" twice running, but the others call Charlie twice and the
    # narration, told as "I", never names him: he is the one telling it.
    text = (
        "I sit at the end of the table and I try not to look at the door. I am early, as always, and I hate it. " * 4
        + '\n\nTao is already there. Elle waves at me.\n\n"You look terrible, Charlie," says Tao.\n\n'
        '"Thanks," I say.\n\n"He means it nicely," says Elle.\n\n"I do not," says Tao.\n\n'
        '"Charlie, ignore him," says Elle.\n\n"Char is used to me," says Tao.'
    )
    d = ficlens.analyze(text).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    assert "Narrator" not in names.values()
    assert names[d["quotes"][1]["speaker"]] == "Charlie"


def test_of_two_names_called_about_as_often_the_narrator_is_the_one_the_narration_never_names():
    # Between the narrator's lines Grandmother calls her maid as often as she calls the narrator;
    # the narration, which says "I", names Martha four times and Alexis never.
    text = (
        "Martha Potapitch carried the tea in. Martha set down the cups. Martha went out again, and Martha came back.\n\n"
        '"Good morning, Grandmother," I said.\n\n"Martha, the sugar!" cried Grandmother Tarassevitch.\n\n'
        '"I will fetch it," I said.\n\n"Martha, the cream!" said Grandmother Tarassevitch.\n\n"Shall I ring?" I asked.\n\n'
        '"Yes, Alexis, ring," said Grandmother Tarassevitch.\n\n"Here it is," I said.\n\n'
        '"Alexis, sit down," said Grandmother Tarassevitch.\n\n"Thank you," I said.'
    )
    for roster in (None, [{"name": "Alexis Ivanovitch", "aliases": ["Alexis"], "gender": "M"}, {"name": "Martha Potapitch", "aliases": ["Martha"], "gender": "F"}]):
        d = ficlens.analyze(text, characters=roster).to_dict()
        names = {c["id"]: c["name"] for c in d["characters"]}
        said = {names.get(q["speaker"]) for q in d["quotes"] if " I said" in text[q["end"] : q["end"] + 10]}
        assert said in ({"Alexis"}, {"Alexis Ivanovitch"})
