"""Check-in Desk: offline-safe event check-in."""

__version__ = "0.1.0"
