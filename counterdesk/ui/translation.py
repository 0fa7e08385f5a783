"""Qt Linguist catalogues for the staff-facing screens, switchable while they run.

Staff read Traditional Chinese first (``DEFAULT``), English one switch away; citizen-facing
text is not translated but shown in both languages side by side. Source strings are English
(``self.tr("...")`` in the windows, ``QT_TRANSLATE_NOOP`` for tables of labels). Each window
family keeps its catalogue in ``counterdesk/i18n/`` as ``<family>_zh_TW.ts`` (edited in Qt
Linguist) and ``<family>_zh_TW.qm`` (compiled, committed so users need no tools); English
needs none, being the source. ``install("zh_TW")`` loads every catalogue of that language,
plus Qt's own for standard dialogs; Qt then sends every widget a ``QEvent.LanguageChange``,
on which a window sets its texts again.

To refresh a catalogue after changing a window's texts::

    pyside6-lupdate counterdesk/counter/*.py -ts counterdesk/i18n/counter_zh_TW.ts
    (translate the new entries in Qt Linguist, then)
    pyside6-lrelease counterdesk/i18n/counter_zh_TW.ts
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import counterdesk
from counterdesk.settings import STAFF_LANGUAGES
from counterdesk.staff_texts import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # the windows' marker

FOLDER = Path(counterdesk.__file__).resolve().parent / "i18n"
# Each language named in itself, as its readers look for it in the switch.
LANGUAGES = dict(zip(STAFF_LANGUAGES, ("中文", "English"), strict=True))
DEFAULT = STAFF_LANGUAGES[0]
_installed: list[QTranslator] = []
_language = "en"


def install(language: str) -> str:
    """Make ``language`` (``zh_TW`` or ``en``) the staff windows' language; returns it."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (use {' or '.join(LANGUAGES)})")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    while _installed:
        app.removeTranslator(_installed.pop())
    translators = []
    for catalogue in sorted(FOLDER.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(catalogue)):
            translators.append(translator)
    qt = QTranslator(app)
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
        _installed.append(translator)
    _language = language
    return language


def current() -> str:
    """The language last installed (English, the source language, until then)."""
    return _language
