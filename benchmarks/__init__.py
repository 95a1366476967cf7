"""Page-speed benchmarks: ``make bench`` (``python -m benchmarks``)."""
