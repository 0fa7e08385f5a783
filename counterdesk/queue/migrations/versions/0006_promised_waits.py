"""The wait each ticket was promised at issue, and the latest its status page showed.

Revision ID: 0006_promised_waits
Revises: 0005_pin_attempts

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_promised_waits"
down_revision: str | Sequence[str] | None = "0005_pin_attempts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("issue_wait_minutes", sa.Float()),
    ("issue_wait_low", sa.Integer()),
    ("issue_wait_high", sa.Integer()),
    ("latest_wait_minutes", sa.Float()),
    ("latest_wait_low", sa.Integer()),
    ("latest_wait_high", sa.Integer()),
    ("latest_wait_at", sa.DateTime()),
)


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        for name, type_ in COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
