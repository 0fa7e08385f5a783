"""Printer and speech adapters."""
