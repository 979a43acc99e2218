"""languages: a conversation's language and services' Swedish and English texts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 09:10:00

`chat_sessions.lang` is the language the chat gateway decided for the conversation (fi, sv or
en; understanding/language.py). `services.translations` holds a service's texts in other
languages, each from the service's own official page in that language:
{"sv": {"title", "summary", "key_rules", "how_to_apply", "source_url", "last_verified"}, "en": ...}.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chat_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lang", sa.String(length=2), nullable=True))
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.add_column(sa.Column("translations", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.drop_column("translations")
    with op.batch_alter_table("chat_sessions", schema=None) as batch_op:
        batch_op.drop_column("lang")
