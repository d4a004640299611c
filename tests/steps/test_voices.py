"""Voices: a character's tagged lines teach how they talk; untagged lines get a small vote."""

from ficlens.model import Quote
from ficlens.steps import voices
from ficlens.steps.salience import Turn

ANNA = ["Indeed, darling, I shall.", "Darling, indeed not.", "Indeed I do, darling.", "How lovely, darling.", "Indeed, quite lovely."]
BEN = ["Reckon so, mate.", "Nah mate, reckon not.", "Cheers, mate.", "Reckon we're off, mate.", "Ta, mate, reckon so."]


def _story(lines: list[tuple[str, str | None]]) -> tuple[str, list[Turn]]:
    """A text of one line per paragraph, and its turns: tagged when a speaker is given."""
    text, turns = "", []
    for i, (line, who) in enumerate(lines):
        start = len(text) + 1
        text += f'"{line}"\n\n'
        turn = Turn(i, [Quote(start, start + len(line))], context=["anna", "ben"])
        if who:
            turn.cue, turn.evidence = "tag_name", {who: 8.0}
        turns.append(turn)
    return text, turns


def _tagged_talk(untagged: str) -> tuple[str, list[Turn]]:
    lines = [x for pair in zip(ANNA, BEN) for x in pair]
    return _story([*[(x, "anna" if x in ANNA else "ben") for x in lines], (untagged, None)])


def test_an_untagged_line_leans_to_the_one_who_talks_like_it():
    text, turns = _tagged_talk("Reckon I'll stay, mate.")
    voices.add_evidence(turns, text, voices.tagged)
    last = turns[-1].evidence
    assert last["ben"] > 0 > last["anna"]
    assert abs(last["ben"]) <= voices.WEIGHT * voices.CLIP


def test_tagged_lines_keep_their_own_evidence():
    text, turns = _tagged_talk("Indeed, darling.")
    voices.add_evidence(turns, text, voices.tagged)
    assert [t.evidence for t in turns[:-1]] == [{"anna" if i % 2 == 0 else "ben": 8.0} for i in range(10)]
    assert turns[-1].evidence["anna"] > 0


def test_no_vote_for_someone_not_near_the_line():
    text, turns = _tagged_talk("Reckon I'll stay, mate.")
    turns[-1].context = ["anna"]
    for t in turns[-4:-1]:
        t.evidence = {"anna": 8.0}  # ben shows nowhere within three turns
    voices.add_evidence(turns, text, voices.tagged)
    assert "ben" not in turns[-1].evidence


def test_too_few_tagged_lines_teach_nothing():
    text, turns = _story([(ANNA[0], "anna"), (BEN[0], "ben"), ("Reckon so, mate.", None)])
    voices.add_evidence(turns, text, voices.tagged)
    assert turns[-1].evidence == {}


def test_a_line_the_conversation_decided_with_confidence_teaches_and_gets_no_vote():
    text, turns = _tagged_talk("Zounds, mate, zounds.")
    extra, more = _story([("Zounds, darling.", None)])
    last = turns[-1]
    last.speaker, last.posterior = "anna", 0.95
    for q in more[0].quotes:
        q.start, q.end = q.start + len(text), q.end + len(text)
    more[0].context = ["anna", "ben"]
    voted = voices.add_evidence([*turns, *more], text + extra, voices.tagged_or_decided)
    assert last.evidence == {} and id(last) not in voted
    assert more[0].evidence["anna"] > more[0].evidence["ben"]  # "zounds" is Anna's now


def test_the_speakers_step_hears_a_voice():
    import ficlens

    # Anna, Carl, then an untagged line: the talk would return to Anna (A C A), but it
    # sounds like Ben.
    lines = [x for pair in zip(ANNA, BEN) for x in pair]
    text = "Anna Lee, Ben Cole and Carl Hart sat by the fire.\n\n"
    text += "".join(f'"{x}" said {"Anna" if x in ANNA else "Ben"}.\n\n' for x in lines)
    text += '"Shall we?" said Anna.\n\n"Not yet," said Carl.\n\n"Cheers, mate. Reckon so, mate. Ta."'
    d = ficlens.analyze(text).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    assert names[d["quotes"][-1]["speaker"]] == "Ben Cole"
