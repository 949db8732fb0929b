"""badge print log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('badge_print',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.String(length=36), nullable=False),
    sa.Column('desk_name', sa.String(length=120), nullable=False),
    sa.Column('layout', sa.String(length=255), nullable=False),
    sa.Column('stock', sa.String(length=64), nullable=False),
    sa.Column('destination', sa.String(length=255), nullable=False),
    sa.Column('reprint', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_badge_print_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_badge_print_registration_id_registration'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_badge_print'))
    )
    with op.batch_alter_table('badge_print', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_badge_print_event_id'), ['event_id'], unique=False)
        batch_op.create_index('ix_badge_print_registration', ['registration_id', 'status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('badge_print', schema=None) as batch_op:
        batch_op.drop_index('ix_badge_print_registration')
        batch_op.drop_index(batch_op.f('ix_badge_print_event_id'))
    op.drop_table('badge_print')
