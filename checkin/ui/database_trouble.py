"""Database trouble at the desk, in words a volunteer can act on: the answer card says what
happened and what to do, and a line in the status bar stays until the next action succeeds.

The kinds come from the store (:func:`checkin.store.database.error_kind`); the texts live here,
translated, so no SQL error text ever reaches the desk.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QStatusBar

from checkin.core.decision import Severity
from checkin.store.database import ErrorKind
from checkin.ui.answer_card import AnswerCard
from checkin.ui.desk_controller import LOCK_RETRY_MS, Action, DatabaseTrouble, DeskController
from checkin.ui.sounds import AnswerSounds


class DatabaseTroubleLine(QLabel):
    """The status bar's "Database problem: …" line, which also puts the trouble on the answer card."""

    def __init__(self, card: AnswerCard, status: QStatusBar, sounds: AnswerSounds):
        super().__init__(status)
        self.setObjectName("databaseTrouble")
        self.setStyleSheet("QLabel#databaseTrouble { background: #b3001b; color: #ffffff; font-weight: bold; "
                           "padding: 0 6px; }")
        self.card, self.sounds = card, sounds
        self.trouble: DatabaseTrouble | None = None
        status.addPermanentWidget(self)  # permanent: passing messages do not hide it
        self.hide()

    def follow(self, controller: DeskController) -> DatabaseTroubleLine:
        controller.database_trouble.connect(self.show_trouble)
        controller.database_ok.connect(self.clear)
        return self

    def show_trouble(self, trouble: DatabaseTrouble) -> None:
        self.trouble = trouble
        self._show_line()
        if trouble.action is not Action.READ:
            self.card.show_message(Severity.WARNING if trouble.retrying else Severity.REFUSED,
                                   self.title(trouble.kind), self.advice(trouble))
            self.sounds.play("warning" if trouble.retrying else "refused")

    def clear(self) -> None:
        self.trouble = None
        self.hide()

    def _show_line(self) -> None:
        self.setText(self.tr("Database problem: {0}").format(self.title(self.trouble.kind)))
        self.setToolTip(self.cause(self.trouble.kind))
        self.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and self.trouble is not None:
            self._show_line()
        super().changeEvent(event)

    # -- the words ----------------------------------------------------------------------
    def title(self, kind: ErrorKind) -> str:
        return {
            ErrorKind.DISK_FULL: self.tr("The disk is full"),
            ErrorKind.LOCKED: self.tr("Another program holds the database"),
            ErrorKind.READ_ONLY: self.tr("The database cannot be written"),
            ErrorKind.IO_ERROR: self.tr("The disk reported an error"),
            ErrorKind.CONNECTION_LOST: self.tr("The venue database does not answer"),
        }.get(kind, self.tr("The database reported an error"))

    def cause(self, kind: ErrorKind) -> str:
        """What to do about it, whatever the action was."""
        return {
            ErrorKind.DISK_FULL: self.tr("Free some space on this computer's disk; check-ins saved before are kept."),
            ErrorKind.LOCKED: self.tr("Another desk or program is writing to the database (an import?). "
                                      "Wait for it to finish or close it."),
            ErrorKind.READ_ONLY: self.tr("The database file or its folder is read-only: call the organiser."),
            ErrorKind.IO_ERROR: self.tr("The disk may be failing or was removed: call the organiser; "
                                        "check-ins saved before are kept."),
            ErrorKind.CONNECTION_LOST: self.tr("Check the venue network and the database server; "
                                               "the organiser can help."),
        }.get(kind, self.tr("If it happens again, call the organiser; the details are in the log file."))

    def advice(self, trouble: DatabaseTrouble) -> str:
        return "\n".join((self.cause(trouble.kind), self._what_now(trouble)))

    def _what_now(self, trouble: DatabaseTrouble) -> str:
        if trouble.retrying:
            return self.tr("Trying again by itself in {0} seconds…").format(max(1, LOCK_RETRY_MS // 1000))
        if trouble.maybe_recorded:
            return self.tr("The check-in is saved whole or not at all: scan again to see which.")
        return {
            Action.CHECK_IN: self.tr("Nothing was checked in: scan again."),
            Action.UNDO: self.tr("Nothing was undone: try again."),
        }.get(trouble.action, self.tr("Nothing was changed: try again."))
