"""Fakes for faults the real parts cannot be made to show, and for fast tests of logic that
tests against the real parts also cover (a fake pretix). Real parts everywhere else."""

import base64
import json
import struct
from dataclasses import dataclass, field
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from checkin.store.log_transaction import ConnectionLost
from checkin.sync.pretix.client import PretixClient


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


FAKE_PRETIX_URL = "https://pretix.invalid"


class FakeMonotonic:
    """A monotonic clock the test (or the fake server, answering slowly) moves by hand."""

    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class FakePosition:
    secret: str
    name: str = ""
    #: pretix's order status: "p" paid, "n" pending (unpaid), "c" cancelled.
    status: str = "p"


@dataclass
class FakeCheckIn:
    nonce: str
    secret: str
    list: int
    type: str
    datetime: str
    forced: bool
    annulled: bool = False


@dataclass
class FakePretix:
    """An in-memory pretix behind an httpx ``MockTransport``, speaking what the desk uses: online
    redeem, annul and failed check-ins. It dedupes by nonce as pretix does, and answers with faults
    on demand, one per request, in the order queued in ``faults``:

    ``timeout`` (no answer, nothing recorded), ``refused`` (nothing listens), ``5xx`` (HTTP 503),
    ``damaged`` (HTTP 200, broken JSON), ``lost`` (recorded, but the answer never arrives) and
    ``slow`` (answered after ``slow_seconds`` on ``monotonic``).

    Tests of the same logic against the real server live in tests/sync/pretix (marked slow)."""

    organizer: str = "org"
    event: str = "conf"
    positions: dict[str, FakePosition] = field(default_factory=dict)
    check_ins: list[FakeCheckIn] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    monotonic: FakeMonotonic = field(default_factory=FakeMonotonic)
    slow_seconds: float = 3.0
    #: Lists on which a second entry is allowed.
    multiple_entries: set[int] = field(default_factory=set)
    #: The backoff pauses the clients made (they never really sleep).
    sleeps: list[float] = field(default_factory=list)

    def add(self, secret: str, name: str = "", status: str = "p") -> None:
        self.positions[secret] = FakePosition(secret, name, status)

    def client(self, **options: Any) -> PretixClient:
        return PretixClient(FAKE_PRETIX_URL, "Token fake", transport=httpx.MockTransport(self.handle),
                            sleep=self.sleeps.append, **options)

    def accepted(self, secret: str) -> list[FakeCheckIn]:
        """The check-ins the server counts for a ticket (annulled ones do not count)."""
        return [c for c in self.check_ins if c.secret == secret and not c.annulled]

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1/")
        self.requests.append(f"{request.method} {path}")
        fault = self.faults.pop(0) if self.faults else ""
        if fault == "timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        if fault == "refused":
            raise httpx.ConnectError("connection refused", request=request)
        if fault == "5xx":
            return httpx.Response(503, json={"detail": "maintenance"})
        if fault == "damaged":
            return httpx.Response(200, content=b'{"status": "o')
        response = self._route(path, json.loads(request.content or b"{}"))
        if fault == "lost":
            raise httpx.ReadTimeout("timed out", request=request)
        if fault == "slow":
            self.monotonic.now += self.slow_seconds
        return response

    def _route(self, path: str, body: dict[str, Any]) -> httpx.Response:
        rpc = f"organizers/{self.organizer}/checkinrpc/"
        pulled = self._pulled(path.removeprefix(f"organizers/{self.organizer}/events/{self.event}/"))
        if pulled is not None and path.startswith(f"organizers/{self.organizer}/events/{self.event}/"):
            return httpx.Response(200, json=pulled, headers={"X-Page-Generated": "2026-12-07T09:00:00+00:00"})
        if path == rpc + "redeem/":
            return self._redeem(body)
        if path == rpc + "annul/":
            return self._annul(body)
        if path.startswith(f"organizers/{self.organizer}/events/{self.event}/checkinlists/") and \
                path.endswith("/failed_checkins/"):
            return self._failed(body)
        return httpx.Response(404, json={"detail": "Not found."})

    def _pulled(self, resource: str) -> dict[str, Any] | None:
        """What a pull reads (one page each): the event, one product, check-in list 1, the orders
        with the check-ins the server holds (its check-in ids are their place in ``check_ins``)."""
        if resource == "":
            return {"slug": self.event, "name": {"en": "Fake conference"}, "date_from": "2026-12-07T08:00:00+00:00",
                    "timezone": "Europe/Berlin", "valid_keys": {}}
        listed = {"items/": [{"id": 1, "name": {"en": "Ticket"}, "admission": True}],
                  "checkinlists/": [{"id": 1, "name": "Entrance", "all_products": True}], "revokedsecrets/": []}
        if resource == "orders/":
            listed[resource] = [self._order(number, position) for number, position in
                                enumerate(self.positions.values(), start=1)]
        if resource not in listed:
            return None
        return {"count": len(listed[resource]), "next": None, "results": listed[resource]}

    def _order(self, number: int, position: FakePosition) -> dict[str, Any]:
        check_ins = [{"id": index, "list": c.list, "datetime": c.datetime, "type": c.type, "successful": True}
                     for index, c in enumerate(self.check_ins, start=1) if c.secret == position.secret and not c.annulled]
        return {"code": f"F{number:04d}", "status": position.status, "email": "", "datetime": "2026-12-01T10:00:00Z",
                "positions": [{"id": number, "secret": position.secret, "item": 1, "attendee_name": position.name,
                               "checkins": check_ins}]}

    def _redeem(self, body: dict[str, Any]) -> httpx.Response:
        position = self.positions.get(body["secret"])
        if any(c.nonce == body["nonce"] for c in self.check_ins):  # a retry: the same check-in again
            return httpx.Response(201, json=self._ok(position))
        if position is None:
            return _refusal(404, "invalid")
        [list_id] = body["lists"]
        refusal = None if body["force"] else self._refusal(position, list_id, body["type"])
        if refusal:
            return _refusal(400, refusal, position)
        self.check_ins.append(FakeCheckIn(body["nonce"], position.secret, list_id, body["type"], body["datetime"],
                                          body["force"]))
        return httpx.Response(201, json=self._ok(position))

    def _refusal(self, position: FakePosition, list_id: int, kind: str) -> str:
        if position.status == "c":
            return "canceled"
        if position.status == "n":
            return "unpaid"
        entries = [c for c in self.accepted(position.secret) if c.list == list_id and c.type == "entry"]
        if kind == "entry" and entries and list_id not in self.multiple_entries:
            return "already_redeemed"
        return ""

    def _ok(self, position: FakePosition | None) -> dict[str, Any]:
        return {"status": "ok", "require_attention": False, "checkin_texts": [],
                "position": {"attendee_name": position.name if position else "", "company": ""}}

    def _annul(self, body: dict[str, Any]) -> httpx.Response:
        found = [c for c in self.check_ins if c.nonce == body["nonce"]]
        if not found:
            return httpx.Response(404, json={"non_field_errors": ["No check-in with this nonce."]})
        found[0].annulled = True
        return httpx.Response(200, json={})

    def _failed(self, body: dict[str, Any]) -> httpx.Response:
        if not any(seen["nonce"] == body["nonce"] for seen in self.failed):
            self.failed.append(body)
        return httpx.Response(201, json=body)


class ServedPretix:
    """A :class:`FakePretix` behind a real HTTP server on 127.0.0.1, for a ``checkin`` subprocess."""

    def __init__(self, pretix: FakePretix):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                request = httpx.Request(self.command, f"http://fake{self.path}", content=body)
                try:
                    response = pretix.handle(request)
                except httpx.HTTPError:
                    self.close_connection = True
                    return
                content = response.read()
                self.send_response(response.status_code)
                for name, value in response.headers.items():
                    if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = _answer  # noqa: N815 - http.server's names

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _refusal(status: int, reason: str, position: FakePosition | None = None) -> httpx.Response:
    answer: dict[str, Any] = {"status": "error", "reason": reason, "reason_explanation": None}
    if position is not None:
        answer["position"] = {"attendee_name": position.name}
    return httpx.Response(status, json=answer)


class TicketSigner:
    """Signs pretix_sig1 tickets as a pretix event does, with a key made for the test."""

    def __init__(self) -> None:
        self._key = Ed25519PrivateKey.generate()

    @property
    def valid_keys(self) -> list[str]:
        """As pretix publishes them: base64 of the PEM public key."""
        pem = self._key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
        return [base64.b64encode(pem).decode()]

    def ticket(self, seed: str, item: int) -> str:
        payload = b"\x0a" + bytes([len(seed)]) + seed.encode() + b"\x10" + _varint(item)
        signature = self._key.sign(payload)
        raw = b"\x01" + struct.pack(">HH", len(payload), len(signature)) + payload + signature
        return base64.b64encode(raw).decode()[::-1]


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)



class VenueThatDrops:
    """A desk service whose venue PostgreSQL stops answering while ``down`` (ConnectionLost, as
    checkin.store.log_transaction raises it) and works again after: the real DeskService behind it."""

    def __init__(self, service: Any):
        self.service = service
        self.down = True

    def scan(self, *args: Any, **options: Any) -> Any:
        self._check()
        return self.service.scan(*args, **options)

    def check_in_registration(self, *args: Any, **options: Any) -> Any:
        self._check()
        return self.service.check_in_registration(*args, **options)

    def undo_last(self, list_id: int) -> Any:
        self._check()
        return self.service.undo_last(list_id)

    def undo(self, check_in_id: int) -> Any:
        self._check()
        return self.service.undo(check_in_id)

    def _check(self) -> None:
        if self.down:
            raise ConnectionLost("The database postgresql://venue/desk does not answer; nothing was recorded. "
                                 "Check the network and scan again.")
