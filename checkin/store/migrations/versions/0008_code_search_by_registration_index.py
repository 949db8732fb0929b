"""Codes are searched by prefix in a lower-case index of registration.code, not as search tokens

An import of 100,000 guests wrote 100,000 code tokens, one per guest and each unique, to find
what one index on the codes finds as well. The index replaces the plain one on code, which only
served the lookup of a code in the other events; that lookup now goes event by event through
the unique (event, code) index.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_CODE = 4  # checkin.store.registrations.CODE


def _folded() -> str:
    return 'lower(code) COLLATE "C"' if op.get_bind().dialect.name == "postgresql" else "lower(code)"


def upgrade() -> None:
    op.execute(f"DELETE FROM search_token WHERE kind = {_CODE}")
    op.drop_index("ix_registration_code", table_name="registration")
    op.execute(f"CREATE INDEX ix_registration_code_folded ON registration (event_id, ({_folded()}))")


def downgrade() -> None:
    op.drop_index("ix_registration_code_folded", table_name="registration")
    op.create_index("ix_registration_code", "registration", ["code"])
    # The code's token as keys_for (then tokens_for) wrote it, for the guests whose search_keys list one.
    token = "substr(lower(code), 1, 255)"
    listed = ("instr(search_keys, ' 4' || {token} || ' ') > 0" if op.get_bind().dialect.name == "sqlite"
              else "strpos(search_keys, ' 4' || {token} || ' ') > 0").format(token=token)
    op.execute(f"INSERT INTO search_token (registration_id, kind, token, event_id) "
               f"SELECT id, {_CODE}, {token}, event_id FROM registration WHERE {listed}")
