from ficlens.model import Quote
from ficlens.steps import newcomers
from ficlens.steps.salience import Turn
from tests.steps.test_speakers import speakers

ROSTER = [
    {"name": "Nancy", "gender": "F"},
    {"name": "Bill Sikes", "aliases": ["Sikes"], "gender": "M"},
    {"name": "Mr. Brownlow", "aliases": ["Brownlow"], "gender": "M"},
]
BEFORE = "Bill Sikes watched Nancy go. Sikes sat by the fire, and Nancy ran out to the bridge.\n\n"
LINES = (
    '"You came," said the gentleman.\n\n"I did," replied Nancy.\n\n"Then speak," said the gentleman.\n\n'
    '"I am afraid," said Nancy.\n\nThe gentleman turned away, and Nancy wept.\n\n"Go home," replied Mr. Brownlow.'
)


def test_a_description_brought_in_as_someone_new_is_the_newcomer_a_later_tag_names():
    text = BEFORE + "A grey-haired gentleman came down the steps.\n\n" + LINES
    got = [g[1] for g in speakers(text, characters=ROSTER)]
    assert got == ["Mr. Brownlow", "Nancy", "Mr. Brownlow", "Nancy", "Mr. Brownlow"]


def test_a_description_not_brought_in_as_new_is_not_linked_to_a_later_name():
    text = BEFORE + "The gentleman came down the steps.\n\n" + LINES
    assert [g[1] for g in speakers(text, characters=ROSTER)][0] != "Mr. Brownlow"


def test_the_newcomer_is_not_someone_the_description_names_in_its_own_lines():
    lines = LINES.replace('"Then speak,"', '"Then speak, Brownlow will listen,"')
    text = BEFORE + "A grey-haired gentleman came down the steps.\n\n" + lines
    assert [g[1] for g in speakers(text, characters=ROSTER)][0] != "Mr. Brownlow"


def _turn(start, epithet):
    return Turn(0, [Quote(start, start + 5)], epithet=epithet)


def test_runs_keep_single_people_and_split_where_the_description_lapses():
    later = 100 + newcomers.RUN_GAP + 1
    keys = [(0, "gentleman"), (100, "gentleman"), (200, "ladies"), (300, "other"), (400, "her mother"),
            (500, "margaret's young man"), (later, "gentleman")]  # fmt: skip
    runs = newcomers._runs([_turn(start, key) for start, key in keys])
    assert [[t.start for t in run] for run in runs] == [[0, 100], [later]]
