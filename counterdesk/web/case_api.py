"""The case API (``/api/v1/cases``): a back office reads and moves cases with an API key.

Every request carries ``Authorization: Bearer <key>`` (``counterdesk api-keys add NAME``):
none is 401, a revoked key 403, anything else that is not a key 401 with one message whatever
it was. Moves go through ``Cases.move`` / ``Cases.move_many`` (one transaction, all or none),
signed ``api:<key name>``, so the stages' rules, the log and the citizen's notices are the
console's. Refusals are problem objects naming what is wrong: 404 an unknown case or service,
409 a move the stages do not allow, 422 bad input; never a 5xx for anything a caller sends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import APIRouter, Path, Request, Security
from fastapi.security import HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response as AsgiResponse

from counterdesk import case_phrases as words
from counterdesk.phrases import Bilingual
from counterdesk.queue.api_keys import ApiKey, ApiKeys
from counterdesk.queue.cases import NUMBER_LENGTH, Case, CaseMove, Cases
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.web.api_models import (
    CASE_NUMBER,
    CaseBatchIn,
    CaseBatchOut,
    CaseMoveIn,
    CaseNewIn,
    CaseOut,
    problem_response,
)
from counterdesk.web.api_route import GuardedRoute
from counterdesk.web.problems import Refused
from counterdesk.web.response import model_json

BEARER = HTTPBearer(
    auto_error=False,  # the route answers a missing key itself, as a problem object
    description="an API key made by `counterdesk api-keys add NAME`",
)
T = TypeVar("T")
CHALLENGE = ("WWW-Authenticate", 'Bearer realm="counterdesk cases"')
KEYED = {
    401: problem_response("no API key, or not a valid one"),
    403: problem_response("the API key was revoked"),
}
ONE_CASE = {**KEYED, 404: problem_response("no such case")}
MOVED = {
    **ONE_CASE,
    400: problem_response("a body that is not JSON at all, or a malformed Content-Length"),
    409: problem_response("a move the case's stages do not allow"),
    411: problem_response("no Content-Length"),
    413: problem_response("the body is too large"),
}
CaseNumber = Annotated[
    str,
    Path(
        max_length=NUMBER_LENGTH,
        pattern=CASE_NUMBER,
        description="the office's case number",
        examples=["A115-000123"],
    ),
]


def checked_key(keys: ApiKeys, authorization: str | None) -> ApiKey:
    """The key of a request's Authorization header; Refused if it may not use the API."""
    scheme, _, secret = (authorization or "").partition(" ")
    if not authorization:
        raise Refused(401, words.API_NO_KEY, CHALLENGE)
    key = keys.check(secret.strip()) if scheme.lower() == "bearer" else None
    if key is None:
        raise Refused(401, words.API_BAD_KEY, CHALLENGE)
    if key.revoked:
        raise Refused(403, words.API_REVOKED)
    return key


def case_router(engine: TicketEngine) -> APIRouter:
    """The case API's endpoints, to include in the API's app."""
    keys, cases = ApiKeys(engine), Cases(engine)

    class KeyedRoute(GuardedRoute):
        """Checks the key before anything else (the body is not even read without one) and
        leaves it in the request's state for the endpoint."""

        async def refusal(self, request: Request) -> AsgiResponse | None:
            header = request.headers.get("authorization")
            try:
                request.state.api_key = await run_in_threadpool(checked_key, keys, header)
            except Refused as refused:
                return refused.answer.asgi()
            return await super().refusal(request)

    router = APIRouter(
        route_class=KeyedRoute,
        dependencies=[Security(BEARER)],  # documents the scheme in the OpenAPI schema
        responses=KEYED,  # type: ignore[arg-type]  # FastAPI's own annotation is narrower
        tags=["cases"],
    )

    def signature(request: Request) -> str:
        key: ApiKey = request.state.api_key
        return key.signature

    def answer(case: Case) -> AsgiResponse:
        return model_json(CaseOut.of(case, engine.business_date(), cases.events(case.number)))

    @router.get("/cases/{number}", response_model=CaseOut, responses=ONE_CASE)  # type: ignore[arg-type]
    def get_case(number: CaseNumber) -> AsgiResponse:
        """A case with its log: its stage, dates, the stages it may go to next."""
        return answer(_done(lambda: cases.by_number(number)))

    @router.post("/cases/{number}/moves", response_model=CaseOut, responses=MOVED)  # type: ignore[arg-type]
    def move_case(number: CaseNumber, move: CaseMoveIn, request: Request) -> AsgiResponse:
        """Move a case to ``stage``; the citizen is told if they chose that stage."""
        by = signature(request)
        return answer(
            _done(lambda: cases.move(number, move.stage, by=by, note=move.note, due=move.due))
        )

    @router.post("/cases/moves", response_model=CaseBatchOut, responses=MOVED)  # type: ignore[arg-type]
    def move_cases(batch: CaseBatchIn, request: Request) -> AsgiResponse:
        """Move many cases in one transaction: all of them, or none ("line N" names the first
        refused, counting from 1). The answer leaves out the cases' logs."""
        moves = [
            CaseMove(m.number, m.stage, m.note, m.due, line)
            for line, m in enumerate(batch.moves, 1)
        ]
        by = signature(request)
        moved = _done(lambda: cases.move_many(moves, by=by))
        today = engine.business_date()
        return model_json(CaseBatchOut(cases=[CaseOut.of(case, today) for case in moved]))

    @router.post("/cases", response_model=CaseOut, responses=MOVED)  # type: ignore[arg-type]
    def register_case(new: CaseNewIn, request: Request) -> AsgiResponse:
        """Register a case handed in elsewhere than at a counter's ticket (received today)."""
        by = signature(request)
        number, service, ubn = new.number, new.service, new.business_number
        return answer(
            _done(lambda: cases.register(number, service=service, business_number_text=ubn, by=by))
        )

    return router


def _done(work: Callable[[], T]) -> T:
    """``work()``, its domain refusal a problem object: 404 not found, 422 bad input, 409 a
    state that does not allow it."""
    try:
        return work()
    except NotFound as exc:
        raise Refused(404, _reason(words.API_NOT_FOUND, exc)) from None
    except InvalidInput as exc:
        raise Refused(422, _reason(words.API_INVALID, exc)) from None
    except QueueError as exc:
        raise Refused(409, _reason(words.API_REFUSED, exc)) from None


def _reason(phrase: Bilingual, exc: Exception) -> Bilingual:
    return phrase.fill(reason=str(exc))
