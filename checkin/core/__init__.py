"""Domain rules of Check-in Desk. Plain Python: no Qt, no database."""
