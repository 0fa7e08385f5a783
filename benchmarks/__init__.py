"""Benchmark scripts, each run as `python benchmarks/NAME.py`; a package so tests can import one."""
