"""``counterdesk api-keys``: add prints the key once, list never shows it, revoke is for good;
refusals are one line and an exit code, as a real process on a real SQLite file."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Run

pytestmark = pytest.mark.slow  # every test runs main.py as a real process


def test_add_list_and_revoke_a_key(run: Run) -> None:
    added = run("--json", "api-keys", "add", "back-office")
    assert added.returncode == 0, added.stderr
    key = json.loads(added.stdout)["key"]
    assert key.startswith("cdk_")

    listed = run("api-keys", "list")
    assert listed.returncode == 0 and "back-office" in listed.stdout and "active" in listed.stdout
    assert key not in listed.stdout

    revoked = run("api-keys", "revoke", "back-office")
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    assert "revoked 20" in run("api-keys", "list").stdout

    again = run("api-keys", "revoke", "back-office")
    assert again.returncode == 1 and again.stderr.strip().endswith("was revoked already")
    taken = run("api-keys", "add", "back-office")
    assert taken.returncode == 1 and "exists already" in taken.stderr
    bad = run("api-keys", "add", "no spaces")
    assert bad.returncode != 0 and "lower-case letters" in bad.stderr
    assert "Traceback" not in again.stderr + taken.stderr + bad.stderr
