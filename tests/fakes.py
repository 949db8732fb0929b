"""Fakes for faults the real parts cannot be made to show. Real parts everywhere else."""


class BlockingBadgePrinter:
    """A badge printer that holds each job until the test releases it (a slow or jammed printer),
    and notes the thread it printed on. Stands in for hardware the tests do not have."""

    destination = "fake:Blocking"

    def __init__(self):
        import threading

        self.release = threading.Event()
        self.started = threading.Event()
        self.threads: list[str] = []
        self.jobs: list[bytes] = []

    def print_pdf(self, pdf, stock, title: str = "") -> str:  # noqa: ANN001
        import threading
        from pathlib import Path

        self.threads.append(threading.current_thread().name)
        self.started.set()
        if not self.release.wait(30):
            raise OSError("the test never released the printer")
        self.jobs.append(Path(pdf).read_bytes())
        return f"job-{len(self.jobs)}"


class JammedBadgePrinter:
    """A CUPS queue that refuses every job, as a printer out of paper does."""

    destination = "cups:Jammed"

    def print_pdf(self, pdf, stock, title: str = "") -> str:  # noqa: ANN001
        from checkin.badges.cups import CupsError

        raise CupsError("printing on 'Jammed' failed: printer is out of paper")


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


from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """A keyring backend held in memory, so tests never touch the user's real keyring."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, account: str, password: str) -> None:
        self.passwords[(service, account)] = password

    def get_password(self, service: str, account: str) -> str | None:
        return self.passwords.get((service, account))

    def delete_password(self, service: str, account: str) -> None:
        self.passwords.pop((service, account), None)
