import gc

from checkin.heap import freeze_startup_objects


def test_startup_objects_are_exempt_from_later_collections_and_new_garbage_is_still_collected():
    class Cycle:
        pass

    try:
        freeze_startup_objects()
        frozen = gc.get_freeze_count()
        assert frozen > 1000  # the interpreter, pytest and our modules
        garbage = Cycle()
        garbage.self = garbage  # a reference cycle made after start-up
        del garbage
        assert gc.collect() >= 1
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
