"""What a write changed, and the one app-wide place that says so (after Anki's OpChanges).

A write operation returns its :class:`Changes`; the task manager publishes them on the
:class:`ChangeNotifier` once the write is done. Each view subscribes with what concerns it and
refreshes only then: a check-in refreshes the search rows and the counters, not the badge editor.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, fields

import shiboken6
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
    """One signal for the whole app: ``changed(changes, initiator)``, on the UI thread. Views
    subscribe with what concerns them; a destroyed view is forgotten (never called, never in the
    way of the views after it)."""

    changed = Signal(object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._views: dict[int, _Subscription] = {}
        self.changed.connect(self._deliver)

    def publish(self, changes: Changes, initiator: object = None) -> None:
        if changes:
            self.changed.emit(changes, initiator)

    def subscribe(self, view: QObject, concerns: Changes, refresh: Callable[[Changes], None]) -> None:
        """``refresh(changes)`` whenever a change touches ``concerns``, until ``view`` is destroyed."""
        key = id(view)
        self._views[key] = _Subscription(view, concerns, refresh)
        view.destroyed.connect(lambda _view=None: self._views.pop(key, None))

    @property
    def subscribers(self) -> int:
        return len(self._views)

    def _deliver(self, changes: Changes, _initiator: object) -> None:
        for key, subscription in list(self._views.items()):
            if not shiboken6.isValid(subscription.view):  # destroyed before it could say so
                self._views.pop(key, None)
            elif changes & subscription.concerns:
                self._refresh(subscription, changes)

    @staticmethod
    def _refresh(subscription: _Subscription, changes: Changes) -> None:
        """One view's failure (a widget deleted under it) is logged; the views after it still
        refresh, so the counters can never freeze behind a broken dialog."""
        try:
            subscription.refresh(changes)
        except Exception:
            log.exception("a view failed to refresh on %s; the others go on", changes)


@dataclass(frozen=True)
class _Subscription:
    view: QObject
    concerns: Changes
    refresh: Callable[[Changes], None]
