"""The PDNC reader and scorer on a tiny novel laid out the PDNC way (text written for the test)."""

import csv
import json

from click.testing import CliRunner

from ficlens.cli import main
from ficlens.evaluation.pdnc import read_pdnc
from ficlens.evaluation.run import evaluate_novel

TEXT = (
    "Anna Lee and Ben Cole walked to the river. Anna carried the basket and Ben carried the rods.\n\n"
    + "".join(f'"Line {i} of the walk," said {"Anna" if i % 2 == 0 else "Ben"}.\n\n' for i in range(12))
    + "".join(f'"Hurrah {i}!" shouted everybody at once.\n\n' for i in range(5))
)


def _quote_rows():
    rows = []
    for i in range(12):
        words = f"Line {i} of the walk,"
        start = TEXT.index(words)
        speaker = "Anna Lee" if i % 2 == 0 else "Ben Cole"
        rows.append((f"Q{i}", words, [[start, start + len(words)]], speaker, "Explicit"))
    for i in range(5):
        words = f"Hurrah {i}!"
        start = TEXT.index(words)
        rows.append((f"Q{12 + i}", words, [[start, start + len(words)]], "_group", "Explicit"))
    return rows


def _write_novel(root):
    folder = root / "data" / "TheWalk"
    folder.mkdir(parents=True)
    (folder / "novel_text.txt").write_text(TEXT, encoding="utf-8")
    with (folder / "character_info.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Character ID", "Main Name", "Aliases", "Gender", "Category"])
        w.writerow(["0", "Anna Lee", "{'Anna Lee', 'Anna'}", "F", "major"])
        w.writerow(["1", "Ben Cole", "{'Ben Cole', 'Ben'}", "M", "major"])
        w.writerow(["2", "_group", "{'_group'}", "X", "minor"])
    with (folder / "quotation_info.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["quoteID", "quoteText", "subQuotationList", "quoteByteSpans", "speaker", "addressees", "quoteType"])
        for qid, words, spans, speaker, qtype in _quote_rows():
            w.writerow([qid, words, str([words]), str(spans), speaker, "[]", qtype])
    return root


def test_reader_marks_placeholders_and_keeps_them_off_the_roster(tmp_path):
    (novel,) = read_pdnc(_write_novel(tmp_path))
    assert [(c.name, c.person) for c in novel.characters] == [("Anna Lee", True), ("Ben Cole", True), ("_group", False)]
    assert [r["name"] for r in novel.roster()] == ["Anna Lee", "Ben Cole"]
    assert len(novel.quotes) == 17


def test_recall_counts_people_not_placeholders(tmp_path):
    (novel,) = read_pdnc(_write_novel(tmp_path))
    res = evaluate_novel(novel, "discovered")
    assert (res.chars_major_found, res.chars_major) == (2, 2)


def test_eval_pdnc_json_scores_every_gold_quote(tmp_path):
    result = CliRunner().invoke(main, ["eval", "pdnc", str(_write_novel(tmp_path)), "--characters", "--json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    (novel,) = json.loads(result.output)["roster"]["novels"]
    assert (novel["gold_quotes"], novel["detection_recall"], novel["by_rule"]["tag_name"]) == (17, 1.0, {"n": 12, "accuracy": 1.0})
    # "shouted everybody" is no tag ficlens reads: those lines come out implicit, not explicit.
    assert novel["type_agreement"] == round(12 / 17, 4)
    # The crowd's lines have no one person to give them to: they count as wrong.
    assert novel["speaker_accuracy"] == round(12 / 17, 4)


def test_a_speaker_named_by_an_alias_is_that_character(tmp_path):
    root = _write_novel(tmp_path)
    qfile = root / "data" / "TheWalk" / "quotation_info.csv"
    qfile.write_text(qfile.read_text(encoding="utf-8").replace(",Ben Cole,", ",Ben,"), encoding="utf-8")
    (novel,) = read_pdnc(root)
    assert [q.speaker for q in novel.quotes[:4]] == ["0", "1", "0", "1"]
