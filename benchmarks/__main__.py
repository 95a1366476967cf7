"""Measure what residents feel on report day: ``make bench`` (``python -m benchmarks``).

1. Builds the large data set (``benchmarks/data.py``) in a throwaway database:
   SQLite in a temporary folder, or PostgreSQL when DATABASE_URL names a
   database whose name ends in ``bench`` (it is dropped and made anew).
2. Server time per request for every public page, in this process with the page
   cache off (CPU milliseconds, median), with its SQL queries and size.
3. Starts gunicorn with production settings (``gunicorn.conf.py``, 2 workers)
   and drives each page with a load generator (wrk, or ``benchmarks/load.py``),
   cold (page cache off) and warm (page cache on, filled), each page right after
   a static file holding the same bytes served by the same server, for several
   rounds; prints requests per second, p50 and p99 latency, and page ÷ static.
4. Times the heaviest upload: a photo at the pixel limit checked, cleaned and
   made into renditions.

Targets on a 2-core machine: warm ≥ 0.5 of the static file, cold ≥ 0.1.
REDIS_URL, if set, is used as the shared cache (under a prefix of its own);
otherwise each worker keeps its own local-memory cache.

    python -m benchmarks [--rounds 3] [--seconds 2] [--quick] [--check]
"""

import argparse
import contextlib
import gzip
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import brotli

from . import data, load

ROOT = Path(__file__).resolve().parent.parent

# (label, path); {area} {post} {draft} {decree} are filled in from the data.
PAGES = [
    ("home", "/"),
    ("areas", "/areas/"),
    ("area page", "/areas/{area}/"),
    ("progress", "/progress/"),
    ("progress CSV", "/progress/data.csv"),
    ("ratings CSV", "/progress/ratings.csv"),
    ("media center", "/media-center/"),
    ("post", "/media-center/{post}/"),
    ("atom feed", "/media-center/feed/"),
    ("policies", "/policies/"),
    ("open draft", "/policies/{draft}/"),
    ("documents", "/documents/"),
    ("other cities", "/comparisons/"),
    ("decree", "/comparisons/{decree}/"),
    ("search", "/search/?q=training"),
    ("search, 2 words", "/search/?q=trainings+officers"),
    ("accessibility", "/accessibility/"),
    ("privacy", "/privacy/"),
    ("sitemap", "/sitemap.xml"),
    ("feedback", "/feedback/"),
]
# Pages with a form carry a fresh token for each visitor: never cached, judged cold.
NEVER_CACHED = {"open draft", "feedback"}
WARM_TARGET, COLD_TARGET = 0.5, 0.1
LARGE = {"paragraphs": 800, "reports": 12, "posts": 1000, "policies": 200, "documents": 200}
LARGE["feedback"] = 20000
QUICK = {"paragraphs": 20, "reports": 2, "posts": 20, "policies": 8, "documents": 10}
QUICK["feedback"] = 50


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--seconds", type=float, default=2, help="load per measurement (default 2)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=15, help="in-process requests per page")
    parser.add_argument("--quick", action="store_true", help="small data, one short round")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn load test")
    parser.add_argument(
        "--page", action="append", help="only this page, by label (such as sitemap); repeatable"
    )
    parser.add_argument("--only", choices=("cold", "warm"), help="only this half of the load test")
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.seconds, args.repeat = 1, 0.5, 2
    return args


# Setting up -----------------------------------------------------------------


def database_url(folder):
    """The throwaway database: SQLite in ``folder``, or the PostgreSQL one DATABASE_URL names."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
    import environ
    import psycopg

    config = environ.Env.db_url_config(url)
    name = config["NAME"]
    if not name.endswith("bench"):
        raise SystemExit(
            f"DATABASE_URL names the database {name!r}; the benchmark drops and recreates its "
            "database, so name one ending in 'bench' (such as reform_bench)."
        )
    admin = {k: v for k, v in {"host": config["HOST"], "port": config["PORT"]}.items() if v}
    admin.update(user=config["USER"] or None, password=config["PASSWORD"] or None)
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def environment(folder, db_url):
    env = {
        "DJANGO_SETTINGS_MODULE": "reform_site.settings",
        "DJANGO_ENV_FILE": "",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": db_url,
        "STATIC_ROOT": str(Path(folder) / "static"),
        "MEDIA_ROOT": str(Path(folder) / "uploads"),
        "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",
        # Without REDIS_URL the workers share the content version through a file.
        "CONTENT_VERSION_FILE": str(Path(folder) / "content-version"),
    }
    os.environ.update(env)
    return env


def set_up(folder, counts):
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    started = time.monotonic()
    data.load(**counts)
    return time.monotonic() - started


def page_paths():
    from areas.models import Area
    from comparisons.models import ConsentDecree
    from media_center.models import Post
    from policies.models import Policy

    area = Area.objects.filter(paragraphs__isnull=False).first() or Area.objects.first()
    names = {
        "area": area.slug,
        "post": Post.objects.published().first().slug,
        "draft": Policy.objects.open_for_comment().first().slug,
        "decree": ConsentDecree.objects.first().slug,
    }
    return [(label, path.format(**names)) for label, path in PAGES]


# Server time, in this process -----------------------------------------------


def server_times(pages, repeat):
    """{label: (median CPU ms, median CPU ms right after a content change, queries, bytes)}
    with the page cache off. Right after a change, every kept part is built again."""
    from django.db import connection
    from django.test import Client, override_settings

    from core import content_version

    # No setup_test_environment(): its template-rendering signal doubles the cost of
    # rendering, and a server pays no such cost.
    client = Client()
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    def get(path):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        return b"".join(response.streaming_content) if response.streaming else response.content

    found = {}
    with override_settings(PAGE_CACHE_SECONDS=0):
        for label, path in pages:
            get(path)  # figures built once per content change are built now
            queries.clear()
            with connection.execute_wrapper(count):
                body = get(path)
            times, after_change = [], []
            for _ in range(repeat):
                started = time.process_time()
                get(path)
                times.append(time.process_time() - started)
            for _ in range(max(3, repeat // 3)):
                content_version.bump()
                started = time.process_time()
                get(path)
                after_change.append(time.process_time() - started)
            ms = statistics.median(times) * 1000
            found[label] = (ms, statistics.median(after_change) * 1000, len(queries), body)
    return found


def write_static_twins(folder, bodies):
    """A static file per page holding the page's bytes, with its compressed forms."""
    twins = Path(folder) / "static" / "bench"
    twins.mkdir(parents=True, exist_ok=True)
    for label, body in bodies.items():
        name = label.replace(" ", "-")
        (twins / f"{name}.html").write_bytes(body)
        (twins / f"{name}.html.gz").write_bytes(gzip.compress(body, 6, mtime=0))
        (twins / f"{name}.html.br").write_bytes(brotli.compress(body, quality=11))
    return {label: f"/static/bench/{label.replace(' ', '-')}.html" for label in bodies}


# Under load, through gunicorn -------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, folder, **extra):
    port = free_port()
    run_env = {
        **os.environ,
        **env,
        **extra,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_CONTROL_SOCKET": str(Path(folder) / f"gunicorn-{port}.ctl"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=run_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{base}/healthz", timeout=2).read()  # noqa: S310
                break
            if process.poll() is not None:
                raise SystemExit(f"gunicorn stopped: {process.stderr.read()}")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def drain(base):
    """Wait until the requests a load left queued are answered, so the next starts on idle workers."""
    for _ in range(3):
        urllib.request.urlopen(f"{base}/healthz", timeout=120).read()  # noqa: S310


def under_load(env, folder, pages, statics, args, warm):
    """{label: [(page Result, static Result)] per round}."""
    extra = {} if warm else {"PAGE_CACHE_SECONDS": "0"}
    results = {label: [] for label, _path in pages}
    with gunicorn(env, folder, **extra) as base:
        for _label, path in pages:  # fill the cache (and warm the workers)
            for _ in range(4):
                urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310
        for _round in range(args.rounds):
            for label, path in pages:
                drain(base)
                static = load.measure(
                    base + statics[label], args.seconds, args.connections, args.threads
                )
                drain(base)
                page = load.measure(base + path, args.seconds, args.connections, args.threads)
                results[label].append((page, static))
    return results


def report(title, results, target, judged):
    print(f"\n{title}")
    print(
        f"{'page':<14} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'static':>8} "
        f"{'page ÷ static (min/median/max)':>32} {'errors':>6}"
    )
    missed = []
    for label, rounds in results.items():
        ratios = sorted(page.rps / static.rps for page, static in rounds if static.rps)
        if not ratios:  # the static file was not served: say so rather than guess
            print(f"{label:<14} the static twin answered no request; no ratio")
            missed.append(label)
            continue
        median = statistics.median(ratios)
        rps = statistics.median(page.rps for page, _static in rounds)
        p50 = statistics.median(page.p50_ms for page, _static in rounds)
        p99 = statistics.median(page.p99_ms for page, _static in rounds)
        static = statistics.median(static.rps for _page, static in rounds)
        errors = sum(page.errors for page, _static in rounds)
        verdict = ""
        if label in judged:
            verdict = "ok" if ratios[0] >= target else f"below {target}"
            if ratios[0] < target:
                missed.append(label)
        spread = f"{ratios[0]:.3f} / {median:.3f} / {ratios[-1]:.3f}"
        print(
            f"{label:<14} {rps:>8.0f} {p50:>8.1f} {p99:>8.1f} {static:>8.0f} "
            f"{spread:>32} {errors:>6}  {verdict}"
        )
    return missed


# The heaviest upload -----------------------------------------------------------


def time_largest_image():
    """Seconds to check, clean and make renditions of a JPEG at the pixel limit."""
    import io

    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from media_center.images import make_renditions, prepare_upload

    pixels = settings.IMAGE_UPLOAD_MAX_PIXELS
    width = int((pixels * 3 / 2) ** 0.5)
    height = pixels // width
    # A gradient with grain, so the JPEG has a photo's detail (and size) to decode.
    light = Image.radial_gradient("L").resize((width, height))
    grain = Image.effect_noise((width, height), 10)
    image = Image.merge("RGB", (light, grain, Image.blend(light, grain, 0.5)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75)
    upload = SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")
    from django.core.files.storage import default_storage

    started, cpu = time.monotonic(), time.process_time()
    prepared = prepare_upload(upload)
    checked = time.monotonic() - started
    name = default_storage.save(f"bench/{prepared.name}", prepared)
    make_renditions(name)
    total, cpu = time.monotonic() - started, time.process_time() - cpu
    return width, height, len(out.getvalue()), checked, total, cpu


def machine():
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores, {cpu}; Python {sys.version.split()[0]}"


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    counts = QUICK if args.quick else LARGE
    with tempfile.TemporaryDirectory(prefix="reform-bench-") as folder:
        db_url = database_url(folder)
        env = environment(folder, db_url)
        seconds = set_up(folder, counts)
        engine = "PostgreSQL" if db_url.startswith("postgres") else "SQLite"
        cache = "Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "local memory per worker"
        print(f"{data.describe(**counts)}; {engine}; cache: {cache}")
        print(f"machine: {machine()}; data loaded in {seconds:.0f} s\n")

        pages = page_paths()
        if args.page:
            wanted = set(args.page)
            unknown = wanted - {label for label, _path in pages}
            if unknown:
                raise SystemExit(f"--page: no page labelled {', '.join(sorted(unknown))}")
            pages = [(label, path) for label, path in pages if label in wanted]
        times = server_times(pages, args.repeat)
        print(
            "Server time per request, page cache off (in-process, CPU ms, median): as "
            "visitors get it, and right after a content change (every kept part built again)"
        )
        print(f"{'page':<14} {'path':<44} {'ms':>7} {'changed':>8} {'queries':>8} {'KiB':>8}")
        for label, path in pages:
            ms, changed, queries, body = times[label]
            print(
                f"{label:<14} {path:<44} {ms:>7.1f} {changed:>8.1f} {queries:>8} "
                f"{len(body) / 1024:>8.1f}"
            )

        width, height, size, checked, total, cpu = time_largest_image()
        print(
            f"\nLargest image ({width} × {height}, {size / 1e6:.1f} MB JPEG): checked and "
            f"cleaned in {checked:.2f} s, with renditions {total:.2f} s ({cpu:.2f} s of CPU); "
            "the worker timeout is 30 s"
        )
        if args.no_load:
            return
        statics = write_static_twins(
            folder, {label: body for label, (_ms, _changed, _q, body) in times.items()}
        )
        print(
            f"\nUnder load: gunicorn (gunicorn.conf.py, 2 workers), {load.tool()} "
            f"-c{args.connections} for {args.seconds:g} s per measurement, {args.rounds} "
            "rounds, each page right after a static file of the same bytes; "
            "Accept-Encoding: br, gzip"
        )
        missed = []
        if args.only != "warm":
            cold = under_load(env, folder, pages, statics, args, warm=False)
            missed += report("Cold: page cache off", cold, COLD_TARGET, set(times))
        if args.only != "cold":
            warm = under_load(env, folder, pages, statics, args, warm=True)
            cached = set(times) - NEVER_CACHED
            missed += report("Warm: page cache on", warm, WARM_TARGET, cached)
        print(
            f"\nTargets: every page cold ≥ {COLD_TARGET} of static; every cached page warm "
            f"≥ {WARM_TARGET} (pages with a form are never cached: judged cold)."
        )
        print("All targets met." if not missed else f"Missed: {', '.join(missed)}")
        if missed and args.check:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
