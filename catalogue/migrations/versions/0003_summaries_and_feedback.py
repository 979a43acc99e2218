"""conversation summaries and anonymous feedback

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00

A recommended service path can be opened as a summary page (and PDF) by an
unguessable token; the summary belongs to its conversation and is deleted
with it. Feedback is anonymous: a rating, the kind of user and the service
ids it was about, nothing that ties it to a conversation.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_summaries",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.PrimaryKeyConstraint("token"),
    )
    with op.batch_alter_table("conversation_summaries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conversation_summaries_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conversation_summaries_created_at"), ["created_at"], unique=False)

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("service_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("feedback")
    with op.batch_alter_table("conversation_summaries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_summaries_created_at"))
        batch_op.drop_index(batch_op.f("ix_conversation_summaries_session_id"))
    op.drop_table("conversation_summaries")
