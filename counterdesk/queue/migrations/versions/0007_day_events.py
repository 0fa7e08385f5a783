"""Settled days' event logs as compact columns, for the event CSV.

Revision ID: 0007_day_events
Revises: 0006_promised_waits

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_day_events"
down_revision: str | Sequence[str] | None = "0006_promised_waits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "day_events",
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("tickets", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.Column("events", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("business_date", name=op.f("pk_day_events")),
    )


def downgrade() -> None:
    op.drop_table("day_events")
