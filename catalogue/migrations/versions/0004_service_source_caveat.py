"""a service's source caveat

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 23:00:00

Some municipal supports are known only from a page written before the 2025
reform or for a past year. Their amounts match that page, but the employer
must check they still hold: `source_caveat` is that plain-Finnish sentence,
shown with the support in an employer package and after its key rules.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_caveat", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.drop_column("source_caveat")
