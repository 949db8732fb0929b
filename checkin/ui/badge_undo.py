"""Undo and redo in the layout editor: each step keeps the whole layout before and after.

A layout is a few dozen numbers, so a snapshot is cheaper to get right than inverse operations.
Steps of one kind on one element (typing a size, arrow keys) merge into one undo step.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from checkin.badges.layout import Layout

_MERGE_IDS: dict[Hashable, int] = {}


def merge_id(key: Hashable | None) -> int:
    """Qt merges commands with equal ids; one small number per kind of step (-1: never merge)."""
    if key is None:
        return -1
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


class LayoutStep(QUndoCommand):
    def __init__(self, text: str, before: Layout, after: Layout, apply: Callable[[Layout], None],
                 merge_key: Hashable | None = None):
        super().__init__(text)
        self.before, self.after = copy.deepcopy(before), copy.deepcopy(after)
        self.apply, self.merge_key = apply, merge_key
        self._done = True  # pushed after the change was made: the first redo() has nothing to do

    def id(self) -> int:  # noqa: A003 - Qt's name
        return merge_id(self.merge_key)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, LayoutStep) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.apply(copy.deepcopy(self.after))

    def undo(self) -> None:
        self.apply(copy.deepcopy(self.before))
