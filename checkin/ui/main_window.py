"""The desk window: scan field and answer card on the left, search and dashboard on the right.

Layout and wiring only: actions go to the DeskController (database lane), answers come back
by signal. Scanner bursts reach the scan handler through the application-wide WedgeFilter,
whatever widget or dialog has focus.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from checkin.core.decision import Direction, Severity
from checkin.core.payload import PayloadRules
from checkin.scanning.wedge import WedgeConfig
from checkin.scanning.wedge_filter import WedgeFilter
from checkin.settings import Settings
from checkin.store.database import Database, describe
from checkin.store.desk import ScanResult, UndoResult
from checkin.store.desk_setup import DeskSetup
from checkin.store.undo_target import UndoTarget
from checkin.ui.answer_card import AnswerCard
from checkin.ui.badge_alert import BadgeFailureAlert
from checkin.ui.badge_printing import BadgePrintService
from checkin.ui.camera_panel import CameraPanel, FeedFactory
from checkin.ui.card_badge import CardBadge
from checkin.ui.changes import Changes
from checkin.ui.dashboard import Dashboard
from checkin.ui.database_trouble import DatabaseTroubleLine
from checkin.ui.desk_controller import DeskController
from checkin.ui.desk_toolbar import DeskToolbar
from checkin.ui.dialogs import DeskDialogs
from checkin.ui.exit_mode import DeskMode, ScanFieldLook
from checkin.ui.guest_badge import BadgeRequest
from checkin.ui.i18n import Translations, pick_language
from checkin.ui import window_geometry
from checkin.ui.look import apply_look
from checkin.ui.search_panel import SearchPanel
from checkin.ui.sounds import AnswerSounds
from checkin.ui.status_bar import DeskStatusBar
from checkin.ui.taskman import TaskManager
from checkin.ui.throttle import Throttle

DASHBOARD_REFRESH_MS = 700  # at most this often, the first at once: other desks show within a second
UPLOADS_REFRESH_MS = 10_000


#: Keys line edits claim for themselves that the desk needs more: undo the check-in (not the
#: typed text), entry and exit mode (Ctrl+E is "end of line" in X11 line edits).
#: (Key sequences are made once the application exists: a standard key needs its platform.)
DESK_KEYS = (QKeySequence.StandardKey.Undo, "Ctrl+E", "Ctrl+Shift+E")


class _DeskKeys(QObject):
    """Refuses the scan and search fields' shortcut override for the desk's keys, so the
    window's actions fire."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.keys = tuple(QKeySequence(keys) for keys in DESK_KEYS)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ShortcutOverride and any(
                QKeySequence(event.keyCombination()).matches(keys) == QKeySequence.SequenceMatch.ExactMatch
                for keys in self.keys):
            event.ignore()
            return True
        return False


class MainWindow(QMainWindow):
    #: The desk knows its event and list and takes scans (or None: no event yet).
    ready = Signal(object)
    #: The settings were edited and saved; services the window does not own apply them too.
    settings_applied = Signal()

    def __init__(self, database: Database, settings: Settings, *, badge_printer: BadgePrintService | None = None,
                 extra_menu_actions: Sequence[QAction] = (), translations: Translations | None = None,
                 first_run_handlers: dict[str, Callable[[], None] | None] | None = None,
                 clock: Callable[[], datetime] | None = None,
                 desk_service_factory: Callable[..., object] | None = None, tasks: TaskManager | None = None,
                 camera_feeds: FeedFactory | None = None, reading: Callable[[], Database] | None = None):
        super().__init__()
        #: The app's lanes and change notifier (its own when none is given: tests, screenshots).
        self.tasks = tasks or TaskManager(self)
        self.tasks.on_unhandled = self._on_unhandled
        self.database, self.settings, self.badge_printer = database, settings, badge_printer
        self.translations = translations
        #: While set, scanner bursts go here instead of to the desk (a dialog reading a setup code).
        self.scan_taker: Callable[[str], None] | None = None
        self._no_event_shown = False
        desk_id, desk_name = settings.desk_identity()
        self.controller = DeskController(database, desk_id, desk_name, self._payload_rules(), self.tasks, self,
                                         clock=clock, service_factory=desk_service_factory, reading=reading)
        self.mode = DeskMode(settings.get("exit_mode_idle_min"), self)
        self._title: tuple[str, str] | None = None
        self.wedge = WedgeFilter(WedgeConfig.from_settings(settings), self)
        self.sounds = AnswerSounds(settings.get("sounds"), self)
        self.dialogs = DeskDialogs(self, first_run_handlers)
        self.camera = CameraPanel(settings, self.sounds, camera_feeds, self)
        self._build(desk_name)
        self.toolbar = DeskToolbar(self)
        self.addToolBar(self.toolbar)
        self.menus = self.toolbar.build_menus(extra_menu_actions)
        self.menus["view"].addAction(self.camera.toggle)
        self._connect()
        apply_look(self, settings)
        self.retranslate()
        window_geometry.restore(self, settings)
        self._fitted_once = False
        self.wedge.install()
        self.controller.load()  # the event and list this desk chose in this database, else the newest

    def _build(self, desk_name: str) -> None:
        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("scanField")
        self.scan_look = ScanFieldLook(self.scan_field)
        self.scan_label = QLabel(self)
        self.scan_label.setBuddy(self.scan_field)
        self.card = AnswerCard(self)
        self.card_badge = CardBadge(self.card, lambda rid: BadgeRequest(self.database, self.settings, rid),
                                    self.badge_printer is not None)
        left = QWidget(self)
        column = self._left_column = QVBoxLayout(left)
        column.addWidget(self.scan_label)
        column.addWidget(self.scan_field)
        column.addWidget(self.camera)
        column.addWidget(self.card, 1)
        self.search = SearchPanel(self.controller.search, self)
        self.dashboard = Dashboard(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.search, "")
        self.tabs.addTab(self.dashboard, "")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([640, 726])
        self.setCentralWidget(splitter)
        self.status = DeskStatusBar(desk_name, describe(self.database.url), self)
        self.badge_alert = BadgeFailureAlert(self)
        self.setStatusBar(self.status)
        self._dashboard_timer = Throttle(DASHBOARD_REFRESH_MS, self.refresh_dashboard, self)
        self._uploads_timer = QTimer(self)
        self._uploads_timer.timeout.connect(self.refresh_uploads)
        self._uploads_timer.start(UPLOADS_REFRESH_MS)

    def _connect(self) -> None:
        self.wedge.scanned.connect(self.scan)
        self.camera.scanned.connect(self.scan)
        self.camera.several.connect(self._on_several_codes)
        self.camera.notice.connect(lambda text: self.status.showMessage(text, 30_000))
        self._desk_keys = _DeskKeys(self)
        for field in (self.scan_field, self.search.box):
            field.installEventFilter(self._desk_keys)
        self.mode.changed.connect(self._on_mode)
        self.scan_field.returnPressed.connect(self._scan_typed)
        self.controller.setup_changed.connect(self._on_setup)
        self.controller.answered.connect(self._on_answer)
        self.controller.undone.connect(self._on_undone)
        notifier = self.tasks.notifier
        notifier.subscribe(self.search, Changes(check_ins=True, registrations=True), self._refresh_search)
        notifier.subscribe(self.dashboard, Changes(check_ins=True, registrations=True), self._schedule_dashboard)
        notifier.subscribe(self.status, Changes(sync_state=True), self._refresh_uploads_for)  # scans: its timer
        self.controller.failed.connect(self._on_failed)
        self.database_trouble = DatabaseTroubleLine(self.card, self.status, self.sounds).follow(self.controller)
        self.search.check_in_requested.connect(self.controller.check_in)
        self.search.details_requested.connect(self.dialogs.show_guest)
        self.tabs.currentChanged.connect(lambda _index: self._schedule_dashboard())
        if self.badge_printer is not None:
            self.card_badge.print_requested.connect(lambda rid: self.badge_printer.print_badge(rid, reprint=True))
        failed = getattr(self.badge_printer, "failed", None)  # the badge service reports (id, message)
        if failed is not None:
            failed.connect(self._on_badge_failed)

    def add_banner(self, banner: QWidget) -> None:
        """A banner above the scan field (the venue database's state): seen before anything else."""
        self._left_column.insertWidget(0, banner)

    # -- what the desk does -------------------------------------------------------------
    def scan(self, payload: str) -> None:
        if self.scan_taker is not None:
            self.scan_taker(payload)
            return
        self.mode.touch()
        self.controller.scan(payload)

    def _scan_typed(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():
            self.scan(text)

    def request_undo(self) -> None:
        """Ask about the check-in an undo would revert, by name; Yes undoes exactly that one."""
        def ask(target: UndoTarget | None) -> None:
            if target is None:
                self._on_undone(None)
            else:
                self.dialogs.confirm_undo(target, self.controller.undo)
        self.controller.undo_target(ask)

    def set_connection_state(self, online: bool | None, text: str) -> None:
        """For the sync worker: None = no server configured, True online, False offline."""
        self.status.set_connection_state(online, text)

    def set_pending_uploads(self, count: int) -> None:
        """For the sync worker: check-ins recorded here and not yet on the server."""
        self.status.set_queued_uploads(count)

    def refresh_dashboard(self) -> None:
        if self.tabs.currentWidget() is self.dashboard and self.controller.ready:
            self.controller.stats(lambda result: self.dashboard.show_stats(*result))

    def refresh_uploads(self) -> None:
        self.controller.pending_uploads(self.status.set_queued_uploads)

    def apply_settings(self) -> None:
        """Settings were edited: scanner thresholds, sounds, look and language take effect now."""
        self.wedge.configure(WedgeConfig.from_settings(self.settings))
        self.controller.set_payload_rules(self._payload_rules())
        self.sounds.enabled = self.settings.get("sounds")
        self.mode.set_idle_minutes(self.settings.get("exit_mode_idle_min"))
        self.camera.apply_settings()
        apply_look(self, self.settings)
        self._show_mode()
        if self.translations is not None:
            self.set_language(self.settings.get("language"))
        self.settings_applied.emit()

    def set_language(self, override: str) -> None:
        self.settings.set("language", override)
        self.settings.save()
        if self.translations is not None:
            self.translations.apply(pick_language(override))

    def _payload_rules(self) -> PayloadRules:
        return PayloadRules(self.settings.get("scanner_prefix"), self.settings.get("scanner_suffix"))

    # -- answers ------------------------------------------------------------------------
    def _on_setup(self, setup: DeskSetup | None) -> None:
        self.toolbar.show_setup(setup)
        if setup is None:
            self.card.show_message(Severity.WARNING, self.tr("No event yet"),
                                   self.tr("Open the demo event, import a file or connect to a server."))
            self._no_event_shown = True
            self.dialogs.first_run()
        else:
            if self._no_event_shown:  # the first event arrived: ready to scan, not "no event yet"
                self._no_event_shown = False
                self.card.clear()
            for view in (self.card, self.search, self.status):
                view.set_timezone(setup.timezone)
            self.dashboard.timezone = setup.timezone
            self.controller.remember(setup)
            self._title = (setup.event_name, setup.list_name)
            self._show_title()
            self.search.refresh()
            self._schedule_dashboard()
        self.ready.emit(setup)

    def _on_mode(self, direction: Direction) -> None:
        self.controller.direction = direction
        self.toolbar.show_direction(direction)
        self._show_mode()

    def _show_mode(self) -> None:
        """Exit mode on the scan field, the answer card and the window title; entry mode plain."""
        exit_mode = self.mode.direction is Direction.EXIT
        self.card.set_exit_mode(exit_mode)
        self.scan_look.show(exit_mode, self.settings.get("high_contrast"),
                            self.tr("EXIT: ticket code of a guest leaving") if exit_mode else self.tr("Ticket code"))
        self.scan_label.setText(self.tr("EXIT MODE: s&can the ticket of a guest leaving, then press Enter:")
                                if exit_mode else self.tr("S&can or type a ticket code, then press Enter:"))
        self._show_title()

    def _show_title(self) -> None:
        if self._title is None:
            return
        title = self.tr("Check-in Desk – {0} – {1}").format(*self._title)
        if self.mode.direction is Direction.EXIT:
            title = self.tr("EXIT MODE – {0}").format(title)
        self.setWindowTitle(title)

    def _on_answer(self, result: ScanResult) -> None:
        self.mode.touch()
        decision = result.decision
        self.card.show_decision(decision, self.settings.get("answer_timeout_s"))
        self.sounds.play(decision.severity.value)
        if self.badge_printer is not None:  # a desk that prints badges shows the one just checked in
            self.card_badge.show_for(result)
        if decision.accepted and self.badge_printer is not None and self.settings.get("print_on_check_in"):
            self.badge_printer.print_badge(result.registration_id)

    def _on_several_codes(self, _codes: tuple[str, ...]) -> None:
        self.card.show_message(Severity.WARNING, self.tr("Two codes in view"),
                               self.tr("Show one ticket at a time. Nobody was checked in."))

    def _on_undone(self, result: UndoResult | None) -> None:
        if result is None:
            self.card.show_message(Severity.WARNING, self.tr("Nothing to undo"),
                                   self.tr("This desk has no check-in on this list that could be undone."))
        else:
            self.card.show_message(Severity.WARNING, self.tr("Check-in undone"),
                                   self.tr("{0} is no longer checked in.").format(result.name))
        self.sounds.play("warning")

    def _refresh_search(self, _changes: Changes) -> None:
        self.search.refresh()

    def _schedule_dashboard(self, _changes: Changes | None = None) -> None:
        self._dashboard_timer.request()  # a burst of scans refreshes the counts at a steady pace

    def _refresh_uploads_for(self, _changes: Changes) -> None:
        self.refresh_uploads()

    def _on_badge_failed(self, _registration_id: int, message: str) -> None:
        # A dialog that does not take the keyboard: the queue goes on while someone sees to the printer.
        self.status.showMessage(self.tr("Badge not printed: {0}").format(message), 15_000)
        self.badge_alert.show(message)

    def _on_unhandled(self, error: BaseException) -> None:
        """A background job failed and nobody handled it: logged by the task manager, shown here."""
        logging.getLogger(__name__).error("background job failed", exc_info=error)
        self.status.showMessage(self.tr("Something went wrong: {0}").format(str(error) or type(error).__name__),
                                15_000)

    def _on_failed(self, message: str) -> None:
        self.card.show_message(Severity.REFUSED, self.tr("Something went wrong"), message)
        self.sounds.play("refused")

    # -- language and shutdown ----------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.scan_field.setAccessibleName(self.tr("Ticket code"))
        self.tabs.setTabText(0, self.tr("&Search"))
        self.tabs.setTabText(1, self.tr("&Dashboard"))
        self.toolbar.retranslate()
        for view in (self.card, self.search, self.dashboard, self.status, self.camera):
            view.retranslate()
        self._show_mode()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._fitted_once:  # once the window manager has framed it, the title bar's height is known
            self._fitted_once = True
            QTimer.singleShot(250, self, self._fit_to_screen)

    def _fit_to_screen(self) -> None:
        window_geometry.fit(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        window_geometry.remember(self, self.settings)
        self.dialogs.close_welcome()
        self.wedge.uninstall()
        self.camera.shutdown()
        for timer in (self._dashboard_timer, self._uploads_timer):
            timer.stop()
        if self.tasks.parent() is self:  # the app's task manager is shut down by the app
            self.tasks.shutdown()
        self.settings.save()
        if self.translations is not None:
            self.translations.remove()
        super().closeEvent(event)
