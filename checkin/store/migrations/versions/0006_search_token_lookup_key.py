"""search_token keyed in lookup order; a registration's tokens listed in registration.search_keys

One B-tree per token instead of two (the key by registration plus the lookup index), and no
foreign-key check per token: an import of 100,000 guests writes about a million tokens.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_TOKEN_TYPE = "VARCHAR(255)"


def upgrade() -> None:
    with op.batch_alter_table("registration") as batch_op:
        batch_op.add_column(sa.Column("search_keys", sa.Text(), nullable=False, server_default=""))
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE registration SET search_keys = coalesce((SELECT ' ' || group_concat(kind || token, ' ') "
                   "|| ' ' FROM search_token t WHERE t.registration_id = registration.id), '')")
        op.execute("CREATE TABLE search_token_new (registration_id INTEGER NOT NULL, kind INTEGER NOT NULL, "
                   f"token {_TOKEN_TYPE} NOT NULL, event_id INTEGER NOT NULL, CONSTRAINT pk_search_token "
                   "PRIMARY KEY (event_id, kind, token, registration_id)) WITHOUT ROWID")
        op.execute("INSERT INTO search_token_new SELECT registration_id, kind, token, event_id FROM search_token")
        op.execute("DROP TABLE search_token")
        op.execute("ALTER TABLE search_token_new RENAME TO search_token")
        return
    op.execute("UPDATE registration SET search_keys = coalesce((SELECT ' ' || string_agg(kind::text || token, ' ') "
               "|| ' ' FROM search_token t WHERE t.registration_id = registration.id), '')")
    op.drop_index("ix_search_token_lookup", table_name="search_token")
    op.drop_constraint("fk_search_token_registration_id_registration", "search_token", type_="foreignkey")
    op.drop_constraint("pk_search_token", "search_token", type_="primary")
    op.create_primary_key("pk_search_token", "search_token", ["event_id", "kind", "token", "registration_id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE TABLE search_token_old (registration_id INTEGER NOT NULL, kind INTEGER NOT NULL, "
                   f"token {_TOKEN_TYPE} NOT NULL, event_id INTEGER NOT NULL, CONSTRAINT pk_search_token "
                   "PRIMARY KEY (registration_id, kind, token), CONSTRAINT fk_search_token_registration_id_registration "
                   "FOREIGN KEY(registration_id) REFERENCES registration (id) ON DELETE CASCADE) WITHOUT ROWID")
        op.execute("INSERT INTO search_token_old SELECT registration_id, kind, token, event_id FROM search_token "
                   "WHERE registration_id IN (SELECT id FROM registration)")
        op.execute("DROP TABLE search_token")
        op.execute("ALTER TABLE search_token_old RENAME TO search_token")
    else:
        op.drop_constraint("pk_search_token", "search_token", type_="primary")
        op.execute("DELETE FROM search_token WHERE registration_id NOT IN (SELECT id FROM registration)")
        op.create_primary_key("pk_search_token", "search_token", ["registration_id", "kind", "token"])
        op.create_foreign_key("fk_search_token_registration_id_registration", "search_token", "registration",
                              ["registration_id"], ["id"], ondelete="CASCADE")
    op.create_index("ix_search_token_lookup", "search_token", ["event_id", "kind", "token", "registration_id"])
    with op.batch_alter_table("registration") as batch_op:
        batch_op.drop_column("search_keys")
