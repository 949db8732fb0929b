from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from checkin.store.migrate import current_revision, head_revision, upgrade_to_head
from checkin.store.models import Base


def test_empty_database_upgrades_to_head_without_drift(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_upgrade_is_idempotent_and_keeps_data(database, demo):
    upgrade_to_head(database.engine)
    assert "check_in" in inspect(database.engine).get_table_names()
    with database.reader() as session:
        assert session.execute(Base.metadata.tables["registration"].select()).first() is not None


def test_revisions_form_one_line():
    from alembic.script import ScriptDirectory

    from checkin.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
