"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py`."""

import multiprocessing
import os

wsgi_app = "reform_site.wsgi:application"
# Loopback by default: the proxy in front is the only client, so nobody can
# reach gunicorn directly and forge X-Forwarded-For or X-Forwarded-Proto.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Load the app once in the master so workers share its memory.
preload_app = True
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 1000
max_requests_jitter = 100
timeout = 30
graceful_timeout = 30
accesslog = "-"
# No client address (%(h)s) in the log: the site keeps addresses only as keyed hashes.
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
