"""pain point posts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 06:20:28.005229

Pain points group suggestions as well as questions (pain_point_suggestion), and their figures
are counted by the pages over the posts in scope, so the stored copies of those figures go.
Pain points are derived data: `flask forum insights refresh` rebuilds them, and a downgrade
empties them before putting the old columns back.

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

DROPPED = ('citizens', 'recent_citizens', 'question_count', 'growth', 'agency_ids', 'has_accepted',
           'has_official', 'last_seen_at')


def upgrade():
    op.create_table('pain_point_suggestion',
    sa.Column('pain_point_id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pain_point_id'], ['pain_point.id'], name=op.f('fk_pain_point_suggestion_pain_point_id_pain_point'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], name=op.f('fk_pain_point_suggestion_suggestion_id_suggestion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pain_point_id', 'suggestion_id', name=op.f('pk_pain_point_suggestion'))
    )
    with op.batch_alter_table('pain_point_suggestion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pain_point_suggestion_suggestion_id'), ['suggestion_id'], unique=False)

    with op.batch_alter_table('pain_point', schema=None) as batch_op:
        for column in DROPPED:
            batch_op.drop_column(column)


def downgrade():
    op.execute("DELETE FROM pain_point_question")
    op.execute("DELETE FROM pain_point")
    with op.batch_alter_table('pain_point', schema=None) as batch_op:
        batch_op.add_column(sa.Column('citizens', sa.Integer(), nullable=False))
        batch_op.add_column(sa.Column('recent_citizens', sa.Integer(), nullable=False))
        batch_op.add_column(sa.Column('question_count', sa.Integer(), nullable=False))
        batch_op.add_column(sa.Column('growth', sa.Float(), nullable=False))
        batch_op.add_column(sa.Column('agency_ids', sa.String(length=200), nullable=False))
        batch_op.add_column(sa.Column('has_accepted', sa.Boolean(), nullable=False))
        batch_op.add_column(sa.Column('has_official', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('last_seen_at', sa.DateTime(), nullable=False))

    with op.batch_alter_table('pain_point_suggestion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pain_point_suggestion_suggestion_id'))

    op.drop_table('pain_point_suggestion')
