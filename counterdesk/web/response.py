"""An HTTP response as bytes, with the headers every answer of the status server carries.

One function writes every response, the server's own refusals included, so no answer can
leave without the security headers.
"""

from __future__ import annotations

import dataclasses
import http
import json
from typing import Any

# The token is in the URL: no referrer may carry it to another site, and no cache may keep it.
SECURITY_HEADERS = (
    (
        "Content-Security-Policy",
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
)
NO_STORE = "no-store"


@dataclasses.dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str
    cache: str = NO_STORE
    headers: tuple[tuple[str, str], ...] = ()

    def to_bytes(self, *, with_body: bool = True) -> bytes:
        """The whole response on the wire; HEAD gets the head only, with the GET length."""
        lines = [
            f"HTTP/1.0 {self.status} {http.HTTPStatus(self.status).phrase}",
            f"Content-Type: {self.content_type}",
            f"Content-Length: {len(self.body)}",
            f"Cache-Control: {self.cache}",
            "Connection: close",
            *(f"{name}: {value}" for name, value in (*SECURITY_HEADERS, *self.headers)),
        ]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        return head + self.body if with_body else head


def html(status: int, page: str, *headers: tuple[str, str]) -> Response:
    return Response(status, page.encode("utf-8"), "text/html; charset=utf-8", headers=headers)


def see_other(location: str, page: str) -> Response:
    """A 303 to ``location`` (a path on this server): the browser GETs it after a POST."""
    return html(303, page, ("Location", location))


def json_body(status: int, value: Any) -> Response:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(status, body, "application/json; charset=utf-8")
