"""An HTTP response, with the headers every answer of the status server carries.

One method lists every response's headers, for the application's answers (through Starlette)
and the connection's own refusals (raw bytes, before any request is read) alike, so no answer
can leave without the security headers.
"""

from __future__ import annotations

import dataclasses
import http
import json
from collections.abc import AsyncIterable, Iterable
from typing import Any

from starlette.responses import Response as AsgiResponse
from starlette.responses import StreamingResponse

# The token is in the URL: no referrer may carry it to another site, and no cache may keep it.
# "same-origin", not "no-referrer": with no referrer at all a browser sends "Origin: null" on
# the site's own forms, and the booking pages could not tell them from another site's.
SECURITY_HEADERS = (
    (
        "Content-Security-Policy",
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)
NO_STORE = "no-store"
NO_BUFFERING = ("X-Accel-Buffering", "no")


@dataclasses.dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str
    cache: str = NO_STORE
    headers: tuple[tuple[str, str], ...] = ()

    def header_list(self) -> list[tuple[str, str]]:
        """Every header but the length. One request per connection: a page polls every few
        seconds, longer than an idle keep-alive connection is worth holding."""
        return [
            ("Content-Type", self.content_type),
            ("Cache-Control", self.cache),
            ("Connection", "close"),
            *SECURITY_HEADERS,
            *self.headers,
        ]

    def to_bytes(self) -> bytes:
        """The whole response on the wire, for a refusal written before any request is read."""
        lines = [
            f"HTTP/1.1 {self.status} {http.HTTPStatus(self.status).phrase}",
            f"Content-Length: {len(self.body)}",
            *(f"{name}: {value}" for name, value in self.header_list()),
        ]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + self.body

    def asgi(self) -> AsgiResponse:
        """The same answer for Starlette (which sets the length, and sends HEAD without body)."""
        response = AsgiResponse(self.body, self.status)
        for name, value in self.header_list():
            response.headers.append(name, value)
        return response

    def stream(self, chunks: AsyncIterable[str] | Iterable[str]) -> StreamingResponse:
        """This answer's status and headers with a body sent as ``chunks`` come (no length)."""
        return StreamingResponse(chunks, self.status, headers=dict(self.header_list()))


def html(status: int, page: str, *headers: tuple[str, str]) -> Response:
    return Response(status, page.encode("utf-8"), "text/html; charset=utf-8", headers=headers)


def see_other(location: str, page: str) -> Response:
    """A 303 to ``location`` (a path on this server): the browser GETs it after a POST."""
    return html(303, page, ("Location", location))


def event_stream(chunks: AsyncIterable[str] | Iterable[str]) -> StreamingResponse:
    """Server-sent events; a proxy must pass each message on at once, not buffer them."""
    stream = Response(200, b"", "text/event-stream; charset=utf-8", headers=(NO_BUFFERING,))
    return stream.stream(chunks)


def json_body(status: int, value: Any) -> Response:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(status, body, "application/json; charset=utf-8")


def model_json(model: Any, cache: str = NO_STORE) -> AsgiResponse:
    """A pydantic model (an API answer) as JSON, with the site's headers."""
    return Response(200, model.model_dump_json().encode("utf-8"), "application/json", cache).asgi()
