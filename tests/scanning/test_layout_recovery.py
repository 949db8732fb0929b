"""The desk service accepts a code mangled by a layout mix-up, through the real database."""
from __future__ import annotations

import json

from sqlalchemy import select, update

from checkin.core.decision import Outcome
from checkin.scanning.keyboard_layouts import meant, typed_as
from checkin.scanning.layout_recovery import COMPUTER_LAYOUT, SCANNER_LAYOUT, TYPED_CODE, LayoutRecovery
from checkin.store.desk import DeskService
from checkin.store.models import CheckIn, Registration
from tests.cli.test_cli import run

DESK_ID = "00000000-0000-4000-8000-0000000000c1"


def give_codes(database, event_id: int, *codes: str) -> list[int]:  # noqa: ANN001
    """The first valid guests of the event get ``codes`` (as an import of such codes would)."""
    with database.session() as session:
        ids = list(session.scalars(select(Registration.id).where(
            Registration.event_id == event_id, Registration.status == "valid").order_by(Registration.id)
            .limit(len(codes))))
        for registration_id, code in zip(ids, codes):
            session.execute(update(Registration).where(Registration.id == registration_id).values(code=code))
    return ids


def recovering_desk(database, clock) -> DeskService:  # noqa: ANN001
    return DeskService(database, DESK_ID, "Desk R", clock=clock, unknown_code_resolvers=[LayoutRecovery()])


def test_a_us_scanner_on_a_german_computer_checks_in_the_right_guest(database, demo, clock):
    [guest_id] = give_codes(database, demo.event_id, "Ab-Yz/09xY")
    desk = recovering_desk(database, clock)
    arrived = typed_as("Ab-Yz/09xY", "us", "de")
    result = desk.scan(demo.event_id, demo.list_ids[0], arrived)
    assert result.decision.outcome is Outcome.OK and result.registration_id == guest_id
    assert result.decision.extra[SCANNER_LAYOUT] == "us" and result.decision.extra[COMPUTER_LAYOUT] == "de"
    assert result.decision.extra[TYPED_CODE] == arrived
    with database.reader() as session:
        row = session.scalars(select(CheckIn).order_by(CheckIn.id.desc())).first()
    assert row.registration_id == guest_id and row.outcome == "ok"


def test_french_and_swiss_mix_ups_are_recovered_too(database, demo, clock):
    ids = give_codes(database, demo.event_id, "QR-CODE-2024", "zyzzyva/7")
    desk = recovering_desk(database, clock)
    first = desk.scan(demo.event_id, demo.list_ids[0], typed_as("QR-CODE-2024", "us", "fr"))
    second = desk.scan(demo.event_id, demo.list_ids[0], typed_as("zyzzyva/7", "de", "us"))
    assert [first.registration_id, second.registration_id] == ids
    assert (first.decision.extra[SCANNER_LAYOUT], first.decision.extra[COMPUTER_LAYOUT]) == ("us", "fr")
    assert (second.decision.extra[SCANNER_LAYOUT], second.decision.extra[COMPUTER_LAYOUT]) == ("de", "us")


def test_two_known_readings_leave_the_code_unknown(database, demo, clock):
    # "zyqk" read back: a US scanner on German meant "yzqk", a US scanner on French meant "wyak".
    assert meant("zyqk", "us", "de") == "yzqk" and meant("zyqk", "us", "fr") == "wyak"
    give_codes(database, demo.event_id, "yzqk", "wyak")
    desk = recovering_desk(database, clock)
    result = desk.scan(demo.event_id, demo.list_ids[0], "zyqk")
    assert result.decision.outcome is Outcome.UNKNOWN and result.registration_id is None


def test_one_known_reading_among_several_mix_ups_is_accepted(database, demo, clock):
    [guest_id] = give_codes(database, demo.event_id, "wyak")
    result = recovering_desk(database, clock).scan(demo.event_id, demo.list_ids[0], "zyqk")
    assert result.registration_id == guest_id and result.decision.extra[COMPUTER_LAYOUT] == "fr"


def test_a_known_code_never_reaches_the_recovery(database, demo, clock):
    # "zy12" and its German reading "yz12" both exist: the scanned code is the one checked in.
    ids = give_codes(database, demo.event_id, "zy12", "yz12")
    result = recovering_desk(database, clock).scan(demo.event_id, demo.list_ids[0], "zy12")
    assert result.registration_id == ids[0] and SCANNER_LAYOUT not in result.decision.extra


def test_a_code_nobody_has_in_any_layout_is_unknown(database, demo, clock):
    result = recovering_desk(database, clock).scan(demo.event_id, demo.list_ids[0], "nobody-has-this")
    assert result.decision.outcome is Outcome.UNKNOWN


def test_the_cli_scan_reads_a_mixed_up_code_back_and_says_so(database, demo, db_url):
    give_codes(database, demo.event_id, "Ab-Yz/09xY")
    arrived = typed_as("Ab-Yz/09xY", "us", "de")
    answer = json.loads(run("scan", arrived, "--json", db=db_url).stdout)
    assert answer["outcome"] == "ok" and answer["code"] == arrived
    assert answer["layout_mix_up"] == {"scanner": "us", "computer": "de", "typed": arrived}
    text = run("scan", "Nobody-Has-This", db=db_url, expect=3).stdout
    assert text.startswith("UNKNOWN") and "NOTE" not in text
