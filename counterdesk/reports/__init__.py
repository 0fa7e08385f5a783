"""Supervisor statistics window."""
