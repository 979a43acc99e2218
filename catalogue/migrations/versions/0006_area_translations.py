"""area translations: the employment areas' Swedish and English names and pages

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 12:10:00

`employment_areas.translations` holds an area's name and contacts in other languages, each
from the area's own official page in that language (catalogue/data/translations/areas.<lang>.yaml):
{"sv": {"name", "contact", "employer_contact", "source_url", "last_verified"}, "en": ...}.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("employment_areas", schema=None) as batch_op:
        batch_op.add_column(sa.Column("translations", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("employment_areas", schema=None) as batch_op:
        batch_op.drop_column("translations")
