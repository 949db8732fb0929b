"""All Qt lives here: widgets, models, dialogs. Decisions live in checkin.core."""
from checkin.ui.emit_refcount import guard_true

guard_true()  # before any widget emits a signal (see checkin/ui/emit_refcount.py)
