"""schemathesis, a tool no one here wrote, against the API's own OpenAPI schema: generated
requests (fitting the schema and not) over a real SQLite file with the sample office and
tickets in several states must never get a 5xx, and every answer (problem objects included)
must match the schema, its status codes and its media types."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.web.app import status_app
from counterdesk.web.limits import Limits
from counterdesk.web.site import StatusSite
from tests.web.support import finished

PATHS = ("/services", "/tickets/{token}", "/events")


@pytest.fixture
def tokens(engine: TicketEngine, clock: ManualClock) -> list[str]:
    """Tickets finished, called and waiting (one with priority)."""
    done = finished(engine, clock)
    called = engine.issue("precheck")
    engine.call_next(1)
    waiting = engine.issue("incorporation", priority=True)
    return [done.token, called.token, waiting.token]


@pytest.fixture
def api(engine: TicketEngine, tokens: list[str]) -> Starlette:
    """The whole site, as the server serves it (its connection limits aside)."""
    return status_app(StatusSite(engine), Limits())


@pytest.mark.slow
def test_the_api_keeps_its_schema(api: Starlette, tokens: list[str]) -> None:
    """Each operation in turn (schemathesis' own pytest plugin does not run on pytest 9)."""
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", api)
    for path in PATHS:
        operation = schema[path]["GET"]
        strategies = [operation.as_strategy(mode) for mode in schemathesis.GenerationMode]
        if "{token}" in path:  # generated tokens are all unknown: the real ones too
            strategies += [operation.as_strategy(path_parameters={"token": t}) for t in tokens]

        @given(case=st.one_of(strategies))
        @settings(
            max_examples=40,
            deadline=None,  # a loaded 2-core machine: bounded by the examples, not by time
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def conforms(case: schemathesis.Case) -> None:
            case.call_and_validate()

        conforms()
