"""suggestion revisions keep their tags

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 10:00:00.000000

Authors may now edit their suggestions, tags included, and the public history compares
versions as a question's does. Versions written before this (only by redaction, which never
changes tags) have none: the history then says nothing of tags.

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('suggestion_revision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tag_names', sa.String(length=160), nullable=True))


def downgrade():
    with op.batch_alter_table('suggestion_revision', schema=None) as batch_op:
        batch_op.drop_column('tag_names')
