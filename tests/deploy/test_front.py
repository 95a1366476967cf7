"""deploy/nginx/reform.conf in front of two app servers, tested through HTTPS.

The site file is used as it is in the repository, with only its ports, paths
and certificate replaced; two gunicorn instances (production settings) share
one PostgreSQL database, one Redis and one uploads folder, as in production.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.db import connection

from core.permissions_policy import header_value
from tests.conftest import sign_in_with_second_factor
from tests.factories import admin_form_in_english
from tests.media_center.factories import PostWithCoverFactory
from tests.pdfs import POLYGLOT
from tests.policies.factories import DocumentFactory
from tests.services import REDIS_TEST_URL, redis_or_skip

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "nginx"
HOST = "reform.example.org"
SANDBOX = "default-src 'none'; sandbox"

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds} s")
        time.sleep(0.2)


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def all(self, name):
        return self.headers.get_all(name) or []

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def cookies(self):
        return dict(
            value.split(";", 1)[0].split("=", 1) for value in self.all("Set-Cookie") if "=" in value
        )


class Front:
    """A browser's view of the front server: HTTPS with its certificate, from any local address."""

    def __init__(self, https_port, http_port, certificate):
        self.https_port = https_port
        self.http_port = http_port
        self.tls_certificate = str(certificate)
        self.tls = ssl.create_default_context(cafile=self.tls_certificate)

    def request(self, method, path, *, source="127.0.0.1", https=True, headers=None, body=None):
        """One request on a new connection from ``source`` (any 127.x address is this machine)."""
        port = self.https_port if https else self.http_port
        conn = (http.client.HTTPSConnection if https else http.client.HTTPConnection)(
            HOST, port, timeout=20
        )
        sock = socket.create_connection(("127.0.0.1", port), timeout=20, source_address=(source, 0))
        conn.sock = self.tls.wrap_socket(sock, server_hostname=HOST) if https else sock
        try:
            conn.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            response = conn.getresponse()
            return Answer(response.status, response.headers, response.read())
        finally:
            conn.close()

    def negotiated_protocol(self):
        """The protocol TLS settles on when the browser offers HTTP/2 first."""
        tls = ssl.create_default_context(cafile=self.tls_certificate)
        tls.set_alpn_protocols(["h2", "http/1.1"])
        sock = socket.create_connection(("127.0.0.1", self.https_port), timeout=20)
        with tls.wrap_socket(sock, server_hostname=HOST) as wrapped:
            return wrapped.selected_alpn_protocol()


def make_certificate(folder):
    """A self-signed certificate for HOST (and its key), as openssl makes one."""
    key, certificate = folder / "privkey.pem", folder / "fullchain.pem"
    openssl = shutil.which("openssl")
    assert openssl, "openssl is needed to make the test certificate: apt-get install openssl"
    subprocess.run(  # noqa: S603
        [
            openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-days", "2", "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}",
            "-keyout", str(key), "-out", str(certificate),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return key, certificate


def render_site(folder, *, http_port, https_port, apps, key, certificate, uploads):
    """deploy/nginx's files with this test's ports and paths, each replacement checked."""
    proxy = (DEPLOY / "reform-proxy.conf").read_text()
    (folder / "reform-proxy.conf").write_text(proxy)
    site = (DEPLOY / "reform.conf").read_text()
    replacements = {
        "    listen 80;\n": f"    listen 127.0.0.1:{http_port};\n",
        "    listen [::]:80;\n": "",
        "    listen 443 ssl http2;\n": f"    listen 127.0.0.1:{https_port} ssl http2;\n",
        "    listen [::]:443 ssl http2;\n": "",
        "server 127.0.0.1:8001 ": f"server 127.0.0.1:{apps[0]} ",
        "server 127.0.0.1:8002 ": f"server 127.0.0.1:{apps[1]} ",
        f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(certificate),
        f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(key),
        "alias /srv/reform/uploads/;": f"alias {uploads}/;",
        "/etc/nginx/reform-proxy.conf": str(folder / "reform-proxy.conf"),
        "/var/www/acme": str(folder / "acme"),
    }
    for old, new in replacements.items():
        assert old in site, f"deploy/nginx/reform.conf no longer has {old!r}: update this test"
        site = site.replace(old, new)
    (folder / "reform.conf").write_text(site)
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / temp).mkdir()
    user = "user root;\n" if os.geteuid() == 0 else ""  # to read the test's private folders
    main = folder / "nginx.conf"
    main.write_text(
        f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log info;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/reform.conf;
}}
"""
    )
    return main


def database_url():
    params = connection.settings_dict
    user = params["USER"] or "postgres"
    password = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
    host = params["HOST"] or "127.0.0.1"
    port = params["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{params['NAME']}"


@pytest.fixture(scope="module")
def front(nginx, django_db_setup, django_db_blocker, tmp_path_factory):
    """nginx with deploy/'s site file in front of two gunicorn instances, for this module.

    The app servers run production settings on the test database, the test Redis
    (under a prefix of their own) and one uploads folder.
    """
    from django.conf import settings

    if connection.vendor != "postgresql":
        pytest.skip(
            "The front test runs two app servers on one shared database: it needs PostgreSQL "
            "(DATABASE_URL=postgres://…); CI runs it in its PostgreSQL pass."
        )
    cache = redis_or_skip()
    prefix = f"front-{uuid.uuid4().hex[:12]}"
    folder = tmp_path_factory.mktemp("front")
    uploads = folder / "uploads"
    uploads.mkdir()
    apps = [free_port(), free_port()]
    env = {
        **os.environ,
        "DJANGO_ENV_FILE": "",
        # The test's own key, so a session it makes is good on the app servers.
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_TEST_URL,
        "CACHE_KEY_PREFIX": prefix,
        "MEDIA_ROOT": str(uploads),
        "STATIC_ROOT": str(folder / "static"),
        "FEEDBACK_TRUSTED_PROXIES": "1",
        "FEEDBACK_RATE_LIMIT": "3/600",
        "FEEDBACK_MIN_SECONDS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "SECURITY_CONTACT": "security@example.org",
        "SITE_URL": f"https://{HOST}",
        "GUNICORN_WORKERS": "2",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    servers = {}
    for port in apps:
        servers[port] = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env={
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_CONTROL_SOCKET": str(folder / f"gunicorn-{port}.ctl"),
            },
            stdout=open(folder / f"gunicorn-{port}.log", "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
    nginx_folder = folder / "nginx"
    nginx_folder.mkdir()
    key, certificate = make_certificate(nginx_folder)
    http_port, https_port = free_port(), free_port()
    conf = render_site(
        nginx_folder,
        http_port=http_port,
        https_port=https_port,
        apps=apps,
        key=key,
        certificate=certificate,
        uploads=uploads,
    )
    checked = subprocess.run(  # noqa: S603
        [nginx, "-t", "-c", str(conf), "-p", str(nginx_folder)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    proxy = subprocess.Popen(  # noqa: S603
        [nginx, "-c", str(conf), "-p", str(nginx_folder), "-g", "daemon off;"],
        stderr=open(nginx_folder / "stderr.log", "wb"),  # noqa: SIM115
    )
    try:
        for port, server in servers.items():

            def answers(port=port, server=server):
                assert server.poll() is None, (folder / f"gunicorn-{port}.log").read_text()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                return conn.getresponse().status == 200

            wait_until(answers, f"app server on port {port} answering /healthz")
        web = Front(https_port, http_port, certificate)
        wait_until(lambda: web.request("GET", "/healthz").status == 200, "nginx answering")
        web.apps, web.servers, web.uploads, web.prefix = apps, servers, uploads, prefix
        web.error_log = nginx_folder / "error.log"
        yield web
    finally:
        proxy.terminate()
        for server in servers.values():
            if server.poll() is None:
                server.terminate()
        proxy.wait(timeout=30)
        for server in servers.values():
            server.wait(timeout=40)
        for key in cache.scan_iter(f"{prefix}:*"):
            cache.delete(key)
        cache.close()


@pytest.fixture
def site(front, settings):
    """The front, with an empty shared cache and uploads, which this test's process shares."""
    cache = redis.Redis.from_url(REDIS_TEST_URL)
    for key in cache.scan_iter(f"{front.prefix}:*"):
        cache.delete(key)
    cache.close()
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": front.prefix,
        }
    }
    settings.MEDIA_ROOT = front.uploads
    # The database was emptied since the last test, without a save the app servers
    # heard of: say so, as an import does.
    from core import content_version

    content_version.content_changed()
    return front


def test_the_front_serves_the_site_over_https_only_with_its_security_headers(site):
    redirect = site.request("GET", "/areas/?sort=progress", https=False)
    assert redirect.status == 301
    assert redirect.headers["Location"] == f"https://{HOST}/areas/?sort=progress"

    assert site.negotiated_protocol() == "h2"
    home = site.request("GET", "/")
    assert home.status == 200
    assert home.all("Strict-Transport-Security") == ["max-age=31536000"]
    assert home.headers["Permissions-Policy"] == header_value()
    assert home.headers["X-Content-Type-Options"] == "nosniff"
    assert home.headers["X-Frame-Options"] == "DENY"
    assert home.headers["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in home.headers["Content-Security-Policy"]
    assert home.headers["Server"] == "nginx"  # no version, and not the app server's name
    assert f'<link rel="canonical" href="https://{HOST}/">' in home.text


def test_uploads_are_served_with_headers_that_keep_them_from_acting_as_pages(site):
    post = PostWithCoverFactory(cover_size=(1000, 600))
    document = DocumentFactory(title="Use of force draft")
    polyglot = Path(site.uploads, "documents", "2023", "report-polyglot.pdf")
    polyglot.write_bytes(POLYGLOT)  # as a file stored before documents were parsed would be

    page = site.request("GET", post.get_absolute_url()).text
    [rendition] = re.findall(r"/uploads/[\w/.-]+-480w\.webp", page)
    library = site.request("GET", "/documents/").text
    assert document.file.url in library

    for address, content_type, disposition in [
        (rendition, "image/webp", None),
        (document.file.url, "application/pdf", "attachment"),
        ("/uploads/documents/2023/report-polyglot.pdf", "application/pdf", "attachment"),
    ]:
        answer = site.request("GET", address)
        assert answer.status == 200, address
        assert answer.headers["Content-Type"] == content_type
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        # No script runs, whatever the bytes say: the page is sandboxed and may load nothing.
        assert answer.headers["Content-Security-Policy"] == SANDBOX
        assert answer.headers["Content-Disposition"] == disposition
        assert answer.headers["Permissions-Policy"] == header_value()
        assert answer.all("Strict-Transport-Security") == ["max-age=31536000"]
    assert site.request("GET", "/uploads/documents/2023/report-polyglot.pdf").body == POLYGLOT
    assert site.request("POST", rendition).status == 403
    kept = Path(site.uploads, "kept-uploads", "form.jpg")
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"kept")
    assert site.request("GET", "/uploads/kept-uploads/form.jpg").status == 404


def send_feedback(site, source, headers=None):
    """A resident at ``source`` opens the feedback form and sends it; the front's answer."""
    form = site.request("GET", "/feedback/", source=source)
    assert form.status == 200
    cookies = form.cookies()
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"', form.text))
    body = "&".join(
        f"{name}={value}"
        for name, value in {
            **fields,
            "message": "The+new+training+videos+are+helpful.",
            "language": "en",
            "area": "",
            "name": "",
            "email": "",
            "zip_code": "",
            "website": "",
        }.items()
    )
    return site.request(
        "POST",
        "/feedback/",
        source=source,
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/feedback/",
            **(headers or {}),
        },
    )


def test_feedback_is_limited_per_resident_address_not_per_front_server(site):
    # FEEDBACK_RATE_LIMIT is 3 an address for this test.
    for _ in range(3):
        assert send_feedback(site, "127.0.0.2").status == 302
    assert send_feedback(site, "127.0.0.2").status == 429
    # A forged X-Forwarded-For does not make the same resident someone else.
    assert send_feedback(site, "127.0.0.2", {"X-Forwarded-For": "198.51.100.7"}).status == 429
    # Another resident, behind the same front, is not held back.
    assert send_feedback(site, "127.0.0.3").status == 302


def test_the_front_stops_a_flood_of_posts_and_oversized_bodies(site):
    # 30 POSTs a minute per address, in bursts of 20: a flood is answered 429 by nginx.
    statuses = []
    while 429 not in statuses and len(statuses) < 80:  # a slow machine refills the allowance
        statuses.append(site.request("POST", "/feedback/", source="127.0.0.5").status)
    assert statuses[-1] == 429
    assert len(statuses) > 20  # the burst went through first
    assert site.request("GET", "/", source="127.0.0.5").status == 200  # reading goes on
    assert site.request("POST", "/feedback/", source="127.0.0.6").status != 429  # others too
    # A resident's form is small; only staff uploads may be large.
    big = site.request("POST", "/feedback/", source="127.0.0.6", body=b"x" * (2 * 1024 * 1024))
    assert big.status == 413


def test_a_staff_save_through_one_app_server_shows_through_the_front_at_once(
    site, client, django_user_model
):
    for _ in range(2):
        cached = site.request("GET", "/")
    assert cached.headers["X-Page-Cache"] == "hit"
    assert "Budget hearing moved" not in cached.text

    staff = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    session = sign_in_with_second_factor(client, staff).cookies["sessionid"].value
    one = http.client.HTTPConnection("127.0.0.1", site.apps[0], timeout=20)
    as_staff = {"Host": HOST, "X-Forwarded-Proto": "https", "Cookie": f"sessionid={session}"}
    one.request("GET", "/admin/media_center/announcement/add/", headers=as_staff)
    add_form = one.getresponse()
    form_html = add_form.read().decode()
    assert add_form.status == 200, form_html[:500]
    csrf_cookie = next(
        value.split(";")[0].split("=", 1)[1]
        for value in add_form.headers.get_all("Set-Cookie")
        if value.startswith("csrftoken=")
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_html).group(1)
    from media_center.models import Announcement

    fields = admin_form_in_english(
        Announcement,
        {
            "csrfmiddlewaretoken": token,
            "title": "Budget hearing moved to 14 May",
            "slug": "budget-hearing-moved",
            "body": "",
            "link_url": "",
            "is_active": "on",
            "starts_at_0": "",
            "starts_at_1": "",
            "ends_at_0": "",
            "ends_at_1": "",
        },
    )
    from urllib.parse import urlencode

    one.request(
        "POST",
        "/admin/media_center/announcement/add/",
        body=urlencode(fields),
        headers={
            **as_staff,
            "Cookie": f"sessionid={session}; csrftoken={csrf_cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/admin/media_center/announcement/add/",
        },
    )
    saved = one.getresponse()
    assert saved.status == 302, saved.read().decode()[:2000]
    one.close()
    # Both app servers answer through the front, in turn: each shows the banner now.
    for _ in range(4):
        assert "Budget hearing moved to 14 May" in site.request("GET", "/").text


def test_stopping_one_app_server_loses_no_request(site):
    answers, stop = [], threading.Event()

    def browse():
        while not stop.is_set():
            answers.append(site.request("GET", "/areas/").status)

    browsers = [threading.Thread(target=browse) for _ in range(3)]
    for browser in browsers:
        browser.start()
    time.sleep(1)
    first = site.servers[site.apps[0]]
    first.send_signal(signal.SIGTERM)
    first.wait(timeout=40)
    time.sleep(2)
    # A resident's POST after the stop reaches the other server too.
    sent = send_feedback(site, "127.0.0.4")
    stop.set()
    for browser in browsers:
        browser.join(timeout=30)
    assert sent.status == 302
    assert len(answers) > 20
    assert set(answers) == {200}
    # The front did meet the stopped server, and sent those requests on.
    assert f"127.0.0.1:{site.apps[0]}" in site.error_log.read_text()
