"""Fakes for faults the real parts cannot be made to show. Real parts everywhere else."""


class RecordingBadgePrinter:
    """Stands in for the badges issue's printer: records what the desk asked to print."""

    def __init__(self):
        self.jobs: list[tuple[int, bool]] = []

    def print_badge(self, registration_id: int, *, reprint: bool = False) -> None:
        self.jobs.append((registration_id, reprint))


def failing_badge_printer():  # noqa: ANN201 - a QObject made on demand (Qt is imported lazily here)
    """A badge service whose printer is out of paper: every job reports ``failed``."""
    from PySide6.QtCore import QObject, Signal

    class FailingBadgePrinter(QObject):
        failed = Signal(int, str)

        def print_badge(self, registration_id: int, *, reprint: bool = False) -> None:
            self.failed.emit(registration_id, "printer is out of paper")

    return FailingBadgePrinter()
