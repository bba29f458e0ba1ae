"""The soapbox over HTTP: phones, the process leader's phone, the tablet; who may do and read
what."""

import re
import uuid

import pytest
from django.test import Client

from program.models import ActionPlan, SpeechDraft, SpeechFeedback
from program.soapbox import selectors, services, writing
from tests.program.soapbox_room import feedback, make_room, to_speeches, version

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
HX = {"HTTP_HX_REQUEST": "true", "HTTP_ACCEPT_LANGUAGE": "en"}
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def room(seminar):
    return make_room(seminar)


def phone(person) -> Client:
    client = Client()
    client.get(f"/p/{person.token}/")
    return client


def url(room, tail: str) -> str:
    return f"/s/{room.item.day.seminar.slug}/soapbox/{room.item.pk}/{tail}"


def lead(client, room, table, **data):
    return client.post(
        url(room, f"lead/{table.group.pk}/"), {"version": version(room, table), **data}, **HX
    )


def test_phone_in_a_group_holds_each_live_region_once(room):
    html = (
        phone(room.tables[0].members[0])
        .get(f"/s/{room.item.day.seminar.slug}/", **EN)
        .content.decode()
    )

    assert html.count('id="phone-group"') == 1 and html.count('id="activity-group"') == 1
    assert html.count(f'id="soapbox-{room.item.pk}-group"') == 1
    assert "Step 1 of 4" in html and "Prepare your speech" in html


def test_draft_autosaves_and_answers_with_its_new_version_not_the_text(room):
    author = room.tables[0].members[0]
    client = phone(author)

    response = client.post(
        url(room, "draft/"), {"draft-version": 0, "draft-message": "En kommune der lytter"}, **HX
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="draft-version" value="1"' in html and "Saved at" in html
    assert "En kommune der lytter" not in html
    assert SpeechDraft.objects.get(author=author).message == "En kommune der lytter"


def test_draft_saved_from_another_screen_is_not_overwritten(room):
    author = room.tables[0].members[0]
    writing.save_draft(item=room.item, author=author, version=0, parts={"reason": "Fra tabletten"})

    response = phone(author).post(
        url(room, "draft/"), {"draft-version": 0, "draft-reason": "Fra telefonen"}, **HX
    )

    assert response.status_code == 409
    assert "saved on another screen" in response.content.decode()
    assert 'name="draft-version" value="0"' in response.content.decode()
    assert SpeechDraft.objects.get(author=author).reason == "Fra tabletten"


def test_too_long_draft_part_gets_a_clear_message(room):
    response = phone(room.tables[0].members[0]).post(
        url(room, "draft/"), {"draft-version": 0, "draft-strengths": "x" * 2001}, **HX
    )

    assert response.status_code == 400
    assert "Keep it under 2000 characters (now 2001)." in response.content.decode()


def test_a_draft_is_read_by_its_author_only(room, facilitator_client, projector_client):
    table = room.tables[0]
    author, neighbour = table.members[0], table.members[1]
    writing.save_draft(
        item=room.item, author=author, version=0, parts={"message": "Min hemmelige tale"}
    )
    slug = room.item.day.seminar.slug

    mine = phone(author).get(url(room, "slot/draft/"), **HX).content.decode()
    theirs = phone(neighbour).get(url(room, "slot/draft/"), **HX).content.decode()
    pages = [
        phone(p).get(f"/s/{slug}/", **EN).content.decode()
        for p in (author, neighbour, table.leader)
    ]
    pages += [
        facilitator_client.get(f"/s/{slug}/run/", **EN).content.decode(),
        projector_client.get(f"/s/{slug}/projector/").content.decode(),
    ]

    assert "Min hemmelige tale" in mine
    assert "Min hemmelige tale" not in theirs
    assert all("Min hemmelige tale" not in page for page in pages)


def test_process_leader_moves_their_group_on_from_the_phone(room):
    table = room.tables[0]

    response = lead(phone(table.leader), room, table, action="next")

    assert response.status_code == 200
    assert "Next: Feedback" in response.content.decode()
    assert selectors.group_state(room.item, table.group).phase == "speeches"


def test_a_stale_press_shows_the_current_state_and_moves_nothing_more(room):
    table = room.tables[0]
    client = phone(table.leader)
    client.post(url(room, f"lead/{table.group.pk}/"), {"version": 1, "action": "next"}, **HX)

    response = client.post(
        url(room, f"lead/{table.group.pk}/"), {"version": 1, "action": "next"}, **HX
    )

    assert "changed on another screen" in response.content.decode()
    assert selectors.group_state(room.item, table.group).phase == "speeches"


@pytest.mark.parametrize("action", ["next", "start", "speakers"])
def test_a_participant_cannot_act_as_process_leader(room, action):
    table = room.tables[0]

    response = lead(phone(table.members[0]), room, table, action=action)

    assert response.status_code == 403
    state = selectors.group_state(room.item, table.group)
    assert (state.phase, state.version, selectors.lineup(room.item, table.group)) == (
        "prepare",
        1,
        [],
    )


def test_a_process_leader_cannot_run_another_group(room):
    mine, other = room.tables

    response = lead(phone(mine.leader), room, other, action="next")

    assert response.status_code == 403
    assert selectors.group_state(room.item, other.group).phase == "prepare"


def test_participants_cannot_use_the_facilitators_controls(room):
    table = room.tables[0]
    client = phone(table.leader)
    slug = room.item.day.seminar.slug

    one = client.post(
        f"/s/{slug}/run/soapbox/{room.item.pk}/{table.group.pk}/", {"version": 1, "action": "next"}
    )
    every = client.post(f"/s/{slug}/run/soapbox/{room.item.pk}/all/", {"phase": "plan"})

    assert one.status_code == every.status_code == 302  # to the login page
    assert selectors.group_state(room.item, table.group).phase == "prepare"


def test_facilitator_moves_one_group_or_all_from_the_tablet(room, facilitator_client):
    slug, first = room.item.day.seminar.slug, room.tables[0]

    one = facilitator_client.post(
        f"/s/{slug}/run/soapbox/{room.item.pk}/{first.group.pk}/",
        {"version": 1, "action": "next"},
        **HX,
    )
    every = facilitator_client.post(
        f"/s/{slug}/run/soapbox/{room.item.pk}/all/", {"phase": "plan"}, **HX
    )

    assert "2/4 Speeches" in one.content.decode()
    assert every.content.decode().count("4/4 Rework and action plan") == 2


def test_volunteer_shows_on_the_leaders_phone_and_the_leader_draws_three(room):
    table = room.tables[0]
    eager = table.members[1]
    phone(eager).post(url(room, "volunteer/"), {"volunteer": "yes"}, **HX)
    leader = phone(table.leader)
    assert eager.name in leader.get(f"/s/{room.item.day.seminar.slug}/", **EN).content.decode()

    response = lead(leader, room, table, action="speakers", volunteers=[eager.pk])

    lineup = selectors.lineup(room.item, table.group)
    assert [s.participant for s in lineup][0] == eager and len(lineup) == 3
    assert "Choose the speakers again" in response.content.decode()


def test_volunteering_twice_with_the_same_press_keeps_one_offer(room):
    client = phone(room.tables[0].members[1])

    client.post(url(room, "volunteer/"), {"volunteer": "yes"}, **HX)
    response = client.post(url(room, "volunteer/"), {"volunteer": "yes"}, **HX)

    assert 'aria-pressed="true"' in response.content.decode()
    assert selectors.volunteers(room.item, room.tables[0].group) == [room.tables[0].members[1]]


def test_feedback_over_http_is_stored_once_and_read_by_the_speaker_only(room):
    table = room.tables[0]
    speaker = to_speeches(room, table)
    author, bystander = [p for p in table.members if p.pk != speaker.participant_id][:2]
    client = phone(author)
    slot = client.get(url(room, f"slot/speaker-{speaker.pk}/"), **HX).content.decode()
    key = slot.split(f'name="fb{speaker.pk}-key" value="', 1)[1].split('"', 1)[0]
    data = {
        f"fb{speaker.pk}-key": key,
        f"fb{speaker.pk}-worked": "Godt øjenkontakt",
        f"fb{speaker.pk}-suggestion": "Sig mere om borgerne",
    }

    sent = client.post(url(room, f"feedback/{speaker.pk}/"), data, **HX)
    client.post(url(room, f"feedback/{speaker.pk}/"), data, **HX)
    services.move_phase(
        item=room.item, group=table.group, version=version(room, table), forward=True
    )
    slug = room.item.day.seminar.slug

    assert "only <bdi>%s</bdi> can read it" % speaker.participant.name in sent.content.decode()
    assert SpeechFeedback.objects.count() == 1
    assert (
        "Sig mere om borgerne"
        in phone(speaker.participant).get(f"/s/{slug}/", **EN).content.decode()
    )
    for other in (bystander, table.leader):
        assert "Sig mere om borgerne" not in phone(other).get(f"/s/{slug}/", **EN).content.decode()
        assert (
            "Sig mere om borgerne"
            not in phone(other).get(url(room, f"slot/speaker-{speaker.pk}/"), **HX).content.decode()
        )


def test_empty_feedback_gets_a_clear_message(room):
    table = room.tables[0]
    speaker = to_speeches(room, table)
    author = next(p for p in table.members if p.pk != speaker.participant_id)

    response = phone(author).post(
        url(room, f"feedback/{speaker.pk}/"),
        {f"fb{speaker.pk}-key": str(uuid.uuid4()), f"fb{speaker.pk}-worked": "  "},
        **HX,
    )

    assert response.status_code == 400
    assert "Write what worked, a suggestion, or both." in response.content.decode()


def test_another_groups_speaker_is_not_found(room):
    speaker = to_speeches(room, room.tables[0])
    outsider = phone(room.tables[1].members[0])

    assert outsider.get(url(room, f"slot/speaker-{speaker.pk}/"), **HX).status_code == 404
    response = outsider.post(
        url(room, f"feedback/{speaker.pk}/"),
        {f"fb{speaker.pk}-key": str(uuid.uuid4()), f"fb{speaker.pk}-worked": "Hej"},
        **HX,
    )
    assert response.status_code == 404
    assert not SpeechFeedback.objects.exists()


def plan_data(key, *rows):
    data = {
        "key": key,
        "steps-TOTAL_FORMS": 4,
        "steps-INITIAL_FORMS": 0,
        "steps-MIN_NUM_FORMS": 1,
        "steps-MAX_NUM_FORMS": 5,
    }
    for index, (what, who, when) in enumerate(rows):
        data |= {
            f"steps-{index}-what": what,
            f"steps-{index}-with_whom": who,
            f"steps-{index}-by_when": when,
        }
    return data


def test_action_plan_over_http_is_saved_once_per_key(room):
    author = room.tables[0].members[0]
    client = phone(author)
    data = plan_data(
        str(uuid.uuid4()),
        ("Visionen på personalemødet", "Teamlederne", "2026-04-01"),
        ("Borgerpanel", "Kulturhuset", "2026-09-15"),
    )

    first = client.post(url(room, "plan/"), data, **HX)
    client.post(url(room, "plan/"), data, **HX)

    assert "Your action plan is saved." in first.content.decode()
    assert ActionPlan.objects.filter(author=author).count() == 1
    assert [(s.what, s.with_whom) for s in selectors.plan(room.item, author).steps.all()] == [
        ("Visionen på personalemødet", "Teamlederne"),
        ("Borgerpanel", "Kulturhuset"),
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "Please submit at least 1 form."),
        ([("Visionsdag", "", "2026-05-01")], "Say who you do it with."),
        ([("Visionsdag", "Alle", "")], "Give a date."),
        ([("Visionsdag", "Alle", "2020-01-01")], "Pick a date after the seminar."),
    ],
)
def test_incomplete_action_plan_gets_a_clear_message(room, rows, message):
    response = phone(room.tables[0].members[0]).post(
        url(room, "plan/"), plan_data(str(uuid.uuid4()), *rows), **HX
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ActionPlan.objects.exists()


def test_hostile_names_in_the_speaking_order_show_as_text(room, facilitator_client):
    table = room.tables[0]
    for person in table.members:
        person.name = HOSTILE + person.name
        person.save()
    services.choose_speakers(item=room.item, group=table.group, version=1, volunteers=[], seed=2)
    slug = room.item.day.seminar.slug

    pages = [
        phone(table.members[0]).get(f"/s/{slug}/").content.decode(),
        facilitator_client.get(f"/s/{slug}/run/").content.decode(),
    ]

    for page in pages:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<script>alert(1)" not in page and "<img src=x" not in page


def test_the_feedback_a_speaker_got_is_not_in_another_speakers_phone(room):
    table = room.tables[0]
    first = to_speeches(room, table)
    second = services.call_next_speaker(
        item=room.item, group=table.group, version=version(room, table)
    )
    feedback(room, second.participant, first, worked="Til den første")
    services.move_phase(
        item=room.item, group=table.group, version=version(room, table), forward=True
    )
    slug = room.item.day.seminar.slug

    assert "Til den første" in phone(first.participant).get(f"/s/{slug}/", **EN).content.decode()
    assert (
        "Til den første" not in phone(second.participant).get(f"/s/{slug}/", **EN).content.decode()
    )


def form_values(html: str) -> dict[str, str]:
    """What a browser would send back from the plan form as rendered: each input's value."""
    values = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and name.group(1).startswith("steps-"):
            values[name.group(1)] = value.group(1) if value else ""
    return values


@pytest.mark.parametrize("language", ["da", "en"])
def test_action_plan_saved_three_times_from_its_own_form_keeps_every_step(room, language):
    author = room.tables[0].members[0]
    client = phone(author)
    lang = {"HTTP_ACCEPT_LANGUAGE": language}
    steps = [
        ("Visionsdag", "Alle", "2026-05-01"),
        ("Borgerpanel", "Kulturhuset", "2026-09-15"),
        ("Opfølgning", "Direktionen", "2027-01-10"),
    ]

    for count in range(1, 4):
        shown = client.get(url(room, "slot/plan/"), HTTP_HX_REQUEST="true", **lang).content.decode()
        data = form_values(shown) | {"key": str(uuid.uuid4())}
        what, who, when = steps[count - 1]
        data |= {
            f"steps-{count - 1}-what": what,
            f"steps-{count - 1}-with_whom": who,
            f"steps-{count - 1}-by_when": when,
        }
        saved = client.post(url(room, "plan/"), data, HTTP_HX_REQUEST="true", **lang)
        assert saved.status_code == 200, saved.content.decode()

    plan = selectors.plan(room.item, author)
    assert [(s.what, s.with_whom, s.by_when.isoformat()) for s in plan.steps.all()] == steps
    assert (
        'value="2026-05-01"'
        in client.get(url(room, "slot/plan/"), HTTP_HX_REQUEST="true", **lang).content.decode()
    )


def test_the_tablet_draws_a_groups_speakers_and_says_which_groups_all_groups_left_alone(
    room, facilitator_client
):
    slug, first, second = room.item.day.seminar.slug, room.tables[0], room.tables[1]
    tablet = facilitator_client.get(f"/s/{slug}/run/", **EN).content.decode()
    assert f'id="soapbox-draw-{first.group.pk}">Draw speakers' in tablet

    drawn = facilitator_client.post(
        f"/s/{slug}/run/soapbox/{room.item.pk}/{first.group.pk}/",
        {"version": 1, "action": "speakers"},
        **HX,
    )
    every = facilitator_client.post(
        f"/s/{slug}/run/soapbox/{room.item.pk}/all/", {"phase": "speeches"}, **HX
    )

    assert len(selectors.lineup(room.item, first.group)) == 3
    assert f'id="soapbox-draw-{first.group.pk}">Draw again' in drawn.content.decode()
    assert (
        f"Not moved, no speakers drawn yet: {second.group.name}. Draw their speakers first."
        in every.content.decode()
    )
    assert [selectors.group_state(room.item, t.group).phase for t in room.tables] == [
        "speeches",
        "prepare",
    ]
