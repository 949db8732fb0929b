"""The badge-layout pull's answers to what the real pretix rarely shows: the plugin switched off,
a background that is no PDF, a background replaced by a new upload (httpx MockTransport)."""
from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from checkin.store.models import Event, PretixBadgeBackground, PretixBadgeLayout
from checkin.sync.pretix.badge_layouts import pull_badge_layouts
from checkin.sync.pretix.client import PretixClient, PretixError
from checkin.sync.pretix.connection import Connection

URL = "https://pretix.example"
CONNECTION = Connection(URL, "ckd", "conf", "token")
BASE = "/api/v1/organizers/ckd/events/conf/"
PDF = b"%PDF-1.4\n%fake but enough for the check\n"


class Server:
    def __init__(self, background: str = f"{URL}/media/bg-1.pdf", body: bytes = PDF, plugin: bool = True):
        self.background, self.body, self.plugin = background, body, plugin
        self.downloads: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith(("badgelayouts/", "badgeitems/")) and not self.plugin:
            return httpx.Response(404, json={"detail": "Not found."})
        if path == BASE + "badgelayouts/":
            return httpx.Response(200, json={"next": None, "results": [
                {"id": 1, "name": "Peer badge", "default": True, "layout": '[{"type": "poweredby"}]',
                 "background": self.background, "item_assignments": []}]})
        if path == BASE + "badgeitems/":
            return httpx.Response(200, json={"next": None, "results": [{"id": 1, "item": 5, "layout": None}]})
        self.downloads.append(request)
        return httpx.Response(200, content=self.body)

    def client(self) -> PretixClient:
        return PretixClient(URL, "Token secret", transport=httpx.MockTransport(self.handle), retries=0)


@pytest.fixture
def event_id(database) -> int:
    with database.session() as session:
        event = Event(source="pretix", slug="conf", name="Cluster Meeting 2026")
        session.add(event)
        session.flush()
        return event.id


def _pull(database, server: Server, event_id: int):
    with server.client() as client, database.session() as session:
        return pull_badge_layouts(client, session, CONNECTION, event_id)


def test_layouts_in_text_form_and_no_badge_assignments_are_kept(database, event_id):
    server = Server()
    result = _pull(database, server, event_id)
    assert (result.layouts, result.assignments, result.downloaded) == (1, 1, 1)
    assert server.downloads[0].headers["Authorization"] == "Token secret"  # the pretix server itself
    with database.reader() as session:
        assert session.scalar(select(PretixBadgeLayout.elements)) == [{"type": "poweredby"}]


def test_a_new_background_url_replaces_the_old_file(database, event_id):
    _pull(database, Server(), event_id)
    again = _pull(database, Server(background=f"{URL}/media/bg-2.pdf", body=PDF + b"v2"), event_id)
    assert again.downloaded == 1
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(PretixBadgeBackground)) == 1  # the old one is gone


def test_a_background_that_is_no_pdf_is_refused_and_nothing_changes(database, event_id):
    _pull(database, Server(), event_id)
    with pytest.raises(PretixError, match="is not a PDF"):
        _pull(database, Server(background=f"{URL}/media/bg-3.pdf", body=b"<html>login</html>"), event_id)
    with database.reader() as session:
        assert session.scalar(select(PretixBadgeLayout.background_url)) == f"{URL}/media/bg-1.pdf"


def test_the_plugin_switched_off_drops_the_layouts(database, event_id):
    _pull(database, Server(), event_id)
    result = _pull(database, Server(plugin=False), event_id)
    assert not result.plugin_active
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(PretixBadgeLayout)) == 0
