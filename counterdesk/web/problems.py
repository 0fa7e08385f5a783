"""RFC 9457 problem objects: how every error of the JSON API is answered.

An integration reads ``status`` and ``title``; a person reads ``detail`` (English) or ``zh``,
the same bilingual phrases the pages show. Never a traceback, a statement or an HTML page.
"""

from __future__ import annotations

import dataclasses
import http
from typing import Any

from starlette.exceptions import HTTPException

from counterdesk.phrases import Bilingual
from counterdesk.web.response import Response, json_body

PROBLEM_TYPE = "application/problem+json"
API_PREFIX = "/api/"


def problem(status: int, words: Bilingual, *headers: tuple[str, str], **extra: Any) -> Response:
    """A problem object for ``status``; ``extra`` adds members (e.g. the validation errors)."""
    body = {
        "type": "about:blank",  # the status code says it all: its phrase is the title
        "title": http.HTTPStatus(status).phrase,
        "status": status,
        "detail": words.en,
        "zh": words.zh,
        **extra,
    }
    return dataclasses.replace(json_body(status, body), content_type=PROBLEM_TYPE, headers=headers)


def is_api(path: str) -> bool:
    """Whether ``path`` is the JSON API's, whose errors are problem objects, not pages."""
    return path.startswith(API_PREFIX)


class Refused(HTTPException):
    """Raised by an API endpoint or its dependency (a key checked) to answer with a problem
    object: the API's handler of HTTP exceptions sends ``answer``."""

    def __init__(
        self, status: int, words: Bilingual, *headers: tuple[str, str], **extra: Any
    ) -> None:
        super().__init__(status, words.en)
        self.answer = problem(status, words, *headers, **extra)
