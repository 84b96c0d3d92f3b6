"""Accuracy sets and their loaders, shared by the tests and the benchmarks (no test imports)."""
