"""suggestion moderation

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 06:17:26.262969

Suggestions are moderated like posts: a state (public, held, hidden, deleted), flags that
point at a suggestion, and revisions that keep the original text when a moderator redacts it.

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

ONE_OF_THREE = ("CASE WHEN question_id IS NULL THEN 0 ELSE 1 END + CASE WHEN answer_id IS NULL THEN 0 ELSE 1 END"
                " + CASE WHEN suggestion_id IS NULL THEN 0 ELSE 1 END = 1")
ONE_OF_TWO = "(question_id IS NULL) != (answer_id IS NULL)"


def upgrade():
    op.create_table('suggestion_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('editor_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['editor_id'], ['user_account.id'], name=op.f('fk_suggestion_revision_editor_id_user_account'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], name=op.f('fk_suggestion_revision_suggestion_id_suggestion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestion_revision')),
    sa.UniqueConstraint('suggestion_id', 'number', name='uq_suggestion_revision_number')
    )
    with op.batch_alter_table('flag', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suggestion_id', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('ck_flag_one_post'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_flag_one_post'), ONE_OF_THREE)
        batch_op.create_index('ix_flag_status_suggestion', ['status', 'suggestion_id'], unique=False)
        batch_op.create_index('uq_flag_user_suggestion', ['user_id', 'suggestion_id'], unique=True)
        batch_op.create_foreign_key(batch_op.f('fk_flag_suggestion_id_suggestion'), 'suggestion', ['suggestion_id'], ['id'], ondelete='CASCADE')

    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        # Every suggestion made so far was public.
        batch_op.add_column(sa.Column('state', sa.String(length=10), server_default='public', nullable=False))
        batch_op.create_check_constraint(batch_op.f('ck_suggestion_state_known'),
                                         "state IN ('public', 'held', 'hidden', 'deleted')")
        batch_op.create_index('ix_suggestion_state_agency', ['state', 'agency_id'], unique=False)


def downgrade():
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.drop_index('ix_suggestion_state_agency')
        batch_op.drop_constraint(batch_op.f('ck_suggestion_state_known'), type_='check')
        batch_op.drop_column('state')

    op.execute("DELETE FROM flag WHERE suggestion_id IS NOT NULL")
    with op.batch_alter_table('flag', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_flag_suggestion_id_suggestion'), type_='foreignkey')
        batch_op.drop_index('uq_flag_user_suggestion')
        batch_op.drop_index('ix_flag_status_suggestion')
        batch_op.drop_constraint(batch_op.f('ck_flag_one_post'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_flag_one_post'), ONE_OF_TWO)
        batch_op.drop_column('suggestion_id')

    op.drop_table('suggestion_revision')
