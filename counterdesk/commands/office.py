"""``counterdesk office check|load|versions|diff|rollback`` and
``counterdesk db upgrade|backup|restore|roles``: the office file, its versions in the database,
and the database it is loaded into, set up before any window opens and kept."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import Any

from counterdesk.command_line import CommandFactory
from counterdesk.queue import load_office, open_office
from counterdesk.queue.backup import backup_into, restore
from counterdesk.queue.change_words import saved_by_here
from counterdesk.queue.database import Database, schema_version
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.office_versions import compare, loaded_reason, rollback, versions
from counterdesk.queue.roles import ROLES, grant_roles, require_postgresql, role_name
from counterdesk.settings import load_settings


def register(command: CommandFactory) -> None:
    office = command.group("office", "check or load an office file")
    office(
        "check", _office_check, "validate an office file (exit 2 with every problem)"
    ).add_argument("file")
    load = office("load", _office_load, "make an office file the database's configuration")
    load.add_argument("file")
    load.add_argument("--reason", help="why, kept with the version (default: the file's name)")
    office("versions", _office_versions, "list the office's saved versions, newest first")
    diff = office("diff", _office_diff, "what changed from one version to another")
    diff.add_argument("first", type=int, help="the older version's number")
    diff.add_argument("second", type=int, help="the newer version's number")
    office(
        "rollback", _office_rollback, "make an earlier version the office again (a new version)"
    ).add_argument("version", type=int)
    database = command.group("db", "database maintenance")
    database(
        "upgrade", _db_upgrade, "create the database or upgrade its schema: nothing else makes one"
    )
    made = database(
        "backup",
        _db_backup,
        "copy the database, consistent while terminals run, into a folder (a daily job)",
    )
    made.add_argument("folder", type=Path, help="where backups are kept, each named by its time")
    made.add_argument("--keep", type=int, default=14, help="backups kept, the newest (14)")
    database(
        "restore", _db_restore, "replace the database by a backup (close the terminals first)"
    ).add_argument("file", type=Path)
    database(
        "roles",
        _db_roles,
        "PostgreSQL: create a login per terminal kind with only the grants it needs "
        "(run as postgres; again after every upgrade)",
    ).add_argument(
        "--passwords",
        action="store_true",
        help="set their passwords: asked for each, or read from stdin one line per role in "
        f"the order {', '.join(ROLES)} (an empty line keeps a password)",
    )


def _office_check(args: argparse.Namespace) -> dict[str, Any]:
    office = load_office(args.file)
    return {
        "file": args.file,
        "valid": True,
        "office": office.office.name.en,
        "services": len(office.services),
        "counters": len(office.counters),
        "staff": len(office.staff),
        "text": f"{args.file}: OK — {office.office.name.zh} / {office.office.name.en}: "
        f"{len(office.services)} services, {len(office.counters)} counters, "
        f"{len(office.staff)} staff",
    }


def _office_load(args: argparse.Namespace) -> dict[str, Any]:
    """Load the file given, not the settings' office: ``open_office`` would load that first."""
    office = load_office(args.file)
    engine = open_office(load_settings(args.db, None, args.config).db)
    number = engine.load_office(office, by=_who(), summary=args.reason or loaded_reason(args.file))
    kept = f"version {number}" if number else "no change from the newest version"
    return {
        "loaded": args.file,
        "version": number,
        "text": f"loaded {args.file}: {office.office.name.en} ({kept})",
    }


def _office_versions(args: argparse.Namespace) -> dict[str, Any]:
    kept = versions(_database(args))
    lines = [
        f"{v.number:>4}  {v.saved_at:%Y-%m-%d %H:%M} UTC  {v.saved_by}: {v.summary}" for v in kept
    ]
    return {
        "versions": [
            {
                "number": v.number,
                "saved_at": v.saved_at.isoformat(),
                "by": v.saved_by,
                "summary": v.summary,
            }
            for v in kept
        ],
        "text": "\n".join(lines) or "no versions kept yet",
    }


def _office_diff(args: argparse.Namespace) -> dict[str, Any]:
    lines = compare(_database(args), args.first, args.second)
    return {
        "changes": lines,
        "text": "\n".join(lines) or f"versions {args.first} and {args.second} are the same",
    }


def _office_rollback(args: argparse.Namespace) -> dict[str, Any]:
    engine = open_office(load_settings(args.db, None, args.config).db)
    number = rollback(engine, args.version, by=_who())
    kept = f"version {number}" if number else "it is the newest version already"
    return {"version": number, "text": f"rolled back to version {args.version} ({kept})"}


def _database(args: argparse.Namespace) -> Database:
    return Database(load_settings(args.db, None, args.config).db)


def _who() -> str:
    """The PC's user who ran the command: kept with the version as who saved it."""
    return saved_by_here("command line")


def _db_upgrade(args: argparse.Namespace) -> dict[str, Any]:
    settings = load_settings(args.db, None, args.config)
    db = Database(settings.db, create=True)
    version = schema_version(db.engine)
    return {
        "database": settings.db,
        "schema": version,
        "text": f"{settings.db}: schema at {version}",
    }


def _db_backup(args: argparse.Namespace) -> dict[str, Any]:
    settings = load_settings(args.db, None, args.config)
    made, deleted = backup_into(settings.db, args.folder, dt.datetime.now(), args.keep)
    text = f"backed up to {made}" + (f"; {len(deleted)} older deleted" if deleted else "")
    return {"backup": str(made), "deleted": [str(path) for path in deleted], "text": text}


def _db_restore(args: argparse.Namespace) -> dict[str, Any]:
    settings = load_settings(args.db, None, args.config)
    restored = restore(settings.db, args.file)
    lost = restored.lost
    said = f"restored {args.file} into {settings.db}"
    if lost:
        tickets = "1 ticket" if len(lost) == 1 else f"{len(lost)} tickets"
        said += (
            f"; {tickets} issued since the backup ({', '.join(lost[:10])}"
            f"{', …' if len(lost) > 10 else ''}) are gone, and their numbers are not issued again"
        )
    return {"restored": str(args.file), "lost": lost, "text": said}


def _db_roles(args: argparse.Namespace) -> dict[str, Any]:
    settings = load_settings(args.db, None, args.config)
    require_postgresql(settings.db)
    passwords = _read_passwords() if args.passwords else {}
    db = Database(settings.db)
    try:
        names = grant_roles(db, passwords)
    finally:
        db.dispose()
    lines = [f"{role_name(kind)}: {role.purpose}" for kind, role in ROLES.items()]
    return {
        "roles": names,
        "passwords_set": sorted(role_name(kind) for kind in passwords),
        "text": "\n".join(lines),
    }


def _read_passwords() -> dict[str, str]:
    """One password per role from the terminal, or a line each from stdin: never an argument,
    which every user of the PC could read in the process list."""
    passwords = {}
    for kind in ROLES:
        if sys.stdin.isatty():
            password = getpass.getpass(f"password for {role_name(kind)} (empty: unchanged): ")
        else:
            line = sys.stdin.readline()
            if not line:
                raise InvalidInput(
                    f"--passwords: stdin ended before the password of {role_name(kind)} "
                    f"(give {len(ROLES)} lines: {', '.join(ROLES)})"
                )
            password = line.rstrip("\r\n")
        if password:
            passwords[kind] = password
    return passwords
