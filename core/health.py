"""Whether the site can serve: ``/healthz`` for load balancers, and the start-up check.

``/healthz`` answers 200 when the database and the cache both answer, and 503
naming the part that does not otherwise. It is answered by the first
middleware, before host checks and the HTTPS redirect (a load balancer asks by
address, over plain HTTP), is never cached, and says nothing but which part
fails: no host names, no error text.

``exit_unless_database_answers`` is for gunicorn's ``on_starting`` hook: an app
server that cannot reach its database stops at once with one line naming the
host and port, instead of listening and answering every page with a 500.
"""

import json
import logging
import sys

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

PATH = "/healthz"


def database_answers(alias=DEFAULT_DB_ALIAS):
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.warning("Health check: the database does not answer.", exc_info=True)
        return False
    return True


def cache_answers():
    ping = getattr(cache, "ping", None)
    try:
        if ping is not None:
            ping()  # the shared cache, asked directly
        else:
            cache.set("healthz", "ok", 10)  # the local-memory cache answers while the process runs
    except Exception:
        logger.warning("Health check: the cache does not answer.", exc_info=True)
        return False
    return True


def health():
    """(HTTP status, {part: "ok" or "unreachable"})."""
    parts = {
        "database": "ok" if database_answers() else "unreachable",
        "cache": "ok" if cache_answers() else "unreachable",
    }
    healthy = all(state == "ok" for state in parts.values())
    return (200 if healthy else 503), {"status": "ok" if healthy else "failing", **parts}


class HealthCheckMiddleware:
    """Answer ``/healthz`` before anything else runs; put it first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        status, body = health()
        response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
        add_never_cache_headers(response)
        response["X-Content-Type-Options"] = "nosniff"
        return response


def where(settings_dict):
    """``host:port`` of a database (its file for SQLite), as said at start-up."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"file {settings_dict['NAME']}"
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or {"postgresql": 5432, "mysql": 3306}.get(
        settings_dict["ENGINE"].rsplit(".", 1)[-1], "default port"
    )
    return f"{host}:{port}"


def database_problem(alias=DEFAULT_DB_ALIAS):
    """One line saying why the database cannot be reached, or None when it answers."""
    connection = connections[alias]
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        # psycopg's first line ends with the cause ("...: Connection refused").
        lines = str(error).strip().splitlines() or [error.__class__.__name__]
        reason = lines[0].rsplit(": ", 1)[-1].strip()
        return (
            f"Cannot reach the database at {where(connection.settings_dict)} "
            f"(DATABASE_URL): {reason}. The site is not starting."
        )
    finally:
        # Workers are forked from this process: they must open their own connections.
        connection.close()
    return None


def exit_unless_database_answers(stream=None):
    """Stop the process with one line on ``stream`` (stderr) if the database does not answer."""
    problem = database_problem()
    if problem:
        print(problem, file=stream or sys.stderr, flush=True)
        raise SystemExit(1)
