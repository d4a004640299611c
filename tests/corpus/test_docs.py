from pathlib import Path

import pytest

from ficlens.cli import main

DOC = (Path(__file__).parents[2] / "docs" / "batch.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["batch", "index", "search"])
def test_docs_every_corpus_option_is_documented(name):
    command = main.commands[name]
    assert command.help and f"ficlens {name}" in DOC
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in DOC, f"{name} {opt} is not in docs/batch.md"


def test_docs_every_table_column_is_documented():
    from ficlens.corpus import SCHEMAS

    for table, schema in SCHEMAS.items():
        assert f"**{table}**" in DOC
        for field in schema:
            assert f"`{field.name}`" in DOC, f"{table}.{field.name} is not in docs/batch.md"
