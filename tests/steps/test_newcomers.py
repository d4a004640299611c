from ficlens.steps import newcomers
from ficlens.steps.salience import Turn
from ficlens.model import Quote

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
    text = BEFORE + "A grey-haired gentleman came down the steps.\n\n" + LINES.replace('"Then speak,"', '"Then speak, Brownlow will listen,"')
    assert [g[1] for g in speakers(text, characters=ROSTER)][0] != "Mr. Brownlow"


def _turn(start, epithet):
    return Turn(0, [Quote(start, start + 5)], epithet=epithet)


def test_runs_keep_single_people_and_split_where_the_description_lapses():
    turns = [_turn(0, "gentleman"), _turn(100, "gentleman"), _turn(200, "ladies"), _turn(300, "other"),
             _turn(400, "her mother"), _turn(500, "margaret's young man"), _turn(100 + newcomers.RUN_GAP + 1, "gentleman")]
    runs = newcomers._runs(turns)
    assert [[t.start for t in run] for run in runs] == [[0, 100], [100 + newcomers.RUN_GAP + 1]]
