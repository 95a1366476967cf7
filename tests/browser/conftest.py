"""Real Chromium through Playwright, kept off the network.

Without Chromium these tests skip with a reason; with REQUIRE_SERVICES set (CI)
a missing browser is a failure instead (see tests/services.py).

Playwright's sync API marks its event loop as running in the test thread from
the first browser test until the end of the session, and Django refuses ORM
calls while a loop runs there. The calls a browser test makes (factories, the
database set-up and flush around it) are still synchronous and safe, so
DJANGO_ALLOW_ASYNC_UNSAFE is set while a browser test runs, and only then;
browser tests run last, so that no other test runs beside that loop.
"""

import os
import shutil

import pytest

from tests.services import must_be_present

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def is_browser_test(item):
    return item.get_closest_marker("browser") is not None


@pytest.hookimpl(trylast=True)  # after pytest-django has put transactional tests last
def pytest_collection_modifyitems(config, items):
    items.sort(key=is_browser_test)  # stable: browser tests last, the rest in their order
    if os.access(CHROMIUM, os.X_OK) or shutil.which("chromium"):
        return
    if must_be_present("REQUIRE_BROWSER"):
        raise pytest.UsageError(
            f"Chromium is missing at {CHROMIUM}, and REQUIRE_SERVICES (or REQUIRE_BROWSER) "
            "says it must be there."
        )
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}; install Debian's chromium.")
    for item in items:
        if is_browser_test(item):
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Set DJANGO_ALLOW_ASYNC_UNSAFE for a browser test's set-up, run and tear-down.

    Not an autouse fixture: the database fixtures are set up before it and torn
    down after it, and the flush after a browser test needs the flag too.
    """
    if not is_browser_test(item):
        return (yield)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        return (yield)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_ARGS}


@pytest.fixture
def axe_check(page):
    """Run axe on the current page and fail with its report on any WCAG 2.2 AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    def check():
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()

    return check
