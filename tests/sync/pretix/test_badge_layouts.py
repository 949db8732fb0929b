"""pretix badge layouts against the real pretix: the pull, pretix's choice per product, the CLI."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from checkin.badges.pretix_selection import load_pretix_badges
from checkin.store.models import PretixBadgeBackground, PretixBadgeItem, PretixBadgeLayout, TicketType
from checkin.sync.pretix.badge_layouts import pull_badge_layouts
from checkin.sync.pretix.connection import load_connection
from checkin.sync.pretix.sync import sync_event
from tests.sync.conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture
def pulled(connected, database, tokens):
    summary = sync_event(database, tokens, connected.event_id)
    assert not summary.error, summary.error
    return connected


def _item_ids(database, event_id: int) -> dict[str, str]:
    with database.reader() as session:
        return dict(session.execute(select(TicketType.name, TicketType.external_id)
                                    .where(TicketType.event_id == event_id)).all())


def test_the_pull_keeps_layouts_assignments_and_backgrounds(pulled, database, pretix_server):
    seeded = pretix_server.seed["events"]["conf"]
    with database.reader() as session:
        layouts = {row.name: row for row in session.scalars(select(PretixBadgeLayout))}
        assert set(layouts) == {"Peer badge", "Workshop badge"}
        assert layouts["Peer badge"].is_default and not layouts["Workshop badge"].is_default
        assert [element["type"] for element in layouts["Peer badge"].elements][:4] == [
            "textarea", "textarea", "textcontainer", "barcodearea"]
        # Both backgrounds are kept: the uploaded one, and pretix's default for the layout without one.
        assert "/media/" in layouts["Peer badge"].background_url
        assert "/badge_default_a6l." in layouts["Workshop badge"].background_url
        kept = {row.sha256: row.content for row in session.scalars(select(PretixBadgeBackground))}
        assert set(kept) == {layouts["Peer badge"].background_sha256, layouts["Workshop badge"].background_sha256}
        assert all(content.startswith(b"%PDF") for content in kept.values())
        items = dict(session.execute(select(PretixBadgeItem.item_external_id,
                                            PretixBadgeItem.layout_external_id)).all())
        assert items == {str(seeded["items"]["workshop"]): str(seeded["badges"]["workshop"])}


def test_a_second_pull_downloads_no_background_again(pulled, database, tokens):
    with database.session() as session:
        connection = load_connection(session, pulled.event_id)
    with connection.client(tokens) as client, database.session() as session:
        again = pull_badge_layouts(client, session, connection, pulled.event_id)
    assert (again.layouts, again.assignments, again.downloaded) == (2, 1, 0)
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(PretixBadgeBackground)) == 2


def test_each_product_prints_the_layout_pretix_gives_it(pulled, database, tokens, pretix_server):
    seeded = pretix_server.seed["events"]["conf"]
    items = _item_ids(database, pulled.event_id)
    with database.reader() as session:
        badges = load_pretix_badges(session, pulled.event_id)
    assert badges.for_item(items["Regular"]).name == "Peer badge"  # no assignment: the default
    assert badges.for_item(items["Workshop"]).name == "Workshop badge"
    pretix_server.assign_badge(seeded["items"]["workshop"], None)
    try:
        assert not sync_event(database, tokens, pulled.event_id).error
        with database.reader() as session:
            assert load_pretix_badges(session, pulled.event_id).for_item(items["Workshop"]) is None
    finally:
        pretix_server.assign_badge(seeded["items"]["workshop"], seeded["badges"]["workshop"])


def test_the_cli_lists_and_prints_pretix_layouts(pulled, db_url, tmp_path):
    env = {"CHECKIN_CONFIG_DIR": str(tmp_path / "config")}
    listed = run_cli("--db", db_url, "badges", "--list-layouts", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "pretix:Peer badge  (pretix, default, background PDF)" in listed.stdout
    assert "pretix:Workshop badge" in listed.stdout
    out = tmp_path / "peer.pdf"
    chosen = run_cli("--db", db_url, "badges", "--layout", "pretix:Peer badge", "--ticket-type", "Workshop",
                     "--out", str(out), env=env)
    assert chosen.returncode == 0, chosen.stderr
    assert "layout pretix:Peer badge" in chosen.stdout
    assert "left out element 'poweredby'" in chosen.stderr
    default = run_cli("--db", db_url, "badges", "--out", str(tmp_path / "all.pdf"), env=env)
    assert default.returncode == 0, default.stderr
    assert "pretix:Peer badge" in default.stdout and "pretix:Workshop badge" in default.stdout
    unknown = run_cli("--db", db_url, "badges", "--layout", "pretix:Nope", "--out", str(out), env=env)
    assert unknown.returncode != 0 and "no pretix layout named 'Nope'" in unknown.stderr


def _guest_id(database, ticket_type: str) -> int:
    from checkin.store.models import Registration

    with database.reader() as session:
        return session.scalar(select(Registration.id).join(TicketType).where(
            TicketType.name == ticket_type, Registration.status == "valid").order_by(Registration.id))


def test_print_on_check_in_prints_the_products_pretix_layout(qtbot, pulled, database, settings, tmp_path):
    from pypdf import PdfReader

    from checkin.badges.stock import get_stock
    from checkin.ui.badge_pdf import QtPrinterBackend
    from checkin.ui.badge_printing import BadgePrintService
    from checkin.store.badge_log import print_history

    output = tmp_path / "printed.pdf"
    backend = QtPrinterBackend("Qt PDF", output_file=output)
    service = BadgePrintService(database, settings, "00000000-0000-4000-8000-00000000000b", "Desk B",
                                backend_factory=lambda _settings: backend)
    guest_id = _guest_id(database, "Workshop")
    with qtbot.waitSignal(service.printed, timeout=30000):
        service.print_badge(guest_id)
    [page] = PdfReader(output).pages
    with database.reader() as session:
        [record] = print_history(session, guest_id)
    assert (record.status, record.layout) == ("printed", "Workshop badge")
    # The printer gets the layout's page (its background PDF's), not the desk's badge stock.
    stock = get_stock(settings.get("badge_stock"))
    size_mm = sorted(round(float(side) * 25.4 / 72) for side in (page.mediabox.width, page.mediabox.height))
    assert size_mm == [105, 148], "pretix's default badge page is A6"
    assert size_mm != sorted(round(side) for side in (stock.page_width, stock.page_height))


def test_a_product_pretix_prints_no_badge_for_prints_none(pulled, database, tokens, pretix_server):
    from checkin.badges.pretix_printing import pretix_choice
    from checkin.store.badge_log import badge_guest

    seeded = pretix_server.seed["events"]["conf"]
    guest_id = _guest_id(database, "Workshop")
    pretix_server.assign_badge(seeded["items"]["workshop"], None)
    try:
        assert not sync_event(database, tokens, pulled.event_id).error
        with database.reader() as session:
            choice = pretix_choice(session, badge_guest(session, guest_id))
            named = pretix_choice(session, badge_guest(session, guest_id), "pretix:Peer badge")
            ours = pretix_choice(session, badge_guest(session, guest_id), "classic")
        assert choice is not None and choice.layout is None
        assert named.layout.name == "Peer badge"  # a layout named by hand prints every guest
        assert ours is None  # one of the desk's own layouts: pretix's choice does not apply
    finally:
        pretix_server.assign_badge(seeded["items"]["workshop"], seeded["badges"]["workshop"])
