"""Hole 3: the join-code limits count the address the trusted proxy saw, and a whole seminar
stops taking codes after too many wrong ones, whatever addresses they come from."""

from django.core.cache import caches
from django.test import Client, RequestFactory, override_settings

from seminar import access, throttle

PROXY_SAW = "198.51.100.7"  # the address nginx appended: the client cannot change it


def join(client: Client, seminar, code: str, forwarded: str = "", remote: str = "127.0.0.1"):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post(
        f"/s/{seminar.slug}/join/",
        {"code": code},
        REMOTE_ADDR=remote,
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )


@override_settings(TRUSTED_PROXY_COUNT=1, JOIN_CODE_ATTEMPTS=10)
def test_forged_first_forwarded_entry_does_not_escape_the_address_limit(seminar, participant):
    # As daphne with `--proxy-headers` reports it, the address is the forged first entry.
    client = Client()
    statuses = [
        join(
            client, seminar, "WRONG1", f"203.0.113.{i}, {PROXY_SAW}", remote=f"203.0.113.{i}"
        ).status_code
        for i in range(40)
    ]

    assert statuses == [400] * 10 + [429] * 30
    right = join(client, seminar, participant.code, f"203.0.113.99, {PROXY_SAW}")
    assert right.status_code == 429
    assert "Too many attempts" in right.content.decode()
    assert access.bound_participant(client.session, seminar) is None


@override_settings(TRUSTED_PROXY_COUNT=1, JOIN_CODE_ATTEMPTS=3)
def test_each_real_address_has_its_own_limit(seminar, participant):
    for _ in range(3):
        join(Client(), seminar, "WRONG1", f"203.0.113.1, {PROXY_SAW}")

    assert join(Client(), seminar, "WRONG1", f"203.0.113.1, {PROXY_SAW}").status_code == 429
    other_address = join(Client(), seminar, participant.code, "203.0.113.1, 198.51.100.8")
    assert other_address.status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=0, JOIN_CODE_ATTEMPTS=3)
def test_without_trusted_proxies_the_forwarded_header_is_ignored(seminar):
    statuses = [join(Client(), seminar, "WRONG1", f"203.0.113.{i}").status_code for i in range(5)]

    assert statuses == [400, 400, 400, 429, 429]


def test_client_address_counts_trusted_proxies_from_the_right(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5, 10.0.0.1"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert throttle.client_address(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert throttle.client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 2
    assert throttle.client_address(request) == "203.0.113.5"
    settings.TRUSTED_PROXY_COUNT = 4  # more proxies than entries: not through them all
    assert throttle.client_address(request) == "10.0.0.2"


@override_settings(TRUSTED_PROXY_COUNT=1, JOIN_CODE_ATTEMPTS=10, JOIN_WRONG_CODES=20)
def test_wrong_codes_from_many_addresses_pause_code_entry_for_the_seminar(seminar, participant):
    for i in range(20):  # one wrong code from each of 20 addresses: no address is over its limit
        assert join(Client(), seminar, "WRONG1", f"203.0.113.1, 198.51.100.{i}").status_code == 400

    phone = Client()
    refused = join(phone, seminar, participant.code, f"203.0.113.1, {PROXY_SAW}")
    page = Client().get(f"/s/{seminar.slug}/join/", HTTP_ACCEPT_LANGUAGE="en")

    assert refused.status_code == 429
    assert "Code entry is paused" in refused.content.decode()
    assert access.bound_participant(phone.session, seminar) is None
    assert page.status_code == 429
    assert "Code entry is paused" in page.content.decode()
    assert 'name="code"' not in page.content.decode()
    # A facilitator can still let people in by their personal link.
    assert phone.get(f"/p/{participant.token}/").status_code == 302
    assert access.bound_participant(phone.session, seminar) == participant


@override_settings(JOIN_WRONG_CODES=3)
def test_the_pause_is_per_seminar(seminar, participant):
    from tests import factories

    other = factories.seminar()
    guest = factories.participant(other)
    for i in range(3):
        join(Client(), seminar, "WRONG1", remote=f"203.0.113.{i}")

    assert join(Client(), seminar, participant.code).status_code == 429
    assert join(Client(), other, guest.code).status_code == 302


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },  # nothing listens there: refused at once
    }
)
def test_counters_let_requests_through_when_the_cache_fails(monkeypatch):
    # The counters' cache is swapped for a real Redis client pointed at a closed port.
    monkeypatch.setattr(throttle, "cache", caches["down"])

    assert throttle.hit("join-attempts:1:203.0.113.1", 60) == 0  # not raised: let through
    assert throttle.count("join-attempts:1:203.0.113.1") == 0
    throttle.reset("join-attempts:1:203.0.113.1")  # does not raise
