"""The page's small static files, read once at start and addressed by content hash.

Pages link ``/static/status.css?v=<hash>``, so a phone may cache the files for a day and still
gets new ones the moment a new version of counterdesk serves a different file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

from counterdesk.web.response import Response

STATIC = Path(__file__).resolve().parent / "static"
TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}
NAME = re.compile(r"[a-z0-9-]+\.(css|js|svg)")
CACHE = "public, max-age=86400"


@dataclasses.dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str
    version: str


class Assets:
    """The files in one folder whose names look like ``status.css``: nothing else is served."""

    def __init__(self, folder: Path = STATIC) -> None:
        self._files = {
            path.name: _asset(path)
            for path in sorted(folder.iterdir())
            if NAME.fullmatch(path.name) and path.is_file()
        }

    def url(self, name: str) -> str:
        """The address a page links; raises KeyError for a file that is not there."""
        return f"/static/{name}?v={self._files[name].version}"

    def response(self, name: str) -> Response | None:
        asset = self._files.get(name)
        if asset is None:
            return None
        return Response(200, asset.body, asset.content_type, cache=CACHE)


def _asset(path: Path) -> Asset:
    body = path.read_bytes()
    return Asset(body, TYPES[path.suffix], hashlib.sha256(body).hexdigest()[:12])


ASSETS = Assets()
