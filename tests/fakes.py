"""Fakes for faults the real parts cannot be made to show. Real parts everywhere else."""
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
