"""Drive a URL for a few seconds and report requests per second and latency.

With ``wrk`` installed (Debian's ``wrk`` package) it is used; otherwise a small
load generator written here on the standard library stands in (threads, one new
connection per request, as gunicorn's sync workers close each one). It is
slower than wrk and shares the machine's cores with the server, so its figures
are lower; the page ÷ static ratios measured with it remain comparable with
each other.
"""

import http.client
import re
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

HEADERS = {"Accept-Encoding": "br, gzip"}  # what a browser sends


@dataclass
class Result:
    """One measurement of one URL."""

    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def tool():
    return "wrk" if shutil.which("wrk") else "python"


def measure(url, seconds, connections, threads):
    if tool() == "wrk":
        return _wrk(url, seconds, connections, threads)
    return _python(url, seconds, connections)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _duration_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def _wrk(url, seconds, connections, threads):
    duration = max(1, round(seconds))  # wrk counts whole seconds
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"]
    command.append("--latency")
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(  # noqa: S603 (wrk, with our own arguments)
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _duration_ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1))
    p99 = _duration_ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1))
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"timeout (\d+)", r"connect (\d+)"):
        found = re.search(pattern, out)
        errors += int(found.group(1)) if found else 0
    return Result(rps, p50, p99, errors)


def _python(url, seconds, connections):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + seconds
    latencies, errors, lock = [], [0], threading.Lock()

    def work():
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                conn.request("GET", path, headers=HEADERS)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status >= 400:
                    failed += 1
            except OSError:
                failed += 1
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    workers = [threading.Thread(target=work) for _ in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0
    return Result(
        len(latencies) / elapsed, statistics.median(latencies) if latencies else 0, p99, errors[0]
    )
