import json
import os

import pytest
from click.testing import CliRunner

from ficlens.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def _one_line_error(result, code=2):
    assert result.exit_code == code, result.output
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("ficlens: error: "), result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_cli_analyze_json_is_one_document(runner, fixtures):
    result = runner.invoke(main, ["analyze", str(fixtures / "chapter.txt"), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "ficlens.analysis/1"
    assert data["structure"]["chapters"][0]["title"] == "The Road"


def test_cli_analyze_report(runner, fixtures):
    result = runner.invoke(main, ["analyze", str(fixtures / "chapter.txt"), "--width", "100"])
    assert result.exit_code == 0
    assert "Chapter 1: The Road" in result.stdout
    assert "Dialogue (10 lines)" in result.stdout


def test_cli_missing_path(runner, tmp_path):
    _one_line_error(runner.invoke(main, ["analyze", str(tmp_path / "nope.txt")]))


def test_cli_directory(runner, tmp_path):
    _one_line_error(runner.invoke(main, ["analyze", str(tmp_path)]))


def test_cli_image(runner, tmp_path):
    p = tmp_path / "cover.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    _one_line_error(runner.invoke(main, ["analyze", str(p)]))


def test_cli_random_bytes(runner, tmp_path):
    p = tmp_path / "noise.txt"
    p.write_bytes(os.urandom(5000))
    _one_line_error(runner.invoke(main, ["analyze", str(p)]))


def test_cli_undecodable(runner, tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\xef\xbb\xbfHello \xff\xfe\xfd world")
    _one_line_error(runner.invoke(main, ["analyze", str(p)]))


def test_cli_too_large(runner, tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000)
    _one_line_error(runner.invoke(main, ["analyze", str(p), "--max-bytes", "100"]))


def test_cli_empty_file_says_so(runner, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    result = runner.invoke(main, ["analyze", str(p), "--json"])
    assert result.exit_code == 0
    assert "empty" in result.stderr
    assert json.loads(result.stdout)["source"]["empty"] is True


def test_cli_bad_option_is_usage_error(runner, fixtures):
    result = runner.invoke(main, ["analyze", str(fixtures / "chapter.txt"), "--no-such-option"])
    assert result.exit_code == 2


def test_cli_unknown_fandom(runner, fixtures):
    _one_line_error(runner.invoke(main, ["analyze", str(fixtures / "chapter.txt"), "--fandom", "No Such Fandom"]))


def test_cli_roster_json_uses_roster_ids(runner, fixtures, tmp_path):
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps([
        {"id": "D", "name": "Dean Winchester", "aliases": ["Dean"], "gender": "M"},
        {"id": "S", "name": "Sam Winchester", "aliases": ["Sam", "Sammy"], "gender": "M"},
    ]))
    result = runner.invoke(main, ["analyze", str(fixtures / "chapter.txt"), "--json", "--characters", str(roster)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    ids = {c["id"] for c in data["characters"]}
    assert {"D", "S"} <= ids
    assert any(c["name"] == "Castiel" for c in data["characters"]), "characters outside the roster still appear"
    assert data["quotes"][0]["speaker"] == "D"


def test_cli_roster_csv(runner, fixtures, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,aliases,gender\nC,Castiel,Cas;Castiel,M\nD,Dean Winchester,Dean,M\n")
    result = runner.invoke(main, ["analyze", str(fixtures / "chapter.txt"), "--json", "--characters", str(roster)])
    assert result.exit_code == 0, result.stderr
    speakers = {q["speaker"] for q in json.loads(result.stdout)["quotes"]}
    assert {"C", "D"} <= speakers


def test_cli_bad_roster(runner, fixtures, tmp_path):
    roster = tmp_path / "roster.json"
    roster.write_text("[{\"id\": 1}")
    _one_line_error(runner.invoke(main, ["analyze", str(fixtures / "chapter.txt"), "--characters", str(roster)]))


def test_cli_demo_runs(runner):
    result = runner.invoke(main, ["demo", "--width", "100"])
    assert result.exit_code == 0, result.stderr
    assert "Lovesick At The Hospital" in result.stdout
    assert "Grey's Anatomy" in result.stdout


def test_cli_demo_json(runner):
    data = json.loads(runner.invoke(main, ["demo", "--json"]).stdout)
    assert len(data["quotes"]) >= 40
    speakers = {q["speaker"] for q in data["quotes"] if q["speaker"]}
    assert len(speakers) >= 3


def test_cli_fandoms_lists_library(runner):
    result = runner.invoke(main, ["fandoms"])
    assert result.exit_code == 0
    assert "Grey's Anatomy" in result.stdout


def test_cli_fandoms_json_gives_each_roster_with_its_epithets(runner):
    data = json.loads(runner.invoke(main, ["fandoms", "--json"]).stdout)
    spn = next(f for f in data if f["fandom"] == "Supernatural (TV 2005)")
    castiel = next(c for c in spn["characters"] if c["name"] == "Castiel (Supernatural)")
    assert "angel" in castiel["epithets"] and castiel["gender"] == "M"


def test_cli_every_command_has_help(runner):
    for name, cmd in main.commands.items():
        assert cmd.help, f"{name} has no help text"
        assert runner.invoke(main, [name, "--help"]).exit_code == 0
