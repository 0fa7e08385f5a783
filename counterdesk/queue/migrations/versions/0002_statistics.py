"""Statistics: a cache of settled days' figures, and indexes for sessions and open days.

Revision ID: 0002
Revises: 0001

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SESSION_EVENTS = sa.text("ticket_id IS NULL")


def upgrade() -> None:
    op.create_table(
        "day_summaries",
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("tickets", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("detail", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("business_date", name=op.f("pk_day_summaries")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_open_days", ["status", "business_date"], unique=False)
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ticket_events_sessions",
            ["counter_number", "at"],
            unique=False,
            sqlite_where=SESSION_EVENTS,
            postgresql_where=SESSION_EVENTS,
        )


def downgrade() -> None:
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_ticket_events_sessions",
            sqlite_where=SESSION_EVENTS,
            postgresql_where=SESSION_EVENTS,
        )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_open_days")
    op.drop_table("day_summaries")
