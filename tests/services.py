"""Services a few tests need: Chromium for the browser tests, Redis for the shared rate limit.

Where one is missing, the tests that need it skip with a reason. With
REQUIRE_SERVICES=1 (CI sets it) a missing service fails the run instead, so it
cannot pass by skipping. REQUIRE_BROWSER=1, the older name, still requires Chromium.
"""

import os

OFF = {"", "0", "false", "no"}


def must_be_present(*also):
    """Whether a missing service must fail the run: REQUIRE_SERVICES, or one of ``also``, is set."""
    return any(os.environ.get(name, "").lower() not in OFF for name in ("REQUIRE_SERVICES", *also))
