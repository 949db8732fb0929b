"""The file route on PostgreSQL: import, re-import, report, invitations' signed scan, purge."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from checkin.core.decision import Outcome
from checkin.store.desk import DeskService
from checkin.store.models import Registration, SearchToken
from checkin.reports.attendance_report import purge_aggregates
from checkin.store.purge import purge_event
from checkin.reports.attendance_report_out import export_attendance_report
from checkin.sync.files.invitations import InvitationOptions, write_invitations
from tests.conftest import skip_or_fail
from tests.files.helpers import arrive, import_guests, write_guests

pytestmark = pytest.mark.postgres
ROWS = [["Anna", "Abel", "Zeiss", "a@x.org", "Speaker"], ["Ben", "Bauer", "", "b@x.org", "Teilnehmer"]]


@pytest.fixture
def pg(request):  # noqa: ANN001, ANN201
    try:
        return request.getfixturevalue("pg_database")
    except pytest.FixtureLookupError:
        skip_or_fail("the pg_database fixture (tests/conftest.py on main) is not here")


def test_file_route_on_postgres(pg, clock, tmp_path):
    imported = import_guests(pg, write_guests(tmp_path / "g.csv", ROWS))
    again = import_guests(pg, write_guests(tmp_path / "g.csv", ROWS))
    assert again.codes == imported.codes
    desk = DeskService(pg, "00000000-0000-4000-8000-0000000000aa", "PG desk", clock=clock)
    arrive(desk, clock, imported, ["Abel"])
    write_invitations(pg, InvitationOptions(tmp_path / "inv", sign=True, tickets=False))
    forged = desk.scan(imported.event_id, imported.list_id, imported.codes["Bauer"] + "." + "a" * 24)
    assert forged.decision.outcome is Outcome.INVALID_CODE
    summary = export_attendance_report(pg, None, tmp_path / "r.csv")
    assert (summary["registered"], summary["attended"]) == (2, 1)
    receipt = purge_event(pg, None, ("00000000-0000-4000-8000-0000000000aa", "PG desk"),
                          keep_aggregates=purge_aggregates)
    assert receipt.compacted
    with pg.reader() as session:
        assert set(session.scalars(select(Registration.family_name))) == {""}
        assert all(code.startswith("purged-") for code in session.scalars(select(Registration.code)))
        assert session.scalar(select(func.count()).select_from(SearchToken)) == 0
    assert export_attendance_report(pg, None, tmp_path / "after.csv")["attended"] == 1
