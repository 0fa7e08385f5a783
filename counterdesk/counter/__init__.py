"""Staff counter console window."""
