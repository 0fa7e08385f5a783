"""The demo office: every role's real window on one screen (``office``), and its command."""
