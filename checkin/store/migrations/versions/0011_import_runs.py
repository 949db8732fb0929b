"""Imports written in short transactions: the import run and its staged updates

An import held SQLite's write lock for its whole length (seconds for 100,000 rows), so a desk
scanning meanwhile waited. Now each part commits on its own, kept invisible under a hidden
staging event until the run is published; ``import_run`` records how far a run got, so a
start after a crash discards a half-staged run or finishes a half-published one.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("staging_event_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("file", sa.String(length=255), nullable=False),
        sa.Column("owner", sa.String(length=255), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    op.create_table(
        "import_staged_update",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["import_run.id"], name=op.f("fk_import_staged_update_run_id_import_run"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("run_id", "registration_id", name=op.f("pk_import_staged_update")),
    )


def downgrade() -> None:
    op.drop_table("import_staged_update")
    op.drop_table("import_run")
