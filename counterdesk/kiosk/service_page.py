"""A service's page: its procedure, processing time, fee and document checklist, then
"take a number". Unticked documents are a reminder on the ticket, never a barrier."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from counterdesk import phrases
from counterdesk.devices.speech_protocol import Utterance
from counterdesk.kiosk.home import Alert, availability, scrolling
from counterdesk.kiosk.widgets import Button, CheckItem, Inline, Pair, label
from counterdesk.phrases import Bilingual
from counterdesk.queue.office import Document, Service, Text
from counterdesk.queue.views import ServiceStatus


def _clear(layout: QLayout) -> None:
    while (item := layout.takeAt(0)) is not None:
        if (widget := item.widget()) is not None:
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            _clear(inner)


def _indicative(*values: Text) -> bool:
    return any(value.placeholder for value in values)


class ServicePage(QWidget):
    take = Signal()
    back = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.service: Service | None = None
        self.priority = False
        self.items: list[tuple[CheckItem, Document]] = []
        self.back_button = Button(phrases.BACK, kind="back")
        self.back_button.clicked.connect(self.back)
        self.title = Pair(Bilingual("", ""), "title")
        self.badge = QFrame()
        self.badge.setProperty("role", "badge")
        QVBoxLayout(self.badge).addWidget(Pair(phrases.PRIORITY, "section", center=True))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.badge)

        body = QWidget()
        self.columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, body)
        self.about = QVBoxLayout()
        self.checklist = QVBoxLayout()
        self.columns.addLayout(self.about, 1)
        self.columns.addLayout(self.checklist, 1)

        self.alert = Alert()
        self.waiting = Pair(Bilingual("", ""), "section", center=True)
        self.take_button = Button(phrases.TAKE_NUMBER, kind="go")
        self.take_button.clicked.connect(self.take)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.alert)
        layout.addWidget(self.waiting)
        layout.addWidget(self.take_button)

    def set_portrait(self, portrait: bool) -> None:
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def show_service(self, service: Service, *, priority: bool) -> None:
        """Fill the page for ``service``: nothing ticked, scrolled to the top."""
        self.service, self.priority = service, priority
        self.badge.setVisible(priority)
        self.title.set_text(Bilingual.of(service.name))
        _clear(self.about)
        _clear(self.checklist)
        for heading, value in (
            (phrases.PROCESSING_TIME, service.processing_time),
            (phrases.FEE, service.fee),
        ):
            self.about.addWidget(self._section(heading, value.placeholder))
            self.about.addWidget(Pair(Bilingual.of(value), "body"))
        self.about.addWidget(self._section(phrases.PROCEDURE, _indicative(*service.steps)))
        for index, step in enumerate(service.steps, 1):
            self.about.addWidget(Inline(Bilingual(f"{index}. {step.zh}", step.en), "body"))
        self.about.addStretch(1)
        self.items = []
        self.checklist.addWidget(
            self._section(
                phrases.TICK_DOCUMENTS if service.documents else phrases.NO_DOCUMENTS,
                _indicative(*service.documents),
            )
        )
        for document in service.documents:
            note = Bilingual.of(document.note) if document.note else None
            item = CheckItem(Bilingual.of(document), note)
            self.items.append((item, document))
            self.checklist.addWidget(item)
        self.checklist.addStretch(1)
        self.set_busy(False)
        self.alert.say(None)

    def _section(self, heading: Bilingual, indicative: bool) -> QWidget:
        """A heading on one line; "for guidance only" under it when the office marked any of
        the section's values as a placeholder."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 14, 0, 2)
        layout.setSpacing(0)
        layout.addWidget(Inline(heading, "section"))
        if indicative:
            layout.addWidget(
                label(f"{phrases.INDICATIVE.zh}  {phrases.INDICATIVE.en}", "note", muted=True)
            )
        return box

    def missing(self) -> list[Document]:
        """The documents not ticked: printed on the ticket as a reminder."""
        return [document for item, document in self.items if not item.isChecked()]

    def show_status(self, status: ServiceStatus | None, closed: Bilingual | None) -> None:
        """Live waiting line, and whether a number can be taken now at all."""
        refused = availability(status, closed)
        if refused == phrases.FULL_TODAY:
            self.alert.say(phrases.FULL_TODAY, phrases.FULL_TODAY_HINT)
        else:
            self.alert.say(refused and phrases.NOT_NOW, refused)
        self.take_button.setVisible(refused is None)
        self.waiting.setVisible(refused is None and status is not None)
        if status is not None:
            self.waiting.set_text(phrases.waiting_line(status.waiting, status))

    def refuse(self, phrase: Bilingual, detail: Bilingual | None) -> None:
        """The engine refused (full today) or failed: say so, offer no button."""
        self.alert.say(phrase, detail)
        self.take_button.hide()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.take_button.setEnabled(not busy)
        self.take_button.words.set_text(phrases.ISSUING if busy else phrases.TAKE_NUMBER)

    def utterances(self) -> list[Utterance]:
        service = self.service
        if service is None:
            return []
        zh = [f"{service.name.zh}。{phrases.PROCEDURE.zh}："]
        en = [f"{service.name.en}. {phrases.PROCEDURE.en}:"]
        zh += [f"{i}、{step.zh}。" for i, step in enumerate(service.steps, 1)]
        en += [f"{i}. {step.en}." for i, step in enumerate(service.steps, 1)]
        zh.append(f"{phrases.PROCESSING_TIME.zh}：{service.processing_time.zh}。")
        en.append(f"{phrases.PROCESSING_TIME.en}: {service.processing_time.en}.")
        zh.append(f"{phrases.FEE.zh}：{service.fee.zh}。")
        en.append(f"{phrases.FEE.en}: {service.fee.en}.")
        if service.documents:
            zh.append(
                phrases.TICK_DOCUMENTS.zh + "：" + "；".join(d.zh for d in service.documents) + "。"
            )
            en.append(
                phrases.TICK_DOCUMENTS.en + ": " + "; ".join(d.en for d in service.documents) + "."
            )
        alert = self.alert.phrase()
        if alert is not None:
            zh.append(alert.zh + "。")
            en.append(alert.en + ".")
        elif not self.take_button.isHidden():
            zh.append(f"{self.waiting.text().zh}。請按「{phrases.TAKE_NUMBER.zh}」。")
            en.append(f"{self.waiting.text().en}. Press “{phrases.TAKE_NUMBER.en}”.")
        return [Utterance("".join(zh), "zh"), Utterance(" ".join(en), "en")]
