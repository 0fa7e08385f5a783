"""The command line's shared plumbing: ``--json`` on every command, no side effect in
``engine_for``, one mapping of errors to exit codes, and ``cli`` imported by nobody below it."""

from __future__ import annotations

import argparse
import ast
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import counterdesk
from counterdesk.cli import build_parser
from counterdesk.command_line import Reply, engine_for, run, signed_in
from counterdesk.queue import CounterdeskError, OfficeFileError, QueueError

PACKAGE = Path(counterdesk.__file__).parent


def _commands(parser: argparse.ArgumentParser, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every command and action the parser offers, by its full name."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{path} {name}".strip(), sub
                yield from _commands(sub, f"{path} {name}")


def test_every_command_and_action_takes_json() -> None:
    commands = dict(_commands(build_parser()))
    assert {"issue", "printer test", "opinion list", "db upgrade", "kiosk"} <= set(commands)
    lacking = [
        name
        for name, parser in commands.items()
        if not any("--json" in action.option_strings for action in parser._actions)
    ]
    assert lacking == []


def _args(url: str, **flags: Any) -> argparse.Namespace:
    return argparse.Namespace(db=url, office=None, config=None, **flags)


def test_engine_for_signs_nobody_in_and_signed_in_does(sqlite_url: str) -> None:
    args = _args(sqlite_url, counter=1, staff="wang")
    engine = engine_for(args)
    assert engine.read.status().counters[0].staff is None
    assert signed_in(engine, args).read.status().counters[0].staff == "wang"
    signed_in(engine, _args(sqlite_url, counter=2, staff=None))
    assert engine.read.status().counters[1].staff is None


def _raising(error: Exception) -> Any:
    def handler(args: argparse.Namespace) -> None:
        raise error

    return handler


@pytest.mark.parametrize(
    ("error", "code", "line"),
    [
        (QueueError("refused"), 1, "counterdesk: refused"),
        (CounterdeskError("bad flag"), 2, "counterdesk: bad flag"),
        (OfficeFileError("office.yaml: 2 problems"), 2, "office.yaml: 2 problems"),
    ],
)
def test_errors_become_one_line_and_an_exit_code(
    error: Exception, code: int, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argparse.Namespace(handler=_raising(error), json=False)) == code
    out, err = capsys.readouterr()
    assert (out, err) == ("", line + "\n")


def test_results_print_as_text_or_json(capsys: pytest.CaptureFixture[str]) -> None:
    def answer(result: Any, as_json: bool) -> str:
        assert run(argparse.Namespace(handler=lambda _args: result, json=as_json)) == 0
        return capsys.readouterr().out.strip()

    said = {"counter": 1, "text": "counter 1 paused"}
    assert answer(said, False) == "counter 1 paused"
    assert json.loads(answer(said, True)) == {"counter": 1}
    assert answer(Reply(None, "nobody is waiting"), False) == "nobody is waiting"
    assert answer(Reply(None, "nobody is waiting"), True) == "null"
    assert run(argparse.Namespace(handler=lambda _args: 3, json=False)) == 3  # a window's code
    assert capsys.readouterr().out == ""


def test_only_the_entry_points_import_cli() -> None:
    """``cli`` gathers every area's commands: an area importing it would be a hidden cycle."""
    importers = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            if "counterdesk.cli" in names:
                importers.append(path.relative_to(PACKAGE).as_posix())
    assert importers == ["__main__.py"]
