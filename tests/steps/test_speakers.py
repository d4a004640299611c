from hypothesis import given, settings
from hypothesis import strategies as st

import ficlens
from ficlens.steps import tags_speech


def read_up_to_speakers(text, roster):
    """The document after the steps before `speakers`, with ``roster``, and the speakers' Reader on it."""
    from ficlens import pipeline
    from ficlens.ingest import document_from_text
    from ficlens.roster import coerce_roster
    from ficlens.steps.turn_reader import Reader

    doc = document_from_text(text)
    doc.roster = coerce_roster(roster)
    pipeline.run(doc, [s for s in pipeline.STEPS if s[0] in ("paragraphs", "structure", "quotes", "sentences", "characters")])
    return doc, Reader(doc)


def speakers(text, **kw):
    d = ficlens.analyze(text, **kw).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    return [(q["text"], names.get(q["speaker"]), q["type"]) for q in d["quotes"]]


def test_speakers_explicit_tags():
    text = 'Anna Lee and Ben Cole met.\n\n"Hi," said Anna.\n\nBen asked, "How are you?"\n\n"Fine," Anna replied.'
    got = speakers(text)
    assert [g[1] for g in got] == ["Anna Lee", "Ben Cole", "Anna Lee"]
    assert {g[2] for g in got} == {"explicit"}


def test_speakers_pronoun_tag_resolves_by_gender():
    text = 'Mrs. Hale sat with Mr. Bell.\n\n"It is late," she said.\n\n"Very late," he agreed.'
    assert [(g[1], g[2]) for g in speakers(text)] == [("Mrs. Hale", "anaphoric"), ("Mr. Bell", "anaphoric")]


def test_speakers_action_beat():
    text = 'Anna Lee and Ben Cole met.\n\nBen grinned. "You came."\n\nAnna rolled her eyes. "Obviously."'
    assert [(g[1], g[2]) for g in speakers(text)] == [("Ben Cole", "implicit"), ("Anna Lee", "implicit")]


def test_speakers_turn_taking_without_tags():
    text = '"Ready?" asked Anna.\n\n"Always," said Ben.\n\n"Then go."\n\n"Going."\n\n"Faster!"'
    assert [g[1] for g in speakers(text)] == ["Anna", "Ben", "Anna", "Ben", "Anna"]


def test_speakers_vocative_is_addressee_not_speaker():
    text = 'Anna and Ben sat down.\n\n"Hello," said Anna.\n\n"Hi," said Ben.\n\n"Ben, listen to me."'
    d = ficlens.analyze(text).to_dict()
    ids = {c["name"]: c["id"] for c in d["characters"]}
    last = d["quotes"][-1]
    assert last["speaker"] == ids["Anna"]
    assert last["addressees"] == [ids["Ben"]]


def test_speakers_paragraph_shares_speaker():
    text = 'Ben walked in.\n\n"Hello," said Ben. "Anyone home?"'
    assert [g[1] for g in speakers(text)] == ["Ben", "Ben"]


def test_speakers_confidence_high_for_tags_low_for_unknown_answerer():
    # Nobody but Anna is named, so whoever answers her is unknown: a low confidence says so.
    d = ficlens.analyze('"Hi," said Anna.\n\n"Hello."\n\n"Bye."').to_dict()
    confs = [q["confidence"] for q in d["quotes"]]
    assert all(0 <= c <= 1 for c in confs)
    assert confs[0] >= 0.8 and confs[1] < 0.6 and confs[0] - confs[1] > 0.3


def test_speakers_name_ending_in_ly_is_not_an_adverb():
    text = '"A present," said Dolly.'
    tag = tags_speech.tag_after(text, 12, len(text), tags_speech.Mentions([(18, 23)]))
    assert tag is not None and (tag.start, tag.end, tag.kind) == (18, 23, "name")


def test_speakers_uncommon_verbs_and_particles_tag_the_line():
    text = (
        'Mrs. Highcamp and Edna Pontellier and Mr. Fielding sat down.\n\n'
        '"Sing!" entreated Mrs. Highcamp.\n\n"Not tonight," put in Mr. Fielding.\n\n"Never," demurred Edna.'
    )
    assert [g[1] for g in speakers(text)] == ["Mrs. Highcamp", "Mr. Fielding", "Edna Pontellier"]


def test_speakers_pronoun_chain_keeps_the_subject_in_focus():
    filler = "The kitchen was cold, and the window rattled in its frame all through the grey afternoon. " * 5
    text = (
        "Mrs. Mary Hale lodged with Miss Anna Cole.\n\nMary walked into the kitchen. " + filler + "She picked up the coat of Miss Cole from the chair. "
        "She sighed and folded it twice.\n\n\"Where is everyone?\" she said."
    )
    assert speakers(text)[-1][:2] == ("Where is everyone?", "Mrs. Mary Hale")


def test_vocative_after_my_dear_is_addressee():
    text = 'Anna, Ben and Carl sat down.\n\n"Hello," said Anna.\n\n"Hi," said Ben.\n\n"I could not do it, my dear Carl."'
    d = ficlens.analyze(text).to_dict()
    ids = {c["name"]: c["id"] for c in d["characters"]}
    assert d["quotes"][-1]["addressees"] == [ids["Carl"]]


def test_bare_sir_names_no_one_even_when_a_roster_lists_sir():
    roster = [{"name": "Anna Lee", "gender": "F"}, {"name": "Ben Cole", "gender": "M"}, {"name": "Sir", "gender": "M"}]
    text = '"Good day," said Anna Lee.\n\n"Good day," said Ben Cole.\n\n"Will you walk, Sir?"\n\n"Gladly."'
    d = ficlens.analyze(text, characters=roster).to_dict()
    names = {c["id"]: c["name"] for c in d["characters"]}
    assert [names.get(q["speaker"]) for q in d["quotes"]] == ["Anna Lee", "Ben Cole", "Anna Lee", "Ben Cole"]
    assert [names.get(a) for a in d["quotes"][2]["addressees"]] == ["Ben Cole"]


def test_attribution_can_be_run_again_on_the_same_document():
    from ficlens.steps import speakers as step

    text = 'Anna, Ben and Carl sat down.\n\n"Hello," said Anna.\n\n"Hi."\n\n"Well?" said Carl.\n\n"Nothing."\n\n"Then go."'
    doc = ficlens.analyze(text).document
    first = [(q.speaker, q.rule, q.confidence) for q in doc.quotes]
    for q in doc.quotes:
        q.speaker, q.rule = doc.characters[0].id, "tag_name"
    step.attribute(doc)
    assert [(q.speaker, q.rule, q.confidence) for q in doc.quotes] == first


def test_a_character_talked_about_by_name_is_not_the_speaker():
    text = (
        "Carl Reed fed the horses. Carl whistled. Anna Lee and Ben Cole talked, and Ben laughed.\n\n"
        '"Is it late?" asked Anna.\n\n"Where is Carl?"\n\n"With the horses."\n\n"Carl works too hard."'
    )
    got = [g[1] for g in speakers(text)]
    assert got[0] == "Anna Lee"
    assert got[1] != "Carl Reed" and got[3] != "Carl Reed"


def test_the_one_a_tag_says_a_line_to_answers_it():
    text = (
        "Carl Reed yawned. Carl sat by the fire. Anna Lee and Ben Cole sat at the table. Ben poured the tea and Ben sat down.\n\n"
        '"Tea?" said Ben.\n\n"Is it late?" Anna said to Carl Reed.\n\n"Not yet."'
    )
    assert [g[1] for g in speakers(text)] == ["Ben Cole", "Anna Lee", "Carl Reed"]


def test_a_line_that_introduces_its_speaker():
    text = (
        "Meredith Grey and Derek Shepherd waited while Alex Karev read. Alex frowned and Meredith sighed.\n\n"
        '"Who are you?" Meredith asked.\n\n"Alex will tell you."\n\n"I\'m Derek Shepherd. I work here."'
    )
    got = [g[1] for g in speakers(text)]
    assert got[0] == "Meredith Grey" and got[2] == "Derek Shepherd"
    assert got[1] != "Alex Karev"


def test_the_one_a_line_thanks_by_name_spoke_the_line_before():
    text = (
        "Carl Reed yawned. Carl sat by the fire. Anna Lee and Ben Cole sat at the table. Ben poured the tea and Ben sat down.\n\n"
        '"Tea?" said Ben.\n\n"Is it late?" Anna said.\n\n"Not yet."\n\n"Thank you, Carl."'
    )
    assert [g[1] for g in speakers(text)][2] == "Carl Reed"


def test_put_in_before_the_quote_is_a_tag():
    roster = [{"name": "May Welland", "gender": "F"}, {"name": "Mrs. Archer", "gender": "F"}]
    text = 'May Welland and Mrs. Archer sat.\n\nMay\'s colour rose, and Mrs. Archer put in hastily: "Ah, you think?"'
    assert speakers(text, characters=roster) == [("Ah, you think?", "Mrs. Archer", "explicit")]


def test_passive_tags_after_the_quote():
    roster = [{"name": "Fanny Price", "gender": "F"}, {"name": "Captain Wentworth", "gender": "M"}, {"name": "Anne Elliot", "gender": "F"}]
    opening = 'Fanny Price, Anne Elliot and Captain Wentworth sat.\n\n"Will you come?" asked Anne.\n\n'
    answer = speakers(opening + '"Yes, ma\'am," was Fanny\'s humble answer.', characters=roster)[1]
    uttered = speakers(opening + '"You pierce my soul," was uttered by Captain Wentworth.', characters=roster)[1]
    assert answer[1:] == ("Fanny Price", "explicit")
    assert uttered[1:] == ("Captain Wentworth", "explicit")


def test_passive_tag_before_the_quote_names_its_agent():
    roster = [{"name": "Elizabeth Bennet", "aliases": ["Elizabeth"], "gender": "F"}, {"name": "Miss Bingley", "gender": "F"}]
    text = 'Elizabeth Bennet and Miss Bingley sat.\n\nElizabeth was thinking of her, when thus accosted by Miss Bingley, "I can guess your reverie."'
    assert speakers(text, characters=roster) == [("I can guess your reverie.", "Miss Bingley", "explicit")]


def test_the_one_heard_saying_it_is_the_speaker():
    roster = [{"name": "Newland Archer", "aliases": ["Archer"], "gender": "M"}, {"name": "Reggie Chivers", "gender": "M"}]
    text = 'Newland Archer and Reggie Chivers stood in the hall.\n\nArcher heard Reggie Chivers say in an undertone, "She is much the handsomer."'
    assert speakers(text, characters=roster) == [("She is much the handsomer.", "Reggie Chivers", "explicit")]


def test_a_line_with_a_pronoun_tag_is_anaphoric_whoever_the_conversation_gives_it_to():
    from ficlens.model import Quote
    from ficlens.steps import speakers as step
    from ficlens.steps.salience import Turn

    q = Quote(0, 5, id="q1")
    turn = Turn(0, [q], speaker="carl", evidence={"ben": 2.0, "carl": 1.0}, cue="tag_pronoun")
    turn.described.add(id(q))
    step._assign(turn, {"ben": "M", "carl": "M"})
    assert (q.speaker, q.rule, q.type) == ("carl", "conversation", "anaphoric")


def test_a_coordinated_clause_keeps_its_subject():
    roster = [{"name": "Elizabeth Bennet", "aliases": ["Elizabeth"], "gender": "F"}, {"name": "Kitty Bennet", "aliases": ["Kitty"], "gender": "F"}]
    text = 'Elizabeth Bennet and Kitty Bennet sat.\n\nElizabeth went to Kitty; and, while pretending to admire her work, said in a whisper, "Hush."'
    assert speakers(text, characters=roster) == [("Hush.", "Elizabeth Bennet", "explicit")]


def test_was_his_reply_is_a_pronoun_tag():
    roster = [{"name": "Mr. Knightley", "gender": "M"}, {"name": "Emma Woodhouse", "aliases": ["Emma"], "gender": "F"}]
    text = 'Emma Woodhouse and Mr. Knightley sat.\n\n"I shall be happy," said Emma.\n\n"I doubt it," was his reply, but not in anger.'
    assert speakers(text, characters=roster)[1] == ("I doubt it,", "Mr. Knightley", "anaphoric")


def test_a_title_the_roster_gives_one_character_resolves_an_epithet_tag():
    roster = [{"name": "Greg Lestrade", "aliases": ["DI Lestrade", "Lestrade"], "gender": "M"},
              {"name": "John Watson", "aliases": ["John"], "gender": "M"},
              {"name": "Sherlock Holmes", "aliases": ["Sherlock"], "gender": "M"}]
    text = (
        "Greg Lestrade came in and sat down. John Watson made tea. Sherlock Holmes lay on the sofa and Sherlock sulked.\n\n"
        '"He has been like this all week," said John.\n\n'
        '"I can see that," the DI said.'
    )
    assert speakers(text, characters=roster)[1] == ("I can see that,", "Greg Lestrade", "anaphoric")


def test_every_piece_of_a_tagged_speech_is_explicit():
    text = 'Anna Lee and Ben Cole sat.\n\n"Where is he?" said Ben. "Has he been here or not?"\n\n"Not yet," she said, "but soon."'
    got = speakers(text)
    assert [g[2] for g in got] == ["explicit", "explicit", "anaphoric", "anaphoric"]


def test_a_description_in_lower_case_is_not_read_as_a_title():
    roster = [{"name": "Greg Lestrade", "aliases": ["Detective Inspector Lestrade", "Lestrade"], "gender": "M"},
              {"name": "Sherlock Holmes", "aliases": ["Sherlock"], "gender": "M"}]
    text = (
        "Greg Lestrade stood by the door. Sherlock Holmes lay on the sofa, and Sherlock stared at the ceiling.\n\n"
        '"It was the cups," the detective said to the ceiling.'
    )
    assert speakers(text, characters=roster)[0][1] == "Sherlock Holmes"


def _epithet_turns(evidence_rows):
    from ficlens.model import Quote
    from ficlens.steps.salience import Turn

    # Turns ten paragraphs apart: each its own conversation, so only the description links them.
    return [
        Turn(10 * i, [Quote(100 * i, 100 * i + 5, id=f"q{i}")], evidence=dict(ev), epithet="old gentleman", bridge=999)
        for i, ev in enumerate(evidence_rows)
    ]


def test_a_description_used_again_and_again_leans_to_the_one_it_mostly_meant():
    from ficlens.steps import conversation

    gender = {"brownlow": "M", "oliver": "M"}
    turns = _epithet_turns([{"brownlow": 1.0, "oliver": 0.5}] * 3 + [{"brownlow": 0.5, "oliver": 1.0}])
    conversation.decide(turns, gender)
    assert [t.speaker for t in turns] == ["brownlow"] * 3 + ["oliver"]
    conversation.same_description_same_person(turns, gender, None)
    assert [t.speaker for t in turns] == ["brownlow"] * 4


def test_a_description_used_for_several_people_is_left_alone():
    from ficlens.steps import conversation

    gender = {"brownlow": "M", "oliver": "M", "grimwig": "M", "fagin": "M"}
    rows = [{"brownlow": 1.0}, {"oliver": 1.0}, {"grimwig": 1.0}, {"fagin": 1.0}]
    turns = _epithet_turns(rows)
    conversation.decide(turns, gender)
    conversation.same_description_same_person(turns, gender, None)
    assert [t.speaker for t in turns] == ["brownlow", "oliver", "grimwig", "fagin"]


def test_the_one_a_pronoun_tag_speaks_to_is_not_its_speaker():
    roster = [{"name": "Sam Reed", "aliases": ["Sam"], "gender": "M"}, {"name": "Carl Hoyt", "aliases": ["Carl"], "gender": "M"}]
    text = 'Sam Reed waited. Carl Hoyt came in and sat down.\n\n"Where were you?" he asked Carl, not looking up.'
    assert speakers(text, characters=roster) == [("Where were you?", "Sam Reed", "anaphoric")]


def test_a_paragraph_that_opens_with_its_speaker_s_action_is_theirs():
    roster = [{"name": "Aziz", "gender": "M"}, {"name": "Fielding", "gender": "M"}]
    text = (
        'Aziz and Fielding sat.\n\n"It is late," said Fielding.\n\n"Yes."\n\n'
        'Aziz could be silent no longer. "We are all friends here, surely."'
    )
    assert speakers(text, characters=roster)[-1] == ("We are all friends here, surely.", "Aziz", "implicit")


_ELTON = [
    {"name": "Mrs. Elton", "gender": "F"},
    {"name": "Emma Woodhouse", "aliases": ["Emma"], "gender": "F"},
    {"name": "Mr. Weston", "gender": "M"},
]


def test_an_adverb_before_an_inverted_verb_keeps_the_tag():
    text = 'Emma and Mrs. Elton sat. Mr. Weston stood.\n\n"It is late," said Emma.\n\n"Oh no," eagerly rejoined Mrs. Elton.'
    assert speakers(text, characters=_ELTON)[-1] == ("Oh no,", "Mrs. Elton", "explicit")


def test_a_possessive_observation_is_a_tag():
    text = 'Emma and Mrs. Elton sat. Mr. Weston stood.\n\n"It is late," said Emma.\n\n"Not at all," was Mr. Weston\'s quick amendment.'
    assert speakers(text, characters=_ELTON)[-1] == ("Not at all,", "Mr. Weston", "explicit")


def test_a_possessive_consolation_or_injunction_is_a_tag():
    consolation = '"It is late," said Emma.\n\n"We shall do better another evening," was Mr. Weston\'s consolation.'
    injunction = '"It is late," said Emma.\n\n"Think of me to-morrow," was Mrs. Elton\'s parting injunction.'
    assert speakers('Emma and Mrs. Elton sat. Mr. Weston stood.\n\n' + consolation, characters=_ELTON)[-1] == (
        "We shall do better another evening,", "Mr. Weston", "explicit"
    )
    assert speakers('Emma and Mr. Weston sat. Mrs. Elton stood.\n\n' + injunction, characters=_ELTON)[-1] == (
        "Think of me to-morrow,", "Mrs. Elton", "explicit"
    )


def test_a_pronoun_tag_of_the_other_gender_between_two_lines_tags_the_second():
    roster = [{"name": "Margaret", "gender": "F"}, {"name": "Leonard", "gender": "M"}]
    text = (
        "Margaret and Leonard stood by the door.\n\n"
        'So when the concert was over and Margaret said, "Could you walk round with me?" he said, "Thank you," '
        "peaceably, and followed her out."
    )
    assert speakers(text, characters=roster) == [
        ("Could you walk round with me?", "Margaret", "explicit"),
        ("Thank you,", "Leonard", "anaphoric"),
    ]


def test_the_voice_of_someone_is_theirs():
    text = 'Emma and Mrs. Elton sat. Mr. Weston stood.\n\n"It is late," said Emma.\n\n"Stop!" exclaimed the voice of old Mr. Weston.'
    assert speakers(text, characters=_ELTON)[-1] == ("Stop!", "Mr. Weston", "explicit")


def test_a_speaker_goes_on_after_a_paragraph_of_narration():
    text = (
        "Anna Lee stood at the door. Ben Cole watched the fire, and Ben yawned.\n\n"
        '"We should go before dark," said Anna.\n\n'
        "The clock in the hall struck nine, slow and loud.\n\n"
        '"The roads are bad at night."'
    )
    assert [g[1] for g in speakers(text)] == ["Anna Lee", "Anna Lee"]


def test_a_descriptive_roster_name_yields_to_the_named_holder_of_the_role():
    roster = [
        {"id": "doc", "name": "The Doctor", "gender": "M"},
        {"id": "los", "name": "Mr. Losberne", "aliases": ["Doctor Losberne"], "gender": "M"},
        {"id": "rose", "name": "Rose Maylie", "gender": "F"},
    ]
    text = (
        '"Is he alive?" cried Rose Maylie.\n\n"Barely," said the doctor.\n\n'
        "Years later Rose sent for Doctor Losberne, who came at once.\n\n"
        '"He will live," said the doctor.'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Rose Maylie", "The Doctor", "Mr. Losberne"]


def test_a_tag_naming_someone_of_a_character_is_not_that_character():
    roster = [
        {"id": "daisy", "name": "Daisy Miller", "gender": "F"},
        {"id": "mrs", "name": "Mrs. Miller", "gender": "F"},
        {"id": "w", "name": "Winterbourne", "gender": "M"},
    ]
    text = (
        "Winterbourne bowed to Daisy Miller and Mrs. Miller.\n\n"
        '"Are you going alone?" asked Winterbourne.\n\n'
        '"Oh, no; with this gentleman!" answered Daisy\'s mamma.'
    )
    assert [g[1] for g in speakers(text, characters=roster)][1] == "Mrs. Miller"
    text = text.replace("Daisy's mamma", "Daisy's young man")
    assert [g[1] for g in speakers(text, characters=roster)][1] != "Daisy Miller"


def test_a_name_inside_a_relative_clause_is_not_the_tag_subject():
    text = (
        "Emma Woodhouse sat with Mr. Woodhouse and Mrs. Bates.\n\n"
        '"The pork was excellent," said Emma.\n\n'
        "Before she could go on, Mr. Woodhouse, whose thoughts were all the Bates's, said:\n\n"
        '"Small, and boiled, my dear."'
    )
    roster = [{"name": "Emma Woodhouse"}, {"name": "Mr. Woodhouse"}, {"name": "Mrs. Bates", "aliases": ["Bates"]}]
    assert [g[1] for g in speakers(text, characters=roster)][1] == "Mr. Woodhouse"


def test_poor_before_a_name_pities_someone_absent():
    roster = [{"name": "Emma Woodhouse", "gender": "F"}, {"name": "Mr. Woodhouse", "gender": "M"}, {"name": "Miss Taylor", "gender": "F"}]
    doc, reader = read_up_to_speakers('Emma Woodhouse sat with Mr. Woodhouse.\n\n"Poor Miss Taylor! I wish she were here."', roster)
    assert reader.vocatives(doc.quotes[0]) == []


def test_a_title_before_a_name_is_no_full_stop_that_opens_an_address():
    roster = [{"name": "Emma Woodhouse", "gender": "F"}, {"name": "George Knightley", "aliases": ["Knightley"], "gender": "M"}]
    text = 'Emma Woodhouse sat with Knightley.\n\n"I saw Mr. Knightley, and he was well. Now, Mr. Knightley, listen."'
    doc, reader = read_up_to_speakers(text, roster)
    assert [text[m.start : m.end] for m in doc.mentions if m.start > doc.quotes[0].start] == ["Knightley", "Knightley"]
    assert reader.vocatives(doc.quotes[0]) == ["george-knightley"]  # the second only


def test_a_name_just_inside_an_opening_single_quote_is_found():
    text = "Harry and Ron stood in the hall. Harry looked at Ron.\n\n'Harry, wait!' said Ron.\n\n'Ron, I can't,' said Harry.\n\n'Mr. Weasley would know.'"
    for kw in ({}, {"characters": [{"name": "Harry Potter", "aliases": ["Harry"]}, {"name": "Ron Weasley", "aliases": ["Ron"]}]}):
        d = ficlens.analyze(text, **kw).to_dict()
        found = [text[m["start"] : m["end"]] for m in d["mentions"] if m["kind"] == "name"]
        assert found[4:7] == ["Harry", "Ron", "Ron"]  # each line's vocative, then its tag
        assert d["quotes"][0]["addressees"] == [d["quotes"][1]["speaker"]]
    assert "Mr. Weasley" in found  # the title stays part of the name
    # An apostrophe inside a word still glues: "O'Neil" is not Neil.
    d = ficlens.analyze("O'Neil came in. Neil waved.", characters=[{"name": "Neil Smith", "aliases": ["Neil"]}]).to_dict()
    assert [m["start"] for m in d["mentions"] if m["kind"] == "name"] == [16]


def test_a_line_that_calls_its_listener_papa_is_said_to_the_father_in_focus():
    roster = [{"name": "Emma Woodhouse", "gender": "F"}, {"name": "Mr. Woodhouse", "gender": "M"}, {"name": "Mr. Knightley", "gender": "M"}]
    text = (
        "Emma Woodhouse sat with Mr. Knightley and Mr. Woodhouse. Mr. Woodhouse yawned.\n\n"
        '"You look tired, papa."\n\n'
        '"I am a little tired, my dear."'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Emma Woodhouse", "Mr. Woodhouse"]


def test_papa_is_a_titled_man_whose_surname_a_child_bears_not_one_who_shares_it_with_his_wife():
    roster = [
        {"name": "Emma Woodhouse", "gender": "F"},
        {"name": "Mr. Woodhouse", "gender": "M"},
        {"name": "Mr. Elton", "gender": "M"},
        {"name": "Mrs. Elton", "gender": "F"},
    ]
    text = (
        "Emma Woodhouse sat by the fire. Mr. Woodhouse dozed. Mrs. Elton came in. Mr. Elton talked.\n\n"
        '"But, my dear papa, you are no friend to matrimony," said Emma.\n\n'
        '"No, my dear, I never encouraged any body to marry."'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Emma Woodhouse", "Mr. Woodhouse"]
    from ficlens.model import Character
    from ficlens.steps.kinship import Families

    people = [Character(str(i), r["name"], gender=r["gender"]) for i, r in enumerate(roster)]
    assert Families(people).parents("M") == {"1"}
    assert Families(people[2:]).parents("M") == {"2"}  # with no child in the story, any titled man


def test_a_roster_name_with_an_indefinite_article_is_found_where_the_story_brings_them_in():
    roster = [{"name": "Margaret"}, {"name": "A Girl Opposite", "gender": "F"}, {"name": "A Man", "gender": "M"}]
    text = (
        'Margaret looked round the table. "The vote, then," said Margaret.\n\n'
        '"The arguments against it are strong," said a girl opposite, leaning forward.\n\n'
        "A man came in. A man went out."
    )
    got = speakers(text, characters=roster)
    assert [g[1] for g in got] == ["Margaret", "A Girl Opposite"]
    d = ficlens.analyze(text, characters=roster).to_dict()
    assert not [m for m in d["mentions"] if m["character"] == "a-man" or text[m["start"] : m["end"]] == "A man"]


def test_a_line_that_opens_by_calling_its_listener_mamma():
    roster = [{"name": "Lydia Bennet", "gender": "F"}, {"name": "Mrs. Bennet", "gender": "F"}, {"name": "Mrs. Long", "gender": "F"}]
    text = (
        "Mrs. Long sat with Lydia Bennet and Mrs. Bennet. Mrs. Bennet sighed.\n\n"
        '"Mamma, may I go to the ball?"\n\n'
        '"We shall see, my love."'
    )
    assert [g[1] for g in speakers(text, characters=roster)][1] == "Mrs. Bennet"


def test_a_name_before_the_line_says_who_the_pronoun_after_it_is():
    roster = [{"name": "Katharine Hilbery", "gender": "F"}, {"name": "Cassandra Otway", "gender": "F"}, {"name": "William Rodney", "gender": "M"}]
    text = (
        "Katharine Hilbery stood by the river, pale and still, and Katharine looked at the water.\n\n"
        'William Rodney and Cassandra Otway turned, and Cassandra exclaimed, as Katharine looked up, "She looks as if she '
        'were offering up a sacrifice! Very beautiful," she added quickly.'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Cassandra Otway"]


def test_a_name_before_the_line_outweighs_a_listeners_beat_after_it():
    roster = [{"name": "Adela Quested", "aliases": ["Adela"], "gender": "F"}, {"name": "Hamidullah", "gender": "M"}]
    text = 'Adela Quested waited with Hamidullah.\n\nWhen he had gone, Hamidullah said to her bitingly: "Really, really." She made no reply.'
    assert [g[1] for g in speakers(text, characters=roster)] == ["Hamidullah"]


def test_whose_answer_it_was_before_the_line_and_with_a_lost_apostrophe():
    roster = [{"name": "Mary Musgrove", "aliases": ["Mary"], "gender": "F"}, {"name": "Elizabeth Elliot", "aliases": ["Elizabeth"], "gender": "F"}, {"name": "Anne Elliot", "aliases": ["Anne"], "gender": "F"}]
    text = (
        "Mary Musgrove wrote to Anne Elliot and Elizabeth Elliot.\n\n"
        '"I cannot possibly do without Anne," was Mary\'s reasoning; and Elizabeth\'s reply was, "Then Anne had better stay."\n\n'
        "Anne said nothing to either.\n\n"
        '"My brother does know it," was Mary s answer.'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Mary Musgrove", "Elizabeth Elliot", "Mary Musgrove"]


def test_a_name_inside_a_where_clause_is_not_the_tag_subject():
    roster = [{"name": "Diana Barry", "aliases": ["Diana"], "gender": "F"}, {"name": "Anne Shirley", "aliases": ["Anne"], "gender": "F"}]
    text = (
        "Diana Barry and Anne Shirley stayed up late.\n\n"
        'Diana, going to the east gable, where Anne was standing at her window, said gently:\n\n'
        '"Anne dear, would you like to have me sleep with you tonight?"'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Diana Barry"]


def test_the_one_heard_after_the_line_is_its_speaker():
    roster = [{"name": "Ralph Denham", "aliases": ["Ralph"], "gender": "M"}, {"name": "Katharine Hilbery", "aliases": ["Katharine"], "gender": "F"}, {"name": "William Rodney", "gender": "M"}]
    text = 'Ralph Denham sat apart from William Rodney and Katharine Hilbery.\n\n"I like rubies," he heard Katharine say.'
    assert [g[1] for g in speakers(text, characters=roster)] == ["Katharine Hilbery"]


def test_a_name_after_an_opening_phrase_is_the_subject_a_pronoun_tag_goes_to():
    roster = [{"name": "Katharine Hilbery", "aliases": ["Katharine"], "gender": "F"}, {"name": "Cassandra Otway", "aliases": ["Cassandra"], "gender": "F"}]
    text = (
        "Katharine Hilbery listened. She was neither shocked nor surprised.\n\n"
        "From being a woman charged with an important mission, Cassandra shrunk to the stature of a child.\n\n"
        '"Do you think I have been very foolish about it?" she asked.'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Cassandra Otway"]


def test_she_in_the_middle_of_a_sentence_keeps_its_referent_in_focus():
    roster = [{"name": "Mary Datchet", "aliases": ["Mary"], "gender": "F"}, {"name": "Katharine Hilbery", "aliases": ["Katharine"], "gender": "F"}]
    text = (
        "Mary sat down by the fire. For a long time the coals glowed and faded, and the clock on the shelf "
        "ticked through the quiet of the evening, and the rain ran down the long windows of the office, "
        "and she thought of the committee and the long evenings of work that lay ahead of them all, "
        "and she was content. A letter from Katharine lay on the table.\n\n"
        '"I shall answer it tomorrow," she said.'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Mary Datchet"]


def test_narration_ending_a_sentence_never_holds_a_strong_tag_before():
    # speakers skips tag_before over the previous paragraph when ends_sentence says this.
    names = tags_speech.Mentions([(0, 4)])
    for narration in ("Mark said.", "Mark said to her!  ", "Mark asked?\n", "Then Mark said it.", "Mark said,", "Mark said:"):
        tag = tags_speech.tag_before(narration, 0, len(narration), names)
        if tags_speech.ends_sentence(narration, 0, len(narration)):
            assert tag is None or not tag.strong
        else:
            assert tag is not None and tag.strong


def test_ends_sentence():
    assert tags_speech.ends_sentence("He left.  \n", 0, 11)
    assert tags_speech.ends_sentence("Why? ", 0, 5)
    assert not tags_speech.ends_sentence("Mark said, ", 0, 11)
    assert not tags_speech.ends_sentence("   ", 0, 3)
    assert not tags_speech.ends_sentence("He left. Then", 0, 8 + 5)
    assert tags_speech.ends_sentence("He left. Then", 0, 8)


def test_a_tag_closing_the_paragraph_before_leads_into_a_bare_quote():
    text = 'Anna and Ben sat down.\n\nThen Ben said,\n\n"It is late."\n\nAnna nodded.\n\n"Very late."'
    assert [g[1] for g in speakers(text)][0] == "Ben"


def test_a_long_narration_paragraph_ends_the_conversation():
    # Turns alternate across a short paragraph of narration; past _MAX_BRIDGE characters of it,
    # the next line starts a new conversation and goes to the one in focus.
    start = '"Ready?" asked Anna.\n\n"Always," said Ben.\n\n'
    short = "The rain went on."
    long = (
        "The rain went on outside, steady and grey, over the roofs and the empty square, and the lamps"
        " along the river came on one by one while the clocks of the town struck the hour."
    )
    assert [g[1] for g in speakers(start + short + '\n\n"Go."')] == ["Anna", "Ben", "Anna"]
    assert [g[1] for g in speakers(start + long + '\n\n"Go."')] == ["Anna", "Ben", "Ben"]


def test_no_tag_after_a_quote_that_closes_its_paragraph():
    text = '"A present," said Dolly.'
    names = tags_speech.Mentions([(18, 23)])
    assert tags_speech.tag_after(text, len(text), len(text), names) is None
    assert tags_speech.tag_after(text, 12, len(text), names) is not None


def test_a_named_tag_gets_its_rule_accuracy_as_confidence():
    from ficlens.steps import confidence

    d = ficlens.analyze('"Hi," said Anna.\n\n"Hello," said Ben.\n\n"Bye."').to_dict()
    assert [q["confidence"] for q in d["quotes"][:2]] == [confidence.for_rule("tag_name")] * 2


def test_burst_out_after_a_line_is_a_tag():
    tag = tags_speech.tag_after(' he burst out. "Who', 0, 14, tags_speech.Mentions([]))
    assert tag is not None and tag.kind == "pronoun" and tag.gender == "M" and tag.strong


def test_she_earlier_in_the_paragraph_decides_the_pronoun_tag():
    roster = [{"name": "Katharine Hilbery", "aliases": ["Katharine"], "gender": "F"}, {"name": "Cassandra Otway", "aliases": ["Cassandra"], "gender": "F"}, {"name": "William Rodney", "aliases": ["Rodney"], "gender": "M"}]
    text = (
        "Katharine Hilbery came in with William Rodney, and they talked of the weather for a long time, "
        "of the rain and the fog and the trains that never came, until the clock struck nine, and then "
        "they talked of the theatre, of the new play and the old actors, and of the long drive home.\n\n"
        "When Rodney turned to Cassandra, nobody spoke. She shrank back a little, "
        'and looked first at Katharine and then at Rodney. "You must know the truth," she said.'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Cassandra Otway"]


def test_a_speech_verb_in_its_base_form_tags_the_line():
    roster = [{"name": "Mrs. Cosham", "gender": "F"}, {"name": "Katharine Hilbery", "aliases": ["Katharine"], "gender": "F"}, {"name": "Ralph Denham", "gender": "M"}]
    text = (
        "Ralph Denham stood by the shelves with Katharine Hilbery.\n\n"
        "He paused so long over the book that Mrs. Cosham had time to look over his shoulder and ask her niece:\n\n"
        '"And have you settled upon a house yet, Katharine?"'
    )
    assert speakers(text, characters=roster) == [("And have you settled upon a house yet, Katharine?", "Mrs. Cosham", "explicit")]


def test_a_titled_surname_said_to_someone_is_the_bearer_in_the_scene():
    others = ["Freddy", "Cecil", "Miss Bartlett", "Mr. Beebe"]
    roster = [{"name": "Mr. Emerson", "gender": "M"}, {"name": "George Emerson", "aliases": ["George"], "gender": "M"}, {"name": "Lucy Honeychurch", "aliases": ["Lucy"], "gender": "F"}]
    roster += [{"name": n} for n in others]
    filler = "".join(f"{n} walked down to the village in the rain. " for n in others) * 3
    text = (
        "Mr. Emerson went back to London on the early train.\n\n" + filler + "\n\n"
        "Lucy Honeychurch met George Emerson by the gate. George waited, and Lucy looked at him.\n\n"
        '"Mr. Emerson, you must go away," said Lucy.\n\n'
        '"I will not go."'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Lucy Honeychurch", "George Emerson"]


def test_her_father_is_looked_for_under_her_own_surname_first():
    from ficlens.model import Character
    from ficlens.steps.kinship import Families

    evie = Character("evie", "Evie Wilcox", aliases=["Mrs. Cahill"], gender="F")
    fathers = [Character("wilcox", "Mr. Wilcox", gender="M"), Character("cahill", "Mr. Cahill", gender="M")]
    for order in (fathers, fathers[::-1]):
        assert Families([evie, *order]).relatives("evie", "father")[0] == "wilcox"


def test_her_mother_is_not_the_her_when_the_family_is_unknown():
    # Elizabeth's roster entry has no surname, so "her mother" finds no Mrs. of her family; it
    # still is not Elizabeth herself, whom "her" means.
    roster = [{"name": "Elizabeth", "aliases": ["Lizzy"], "gender": "F"}, {"name": "Mrs. Bennet", "gender": "F"}, {"name": "Mr. Darcy", "gender": "M"}]
    text = (
        "Mrs. Bennet and Mr. Darcy had gone into the garden long before.\n\n"
        "Elizabeth sat at her work by the window. She had said nothing all morning.\n\n"
        '"Well," cried her mother, coming in, "are you ready, child?"'
    )
    assert speakers(text, characters=roster)[-1][1] == "Mrs. Bennet"


def test_a_line_is_said_to_the_one_the_speaker_turns_to():
    text = (
        "Anna Lee, Ben Cole and Carl Hart sat at the table.\n\n"
        '"Pass the salt," said Anna, turning to Carl.\n\n'
        '"Get it yourself," said Ben.'
    )
    roster = [{"name": n, "gender": g} for n, g in (("Anna Lee", "F"), ("Ben Cole", "M"), ("Carl Hart", "M"))]
    d = ficlens.analyze(text, characters=roster).to_dict()
    ids = {c["name"]: c["id"] for c in d["characters"]}
    assert d["quotes"][0]["addressees"] == [ids["Carl Hart"]]  # not Ben, who answers


def test_an_untagged_line_in_a_talk_of_three_is_said_to_the_speakers_either_side():
    text = (
        "Anna Lee, Ben Cole and Carl Hart sat at the table.\n\n"
        '"Ready?" asked Anna.\n\n'
        '"Nearly," Ben answered.\n\n'
        '"Then hurry," said Carl.'
    )
    d = ficlens.analyze(text).to_dict()
    ids = {c["name"]: c["id"] for c in d["characters"]}
    middle = d["quotes"][1]
    assert middle["speaker"] == ids["Ben Cole"]
    assert set(middle["addressees"]) == {ids["Anna Lee"], ids["Carl Hart"]}


def test_a_reply_told_not_quoted_does_not_tag_the_lines_around_it():
    roster = [{"name": "Mr. Bennet", "gender": "M"}, {"name": "Elizabeth", "gender": "F"}]
    text = (
        "Mr. Bennet sat in the library. Elizabeth came in.\n\n"
        '"Come here, child," cried Mr. Bennet. "Is it true?" Elizabeth replied that it was. '
        '"Very well--and you have refused him?"'
    )
    assert [s for _, s, _ in speakers(text, characters=roster)] == ["Mr. Bennet"] * 3
    # Inside the reported clause a quoted phrase is still the speaker's own words.
    told = 'Mr. Bennet sat. Elizabeth came in.\n\nShe asked whether she could have "a sort of interview," and sat.'
    assert speakers(told, characters=roster)[0][1] == "Elizabeth"


def test_an_epithet_is_one_noun_phrase_not_a_run_of_words_across_a_preposition():
    narration = "Emma returned all her attention to her father, saying in secret--"
    tag = tags_speech.tag_before(narration, 0, len(narration), tags_speech.Mentions([(0, 4)]))
    assert (tag.start, tag.end, tag.kind) == (0, 4, "name")  # not "her attention to her father"
    narration = "Then her old father said, "
    tag = tags_speech.tag_before(narration, 0, len(narration), tags_speech.Mentions([]))
    assert narration[tag.start : tag.end] == "her old father"


def test_a_speech_verb_in_ing_closing_the_narration_is_the_tag():
    narration = "Fanny was returned to her seat, and Julia, who was in high good-humour, did her the justice of exclaiming, "
    tag = tags_speech.tag_before(narration, 0, len(narration), tags_speech.Mentions([(0, 5), (36, 41)]))
    assert (tag.start, tag.verb, tag.strong) == (36, "exclaiming", True)


def test_a_relative_clause_with_a_titled_name_still_stands_between_subject_and_verb():
    narration = "Miss Crawford, who had been repeatedly eyeing Dr. Grant and Edmund, now observed, "
    tag = tags_speech.tag_before(narration, 0, len(narration), tags_speech.Mentions([(0, 13), (47, 56), (61, 67)]))
    assert (tag.start, tag.kind, tag.verb) == (0, "name", "observed")


def test_a_name_after_an_irregular_verb_is_its_object_not_the_speaker():
    narration = "She met Mr. Weston on his entrance, with a smiling countenance, exclaiming, "
    tag = tags_speech.tag_before(narration, 0, len(narration), tags_speech.Mentions([(8, 18)]))
    assert (narration[tag.start : tag.end], tag.kind) == ("She", "pronoun")


def test_a_hyphenated_adjective_before_a_name_in_an_inverted_tag():
    for tail in (" sighed pleasure-loving Miss Derek. Regrets followed.", " said the pleasure-loving Miss Derek."):
        at = tail.index("Miss")
        tag = tags_speech.tag_after(tail, 0, len(tail), tags_speech.Mentions([(at, at + 10)]))
        assert (tag.start, tag.kind, tag.addressee) == (at, "name", None)


def test_said_he_in_a_first_person_story_is_not_the_narrator_once_named():
    text = (
        "I walked to the forge in the rain. I was cold, and I was hungry, and I did not know what I would say "
        "to anyone when I got there, because I had been out on the marshes all day by myself. " * 6
        + "\n\nJoe Gargery was at the anvil. Tom Hubble sat by the fire and watched me come in.\n\n"
        '"Where have you been?" I asked.\n\n"Out, Pip," said Joe.\n\n"Out where?" I asked.\n\n'
        '"Never you mind, Pip," said Joe.\n\nPip was what they called me. Pip looked at the fire and Pip was cold.\n\n'
        '"Blacksmith, eh?" said he, and Tom Hubble laughed at the anvil.'
    )
    roster = [{"name": "Joe Gargery", "aliases": ["Joe"], "gender": "M"}, {"name": "Pip", "gender": "M"}, {"name": "Tom Hubble", "gender": "M"}]
    got = [g[1] for g in speakers(text, characters=roster)]
    assert got[:4] == ["Pip", "Joe Gargery", "Pip", "Joe Gargery"]  # the narrator is Pip, whom Joe answers
    assert got[4] != "Pip"


def test_my_gran_in_a_first_person_story_is_the_character_called_gran():
    text = (
        "I had not been home in a year, and I did not know what I would find when I got there. " * 12
        + '\n\nInes and I stood in the kitchen. Gran was at the stove.\n\n"Sit down, both of you," said my gran.\n\n'
        '"Thank you," said Ines.\n\nMy nan set the dish down between us. "Eat."'
    )
    roster = [{"name": "Dorothy Pryce", "aliases": ["Gran"], "gender": "F"}, {"name": "Ines", "gender": "F"}, {"name": "Nell", "gender": "F"}]
    assert [g[1] for g in speakers(text, characters=roster)] == ["Dorothy Pryce", "Ines", "Dorothy Pryce"]


def test_emphasis_marks_around_a_name_hide_neither_the_name_nor_its_tag():
    text = (
        "Tobias and Mara sat by the fire. Elena came in late.\n\n"
        '"_Tobias_, stop," said *Mara*.\n\n"I *hate* you, **Mara**," _Tobias_ said.\n\n"Hey," **Elena** replied.'
    )
    roster = [{"name": n, "gender": g} for n, g in (("Tobias", "M"), ("Mara", "F"), ("Elena", "F"))]
    for kw in ({}, {"characters": roster}):
        d = ficlens.analyze(text, **kw).to_dict()
        found = [text[m["start"] : m["end"]] for m in d["mentions"] if m["kind"] == "name"]
        assert found[3:] == ["Tobias", "Mara", "Mara", "Tobias", "Elena"]
        assert [(q["speaker"], q["type"], q["addressees"]) for q in d["quotes"]] == [
            ("mara", "explicit", ["tobias"]),
            ("tobias", "explicit", ["mara"]),
            ("elena", "explicit", ["tobias"]),
        ]


def test_an_honorific_after_a_name_is_part_of_it():
    text = (
        "Tobias and Mara sat in the kitchen. Tobias looked at Mara.\n\n"
        '"Tobias-kun, wait!" Mara said.\n\n"Mara-chan said no," Tobias-kun said.\n\n"Wait, Tobias-san!" said Mara-chan.'
    )
    roster = [{"name": "Tobias Reed", "aliases": ["Tobias"], "gender": "M"}, {"name": "Mara Quill", "aliases": ["Mara"], "gender": "F"}]
    for kw, ids in (({}, ("tobias", "mara")), ({"characters": roster}, ("tobias-reed", "mara-quill"))):
        d = ficlens.analyze(text, **kw).to_dict()
        assert len(d["characters"]) == 2
        found = [text[m["start"] : m["end"]] for m in d["mentions"] if m["kind"] == "name"]
        assert found[4:] == ["Tobias-kun", "Mara", "Mara-chan", "Tobias-kun", "Tobias-san", "Mara-chan"]
        tobias, mara = ids
        assert [(q["speaker"], q["type"], q["addressees"]) for q in d["quotes"]] == [
            (mara, "explicit", [tobias]),
            (tobias, "explicit", [mara]),
            (mara, "explicit", [tobias]),
        ]


def test_a_zero_width_space_beside_a_name_is_a_space():
    text = 'Tobias and Mara sat by the fire.\n\n"Where were you?" asked \u200bMara.\n\n"Out," Tobias\u200b said.'
    d = ficlens.analyze(text).to_dict()
    assert [(q["speaker"], q["type"]) for q in d["quotes"]] == [("mara", "explicit"), ("tobias", "explicit")]


def test_a_line_cut_off_after_a_name_calls_them():
    roster = [{"name": "Tobias Reed", "aliases": ["Tobias"], "gender": "M"}, {"name": "Mara Quill", "aliases": ["Mara"], "gender": "F"}]
    text = 'Tobias and Mara sat by the fire.\n\n"Wait, Tobias--" Mara said.\n\n"Tobias\u2014" Mara said.\n\n"Sir Tobias--that is me."'
    doc, reader = read_up_to_speakers(text, roster)
    assert [reader.vocatives(q) for q in doc.quotes] == [["tobias-reed"], ["tobias-reed"], []]


def test_a_short_first_person_piece_has_a_narrator():
    text = 'I walked in. I sat down. I looked at him.\n\nTobias was in the kitchen.\n\n"Where were you?" I asked.\n\n"Out," said Tobias.\n\n"Out where?" I asked.\n\n"Nowhere."'
    assert [g[1] for g in speakers(text)] == ["Narrator", "Tobias", "Narrator", "Tobias"]


def test_overhearing_someone_say_makes_them_the_speaker():
    narration = "nor without her overhearing Mr. Weston whisper to his wife, "
    tag = tags_speech.tag_before(narration, 0, len(narration), tags_speech.Mentions([(29, 39)]))
    assert (tag.start, tag.kind) == (29, "name")


def test_a_roster_epithet_in_narration_keeps_its_holder_in_focus():
    roster = [
        {"name": "Aziraphale", "gender": "M", "epithets": ["angel"]},
        {"name": "Crowley", "gender": "M", "epithets": ["demon"]},
    ]
    text = (
        "Aziraphale was at the till. Crowley lay on the sofa with his feet on the cushion. Crowley did not move.\n\n"
        "The angel comes into the back room and stops in the doorway. Then he frowns.\n\n"
        '"Your feet," he says, "are on the cushion."\n\n'
        '"They\'re always on the cushion."'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Aziraphale", "Aziraphale", "Crowley"]


def test_speakers_role_word_two_bearers_goes_to_the_one_in_focus():
    roster = [
        {"name": "Duchess of Harley", "gender": "F"},
        {"name": "Duchess of Monmouth", "aliases": ["Gladys"], "gender": "F"},
        {"name": "Lord Henry", "aliases": ["Henry"], "gender": "M"},
    ]
    text = (
        "The Duchess of Harley had gone in to dinner long before.\n\n"
        "Lord Henry wandered out to the conservatory, where Gladys sat alone.\n\n"
        '"Our host is rather horrid this evening," answered the duchess, colouring.\n\n'
        '"He is always horrid," said Lord Henry.'
    )
    assert speakers(text, characters=roster)[0][1] == "Duchess of Monmouth"


def test_speakers_possessive_epithet_is_not_its_possessor():
    text = (
        "The stranger had sat in the parlour all morning with his hat on.\n\n"
        "Mrs. Hall had carried the tray up twice, and now she stood at the door.\n\n"
        '"Put it down in the bill," snapped her visitor.\n\n'
        "She went down the stairs without a word."
    )
    roster = [{"name": "Mrs. Hall", "gender": "F"}, {"name": "The Stranger", "aliases": ["the stranger"], "gender": "M"}]
    assert speakers(text, characters=roster)[0][1] != "Mrs. Hall"


def test_speakers_beat_subject_after_an_opening_adverb():
    text = (
        "Ann Reed and Bob Hale sat on the porch.\n\n"
        '"Bob, you should come to the lake with us," said Ann.\n\n'
        '"I would rather not."\n\n'
        'Then he stood up. "Perhaps next week, then."'
    )
    assert speakers(text)[-1][1] == "Bob Hale"


def test_speakers_roster_entry_known_only_by_a_description_is_not_a_name():
    # The roster lists "The Painter", but the story's painter is Basil: "said the painter" is
    # evidence for the entry, not a name tag that settles the line against the conversation.
    roster = [
        {"name": "Basil Hallward", "aliases": ["Basil"], "gender": "M"},
        {"name": "Dorian Gray", "aliases": ["Dorian"], "gender": "M"},
        {"name": "The Painter", "gender": "M"},
    ]
    text = (
        'Dorian stood before the canvas. "Is it finished, Basil?"\n\n'
        "Basil Hallward put down his brush and stepped back.\n\n"
        '"Quite finished," said the painter.\n\n'
        '"Then I shall look at it."'
    )
    got = speakers(text, characters=roster)
    assert got[1][1] == "Basil Hallward"
    assert got[1][2] == "anaphoric"


def test_a_name_announced_to_sir_is_not_called():
    # "Mr. Campbell, sir," says the servant to his master: Campbell is announced, not addressed.
    roster = [{"name": "Dorian Gray", "gender": "M"}, {"name": "Alan Campbell", "gender": "M"}, {"name": "Francis", "gender": "M"}]
    text = 'Dorian Gray waited in the library.\n\n"Mr. Campbell, sir," said Francis.\n\n"Alan, thank you for coming."'
    doc, reader = read_up_to_speakers(text, roster)
    assert reader.vocatives(doc.quotes[0]) == []
    assert reader.vocatives(doc.quotes[1]) == ["alan-campbell"]


_LINE_PIECES = ["Anna", "Ben", "Mr. Cole", ", ", "! ", ". ", "my dear ", "oh ", "sir", "and then ", "*", " ", "-", "words " * 20]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=30))
def test_vocatives_read_near_the_name_as_they_would_the_whole_line(pieces):
    # The rule reads 80 characters on each side of a name (a long line made it quadratic); what
    # it finds must be what reading the whole line finds.
    from ficlens.steps import turn_reader

    roster = [{"name": "Anna Lee", "aliases": ["Anna"], "gender": "F"}, {"name": "Ben", "gender": "M"}, {"name": "Mr. Cole", "gender": "M"}]
    doc, reader = read_up_to_speakers('Anna Lee, Ben and Mr. Cole sat down.\n\n"' + "".join(pieces) + '"', roster)
    near = [reader.vocatives(q) for q in doc.quotes]
    side = turn_reader._SIDE
    try:
        turn_reader._SIDE = 10**9
        whole = [reader.vocatives(q) for q in doc.quotes]
    finally:
        turn_reader._SIDE = side
    assert near == whole


def test_narration_between_turns_that_follows_someone_as_she_brings_her_in():
    # The paragraph before the line never names Margaret, only follows her as "she".
    roster = [
        {"name": "Margaret Schlegel", "aliases": ["Margaret"], "gender": "F"},
        {"name": "Helen Schlegel", "aliases": ["Helen"], "gender": "F"},
        {"name": "Tibby Schlegel", "aliases": ["Tibby"], "gender": "M"},
    ]
    text = (
        "Margaret Schlegel had not seen Helen Schlegel all day.\n\n"
        '"Where is Helen?" asked Margaret.\n\n'
        '"Out," said Tibby Schlegel.\n\n'
        "She put on her hat and shawl and went out into the fog. She crossed the street, and she ran "
        "up the stairs of the flats till she reached the second floor. There she knocked.\n\n"
        '"I have made the most dreadful blunder. I am so sorry."\n\n'
    )
    assert speakers(text, characters=roster)[-1][1] == "Margaret Schlegel"


_CUTHBERTS = [
    {"name": "Marilla Cuthbert", "aliases": ["Marilla"], "gender": "F"},
    {"name": "Anne Shirley", "aliases": ["Anne"], "gender": "F"},
    {"name": "Matthew Cuthbert", "aliases": ["Matthew"], "gender": "M"},
]


def test_a_cleft_names_the_speaker():
    # "It was Marilla who spoke" opening the next paragraph, or in the line's own paragraph.
    text = (
        'Marilla Cuthbert and Anne Shirley came in with Matthew Cuthbert.\n\n'
        '"Matthew, are you sick?"\n\n'
        "It was Marilla who spoke, alarm in every jerky word.\n\n"
        '"I\'m fine," he said.\n\n'
        'It was Anne who answered first. "He looks pale."'
    )
    got = speakers(text, characters=_CUTHBERTS)
    assert got[0][1:] == ("Marilla Cuthbert", "explicit")
    assert got[2][1:] == ("Anne Shirley", "explicit")


def test_a_cleft_without_a_speech_verb_names_no_speaker():
    text = (
        "Marilla Cuthbert and Anne Shirley came in.\n\n"
        '"Where are the keys?"\n\n'
        "It was Anne who had them, though nobody knew.\n\n"
        '"Nobody knows," said Marilla.'
    )
    assert speakers(text, characters=_CUTHBERTS)[0][2] != "explicit"


def _men(*names):
    return [{"id": n.lower(), "name": n, "gender": "M"} for n in names]


def test_the_man_is_one_the_story_never_names_rather_than_one_it_does():
    text = (
        "Mr. Bumble walked down the corridor, and the turnkey followed him with the keys.\n\n"
        '"This way," said the man, stopping at a low door.'
    )
    assert [g[1] for g in speakers(text, characters=_men("Mr. Bumble", "The Turnkey"))] == ["The Turnkey"]


def test_the_one_tags_call_the_boy_is_not_the_man():
    text = (
        'Fagin looked up. Oliver stood by the fire.\n\n"I am hungry," said the boy.\n\n'
        "Fagin stirred the pot. Oliver came closer to the fire.\n\n"
        '"Please, sir," said the boy.\n\n'
        "Fagin put down the spoon. Oliver waited by the fire.\n\n"
        '"Sit down," said the man, without turning round.'
    )
    assert [g[1] for g in speakers(text, characters=_men("Oliver", "Fagin"))] == ["Oliver", "Oliver", "Fagin"]


def test_a_line_after_another_persons_action_in_the_same_paragraph_is_theirs():
    text = (
        "Cecil Vyse and Freddy Honeychurch waited by the road.\n\n"
        '"You are quite right," said Cecil, and he got in. Freddy jumped out and came running back '
        'for the match-box. "I am so glad you only talked about books."'
    )
    got = speakers(text)
    assert [g[1] for g in got] == ["Cecil Vyse", "Freddy Honeychurch"]
    # Narration between whose sentences name no one else leaves the line with the tagged speaker.
    text = text.replace("Freddy jumped out and came running back for the match-box.", "The car shook.")
    assert [g[1] for g in speakers(text)] == ["Cecil Vyse", "Cecil Vyse"]


def test_the_one_the_speaker_turns_to_is_the_listener_not_a_mention():
    from ficlens.steps import speakers as speakers_step

    roster = [{"id": "ann", "name": "Ann", "gender": "F"}, {"id": "carl", "name": "Carl", "gender": "M"}]

    def carl(narration):
        text = f'Ann and Carl sat by the fire.\n\n"Where were you all day?" {narration}'
        doc, r = read_up_to_speakers(text, roster)
        quote = doc.quotes[0]
        turn = speakers_step._read_turn(r, doc, quote.paragraph, [quote], {quote.paragraph: [quote]})
        return turn.evidence.get("carl", 0.0), quote.addressees

    assert carl("Then, turning to Carl, the question came out sharper than meant.") == (0.0, ["carl"])
    # Named after a preposition, Carl is seldom the speaker; named otherwise, he is in the paragraph.
    assert carl("The question was meant for Carl, and came out sharper.") == (speakers_step.MENTIONED_OBJECT, [])
    assert carl("The question hung over Carl and the fire.") == (speakers_step.MENTIONED, [])


def test_the_reply_of_a_name_after_the_line_is_its_tag():
    text = 'Gamfield and Mr. Limbkins argued.\n\n"Not a farthing more," was the firm reply of Mr. Limbkins.'
    assert speakers(text) == [("Not a farthing more,", "Mr. Limbkins", "explicit")]


def test_almost_or_half_before_the_verb_keeps_the_pronoun_tag():
    for said in (" she almost screamed, as if he frightened her.", " she half whispered.", " he very nearly shouted."):
        tag = tags_speech.tag_after(said, 0, len(said), tags_speech.Mentions([]))
        assert tag is not None and tag.kind == "pronoun" and tag.strong


def test_the_one_who_hears_a_line_is_no_tag_for_it():
    for after in (" he heard one of the younger men begin behind him.", " she could hear his voice saying it again."):
        assert tags_speech.tag_after(after, 0, len(after), tags_speech.Mentions([])) is None


def test_a_name_tag_before_the_line_outweighs_another_persons_beat_after_it():
    text = 'Helen and Margaret sat.\n\nMargaret said, "But this is going to be fun." Helen recovered herself and laughed too.'
    assert speakers(text) == [("But this is going to be fun.", "Margaret", "explicit")]


def test_the_voice_of_a_name_before_the_line_is_its_tag():
    text = 'Charles and Margaret rode.\n\nThen the car behind them drew up, and the voice of Charles was heard saying: "Get the women out at once."'
    assert speakers(text) == [("Get the women out at once.", "Charles", "explicit")]


def test_the_one_the_narration_shows_not_answering_did_not_say_the_next_line():
    # Daniel is named in the narration between the lines, which would make the next line his;
    # but he does not answer: Maria asks again.
    text = (
        "Maria Lopez wiped her hands on a rag. Daniel Reed stood by the ramp.\n\n"
        'Maria pointed at the wing. "Where did the scorch marks come from?"\n\n"Work."\n\n'
        '"Paid enough to cover my fee?"\n\nDaniel didn\'t answer that one.\n\n'
        '"That\'s what I thought. Three days."\n\n"Two."\n\n"Three, and you hold the light."\n\n"Fine," said Daniel.'
    )
    got = [g[1] for g in speakers(text)]
    assert got == ["Maria Lopez", "Daniel Reed", "Maria Lopez", "Maria Lopez", "Daniel Reed", "Maria Lopez", "Daniel Reed"]


def test_a_silence_that_is_only_a_pause_says_nothing_of_the_next_line():
    from ficlens.steps import absences

    doc, r = read_up_to_speakers("Tom Bell waited. For a moment he was silent.\n\nTom Bell did not answer.", [{"name": "Tom Bell", "gender": "M"}])
    first, second = doc.paragraphs[0], doc.paragraphs[1]
    assert absences.silences(r, first.start, first.end) == set()
    assert absences.silences(r, second.start, second.end) == {"tom-bell"}


def test_a_description_whose_line_names_its_speaker_is_them_in_its_other_tags():
    roster = [
        {"name": "Oliver Twist", "gender": "M"},
        {"name": "Fagin", "gender": "M"},
        {"name": "Mr. Brownlow", "aliases": ["Brownlow"], "gender": "M"},
    ]
    text = (
        "Oliver Twist woke in a strange bed. Fagin was far away, counting his spoons in the den.\n\n"
        'The door opened and a stranger came in.\n\n"You are awake at last," said the old gentleman.\n\n'
        '"Where am I?" asked Oliver.\n\n"Among friends, my boy. My name, sir, is Brownlow," said the old gentleman.'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Mr. Brownlow", "Oliver Twist", "Mr. Brownlow"]


def test_the_other_in_a_tag_is_not_the_one_who_spoke_just_before():
    roster = [{"name": "Bill Sikes", "aliases": ["Sikes"], "gender": "M"}, {"name": "Toby Crackit", "aliases": ["Toby"], "gender": "M"}]
    text = (
        "Toby Crackit came into the inn. Bill Sikes sat by the fire and watched him.\n\n"
        '"Going on to Shepperton," said Sikes.\n\n"I\'m your man, as far as I go," replied the other.'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Bill Sikes", "Toby Crackit"]


def test_a_verb_that_reports_words_is_no_tag_for_the_line_after_it():
    text = (
        '"A very pleasant evening," he began, as soon as Mr. Woodhouse had been talked into what was '
        'necessary, told that he understood, and the papers swept away;--"particularly pleasant."'
    )
    start, end = text.index(',"') + 2, text.index(';--"') + 3
    woodhouse = text.index("Mr. Woodhouse")
    names = tags_speech.Mentions([(woodhouse, woodhouse + len("Mr. Woodhouse"))])
    assert tags_speech.tag_before(text, start, end, names) is None


def test_a_tag_before_the_line_outweighs_a_beat_after_it():
    text = (
        "Miss Bartlett and George Emerson sat in the carriage.\n\n"
        'Miss Bartlett had asked George Emerson what his profession was, and he had answered "the railway." '
        "She was very sorry that she had asked him."
    )
    assert [g[1] for g in speakers(text)] == ["George Emerson"]


def test_a_lead_in_tag_outweighs_a_pronoun_that_starts_the_next_sentence():
    text = (
        "Ronny Heaslop walked Adela Quested home.\n\n"
        'It was for Miss Quested to speak, and she said nervously, "I should like to take back what I said." '
        "He assented, and they were engaged."
    )
    roster = [{"name": "Ronny Heaslop", "gender": "M"}, {"name": "Adela Quested", "aliases": ["Miss Quested"], "gender": "F"}]
    assert [g[1] for g in speakers(text, characters=roster)] == ["Adela Quested"]


def test_a_pronoun_after_a_relation_of_someone_of_the_other_gender_is_that_relation():
    roster = [
        {"name": "Mr. Knightley", "gender": "M"},
        {"name": "Mrs. Elton", "gender": "F"},
        {"name": "Mr. Elton", "gender": "M"},
    ]
    text = (
        "Mr. Elton sat down by the window.\n\n"
        "Mr. Knightley looked at the party and said nothing.\n\n"
        '"It is a sort of thing," cried Mrs. Elton, "which I should not have thought of."\n\n'
        'Her mutterings were chiefly to her husband; and he murmured, in reply, "Very true, my love."'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Mrs. Elton", "Mrs. Elton", "Mr. Elton"]


def test_a_bare_role_is_the_one_in_focus_whose_name_carries_it_before_a_nameless_entry():
    roster = [
        {"name": "The Doctor", "gender": "M"},
        {"name": "Mr. Losberne", "aliases": ["Doctor Losberne"], "gender": "M"},
        {"name": "Rose Maylie", "aliases": ["Rose"], "gender": "F"},
    ]
    scene = '"Is he hurt?" asked Rose.\n\n"Not much," said the doctor.'
    text = "The doctor had gone home long ago.\n\nMr. Losberne came in with Rose Maylie. The doctor looked grave. Rose sat down.\n\n" + scene
    assert [g[1] for g in speakers(text, characters=roster)] == ["Rose Maylie", "Mr. Losberne"]
    alone = "The doctor had gone home long ago.\n\nRose Maylie came in. The doctor looked grave. Rose sat down.\n\n" + scene
    assert [g[1] for g in speakers(alone, characters=roster)] == ["Rose Maylie", "The Doctor"]


def test_a_names_voice_before_the_line_is_its_tag():
    roster = [
        {"name": "Newland Archer", "aliases": ["Archer", "Newland"], "gender": "M"},
        {"name": "May Welland", "aliases": ["May"], "gender": "F"},
        {"name": "Mr. Welland", "gender": "M"},
    ]
    text = 'Archer, May Welland and Mr. Welland waited. Doors opened, and after an interval May\'s voice: "Newland! Do come and see."'
    assert speakers(text, characters=roster) == [("Newland! Do come and see.", "May Welland", "explicit")]
    # A voice that is only described, with no line after it, is no tag.
    text = "Archer, May Welland and Mr. Welland waited. Mr. Welland's voice was loud.\n\n" '"Newland! Do come and see."'
    assert speakers(text, characters=roster)[0][2] != "explicit"


def test_an_inverted_cleft_closing_the_narration_names_the_next_lines_speaker():
    roster = [
        {"name": "Anne Shirley", "aliases": ["Anne"], "gender": "F"},
        {"name": "Gilbert Blythe", "aliases": ["Gilbert"], "gender": "M"},
        {"name": "Mr. Phillips", "gender": "M"},
    ]
    text = (
        "Anne Shirley, Gilbert Blythe and Mr. Phillips were in the schoolroom.\n\n"
        '"Anne Shirley, what does this mean?" he said angrily. Anne returned no answer. Gilbert it\n'
        "was who spoke up stoutly.\n\n"
        '"It was my fault, Mr. Phillips. I teased her."'
    )
    assert [g[1] for g in speakers(text, characters=roster)] == ["Mr. Phillips", "Gilbert Blythe"]
    # "It was Marilla who spoke" between two lines is the first line's, not the second's.
    text = (
        "Marilla Cuthbert and Anne Shirley came in with Matthew Cuthbert.\n\n"
        '"Matthew, are you sick?"\n\nIt was Marilla who spoke.\n\n"I\'m fine," he said.'
    )
    assert [g[1] for g in speakers(text, characters=_CUTHBERTS)] == ["Marilla Cuthbert", "Matthew Cuthbert"]


def test_a_speech_verb_with_a_stray_capital_after_the_line_is_its_tag():
    text = 'Harry Potter and Ron Weasley sat.\n\n"Hey." Said Harry.\n\n"What?" Asked Ron.\n\n"Nothing." Said he.'
    assert speakers(text) == [("Hey.", "Harry Potter", "explicit"), ("What?", "Ron Weasley", "explicit"), ("Nothing.", "Harry Potter", "anaphoric")]
    # A capital word that is no speech verb stays narration.
    assert speakers('Harry Potter and Ron Weasley sat.\n\n"Hey." Slowly Harry left.')[0][2] != "explicit"


def test_a_names_question_of_right_before_the_line_is_its_tag():
    roster = [{"name": "Lady Bertram", "gender": "F"}, {"name": "Sir Thomas", "gender": "M"}]
    text = 'Lady Bertram and Sir Thomas sat. In reply to Lady Bertram\'s calm inquiry of "Why not?" Sir Thomas heard with surprise.'
    assert speakers(text, characters=roster) == [("Why not?", "Lady Bertram", "explicit")]


def _tag_words(find, narration, *names):
    """The words of the tag ``find`` (`tags_speech.tag_before` or `tag_after`) reads in
    ``narration``, the given names being its name mentions."""
    import re

    spans = sorted((m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), narration))
    tag = find(narration, 0, len(narration), tags_speech.Mentions(spans))
    return narration[tag.start : tag.end] if tag else None


def _tag_before(narration, *names):
    return _tag_words(tags_speech.tag_before, narration, *names)


def test_an_auxiliary_before_the_subject_of_a_tag_governs_no_one():
    assert _tag_before("Not until Anne had finished her plums did Marilla say:\n\n", "Anne", "Marilla") == "Marilla"
    assert _tag_before("More than once during dinner did Mr. Bennet say to Elizabeth,\n\n", "Mr. Bennet", "Elizabeth") == "Mr. Bennet"


def test_a_names_saying_before_the_line_is_its_tag():
    assert _tag_before("It was settled by Mrs. Grant's saying, as she stepped from the carriage, ", "Mrs. Grant") == "Mrs. Grant"
    assert _tag_before("Mrs. Grant's saying so was odd. Then ", "Mrs. Grant") is None


def test_a_participle_between_commas_does_not_hide_the_subject():
    assert _tag_before("And Mrs Smith, sighing over it as she unlocked it, said--\n\n", "Mrs Smith") == "Mrs Smith"


def _tag_after(narration, *names):
    return _tag_words(tags_speech.tag_after, narration, *names)


def test_words_that_burst_or_came_from_a_name_are_theirs():
    assert _tag_after(" burst from William, with a nervous laugh.", "William") == "William"
    assert _tag_after(" came from Sir Thomas's tight lips. Lady Agatha shook her head.", "Sir Thomas", "Lady Agatha") == "Sir Thomas"
    assert _tag_after(" were the first words which burst from\nCaptain Wentworth.", "Captain Wentworth") == "Captain Wentworth"
    assert _tag_after(" Archer at length repeated.", "Archer") == "Archer"
    # A letter that came from someone is not their line's tag unless it comes right after the line.
    assert _tag_after(" The letter came from William.", "William") is None


def test_a_girl_is_not_a_mrs_and_an_old_lady_not_a_miss():
    roster = [{"name": "Miss Quested", "aliases": ["Adela"], "gender": "F"}, {"name": "Mrs. Moore", "gender": "F"}, {"name": "Ronny", "gender": "M"}]
    opening = "Miss Quested came in. Ronny stood by the window. Mrs. Moore sat down.\n\n"
    assert speakers(opening + '"I want to see India," said the girl.', characters=roster)[0][1] == "Miss Quested"
    opening = "Mrs. Moore sat down. Ronny stood by the window. Miss Quested came in.\n\n"
    assert speakers(opening + '"I want to go home," said the old lady.', characters=roster)[0][1] == "Mrs. Moore"


def test_a_role_no_name_carries_leans_faintly_towards_those_in_focus():
    from ficlens.steps import speakers as speakers_step

    roster = [{"id": "buttons", "name": "Comrade Buttons", "gender": "M"}, {"id": "syme", "name": "Gabriel Syme", "gender": "M"}]
    doc, r = read_up_to_speakers('Gabriel Syme sat at the back. Comrade Buttons rose.\n\n"Order, order," said the chairman.', roster)
    quote = doc.quotes[0]
    turn = speakers_step._read_turn(r, doc, quote.paragraph, [quote], {quote.paragraph: [quote]})
    assert turn.epithet == "chairman"
    assert turn.evidence["buttons"] == speakers_step.PRONOUN_RANKS[0] * speakers_step.ROLE_SCALE
    assert 0 < turn.evidence["syme"] < turn.evidence["buttons"]


def test_a_names_voice_after_the_line_is_its_tag():
    assert _tag_after(" Harry's voice cracked.", "Harry") == "Harry"
    assert _tag_after(" Harry's quiet voice carried across the room.", "Harry") == "Harry"
    assert _tag_after(" Harry's eyes widened.", "Harry") is None


def test_fan_fictions_own_speech_verbs_are_tags():
    # Strong tags even after a line that ends in a full stop, as "said" is; an action is not.
    for verb in ("deadpanned", "snarked", "singsonged", "rasped", "intoned"):
        tag = tags_speech.tag_after(f" Ron {verb}.", 0, 20, tags_speech.Mentions([(1, 4)]))
        assert tag is not None and tag.strong, verb
    assert not tags_speech.tag_after(" Ron jumped.", 0, 12, tags_speech.Mentions([(1, 4)])).strong


def test_he_or_she_is_the_subject_whatever_word_stands_before_it():
    assert _tag_before("George was pacing the room. As she entered he stopped, and said:\n\n") == "he"
    assert _tag_before("Directly he had done speaking she burst out:\n\n") == "she"


def test_the_one_heard_saying_is_the_speaker_and_the_one_answered_is_not():
    assert _tag_before("Before she left she heard him say to his mother, who sat in front,\n") == "him"
    assert _tag_before("After a few minutes he heard\nher say:  ") == "her"
    assert _tag_before("Not with such calmness was he answered by the latter: ") is None


def test_who_after_a_description_stands_for_it():
    assert _tag_before("She shot an admonitory glance at her son, who said: ") == "her son"
    assert _tag_before("She looked at Mr. Bennet, who said: ", "Mr. Bennet") == "Mr. Bennet"


def test_her_companion_is_the_one_with_her():
    roster = [{"name": "Elizabeth Bennet", "aliases": ["Elizabeth"], "gender": "F"}, {"name": "Mr. Darcy", "aliases": ["Darcy"], "gender": "M"}]
    text = (
        "Elizabeth and Mr. Darcy walked on. Elizabeth was too much embarrassed to say a word. "
        'After a short pause, her companion added, "You are too generous to trifle with me."'
    )
    assert speakers(text, characters=roster) == [("You are too generous to trifle with me.", "Mr. Darcy", "anaphoric")]


def test_the_narrators_kin_opening_a_sentence_is_who_the_narration_is_about():
    text = (
        "I had brought Ines home at last. I watched Gran lift the lid off the stew, and I held my breath. "
        'I knew Ines was nervous; I was too.\n\n"Can I help?" Ines asked.\n\n'
        "My grandmother looked at her for a long moment. Her father had never cooked.\n\n"
        '"You can lay the table."'
    )
    doc, r = read_up_to_speakers(text, [{"id": "gran", "name": "Gran", "gender": "F"}, {"id": "ines", "name": "Ines", "gender": "F"}])
    narration = doc.paragraphs[2]
    assert r.kin_subjects(narration.start, narration.end) == ["gran"]


def test_a_speech_verb_in_an_as_if_clause_is_no_tag():
    assert _tag_before(" she said, as if Katharine had challenged her explicitly, ", "Katharine") == "she"
    assert _tag_before(" he went on as though nothing had been asked, ", "Katharine") == "he"


def test_a_role_two_bear_goes_to_the_one_the_story_named_last_when_neither_is_in_focus():
    roster = [
        {"name": "Duchess Of Harley", "gender": "F"},
        {"name": "Duchess Of Monmouth", "aliases": ["Gladys"], "gender": "F"},
        {"name": "Lord Henry", "aliases": ["Harry"], "gender": "M"},
        {"name": "Dorian Gray", "aliases": ["Dorian"], "gender": "M"},
        {"name": "Basil", "gender": "M"},
        {"name": "Sibyl Vane", "aliases": ["Sibyl"], "gender": "F"},
        {"name": "James Vane", "gender": "M"},
        {"name": "Alan Campbell", "gender": "M"},
        {"name": "Victor", "gender": "M"},
        {"name": "Adrian Singleton", "gender": "M"},
    ]
    crowd = " ".join(f"{n} came in and sat down." for n in ["Basil", "Sibyl", "James Vane", "Alan Campbell", "Victor", "Adrian Singleton", "Dorian", "Lord Henry"])
    text = (
        "The Duchess of Harley left early. Gladys stayed at the Towers all that week.\n\n"
        + "The days went by. " * 40
        + "\n\n" + crowd + "\n\n"
        + '"It is an annoying subject," said Lord Henry.\n\n'
        + '"How horrid of you, Harry!" cried the duchess.'
    )
    assert speakers(text, characters=roster)[-1][1] == "Duchess Of Monmouth"



def test_a_possessive_description_after_the_line_is_a_description_tag_not_the_possessor():
    assert _tag_after(" answered his guide. ") == "his guide"
    assert _tag_after(", said her friend, with a smile.") == "her friend"
    assert _tag_after(" said her voice.") is None
