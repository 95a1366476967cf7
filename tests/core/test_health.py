"""/healthz for load balancers, and an app server that stops when its database is missing."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import OperationalError

from core import health

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_200_when_the_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_a_load_balancer_asking_by_address_over_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200


def test_healthz_answers_200_from_the_shared_cache(client, shared_redis):
    assert client.get("/healthz").status_code == 200


def test_healthz_names_an_unreachable_cache_with_503(client, unreachable_cache):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body == {"status": "failing", "database": "ok", "cache": "unreachable"}
    assert str(unreachable_cache) not in response.content.decode()  # no addresses


class UnreachableDatabase:
    """A connection whose server does not answer."""

    def cursor(self):
        raise OperationalError("connection refused")


def test_healthz_names_an_unreachable_database_with_503(client, monkeypatch):
    monkeypatch.setattr(health, "connections", {"default": UnreachableDatabase()})
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unreachable"
    assert json.loads(response.content)["cache"] == "ok"


def test_healthz_is_never_cached(client, page_cache):
    client.get("/healthz")
    response = client.get("/healthz")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_the_start_up_check_passes_when_the_database_answers():
    assert health.database_problem() is None


def test_gunicorn_stops_at_once_naming_the_database_it_cannot_reach(closed_port, tmp_path):
    env = {
        **os.environ,
        "DJANGO_ENV_FILE": "",
        "DJANGO_SECRET_KEY": "start-up-test-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://reform@127.0.0.1:{closed_port}/reform",
        "GUNICORN_BIND": "127.0.0.1:0",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_CONTROL_SOCKET": str(tmp_path / "gunicorn.ctl"),
        "STATIC_ROOT": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert time.monotonic() - started < 30
    problem = [line for line in result.stderr.splitlines() if "database" in line]
    assert problem == [
        f"Cannot reach the database at 127.0.0.1:{closed_port} (DATABASE_URL): "
        "Connection refused. The site is not starting."
    ]
    assert "Listening at" not in result.stderr + result.stdout
