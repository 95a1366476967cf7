"""`make bench` keeps working: it builds its own database and reports every page."""

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.__main__ import PAGES

ROOT = Path(__file__).resolve().parents[2]


def test_bench_reports_time_and_queries_for_every_page():
    """The in-process part on small data (the load test, through gunicorn, takes minutes)."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--no-load"],
        cwd=ROOT,
        # SQLite in a temporary folder, whatever database the suite runs on.
        env={k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "20 paragraphs, 2 reports" in lines[0]
    for label, _path in PAGES:
        row = next(line for line in lines if line.startswith(label + " "))
        median_ms, queries, size = row.split()[-3:]
        assert float(median_ms) > 0
        assert int(queries) >= 0
        assert float(size) > 0
    assert any(line.startswith("Largest image") for line in lines)
