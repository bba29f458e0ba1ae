"""The vernissage's complete comment lists: the tablet and the hosts' phones show the newest,
and link to every comment, a page at a time."""

import uuid

import pytest
from django.contrib.auth.models import User
from django.test import Client

from program.ideas import services as ideas
from program.models import Comment
from program.vernissage import selectors
from tests.program.tables import seat
from tests.program.test_vernissage import client_for, host_region

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
HX = {"HTTP_HX_REQUEST": "true", **EN}


@pytest.fixture
def vernissage(seminar):
    """One idea at each of two brainstorm tables, then the vernissage at the same tables."""
    brainstorm = seat(seminar, "brainstorm", sizes=(4, 3), position=1)
    for number, people in enumerate(brainstorm.people, start=1):
        ideas.submit_idea(
            item=brainstorm.item, author=people[0], text=f"Idé fra bord {number}", key=uuid.uuid4()
        )
    return seat(seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)


def comments(tables, count: int, table: int = 0) -> list[Comment]:
    """`count` comments on the table's idea from the other table's people, oldest first."""
    idea = tables.groups[table].ideas.get()
    visitors = tables.people[1 - table]
    return Comment.objects.bulk_create(
        Comment(
            idea=idea,
            author=visitors[n % len(visitors)],
            text=f"Kommentar {n:02d}",
            key=uuid.uuid4(),
        )
        for n in range(count)
    )


def page(client: Client, url: str) -> str:
    return client.get(url, **EN).content.decode()


def tablet(client: Client, seminar) -> str:
    html = page(client, f"/s/{seminar.slug}/run/")
    return html.split('id="vernissage-tablet"', 1)[1].split("</section>", 1)[0]


def hosts(person, seminar) -> str:
    return host_region(page(client_for(person), f"/s/{seminar.slug}/"))


def all_url(tables) -> str:
    return f"/s/{tables.item.day.seminar.slug}/run/vernissage/{tables.item.pk}/comments/"


def table_url(tables, index: int = 0) -> str:
    slug = tables.item.day.seminar.slug
    return f"/s/{slug}/galleries/{tables.item.pk}/{tables.groups[index].pk}/comments/"


def test_the_facilitator_sees_every_comment_a_page_at_a_time_hidden_ones_marked(
    vernissage, seminar, facilitator_client
):
    sent = comments(vernissage, 55)
    Comment.objects.filter(pk=sent[3].pk).update(hidden=True)
    url = all_url(vernissage)
    shown = tablet(facilitator_client, seminar)
    assert "Kommentar 54" in shown and "Kommentar 34" not in shown  # the tablet shows the 20 newest
    assert f'href="{url}" id="all-comments">All comments (55)</a>' in shown

    first, second = page(facilitator_client, url), page(facilitator_client, f"{url}?page=2")

    assert "55 comments, hidden ones included, newest first." in first
    assert "Kommentar 54" in first and "Kommentar 05" in first and "Kommentar 04" not in first
    assert "Page 1 of 2" in first and 'rel="next">Older</a>' in first
    assert "Kommentar 04" in second and "Kommentar 00" in second
    assert 'rel="prev">Newer</a>' in second and "Page 2 of 2" in second
    hidden_row = second.split("Kommentar 03", 1)[1].split("</li>", 1)[0]
    assert " · hidden</p>" in hidden_row
    assert f'value="show" id="comment-show-{sent[3].pk}"' in hidden_row


def test_the_facilitator_hides_and_shows_a_comment_again_from_the_complete_list(
    vernissage, seminar, facilitator_client
):
    sent = comments(vernissage, 1)[0]
    url = f"/s/{seminar.slug}/run/vernissage/comments/{sent.pk}/"

    hidden = facilitator_client.post(url, {"action": "hide", "answer": "row"}, **HX)
    hidden = hidden.content.decode()
    sent.refresh_from_db()
    assert sent.hidden and f'id="comment-show-{sent.pk}"' in hidden and " · hidden" in hidden
    assert "Kommentar 00" not in hosts(vernissage.people[0][0], seminar)

    shown = facilitator_client.post(url, {"action": "show", "answer": "row"}, **HX)
    sent.refresh_from_db()
    assert not sent.hidden and f'id="comment-hide-{sent.pk}"' in shown.content.decode()
    assert "Kommentar 00" in hosts(vernissage.people[0][0], seminar)


def test_the_link_with_the_total_shows_only_when_there_are_more(
    vernissage, seminar, facilitator_client
):
    comments(vernissage, selectors.LATEST_COMMENTS)
    host = hosts(vernissage.people[0][0], seminar)
    assert 'id="host-all-comments"' not in host
    assert 'id="all-comments"' not in tablet(facilitator_client, seminar)

    comments(vernissage, 1)
    host = hosts(vernissage.people[0][0], seminar)
    assert f'href="{table_url(vernissage)}" id="host-all-comments">All comments (9)</a>' in host
    assert 'id="all-comments"' not in tablet(facilitator_client, seminar)  # 9 of 20: all shown


def test_a_tables_members_see_every_comment_on_their_ideas_a_page_at_a_time(vernissage, seminar):
    sent = comments(vernissage, 60)
    Comment.objects.filter(pk=sent[0].pk).update(hidden=True)
    comments(vernissage, 1, table=1)  # another table's comment is not on this list
    member, url = client_for(vernissage.people[0][2]), table_url(vernissage)
    host = host_region(page(member, f"/s/{seminar.slug}/"))
    assert f'href="{url}" id="host-all-comments">All comments (59)</a>' in host

    first, second = page(member, url), page(member, f"{url}?page=2")

    assert "59 comments, newest first." in first
    assert "Kommentar 59" in first and "Kommentar 10" in first and "Kommentar 09" not in first
    assert "Kommentar 09" in second and "Kommentar 01" in second and "Page 2 of 2" in second
    assert "Kommentar 00" not in first + second  # hidden by the facilitator


def test_only_facilitators_open_all_comments_and_only_members_their_tables(
    vernissage, seminar, facilitator_client
):
    comments(vernissage, 1)
    outsider = client_for(vernissage.people[1][0])

    assert outsider.get(table_url(vernissage)).status_code == 403
    assert client_for(vernissage.people[0][0]).get(table_url(vernissage)).status_code == 200
    assert facilitator_client.get(all_url(vernissage)).status_code == 200
    phone = outsider.get(all_url(vernissage))  # a phone is sent to log in first
    assert phone.status_code == 302 and phone["Location"].startswith("/login/")
    someone = Client()
    someone.force_login(User.objects.create_user("deltager", password="not-a-real-password-2"))
    assert someone.get(all_url(vernissage)).status_code == 403
