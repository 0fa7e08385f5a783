"""The marker for staff-facing texts that sit in tables below the windows.

Staff texts are English in the source and translated by the Qt Linguist catalogues in
``counterdesk/i18n/`` when shown. ``pyside6-lupdate`` finds a text by the call's name, whoever
defines it, so this Qt-free marker lets the layers below the windows (the device faults the
board shows) mark theirs too; Qt's own returns ``object`` in the PySide6 stubs.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for ``context``'s catalogue and return it unchanged."""
    return source
