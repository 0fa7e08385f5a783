"""Reading the files a person hands counterdesk (the office file, the settings file) as if they
were hostile: whatever is in one, the answer is one message naming the file, the line and what
is wrong, within a second or two.

The work is bounded by the input's shape, not by a timer: at most ``MAX_BYTES`` are read, a
YAML document may hold at most ``MAX_VALUES`` values nested at most ``MAX_DEPTH`` deep, and
has no anchors or aliases (a few hundred bytes of them expand to gigabytes: "billion laughs")
nor tags (which name constructors). A key given twice is refused with both its lines, where a
YAML loader would silently keep the second value.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from counterdesk.queue.errors import CounterdeskError

MAX_BYTES = 1_000_000  # an office file is about 30 kB
MAX_VALUES = 20_000  # the sample office holds about 1,600
MAX_DEPTH = 32  # the sample office nests 7 deep

if yaml.__with_libyaml__:
    from yaml._yaml import CParser as _Events  # libyaml scans in C: a full megabyte stays fast
else:  # pragma: no cover - PyYAML's wheels ship libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Events(Reader, Scanner, Parser):  # type: ignore[no-redef]  # the same events, in Python
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def read_text(
    path: str | Path,
    what: str,
    error: type[CounterdeskError],
    *,
    limit: int = MAX_BYTES,
) -> str:
    """The UTF-8 text of ``path`` (``what`` names it: "office file"), read no further than
    ``limit`` bytes; anything else is an ``error`` naming the file and, if it can, the line."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"{path}: cannot read the {what}: {exc.strerror}") from None
    if len(data) > limit:
        raise error(f"{path}: the {what} is larger than {_size(limit)}: refused unread")
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise error(f"{path}:{line}: the {what} must be UTF-8 text, not binary data")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(
            f"{path}:{line}: the {what} must be UTF-8 text (byte {exc.start + 1} is not)"
        ) from None


def parse_yaml(
    text: str, source: str, error: type[CounterdeskError]
) -> tuple[Any, yaml.Node | None]:
    """The data of one YAML document and its node tree (for line numbers), or an ``error``
    naming ``source``'s line."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return (None if root is None else loader.construct_document(root)), root
    except _Refused as refused:
        raise error(f"{source}:{refused.line}: {refused.message}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses: located by position
        line = text[: exc.position].count("\n") + 1
        raise error(f"{source}:{line}: not valid YAML: {str(exc).splitlines()[0]}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # libyaml marks a problem at the end of the text one line below its last line.
        last_line = text.count("\n") + 1
        where = f":{min(mark.line + 1, last_line)}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(f"{source}{where}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()


def parse_toml(text: str, source: str, error: type[CounterdeskError]) -> dict[str, Any]:
    """The table of a TOML document (TOML refuses duplicate keys itself), or an ``error``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{source}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses into nested arrays and tables
        raise error(f"{source}: not valid TOML: nested too deeply") from None


class _Loader(Composer, _Events, SafeConstructor, Resolver):
    """PyYAML's safe loader with the composer's checks added: every node passes through
    ``compose_node`` before anything is built from it."""

    def __init__(self, text: str) -> None:
        _Events.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._depth = self._values = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        mark = getattr(event, "start_mark", None)
        line = mark.line + 1 if mark is not None else 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(line, "anchors and aliases (&name, *name) are not allowed: write it out")
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(line, f"tags ({tag}) are not allowed")
        self._values += 1
        if self._values > MAX_VALUES:
            raise _Refused(line, f"more than {MAX_VALUES:,} values: not an office's size")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(line, f"nested more than {MAX_DEPTH} levels deep")
        node = super().compose_node(parent, index)
        self._depth -= 1
        return node

    def compose_mapping_node(self, anchor: Any) -> yaml.MappingNode:
        node: yaml.MappingNode = super().compose_mapping_node(anchor)
        first: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = key.start_mark.line + 1
            if key.value in first:
                raise _Refused(
                    line, f"key {key.value!r} is given twice (lines {first[key.value]} and {line})"
                )
            first[key.value] = line
        return node

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A scalar shaped like a date that is none (2027-02-30) stays text, so the schema names
        its key and what is expected, where PyYAML would raise a bare ValueError."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


# The loader's own table of constructors (add_constructor's typing refuses a loader class).
_Loader.yaml_constructors = {
    **_Loader.yaml_constructors,
    "tag:yaml.org,2002:timestamp": _Loader.construct_yaml_timestamp,
}


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit / 1000:g} kB"
