"""API keys: shown once, stored only as a hash, named once for good, revoked for good."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from counterdesk.queue.api_keys import MAX_KEY, PREFIX, ApiKeyRefused, ApiKeys
from counterdesk.queue.cases import Cases
from counterdesk.queue.clock import ManualClock
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput, NotFound
from counterdesk.queue.models import ApiKeyRow


def test_a_key_is_shown_once_and_only_its_hash_is_kept(engine: TicketEngine) -> None:
    keys = ApiKeys(engine)
    made = keys.create(" Back-Office ")
    assert made.key.name == "back-office" and made.key.signature == "api:back-office"
    assert made.secret.startswith(PREFIX) and len(made.secret) == len(PREFIX) + 43
    with engine.db.read() as session:
        [row] = session.scalars(select(ApiKeyRow))
    assert row.key_hash == hashlib.sha256(made.secret.encode()).hexdigest()
    assert made.secret not in repr(keys.listed())
    assert keys.check(made.secret) == made.key
    assert keys.create("other").secret != made.secret


def test_the_longest_name_signs_a_move(engine: TicketEngine) -> None:
    signature = ApiKeys(engine).create("k" * 40).key.signature
    cases = Cases(engine)
    cases.register("A1", service="amendment", by=signature)
    cases.move("A1", "under_review", by=signature)
    assert [event.by for event in cases.events("A1")] == [signature, signature]


@pytest.mark.parametrize("wrong", ["", "cdk_", "x" * (MAX_KEY + 1), "cdk_" + "A" * 43])
def test_any_other_text_is_no_key(engine: TicketEngine, wrong: str) -> None:
    ApiKeys(engine).create("back-office")
    assert ApiKeys(engine).check(wrong) is None


def test_a_revoked_key_is_known_as_revoked_and_its_name_is_never_reused(
    engine: TicketEngine, clock: ManualClock
) -> None:
    keys = ApiKeys(engine)
    made = keys.create("back-office")
    clock.advance(minutes=5)
    revoked = keys.revoke("back-office")
    assert revoked.revoked and revoked.revoked_at == clock.now()
    checked = keys.check(made.secret)
    assert checked is not None and checked.revoked
    with pytest.raises(ApiKeyRefused, match="revoked already"):
        keys.revoke("back-office")
    with pytest.raises(ApiKeyRefused, match="exists already"):
        keys.create("BACK-OFFICE")
    with pytest.raises(NotFound, match="no API key named nobody"):
        keys.revoke("nobody")


@pytest.mark.parametrize("name", ["", "-x", "a b", "x" * 41, "名稱", "a\x00"])
def test_a_key_name_is_a_short_plain_word(engine: TicketEngine, name: str) -> None:
    with pytest.raises(InvalidInput, match="must be 1 to 40 lower-case letters"):
        ApiKeys(engine).create(name)
