"""What the connect dialog asks a real pretix before anything is stored, and a first pull that is
cancelled half-way: whole batches only, and the next sync goes on from there."""
from __future__ import annotations

import socket
import ssl
import subprocess
import threading

import pytest
from sqlalchemy import func, select

from checkin.store.models import Registration, SearchToken, SyncState
from checkin.sync.pretix.cancel import Cancellation, Cancelled
from checkin.sync.pretix.client import PretixAuthError, PretixError, PretixUnavailable
from checkin.sync.pretix.discovery import check_in_lists, events, normalise_url, organizers, token_access
from checkin.sync.pretix.setup import connect_and_pull
from checkin.sync.pretix.sync import sync_event
from tests.sync.conftest import server_positions

FAST = {"retries": 0}


@pytest.mark.parametrize(("typed", "url"), [
    ("pretix.eu", "https://pretix.eu"), (" https://tickets.example.org/ ", "https://tickets.example.org"),
    ("http://127.0.0.1:8000/api/v1/", "http://127.0.0.1:8000"),
])
def test_addresses_as_people_paste_them(typed, url):
    assert normalise_url(typed) == url


@pytest.mark.parametrize("typed", ["", "ftp://pretix.eu", "pretix eu", "https://"])
def test_what_is_no_web_address_is_refused_before_any_request(typed):
    with pytest.raises(PretixError, match="is not a web address"):
        normalise_url(typed)


def test_an_empty_token_is_refused_before_any_request():
    with pytest.raises(PretixError, match="API token"):
        token_access("https://pretix.eu", "  ")


@pytest.mark.slow
def test_organisers_events_and_lists_come_from_the_server(pretix_server):
    access = token_access(pretix_server.url + "/", pretix_server.token)
    assert [(c.key, c.name) for c in organizers(access, FAST)] == [("ckd", "Cluster Mikrosystemtechnik")]
    [conf] = [choice for choice in events(access, "ckd", FAST) if choice.key == "conf"]
    assert conf.name == "Cluster Meeting 2026" and len(conf.detail) == 10  # the date, for people to tell events apart
    lists = {choice.name: choice.key for choice in check_in_lists(access, "ckd", "conf", FAST)}
    assert lists == {name: str(pretix_id) for name, pretix_id in (
        ("Main entrance", pretix_server.seed["events"]["conf"]["lists"]["main"]),
        ("Workshop room", pretix_server.seed["events"]["conf"]["lists"]["workshop"]))}


@pytest.mark.slow
def test_a_wrong_token_and_an_unreachable_server_say_so(pretix_server):
    with pytest.raises(PretixAuthError, match="did not accept this API token"):
        organizers(token_access(pretix_server.url, "not-a-token"), FAST)
    with pytest.raises(PretixError, match="There is no pretix at .*/shop: check the address"):
        organizers(token_access(pretix_server.url + "/shop", pretix_server.token), FAST)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PretixUnavailable, match="nothing answered at this address"):
        organizers(token_access(f"http://127.0.0.1:{port}", "x"), FAST)


def test_a_certificate_the_computer_does_not_trust_is_named_and_not_retried(tmp_path):
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                           "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)], capture_output=True)
    if made.returncode:
        pytest.skip("openssl cannot make a test certificate here")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    listener = socket.create_server(("127.0.0.1", 0))
    handshakes = []

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            try:
                context.wrap_socket(connection, server_side=True)
            except (ssl.SSLError, OSError) as error:
                handshakes.append(error)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    access = token_access(f"https://127.0.0.1:{listener.getsockname()[1]}", "x")
    with pytest.raises(PretixUnavailable, match=r"secure connection \(TLS\): .*certificate"):
        organizers(access, {"retries": 3})
    thread.join(5)
    listener.close()
    assert len(handshakes) == 1, "a certificate problem is not retried"


@pytest.mark.slow
def test_a_first_pull_cancelled_half_way_keeps_whole_batches_and_the_next_sync_finishes_it(
        pretix_server, database, tokens):
    total = server_positions(pretix_server)
    cancellation = Cancellation()
    seen = []

    def progress(done: int, pages: int) -> None:
        seen.append(done)
        cancellation.cancel()  # as the person presses Cancel while page 1 is written

    access = token_access(pretix_server.url, pretix_server.token)
    with pytest.raises(Cancelled):
        connect_and_pull(database, tokens, access, organizer="ckd", event_slug="conf", list_id=None,
                         cancellation=cancellation, progress=progress,
                         pull_options={"batch_pages": 1, "concurrency": 1})
    assert seen == [1]
    with database.reader() as session:
        state = session.scalar(select(SyncState).where(SyncState.resource == "orders"))
        written = session.scalar(select(func.count(Registration.id)))
        indexed = session.scalar(select(func.count(func.distinct(SearchToken.registration_id))))
        event_id = state.event_id
    assert state.cursor == "" and written == 50 * len(state.data["done"]) and 0 < written < total
    assert indexed == written, "every written guest can be found"

    summary = sync_event(database, tokens, event_id)
    assert not summary.error and summary.full_pull
    with database.reader() as session:
        assert session.scalar(select(func.count(func.distinct(Registration.code)))) == total
        assert session.scalar(select(func.count(Registration.id))) == total


@pytest.mark.slow
def test_a_setup_code_used_again_gives_the_same_device_until_pretix_revokes_it(pretix_server, handshakes, tokens):
    from checkin.sync.pretix.discovery import device_access
    from checkin.sync.pretix.handshake import parse_handshake

    text, device_id = handshakes.take()
    handshake = parse_handshake(text)
    first = device_access(handshake, FAST, tokens)
    again = device_access(handshake, FAST, tokens)  # pretix alone would answer "already used"
    assert (first.device_id, again.device_id, again.token) == (device_id, device_id, first.token)
    assert [c.key for c in organizers(again, FAST, tokens)] == ["ckd"]

    pretix_server.revoke_device(device_id)
    with pytest.raises(PretixAuthError, match="no longer accepts this device"):
        organizers(again, FAST, tokens)
    with pytest.raises(PretixError, match="refused the device setup"):  # forgotten: the code is spent
        device_access(handshake, FAST, tokens)
