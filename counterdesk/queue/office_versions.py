"""Versions of the office configuration: each save is kept whole with who, when and why, so a
supervisor can see what changed between two and roll back to one.

A version is saved only through ``record_version``, in the same transaction as the office it
stores (``store_office``), and only after the office file's own models accepted it: there is one
set of rules, not one for the file and another for the window.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterdesk.queue.arguments import EVENT_IDS
from counterdesk.queue.database import Database, serialise_on
from counterdesk.queue.errors import InvalidInput, NotFound, OfficeFileError, QueueError
from counterdesk.queue.models import OfficeVersionRow
from counterdesk.queue.office import Office, validate_office
from counterdesk.queue.office_midday import refuse_renumbering
from counterdesk.queue.office_store import checked_office, store_office, stored_office
from counterdesk.queue.refusal_words import refusal

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

SUMMARY_LENGTH = 200
BY_LENGTH = 48
# Lists whose items are named by a key of theirs rather than their place: a service keeps its
# name in a diff when another is inserted before it.
_IDENTITIES = ("code", "number", "date")


class Member(NamedTuple):
    """A list's item on a key path: by its place (documents, steps; ``zh`` None) or by its
    name (a service's code, a counter's number; ``zh`` its Chinese name, else that name)."""

    key: str | int
    zh: str | None = None


# A key path: the office file's keys, and a list's items as ``Member``.
KeyPath = tuple[str | Member, ...]


@dataclass(frozen=True)
class Change:
    """One difference between two offices: where (``path``), what happened (``kind``: added,
    removed, changed or reordered) and the values in brief. Worded in English by ``english``
    (the command line's ``office diff``) and in Chinese by ``change_words``."""

    path: KeyPath
    kind: str
    old: str | None = None
    new: str | None = None

    def english(self) -> str:
        where = "".join(
            f"[{step.key}]" if isinstance(step, Member) else f".{step}" for step in self.path
        ).removeprefix(".")
        if self.kind == "changed":
            return f"{where}: {self.old} → {self.new}"
        if self.kind == "removed" and self.old is None:
            return f"{where} removed"
        return f"{where} {self.kind}: {self.old if self.kind == 'removed' else self.new}"


@dataclass(frozen=True)
class Version:
    number: int
    saved_at: dt.datetime
    saved_by: str
    summary: str


def record_version(
    session: Session,
    office: Office,
    *,
    by: str,
    summary: str,
    now: dt.datetime,
    based_on: Office | None = None,
    keep_equal: bool = False,
) -> int | None:
    """Store ``office`` and keep it as a new version; None when it equals the newest version,
    as when a terminal loads the same file again at start: then nothing is written either (no
    ``office_loaded`` event, which would make every terminal reload the office at each PC's
    start), unless the stored office differs from that version.

    ``based_on``: the office the edits started from; refused when another save came since, so
    one supervisor's save never silently undoes another's. ``keep_equal``: keep a version even
    when it equals the newest (no event then): an office file's load is remembered as its own
    (``loaded_from``), so a save made after it is never undone by the file at a start."""
    summary = " ".join(summary.split())
    if not summary:
        raise InvalidInput("say in a line what changed: the reason is kept with the version")
    if len(summary) > SUMMARY_LENGTH:
        raise InvalidInput(f"the reason is {len(summary)} characters: at most {SUMMARY_LENGTH}")
    # The checks across keys too: an office built in code (a rollback, a form) skipped them.
    validate_office(office.model_dump(mode="json"))
    # Saves one at a time: each checks ``based_on`` against the one committed before it.
    serialise_on(session, "counterdesk office versions")
    newest = session.execute(
        select(OfficeVersionRow.id, OfficeVersionRow.saved_by, OfficeVersionRow.config_json)
        .order_by(OfficeVersionRow.id.desc())
        .limit(1)
    ).first()
    # A newest version that no longer validates (an older counterdesk's key, a hand in the
    # database) is what nobody's edits started from, and never the office saved now.
    kept = (
        _readable(partial(checked_office, newest.config_json, f"office version {newest.id}"))
        if newest
        else None
    )
    if newest is not None and based_on is not None and kept is not None and kept != based_on:
        raise refusal(QueueError, "saved_meanwhile", number=newest.id, by=newest.saved_by)
    stored = _readable(partial(stored_office, session))
    if kept == office:
        if stored != office:  # e.g. a database from before versions were kept
            store_office(session, office, now)
        if not keep_equal:
            return None
    else:
        refuse_renumbering(session, stored, office, now)
        store_office(session, office, now)
    config = office.model_dump_json()
    row = OfficeVersionRow(
        saved_at=now, saved_by=by[:BY_LENGTH], summary=summary, config_json=config
    )
    session.add(row)
    session.flush()
    return row.id


def _readable(read: Callable[[], Office | None]) -> Office | None:
    """The office ``read`` gives (a version, the stored one), or None when it no longer
    validates (then it is replaced)."""
    try:
        return read()
    except OfficeFileError:
        return None


def versions(db: Database) -> list[Version]:
    """Every version, the newest first."""
    with db.read() as session:
        rows = session.execute(
            select(
                OfficeVersionRow.id,
                OfficeVersionRow.saved_at,
                OfficeVersionRow.saved_by,
                OfficeVersionRow.summary,
            ).order_by(OfficeVersionRow.id.desc())
        ).all()
    return [Version(*row) for row in rows]


def version_equal_to(db: Database, office: Office) -> int | None:
    """The newest version saved exactly as ``office``, if any: how a terminal's start knows
    its office file was loaded before (then a later save stands)."""
    with db.read() as session:
        return session.scalar(
            select(OfficeVersionRow.id)
            .where(OfficeVersionRow.config_json == office.model_dump_json())
            .order_by(OfficeVersionRow.id.desc())
            .limit(1)
        )


def loaded_reason(file: str) -> str:
    """The reason kept for an office file loaded without one typed (at a terminal's start, or
    by ``office load``): the file loaded, its path shortened from the front if need be (the end
    names it best), as a reason holds at most SUMMARY_LENGTH."""
    said = f"loaded {file}"
    if len(said) <= SUMMARY_LENGTH:
        return said
    return "loaded …" + file[-(SUMMARY_LENGTH - len("loaded …")) :]


def loaded_from(db: Database, file: str) -> tuple[int, str] | None:
    """The newest version loaded from ``file`` (its reason ``loaded_reason``): its number and
    the office it saved, as JSON."""
    with db.read() as session:
        row = session.execute(
            select(OfficeVersionRow.id, OfficeVersionRow.config_json)
            .where(OfficeVersionRow.summary == loaded_reason(file))
            .order_by(OfficeVersionRow.id.desc())
            .limit(1)
        ).first()
    return None if row is None else (row.id, row.config_json)


def office_at(db: Database, number: int) -> Office:
    """The office as version ``number`` saved it, held to the office file's every rule: an
    OfficeFileError naming the version and each problem when it no longer validates."""
    config = None
    if EVENT_IDS[0] <= number <= EVENT_IDS[1]:  # a number the database's ids can hold
        with db.read() as session:
            config = session.scalar(
                select(OfficeVersionRow.config_json).where(OfficeVersionRow.id == number)
            )
    if config is None:
        raise NotFound(f"no office version {number} (see counterdesk office versions)")
    return checked_office(config, f"office version {number}")


def compare(db: Database, first: int, second: int) -> list[str]:
    """What changed from version ``first`` to version ``second``, a line per key path."""
    return [change.english() for change in compare_changes(db, first, second)]


def compare_changes(db: Database, first: int, second: int) -> list[Change]:
    """``compare``, kept structured for a window to word."""
    return diff(office_at(db, first), office_at(db, second))


def rollback(
    engine: TicketEngine, number: int, *, by: str, based_on: Office | None = None
) -> int | None:
    """Make version ``number`` the office again, as a new version equal to it (the versions
    after it stay, so the rollback itself can be undone). ``based_on``: the newest version
    when the choice was made, as for a save (``record_version``)."""
    office = office_at(engine.db, number)
    return engine.load_office(
        office, by=by, summary=f"rolled back to version {number}", based_on=based_on
    )


def changes(old: Office, new: Office) -> list[str]:
    """Readable differences by key path, e.g. ``services[incorporation].documents[2] added``."""
    return [change.english() for change in diff(old, new)]


def diff(old: Office, new: Office) -> list[Change]:
    """The differences, each kept structured so a window can word it in its own language."""
    out: list[Change] = []
    _walk((), old.model_dump(mode="json"), new.model_dump(mode="json"), out)
    return out


def _walk(path: KeyPath, old: Any, new: Any, out: list[Change]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            child = (*path, key)
            if key not in new:
                out.append(Change(child, "removed"))
            elif key not in old:
                out.append(Change(child, "added", new=_brief(new[key])))
            else:
                _walk(child, old[key], new[key], out)
    elif isinstance(old, list) and isinstance(new, list):
        identity = _identity(old + new)
        if identity is None:
            _walk_places(path, old, new, out)
        else:
            _walk_named(path, identity, old, new, out)
    elif old != new:
        out.append(Change(path, "changed", _brief(old), _brief(new)))


def _walk_places(path: KeyPath, old: list[Any], new: list[Any], out: list[Change]) -> None:
    """A list without names (steps, documents), matched as a sequence: one item added at the
    top is one line, not every later item shifted by one place."""
    matcher = difflib.SequenceMatcher(a=_keys(old), b=_keys(new), autojunk=False)
    for tag, first, last, start, end in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and last - first == end - start:  # edited in place
            for offset in range(last - first):
                place = (*path, Member(start + offset))
                _walk(place, old[first + offset], new[start + offset], out)
            continue
        out.extend(
            Change((*path, Member(place)), "removed", old=_brief(old[place]))
            for place in range(first, last)
        )
        out.extend(
            Change((*path, Member(place)), "added", new=_brief(new[place]))
            for place in range(start, end)
        )


def _keys(items: list[Any]) -> list[str]:
    return [json.dumps(item, sort_keys=True, ensure_ascii=False) for item in items]


def _walk_named(path: KeyPath, key: str, old: list[Any], new: list[Any], out: list[Change]) -> None:
    before = {item[key]: item for item in old}
    after = {item[key]: item for item in new}
    for name, item in before.items():
        if name not in after:
            out.append(Change((*path, _member(name, item)), "removed", old=_brief(item)))
        else:
            _walk((*path, _member(name, after[name])), item, after[name], out)
    for name, item in after.items():
        if name not in before:
            out.append(Change((*path, _member(name, item)), "added", new=_brief(item)))
    kept_before = [name for name in before if name in after]
    kept_after = [name for name in after if name in before]
    if kept_before != kept_after:
        out.append(Change(path, "reordered", new=", ".join(map(str, kept_after))))


def _member(name: Any, item: dict[str, Any]) -> Member:
    """A named list's item, with its Chinese name when it has one (a service's), else its name."""
    label = item.get("name")
    return Member(name, label["zh"] if isinstance(label, dict) and label.get("zh") else str(name))


def _identity(items: list[Any]) -> str | None:
    """The key naming every item of a list of mappings, if one does so uniquely."""
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    for key in _IDENTITIES:
        if all(key in item for item in items):
            return key
    return None


def _brief(value: Any) -> str:
    """A value in a few words: a bilingual text as ``zh / en``, anything else as written."""
    if isinstance(value, dict) and "zh" in value and "en" in value:
        return f"{value['zh']} / {value['en']}"
    if isinstance(value, dict) and "name" in value and isinstance(value["name"], dict):
        return _brief(value["name"])
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"
