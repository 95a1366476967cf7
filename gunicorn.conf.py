"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py`."""

import multiprocessing
import os

from gunicorn.http import wsgi as _gunicorn_http

wsgi_app = "reform_site.wsgi:application"
# Loopback by default: the proxy in front is the only client, so nobody can
# reach gunicorn directly and forge X-Forwarded-For or X-Forwarded-Proto.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Load the app once in the master so workers share its memory.
preload_app = True
# Recycle workers now and then so a slow leak cannot grow without bound: at a
# report day's few thousand requests a second, 1,000 meant a restart every
# second; 50,000 is minutes apart. The jitter keeps workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 50_000))
max_requests_jitter = max_requests // 10
timeout = 30
graceful_timeout = 30
accesslog = "-"
# No client address (%(h)s) in the log: the site keeps addresses only as keyed hashes.
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Each instance its own control socket (for gunicornc), named after its bind
# address, in gunicorn's own folder for it: two instances on one host (a
# release beside the last, the benchmark beside the site) never share one.
_runtime = os.environ.get("XDG_RUNTIME_DIR", "")
_control_dir = _runtime if os.path.isdir(_runtime) else os.path.expanduser("~/.gunicorn")
control_socket = os.environ.get(
    "GUNICORN_CONTROL_SOCKET",
    os.path.join(
        _control_dir, "reform-{}.ctl".format("".join(c if c.isalnum() else "-" for c in bind))
    ),
)

# gunicorn has no setting to leave out its "Server: gunicorn" header: take the
# line out of the headers it writes. Nothing else tells a visitor what runs here.
_default_headers = _gunicorn_http.Response.default_headers


def _headers_without_server_name(self):
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


_gunicorn_http.Response.default_headers = _headers_without_server_name


def on_starting(server):
    """Stop at once, with one line naming the database's host and port, if it does not answer."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reform_site.settings")
    django.setup()  # already done when the app was preloaded; cheap then
    from core.health import exit_unless_database_answers

    exit_unless_database_answers()
