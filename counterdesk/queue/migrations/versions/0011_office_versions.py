"""Every saved office configuration, kept whole with who saved it, when and why, so a change
made in the supervisor window can be compared and rolled back.

Revision ID: 0011_office_versions
Revises: 0010_cases

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_office_versions"
down_revision: str | Sequence[str] | None = "0010_cases"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    versions = op.create_table(
        "office_versions",
        sa.Column("id", ID, nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by", sa.String(48), nullable=False),
        sa.Column("summary", sa.String(200), nullable=False),
        sa.Column("config_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_versions")),
    )
    # The office already loaded becomes the first version, so the first change has a "before".
    office = sa.table(
        "offices", sa.column("config_json", sa.Text()), sa.column("loaded_at", sa.DateTime())
    )
    row = op.get_bind().execute(sa.select(office.c.config_json, office.c.loaded_at)).first()
    if row is not None:
        op.bulk_insert(
            versions,
            [
                {
                    "saved_at": row.loaded_at,
                    "saved_by": "upgrade",
                    "summary": "the office as it was before versions were kept",
                    "config_json": row.config_json,
                }
            ],
        )


def downgrade() -> None:
    op.drop_table("office_versions")
