"""Sync with a pretix server: connect, pull, offline decisions, exactly-once push, online mode, reconcile.

No Qt here; the UI drives these through checkin.ui.sync_worker.
"""
