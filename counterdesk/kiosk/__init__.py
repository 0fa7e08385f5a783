"""Citizen kiosk window (see issue: the citizen kiosk)."""
