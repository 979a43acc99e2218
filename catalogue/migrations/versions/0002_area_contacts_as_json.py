"""area contacts as JSON (adds service hours and address)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:20:00

An employment area's jobseeker and employer contacts were eight fixed
columns (name, url, phone, email twice). Published contacts also give
service hours and a visiting address, so each contact is now one JSON
object. Existing rows are carried over.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FIELDS = ("name", "url", "phone", "email")
PREFIXES = ("contact", "employer_contact")


def upgrade() -> None:
    with op.batch_alter_table("employment_areas", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("employer_contact", sa.JSON(), nullable=True))

    areas = sa.table(
        "employment_areas",
        sa.column("id", sa.String),
        sa.column("contact", sa.JSON),
        sa.column("employer_contact", sa.JSON),
        *[sa.column(f"{prefix}_{field}", sa.String) for prefix in PREFIXES for field in FIELDS],
    )
    connection = op.get_bind()
    for row in connection.execute(sa.select(areas)).mappings():
        values = {
            prefix: {field: row[f"{prefix}_{field}"] for field in FIELDS if row[f"{prefix}_{field}"]}
            for prefix in PREFIXES
        }
        connection.execute(areas.update().where(areas.c.id == row["id"]).values(**values))

    with op.batch_alter_table("employment_areas", schema=None) as batch_op:
        for prefix in PREFIXES:
            for field in FIELDS:
                batch_op.drop_column(f"{prefix}_{field}")


def downgrade() -> None:
    lengths = {"name": 200, "url": 500, "phone": 50, "email": 200}
    with op.batch_alter_table("employment_areas", schema=None) as batch_op:
        for prefix in PREFIXES:
            for field in FIELDS:
                batch_op.add_column(sa.Column(f"{prefix}_{field}", sa.String(length=lengths[field]), nullable=True))
    areas = sa.table(
        "employment_areas",
        sa.column("id", sa.String),
        sa.column("contact", sa.JSON),
        sa.column("employer_contact", sa.JSON),
        *[sa.column(f"{prefix}_{field}", sa.String) for prefix in PREFIXES for field in FIELDS],
    )
    connection = op.get_bind()
    for row in connection.execute(sa.select(areas.c.id, areas.c.contact, areas.c.employer_contact)).mappings():
        values = {f"{prefix}_{field}": (row[prefix] or {}).get(field) for prefix in PREFIXES for field in FIELDS}
        connection.execute(areas.update().where(areas.c.id == row["id"]).values(**values))
    with op.batch_alter_table("employment_areas", schema=None) as batch_op:
        batch_op.drop_column("employer_contact")
        batch_op.drop_column("contact")
