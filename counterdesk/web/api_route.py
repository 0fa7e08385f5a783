"""The API's route: failures are problem objects, and a request may be answered before its
endpoint runs (a body too large, a key missing: ``refusal``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response as AsgiResponse

from counterdesk import phrases
from counterdesk.logs import log_failure
from counterdesk.queue.errors import DatabaseError, error_text
from counterdesk.web.limits import body_trouble
from counterdesk.web.problems import problem
from counterdesk.web.site import redact

log = logging.getLogger(__name__)

MAX_BODY = 256 * 1024  # a batch of the most moves, each with the longest note, fits


class GuardedRoute(APIRoute):
    """A route whose failures are problem objects, logged without a database error's SQL.

    Caught here, not by an exception handler for ``Exception``: Starlette re-raises after such
    a handler, and the server would log the traceback with the statement's parameters.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, AsgiResponse]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> AsgiResponse:
            try:
                refused = await self.refusal(request)
                return refused or await handler(request)
            except (HTTPException, RequestValidationError):
                raise  # the API's exception handlers answer them
            except (SQLAlchemyError, DatabaseError) as exc:
                where = redact(request.url.path)
                log.error(
                    "database error answering %s %s: %s", request.method, where, error_text(exc)
                )
                return problem(503, phrases.UNAVAILABLE, ("Retry-After", "5")).asgi()
            except Exception as exc:
                where = redact(request.url.path)
                log_failure(log, exc, "failed to answer %s %s", request.method, where)
                return problem(500, phrases.FAILED).asgi()

        return guarded

    async def refusal(self, request: Request) -> AsgiResponse | None:
        """Why the request is answered before its endpoint runs, or None: a POST's body must
        state one Content-Length up to ``MAX_BODY`` (FastAPI would read any body whole)."""
        if request.method != "POST":
            return None
        trouble = body_trouble(request.headers, MAX_BODY)
        return None if trouble is None else problem(*trouble).asgi()
