"""Headless reporting: CSV, XLSX and PDF exports of statistics, satisfaction and opinions. No Qt."""
