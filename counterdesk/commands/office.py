"""``counterdesk office check|load`` and ``counterdesk db upgrade|backup|restore|roles``: the
office file and the database it is loaded into, set up before any window opens and kept."""

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
from counterdesk.queue.database import Database, schema_version
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.roles import ROLES, grant_roles, require_postgresql, role_name
from counterdesk.settings import load_settings


def register(command: CommandFactory) -> None:
    office = command.group("office", "check or load an office file")
    for name, handler, text in (
        ("check", _office_check, "validate an office file (exit 2 with every problem)"),
        ("load", _office_load, "make an office file the database's configuration"),
    ):
        office(name, handler, text).add_argument("file")
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
    engine.load_office(office)
    return {"loaded": args.file, "text": f"loaded {args.file}: {office.office.name.en}"}


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
    restore(settings.db, args.file)
    return {"restored": str(args.file), "text": f"restored {args.file} into {settings.db}"}


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
