"""The client behind a trusted reverse proxy: its X-Forwarded-For address, for the rate limit.

Behind a proxy (nginx or Caddy with HTTPS) every connection comes from the proxy's address,
so the door (``protocol.py``) cannot tell citizens apart when it accepts one. Requests from
exactly the trusted proxy go through uvicorn's ProxyHeadersMiddleware, which takes the client
from the X-Forwarded-For the proxy appended (the rightmost address it did not add itself), and
are charged to that address here. Anyone else's X-Forwarded-For is ignored: their own address
was charged already, whatever header they send. uvicorn's ``proxy_headers`` setting would put
its middleware outside the application, where what came through the proxy cannot be told apart.
"""

from __future__ import annotations

from typing import cast

from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn._types import ASGI3Application
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from counterdesk.web.protocol import Door


class BehindProxy:
    """``app`` with the trusted proxy's requests charged to the client it forwards."""

    def __init__(self, app: ASGIApp, door: Door, proxy: str) -> None:
        self.app = app
        self.door = door
        self.proxy = proxy
        # uvicorn types its middleware with its own ASGI types, Starlette with its own.
        proxied = ProxyHeadersMiddleware(cast("ASGI3Application", self._charged), [proxy])
        self.forwarded = cast("ASGIApp", proxied)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] == "http" and client is not None and client[0] == self.proxy:
            await self.forwarded(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _charged(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The request, once its forwarded client (the proxy's, if none) has paid for it."""
        over = self.door.charge(scope["client"][0])
        if over is not None:
            await over.answer_for(scope["path"]).asgi()(scope, receive, send)
        else:
            await self.app(scope, receive, send)
