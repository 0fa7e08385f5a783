"""Qt Linguist catalogues for the staff-facing windows."""
