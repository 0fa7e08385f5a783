"""schemathesis against the case API's own OpenAPI schema, with a real key and without one:
generated requests (fitting the schema and not) over a real SQLite file holding cases in
several stages must never get a 5xx, and every answer must match the schema.

A body that fits the schema may still be refused with 422 by the domain's rules no JSON Schema
says (a correction needs a note and a date after today; a business number's check digit), so
"schema-valid data is accepted" is checked for the reads only."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.api_keys import ApiKeys
from counterdesk.web.app import status_app
from counterdesk.web.limits import Limits
from counterdesk.web.site import StatusSite
from tests.web.cases import NUMBER, with_case

OPERATIONS = (
    ("/cases/{number}", "GET"),
    ("/cases/{number}/moves", "POST"),
    ("/cases/moves", "POST"),
    ("/cases", "POST"),
)


@pytest.fixture
def api(engine: TicketEngine, clock: ManualClock) -> Starlette:
    with_case(engine, clock, "under_review")
    with_case(engine, clock, "approved", number="A115-000124")
    return status_app(StatusSite(engine), Limits())


@pytest.mark.slow
def test_the_case_api_keeps_its_schema(api: Starlette, engine: TicketEngine) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", api)
    keys = ApiKeys(engine)
    key = keys.create("back-office").secret
    revoked = keys.create("old")
    keys.revoke("old")
    authorizations = st.sampled_from(
        [f"Bearer {key}", f"Bearer {key}", f"Bearer {revoked.secret}", None, "Bearer nope"]
    )
    for path, method in OPERATIONS:
        operation = schema[path][method]
        strategies = [operation.as_strategy(mode) for mode in schemathesis.GenerationMode]
        if "{number}" in path:  # generated numbers are all unknown: a real one too
            strategies.append(operation.as_strategy(path_parameters={"number": NUMBER}))
        excluded = [schemathesis.checks.positive_data_acceptance] if method == "POST" else []
        conforms(st.one_of(strategies), authorizations, excluded)


def conforms(
    cases: st.SearchStrategy[schemathesis.Case],
    authorizations: st.SearchStrategy[str | None],
    excluded: list[schemathesis.checks.CheckFunction],
) -> None:
    """Each generated request, with each kind of key, answered as the schema says."""

    @given(case=cases, authorization=authorizations)
    @settings(
        max_examples=40,
        deadline=None,  # a loaded 2-core machine: bounded by the examples, not by time
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def answered(case: schemathesis.Case, authorization: str | None) -> None:
        headers = {"Authorization": authorization} if authorization else {}
        response = case.call_and_validate(headers=headers, excluded_checks=excluded)
        assert response.status_code < 500

    answered()
