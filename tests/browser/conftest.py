"""Browser tests: a real daphne serving the test database, Debian's Chromium as the screens.

One daphne process and one Chromium serve the whole `tests/browser` package; each screen
(tablet, projector, phone) gets a fresh browser context, so it has its own cookies, as
separate devices would. Data is committed (`django_db(transaction=True)`) so that the
daphne process sees it.

Both live at *package* scope, not session scope: Playwright's sync API keeps an event
loop running in the main thread, and the tests that run after this package (consumer
tests with `async_to_sync`, plain ORM tests) need that thread free of it again.
"""

import os
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

# Earlier tests imported the page helpers from here; new ones import tests.browser.helpers.
from tests.browser.helpers import (  # noqa: F401
    EXPECT_TIMEOUT_MS,
    in_thread,
    mark_loaded,
    wait_live,
    was_not_reloaded,
)
from tests.browser.screens import Screens
from tests.browser.server import DaphneServer, collect_static, database_url, free_port
from tests.conftest import need

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DANISH_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.mo"
CATALOGUE_WAIT_SECONDS = 60


@pytest.fixture(scope="package", autouse=True)
def chromium_available():
    need(
        CHROMIUM.exists(),
        f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests",
    )


@pytest.fixture(scope="package")
def danish_catalogue() -> Path:
    """The compiled Danish catalogue; the UI is asserted in Danish. Waits while it is being
    built."""
    deadline = time.monotonic() + CATALOGUE_WAIT_SECONDS
    while not DANISH_CATALOGUE.exists() and time.monotonic() < deadline:
        time.sleep(1)
    need(DANISH_CATALOGUE.exists(), f"{DANISH_CATALOGUE} is missing: run `make messages`")
    return DANISH_CATALOGUE


@pytest.fixture(scope="package")
def daphne_server(django_db_setup, danish_catalogue) -> DaphneServer:
    collect_static()
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        {
            "DATABASE_URL": database_url(),
            "BASE_URL": f"http://127.0.0.1:{port}",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "false",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    # Not under pytest's basetemp: parallel pytest runs on this machine prune it.
    handle, log_path = tempfile.mkstemp(prefix="daphne-", suffix=".log")
    os.close(handle)
    server = DaphneServer(port, env, Path(log_path))
    try:
        server.start()
        yield server
    finally:
        server.stop()
        server.log_path.unlink(missing_ok=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test shows what the server said meanwhile."""
    report = yield
    server = getattr(item, "funcargs", {}).get("daphne_server")
    if report.failed and isinstance(server, DaphneServer):
        report.sections.append(("daphne log (last lines)", server.log_tail()))
    return report


# --- The browser --------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser(chromium_available):
    # Playwright's loop runs in this thread from here on; the ORM calls the tests and
    # pytest-django make meanwhile are plain synchronous calls all the same.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def screens(browser, daphne_server):
    daphne_server.start()  # in case a test that stopped it failed before starting it again
    screens = Screens(browser, daphne_server)
    yield screens
    # Close the sockets before pytest-django empties the database under them.
    screens.close()
    assert not screens.problems, "\n".join(screens.problems)
