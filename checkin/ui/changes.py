"""What a write changed, and the one app-wide place that says so (after Anki's OpChanges).

A write operation returns its :class:`Changes`; the task manager publishes them on the
:class:`ChangeNotifier` once the write is done. Each view subscribes with what concerns it and
refreshes only then: a check-in refreshes the search rows and the counters, not the badge editor.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, fields

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    check_ins: bool = False  # the check-in log: counts, search rows, a guest's log
    registrations: bool = False  # guests added or edited (import, pull, walk-in, notes, badge printed)
    layouts: bool = False  # badge layouts and stock
    sync_state: bool = False  # uploads pending, connection state
    settings: bool = False  # the desk's settings were saved
    event_setup: bool = False  # events, check-in lists, ticket types

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __and__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) and getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()
CHECK_INS = Changes(check_ins=True)
REGISTRATIONS = Changes(registrations=True)
EVERYTHING = Changes(*(True,) * len(fields(Changes)))


class ChangeNotifier(QObject):
    """One signal for the whole app: ``changed(changes, initiator)``, on the UI thread."""

    changed = Signal(object, object)

    def publish(self, changes: Changes, initiator: object = None) -> None:
        if changes:
            self.changed.emit(changes, initiator)

    def subscribe(self, view: QObject, concerns: Changes, refresh: Callable[[Changes], None]) -> None:
        """``refresh(changes)`` whenever a change touches ``concerns``, until ``view`` is destroyed:
        a closed dialog never receives (or breaks) a later notification."""
        def deliver(changes: Changes, _initiator: object) -> None:
            if changes & concerns:
                refresh(changes)

        self.changed.connect(deliver)
        view.destroyed.connect(lambda _view=None: self._unsubscribe(deliver))

    def _unsubscribe(self, deliver: Callable[[Changes, object], None]) -> None:
        try:
            self.changed.disconnect(deliver)
        except (RuntimeError, TypeError):  # the notifier went first (the app is closing)
            log.debug("notifier gone before its subscriber")
