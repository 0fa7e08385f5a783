"""The supervisor's "Office settings" tab: the office edited without YAML, each save a version.

It edits the services (``service_form``, their optional rules in ``service_rules``), the
counters, staff and hours (``office_sections``) and the office's own rules (``rules_section``);
the history of versions is beside them (``office_history``). A save is checked by the office
file's models (``validate_office``) before anything is written, each problem shown beside its
field; then it asks for a one-line reason and is stored with it as a new version. The office
file can still be imported and exported.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counterdesk.queue import change_words
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import OfficeFileError
from counterdesk.queue.office import (
    Office,
    Problem,
    Service,
    dump_office,
    load_office,
    validate_office,
)
from counterdesk.supervisor.office_history import OfficeHistory, who
from counterdesk.supervisor.office_sections import (
    CountersSection,
    HoursSection,
    Problems,
    StaffSection,
)
from counterdesk.supervisor.rules_section import RulesSection
from counterdesk.supervisor.service_form import ServiceForm
from counterdesk.supervisor.widgets import say
from counterdesk.ui import translation
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background

NUMBERS = ("handling_minutes", "target_wait_minutes", "daily_cap")
SHOWN_PROBLEMS = 8  # of a refused import, in the status line
LIST_WIDTH = 300  # the services' list, in pixels: "Company name & business-scope reservation"
# The key paths (their first one or two keys) the Rules page edits.
RULES = {(part,) for part in ("queue", "announcements", "feedback", "bookings", "cases")} | {
    ("office", key) for key in ("name", "helpline", "status_url", "timezone")
}


class OfficeTab(QWidget):
    """``saved`` fires with the new version's number (0: nothing changed), ``refused`` when
    a save found problems and wrote nothing."""

    saved = Signal(int)
    refused = Signal()
    pin_was_reset = Signal(str)

    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.data: dict[str, Any] = {}
        self.based_on: Office | None = None
        self.shown = -1  # the service in the form
        self.problems: list[Problem] = []  # of the last save refused, worded on a switch
        self.services = QListWidget()
        self.services.setMinimumWidth(LIST_WIDTH)  # the longest English name in full
        self.services.currentRowChanged.connect(self._service_chosen)
        self.form = ServiceForm()
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(self.form)
        self.add_service_button, self.remove_service_button = QPushButton(), QPushButton()
        self.add_service_button.clicked.connect(self.add_service)
        self.remove_service_button.clicked.connect(self.remove_service)
        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.services, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_service_button)
        row.addWidget(self.remove_service_button)
        column.addLayout(row)
        split = QSplitter()
        split.addWidget(listing)
        split.addWidget(self.form_scroll)
        split.setSizes([LIST_WIDTH, 1320 - LIST_WIDTH])
        self.save_button, self.undo_button = QPushButton(), QPushButton()
        self.import_button, self.export_button = QPushButton(), QPushButton()
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.status = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        for button in (self.import_button, self.export_button):
            buttons.addWidget(button)
        services_page = QWidget()
        page = QVBoxLayout(services_page)
        page.addWidget(split, 1)
        page.addLayout(buttons)
        self.history = OfficeHistory(engine)
        self.history.rolled_back.connect(self._reload)
        self.counters, self.staff = CountersSection(), StaffSection()
        self.hours, self.rules = HoursSection(), RulesSection()
        self.staff.reset_pin.clicked.connect(self.reset_pin)
        self.pages = QTabWidget()
        self.pages.addTab(services_page, "")
        self.section_pages = {s: _scrolled(s) for s in self._sections()}
        for scrolled in self.section_pages.values():
            self.pages.addTab(scrolled, "")
        self.pages.addTab(self.history, "")
        # Save, undo, import and export act on every page: kept below the pages.
        page.removeItem(buttons)
        self.pages.currentChanged.connect(self._page_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        layout.addLayout(buttons)
        self.retranslate()
        self.edit(engine.office)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.pages.setTabText(0, self.tr("Services"))
        self.pages.setTabText(1, self.tr("Counters"))
        self.pages.setTabText(2, self.tr("Staff and PINs"))
        self.pages.setTabText(3, self.tr("Opening hours"))
        self.pages.setTabText(4, self.tr("Rules"))
        self.pages.setTabText(5, self.tr("History"))
        self.save_button.setText(self.tr("Save…"))
        self.undo_button.setText(self.tr("Undo changes"))
        self.add_service_button.setText(self.tr("Add service…"))
        self.remove_service_button.setText(self.tr("Remove service"))
        self.import_button.setText(self.tr("Import office file…"))
        self.export_button.setText(self.tr("Export office file…"))
        if self.problems:
            self._word_problems()

    def _page_chosen(self, index: int) -> None:
        if self.pages.widget(index) is self.history:
            self.history.refresh()
        elif self.pages.widget(index) is self.section_pages[self.counters]:
            self._keep_form()  # a name typed in the form names the service there too
            self.counters.know(self.data["services"])

    def edit(self, office: Office, *, first: bool = False) -> None:
        """Start editing ``office``: the form shows the service shown (or, ``first``, or with
        none shown, its first)."""
        self.data = office.model_dump(mode="json")
        self.based_on = office  # a save made by someone else since is not overwritten
        keep = 0 if first else max(self.shown, 0)
        self.shown = -1
        self.services.blockSignals(True)
        self.services.clear()
        for service in self.data["services"]:
            self.services.addItem(_listed(service))
        self.services.blockSignals(False)
        self.services.setCurrentRow(min(keep, len(self.data["services"]) - 1))
        for section in self._sections():
            section.load(self.data)
        self.counters.warn_unserved(self.data)

    def add_service(self) -> None:
        """A new, empty service at the end of the list: Save names what it still needs."""
        code = self.ask_code()
        if code is None:
            return
        blank = {"zh": "", "en": ""}
        service = {
            "code": code.strip(),
            "prefix": "",
            "name": dict(blank),
            "processing_time": dict(blank),
            "steps": [dict(blank)],
            "documents": [],
            "fee": dict(blank),
            # The office file's defaults for a service that leaves them out.
            **{name: Service.model_fields[name].default for name in NUMBERS},
        }
        self._keep_form()
        self.data["services"].append(service)
        self.services.addItem(_listed(service))
        self.services.setCurrentRow(len(self.data["services"]) - 1)
        self.counters.know(self.data["services"])  # a counter can be given it before a save

    def ask_code(self) -> str | None:
        """The new service's code; None when the supervisor cancels."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Add service"),
            self.tr("Code of the new service (lower-case letters, digits and _), e.g. notary"),
        )
        return text if ok else None

    def remove_service(self) -> None:
        """Take the chosen service out of the form (kept by past tickets; Save makes it so)."""
        row = self.services.currentRow()
        if row < 0:
            return
        self.shown = -1  # its edits go with it
        del self.data["services"][row]
        self.services.blockSignals(True)
        self.services.takeItem(row)
        self.services.blockSignals(False)
        self._service_chosen(self.services.currentRow())
        self.counters.know(self.data["services"])

    def _service_chosen(self, row: int) -> None:
        self._keep_form()
        self.shown = row
        if row >= 0:
            self.form.load(self.data["services"][row])

    def _keep_form(self) -> None:
        if self.shown >= 0:
            self.data["services"][self.shown] = self.form.collected()

    def edited(self) -> dict[str, Any]:
        """The office as edited so far, the form's service included."""
        self._keep_form()
        for section in self._sections():
            section.collected(self.data)
        return self.data

    def save(self) -> None:
        try:
            office = validate_office(self.edited())
        except OfficeFileError as refused:
            self._show_problems(refused)
            return
        self.problems = []
        self.form.show_problems([])
        for section in self._sections():
            section.show_problems([])
        missing = self.counters.warn_unserved(self.data)
        if missing:  # allowed (their numbers wait), but said before the reason is asked
            say(self.status, self.counters.unserved_text(), True)
        reason = self.ask_reason()
        if reason is None:
            return
        say(self.status, self.tr("Saving…"), False)
        run_in_background(
            partial(
                self.engine.load_office,
                office,
                by=who(),
                summary=reason,
                based_on=self.based_on,
            ),
            self._saved,
            self._failed,
            owner=self,
        )

    def ask_reason(self) -> str | None:
        """The one-line reason kept with the version; None when the supervisor cancels."""
        text, ok = QInputDialog.getText(
            self, self.tr("Save the office"), self.tr("What did you change, and why?")
        )
        return text if ok else None

    def _show_problems(self, refused: OfficeFileError) -> None:
        """Go to the first service with a problem and word them all (``_word_problems``)."""
        self.problems = refused.problems
        rows = [p.path[1] for p in self.problems if _in_a_service(p.path)]
        if rows and self.shown not in rows:
            self.services.setCurrentRow(int(rows[0]))
        self._word_problems(show_page=True)
        self.refused.emit()

    def _word_problems(self, *, show_page: bool = False) -> None:
        """Each problem beside its field or list, in the window's language (again on a
        switch); ``show_page`` brings forward the page holding the first."""
        language = translation.current()
        mine, others = [], []
        sections: dict[Any, Problems] = {section: [] for section in self._sections()}
        for problem in self.problems:
            path = problem.path
            section, inside = self._section_of(path)
            if section is not None:
                sections[section].append((inside, problem.text(language)))
            elif _in_a_service(path):
                if path[1] == self.shown:
                    mine.append((path[2:], problem.text(language)))
            else:
                others.append(f"{problem.key()}: {problem.text(language)}")
        self.form.show_problems(mine)
        for section, found in sections.items():
            section.show_problems(found)
        if show_page and mine:
            self.pages.setCurrentIndex(0)
        elif show_page and not others and any(sections.values()):
            first = next(section for section, found in sections.items() if found)
            self.pages.setCurrentWidget(self.section_pages[first])
        say(
            self.status,
            "\n".join([self.tr("Not saved: correct the fields marked."), *others]),
            True,
        )

    def _section_of(self, path: tuple[str | int, ...]) -> tuple[Any, tuple[str | int, ...]]:
        """The page a problem's key path belongs to (None: services or no page), and the
        path inside it."""
        if path[:1] in (("counters",), ("staff",)):
            return (self.counters if path[0] == "counters" else self.staff), path
        if path[:2] == ("office", "hours") and len(path) > 2:
            return self.hours, path[2:]
        if path[:2] == ("office", "closed_dates"):
            return self.hours, path[1:]
        if path[:1] in RULES or path[:2] in RULES:
            return self.rules, path
        return None, path

    def _sections(self) -> tuple[Any, ...]:
        """The pages beside the services, in their order."""
        return (self.counters, self.staff, self.hours, self.rules)

    def reset_pin(self) -> None:
        """Clear the chosen member's PIN (not part of the office: no version); they set a
        new one before they next sign in."""
        code = self.staff.chosen()
        if code is None or not self.confirm_reset(code):
            return
        run_in_background(
            partial(self.engine.reset_pin, code, by=who()),
            lambda _: self._pin_reset(code),
            self._failed,
            owner=self,
        )

    def confirm_reset(self, code: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Reset PIN"),
            self.tr("Clear the PIN of %1? They cannot sign in until a new one is set.").replace(
                "%1", code
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _pin_reset(self, code: str) -> None:
        say(self.status, self.tr("PIN of %1 cleared.").replace("%1", code), False)
        self.pin_was_reset.emit(code)

    def _saved(self, number: int | None) -> None:
        if number is None:
            say(self.status, self.tr("Nothing changed: no version made."), False)
        else:
            say(self.status, self.tr("Saved as version %1.").replace("%1", str(number)), False)
        self.edit(self.engine.office)
        self.saved.emit(number or 0)

    def _failed(self, error: Exception) -> None:
        say(self.status, refusal_text(error), True)

    def undo(self) -> None:
        """Drop the form's edits and show the office as stored now, saved elsewhere or not."""
        run_in_background(self.engine.refresh_office, self._undone, self._failed, owner=self)

    def _undone(self, office: Office) -> None:
        self.edit(office, first=True)
        say(self.status, self.tr("Changes undone."), False)

    def _reload(self, number: int) -> None:
        self.edit(self.engine.office, first=True)

    def import_file(self) -> None:
        """An office file's services into the form, to look at and save as a version."""
        path = self.ask_path(save=False)
        if path is None:
            return
        try:
            office = load_office(path)
        except OfficeFileError as refused:
            say(self.status, self._import_refused(path, refused), True)
            return
        self.edit(office, first=True)
        self.based_on = self.engine.office  # the file replaces the office the form came from
        say(
            self.status,
            self.tr("Imported %1: save to make it the office.").replace("%1", path.name),
            False,
        )

    def _import_refused(self, path: Path, refused: OfficeFileError) -> str:
        """Why a file was not imported: each problem where it is, in the window's language
        (the file's own words, e.g. a YAML syntax error, as they are)."""
        if not refused.problems or translation.current() != "zh_TW":
            return str(refused)
        lines = [
            f"{change_words.problem_place(p.path)}：{p.text('zh_TW')}"
            for p in refused.problems[:SHOWN_PROBLEMS]
        ]
        if len(refused.problems) > SHOWN_PROBLEMS:
            lines.append(f"……另有 {len(refused.problems) - SHOWN_PROBLEMS} 項問題")
        return "\n".join([f"未匯入 {path.name}：", *lines])

    def export_file(self) -> None:
        path = self.ask_path(save=True)
        if path is None:
            return
        try:
            path.write_text(dump_office(self.engine.office), encoding="utf-8")
        except OSError as error:
            say(self.status, f"{path}: {error.strerror}", True)
            return
        say(self.status, self.tr("Exported to %1.").replace("%1", str(path)), False)

    def ask_path(self, *, save: bool) -> Path | None:
        pick = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        name, _ = pick(self, self.tr("Office file"), "office.yaml", "YAML (*.yaml *.yml)")
        return Path(name) if name else None


def _scrolled(section: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(section)
    return area


def _in_a_service(path: tuple[str | int, ...]) -> bool:
    return len(path) > 2 and path[0] == "services" and isinstance(path[1], int)


def _listed(service: dict[str, Any]) -> str:
    """A service in the list: its prefix and both names."""
    return f"{service['prefix']}  {service['name']['zh']}\n{service['name']['en']}"
