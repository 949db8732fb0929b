"""The event and list each desk works on, remembered in the database it works on

Until now the chosen event's slug was a per-user setting: a second database (``--db``) with
another event then failed with "No event 'demo' in this database". Kept in the database, the
choice travels with it, each desk sharing a PostgreSQL database keeps its own, and foreign
keys mean it can never name an event or list this database lacks (deleting the event deletes
the choice; deleting the list forgets only the list).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""
from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_choice",
        sa.Column("desk_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("check_in_list_id", sa.Integer(), nullable=True),
        sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=op.f("fk_desk_choice_event_id_event"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["check_in_list_id"], ["check_in_list.id"],
                                name=op.f("fk_desk_choice_check_in_list_id_check_in_list"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("desk_id", name=op.f("pk_desk_choice")),
    )


def downgrade() -> None:
    op.drop_table("desk_choice")
