"""Public meetings and hearings, their pages and their iCalendar files."""
