"""The big groups' 2017 goals: version-checked edits, the lock, the history, handshakes."""

import threading
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.db import connection

from goals.models import Goal, GoalRevision, Handshake
from goals.services import Locked, NotAllowed, NotOpen, Stale, show_on_projector
from goals.shared_goals import services
from tests.goals.conftest import go, phone_of
from tests.sockets import screen

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> hx-get="/run/step/"'


def save(room, author, version, what="Flere frivillige i 2017", key=None, why="", how=""):
    return services.save_goal(item=room.writing, author=author, version=version, key=key or uuid.uuid4(),
                              what=what, why=why, how_we_know=how)


def test_goal_first_save_creates_it_with_a_revision(room):
    goal = save(room, room.anna, 0, why="Fordi", how="Vi tæller")

    assert (goal.group, goal.version, goal.what, goal.why, goal.how_we_know) == (
        room.big[0], 1, "Flere frivillige i 2017", "Fordi", "Vi tæller")
    assert list(GoalRevision.objects.values_list("version", "what", "by_participant")) == [
        (1, "Flere frivillige i 2017", room.anna.pk)]


def test_goal_save_on_an_older_version_is_refused_with_the_newer_text(room):
    save(room, room.anna, 0)
    save(room, room.bo, 1, what="Bo's tekst")

    with pytest.raises(Stale) as refused:
        save(room, room.anna, 1, what="Annas tekst")

    assert (refused.value.current.version, refused.value.current.what) == (2, "Bo's tekst")
    assert Goal.objects.get().what == "Bo's tekst"


def test_goal_save_retried_with_the_same_key_is_stored_once(room):
    key = uuid.uuid4()
    save(room, room.anna, 0, key=key)

    again = save(room, room.anna, 0, key=key)

    assert again.version == 1
    assert GoalRevision.objects.count() == 1


def test_goal_cannot_be_written_by_someone_outside_the_groups(room, seminar):
    from tests import factories

    outsider = factories.participant(seminar)

    with pytest.raises(NotAllowed):
        save(room, outsider, 0)


def test_locked_goal_refuses_members_but_not_a_facilitator(room, facilitator):
    goal = save(room, room.anna, 0)
    services.lock_goal(goal=goal, user=facilitator)

    with pytest.raises(Locked):
        save(room, room.bo, 1, what="Efter låsen")
    revised = services.revise_goal(goal=goal, user=facilitator, version=1, key=uuid.uuid4(),
                                   what="Rettet af facilitator", why="", how_we_know="")

    assert (revised.version, revised.what) == (2, "Rettet af facilitator")
    assert GoalRevision.objects.get(version=2).by_user == facilitator


@pytest.mark.django_db(transaction=True)
def test_two_members_saving_at_once_one_wins_and_the_other_is_refused(room):
    save(room, room.anna, 0, what="Start")
    barrier = threading.Barrier(2)
    outcomes = []

    def member_saves(author, text):
        try:
            barrier.wait()
            save(room, author, 1, what=text)
            outcomes.append("saved")
        except Stale as stale:
            outcomes.append(f"stale, shown v{stale.current.version}")
        except Exception as error:
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=member_saves, args=(p, p.name)) for p in (room.anna, room.bo)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["saved", "stale, shown v2"], outcomes
    goal = Goal.objects.get()
    assert goal.version == 2 and goal.what in ("Anna Leder", "Bo Medlem")
    assert list(goal.revisions.order_by("version").values_list("what", flat=True)) == ["Start", goal.what]


def test_stale_save_on_the_phone_shows_the_newer_text_and_keeps_mine(room):
    go(room.seminar, room.writing)
    save(room, room.anna, 0, what="Annas første")
    save(room, room.anna, 1, what="Annas anden")
    bo = phone_of(room.bo)

    response = bo.post(f"/s/{room.seminar.slug}/goals/goal/{room.writing.pk}/write/",
                       {"key": str(uuid.uuid4()), "version": "1", "what": "Bos forslag"},
                       HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 409
    assert "Not saved: this text was changed on another screen" in html
    assert ">\nAnnas anden</textarea>" in html and "Bos forslag" in html
    assert 'name="version" value="2"' in html
    assert Goal.objects.get().what == "Annas anden"


def test_phone_writes_the_goal_and_gets_the_new_version(room):
    go(room.seminar, room.writing)
    anna = phone_of(room.anna)
    panel = anna.get(f"/s/{room.seminar.slug}/panel/{room.writing.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    key = panel.split('name="key" value="', 1)[1].split('"', 1)[0]

    response = anna.post(f"/s/{room.seminar.slug}/goals/goal/{room.writing.pk}/write/",
                         {"key": key, "version": "0", "what": "Samskabelse i hver forvaltning"},
                         HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Saved. The group sees it now." in response.content.decode()
    assert 'name="version" value="1"' in response.content.decode()
    assert Goal.objects.get().what == "Samskabelse i hver forvaltning"


def test_locked_goal_on_the_phone_gives_a_clear_error(room, facilitator_client):
    go(room.seminar, room.writing)
    goal = save(room, room.anna, 0)
    facilitator_client.post(f"/s/{room.seminar.slug}/run/goals/goal/{goal.pk}/act/", {"action": "lock"})

    response = phone_of(room.bo).post(f"/s/{room.seminar.slug}/goals/goal/{room.writing.pk}/write/",
                                      {"key": str(uuid.uuid4()), "version": "1", "what": "Ændret"},
                                      HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 409
    assert "The goal is locked. Ask a facilitator to change it." in response.content.decode()
    assert Goal.objects.get().what == "Flere frivillige i 2017"


def test_a_participant_cannot_lock_or_revise_a_goal(room):
    goal = save(room, room.anna, 0)
    anna = phone_of(room.anna)

    locked = anna.post(f"/s/{room.seminar.slug}/run/goals/goal/{goal.pk}/act/", {"action": "lock"})
    revised = anna.post(f"/s/{room.seminar.slug}/run/goals/goal/{goal.pk}/",
                        {"key": str(uuid.uuid4()), "version": "1", "what": "Kapret"})

    assert (locked.status_code, revised.status_code) == (302, 302)
    goal.refresh_from_db()
    assert (goal.locked, goal.what) == (False, "Flere frivillige i 2017")


def test_facilitator_sees_the_history_of_a_goal(room, facilitator_client):
    save(room, room.anna, 0, what="Første udkast")
    goal = save(room, room.bo, 1, what="Andet udkast")

    html = facilitator_client.get(f"/s/{room.seminar.slug}/run/goals/goal/{goal.pk}/",
                                  HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert html.index('id="revision-2"') < html.index("Andet udkast", html.index('id="revision-2"'))
    history = html[html.index('id="revision-2"'):]
    assert "Bo Medlem" in history and "Første udkast" in history and "Anna Leder" in history


def test_handshake_counts_once_per_person(room):
    goal = save(room, room.anna, 0)

    first = services.shake_hands(goal=goal, participant=room.bo)
    again = services.shake_hands(goal=goal, participant=room.bo)

    assert (first, again) == (True, False)
    assert Handshake.objects.filter(goal=goal).count() == 1


def test_handshake_is_for_the_phone_owner_only(room):
    goal = save(room, room.anna, 0)
    go(room.seminar, room.plenum)
    bo = phone_of(room.bo)

    response = bo.post(f"/s/{room.seminar.slug}/goals/goal/{goal.pk}/shake/",
                       {"participant": room.cai.pk}, HTTP_HX_REQUEST="true")
    bo.post(f"/s/{room.seminar.slug}/goals/goal/{goal.pk}/shake/", HTTP_HX_REQUEST="true")

    assert response.content.decode() == (
        f'<div id="my-marks" data-version="2" data-marks="g-{goal.pk} " hidden></div>')
    assert list(Handshake.objects.values_list("participant", flat=True)) == [room.bo.pk]


def test_handshake_needs_a_bound_phone_and_a_visible_goal(room, client):
    goal = save(room, room.anna, 0)
    services.hide_goal(goal=goal)

    anonymous = client.post(f"/s/{room.seminar.slug}/goals/goal/{goal.pk}/shake/")
    with pytest.raises(NotOpen):
        services.shake_hands(goal=goal, participant=room.bo)

    assert anonymous.status_code == 403
    assert not Handshake.objects.exists()


def test_hostile_goal_shows_as_text_on_the_projector_with_its_handshakes(room, projector_client):
    goal = save(room, room.anna, 0, what=HOSTILE)
    go(room.seminar, room.plenum)
    show_on_projector(item=room.plenum, what="goal", ref=goal.pk)
    services.shake_hands(goal=goal, participant=room.bo)

    html = projector_client.get(f"/s/{room.seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert '<span class="count">1</span> handshake' in html and "<li><bdi>Bo Medlem</bdi></li>" in html


def test_hidden_goal_leaves_the_projector_and_the_phones(room, facilitator_client, projector_client):
    goal = save(room, room.anna, 0, what="Skal skjules")
    go(room.seminar, room.plenum)
    show_on_projector(item=room.plenum, what="goal", ref=goal.pk)

    facilitator_client.post(f"/s/{room.seminar.slug}/run/goals/goal/{goal.pk}/act/", {"action": "hide"})

    assert "Skal skjules" not in projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()
    assert "Skal skjules" not in phone_of(room.cai).get(f"/s/{room.seminar.slug}/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_handshakes_reach_the_projector_live_with_count_and_names(room, projector_client):
    goal = save(room, room.anna, 0)
    go(room.seminar, room.plenum)
    show_on_projector(item=room.plenum, what="goal", ref=goal.pk)

    async def scenario():
        projector = screen(room.seminar.slug, "projector", projector_client)
        await projector.connect()
        snapshot = await projector.receive_from(timeout=2)
        assert '<span class="count">0</span>' in snapshot
        await database_sync_to_async(services.shake_hands)(goal=goal, participant=room.bo)
        first = await projector.receive_from(timeout=2)
        await database_sync_to_async(services.shake_hands)(goal=goal, participant=room.cai)
        second = await projector.receive_from(timeout=2)
        await projector.disconnect()
        return first, second

    first, second = async_to_sync(scenario)()

    assert first.startswith('<div id="goal-handshakes"') and '<span class="count">1</span>' in first
    assert '<span class="count">2</span>' in second
    assert "<li><bdi>Bo Medlem</bdi></li><li><bdi>Cai Leder</bdi></li>" in second


@pytest.mark.django_db(transaction=True)
def test_a_revised_goal_reaches_the_projector_and_the_plenums_phones_live(room, facilitator,
                                                                          projector_client):
    goal = save(room, room.anna, 0, what="Første udkast")
    go(room.seminar, room.plenum)
    show_on_projector(item=room.plenum, what="goal", ref=goal.pk)
    cai = phone_of(room.cai)

    async def scenario():
        projector = screen(room.seminar.slug, "projector", projector_client)
        phone = screen(room.seminar.slug, "participant", cai)
        for socket in (projector, phone):
            await socket.connect()
            await socket.receive_from(timeout=2)
        await database_sync_to_async(services.revise_goal)(
            goal=goal, user=facilitator, version=1, key=uuid.uuid4(), what="Andet udkast", why="",
            how_we_know="")
        shown = await projector.receive_from(timeout=2)
        listed = await phone.receive_from(timeout=2)
        for socket in (projector, phone):
            await socket.disconnect()
        return shown, listed

    shown, listed = async_to_sync(scenario)()

    assert shown.startswith('<section id="projected-goal"') and "Andet udkast" in shown
    assert '<span class="count">0</span>' in shown
    assert listed.startswith('<section id="goals-plenum"') and "Andet udkast" in listed
