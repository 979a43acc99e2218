"""catalogue edits and PTV syncs

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 21:19:45

The area staff's edits of the catalogue (catalogue/edits.py): each proposal with the record before
and after, who proposed and reviewed it and when; approved ones are applied over the YAML seed.
`ptv_syncs` holds when each area's services were last fetched from PTV.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalogue_edits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=True),
        sa.Column("area_id", sa.String(length=80), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("proposed_by", sa.String(length=64), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.String(length=64), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("catalogue_edits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catalogue_edits_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_catalogue_edits_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_catalogue_edits_target_id"), ["target_id"], unique=False)

    op.create_table(
        "ptv_syncs",
        sa.Column("area_id", sa.String(length=80), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("area_id"),
    )


def downgrade() -> None:
    op.drop_table("ptv_syncs")
    with op.batch_alter_table("catalogue_edits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalogue_edits_target_id"))
        batch_op.drop_index(batch_op.f("ix_catalogue_edits_status"))
        batch_op.drop_index(batch_op.f("ix_catalogue_edits_area_id"))

    op.drop_table("catalogue_edits")
