"""Speed, memory and accuracy benchmarks of Reported Routes, run with ``python -m benchmarks``."""
