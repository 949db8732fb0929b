"""Composition root: builds settings, database, services and the desk window. Wiring only."""
from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from checkin.heap import freeze_startup_objects
from checkin.scanning.layout_recovery import LayoutRecovery
from checkin.settings import Settings
from checkin.ui.startup_probe import exit_when_shown_if_asked
from checkin.store.database import Database, StoreOpenError, open_database, resolve_url, unopened_database
from checkin.store.desk import DeskService
from checkin.store.desk_setup import DeskSetup
from checkin.store.models import utcnow
from checkin.store.venue_copy import copied_events, waiting_on_copy
from checkin.store.venue_desk import VenueState, is_lost_connection
from checkin.store.venue_login import VenuePasswords, driver_available, remembered_url
from checkin.ui.badge_printing import BadgePrintService
from checkin.ui.collector import UiThreadCollector
from checkin.ui.i18n import Translations, pick_language
from checkin.ui.join_venue import VenueJoin
from checkin.ui.live_desks import watch_other_desks
from checkin.ui.main_window import MainWindow
from checkin.ui.organiser_tools import OrganiserTools
from checkin.ui.pretix_sync import PretixSync
from checkin.ui.safety_nets import SafetyNets
from checkin.ui.start_notice import StartNotice
from checkin.ui.taskman import APP_TASKS, TaskManager
from checkin.ui.venue_banner import VenueLink, watch_venue_link, with_venue_copy

log = logging.getLogger(__name__)


def build_desk_window(database: Database, settings: Settings, app: QApplication,
                      started_offline: VenueState | None = None, **collaborators: object) -> MainWindow:
    """The desk window with its language installed (shared by the app, tests and screenshots).
    ``started_offline``: the venue database did not answer at start; the desk opens on its copy."""
    translations = Translations(app)
    translations.apply(pick_language(settings.get("language")))
    factory = with_layout_recovery(collaborators.get("desk_service_factory"))
    venue_link = VenueLink(started_offline=started_offline)
    if not database.is_sqlite:  # the desk goes on with its own copy when the venue database stops answering
        factory = with_venue_copy(factory, database, settings, venue_link)
        collaborators["reading"] = lambda: venue_link.reading(database)
    collaborators["desk_service_factory"] = factory
    window = MainWindow(database, settings, translations=translations, **collaborators)
    watch_other_desks(window)  # PostgreSQL: the other desks' check-ins show here within a second
    watch_venue_link(window, venue_link)
    return window


def with_layout_recovery(factory: Callable[..., DeskService] | None) -> Callable[..., DeskService]:
    """The desk's service factory (pretix's, or the plain DeskService) with the resolver that
    accepts codes a scanner typed with the wrong keyboard layout."""

    def build(setup: DeskSetup, *desk_args: Any, **options: Any) -> DeskService:
        options.setdefault("unknown_code_resolvers", (LayoutRecovery(),))
        if factory is None:
            return DeskService(*desk_args, **options)
        return factory(setup, *desk_args, **options)
    return build


def open_desk_database(db_url: str | None, settings: Settings) -> tuple[Database, VenueState | None]:
    """The desk's database, or (the venue database does not answer and this desk holds a copy of an
    event from it) the venue database unopened and the state to start offline in, on the copy."""
    try:
        return open_database(db_url, busy_timeout_s=DESK_LOCK_PATIENCE_S,
                             connect_timeout_s=settings.get("venue_timeout_s")), None
    except StoreOpenError as error:
        url = resolve_url(db_url)
        if not is_lost_connection(error) or not copied_events(url):
            raise
        log.warning("the venue database does not answer at start; the desk opens on its copy: %s", error)
        started = VenueState(offline=True, since=utcnow(), queued=waiting_on_copy(url))
        return unopened_database(url, connect_timeout_s=settings.get("venue_timeout_s")), started


def _open_showing_notice(app: QApplication, db_url: str | None,
                         settings: Settings) -> tuple[Database, VenueState | None]:
    """A venue server may take ``venue_timeout_s`` to answer (or not): a notice says so meanwhile."""
    url = resolve_url(db_url)
    notice = None if url.startswith("sqlite") else StartNotice(app, url, settings)
    try:
        return open_desk_database(db_url, settings)
    finally:
        if notice is not None:
            notice.close()


def _kept_offline(db_url: str | None, error: StoreOpenError) -> str:
    """What a desk that cannot reach its venue database at start still holds (it starts once it answers)."""
    waiting = waiting_on_copy(resolve_url(db_url)) if is_lost_connection(error) else 0
    if not waiting:
        return ""
    return (f"\n\nCheck-ins this desk recorded while the venue database did not answer, kept on this computer: "
            f"{waiting}. They are merged when the desk starts with the database answering.")


#: How long the desk waits for SQLite's write lock before it says "Another program holds the
#: database" (and tries once more by itself). Imports write in short transactions, so a normal
#: wait is well under a second; the command line keeps its 10 s.
DESK_LOCK_PATIENCE_S = 3.0


def run_desk_app(db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    collector = UiThreadCollector(app)  # before any pool thread runs: none of them may collect
    app.setApplicationName("Check-in Desk")
    app.setOrganizationName("checkin-desk")
    try:
        outcome = run_desk(app, desk_database_url(db_url, Settings()))
        while isinstance(outcome, str):  # the desk joined a venue database: open the desk on it
            outcome = run_desk(app, outcome)
        return outcome
    finally:
        collector.stop()


def desk_database_url(db_url: str | None, settings: Settings) -> str | None:
    """``--db``, else ``CHECKIN_DB``, else the venue database this desk joined, else the local file."""
    if db_url or os.environ.get("CHECKIN_DB"):
        return db_url
    return remembered_url(settings, VenuePasswords())


def run_desk(app: QApplication, db_url: str | None) -> int | str:
    """One desk window on one database until it closes: the exit code, or the URL to open next."""
    settings = Settings()
    try:
        database, started_offline = _open_showing_notice(app, db_url, settings)
    except StoreOpenError as error:
        QMessageBox.critical(None, "Check-in Desk", str(error) + _kept_offline(db_url, error))
        return 1
    tasks = TaskManager(app, object_name=APP_TASKS)  # every job off the UI thread, one writer lane
    safety = SafetyNets(app, database.url, settings)  # log file, icon, crash dialog, backups, Help menu
    badge_printer = BadgePrintService(database, settings, *settings.desk_identity(), tasks=tasks)
    sync = PretixSync(database, app, settings=settings, tasks=tasks)
    tools = OrganiserTools(database, settings, badge_printer, app, pretix=sync)
    reopen: list[str] = []
    venue = VenueJoin(settings, lambda url: (reopen.append(url), window.close(), app.quit()), app)
    handlers = {**tools.first_run_handlers(), "venue": venue.open if driver_available() else None}
    window = build_desk_window(database, settings, app, badge_printer=badge_printer,
                               extra_menu_actions=tools.actions(), first_run_handlers=handlers,
                               desk_service_factory=sync.desk_service, tasks=tasks,
                               started_offline=started_offline)
    tools.attach(window)
    sync.attach(window)
    safety.attach(window)
    venue.attach(window)
    window.show()
    exit_when_shown_if_asked(app)
    freeze_startup_objects()  # a later full garbage collection (during a big pull) walks less: shorter freezes
    try:
        code = app.exec()
    finally:
        sync.stop()
        safety.stop()
        badge_printer.wait_for_done(10_000)  # a badge being printed comes out before the database closes
        tasks.shutdown()  # a scan being written is written
        database.dispose()
        tasks.setObjectName("")  # a desk opened next finds its own task manager, not this one
        for part in (sync, tools, venue, tasks):
            part.deleteLater()
    return reopen[0] if reopen else code
