"""Qt Linguist catalogues for the staff-facing windows, switchable while they run.

Source strings are English (``self.tr("...")`` in the windows). Each window family keeps its
catalogues here as ``<name>_<language>.ts`` (edited in Qt Linguist) and ``<name>_<language>.qm``
(compiled, committed so users need no tools). ``install("zh_TW")`` loads every catalogue of
that language, plus Qt's own for standard dialogs; Qt then sends every widget a
``QEvent.LanguageChange``, on which a window sets its texts again.

To refresh a catalogue after changing the window's texts::

    pyside6-lupdate counterdesk/supervisor/*.py -ts counterdesk/i18n/supervisor_zh_TW.ts
    (translate the new entries in Qt Linguist, then)
    pyside6-lrelease counterdesk/i18n/supervisor_zh_TW.ts
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

FOLDER = Path(__file__).resolve().parent
LANGUAGES = {"zh_TW": "中文", "en": "English"}
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
