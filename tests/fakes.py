"""Fakes for faults the real parts cannot be made to show. Real parts everywhere else."""


class RecordingBadgePrinter:
    """Stands in for the badges issue's printer: records what the desk asked to print."""

    def __init__(self):
        self.jobs: list[tuple[int, bool]] = []

    def print_badge(self, registration_id: int, *, reprint: bool = False) -> None:
        self.jobs.append((registration_id, reprint))
