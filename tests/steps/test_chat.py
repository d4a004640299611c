"""Chat fics, text messages and script lines (`ficlens.steps.chat`, `ficlens.steps.chat_people`)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ficlens
from ficlens.steps import chat_people, confidence


def quotes(text, **kw):
    d = ficlens.analyze(text, **kw).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    return [
        (q["text"], names.get(q["speaker"]), q["type"], sorted(names.get(a) for a in q["addressees"]))
        for q in d["quotes"]
    ]


# --- detection: the shapes of a chat line --------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        ["Tony: hey", "Steve: hi", "Tony: you coming?"],
        ["**Tony:** hey", "**Steve:** hi", "**Tony:** you coming?"],
        ["**Tony**: hey", "**Steve**: hi", "**Tony**: you coming?"],
        ["[10:42] Tony: hey", "[10:43] Steve: hi", "[10:44] Tony: you coming?"],
        ["Tony (10:42): hey", "Steve (10:43): hi", "Tony (10:44): you coming?"],
        ["10:42 PM Tony: hey", "10:43 PM Steve: hi", "10:44 PM Tony: you coming?"],
        ["*Tony: hey*", "*Steve: hi*", "*Tony: you coming?*"],
    ],
)
def test_chat_line_shapes(lines):
    got = quotes("\n".join(lines) + "\n")
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("hey", "Tony", "explicit"),
        ("hi", "Steve", "explicit"),
        ("you coming?", "Tony", "explicit"),
    ]


def test_chat_blank_lines_between_lines_keep_the_run():
    got = quotes("Tony: hey\n\nSteve: hi\n\nTony: you coming?\n")
    assert [g[1] for g in got] == ["Tony", "Steve", "Tony"]


def test_chat_script_names_in_capitals():
    text = "HAMLET: To be, or not to be.\nHORATIO: My lord?\nHAMLET: Nothing, Horatio. Go.\n"
    got = quotes(text)
    assert [g[1] for g in got] == ["Hamlet", "Horatio", "Hamlet"]
    assert got[2][3] == ["Horatio"]  # called by name


def test_chat_usernames_through_cast_list():
    text = (
        "ironman = Tony Stark\nspideyboi = Peter Parker\n\n"
        "ironman: where are you\nspideyboi: mr stark!! at school\nironman: it's saturday\n"
    )
    got = quotes(text)
    assert [g[1] for g in got] == ["Tony Stark", "Peter Parker", "Tony Stark"]
    assert got[1][0] == "mr stark!! at school"


def test_chat_cast_list_under_a_header_is_not_chat():
    text = "Usernames:\nwebhead: Peter Parker\nmetalman: Tony Stark\n\nwebhead: hi\nmetalman: hello\nwebhead: bye\n"
    got = quotes(text)
    assert [(g[0], g[1]) for g in got] == [("hi", "Peter Parker"), ("hello", "Tony Stark"), ("bye", "Peter Parker")]


def test_chat_unmapped_usernames_are_characters():
    got = quotes("catlady99: anyone up\nnightowl: always\ncatlady99: same\n")
    assert [g[1] for g in got] == ["catlady99", "nightowl", "catlady99"]


def test_chat_quoted_script_line_takes_the_name():
    got = quotes('Tony: "Hey there."\nSteve: "Hi."\nTony: "You coming?"\n')
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("Hey there.", "Tony", "explicit"),
        ("Hi.", "Steve", "explicit"),
        ("You coming?", "Tony", "explicit"),
    ]


def test_chat_text_message_headers():
    text = (
        "Tony stared at the screen.\n\nTo: Steve\nFrom: Tony\nwhere r u\n\n"
        "He waited.\n\nFrom: Steve\nTo: Tony\non my way\n"
    )
    got = quotes(text)
    assert got == [
        ("where r u", "Tony", "explicit", ["Steve"]),
        ("on my way", "Steve", "explicit", ["Tony"]),
    ]


# --- a single line in narration -------------------------------------------------------------


def test_chat_lone_line_with_a_phone_is_a_text():
    text = "Anna Lee sat on the bus. Her phone buzzed.\n\nBen: where r u\n\nShe sighed. Ben never waited."
    got = quotes(text)
    assert [(g[0], g[1], g[2]) for g in got] == [("where r u", "Ben", "explicit")]


def test_chat_lone_line_without_a_cue_is_not_read():
    text = "Anna Lee sat on the bus. The rain came down hard.\n\nBen: no\n\nShe did not know what Ben meant."
    assert quotes(text) == []


def test_chat_lone_line_by_a_name_of_the_story_s_chat_style():
    text = "Tony: hey\nSteve: hi\nTony: you coming?\n\nSteve put the kettle on and waited.\n\nSteve: ok fine"
    assert [g[1] for g in quotes(text)] == ["Tony", "Steve", "Tony", "Steve"]


# --- negatives ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chapter 1: The Beginning\n\nAnna walked home in the rain.",
        "Author's note: my first fic!\n\nAnna walked home in the rain.",
        "Disclaimer: I own nothing.\n\nAnna walked home in the rain.",
        "Summary: Anna walks home.\nWarning: rain.\nRating: T\nPairing: Anna/Ben\n\nAnna walked home.",
        "Anna walked home. He said only one thing: run.\n\nShe ran.",
        "The train left at 10:42.\nIt came back at 11:15.\nNobody was on it at 12:30.",
        "Things to pack:\nSocks: four pairs\nShirts: two\nBooks: none at all\n\nAnna zipped the bag.",
        "Note: this is set after season two.\nP.S.: thanks to my beta!\nPS: enjoy\n\nAnna walked home.",
        'Tony said: "Hello there."\n\nSteve said: "Hi."\n\nTony said: "Coming?"',
        "Pros: he is kind\nCons: he is late\nVerdict: keep him\n\nAnna laughed.",
    ],
)
def test_chat_not_on_prose(text):
    got = quotes(text)
    assert all(g[2] != "explicit" or "said" in text for g in got)
    d = ficlens.analyze(text)
    assert not any(q.rule in chat_people.RULES for q in d.document.quotes)


def test_chat_two_lines_of_a_list_are_not_chat():
    assert quotes("Monday: laundry\nTuesday: shopping\n\nAnna sighed.") == []


# --- speakers, addressees, confidence ---------------------------------------------------------


def test_chat_two_person_chat_addresses_the_other():
    got = quotes("Tony: hey\nSteve: hi\nTony: you coming?\nSteve: maybe\n")
    assert [g[3] for g in got] == [["Steve"], ["Tony"], ["Steve"], ["Tony"]]


def test_chat_group_chat_addresses_only_those_called():
    text = "Anna: hey all\nBen: hi\nCleo: @Anna what now\nAnna: Ben, bring the car\nBen: fine\nCleo: ok\n"
    got = quotes(text)
    assert [g[3] for g in got] == [[], [], ["Anna"], ["Ben"], [], []]


def test_chat_confidence_is_the_calibrated_script_figure():
    d = ficlens.analyze("Tony: hey\nSteve: hi\nTony: you coming?\n")
    assert {q.rule for q in d.document.quotes} == {"script"}
    assert {q.confidence for q in d.document.quotes} == {confidence.for_rule("script")}
    table = confidence.table()
    assert "script" in table and "text_message" in table
    assert table["script"] >= table["_overall"]


def test_chat_roster_names_the_speaker():
    roster = [
        {"id": "tony", "name": "Tony Stark", "aliases": ["Tony", "ironman"]},
        {"id": "steve", "name": "Steve Rogers", "aliases": ["Steve", "Cap"]},
    ]
    d = ficlens.analyze("ironman: hey\nCap: hi\nironman: you coming?\n", characters=roster).to_dict()
    assert [q["speaker"] for q in d["quotes"]] == ["tony", "steve", "tony"]


def test_chat_names_are_characters_with_mentions():
    text = "Tony: hey\nSteve: hi\nTony: you coming?\n"
    d = ficlens.analyze(text).to_dict()
    by_name = {c["name"]: c for c in d["characters"]}
    assert set(by_name) == {"Tony", "Steve"}
    spans = {(m["start"], m["end"]) for m in d["mentions"] if m["character"] == by_name["Tony"]["id"]}
    assert {(0, 4), (text.index("Tony: you"), text.index("Tony: you") + 4)} <= spans
    assert by_name["Tony"]["quotes"] == 2


def test_chat_inner_quotation_stays_in_the_line():
    text = 'Tony: hey\nSteve: he called me "kid" again\nTony: lol\n'
    got = quotes(text)
    assert [g[0] for g in got] == ["hey", 'he called me "kid" again', "lol"]


def test_chat_prose_dialogue_around_chat_keeps_its_speakers():
    text = (
        'Anna Lee and Ben Cole met.\n\n"Hi," said Anna.\n\n'
        "Anna: did you get my text\nBen: yes\nAnna: and?\n\n"
        '"Well?" Ben asked.'
    )
    got = quotes(text)
    assert [(g[1], g[2]) for g in got] == [
        ("Anna Lee", "explicit"),
        ("Anna Lee", "explicit"),
        ("Ben Cole", "explicit"),
        ("Anna Lee", "explicit"),
        ("Ben Cole", "explicit"),
    ]


# --- offsets --------------------------------------------------------------------------------

_NAMES = st.sampled_from(["Tony", "Steve", "**Nat:**", "[10:42] Bruce", "spideyboi", "Summary", "He said", "Note"])
_WORDS = st.text(alphabet=st.sampled_from(list("abc xyz:\"'*!?\u201c\u201d@,.")), min_size=0, max_size=25)
_LINE = st.tuples(_NAMES, st.sampled_from([": ", ":", " : ", ":** "]), _WORDS).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LINE, _WORDS), min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_chat_offsets_property(lines, sep):
    text = sep.join(lines)
    d = ficlens.analyze(text).to_dict()
    spans = sorted((q["start"], q["end"]) for q in d["quotes"])
    for q in d["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert text[q["start"] : q["end"]] == q["text"]
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2
    ids = {c["id"] for c in d["characters"]}
    assert all(q["speaker"] in ids for q in d["quotes"] if q["speaker"])
    for m in d["mentions"]:
        assert 0 <= m["start"] < m["end"] <= len(text)


# --- end to end -------------------------------------------------------------------------------


def test_chat_fixture_end_to_end(fixtures):
    text = (fixtures / "chatfic.txt").read_text(encoding="utf-8")
    d = ficlens.analyze(text).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    chat = [q for q in d["quotes"] if q["type"] == "explicit"]
    speakers = [names[q["speaker"]] for q in chat]
    assert speakers[:9] == [
        "Mina Holloway", "Jamie Okafor", "Priya Raman", "Jamie Okafor", "Mina Holloway",
        "Jamie Okafor", "Priya Raman", "Mina Holloway", "Priya Raman",
    ]  # fmt: skip
    by_text = {q["text"]: q for q in d["quotes"]}
    assert names[by_text["unplug it and step away from the kettle"]["speaker"]] == "Mina Holloway"
    assert [names[a] for a in by_text["unplug it and step away from the kettle"]["addressees"]] == ["Jamie Okafor"]
    assert [names[a] for a in by_text["@bakerstreet are you still at the library"]["addressees"]] == ["Mina Holloway"]
    assert names[by_text["thanks for saving my life"]["speaker"]] == "Jamie Okafor"
    assert names[by_text["Unbelievable,"]["speaker"]] == "Mina Holloway"  # prose dialogue as before
    aliases = {c["name"]: c["aliases"] for c in d["characters"]}
    assert "jamjar" in aliases["Jamie Okafor"]
    assert "Usernames" not in names.values()


def test_chat_cli_json(fixtures):
    from click.testing import CliRunner

    from ficlens.cli import main

    result = CliRunner().invoke(main, ["analyze", str(fixtures / "chatfic.txt"), "--json"])
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    text = (fixtures / "chatfic.txt").read_text(encoding="utf-8")
    names = {c["id"]: c["name"] for c in d["characters"]}
    first = d["quotes"][0]
    assert (first["text"], names[first["speaker"]], first["type"]) == (
        "who renamed the chat",
        "Mina Holloway",
        "explicit",
    )
    assert all(text[q["start"] : q["end"]] == q["text"] for q in d["quotes"])


def test_chat_relationships_rest_on_the_lines_the_pair_exchanges(fixtures):
    # Each line of a chat block is a turn of its own: a pair that trades lines in one block has
    # those lines as its evidence (one turn per paragraph gave the pair none).
    text = (fixtures / "chatfic.txt").read_text(encoding="utf-8")
    d = ficlens.analyze(text).to_dict()
    assert len(d["relationships"]) >= 2
    for r in d["relationships"]:
        assert r["evidence"], r["tag"]
        for e in r["evidence"]:
            assert any(e["start"] <= q["start"] and q["end"] <= e["end"] for q in d["quotes"])
