"""A seminar whose second item is a poll, on now."""

import pytest

from program import services as program_services
from tests import factories

OPTIONS = ["Rekruttering", "Trivsel", "Digitalisering"]


def make_poll(seminar, *, choice: str = "single", options=None, on: bool = True):
    item = factories.items(seminar)[1]
    item.kind = "poll"
    item.settings = {
        "question": "Hvad skal vi tage fat på først?",
        "question_en": "What shall we take on first?",
        "options": list(options or OPTIONS),
        "options_en": ["Recruitment", "Well-being", ""][: len(options or OPTIONS)]
        + [""] * max(0, len(options or OPTIONS) - 3),
        "choice": choice,
    }
    item.save()
    if on:
        program_services.jump(seminar=seminar, version=None, item=item)
    return item


@pytest.fixture
def poll(seminar):
    return make_poll(seminar)


@pytest.fixture
def open_poll(poll):
    from program.poll import services

    services.open_poll(item=poll)
    return poll
