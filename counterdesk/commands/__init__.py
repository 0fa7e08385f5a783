"""Command-line front ends of the Qt-free areas.

Queue operations, the office file, the database, opinions and simulation.
"""
