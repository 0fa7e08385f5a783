"""Appointments: bookings, the places taken in each slot, the bookings' log; a checked-in
booking's time on its ticket; each counter's appointment calls in a row; and numbers taken
from the web: their check-in code and deadline.

Revision ID: 0008_bookings
Revises: 0007_day_events

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_bookings"
down_revision: str | Sequence[str] | None = "0007_day_events"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WAITING_APPOINTMENTS = sa.text("status = 'waiting' AND appointment_at IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("appointment_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("check_in_code", sa.String(8), nullable=True))
        batch.add_column(sa.Column("check_in_by", sa.DateTime(), nullable=True))
    # A unique index, not a constraint: SQLite adds no constraint to a table in place.
    op.create_index("uq_tickets_check_in_code", "tickets", ["check_in_code"], unique=True)
    op.create_index(
        "ix_tickets_check_in_by",
        "tickets",
        ["check_in_by"],
        sqlite_where=sa.text("check_in_by IS NOT NULL"),
        postgresql_where=sa.text("check_in_by IS NOT NULL"),
    )
    op.create_index(
        "ix_tickets_appointments",
        "tickets",
        ["business_date", "appointment_at"],
        sqlite_where=WAITING_APPOINTMENTS,
        postgresql_where=WAITING_APPOINTMENTS,
    )
    with op.batch_alter_table("counters") as batch:
        batch.add_column(
            sa.Column("appointment_streak", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "bookings",
        sa.Column("id", ID, nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("token", sa.String(32), nullable=False),
        sa.Column("service_code", sa.String(32), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("booked_at", sa.DateTime(), nullable=False),
        sa.Column("booked_by", sa.String(32), nullable=True),
        sa.Column("contact", sa.String(200), nullable=True),
        sa.Column("contact_deleted_at", sa.DateTime(), nullable=True),
        sa.Column("ticket_id", ID, nullable=True),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["service_code"], ["services.code"], name=op.f("fk_bookings_service_code_services")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_bookings_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("code", name=op.f("uq_bookings_code")),
        sa.UniqueConstraint("token", name=op.f("uq_bookings_token")),
    )
    op.create_index("ix_bookings_day", "bookings", ["business_date", "service_code", "status"])
    op.create_index("ix_bookings_contact", "bookings", ["contact", "business_date"])
    op.create_table(
        "booking_slots",
        sa.Column("service_code", sa.String(32), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("taken", sa.Integer(), nullable=False),
        sa.CheckConstraint("taken >= 0", name=op.f("ck_booking_slots_taken")),
        sa.ForeignKeyConstraint(
            ["service_code"],
            ["services.code"],
            name=op.f("fk_booking_slots_service_code_services"),
        ),
        sa.PrimaryKeyConstraint("service_code", "starts_at", name=op.f("pk_booking_slots")),
    )
    op.create_table(
        "booking_events",
        sa.Column("id", ID, nullable=False),
        sa.Column("booking_id", ID, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("staff_code", sa.String(32), nullable=True),
        sa.Column("detail", sa.String(200), nullable=True),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name=op.f("fk_booking_events_booking_id_bookings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_events")),
    )
    op.create_index("ix_booking_events_booking_id", "booking_events", ["booking_id"])


def downgrade() -> None:
    op.drop_index("ix_booking_events_booking_id", table_name="booking_events")
    op.drop_table("booking_events")
    op.drop_table("booking_slots")
    op.drop_index("ix_bookings_contact", table_name="bookings")
    op.drop_index("ix_bookings_day", table_name="bookings")
    op.drop_table("bookings")
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), not batch mode: batch mode would
    # copy the tables, and dropping the old counters would cascade to counter_services.
    op.drop_column("counters", "appointment_streak")
    op.drop_index("ix_tickets_appointments", table_name="tickets")
    op.drop_index("ix_tickets_check_in_by", table_name="tickets")
    op.drop_index("uq_tickets_check_in_code", table_name="tickets")
    op.drop_column("tickets", "check_in_by")
    op.drop_column("tickets", "check_in_code")
    op.drop_column("tickets", "appointment_at")
