import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, inspect, select, text

from checkin.core.search_text import fold
from checkin.store.database import open_database
from checkin.store.desk_choice import remember, remembered
from checkin.store.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from checkin.store.models import Base, Registration, SearchToken
from checkin.store.registrations import reindex
from checkin.store.search import search
from checkin.sync.demo import create_demo_event


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_empty_database_upgrades_to_head_without_drift(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        # SQLite's reflection skips expression indexes, so the comparison cannot see this one.
        assert connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'ix_registration_code_folded'"
                                          ).scalar_one() == "CREATE INDEX ix_registration_code_folded ON registration (event_id, (lower(code)))"
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


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    return request.getfixturevalue("postgres_server").create_database()


def _old_guest(connection, registration_id: int, given: str, family: str, email: str) -> None:
    connection.execute(text(
        "INSERT INTO registration (id, event_id, source, code, title, given_name, family_name, company, email, "
        "status, attention, attention_text, notes, walk_in, created_at, updated_at) VALUES (:id, 1, 'file', :code, "
        "'', :given, :family, '', :email, 'valid', false, '', '', false, '2026-11-01', '2026-11-01')"),
        {"id": registration_id, "code": f"code{registration_id}", "given": given, "family": family, "email": email})
    tokens = [(0, fold(family)), (1, fold(given)), (3, fold(email)), (4, f"code{registration_id}")]
    connection.execute(text("INSERT INTO search_token (registration_id, kind, token, event_id) "
                            "VALUES (:id, :kind, :token, 1)"),
                       [{"id": registration_id, "kind": kind, "token": token} for kind, token in tokens])


@pytest.mark.postgres
def test_0006_keeps_every_guest_findable_and_reindexable(database_url):
    """Tokens written by the old schema move to the new key; search_keys is filled from them."""
    engine = create_engine(database_url)
    command.upgrade(alembic_config(engine), "0005")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO event (id, source, slug, name, location, organizer, timezone, created_at) "
                                "VALUES (1, 'file', 'old', 'Old', '', '', 'Europe/Berlin', '2026-11-01')"))
        _old_guest(connection, 1, "Anna", "Müller", "anna.mueller@example.org")
        _old_guest(connection, 2, "Jonas", "Weiß", "jw@example.org")
    upgrade_to_head(engine)
    engine.dispose()
    database = open_database(database_url)
    try:
        with database.reader() as session:
            assert [h.given_name for h in search(session, 1, "mueller anna")] == ["Anna"]
            assert [h.given_name for h in search(session, 1, "anna.mueller@exa")] == ["Anna"]
            assert session.scalar(select(Registration.search_keys).where(Registration.id == 2)).split() == [
                "0weiss", "1jonas", "3jw@example.org", "4code2"]
        with database.session() as session:
            guest = session.get(Registration, 2)
            guest.family_name = "Schwarz"
            reindex(session, [guest])
        with database.reader() as session:
            assert search(session, 1, "weiss") == []
            assert [h.family_name for h in search(session, 1, "schwarz jonas")] == ["Schwarz"]
            assert session.scalar(select(func.count()).select_from(SearchToken)
                                  .where(SearchToken.registration_id == 2)) == 4  # schwarz jonas jw example; 0008: no code
    finally:
        database.dispose()
    engine = create_engine(database_url)
    command.downgrade(alembic_config(engine), "0005")
    command.upgrade(alembic_config(engine), "head")
    engine.dispose()


@pytest.mark.postgres
def test_0008_moves_codes_from_tokens_to_the_folded_index_and_back(database_url):
    database = open_database(database_url)
    try:
        with database.session() as session:
            from checkin.store.models import Event
            from checkin.store.registrations import insert_registrations
            event = Event(source="test", slug="codes", name="Codes")
            session.add(event)
            session.flush()
            insert_registrations(session, event.id, [
                {"source": "test", "code": "AbC-123", "family_name": "Lang"},
                {"source": "test", "code": "lang", "family_name": "Lang"},  # the code is a name token too
            ])
            event_id = event.id
        with database.reader() as session:
            assert [h.code for h in search(session, event_id, "abc-1")] == ["AbC-123"]
    finally:
        database.dispose()
    engine = create_engine(database_url)
    command.downgrade(alembic_config(engine), "0007")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT token FROM search_token WHERE kind = 4")).scalars().all() == ["abc-123"]
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM search_token WHERE kind = 4")).scalar_one() == 0
    engine.dispose()


@pytest.mark.postgres
def test_0010_adds_the_desk_choice_and_takes_it_away_again(database_url):
    database = open_database(database_url)
    try:
        with database.session() as session:
            demo = create_demo_event(session, 5, seed=1)
            remember(session, "desk-a", demo.event_id, demo.list_ids[0])
    finally:
        database.dispose()
    engine = create_engine(database_url)
    command.downgrade(alembic_config(engine), "0009")
    assert "desk_choice" not in inspect(engine).get_table_names()
    upgrade_to_head(engine)
    assert {fk["name"] for fk in inspect(engine).get_foreign_keys("desk_choice")} == {
        "fk_desk_choice_event_id_event", "fk_desk_choice_check_in_list_id_check_in_list"}
    engine.dispose()
    database = open_database(database_url)
    with database.reader() as session:
        assert remembered(session, "desk-a") is None, "the table came back empty"
    database.dispose()
