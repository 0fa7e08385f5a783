"""The status site as an ASGI application (Starlette): routes, request bodies, error pages.

Starlette is small, typed, and what FastAPI is built on: the JSON API of a later step can mount
FastAPI beside these routes without moving them. The site's work (database reads, the one
rating write) is synchronous, so it runs on Starlette's thread pool, never on the event loop
that keeps hundreds of idle connections waiting cheaply; only a poll answered from the shared
snapshot of live tickets (``live_tickets.py``), which never waits, stays on the loop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response as AsgiResponse
from starlette.routing import Mount, Route

from counterdesk import phrases
from counterdesk import reply_phrases as reply_words
from counterdesk.logs import log_failure
from counterdesk.phrases import Bilingual
from counterdesk.queue.cases import Cases
from counterdesk.queue.errors import DatabaseError, error_text
from counterdesk.queue.opt_out_links import OptOutLinks
from counterdesk.web.api import VERSION, api_app
from counterdesk.web.booking_guard import WriteGuard
from counterdesk.web.booking_site import BookingSite
from counterdesk.web.case_lookup import CaseLookup
from counterdesk.web.limits import Limits, body_trouble
from counterdesk.web.opt_out_site import OptOutSite
from counterdesk.web.problems import is_api, problem
from counterdesk.web.response import Response, event_stream
from counterdesk.web.site import StatusSite, not_allowed, plain, redact
from counterdesk.web.sms_inbound import InboundSettings, SmsInbound
from counterdesk.web.status import TicketStatus
from counterdesk.web.take_site import TakeSite
from counterdesk.web.watch_site import WatchSite

log = logging.getLogger(__name__)

METHODS = ("GET", "HEAD", "POST")
INBOUND_PATH = "/sms/inbound"


def status_app(
    site: StatusSite,
    limits: Limits,
    clock: Callable[[], float] = time.monotonic,
    *,
    inbound: InboundSettings | None = None,
    links: OptOutLinks | None = None,
) -> Starlette:
    """The routes of ``site`` and of its office's booking, take-a-number and opt-out pages
    (whose POSTs share one guard and rate limit), and the SMS gateway's inbound endpoint when
    ``inbound`` is set; every answer, error pages included, is one of their Responses.
    ``clock`` runs the POSTs' rate limit."""
    booking = BookingSite(site.engine)
    take = TakeSite(site.engine, booking.pages)
    opt_outs = OptOutSite(site.engine, links)
    watch = WatchSite(site)
    guard = WriteGuard(limits, clock)
    lookup = CaseLookup(Cases(site.engine), limits, clock)

    async def page(request: Request) -> AsgiResponse:
        # A waiting ticket's page reads the contact left on it: not on the event loop.
        return await _status_answer(request, site.page, site.page_of, lambda s: not s.can_watch)

    async def status_json(request: Request) -> AsgiResponse:
        return await _status_answer(request, site.json, site.json_of)

    async def _status_answer(
        request: Request,
        by_token: Callable[[str], Response],
        of_status: Callable[[TicketStatus], Response],
        on_loop: Callable[[TicketStatus], bool] = lambda status: True,
    ) -> AsgiResponse:
        """A live ticket's answer from the fresh shared snapshot, on the event loop: no thread,
        no database (unless ``on_loop`` says its answer reads). Any other ticket, or a stale
        snapshot, on the thread pool."""
        token = request.path_params["token"]
        try:
            status = site.live_status(token)
        except Exception:  # the thread pool's path answers it, and logs what failed
            status = None
        if status is None or not on_loop(status):
            return await _answer(request, lambda: by_token(token))
        if site.live.ageing():  # check it ahead of need, on a worker thread
            checking = asyncio.create_task(run_in_threadpool(site.live.check))
            checks.add(checking)
            checking.add_done_callback(_checked)
        return await _answer(request, lambda: of_status(status), on_loop=True)

    checks: set[asyncio.Task[None]] = set()  # under way: a task needs a reference

    def _checked(task: asyncio.Task[None]) -> None:
        checks.discard(task)
        failed = None if task.cancelled() else task.exception()
        if failed is not None:  # the next poll that finds the snapshot stale reads it again
            log.error("checking the live tickets failed: %s", error_text(failed))

    async def board(request: Request) -> AsgiResponse:
        return site.board_page().asgi()

    async def board_events(request: Request) -> AsgiResponse:
        """A board's one long connection. It was charged to the rate limit once, when it
        opened; the request deadline does not cut it, the request having arrived whole."""
        if request.method == "HEAD":
            return event_stream(iter(()))  # its headers only
        return event_stream(site.board.stream())

    async def static(request: Request) -> AsgiResponse:
        return site.static(request.path_params["name"]).asgi()

    async def rate(request: Request) -> AsgiResponse:
        refused = body_refusal(request.headers, limits.max_body_bytes)
        token = request.path_params["token"]
        return await _posted(request, refused, lambda body, kind: site.rate(token, body, kind))

    async def look_up(request: Request) -> AsgiResponse:
        """A case lookup: its guard and limits are the lookup's own (``case_lookup.py``)."""
        refused = body_refusal(request.headers, limits.max_body_bytes)
        client, headers = request.client.host if request.client else "", request.headers
        return await _posted(
            request, refused, lambda body, kind: lookup.ask(client, headers, body, kind)
        )

    def get(respond: Callable[..., Response]) -> Callable[[Request], Awaitable[AsgiResponse]]:
        """A booking or take-a-number page's GET: ``respond`` with the path's parts, on the
        thread pool."""

        async def endpoint(request: Request) -> AsgiResponse:
            return await _answer(request, lambda: respond(**request.path_params))

        return endpoint

    def post(
        write: Callable[..., Response], free: Callable[..., bool] | None = None
    ) -> Callable[[Request], Awaitable[AsgiResponse]]:
        """A booking, take-a-number, turn-notice or opt-out form's POST: from the site's own
        page, within the address's few an hour (not charged when ``free`` says the path's
        parts prove it is no guess: a mail provider's one-click unsubscribes), with a small
        form; ``write`` with the path's parts, the body and its type."""

        async def endpoint(request: Request) -> AsgiResponse:
            client = request.client.host if request.client else ""
            charge = free is None or not free(**request.path_params)
            refused = body_refusal(request.headers, limits.max_body_bytes) or guard.refusal(
                client, request.headers, charge=charge
            )
            params = request.path_params
            return await _posted(
                request, refused, lambda body, kind: write(**params, body=body, content_type=kind)
            )

        return endpoint

    async def sms_inbound(request: Request) -> AsgiResponse:
        """A text from the SMS gateway: its secret checked before its body is read."""
        gateway = replies
        assert gateway is not None  # routed only with the settings
        refused = body_refusal(request.headers, limits.max_body_bytes)
        if refused is None and not gateway.authorised(request.headers, request.query_params):
            refused = problem(403, reply_words.GATEWAY_REFUSED)
        return await _posted(request, refused, gateway.receive)

    replies = None if inbound is None else SmsInbound(site.engine, inbound)
    book = "/book/{code}/{day}/{time}"
    move = "/b/{token}/move/{day}/{time}"
    routes = [
        Route("/t/{token}", page, methods=["GET"]),  # and HEAD, as every GET route
        Route("/book", get(booking.services), methods=["GET"]),
        Route("/book/{code}", get(booking.days), methods=["GET"]),
        Route("/book/{code}/{day}", get(booking.times), methods=["GET"]),
        Route(book, get(booking.confirm), methods=["GET"]),
        Route(book, post(booking.book), methods=["POST"]),
        Route("/b/{token}.ics", get(booking.calendar), methods=["GET"]),  # before /b/{token}
        Route("/b/{token}", get(booking.booking), methods=["GET"]),
        Route("/b/{token}/move", get(booking.move_days), methods=["GET"]),
        Route("/b/{token}/move/{day}", get(booking.move_times), methods=["GET"]),
        Route(move, get(booking.move_confirm), methods=["GET"]),
        Route(move, post(booking.move), methods=["POST"]),
        Route("/b/{token}/cancel", get(booking.cancel_question), methods=["GET"]),
        Route("/b/{token}/cancel", post(booking.cancel), methods=["POST"]),
        Route("/u/{token}", get(opt_outs.question), methods=["GET"]),
        Route("/u/{token}", post(opt_outs.opt_out, opt_outs.valid), methods=["POST"]),
        Route("/take", get(take.services), methods=["GET"]),
        Route("/take/{code}", get(take.confirm), methods=["GET"]),
        Route("/take/{code}", post(take.take), methods=["POST"]),
        Route("/case", get(lookup.form), methods=["GET"]),
        Route("/case", look_up, methods=["POST"]),
        Route("/case/{key}", get(lookup.answer), methods=["GET"]),
        Route("/api/t/{token}", status_json, methods=["GET"]),
        Route("/t/{token}/rate", rate, methods=["POST"]),
        Route("/t/{token}/watch", post(watch.leave), methods=["POST"]),
        Route("/t/{token}/watch/remove", post(watch.remove), methods=["POST"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/board", board, methods=["GET"]),
        Route("/board/events", board_events, methods=["GET"]),
        Mount(f"/api/v{VERSION}", app=api_app(site)),
    ]
    if replies is not None:  # without a secret in the settings, there is no such address
        routes.append(Route(INBOUND_PATH, sms_inbound, methods=["POST"]))
    return Starlette(routes=routes, exception_handlers={HTTPException: _refusal})


def body_refusal(headers: Headers, max_bytes: int) -> Response | None:
    """Why a POST's body is not read (``limits.body_trouble``), as a page."""
    trouble = body_trouble(headers, max_bytes)
    return None if trouble is None else plain(*trouble)


async def _posted(
    request: Request, refused: Response | None, respond: Callable[[bytes, str], Response]
) -> AsgiResponse:
    """A POST's answer: ``refused`` if given, else ``respond(body, content type)`` on the
    thread pool once the whole body is in."""
    if refused is not None:
        return refused.asgi()
    try:
        body = await request.body()
    except ClientDisconnect:  # cut off (too slow) or gone: nobody to answer
        return plain(400, phrases.BAD_REQUEST).asgi()
    content_type = request.headers.get("content-type", "")
    return await _answer(request, lambda: respond(body, content_type))


async def _answer(
    request: Request, respond: Callable[[], Response], *, on_loop: bool = False
) -> AsgiResponse:
    """``respond()`` on the thread pool (on the event loop if it never waits); a database
    failure is "temporarily unavailable", any other failure a plain 500, logged without a
    database error's statement or parameters."""
    where = redact(request.url.path)
    try:
        response = respond() if on_loop else await run_in_threadpool(respond)
    except (SQLAlchemyError, DatabaseError) as exc:
        log.error("database error answering %s %s: %s", request.method, where, error_text(exc))
        response = _failure(request.url.path, 503, phrases.UNAVAILABLE)
    except Exception as exc:
        log_failure(log, exc, "failed to answer %s %s", request.method, where)
        response = _failure(request.url.path, 500, phrases.FAILED)
    return response.asgi()


async def _refusal(request: Request, exc: Exception) -> AsgiResponse:
    """Starlette's 404 and 405 as bilingual pages (problem objects under /api/); a method no
    route takes is 405 anywhere."""
    path = request.url.path
    allowed: tuple[str, ...] = METHODS
    if request.method in METHODS:
        if not (isinstance(exc, HTTPException) and exc.status_code == 405 and exc.headers):
            return _failure(path, 404, phrases.PAGE_NOT_FOUND).asgi()
        allowed = tuple(m for m in METHODS if m in exc.headers.get("Allow", "").split(", "))
    if is_api(path):
        return problem(405, phrases.NOT_ALLOWED, ("Allow", ", ".join(allowed))).asgi()
    return not_allowed(allowed).asgi()


def _failure(path: str, status: int, words: Bilingual) -> Response:
    """An error as the path's kind of client reads it: a problem object or a page."""
    return problem(status, words) if is_api(path) else plain(status, words)
