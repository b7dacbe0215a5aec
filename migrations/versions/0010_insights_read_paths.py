"""insights read paths

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 09:00:00.000000

What the insights figures read, kept where one narrow pass finds it:
- questions keep how long they waited for a first public answer and for a first official answer
  (whole seconds, each time cut to the second) and their accepted answer's "did this help"
  counts, filled here from the answers; from now on the services keep them and `flask forum
  check` reports drift. On PostgreSQL the index on (state, created_at) carries the columns the
  figures read, for index-only scans of a period;
- an index of official answers alone;
- question_tag copies its question's creation time (it never changes), so tag trends count a
  window per tag from one index.

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

INCLUDED = ['id', 'agency_id', 'author_id', 'accepted_answer_id', 'me_too_count', 'first_answer_seconds',
            'official_answer_seconds', 'accepted_helpful_yes', 'accepted_helpful_no']
OFFICIAL = "a.official_agency_id IS NOT NULL AND a.official_at IS NOT NULL"


def _seconds(dialect: str, start: str, end: str) -> str:
    if dialect == 'postgresql':
        return f"CAST(EXTRACT(EPOCH FROM (date_trunc('second', {end}) - date_trunc('second', {start}))) AS INTEGER)"
    return f"(CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER))"


def upgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_answer_seconds', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('official_answer_seconds', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('accepted_helpful_yes', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('accepted_helpful_no', sa.Integer(), server_default='0', nullable=False))
        batch_op.drop_index('ix_question_state_created')
    op.create_index('ix_question_state_created', 'question', ['state', 'created_at'], unique=False,
                    postgresql_include=INCLUDED)
    op.create_index('ix_answer_official', 'answer', ['official_agency_id', 'question_id'], unique=False,
                    postgresql_include=['official_at', 'state'],
                    postgresql_where=sa.text('official_agency_id IS NOT NULL'),
                    sqlite_where=sa.text('official_agency_id IS NOT NULL'))

    dialect = op.get_bind().dialect.name
    first = _seconds(dialect, 'question.created_at', 'a.created_at')
    official = _seconds(dialect, 'question.created_at', 'a.official_at')
    op.execute(f"""UPDATE question SET
        first_answer_seconds = (SELECT min({first}) FROM answer a
                                WHERE a.question_id = question.id AND a.state = 'public'),
        official_answer_seconds = (SELECT min({official}) FROM answer a
                                   WHERE a.question_id = question.id AND a.state = 'public' AND {OFFICIAL})
        WHERE id IN (SELECT question_id FROM answer WHERE state = 'public')""")
    for column in ('helpful_yes', 'helpful_no'):
        op.execute(f"""UPDATE question SET accepted_{column} = (SELECT a.{column} FROM answer a
                       WHERE a.id = question.accepted_answer_id AND a.state = 'public')
                       WHERE accepted_answer_id IN (SELECT id FROM answer WHERE state = 'public')""")

    with op.batch_alter_table('question_tag', schema=None) as batch_op:
        batch_op.add_column(sa.Column('question_created_at', sa.DateTime(), nullable=True))
    op.execute("""UPDATE question_tag SET question_created_at =
                  (SELECT created_at FROM question WHERE question.id = question_tag.question_id)""")
    with op.batch_alter_table('question_tag', schema=None) as batch_op:
        batch_op.alter_column('question_created_at', existing_type=sa.DateTime(), nullable=False)
        batch_op.create_index('ix_question_tag_created', ['question_created_at', 'tag_id', 'question_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('question_tag', schema=None) as batch_op:
        batch_op.drop_index('ix_question_tag_created')
        batch_op.drop_column('question_created_at')
    op.drop_index('ix_answer_official', table_name='answer',
                  postgresql_where=sa.text('official_agency_id IS NOT NULL'),
                  sqlite_where=sa.text('official_agency_id IS NOT NULL'))
    op.drop_index('ix_question_state_created', table_name='question')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.create_index('ix_question_state_created', ['state', 'created_at'], unique=False)
        batch_op.drop_column('accepted_helpful_no')
        batch_op.drop_column('accepted_helpful_yes')
        batch_op.drop_column('official_answer_seconds')
        batch_op.drop_column('first_answer_seconds')
