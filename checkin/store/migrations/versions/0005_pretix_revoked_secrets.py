"""pretix: revoked ticket secrets (the server's revocation list, refused offline)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revoked_secret",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.String(length=512), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=op.f("fk_revoked_secret_event_id_event"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revoked_secret")),
        sa.UniqueConstraint("event_id", "secret", name=op.f("uq_revoked_secret_event_id_secret")),
    )


def downgrade() -> None:
    op.drop_table("revoked_secret")
