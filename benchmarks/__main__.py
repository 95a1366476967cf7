"""Time the main pages on generated data, in a throwaway SQLite database.

Loads the demo content and sample progress data (800 paragraphs rated in 12
reports by default), then requests each page with Django's test client and
prints the median time and the number of SQL queries per page.

To add a page, add a line to PAGES. ``{area}`` in a path stands for the slug
of the first area.

    python -m benchmarks [--repeat 20] [--paragraphs 800] [--reports 12] [--posts 200]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PAGES = [
    ("home", "/"),
    ("areas", "/areas/"),
    ("area page", "/areas/{area}/"),
    ("progress", "/progress/"),
    ("progress CSV", "/progress/data.csv"),
    ("ratings CSV", "/progress/ratings.csv"),
    ("media center", "/media-center/"),
    ("atom feed", "/media-center/feed/"),
    ("policies", "/policies/"),
    ("documents", "/documents/"),
    ("other cities", "/comparisons/"),
    ("search", "/search/?q=training"),
    ("search, 2 words", "/search/?q=trainings+officers"),
    ("accessibility", "/accessibility/"),
    ("privacy", "/privacy/"),
    ("sitemap", "/sitemap.xml"),
]


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--repeat", type=int, default=20, help="requests per page (default 20)")
    parser.add_argument("--posts", type=int, default=200, help="published posts (default 200)")
    parser.add_argument("--paragraphs", type=int, default=800)
    parser.add_argument("--reports", type=int, default=12)
    return parser.parse_args(argv)


def set_up(folder, args):
    """Point Django at a new SQLite file in ``folder`` and fill it."""
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reform_site.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")  # a development key and plain static files
    os.environ.setdefault("STATIC_ROOT", str(Path(folder) / "static"))
    (Path(folder) / "static").mkdir(exist_ok=True)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host name is allowed
    settings.DEBUG = False  # time pages as production serves them, without query logging
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command(
        "generate_sample_progress",
        paragraphs=args.paragraphs,
        reports=args.reports,
        verbosity=0,
        stdout=open(os.devnull, "w"),  # noqa: SIM115 (closed with the process)
    )
    add_posts_and_policies(args.posts)


def add_posts_and_policies(count):
    """Published posts and draft policies, so their pages are timed with content."""
    import datetime

    from django.utils import timezone

    from media_center.models import Post
    from policies.models import Policy

    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            title=f"Sample post {n}",
            slug=f"sample-post-{n}",
            summary="Training news for the benchmark.",
            body_html="<p>Body.</p>",
            status=Post.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=n),
        )
        for n in range(count)
    )
    today = timezone.localdate()
    Policy.objects.bulk_create(
        Policy(
            title=f"Sample draft {n}",
            slug=f"sample-draft-{n}",
            summary="A training policy for the benchmark.",
            is_published=True,
            comment_opens=today - datetime.timedelta(days=n),
            comment_closes=today + datetime.timedelta(days=15 - n),
        )
        for n in range(count // 4)
    )


def measure(client, path, repeat):
    """(median seconds, queries, bytes) for ``path``, read to the end, after one warm-up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return len(body)

    get()
    with CaptureQueriesContext(connection) as queries:
        size = get()
    count = len(queries)  # now: later requests clear the connection's query log
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        get()
        times.append(time.perf_counter() - start)
    return statistics.median(times), count, size


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="reform-bench-") as folder:
        set_up(folder, args)
        from django.test import Client

        from areas.models import Area

        area = Area.objects.first()
        client = Client()
        print(
            f"{args.paragraphs} paragraphs, {args.reports} reports, {args.posts} posts, {args.posts // 4} draft policies; "
            f"median of {args.repeat} requests per page (SQLite, debug off)\n"
        )
        print(f"{'page':<16} {'path':<28} {'median ms':>10} {'queries':>8} {'KiB':>8}")
        for label, path in PAGES:
            path = path.format(area=area.slug if area else "")
            median, queries, size = measure(client, path, args.repeat)
            print(f"{label:<16} {path:<28} {median * 1000:>10.1f} {queries:>8} {size / 1024:>8.1f}")


if __name__ == "__main__":
    main()
