"""When a check-in a desk recorded offline reached the venue database

A desk on a venue PostgreSQL that stops answering goes on with its own SQLite copy and merges
what it recorded there once the server answers again (store/venue_desk.py). ``merged_at``
marks those rows: a guest admitted at two desks meanwhile shows in the reconciliation with the
offline admission named as such.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column: a plain ALTER on both engines (no batch copy of the log on SQLite).
    op.add_column("check_in", sa.Column("merged_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE check_in DROP COLUMN merged_at")  # SQLite ≥ 3.35 and PostgreSQL alike
