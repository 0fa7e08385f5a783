"""Command-line front ends of the Qt-free areas.

Queue operations, the office file and the database, staff PINs, opinions and simulation.
"""
