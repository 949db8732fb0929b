import gc
import threading

from checkin.store.bulk import collector_paused
from checkin.store.registrations import new_code, new_codes


def test_the_collector_is_paused_inside_and_runs_again_after_the_last_of_nested_threaded_blocks():
    assert gc.isenabled()
    inside, leave = threading.Event(), threading.Event()

    def other_thread():
        with collector_paused():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=other_thread)
    with collector_paused():
        worker.start()
        inside.wait(5)
        with collector_paused():
            assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's block is still running
    leave.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_codes_are_20_base32_letters_and_do_not_repeat():
    codes = new_codes(20_000) + [new_code()]
    assert len(set(codes)) == len(codes)
    assert all(len(code) == 20 and set(code) <= set("abcdefghijklmnopqrstuvwxyz234567") for code in codes)
    letters = "".join(codes)
    counts = [letters.count(letter) for letter in set(letters)]
    assert len(counts) == 32 and max(counts) < 1.1 * min(counts)  # every letter about equally often


def test_json_values_are_stored_exactly_even_when_serialised_once_per_distinct_value(database):
    from sqlalchemy import select

    from checkin.store.models import Event, Registration
    from checkin.store.registrations import insert_registrations

    raws = [{"salutation": "Frau"}, {"salutation": "Frau"}, {"n": 1}, {"n": True}, {"a": "x", "b": "y"},
            {"b": "y", "a": "x"}, None, {"nested": {"k": [1, 2]}}]
    with database.session() as session:
        event = Event(source="test", slug="json", name="JSON")
        session.add(event)
        session.flush()
        ids = insert_registrations(session, event.id, [{"source": "test", "code": f"c{n}", "family_name": "X",
                                                        "raw": raw} for n, raw in enumerate(raws)])
    with database.reader() as session:
        stored = dict(session.execute(select(Registration.id, Registration.raw).where(Registration.id.in_(ids))).all())
    assert [stored[i] for i in ids] == raws
    assert type(stored[ids[3]]["n"]) is bool
