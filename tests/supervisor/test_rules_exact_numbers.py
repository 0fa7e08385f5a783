"""The Rules page and a service's form give back the numbers the office file holds when
nobody changed them, write what was typed when somebody did, and word the call phrase's and
the reserved share's refusals."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError
from pytestqt.qtbot import QtBot

from counterdesk.queue.appointment_rules import AppointmentRules
from counterdesk.queue.office import CALL_LENGTH, Office, validate_office
from counterdesk.supervisor.form_fields import FractionBox
from counterdesk.supervisor.rules_section import RulesSection
from counterdesk.supervisor.service_rules import ServiceRules


def _rules_page(qtbot: QtBot, office: dict[str, object]) -> RulesSection:
    section = RulesSection()
    qtbot.addWidget(section)
    section.load(office)
    return section


def test_a_number_changed_on_the_rules_page_is_written_as_typed(
    qtbot: QtBot, sample_office: Office
) -> None:
    office = sample_office.model_dump(mode="json")
    office["queue"]["default_handling_minutes"] = 0.25
    section = _rules_page(qtbot, office)
    box = section.numbers["queue.default_handling_minutes"]
    assert isinstance(box, FractionBox)
    box.setValue(3.75)
    saved = copy.deepcopy(office)
    section.collected(saved)
    assert saved["queue"]["default_handling_minutes"] == 3.75
    validate_office(saved)


def test_a_web_share_stepped_away_and_back_is_written_as_loaded(qtbot: QtBot) -> None:
    rules = ServiceRules()
    qtbot.addWidget(rules)
    service = {"remote": {"daily_share": 0.0125, "check_in_minutes": 30}}
    rules.load(service)
    box = rules.numbers[("remote", "daily_share")]
    box.stepUp()
    box.stepDown()
    saved = copy.deepcopy(service)
    rules.collected(saved)
    assert saved["remote"]["daily_share"] == 0.0125


def test_the_preview_of_a_call_too_long_names_the_limit(
    qtbot: QtBot, sample_office: Office
) -> None:
    section = _rules_page(qtbot, sample_office.model_dump(mode="json"))
    section.call.zh.setText("請 {number} 號" + "到" * CALL_LENGTH["zh"])
    assert f"at most {CALL_LENGTH['zh']}" in section.preview.text()


def test_an_hour_typed_three_times_is_refused_by_its_name(qtbot: QtBot) -> None:
    rules = ServiceRules()
    qtbot.addWidget(rules)
    rules.load({"appointments": AppointmentRules().model_dump(mode="json")})
    rules.share.setText("14=0.5, 09=0.2, 14=0.1, 14=0")
    saved: dict[str, object] = {}
    rules.collected(saved)
    with pytest.raises(ValidationError, match="hour '14' is given twice"):
        AppointmentRules.model_validate(saved["appointments"])
