"""Test support: what the tests, the benchmarks and `make pdf` share (pages, server, browser, reader)."""
