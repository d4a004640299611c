import json

import pytest

from ficlens.errors import InputError
from ficlens.evaluation.fanfic import read_fanfic


def _story(folder, stem):
    (folder / f"{stem}.txt").write_text('"Hi," said Ann.\n', encoding="utf-8")
    data = {"characters": [{"id": "ann", "name": "Ann", "gender": "F"}], "quotes": [{"text": "Hi,", "speaker": "ann", "type": "explicit"}]}
    (folder / f"{stem}.json").write_text(json.dumps(data), encoding="utf-8")


def test_chapters_are_chosen_by_name_number_or_range(tmp_path):
    for stem in ("01_a", "16_b", "18_c", "19_d", "20_e", "21_f"):
        _story(tmp_path, stem)
    def names(only):
        return [n.name for n in read_fanfic(tmp_path, only)]

    assert names(["01_a"]) == ["01_a"]
    assert names(["16", "18-20"]) == ["16_b", "18_c", "19_d", "20_e"]
    assert len(names(None)) == 6
    with pytest.raises(InputError, match="no story matches 99"):
        names(["99"])
