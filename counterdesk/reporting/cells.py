"""One rule for every text cell of every export: nothing a citizen or clerk typed becomes a
formula when the file is opened in a spreadsheet (OWASP "CSV injection").

Excel, LibreOffice and Numbers read a cell starting with ``=``, ``+``, ``-`` or ``@`` (also
after a tab or a carriage return) as a formula, which can run commands or send the sheet's
data away. Such a text gets a leading apostrophe, OWASP's advice: the text stays readable and
the sheet shows it as text. Numbers, and anything else not a string, pass unchanged so they
stay numbers in the sheet.
"""

from __future__ import annotations

from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> Any:
    """``value`` safe to write as a spreadsheet cell: a text that would start a formula gets
    a leading apostrophe; every other value is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class InertTexts(dict[str, str]):
    """``inert`` of every text looked up, each worked out once: a raw log repeats a few
    kinds, codes and numbers over millions of rows, and a dictionary lookup is cheaper."""

    def __missing__(self, text: str) -> str:
        safe = self[text] = inert(text)
        return safe
