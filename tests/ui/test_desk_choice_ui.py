"""The desk window opens the event and list this desk chose in this database, else the newest."""
from __future__ import annotations

from checkin.store.desk_choice import remember, remembered
from checkin.sync.demo import create_demo_event


def test_the_window_opens_this_desks_choice_not_the_newest_event(make_window, database, demo, window_settings):
    with database.session() as session:
        create_demo_event(session, 10, seed=4, slug="newer")
        remember(session, window_settings.desk_identity()[0], demo.event_id, demo.list_ids[1])
    window = make_window()
    setup = window.controller.setup
    assert (setup.event_slug, setup.list_id) == ("demo", demo.list_ids[1])
    assert window.toolbar.lists.currentData() == demo.list_ids[1]


def test_without_a_choice_the_newest_event_opens_and_is_remembered(qtbot, make_window, database, demo,
                                                                   window_settings):
    with database.session() as session:
        newer = create_demo_event(session, 10, seed=4, slug="newer")
    window = make_window()
    assert window.controller.setup.event_slug == "newer"

    def choice() -> tuple[str, int] | None:
        with database.reader() as session:
            return remembered(session, window_settings.desk_identity()[0])
    qtbot.waitUntil(lambda: choice() == ("newer", newer.list_ids[0]))
