"""Dataclasses whose ``__init__`` is written out (so that the compiled build compiles it) take
their fields, in order, with the dataclass's own defaults: the written one and the declared
fields cannot drift apart."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

import ficlens.model
import ficlens.steps
from ficlens.model import Span


def _written_out() -> list[type]:
    modules = [ficlens.model] + [
        importlib.import_module(f"ficlens.steps.{m.name}") for m in pkgutil.iter_modules(ficlens.steps.__path__)
    ]
    found = []
    for module in modules:
        for value in vars(module).values():
            own = isinstance(value, type) and value.__module__ == module.__name__
            if own and dataclasses.is_dataclass(value) and not value.__dataclass_params__.init:  # type: ignore[attr-defined]
                found.append(value)
    return found


WRITTEN_OUT = _written_out()


def _annotations(cls: type) -> dict[str, str]:
    """The class's field annotations as its source spells them (the compiled build erases them)."""
    module = sys.modules[cls.__module__]
    source = Path(module.__file__).with_name(cls.__module__.rsplit(".", 1)[1] + ".py").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name in {c.__name__ for c in cls.__mro__}:
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    found[item.target.id] = ast.unparse(item.annotation)
    return found


def _value(annotation: str, n: int) -> object:
    """A value of the annotated type that no other field of the class is given (``n`` differs)."""
    base = annotation.split(" | ")[0]
    if base == "int":
        return 1000 + n
    if base == "float":
        return 0.5 + n
    if base == "bool":
        return n % 2 == 0
    if base == "str":
        return f"v{n}"
    if base == "Span":
        return Span(n, n + 1)
    if base.startswith("tuple[int, int]"):
        return (n, n + 1)
    if base.startswith("tuple[str"):
        return (f"t{n}",)
    if base.startswith("list["):
        return [f"l{n}"] if base in ("list[str]",) else []
    if base.startswith("set["):
        return {f"s{n}"} if base == "set[str]" else {n}
    if base.startswith("dict["):
        return {f"k{n}": 1.0} if base == "dict[str, float]" else {}
    raise AssertionError(f"no test value for the annotation {annotation!r}: add one to _value")


def test_the_classes_made_by_the_hundred_are_written_out():
    names = {c.__name__ for c in WRITTEN_OUT}
    assert {
        "Span",
        "Paragraph",
        "Sentence",
        "Block",
        "Chapter",
        "Quote",
        "ChatLine",
        "Mention",
        "Occurrence",
        "Tag",
        "Turn",
        "_Piece",
    } <= names


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_a_written_init_takes_every_field_in_order(cls):
    fields, spelled = dataclasses.fields(cls), _annotations(cls)
    values = [_value(spelled[f.name], i) for i, f in enumerate(fields)]
    for made in (cls(*values), cls(**{f.name: v for f, v in zip(fields, values)})):
        for f, v in zip(fields, values):
            assert getattr(made, f.name) == v, f.name


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_a_written_init_has_the_declared_defaults(cls):
    fields, spelled = dataclasses.fields(cls), _annotations(cls)
    required = [f for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    assert fields[: len(required)] == tuple(required)
    made = cls(*[_value(spelled[f.name], i) for i, f in enumerate(required)])
    twin = cls(*[_value(spelled[f.name], i) for i, f in enumerate(required)])
    for f in fields[len(required) :]:
        expected = f.default if f.default is not dataclasses.MISSING else f.default_factory()
        assert getattr(made, f.name) == expected, f.name
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(made, f.name) is not getattr(twin, f.name), f"{f.name} is shared between instances"
