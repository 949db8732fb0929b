"""event: funding programme, project number (attendance lists), retention date and purge time (GDPR),
signing key for invitation codes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('funding_programme', sa.String(length=255), server_default='', nullable=False))
        batch_op.add_column(sa.Column('project_number', sa.String(length=120), server_default='', nullable=False))
        batch_op.add_column(sa.Column('retention_until', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('purged_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('code_key', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('require_signed_codes', sa.Boolean(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('require_signed_codes')
        batch_op.drop_column('code_key')
        batch_op.drop_column('purged_at')
        batch_op.drop_column('retention_until')
        batch_op.drop_column('project_number')
        batch_op.drop_column('funding_programme')
