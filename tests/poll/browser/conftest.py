"""The browser harness of tests/browser (one daphne, one Chromium) for the poll's browser test.

A package of its own: the harness lives at package scope, so Playwright's loop leaves the
main thread free again before the poll's other tests run (tests/browser/conftest.py).
"""

from tests.browser.conftest import (  # noqa: F401
    browser,
    chromium_available,
    danish_catalogue,
    daphne_server,
    pytest_runtest_makereport,
    screens,
)
