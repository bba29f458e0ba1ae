"""Fixtures of the live layer's fault tests."""

import pytest

from tests.seminar.outage import PrivateRedis


@pytest.fixture
def private_redis():
    """A Redis of the test's own on a free port, to stop, freeze and start again."""
    server = PrivateRedis().start()
    yield server
    server.stop()
