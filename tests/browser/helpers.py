"""What the browser tests do to pages: wait for the socket, mark a load, run axe."""

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from playwright.sync_api import expect

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
EXPECT_TIMEOUT_MS = 5_000


def wait_live(page) -> None:
    """Until the page's websocket is open (it has then had the full state as its snapshot)."""
    status = page.locator("#live-status")
    expect(status).to_have_class(re.compile(r"\bis-online\b"))
    expect(status).to_have_text(status.get_attribute("data-online"))


def mark_loaded(page) -> None:
    """Leave a mark in the page's window; a reload would wipe it."""
    page.evaluate("window.__loaded = 1")


def was_not_reloaded(page) -> bool:
    return page.evaluate("window.__loaded === 1")


def in_thread(function, /, *args, **kwargs):
    """Run a service off the main thread, where Playwright's loop would break its
    `async_to_sync` publish; the push then goes out as it would from a web request."""
    from django.db import connections

    def work():
        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core on the page (its context must bypass CSP) and keep the grave findings."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [violation for violation in violations if violation["impact"] in impacts]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            lines.append(
                f"    {' '.join(map(str, node['target']))}: "
                f"{node['failureSummary'].splitlines()[-1].strip()}"
            )
            lines.append(f"      {node['html'][:160]}")
    return "\n".join(lines)


def open_program(tablet) -> None:
    """Unfold the tablet's program (folded so that the current item comes first)."""
    fold = tablet.locator("#agenda-fold")
    if fold.get_attribute("open") is None:
        fold.locator(":scope > summary").click()
    expect(fold).to_have_attribute("open", "")
