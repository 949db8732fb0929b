"""Join a venue database from the first-run dialog: where the venue's PostgreSQL is and how to log
in, a test with the same checks as ``checkin desk-check`` (off the UI thread, with a clear
verdict), then the desk opens on it and remembers it (the password in the keyring).

:class:`VenueJoin` is the tool the composition root wires: it opens the dialog over the desk and,
once joined, hands the new database's URL to ``reopen`` (the app closes this desk and opens the
joined database in its place).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from checkin.settings import Settings
from checkin.store.venue_check import VenueReport, check_database
from checkin.store.venue_login import VenueLogin, VenuePasswords, remember
from checkin.ui.operations import Job, Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of

# Fewer round trips than the command's 20: a person waits on the dialog.
ROUND_TRIPS = 5
# The desk-check's check names, as people read them (translated when shown).
CHECK_NAMES = {
    "connection": QT_TRANSLATE_NOOP("JoinVenueDialog", "Connection"),
    "schema": QT_TRANSLATE_NOOP("JoinVenueDialog", "Tables"),
    "permissions": QT_TRANSLATE_NOOP("JoinVenueDialog", "Permissions"),
    "temp_tables": QT_TRANSLATE_NOOP("JoinVenueDialog", "Temporary tables"),
    "latency": QT_TRANSLATE_NOOP("JoinVenueDialog", "Network speed"),
    "clock": QT_TRANSLATE_NOOP("JoinVenueDialog", "Clock"),
}


def check_name(name: str) -> str:
    return QCoreApplication.translate("JoinVenueDialog", CHECK_NAMES[name]) if name in CHECK_NAMES else name


class JoinVenueDialog(QDialog):
    #: The venue login and its password, once tested ok and Join was pressed.
    join_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None, *, tasks: TaskManager | None = None,
                 check: Callable[[str], VenueReport] = lambda url: check_database(url, round_trips=ROUND_TRIPS)):
        super().__init__(parent)
        self.tasks = tasks or tasks_of(parent)
        self._check = check
        self.tested: VenueLogin | None = None  # the values the last passing test was made with
        self.report: VenueReport | None = None
        self.host, self.database, self.user, self.password = (QLineEdit(self) for _ in range(4))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database.setText("checkin")
        self.user.setText("checkin")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        bold = self.verdict.font()
        bold.setBold(True)
        self.verdict.setFont(bold)
        self.checks = QLabel(self)
        self.checks.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.join_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.join_button.setEnabled(False)
        self._build()
        self.setWindowTitle(self.tr("Join a venue database"))

    def _build(self) -> None:
        intro = QLabel(self.tr("Several desks share one PostgreSQL database on the venue network: every desk "
                               "sees every check-in at once. Ask the organiser for these details."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or venue-server"))
        for label, field in ((self.tr("&Host:"), self.host), (self.tr("&Port:"), self.port),
                             (self.tr("&Database:"), self.database), (self.tr("&User:"), self.user),
                             (self.tr("Pass&word:"), self.password)):
            form.addRow(label, field)
        self.test_button.setText(self.tr("&Test the connection"))
        self.join_button.setText(self.tr("&Join"))
        layout = QVBoxLayout(self)
        for part in (intro, form, self.test_button, self.verdict, self.checks, self.buttons):
            (layout.addLayout if isinstance(part, QFormLayout) else layout.addWidget)(part)
        self.test_button.clicked.connect(self.test)
        self.buttons.accepted.connect(self._join)
        self.buttons.rejected.connect(self.reject)
        for field in (self.host, self.database, self.user, self.password):
            field.textEdited.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self.setMinimumWidth(520)

    def login(self) -> VenueLogin:
        return VenueLogin(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                          self.user.text().strip())

    def test(self) -> None:
        login = self.login()
        problem = login.problem()
        if problem is not None:
            self._show(self.tr("Please fill in: {0}.").format(self._problem_text(problem)), "")
            return
        self.test_button.setEnabled(False)
        self._show(self.tr("Testing the connection…"), "")
        url = login.url(self.password.text())
        Op(self, lambda _job: self._check(url), lane=Lane.POOL).success(
            lambda report: self._tested(login, report)).failure(self._failed).run(self.tasks)

    def _problem_text(self, problem: str) -> str:
        texts = {"missing host": self.tr("the host"), "missing database": self.tr("the database"),
                 "missing user": self.tr("the user"), "the host contains a space": self.tr("the host (without spaces)"),
                 "the database contains a space": self.tr("the database (without spaces)"),
                 "the user contains a space": self.tr("the user (without spaces)")}
        return texts.get(problem, problem)

    def _tested(self, login: VenueLogin, report: VenueReport) -> None:
        self.test_button.setEnabled(True)
        self.report = report
        lines = "\n".join(f"{'✔' if check.ok else '✘'} {check_name(check.name)}: {check.detail}"
                          for check in report.checks)
        if report.ok:
            self.tested = login
            verdict = self.tr("✔ This desk can work on this database. Press Join to open it.")
        else:
            self.tested = None
            problems = ", ".join(check_name(c.name) for c in report.checks if not c.ok)
            verdict = self.tr("✘ This desk cannot work on this database yet ({0}). Fix the lines marked ✘ "
                              "and test again.").format(problems)
        self._show(verdict, lines)
        self.join_button.setEnabled(self.tested is not None and self.tested == self.login())

    def _failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.tested = None
        self._show(self.tr("✘ The test could not run: {0}").format(error), "")

    def _changed(self, *_args: object) -> None:
        """Another value than the one tested: test again before joining."""
        self.join_button.setEnabled(self.tested is not None and self.tested == self.login())

    def _show(self, verdict: str, lines: str) -> None:
        self.verdict.setText(verdict)
        self.checks.setText(lines)
        self.checks.setVisible(bool(lines))

    def _join(self) -> None:
        if self.tested is None or self.tested != self.login():
            return
        self.join_requested.emit(self.tested, self.password.text())
        self.accept()


class VenueJoin(QObject):
    """The first-run choice "Join a venue database": the dialog, then the desk reopened on it."""

    #: The joined database's URL (with its password), once the password is kept.
    joined = Signal(str)

    def __init__(self, settings: Settings, reopen: Callable[[str], None], parent: QObject | None = None, *,
                 passwords: VenuePasswords | None = None):
        super().__init__(parent)
        self.settings, self.reopen = settings, reopen
        self.passwords = passwords or VenuePasswords()
        self.window: QWidget | None = None
        self.dialog: JoinVenueDialog | None = None

    def attach(self, window: QWidget) -> None:
        self.window = window

    def open(self) -> None:
        self.dialog = JoinVenueDialog(self.window)
        self.dialog.join_requested.connect(self._join)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def _join(self, login: VenueLogin, password: str) -> None:
        url = login.url(password)

        def keep(_job: Job) -> str:  # a keyring may take a moment (D-Bus): off the UI thread
            return remember(self.settings, login, password, self.passwords)

        Op(self, keep, lane=Lane.POOL).success(lambda _where: self._joined(url)).run(tasks_of(self.window))

    def _joined(self, url: str) -> None:
        self.joined.emit(url)
        self.reopen(url)
