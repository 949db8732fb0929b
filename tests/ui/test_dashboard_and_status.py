"""Live counts and the arrivals chart, the status bar, the first-run dialog and settings."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QSpinBox

from checkin.core.decision import Outcome
from tests.ui.conftest import answers, scan


def test_dashboard_counts_and_charts_arrivals_and_updates_live(qtbot, window, keyboard, codes):
    scan(qtbot, window, keyboard, *codes["valid"][:3], codes["cancelled"][0])
    registered = 200 - len(codes["cancelled"])
    window.toolbar.show_dashboard.trigger()
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.headline.text() == f"3 of {registered} guests are in", timeout=5000)
    assert dashboard.progress.value() == 3 and dashboard.progress.maximum() == registered
    assert "Refused scans: 1" in dashboard.extra.text()
    assert [dashboard.per_desk.item(0, c).text() for c in range(2)] == ["Desk A", "3"]
    types = {dashboard.per_type.item(r, 0).text(): dashboard.per_type.item(r, 1).text()
             for r in range(dashboard.per_type.rowCount())}
    assert sum(int(v.split(" / ")[0]) for v in types.values()) == 3
    [series] = dashboard.chart.series()
    assert sum(series.barSets()[0].at(i) for i in range(series.barSets()[0].count())) == 3
    scan(qtbot, window, keyboard, codes["valid"][3])
    qtbot.waitUntil(lambda: dashboard.headline.text() == f"4 of {registered} guests are in", timeout=5000)


def test_status_bar_shows_desk_database_connection_uploads_and_clock(qtbot, window, db_url):
    status = window.status
    assert status.desk.text() == "Desk: Desk A"
    assert status.store.text().endswith("desk.sqlite3")
    assert status.connection.text() == "No server"
    window.set_connection_state(True, "pretix.example.org")
    assert status.connection.text() == "● pretix.example.org"
    window.set_connection_state(False, "pretix.example.org unreachable")
    assert status.connection.text() == "○ Offline: pretix.example.org unreachable"
    assert "Offline" in status.connection.accessibleName()
    window.set_pending_uploads(7)
    assert status.uploads.text() == "Queued uploads: 7"
    assert re.fullmatch(r"\d\d:\d\d:\d\d", status.clock.text())


def test_queued_uploads_are_counted_from_the_database(qtbot, window):
    window.set_pending_uploads(5)
    window.refresh_uploads()
    qtbot.waitUntil(lambda: window.status.uploads.text() == "Queued uploads: 0")  # demo events upload nothing


def test_an_empty_database_offers_the_demo_event_first(qtbot, make_window):
    window = make_window()
    assert window.controller.setup is None
    dialog = window.dialogs.current
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.buttons["demo"].isEnabled()
    assert not dialog.buttons["import"].isEnabled() and not dialog.buttons["server"].isEnabled()
    assert window.card.headline.text() == "No event yet"
    with qtbot.waitSignal(window.ready, timeout=20_000, check_params_cb=lambda setup: setup is not None):
        dialog.buttons["demo"].click()
    assert window.controller.setup.event_slug == "demo"
    assert window.toolbar.lists.count() == 2 and window.toolbar.walk_in.isEnabled()
    assert window.card.headline.text() == "Ready to scan"


def test_first_run_choices_of_other_issues_are_enabled_when_installed(qtbot, make_window):
    chosen = []
    window = make_window(first_run_handlers={"import": lambda: chosen.append("import")})
    dialog = window.dialogs.current
    assert dialog.buttons["import"].isEnabled()
    dialog.buttons["import"].click()
    assert chosen == ["import"] and not dialog.isVisible()


def test_a_scan_while_the_event_is_being_read_is_answered_once_it_is(qtbot, window, codes):
    results = answers(window)
    window.controller.load()  # e.g. after the first-run dialog created the demo event
    window.controller.setup = None
    window.scan(codes["valid"][0])
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].decision.outcome is Outcome.OK


def test_settings_take_effect_at_once(qtbot, window):
    window.dialogs.edit_settings()
    dialog = window.dialogs.current
    qtbot.waitUntil(dialog.isVisible)
    editors = dialog.editors
    assert "desk_id" not in editors
    editors["scanner_min_length"].setValue(8)
    editors["font_scale"].setValue(1.5)
    editors["high_contrast"].setChecked(True)
    assert isinstance(editors["sounds"], QCheckBox) and isinstance(editors["scanner_min_length"], QSpinBox)
    assert isinstance(editors["font_scale"], QDoubleSpinBox)
    before = window.card.headline.font().pointSizeF()
    dialog.accept()
    assert window.wedge.detector.config.min_length == 8
    assert window.card.high_contrast
    assert window.card.headline.font().pointSizeF() == before * 1.5
    assert window.settings.get("high_contrast") is True


def test_every_control_has_an_accessible_name_or_a_label(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton

    controls = (window.scan_field, window.search.box, window.search.table, window.toolbar.lists,
                window.dashboard.per_type, window.dashboard.per_desk, window.dashboard.chart_view, window.card)
    assert all(control.accessibleName() for control in controls)
    assert all(button.text() or button.accessibleName() or button.toolTip()
               for button in window.findChildren(QAbstractButton) if button.isVisibleTo(window))
    assert window.scan_label.buddy() is window.scan_field and window.search.label.buddy() is window.search.box
