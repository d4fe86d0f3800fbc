"""Benchmarks for numcheck: a synthetic corpus generator and one timing script."""
