import uuid

import pytest

from interviews import services
from interviews.models import Interview, InterviewRevision
from program import selectors as program_selectors
from program import services as program_services
from seminar.submissions import PACE_LIMIT, TooFast
from tests.interviews.conftest import save

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> hx-get="/run/step/"'


def open_tables(seminar, item):
    program_services.jump(
        seminar=seminar, version=program_selectors.live_state(seminar).version, item=item
    )


def form_data(key=None, version=0, **fields):
    data = {
        "key": str(key or uuid.uuid4()),
        "version": str(version),
        "who": "Pensionist, bor alene",
        "said": "Hun ringer til kommunen og venter længe.",
        "quotes": "Man bliver stillet om\nTak for hjælpen",
        "tags": ["surprising", "strange"],
    }
    data.update(fields)
    return data


def test_first_save_creates_the_interview_and_its_first_revision(participant):
    interview = save(
        participant, tags=["interesting", "strange"], quotes="  Det er let  \n\nDet er svært "
    )

    assert (interview.version, interview.tags, interview.quote_lines) == (
        1,
        ["interesting", "strange"],
        ["Det er let", "Det er svært"],
    )
    assert list(InterviewRevision.objects.values_list("version", "tags")) == [
        (1, "interesting strange")
    ]


def test_saving_twice_with_the_same_key_stores_one_revision(participant):
    key = uuid.uuid4()

    first = save(participant, key=key)
    again = save(participant, key=key, said="Another text sent with the same key")

    assert first.pk == again.pk
    assert Interview.objects.get().said == "De svarer hurtigt, men brevene er svære."
    assert InterviewRevision.objects.count() == 1


def test_an_edit_on_the_latest_version_keeps_the_earlier_text(participant):
    save(participant, said="Første udgave")

    edited = save(participant, said="Anden udgave", version=1)

    assert (edited.version, edited.said) == (2, "Anden udgave")
    assert list(InterviewRevision.objects.values_list("said", flat=True)) == [
        "Første udgave",
        "Anden udgave",
    ]


def test_a_save_on_an_older_version_is_refused_with_the_newer_text(participant):
    save(participant, said="Fra telefonen")
    save(participant, said="Fra computeren", version=1)

    with pytest.raises(services.StaleVersion) as refused:
        save(participant, said="Gammel fane", version=1)

    assert (refused.value.current.version, refused.value.current.said) == (2, "Fra computeren")
    assert Interview.objects.get().said == "Fra computeren"


def test_a_first_save_from_a_second_device_does_not_overwrite_the_first(participant):
    save(participant, said="Fra telefonen")

    with pytest.raises(services.StaleVersion):
        save(participant, said="Fra computeren", version=0)

    assert Interview.objects.get().said == "Fra telefonen"


def test_the_interview_is_closed_once_the_tables_have_started(seminar, participant, tables_item):
    save(participant)
    open_tables(seminar, tables_item)

    with pytest.raises(services.NotOpen):
        save(participant, said="For sent", version=1)

    assert Interview.objects.get().version == 1


def test_too_many_saves_too_fast_are_refused(participant):
    interview = save(participant)
    for _ in range(PACE_LIMIT - 1):
        interview = save(participant, version=interview.version)

    with pytest.raises(TooFast):
        save(participant, version=interview.version)


def test_phone_header_links_to_the_homework_hub(phone_client, seminar):
    html = phone_client.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'<a href="/s/{seminar.slug}/homework/">Homework</a>' in html


def test_hub_shows_the_interview_task_and_whether_it_is_handed_in(
    phone_client, participant, seminar, afternoon
):
    before = phone_client.get(
        f"/s/{seminar.slug}/homework/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    save(participant)
    after = phone_client.get(
        f"/s/{seminar.slug}/homework/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    link = f'<a href="/s/{seminar.slug}/homework/interview/" class="task">Citizen interview</a>'
    assert link in before and "not yet" in before
    assert link in after and "handed in" in after


def test_homework_without_a_personal_link_goes_to_the_join_page(client, seminar):
    for path in ("homework/", "homework/interview/"):
        response = client.get(f"/s/{seminar.slug}/{path}")
        assert (response.status_code, response["Location"]) == (302, f"/s/{seminar.slug}/join/")
    assert client.post(f"/s/{seminar.slug}/homework/interview/", form_data()).status_code == 403


def test_phone_saves_through_the_form_and_a_retry_stores_nothing_more(phone_client, seminar):
    data = form_data()
    url = f"/s/{seminar.slug}/homework/interview/"

    response = phone_client.post(url, data, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")
    retried = phone_client.post(url, data, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert "Saved. You can change it until the table session starts." in html
    assert 'name="version" value="1"' in html and data["key"] not in html
    assert retried.status_code == 200 and InterviewRevision.objects.count() == 1
    interview = Interview.objects.get()
    assert (interview.who, interview.tags, interview.quote_lines) == (
        "Pensionist, bor alene",
        ["surprising", "strange"],
        ["Man bliver stillet om", "Tak for hjælpen"],
    )


def test_a_plain_post_is_redirected_with_303(phone_client, seminar):
    response = phone_client.post(f"/s/{seminar.slug}/homework/interview/", form_data())

    assert (response.status_code, response["Location"]) == (
        303,
        f"/s/{seminar.slug}/homework/interview/?saved=1",
    )


def test_a_stale_save_shows_the_newer_text_and_keeps_mine(phone_client, participant, seminar):
    save(participant, said="Den nyeste tekst")
    save(participant, said="Den allernyeste tekst", version=1)

    response = phone_client.post(
        f"/s/{seminar.slug}/homework/interview/",
        form_data(version=1, said="Min gamle fane"),
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "saved in a newer version" in html
    assert ">Den allernyeste tekst</textarea>" in html and 'name="version" value="2"' in html
    assert "Your text that was not saved" in html and "Min gamle fane" in html
    assert Interview.objects.get().said == "Den allernyeste tekst"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("who", "   ", "Describe who you interviewed (without a name)."),
        ("said", "", "Write what they said first."),
        ("said", "x" * 4001, "Keep it under 4000 characters"),
    ],
)
def test_empty_or_long_fields_get_a_clear_message(phone_client, seminar, field, value, message):
    response = phone_client.post(
        f"/s/{seminar.slug}/homework/interview/",
        form_data(**{field: value}),
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Interview.objects.exists()


def test_the_form_is_read_only_once_the_tables_have_started(
    phone_client, participant, seminar, tables_item
):
    save(participant, said="Det jeg skrev")
    open_tables(seminar, tables_item)

    page = phone_client.get(
        f"/s/{seminar.slug}/homework/interview/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    late = phone_client.post(
        f"/s/{seminar.slug}/homework/interview/",
        form_data(version=1, said="Ændret"),
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert (
        "can no longer be changed" in page and "Det jeg skrev" in page and "<textarea" not in page
    )
    assert late.status_code == 409 and "Ændret" in late.content.decode()  # the unsent text is shown
    assert Interview.objects.get().said == "Det jeg skrev"


def test_identifying_text_is_saved_with_a_warning(phone_client, seminar):
    response = phone_client.post(
        f"/s/{seminar.slug}/homework/interview/",
        form_data(said="Ring til hende på 20 45 67 89 eller skriv til bo@example.dk"),
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    html = response.content.decode()
    assert response.status_code == 200 and "Saved." in html
    assert "the text looks like it holds a phone number, an e-mail address." in html
    assert Interview.objects.count() == 1


@pytest.mark.parametrize(
    ("said", "warning"),
    [
        ("Hun bor på Storegade 12 og har cpr 010190-1234", "a CPR number, a street address"),
        ("Mødet var 30.10.2014 kl. 10.15 og kostede 1.250 kr.", ""),
    ],
)
def test_the_privacy_check_warns_while_typing_without_saving(phone_client, seminar, said, warning):
    response = phone_client.post(
        f"/s/{seminar.slug}/homework/interview/check/",
        {"said": said, "who": ""},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    html = response.content.decode()
    assert "privacy-warning" not in html  # only the region's content: the region stays
    assert (f"looks like it holds {warning}." in html) if warning else ("looks like" not in html)
    assert not Interview.objects.exists()


def test_the_privacy_check_needs_a_personal_link(client, seminar):
    assert (
        client.post(f"/s/{seminar.slug}/homework/interview/check/", {"said": "x"}).status_code
        == 403
    )


def test_my_own_hostile_text_is_shown_as_text(phone_client, participant, seminar, tables_item):
    save(participant, who=HOSTILE)
    open_tables(seminar, tables_item)

    html = phone_client.get(f"/s/{seminar.slug}/homework/interview/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
