"""pretix: the event's badge layouts, their product assignments and background PDFs

The background PDFs live in the database, not beside it: desks that share one PostgreSQL
database print the same badges without each downloading them, and a desk that copies its
SQLite file takes its badges along. Each PDF is stored once per content (SHA-256).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _event_id(table: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (sa.Column("event_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=op.f(f"fk_{table}_event_id_event"),
                                    ondelete="CASCADE"))


def upgrade() -> None:
    op.create_table(
        "pretix_badge_layout",
        sa.Column("id", sa.Integer(), nullable=False),
        *_event_id("pretix_badge_layout"),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=190), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("elements", sa.JSON(), nullable=False),
        sa.Column("background_url", sa.String(length=1000), nullable=False),
        sa.Column("background_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pretix_badge_layout")),
        sa.UniqueConstraint("event_id", "external_id", name=op.f("uq_pretix_badge_layout_event_id_external_id")),
    )
    op.create_table(
        "pretix_badge_item",
        sa.Column("id", sa.Integer(), nullable=False),
        *_event_id("pretix_badge_item"),
        sa.Column("item_external_id", sa.String(length=255), nullable=False),
        sa.Column("layout_external_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pretix_badge_item")),
        sa.UniqueConstraint("event_id", "item_external_id",
                            name=op.f("uq_pretix_badge_item_event_id_item_external_id")),
    )
    op.create_table(
        "pretix_badge_background",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_pretix_badge_background")),
    )


def downgrade() -> None:
    op.drop_table("pretix_badge_background")
    op.drop_table("pretix_badge_item")
    op.drop_table("pretix_badge_layout")
