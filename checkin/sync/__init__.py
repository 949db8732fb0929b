"""Connectors that bring registrations in and check-ins out: demo data, files, pretix. No Qt."""
