"""Initial schema: office configuration, tickets, the event log, sequences, counter sessions.

Revision ID: 0001
Revises:

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "counters",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("priority_streak", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_counters")),
    )
    op.create_table(
        "offices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("config_json", sa.Text(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offices")),
    )
    op.create_table(
        "services",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("prefix", sa.String(length=1), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("handling_minutes", sa.Float(), nullable=False),
        sa.Column("target_wait_minutes", sa.Integer(), nullable=False),
        sa.Column("daily_cap", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_services")),
    )
    op.create_table(
        "staff",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("deputy_code", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_staff")),
    )
    op.create_table(
        "counter_services",
        sa.Column("counter_number", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.String(length=32), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["counter_number"],
            ["counters.number"],
            name=op.f("fk_counter_services_counter_number_counters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_code"],
            ["services.code"],
            name=op.f("fk_counter_services_service_code_services"),
        ),
        sa.PrimaryKeyConstraint("counter_number", "service_code", name=op.f("pk_counter_services")),
    )
    op.create_table(
        "counter_sessions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("counter_number", sa.Integer(), nullable=False),
        sa.Column("staff_code", sa.String(length=32), nullable=False),
        sa.Column("signed_in_at", sa.DateTime(), nullable=False),
        sa.Column("signed_out_at", sa.DateTime(), nullable=True),
        sa.Column("paused_since", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["counter_number"],
            ["counters.number"],
            name=op.f("fk_counter_sessions_counter_number_counters"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_code"], ["staff.code"], name=op.f("fk_counter_sessions_staff_code_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counter_sessions")),
    )
    with op.batch_alter_table("counter_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "uq_counter_sessions_open_counter",
            ["counter_number"],
            unique=True,
            sqlite_where=sa.text("signed_out_at IS NULL"),
            postgresql_where=sa.text("signed_out_at IS NULL"),
        )
        batch_op.create_index(
            "uq_counter_sessions_open_staff",
            ["staff_code"],
            unique=True,
            sqlite_where=sa.text("signed_out_at IS NULL"),
            postgresql_where=sa.text("signed_out_at IS NULL"),
        )

    op.create_table(
        "daily_sequences",
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("service_code", sa.String(length=32), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_code"],
            ["services.code"],
            name=op.f("fk_daily_sequences_service_code_services"),
        ),
        sa.PrimaryKeyConstraint("business_date", "service_code", name=op.f("pk_daily_sequences")),
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("issued_service_code", sa.String(length=32), nullable=False),
        sa.Column("service_code", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=8), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("first_called_at", sa.DateTime(), nullable=True),
        sa.Column("last_called_at", sa.DateTime(), nullable=True),
        sa.Column("call_count", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("counter_number", sa.Integer(), nullable=True),
        sa.Column("staff_code", sa.String(length=32), nullable=True),
        sa.Column("print_state", sa.String(length=16), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["counter_number"], ["counters.number"], name=op.f("fk_tickets_counter_number_counters")
        ),
        sa.ForeignKeyConstraint(
            ["issued_service_code"],
            ["services.code"],
            name=op.f("fk_tickets_issued_service_code_services"),
        ),
        sa.ForeignKeyConstraint(
            ["service_code"], ["services.code"], name=op.f("fk_tickets_service_code_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint(
            "business_date", "issued_service_code", "sequence", name="uq_tickets_sequence"
        ),
        sa.UniqueConstraint("token", name=op.f("uq_tickets_token")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_number", ["business_date", "number"], unique=False)
        batch_op.create_index(
            "ix_tickets_queue",
            ["business_date", "status", "service_code", "priority", "queued_at"],
            unique=False,
        )
        batch_op.create_index(
            "ix_tickets_recent_done", ["service_code", "finished_at"], unique=False
        )
        batch_op.create_index(
            "uq_tickets_one_per_counter",
            ["counter_number"],
            unique=True,
            sqlite_where=sa.text("status IN ('called', 'serving')"),
            postgresql_where=sa.text("status IN ('called', 'serving')"),
        )

    op.create_table(
        "ticket_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("counter_number", sa.Integer(), nullable=True),
        sa.Column("staff_code", sa.String(length=32), nullable=True),
        sa.Column("service_code", sa.String(length=32), nullable=True),
        sa.Column("outcome", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_events_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_events_at"), ["at"], unique=False)
        batch_op.create_index("ix_ticket_events_ticket", ["ticket_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_events_ticket")
        batch_op.drop_index(batch_op.f("ix_ticket_events_at"))

    op.drop_table("ticket_events")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_tickets_one_per_counter",
            sqlite_where=sa.text("status IN ('called', 'serving')"),
            postgresql_where=sa.text("status IN ('called', 'serving')"),
        )
        batch_op.drop_index("ix_tickets_recent_done")
        batch_op.drop_index("ix_tickets_queue")
        batch_op.drop_index("ix_tickets_number")

    op.drop_table("tickets")
    op.drop_table("daily_sequences")
    with op.batch_alter_table("counter_sessions", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_counter_sessions_open_staff",
            sqlite_where=sa.text("signed_out_at IS NULL"),
            postgresql_where=sa.text("signed_out_at IS NULL"),
        )
        batch_op.drop_index(
            "uq_counter_sessions_open_counter",
            sqlite_where=sa.text("signed_out_at IS NULL"),
            postgresql_where=sa.text("signed_out_at IS NULL"),
        )

    op.drop_table("counter_sessions")
    op.drop_table("counter_services")
    op.drop_table("staff")
    op.drop_table("services")
    op.drop_table("offices")
    op.drop_table("counters")
