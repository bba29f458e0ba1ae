"""A participant's phone on the venue's wifi: the first load is small and stays on our host."""

from urllib.parse import urlsplit

import pytest

from tests import factories
from tests.browser.helpers import wait_live

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Issue 13: a phone's first load, everything compressed, before photos.
BUDGET_BYTES = 30 * 1000


class Transfers:
    """Bytes on the wire per response, as Chromium counts them (headers + compressed body)."""

    def __init__(self, cdp) -> None:
        self.urls: dict[str, str] = {}
        self.responses: list[tuple[str, int]] = []
        self.socket_frames: list[int] = []
        cdp.on("Network.requestWillBeSent", self.request_sent)
        cdp.on("Network.loadingFinished", self.loading_finished)
        cdp.on("Network.webSocketCreated", lambda event: self.urls.__setitem__(event["requestId"], event["url"]))
        cdp.on("Network.webSocketFrameReceived",
               lambda event: self.socket_frames.append(len(event["response"]["payloadData"].encode())))
        cdp.send("Network.enable")

    def request_sent(self, event: dict) -> None:
        if redirect := event.get("redirectResponse"):  # the personal link answers with a redirect
            self.responses.append((f"{redirect['url']} (redirect)", int(redirect["encodedDataLength"])))
        self.urls[event["requestId"]] = event["request"]["url"]

    def loading_finished(self, event: dict) -> None:
        self.responses.append((self.urls.get(event["requestId"], "?"), int(event["encodedDataLength"])))

    @property
    def total(self) -> int:
        return sum(size for _, size in self.responses) + sum(self.socket_frames)

    def report(self) -> str:
        lines = [f"phone first load: {self.total} B transferred "
                 f"({len(self.responses)} HTTP responses, {len(self.socket_frames)} websocket frames "
                 f"of {sum(self.socket_frames)} B), budget {BUDGET_BYTES} B"]
        lines += [f"  {size:>7} B  {url}" for url, size in sorted(self.responses, key=lambda row: -row[1])]
        return "\n".join(lines)


def first_load(screens, participant) -> Transfers:
    page = screens.new_page()
    transfers = Transfers(page.context.new_cdp_session(page))
    page.goto(f"/p/{participant.token}/")
    wait_live(page)
    page.wait_for_load_state("networkidle")
    print(transfers.report())
    return transfers


def test_a_phone_on_the_reference_seminar_loads_under_30_kb(reference_seminar, screens, daphne_server):
    """The real program (two days, 26 items) on the page, the first item on."""
    from program import services as program_services

    program_services.step(seminar=reference_seminar, version=1, forward=True)
    participant = factories.participant(reference_seminar)

    transfers = first_load(screens, participant)

    # The socket's first snapshot would repeat the page (3.7 KB, uncompressed on the websocket;
    # 32.9 KB in all with it): the page's digest spares it (seminar/live/shown.py).
    assert not transfers.socket_frames, transfers.report()
    assert transfers.total <= BUDGET_BYTES, transfers.report()


def test_phone_first_load_is_under_30_kb_and_only_talks_to_our_host(seminar, screens, daphne_server):
    participant = factories.participant(seminar)
    page = screens.new_page()
    transfers = Transfers(page.context.new_cdp_session(page))

    page.goto(f"/p/{participant.token}/")
    wait_live(page)
    page.wait_for_load_state("networkidle")

    print(transfers.report())
    assert transfers.total <= BUDGET_BYTES, transfers.report()
    foreign = sorted({url for url in transfers.urls.values()
                      if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).netloc != daphne_server.netloc})
    assert not foreign, f"requests to other hosts: {foreign}"
    assert any(url.startswith(f"ws://{daphne_server.netloc}/") for url in transfers.urls.values()), transfers.urls
