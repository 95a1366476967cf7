"""Abuse protection for the intake: the form token, client fingerprints and the rate limit.

Written on Django's cache rather than with django-ratelimit: that library refuses
to start on the local-memory cache this project uses in development (its system
check ``django_ratelimit.E003``), warns about Django's own Redis backend, keys
its counters on an unsalted hash of the raw address, and answers with a 403
where we need a 429 page that gives the person their text back. What we need
is an atomic counter per client and window, which the cache already provides.
"""

import ipaddress
import logging
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.utils.crypto import salted_hmac

SIGNING_NAMESPACE = "feedback.form-token"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FormToken:
    """What the form's hidden token says: its one-time id and when the form was first shown.

    ``given_back`` marks a token the server put into a form it gave back because
    the form's own token was missing or altered (see ``token_for_form_given_back``).
    """

    id: str
    issued_at: float
    given_back: bool = False

    def age(self, now=None):
        return (time.time() if now is None else now) - self.issued_at


def new_form_token(now=None, *, given_back=False):
    """A signed token for a blank form: a one-time id plus the time it was shown."""
    issued = int(time.time() if now is None else now)
    payload = {"id": secrets.token_hex(16), "at": issued}
    if given_back:
        payload["back"] = 1
    return signing.dumps(payload, salt=SIGNING_NAMESPACE)


def token_for_form_given_back(value):
    """The token for a form given back after a refusal: its own if it still verifies.

    A token that verifies keeps the time the form was first shown, so someone
    who already took their time can press “Send” again at once. Otherwise the
    form gets a fresh token dated now: the minimum time starts again, so leaving
    the token out is no way around it. Fresh tokens are marked ``given_back``
    so that pressing “Send” again too quickly returns the form once more rather
    than dropping the person's text as a bot's.
    """
    if read_form_token(value) is not None:
        return value
    return new_form_token(given_back=True)


def read_form_token(value):
    """The ``FormToken`` in ``value``, or None if it is missing, altered or malformed."""
    try:
        data = signing.loads(value or "", salt=SIGNING_NAMESPACE)
        return FormToken(
            id=str(data["id"])[:64],
            issued_at=float(data["at"]),
            given_back=bool(data.get("back")),
        )
    except (signing.BadSignature, AttributeError, KeyError, TypeError, ValueError):
        return None


def client_address(request):
    """The sender's address: the peer, or the one our own proxies recorded in X-Forwarded-For.

    Only the last FEEDBACK_TRUSTED_PROXIES entries are ours; anything further
    left was written by the client and could be forged to dodge the limit.
    """
    proxies = settings.FEEDBACK_TRUSTED_PROXIES
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_fingerprint(request):
    """A keyed hash of the sender's address; the address itself is never stored.

    IPv6 addresses count by their /64 network, since one household or phone
    can use any address in it.
    """
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
        if parsed.version == 6 and not parsed.ipv4_mapped:
            address = str(ipaddress.ip_network(f"{parsed}/64", strict=False))
        elif parsed.version == 6:
            address = str(parsed.ipv4_mapped)
    except ValueError:
        pass  # not an address (a test client, a misconfigured proxy): hash what we have
    secret = settings.FEEDBACK_HASH_SALT or settings.SECRET_KEY
    return salted_hmac(
        "feedback.client-address", address, secret=secret, algorithm="sha256"
    ).hexdigest()


@dataclass(frozen=True)
class RateDecision:
    """Whether a submission is within the rate limit, and if not, when to try again."""

    allowed: bool
    retry_after: int  # seconds until the current window ends


def count_submission(fingerprint, *, now=None, cache_alias="default"):
    """Count one submission from ``fingerprint`` and say whether it is within the limit.

    A fixed window of FEEDBACK_RATE_LIMIT = (submissions, seconds), counted with
    the cache's atomic add and incr, so several app servers sharing a Redis
    cache share one count. At a window's edge a sender may fit up to twice the
    limit into a short span, which is fine for stopping floods. If the cache is
    unreachable the submission is allowed (and the failure logged).
    """
    limit, seconds = settings.FEEDBACK_RATE_LIMIT
    now = time.time() if now is None else now
    window = int(now // seconds)
    key = f"feedback:rate:{fingerprint}:{window}"
    store = caches[cache_alias]
    try:
        store.add(key, 0, timeout=seconds + 60)
        try:
            used = store.incr(key)
        except ValueError:  # evicted between add and incr
            store.set(key, 1, timeout=seconds + 60)
            used = 1
    except Exception:
        # A cache that is down must not cost anyone their message: let it through.
        logger.exception("The feedback rate limit could not be checked; allowing this one.")
        used = 0
    return RateDecision(allowed=used <= limit, retry_after=int(seconds - now % seconds) + 1)
