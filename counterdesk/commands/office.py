"""``counterdesk office check|load`` and ``counterdesk db upgrade``: the office file and the
database it is loaded into, set up before any window opens."""

from __future__ import annotations

import argparse
from typing import Any

from counterdesk.command_line import CommandFactory
from counterdesk.queue import load_office, open_office
from counterdesk.queue.database import Database, schema_version
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
