"""The queue's refusals as staff read them: in Chinese when the window's language is zh_TW.

Every window turns a refused action into text here, not each in its own way: the domain's
sentence (``refusal_words``) in the language installed now, and for anything else the short
cause ``error_text`` gives (never a statement or its parameters).
"""

from __future__ import annotations

from counterdesk.queue import refusal_words
from counterdesk.queue.errors import CounterdeskError, error_text
from counterdesk.ui import translation


def refusal_text(error: BaseException) -> str:
    """``error`` in the staff windows' language: its zh_TW sentence in a Chinese window when it
    has a code, its English otherwise."""
    if isinstance(error, CounterdeskError) and translation.current() == "zh_TW":
        return refusal_words.chinese(error)
    return error_text(error)
