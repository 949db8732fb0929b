"""All Qt lives here: widgets, models, dialogs. Decisions live in checkin.core."""
