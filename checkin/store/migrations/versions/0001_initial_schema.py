"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('desk',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desk')),
    sa.UniqueConstraint('name', name=op.f('uq_desk_name'))
    )
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=True),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('location', sa.String(length=255), nullable=False),
    sa.Column('organizer', sa.String(length=255), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('slug', name=op.f('uq_event_slug'))
    )
    op.create_table('check_in_list',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=True),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('all_ticket_types', sa.Boolean(), nullable=False),
    sa.Column('allow_multiple_entries', sa.Boolean(), nullable=False),
    sa.Column('allow_entry_after_exit', sa.Boolean(), nullable=False),
    sa.Column('include_unpaid', sa.Boolean(), nullable=False),
    sa.Column('opens_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closes_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_check_in_list_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in_list'))
    )
    with op.batch_alter_table('check_in_list', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_list_event_id'), ['event_id'], unique=False)

    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('resource', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('cursor', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_sync_state_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state')),
    sa.UniqueConstraint('source', 'resource', 'event_id', name=op.f('uq_sync_state_source_resource_event_id'))
    )
    op.create_table('ticket_type',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=True),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_ticket_type_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_type')),
    sa.UniqueConstraint('event_id', 'name', name=op.f('uq_ticket_type_event_id_name'))
    )
    with op.batch_alter_table('ticket_type', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_type_event_id'), ['event_id'], unique=False)

    op.create_table('check_in_list_ticket_type',
    sa.Column('check_in_list_id', sa.Integer(), nullable=False),
    sa.Column('ticket_type_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['check_in_list_id'], ['check_in_list.id'], name=op.f('fk_check_in_list_ticket_type_check_in_list_id_check_in_list'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_type_id'], ['ticket_type.id'], name=op.f('fk_check_in_list_ticket_type_ticket_type_id_ticket_type'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('check_in_list_id', 'ticket_type_id', name=op.f('pk_check_in_list_ticket_type'))
    )
    op.create_table('registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=True),
    sa.Column('code', sa.String(length=512), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('given_name', sa.String(length=255), nullable=False),
    sa.Column('family_name', sa.String(length=255), nullable=False),
    sa.Column('company', sa.String(length=255), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('ticket_type_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attention', sa.Boolean(), nullable=False),
    sa.Column('attention_text', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.DateTime(timezone=True), nullable=True),
    sa.Column('valid_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('walk_in', sa.Boolean(), nullable=False),
    sa.Column('raw', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_registration_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_type_id'], ['ticket_type.id'], name=op.f('fk_registration_ticket_type_id_ticket_type'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration')),
    sa.UniqueConstraint('event_id', 'code', name=op.f('uq_registration_event_id_code'))
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index('ix_registration_code', ['code'], unique=False)
        batch_op.create_index('ix_registration_source_external', ['event_id', 'source', 'external_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_ticket_type_id'), ['ticket_type_id'], unique=False)

    op.create_table('check_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nonce', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('raw_code', sa.String(length=512), nullable=False),
    sa.Column('check_in_list_id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.String(length=36), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('happened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=32), nullable=False),
    sa.Column('reverted_by_id', sa.Integer(), nullable=True),
    sa.Column('upload_state', sa.String(length=16), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('upload_error', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['check_in_list_id'], ['check_in_list.id'], name=op.f('fk_check_in_check_in_list_id_check_in_list'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['desk_id'], ['desk.id'], name=op.f('fk_check_in_desk_id_desk')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_check_in_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_check_in_registration_id_registration'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reverted_by_id'], ['check_in.id'], name=op.f('fk_check_in_reverted_by_id_check_in')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in')),
    sa.UniqueConstraint('nonce', name=op.f('uq_check_in_nonce'))
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_event_id'), ['event_id'], unique=False)
        batch_op.create_index('ix_check_in_list_happened', ['check_in_list_id', 'happened_at'], unique=False)
        batch_op.create_index('ix_check_in_registration_list', ['registration_id', 'check_in_list_id'], unique=False)
        batch_op.create_index('ix_check_in_upload', ['upload_state'], unique=False)

    op.create_table('search_token',
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=255).with_variant(sa.String(length=255, collation='C'), 'postgresql'), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_search_token_registration_id_registration'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('registration_id', 'kind', 'token', name=op.f('pk_search_token'))
    )
    with op.batch_alter_table('search_token', schema=None) as batch_op:
        batch_op.create_index('ix_search_token_lookup', ['event_id', 'kind', 'token', 'registration_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('search_token', schema=None) as batch_op:
        batch_op.drop_index('ix_search_token_lookup')

    op.drop_table('search_token')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index('ix_check_in_upload')
        batch_op.drop_index('ix_check_in_registration_list')
        batch_op.drop_index('ix_check_in_list_happened')
        batch_op.drop_index(batch_op.f('ix_check_in_event_id'))

    op.drop_table('check_in')
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registration_ticket_type_id'))
        batch_op.drop_index('ix_registration_source_external')
        batch_op.drop_index('ix_registration_code')

    op.drop_table('registration')
    op.drop_table('check_in_list_ticket_type')
    with op.batch_alter_table('ticket_type', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_type_event_id'))

    op.drop_table('ticket_type')
    op.drop_table('sync_state')
    with op.batch_alter_table('check_in_list', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_in_list_event_id'))

    op.drop_table('check_in_list')
    op.drop_table('event')
    op.drop_table('desk')

