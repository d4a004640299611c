"""The documentation keeps up with the code."""

from pathlib import Path

from ficlens.cli.main import main
from ficlens.cli.reference import render

ROOT = Path(__file__).resolve().parent.parent


def test_docs_cli_reference_is_current():
    assert (ROOT / "docs/cli.md").read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run python -m ficlens.cli.reference > docs/cli.md"
    )


def test_docs_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"ficlens {name}" in readme, f"README.md does not mention `ficlens {name}`"


def test_docs_schema_documents_every_field():
    import ficlens

    schema = (ROOT / "docs/schema.md").read_text(encoding="utf-8")
    d = ficlens.analyze('A/N: hi\n\nChapter 1\n\n"Hello," said Anna.').to_dict()

    def keys(obj, prefix=""):
        if isinstance(obj, dict):
            for k, v in obj.items():
                if prefix in ("work.extra", "source.text"):
                    continue
                yield f"{prefix}.{k}" if prefix else k
                yield from keys(v, f"{prefix}.{k}" if prefix else k)
        elif isinstance(obj, list) and obj:
            yield from keys(obj[0], prefix + "[]")

    for key in keys(d):
        assert f"`{key}`" in schema, f"docs/schema.md does not document `{key}`"
