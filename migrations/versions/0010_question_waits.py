"""question waits

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 09:00:00.000000

Questions keep how long they waited for a first public answer and for a first official answer
(whole seconds, each time cut to the second), so the insights figures read one narrow row per
question instead of searching its answers. They are filled here from the answers; from now on
the services keep them, and `flask forum check` reports drift. On PostgreSQL the index on
(state, created_at) carries the columns the figures read, for index-only scans of a period.

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

INCLUDED = ['id', 'agency_id', 'author_id', 'accepted_answer_id', 'first_answer_seconds', 'official_answer_seconds']
OFFICIAL = "a.official_agency_id IS NOT NULL AND a.official_at IS NOT NULL"


def _seconds(dialect: str, start: str, end: str) -> str:
    if dialect == 'postgresql':
        return f"CAST(EXTRACT(EPOCH FROM (date_trunc('second', {end}) - date_trunc('second', {start}))) AS INTEGER)"
    return f"(CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER))"


def upgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_answer_seconds', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('official_answer_seconds', sa.Integer(), nullable=True))
        batch_op.drop_index('ix_question_state_created')
    op.create_index('ix_question_state_created', 'question', ['state', 'created_at'], unique=False,
                    postgresql_include=INCLUDED)

    dialect = op.get_bind().dialect.name
    first = _seconds(dialect, 'question.created_at', 'a.created_at')
    official = _seconds(dialect, 'question.created_at', 'a.official_at')
    op.execute(f"""UPDATE question SET
        first_answer_seconds = (SELECT min({first}) FROM answer a
                                WHERE a.question_id = question.id AND a.state = 'public'),
        official_answer_seconds = (SELECT min({official}) FROM answer a
                                   WHERE a.question_id = question.id AND a.state = 'public' AND {OFFICIAL})
        WHERE id IN (SELECT question_id FROM answer WHERE state = 'public')""")


def downgrade():
    op.drop_index('ix_question_state_created', table_name='question')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.create_index('ix_question_state_created', ['state', 'created_at'], unique=False)
        batch_op.drop_column('official_answer_seconds')
        batch_op.drop_column('first_answer_seconds')
