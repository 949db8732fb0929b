"""search_token becomes a WITHOUT ROWID table on SQLite (one B-tree less per token written)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    _rebuild(with_rowid=False)


def downgrade() -> None:
    _rebuild(with_rowid=True)


def _rebuild(with_rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # the option exists on SQLite only
    with op.batch_alter_table("search_token", recreate="always",
                              table_kwargs={"sqlite_with_rowid": with_rowid}) as batch_op:
        batch_op.drop_index("ix_search_token_lookup")
        batch_op.create_index("ix_search_token_lookup", ["event_id", "kind", "token", "registration_id"])
