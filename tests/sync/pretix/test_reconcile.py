"""Reconciliation after the event against a real pretix: duplicates, cancelled meanwhile, walk-ins, no-shows."""
from __future__ import annotations

import csv
import json

import pytest
from pypdf import PdfReader

from checkin.sync.pretix.sync import sync_event
from tests.sync.conftest import desk_for, pulled_copy, run_cli

pytestmark = pytest.mark.slow


def test_reconcile_reports_what_happened_at_the_offline_desks(pretix_server, tokens, tmp_path, paid_guests):
    db_a, connected = pulled_copy(pretix_server, tmp_path, "rec-a", tokens)
    db_b, _ = pulled_copy(pretix_server, tmp_path, "rec-b", tokens)
    event, main = connected.event_id, connected.list_id
    twice, cancelled_later, absent = paid_guests.take(3)
    desk_a, desk_b = desk_for(db_a, "Reconcile A"), desk_for(db_b, "Reconcile B")
    assert desk_a.scan(event, main, twice["secret"]).decision.accepted
    assert desk_b.scan(event, main, twice["secret"]).decision.accepted
    assert desk_a.scan(event, main, cancelled_later["secret"]).decision.accepted
    desk_a.walk_in(event, main, given_name="Walter", family_name="Ohne-Ticket")
    pretix_server.api("POST", f"events/conf/orders/{cancelled_later['order']}/mark_canceled/", json={})
    assert not sync_event(db_b, tokens, event).error

    report_csv = tmp_path / "out" / "reconcile.csv"
    result = run_cli("--db", db_a.url, "reconcile", "--json", "--report", str(report_csv))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["pending_upload"] == 0
    orders = {section: {f["order"] for f in data["details"][section]} for section in data["details"]}
    assert twice["order"] in orders["forced_duplicates"]
    assert cancelled_later["order"] in orders["cancelled_checked_in"]  # pretix re-keyed its ticket on cancelling
    assert [f["name"] for f in data["details"]["walk_ins"]] == ["Walter Ohne-Ticket"]
    assert absent["order"] in orders["no_shows"]
    assert not {twice["order"], cancelled_later["order"]} & orders["no_shows"]
    with report_csv.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["section"] for row in rows} >= {"summary", "forced_duplicates", "walk_ins", "no_shows"}
    assert any(row["name"] == "Walter Ohne-Ticket" for row in rows)

    report_pdf = tmp_path / "reconcile.pdf"
    text_run = run_cli("--db", db_a.url, "reconcile", "--report", str(report_pdf))
    assert text_run.returncode == 0 and "Admitted twice" in text_run.stdout
    text = "".join(page.extract_text() for page in PdfReader(report_pdf).pages)
    assert "Walter Ohne-Ticket" in text and "Admitted twice" in text

    wrong = run_cli("--db", db_a.url, "reconcile", "--report", str(tmp_path / "report.docx"))
    assert wrong.returncode == 2 and ".pdf or .csv" in wrong.stderr


def test_reconcile_lists_guests_the_venue_admitted_twice_that_pretix_shows_once(pretix_server, tokens, tmp_path,
                                                                                paid_guests):
    """Two desks cut off from the venue database admitted the same guest; the merged row never
    reached pretix as a second entry. The reconciliation names the guest all the same."""
    from datetime import timedelta

    from sqlalchemy import select

    from checkin.store.models import CheckIn, UploadState, utcnow

    database, connected = pulled_copy(pretix_server, tmp_path, "rec-venue", tokens)
    event, main = connected.event_id, connected.list_id
    twice, other = paid_guests.take(2)
    desk_a, desk_c = desk_for(database, "Entrance A"), desk_for(database, "Entrance C")
    first = desk_a.scan(event, main, twice["secret"])
    assert first.decision.accepted
    assert desk_c.scan(event, main, other["secret"]).decision.accepted
    with database.session() as session:  # what merge_offline leaves: desk C's offline admission, merged
        row = session.get(CheckIn, first.check_in_id)
        session.add(CheckIn(event_id=event, registration_id=row.registration_id, raw_code=row.raw_code,
                            check_in_list_id=main, desk_id=desk_c.desk_id, direction="entry", source="scan",
                            happened_at=row.happened_at + timedelta(seconds=40), outcome="ok",
                            upload_state=UploadState.NOT_SENT.value, merged_at=utcnow()))
    result = run_cli("--db", database.url, "reconcile", "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["details"]["forced_duplicates"]
    [venue] = [f for f in findings if f["order"] == twice["order"]]
    assert "at this venue" in venue["detail"] and "Entrance A" in venue["detail"]
    assert "Entrance C" in venue["detail"] and "(offline)" in venue["detail"]
    with database.reader() as session:
        assert session.scalar(select(CheckIn.id).where(CheckIn.upload_state == UploadState.NOT_SENT.value))
