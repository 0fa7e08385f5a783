"""The simulator mixing appointments and walk-ins, through the real engine and bookings, and
the what-if of another reserved share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counterdesk.queue import QueueError, TicketEngine
from counterdesk.queue.models import BookingRow, TicketRow
from counterdesk.queue.office import Office
from counterdesk.simulation.simulator import Plan, simulate
from tests.simulation.test_simulation import MONDAY, fresh_engine

MORNING = {9: 30.0, 10: 30.0, 11: 20.0}


def run(tmp_path: Path, office: Office, name: str, plan: Plan) -> TicketEngine:
    engine = fresh_engine(f"sqlite:///{tmp_path}/{name}.sqlite3", office)
    simulate(engine, MONDAY, plan)
    return engine


def test_booked_citizens_check_in_and_are_never_called_before_their_time(
    tmp_path: Path, sample_office: Office
) -> None:
    plan = Plan(arrivals=MORNING, appointment_share=0.5, seed=3)
    engine = fresh_engine(f"sqlite:///{tmp_path}/day.sqlite3", sample_office)
    [day] = simulate(engine, MONDAY, plan)
    assert day.appointments > 0
    with engine.db.read() as session:
        booked = session.scalars(select(BookingRow)).all()
        tickets = session.scalars(select(TicketRow)).all()
    checked_in = [b for b in booked if b.status == "checked_in"]
    assert len(checked_in) == day.appointments == len(booked)  # everyone booked came
    assert {b.service_code for b in booked} <= {"incorporation", "amendment"}
    appointments = [t for t in tickets if t.appointment_at is not None]
    assert len(appointments) == day.appointments
    for ticket in appointments:
        assert (
            ticket.first_called_at is not None and ticket.first_called_at >= ticket.appointment_at
        )
        assert ticket.issued_at >= ticket.appointment_at - dt.timedelta(minutes=15)
    # The walk-ins were served too, and the places held: never more than a slot's capacity.
    assert any(t.appointment_at is None and t.status == "done" for t in tickets)
    again = run(tmp_path, sample_office, "again", plan)
    with again.db.read() as session:
        assert session.scalar(select(func.count()).select_from(BookingRow)) == len(booked)


def test_the_reserved_share_what_if_leaves_the_stored_office_alone(
    tmp_path: Path, sample_office: Office
) -> None:
    """Everyone of a bookable service would book: the share reserved decides how many can."""
    booked = {}
    for share in (0.0, 0.1, 0.5):
        engine = run(
            tmp_path,
            sample_office,
            f"share{share}",
            Plan(arrivals=MORNING, appointment_share=1, reserved_share=share),
        )
        with engine.db.read() as session:
            booked[share] = session.scalar(select(func.count()).select_from(BookingRow))
        stored = engine.refresh_office().service("incorporation").appointments
        assert stored == sample_office.service("incorporation").appointments
    assert booked[0.0] == 0 < booked[0.1] < booked[0.5]


def test_appointments_are_refused_on_the_fast_path_before_anything_is_written(
    tmp_path: Path, sample_office: Office
) -> None:
    engine = fresh_engine(f"sqlite:///{tmp_path}/fast.sqlite3", sample_office)
    with pytest.raises(QueueError, match="leave out --fast"):
        simulate(engine, MONDAY, Plan(appointment_share=0.3), fast=True)
    with engine.db.read() as session:
        assert session.scalar(select(func.count()).select_from(TicketRow)) == 0


@pytest.mark.parametrize("share", [-0.1, 1.5, float("nan")])
def test_a_share_out_of_range_is_refused_by_its_option(share: float) -> None:
    with pytest.raises(ValueError, match="--appointments must be"):
        Plan(appointment_share=share)
    with pytest.raises(ValueError, match="--reserve must be"):
        Plan(reserved_share=share)
