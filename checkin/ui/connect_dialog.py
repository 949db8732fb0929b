"""Connect this desk to a pretix server: the device setup code (scanned or pasted) or the server
address with an organiser API token; then organiser, event and check-in list as the server lists
them; then the first download, with progress.

All network work runs off the UI thread (checkin.ui.operations); the steps themselves are the
sync layer's (discovery, setup.connect_and_pull), the same code ``checkin pretix connect`` uses.
Every error is one sentence in the dialog and leaves what was typed alone; Cancel works at
every step, and a cancelled download leaves only whole batches behind (the next sync resumes).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from checkin.store.database import Database
from checkin.sync.pretix.cancel import Cancellation
from checkin.sync.pretix.client import PretixError
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.discovery import Access, check_in_lists, device_access, events, organizers, token_access
from checkin.sync.pretix.handshake import parse_handshake
from checkin.sync.pretix.setup import ConnectResult, connect_and_pull
from checkin.sync.pretix.sync import SyncSummary
from checkin.ui.changes import Changes
from checkin.ui.connect_pages import CHOOSE, DOWNLOAD, SERVER, ConnectPages
from checkin.ui.operations import Job, Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of

T = TypeVar("T")

#: A person waits on these: one retry, not the background sync's four.
DISCOVERY_OPTIONS = {"retries": 1}
#: Smaller write batches than the background sync's (20 pages): progress moves and Cancel answers
#: sooner (tests/perf/test_connect_perf.py measures the cost).
FIRST_PULL_OPTIONS = {"batch_pages": 10}
#: A connect links an event and downloads its guests.
CONNECTED = Changes(registrations=True, event_setup=True, sync_state=True)


class ConnectDialog(QDialog):
    #: ConnectResult and SyncSummary of a connect whose first download finished.
    connected = Signal(object, object)
    #: The dialog closed without a finished download, once no download writes any more; the
    #: event may be linked already (the next sync goes on where this one stopped).
    stopped = Signal()

    def __init__(self, database: Database, tokens: TokenStore, parent: QWidget | None = None, *,
                 client_options: dict | None = None, pull_options: dict | None = None,
                 tasks: TaskManager | None = None):
        super().__init__(parent)
        self.database, self.tokens = database, tokens
        self.client_options = {**DISCOVERY_OPTIONS, **(client_options or {})}
        self.pull_options = FIRST_PULL_OPTIONS if pull_options is None else pull_options
        self.access: Access | None = None
        self._access_source: tuple[str, str] | None = None  # the input that access was made from
        self._question = 0  # answers to an earlier question are dropped
        self._cancellation: Cancellation | None = None
        self.downloading = False
        self.tasks = tasks or tasks_of(parent)
        self.setWindowTitle(self.tr("Connect to a pretix server"))
        self.setMinimumWidth(560)
        self._build()
        self._show_step(SERVER)
        self.pages.handshake.setFocus()  # ready for the scanner or Ctrl+V

    def _build(self) -> None:
        self.pages = ConnectPages(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Connection status"))
        self.back = QPushButton(self.tr("&Back"), self)
        self.next = QPushButton(self)
        self.next.setDefault(True)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.cancel.clicked.connect(self.reject)
        self.pages.organizer.currentIndexChanged.connect(lambda _index: self._load_events())
        self.pages.event.currentIndexChanged.connect(lambda _index: self._load_lists())
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # -- steps ----------------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    @property
    def download_started(self) -> bool:
        """A connect and first download began (the event may be linked, even if it stopped)."""
        return self._cancellation is not None or self.result() == QDialog.DialogCode.Accepted

    def go_next(self) -> None:
        if self.step == SERVER:
            self._check_server()
        elif not self.downloading:
            self._start_download()

    def go_back(self) -> None:
        if not self.downloading and self.step > SERVER:
            self._question += 1  # a list still loading no longer matters
            self._show_step(self.step - 1)

    def take_scan(self, payload: str) -> None:
        """A scanner burst while the dialog is open: pretix's setup code (QR) starts the connection."""
        start, end = payload.find("{"), payload.rfind("}")
        if start < 0 or end < start:
            self._say(self.tr("That was not a pretix setup code. Scan the code pretix shows under "
                              "Organizer → Devices → Connect device."), error=True)
            return
        if self.downloading:
            return
        self.pages.method.setCurrentIndex(0)
        self.pages.handshake.setPlainText(payload[start:end + 1])
        self._show_step(SERVER)
        self._check_server()

    def reject(self) -> None:
        """Cancel, at any step: what is asked of the server now is dropped, a download stops."""
        self._question += 1
        if self._cancellation is not None and self.downloading:
            self._cancellation.cancel()  # stopped is sent when the download has stopped writing
        elif self._cancellation is not None:
            self.stopped.emit()  # a download failed earlier: the event may be linked already
        super().reject()

    def _show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.pages.setEnabled(True)  # an unanswered question held the inputs: it no longer matters
        self.back.setEnabled(step != SERVER)
        texts = {SERVER: self.tr("&Next"), CHOOSE: self.tr("&Connect and download"), DOWNLOAD: self.tr("&Try again")}
        self.next.setText(texts[step])
        self.next.setEnabled(step != DOWNLOAD)
        hints = {SERVER: self.tr("Scan or paste the setup code, or give the address and an API token."),
                 CHOOSE: self.tr("Choose the event and the check-in list this desk admits to."), DOWNLOAD: ""}
        self._say(hints[step])

    # -- step 1: who we are on which server ----------------------------------------------------
    def _check_server(self) -> None:
        try:
            source, make_access = self._access_maker()
        except PretixError as error:
            self._say(str(error), error=True)
            return

        def discover() -> tuple[Access, object]:
            access = make_access()
            try:
                return access, organizers(access, self.client_options, self.tokens)
            except PretixError as error:  # keep the access: a device's setup code works only once
                return access, error

        self._ask(self.tr("Contacting the server…"), discover, lambda result: self._discovered(source, *result))

    def _access_maker(self) -> tuple[tuple[str, str], Callable[[], Access]]:
        if self.pages.method.currentIndex() == 0:
            text = self.pages.handshake.toPlainText().strip()
            source = ("device", text)
            if self.access is not None and source == self._access_source:
                return source, lambda: self.access  # this setup code was used already: keep its device token
            if not text:
                raise PretixError(self.tr("Scan or paste pretix's setup code first."))
            handshake = parse_handshake(text)
            return source, lambda: device_access(handshake, self.client_options, self.tokens)
        access = token_access(self.pages.url.text(), self.pages.token.text())
        return ("token", f"{access.url} {access.token}"), lambda: access

    def _discovered(self, source: tuple[str, str], access: Access, choices: object) -> None:
        self.access, self._access_source = access, source
        if isinstance(choices, Exception):
            self._say(self._text(choices), error=True)
            return
        self._show_step(CHOOSE)
        self.pages.fill(self.pages.organizer, choices)
        self._load_events()

    # -- step 2: organiser, event, list --------------------------------------------------------
    def _load_events(self) -> None:
        organizer = self.pages.organizer.currentData()
        if self.step == CHOOSE and organizer:
            self._ask(self.tr("Loading the events…"), lambda: events(self.access, organizer, self.client_options),
                      self._events_loaded)

    def _events_loaded(self, choices: list) -> None:
        if self._filled(self.pages.event, choices, self.tr("This organiser has no events in pretix yet.")):
            self._load_lists()

    def _load_lists(self) -> None:
        organizer, event = self.pages.organizer.currentData(), self.pages.event.currentData()
        if self.step == CHOOSE and organizer and event:
            self._ask(self.tr("Loading the check-in lists…"),
                      lambda: check_in_lists(self.access, organizer, event, self.client_options), self._lists_loaded)

    def _lists_loaded(self, choices: list) -> None:
        if self._filled(self.pages.check_in_list, choices,
                        self.tr("This event has no check-in list: create one in pretix first.")):
            self._show_step(CHOOSE)

    def _filled(self, combo: QComboBox, choices: list, if_none: str) -> bool:
        self.pages.fill(combo, choices)
        if not choices:
            self._say(if_none, error=True)
            self.next.setEnabled(False)
        return bool(choices)

    # -- step 3: connect and the first download ------------------------------------------------
    def _start_download(self) -> None:
        organizer, event = self.pages.organizer.currentData(), self.pages.event.currentData()
        list_id = int(self.pages.check_in_list.currentData())
        self._show_step(DOWNLOAD)
        self.next.setEnabled(False)
        self.back.setEnabled(False)
        self.pages.show_progress(0, 0)
        self._say(self.tr("Connecting to “{0}”…").format(self.pages.event.currentText()))
        self.downloading, cancellation = True, Cancellation()
        self._cancellation = cancellation

        def download(job: Job) -> tuple[ConnectResult, SyncSummary]:
            return connect_and_pull(self.database, self.tokens, self.access, organizer=organizer, event_slug=event,
                                    list_id=list_id, cancellation=cancellation, progress=job.progress,
                                    client_options=self.client_options, pull_options=self.pull_options)

        Op(self, download, lane=Lane.POOL, changes=CONNECTED, token=cancellation).progress(self._progressed).success(
            self._downloaded).failure(self._download_failed).cancelled(self._download_stopped).run(self.tasks)

    def _progressed(self, done: int, total: int) -> None:
        if self.downloading:
            self.pages.show_progress(done, total)
            self._say(self.tr("Downloading the registrations: page {0} of {1}…")
                      .format(str(done), str(total)))

    def _download_stopped(self) -> None:
        self.downloading = False
        self.stopped.emit()

    def _download_failed(self, error: BaseException) -> None:
        self.downloading = False
        self._offer_retry(self._text(error))

    def _downloaded(self, result: tuple[ConnectResult, SyncSummary]) -> None:
        self.downloading = False
        connect_result, summary = result
        if summary.error:
            self._offer_retry(self.tr("Connected, but the download stopped: {0}").format(summary.error))
            return
        self.pages.show_progress(1, 1)
        self._say(self.tr("{0} registrations downloaded.").format(str(summary.pulled)))
        self._cancellation = None
        self.connected.emit(connect_result, summary)
        self.accept()

    def _offer_retry(self, text: str) -> None:
        self.back.setEnabled(True)
        self.next.setEnabled(True)
        self._say(text, error=True)

    # -- helpers ----------------------------------------------------------------------------
    def _ask(self, text: str, work: Callable[[], T], on_answer: Callable[[T], None]) -> None:
        """Ask the server off the UI thread; inputs wait meanwhile, Cancel and Back do not."""
        self._question += 1
        question = self._question
        self._say(text)
        self.pages.setEnabled(False)
        self.next.setEnabled(False)
        Op(self, lambda _job: work(), lane=Lane.POOL).success(
            lambda result: self._answered(question, on_answer, result)).failure(
            lambda error: self._answered(question, self._not_answered, error)).run(self.tasks)

    def _answered(self, question: int, on_answer: Callable[[T], None], result: T) -> None:
        if question != self._question or not self.isVisible():
            return  # an answer to an earlier question, or the dialog was closed meanwhile
        self.pages.setEnabled(True)
        self.next.setEnabled(True)
        on_answer(result)

    def _not_answered(self, error: BaseException) -> None:
        self._say(self._text(error), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #b3001b; font-weight: bold;" if error else "")
        self.message.setText(text)

    def _text(self, error: BaseException) -> str:
        """One sentence for a person; the sync layer's errors are written that way already."""
        if isinstance(error, PretixError):
            return str(error)
        return self.tr("pretix sent an answer this version does not understand ({0}).").format(
            f"{type(error).__name__}: {error}")
