"""Every activity's live regions are declared once and rendered one way
(seminar/live/regions.py)."""

import re
from pathlib import Path

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.test.utils import override_settings

from program import activities
from program.questions import regions as question_regions
from program.questions import services as questions
from seminar import live
from seminar.live import publishing, regions
from seminar.live.regions import Region, Scope
from tests import factories

SNAPSHOT_PARTS = (
    "room_regions",
    "group_regions",
    "person_regions",
    "tablet_regions",
    "projector_context",
)


def template_source(name: str) -> str:
    """The file behind a template name, wherever the loaders find it (an app inside program/
    too)."""
    path = name.split("#", 1)[0]
    try:
        return Path(get_template(path).origin.name).read_text(encoding="utf-8")
    except TemplateDoesNotExist:
        raise AssertionError(f"no template {path}") from None


def declared() -> list[tuple[str, Region]]:
    return [(kind.key, region) for kind in activities.all_kinds() for region in kind.regions]


def test_every_interactive_kind_declares_regions():
    bare = [kind.key for kind in activities.all_kinds() if kind.interactive and not kind.regions]
    assert bare == []


def test_no_kind_renders_a_region_its_own_way():
    for kind in activities.all_kinds():
        for part in SNAPSHOT_PARTS:
            assert getattr(type(kind), part) is getattr(activities.ActivityKind, part), (
                kind.key,
                part,
            )


@pytest.mark.parametrize(
    ("kind", "region"), declared(), ids=lambda value: getattr(value, "element_id", value)
)
def test_a_declared_element_id_is_in_its_template(kind, region):
    source = template_source(region.template)
    partial = region.template.partition("#")[2]
    if partial:
        match = re.search(
            r"{%\s*partialdef\s+" + re.escape(partial) + r"\b(.*?){%\s*endpartialdef", source, re.S
        )
        assert match, f"{kind}: no partial {partial} in {region.template}"
        source = match.group(1)
    assert f'id="{region.element_id}' in source, (
        f"{kind}: {region.template} has no #{region.element_id}"
    )


@pytest.fixture
def questions_on(seminar):
    from program import services as program_services

    item = factories.items(seminar)[1]
    item.kind = "questions"
    item.save()
    program_services.jump(seminar=seminar, version=1, item=item)
    return item


@pytest.mark.django_db
def test_a_region_renders_once_per_listened_language_in_that_language(questions_on, monkeypatch):
    heard = {"participant-da": True, "participant-en": True}
    monkeypatch.setattr(
        publishing, "listening", lambda _, names: [heard.get(name, False) for name in names]
    )

    frames = dict(
        regions.frames(questions_on.day.seminar_id, questions_on, [question_regions.ROOM])
    )

    assert set(frames) == {"participant-da", "participant-en"}
    assert "Spørgsmål fra salen" in frames["participant-da"]
    assert "Questions from the room" in frames["participant-en"]


@pytest.mark.django_db
def test_no_screen_listening_means_no_render(questions_on, monkeypatch):
    monkeypatch.setattr(publishing, "listening", lambda _, names: [False] * len(names))
    calls = []
    counted = Region(
        "x", question_regions.ROOM.template, Scope.TABLETS, lambda item, _: calls.append(item) or {}
    )

    assert list(regions.frames(questions_on.day.seminar_id, questions_on, [counted])) == []
    assert calls == []


@pytest.mark.django_db
def test_a_persons_region_is_pushed_as_a_resync_of_that_phone(questions_on, participant):
    frames = list(
        regions.frames(
            questions_on.day.seminar_id, questions_on, [question_regions.MARKS], target=participant
        )
    )

    assert frames == [(f"person-{participant.pk}", live.RESYNC_OWN)]


@pytest.mark.django_db(transaction=True)
@override_settings(LANGUAGES=[("da", "Dansk")])
def test_the_snapshot_and_the_push_render_the_same_region(questions_on, participant):
    import uuid

    from tests.pushes import Listener

    listener = Listener(questions_on.day.seminar_id, "participant-da")
    questions.ask(
        item=questions_on, author=participant, text="Hvordan?", key=uuid.uuid4(), anonymous=False
    )
    pushed = [frame for frame in listener.frames() if "Hvordan?" in frame]

    snapshot = activities.get("questions").room_regions(questions_on)

    assert pushed == [snapshot]
