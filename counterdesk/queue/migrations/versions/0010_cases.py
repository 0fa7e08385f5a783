"""Cases after the counter, their moves, the back office's API keys, and the contacts citizens
leave on a ticket's status page to be told when their turn is near.

Revision ID: 0010_cases
Revises: 0009_outbox

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_cases"
down_revision: str | Sequence[str] | None = "0009_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", ID, nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("service_code", sa.String(32), nullable=False),
        sa.Column("ticket_id", ID, nullable=True),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("expected_on", sa.Date(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("ready_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("correction_note", sa.String(300), nullable=True),
        sa.Column("correction_due", sa.Date(), nullable=True),
        sa.Column("business_number", sa.String(8), nullable=True),
        sa.Column("contact", sa.String(200), nullable=True),
        sa.Column("notify_stages", sa.String(200), nullable=True),
        sa.Column("contact_deleted_at", sa.DateTime(), nullable=True),
        sa.Column("registered_by", sa.String(48), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_code"], ["services.code"], name=op.f("fk_cases_service_code_services")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_cases_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("number", name=op.f("uq_cases_number")),
    )
    op.create_index("ix_cases_ticket_id", "cases", ["ticket_id"])
    op.create_index("ix_cases_stage", "cases", ["stage", "expected_on"])
    op.create_index("ix_cases_received_on", "cases", ["received_on", "service_code"])
    op.create_table(
        "case_events",
        sa.Column("id", ID, nullable=False),
        sa.Column("case_id", ID, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("from_stage", sa.String(16), nullable=True),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("by", sa.String(48), nullable=True),
        sa.Column("note", sa.String(300), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_events_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    op.create_index("ix_case_events_case_id", "case_events", ["case_id"])
    op.create_table(
        "api_keys",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("name", name=op.f("uq_api_keys_name")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )
    op.create_table(
        "ticket_contacts",
        sa.Column("ticket_id", ID, nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_contacts_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("ticket_id", name=op.f("pk_ticket_contacts")),
    )


def downgrade() -> None:
    op.drop_table("ticket_contacts")
    op.drop_table("api_keys")
    op.drop_index("ix_case_events_case_id", table_name="case_events")
    op.drop_table("case_events")
    op.drop_index("ix_cases_received_on", table_name="cases")
    op.drop_index("ix_cases_stage", table_name="cases")
    op.drop_index("ix_cases_ticket_id", table_name="cases")
    op.drop_table("cases")
