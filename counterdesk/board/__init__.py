"""Public display board window."""
