"""One index for the queue and the open days: led by status, priority before service.

Revision ID: 0004
Revises: 0003

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

QUEUE = ["status", "business_date", "priority", "service_code", "queued_at", "id"]
OLD_QUEUE = ["business_date", "status", "service_code", "priority", "queued_at"]


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_open_days")
        batch_op.drop_index("ix_tickets_queue")
        batch_op.create_index("ix_tickets_queue", QUEUE, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_queue")
        batch_op.create_index("ix_tickets_queue", OLD_QUEUE, unique=False)
        batch_op.create_index("ix_tickets_open_days", ["status", "business_date"], unique=False)
