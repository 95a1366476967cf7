"""Every response denies the browser features the site does not use; the app server is unnamed."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from core.permissions_policy import DENIED_FEATURES

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def denied(response):
    policy = response["Permissions-Policy"]
    return {part.strip() for part in policy.split(",")}


@pytest.mark.parametrize(
    "url", ["/", "/es/areas/", "/healthz", "/no-such-page/", "/admin/", "/robots.txt"]
)
def test_every_response_denies_camera_microphone_location_and_the_rest(client, url):
    response = client.get(url)
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()"} <= denied(response)
    assert denied(response) == {f"{feature}=()" for feature in DENIED_FEATURES}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_does_not_say_what_it_is(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_ENV_FILE": "",
        "DJANGO_SECRET_KEY": "header-test-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_CONTROL_SOCKET": str(tmp_path / "gunicorn.ctl"),
        "STATIC_ROOT": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert response.status == 200
        assert "Server" not in response.headers
        assert "gunicorn" not in str(response.headers).lower()
        assert "camera=()" in response.headers["Permissions-Policy"]
    finally:
        server.terminate()
        server.wait(timeout=30)
