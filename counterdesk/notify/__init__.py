"""Sending the outbox's SMS and e-mail: channels, their settings, and the notifier role."""
