"""Hostile office and settings files: each gets one message naming the file, the line and what
is wrong, and the work done is bounded by the input's shape (the first anchor, the depth, the
count of values, the bytes read), never by how long it runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counterdesk.queue import OfficeFileError, load_office
from counterdesk.queue.errors import CounterdeskError
from counterdesk.queue.handed_files import MAX_BYTES, MAX_DEPTH, MAX_VALUES
from counterdesk.queue.office import SAMPLE_OFFICE
from counterdesk.settings import SETTINGS_BYTES, load_settings
from tests.conftest import Run

# "Billion laughs": nine levels of ten aliases each, 10^9 strings from 500 bytes.
LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join(['*' + chr(97 + level)] * 10)}]\n"
    for level in range(8)
)


ANCHORS = ":1: anchors and aliases (&name, *name) are not allowed: write it out"
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"
PYTHON_TAG = "tag:yaml.org,2002:python/object/apply:os.system"


def written(path: Path, content: str | bytes) -> Path:
    """``path`` holding ``content``: text as UTF-8, bytes as they are."""
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def refusal(tmp_path: Path, content: str | bytes) -> str:
    office = written(tmp_path / "office.yaml", content)
    with pytest.raises(OfficeFileError) as caught:
        load_office(office)
    return str(caught.value).removeprefix(f"{office}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # Refused at the first anchor, before any alias is expanded.
        (LAUGHS, ANCHORS),
        ("office: *nowhere\n", ANCHORS),
        (
            "x: 1\nrun: !!python/object/apply:os.system [echo]\n",
            f":2: tags ({PYTHON_TAG}) are not allowed",
        ),
        ("x: !local 1\n", ":1: tags (!local) are not allowed"),
        # Refused at the first level too deep, however deep the rest goes.
        ("a: " + "[" * 500 + "]" * 500 + "\n", f":1: {TOO_DEEP}"),
        # Deeper still, libyaml stops first, with its own words.
        (
            "a: " + "[" * 100_000 + "]" * 100_000,
            ":1: not valid YAML: exceeded maximum nesting depth",
        ),
        (
            "".join(" " * depth + f"k{depth}:\n" for depth in range(200)),
            f":{MAX_DEPTH}: {TOO_DEEP}",
        ),
        # Refused at the value past the limit: the rest is never built.
        (
            "a: [" + "1, " * (MAX_VALUES * 3) + "1]\n",
            f":1: more than {MAX_VALUES:,} values: not an office's size",
        ),
        (
            "office:\n  name: x\nservices: []\noffice: y\n",
            ":4: key 'office' is given twice (lines 1 and 4)",
        ),
        (
            "office:\n  timezone: Asia/Taipei\n  timezone: UTC\n",
            ":3: key 'timezone' is given twice (lines 2 and 3)",
        ),
        (b"office:\n  name: \xff\xfe\n", ":2: the office file must be UTF-8 text (byte 17 is not)"),
        (
            b"\x7fELF\x02\x01\x01\x00\x00\x00",
            ":1: the office file must be UTF-8 text, not binary data",
        ),
        (
            "office:\n  name: \x07bell\n",
            ":2: not valid YAML: unacceptable character #x0007: control characters are not allowed",
        ),
    ],
    ids=[
        "billion-laughs",
        "alias",
        "python-tag",
        "local-tag",
        "deep-flow",
        "deeper-flow",
        "deep-block",
        "many-values",
        "duplicate-top-key",
        "duplicate-nested-key",
        "not-utf8",
        "binary",
        "control-character",
    ],
)
def test_each_attack_gets_one_clear_message(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    assert refusal(tmp_path, content) == message


def test_a_huge_file_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "office.yaml"
    with huge.open("wb") as handle:
        handle.truncate(60_000_000)  # sparse: 60 MB the reader would have to go through
    with pytest.raises(OfficeFileError) as caught:
        load_office(huge)
    assert str(caught.value) == f"{huge}: the office file is larger than 1 MB: refused unread"
    just_over = tmp_path / "just-over.yaml"
    just_over.write_text("#" * MAX_BYTES + "\n")
    with pytest.raises(OfficeFileError, match="larger than 1 MB"):
        load_office(just_over)


def test_the_sample_office_is_well_inside_every_limit() -> None:
    assert SAMPLE_OFFICE.stat().st_size < MAX_BYTES // 20
    load_office(SAMPLE_OFFICE)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "db = 'sqlite:///a'\ndb = 'sqlite:///b'\n",
            ": not valid TOML: Cannot overwrite a value (at line 2, column 19)",
        ),
        ("printer = " + "[" * 20_000 + "]" * 20_000 + "\n", ": not valid TOML: nested too deeply"),
        (b"printer = '\xff'\n", ":1: the settings file must be UTF-8 text (byte 12 is not)"),
        (b"\x00\x00\x00", ":1: the settings file must be UTF-8 text, not binary data"),
        (
            "# " + "x" * SETTINGS_BYTES + "\n",
            ": the settings file is larger than 64 kB: refused unread",
        ),
    ],
    ids=["duplicate-key", "deep", "not-utf8", "binary", "large"],
)
def test_the_settings_file_too(tmp_path: Path, content: str | bytes, message: str) -> None:
    settings = written(tmp_path / "counterdesk.toml", content)
    with pytest.raises(CounterdeskError) as caught:
        load_settings(config=str(settings))
    assert str(caught.value) == f"{settings}{message}"


@pytest.mark.slow
def test_the_command_line_answers_with_one_line_and_exit_2(tmp_path: Path, run: Run) -> None:
    laughs = tmp_path / "laughs.yaml"
    laughs.write_text(LAUGHS)
    deep = tmp_path / "deep.toml"
    deep.write_text("printer = " + "[" * 20_000 + "]" * 20_000 + "\n")
    for args, message in (
        (("office", "check", str(laughs)), f"{laughs}:1: anchors and aliases"),
        (("--config", str(deep), "status"), f"counterdesk: {deep}: not valid TOML: nested"),
    ):
        answer = run(*args)
        assert answer.returncode == 2
        assert answer.stderr.startswith(message)
        assert answer.stderr.count("\n") == 1 and "Traceback" not in answer.stderr
    assert os.path.getsize(laughs) < 600
