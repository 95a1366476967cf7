"""`make bench` keeps working: it builds its own database and reports every page."""

import subprocess
import sys
from pathlib import Path

from benchmarks.__main__ import PAGES

ROOT = Path(__file__).resolve().parents[2]


def test_bench_reports_time_and_queries_for_every_page():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--repeat",
            "1",
            "--paragraphs",
            "20",
            "--reports",
            "2",
        ],
        cwd=ROOT,
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
        median_ms, queries, _size = row.split()[-3:]
        assert float(median_ms) > 0
        assert int(queries) > 0
