"""The versioned JSON API (``/api/v1/``): FastAPI, mounted into the status site.

FastAPI because its OpenAPI schema is made from the same pydantic models that shape the
answers, so the schema cannot drift from what is served (schemathesis checks it). The
endpoints here are public and read-only: what the office's home page, a ticket's holder and the
public board may see anyway; the case API beside them (``case_api.py``) needs a back office's
key. Every answer is a :class:`Response`, so it carries the site's
security headers; every error is a problem object (``problems.py``).
"""

from __future__ import annotations

import http
import logging
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query
from fastapi.exceptions import RequestValidationError
from pydantic import Field
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response as AsgiResponse

from counterdesk import phrases
from counterdesk.phrases import Bilingual
from counterdesk.queue import EventKind
from counterdesk.queue.arguments import EVENT_IDS
from counterdesk.queue.change_feed import ASKED_GAPS, still_missing
from counterdesk.web.api_models import (
    EventPage,
    PublicEvent,
    ServiceNow,
    Services,
    TicketNow,
    Words,
    problem_response,
)
from counterdesk.web.api_route import GuardedRoute
from counterdesk.web.case_api import case_router
from counterdesk.web.problems import Refused, problem
from counterdesk.web.response import NO_STORE, model_json
from counterdesk.web.site import StatusSite

log = logging.getLogger(__name__)

VERSION = "1"
FEED_LIMIT = 500  # events one page of the feed holds at most (the board asks for far fewer)
# What a display may know of the log: tickets moving and counters opening. Not the staff's
# PIN refusals, the printer's states, the office file's reloads or a restore.
PUBLIC_KINDS = frozenset(
    kind
    for kind in EventKind
    if kind
    not in {
        EventKind.PIN_REFUSED,
        EventKind.PIN_UNLOCKED,
        EventKind.PIN_RESET,
        EventKind.PRINTED,
        EventKind.OFFICE_LOADED,
        EventKind.RESTORED,
    }
)
# The home page's figures move slowly: the website or a proxy may reuse them for a few seconds.
# The feed's answer to after=N grows with each call, and a board must see a call within half a
# second: a cache may keep it but must ask again each time. A ticket is its holder's: no-store.
SERVICES_CACHE = "public, max-age=5"
FEED_CACHE = "no-cache"

_PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: problem_response(http.HTTPStatus(code).phrase) for code in (422, 429, 500, 503)
}


def api_app(site: StatusSite) -> FastAPI:
    """The API over ``site``'s engine; mount it at ``/api/v1``."""
    app = FastAPI(
        title="counterdesk",
        version=VERSION,
        summary="The office's queue, in public: services and waits, a ticket, the calls",
        openapi_url="/openapi.json",
        docs_url=None,  # Swagger UI loads its script from a CDN, which the CSP forbids
        redoc_url=None,
        responses=_PROBLEMS,
        generate_unique_id_function=lambda route: route.name,
    )
    app.router.route_class = GuardedRoute
    engine = site.engine

    @app.get("/services", response_model=Services)
    def services() -> AsgiResponse:
        """The office's services with the people waiting and the wait for a ticket taken now."""
        status = engine.read.status()
        body = Services(
            office=Words.of(Bilingual.of(engine.office.office.name)),
            business_date=status.business_date,
            services=[ServiceNow.of(service) for service in status.services],
        )
        return model_json(body, SERVICES_CACHE)

    @app.get(
        "/tickets/{token}",
        response_model=TicketNow,
        responses={404: problem_response("no such ticket (or no longer)")},
    )
    def ticket(
        token: Annotated[str, Path(description="the token of the ticket's QR code")],
    ) -> AsgiResponse:
        """A ticket's status by the token of its QR code, in the words its page shows.

        Unknown, malformed and expired tokens are all 404, so a token cannot be probed.
        """
        status = site.status(token)  # a malformed token never reaches SQL
        if status is None:
            days = engine.office.feedback.rating_days
            hint = phrases.TICKET_NOT_FOUND_HINT.fill(days=days)
            return problem(404, phrases.TICKET_NOT_FOUND, hint=hint.en, hint_zh=hint.zh).asgi()
        return model_json(TicketNow.of(status), NO_STORE)

    @app.get("/events", response_model=EventPage)
    def events(
        after: Annotated[
            int, Query(ge=0, le=EVENT_IDS[1], description="the last event id already seen")
        ] = 0,
        limit: Annotated[int, Query(ge=1, le=FEED_LIMIT, description="events at most")] = 100,
        also: Annotated[
            list[Annotated[int, Field(ge=1, le=EVENT_IDS[1])]],
            Query(max_length=ASKED_GAPS, description="ids listed as missing by the last answer"),
        ] = [],  # noqa: B006 (FastAPI copies a query's default)
    ) -> AsgiResponse:
        """The event feed for displays: events after ``after``, oldest first, public fields only.

        Events of other kinds are left out, but ``last_id`` moves past them: ask again with it,
        and with ``also`` for each id in ``missing`` (an event that commits late, PostgreSQL).
        """
        found = engine.read.events_after(after, limit, also=sorted(set(also)))
        last_id = max([after, *(event.id for event in found)])
        body = EventPage(
            events=[PublicEvent.of(event) for event in found if event.kind in PUBLIC_KINDS],
            last_id=last_id,
            missing=still_missing(engine.read, after, found, also, engine.clock.now()),
        )
        return model_json(body, FEED_CACHE)

    app.include_router(case_router(engine))
    app.add_exception_handler(HTTPException, _http_problem)
    app.add_exception_handler(RequestValidationError, _invalid)
    return app


async def _http_problem(request: Request, exc: Exception) -> AsgiResponse:
    """FastAPI's 404 (no such path) and 405 (no such method) as problem objects; an
    endpoint's own refusal as it worded it."""
    assert isinstance(exc, HTTPException)
    if isinstance(exc, Refused):
        return exc.answer.asgi()
    if exc.status_code == 405:
        allow = (exc.headers or {}).get("Allow", "GET, HEAD")
        return problem(405, phrases.NOT_ALLOWED, ("Allow", allow)).asgi()
    if exc.status_code == 404:
        return problem(404, phrases.PAGE_NOT_FOUND).asgi()
    return problem(exc.status_code, phrases.BAD_REQUEST).asgi()


async def _invalid(request: Request, exc: Exception) -> AsgiResponse:
    """A parameter out of its range or of the wrong kind: 422, naming each and why."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"where": ".".join(str(part) for part in error["loc"]), "why": error["msg"]}
        for error in exc.errors()
    ]
    return problem(422, phrases.BAD_REQUEST, errors=errors).asgi()
