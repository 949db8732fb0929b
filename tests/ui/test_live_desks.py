"""The desk window on a venue PostgreSQL follows the other desks: a check-in at another desk
shows in this desk's dashboard and search rows within a second (LISTEN/NOTIFY), the listener
outlives its connection, and a notice after the window closed does nothing."""
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select, text

from checkin.app import build_desk_window
from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.log_notices import LogNotice
from checkin.store.models import Registration
from checkin.ui.live_desks import LiveDesks

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

LIVE_MS = 1000  # the promise: other desks show within a second
SETTLE_MS = 10_000  # connecting, reconnecting and the first counts on a shared machine


@pytest.fixture
def database(pg_database):
    """Every fixture of the desk window (demo event, codes, the window) on the venue PostgreSQL."""
    return pg_database


@pytest.fixture
def other_desk(pg_database, demo):
    """Desk B: its own engine (own connections, own origin), as another laptop at the venue."""
    other = open_database(pg_database.url, migrate=False)
    desk = DeskService(other, "00000000-0000-4000-8000-0000000000b2", "Desk B")
    yield lambda code: desk.scan(demo.event_id, demo.list_ids[0], code)
    other.dispose()


@pytest.fixture
def live(qtbot, window) -> LiveDesks:
    live = window.findChild(LiveDesks)
    qtbot.waitUntil(lambda: live.seen >= 1, timeout=SETTLE_MS)  # listening, and its first refresh done
    return live


def registered(database, demo) -> int:
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(Registration).where(
            Registration.event_id == demo.event_id, Registration.status != "cancelled"))


def show_dashboard_and_search(qtbot, window, code: str, total: int) -> None:
    window.search.box.setText(code)
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=SETTLE_MS)
    window.toolbar.show_dashboard.trigger()
    qtbot.waitUntil(lambda: window.dashboard.headline.text() == f"0 of {total} guests are in", timeout=SETTLE_MS)


def in_column(window) -> str:
    return window.search.model.index(0, 0).data()


def test_another_desks_check_in_shows_here_within_a_second(qtbot, window, live, other_desk, database, demo, codes):
    total = registered(database, demo)
    show_dashboard_and_search(qtbot, window, codes["valid"][0], total)
    assert in_column(window) == "– not yet"
    assert other_desk(codes["valid"][0]).decision.accepted
    qtbot.waitUntil(lambda: window.dashboard.headline.text() == f"1 of {total} guests are in", timeout=LIVE_MS)
    qtbot.waitUntil(lambda: in_column(window).startswith("✔ in since"), timeout=LIVE_MS)
    assert [window.dashboard.per_desk.item(0, c).text() for c in range(2)] == ["Desk B", "1"]


def test_this_desks_own_notice_refreshes_nothing_twice(qtbot, window, live, codes):
    published = []
    window.tasks.notifier.changed.connect(lambda changes, initiator: published.append(initiator))
    own_notice = qtbot.waitSignal(live.noticed, timeout=SETTLE_MS, check_params_cb=lambda n: n.origin == live.origin)
    with own_notice, qtbot.waitSignal(window.controller.answered, timeout=SETTLE_MS):  # either may come first
        window.scan(codes["valid"][1])
    assert published == [window.controller]  # the scan's own publish; its notice was skipped


def test_the_desk_keeps_following_after_its_listening_connection_is_killed(qtbot, window, live, other_desk,
                                                                          database, demo, codes):
    total = registered(database, demo)
    show_dashboard_and_search(qtbot, window, codes["valid"][2], total)
    with database.engine.connect() as connection:
        killed = connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": live.listener.backend_pid})
        assert killed.scalar()
    qtbot.waitUntil(lambda: live.listener.connects == 2 and live.listener.listening, timeout=SETTLE_MS)
    other_desk(codes["valid"][2])
    qtbot.waitUntil(lambda: window.dashboard.headline.text() == f"1 of {total} guests are in", timeout=LIVE_MS)
    qtbot.waitUntil(lambda: in_column(window).startswith("✔ in since"), timeout=LIVE_MS)


def test_a_notice_after_the_window_closed_does_nothing(qtbot, window, live, other_desk, demo, codes):
    published = []
    window.tasks.notifier.changed.connect(lambda changes, initiator: published.append(initiator))
    window.close()
    assert live.listener.join(5)  # the listening thread has ended
    other_desk(codes["valid"][3])
    live._from_listener(LogNotice(demo.event_id, origin="another desk"))  # one the thread held as it closed
    QCoreApplication.processEvents()
    assert published == [] and live.seen == 1


def test_a_sqlite_desk_listens_to_nothing(qtbot, db_url, window_settings):
    sqlite = open_database(db_url)
    window = build_desk_window(sqlite, window_settings, QApplication.instance())
    qtbot.addWidget(window)
    assert window.findChild(LiveDesks) is None
    window.close()
    sqlite.dispose()
