"""The vernissage's complete comment lists: the tablet and the hosts' phones show the newest,
and link to every comment, a page at a time."""

import uuid

from django.contrib.auth.models import User
from django.test import Client

from program.models import Comment
from program.vernissage import selectors
from tests.program.test_vernissage import client_for, host_region, vernissage  # noqa: F401 (fixture)


def comments(tables, count: int, table: int = 0) -> list[Comment]:
    """`count` comments on the table's idea from the other table's people, oldest first."""
    idea = tables.groups[table].ideas.get()
    visitors = tables.people[1 - table]
    return Comment.objects.bulk_create(
        Comment(idea=idea, author=visitors[n % len(visitors)], text=f"Kommentar {n:02d}", key=uuid.uuid4())
        for n in range(count))


def tablet_region(html: str) -> str:
    return html.split('id="vernissage-tablet"', 1)[1].split("</section>", 1)[0]


def test_the_facilitator_sees_every_comment_a_page_at_a_time_hidden_ones_marked(vernissage, seminar,
                                                                                facilitator_client):
    sent = comments(vernissage, 55)
    Comment.objects.filter(pk=sent[3].pk).update(hidden=True)
    url = f"/s/{seminar.slug}/run/vernissage/{vernissage.item.pk}/comments/"
    tablet = tablet_region(facilitator_client.get(f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en")
                           .content.decode())
    assert "Kommentar 54" in tablet and "Kommentar 34" not in tablet  # the tablet shows the 20 newest
    assert f'href="{url}" id="all-comments">All comments (55)</a>' in tablet

    first = facilitator_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    second = facilitator_client.get(f"{url}?page=2", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "55 comments, hidden ones included, newest first." in first
    assert "Kommentar 54" in first and "Kommentar 05" in first and "Kommentar 04" not in first
    assert "Page 1 of 2" in first and 'rel="next">Older</a>' in first
    assert "Kommentar 04" in second and "Kommentar 00" in second and 'rel="prev">Newer</a>' in second
    assert f'value="show" id="comment-show-{sent[3].pk}"' in second
    assert "Kommentar 03</p><p class=\"meta\" hx-disable><bdi>" in second and " · hidden</p>" in second


def test_the_facilitator_hides_and_shows_a_comment_again_from_the_complete_list(vernissage, seminar,
                                                                              facilitator_client):
    sent = comments(vernissage, 1)[0]
    url = f"/s/{seminar.slug}/run/vernissage/comments/{sent.pk}/"

    hidden = facilitator_client.post(url, {"action": "hide", "answer": "row"}, HTTP_HX_REQUEST="true",
                                     HTTP_ACCEPT_LANGUAGE="en").content.decode()
    sent.refresh_from_db()
    assert sent.hidden and f'id="comment-show-{sent.pk}"' in hidden and " · hidden" in hidden
    assert "Kommentar 00" not in host_region(client_for(vernissage.people[0][0]).get(f"/s/{seminar.slug}/")
                                             .content.decode())

    shown = facilitator_client.post(url, {"action": "show", "answer": "row"}, HTTP_HX_REQUEST="true").content
    sent.refresh_from_db()
    assert not sent.hidden and f'id="comment-hide-{sent.pk}"' in shown.decode()
    assert "Kommentar 00" in host_region(client_for(vernissage.people[0][0]).get(f"/s/{seminar.slug}/")
                                         .content.decode())


def test_the_link_with_the_total_shows_only_when_there_are_more(vernissage, seminar, facilitator_client):
    comments(vernissage, selectors.LATEST_COMMENTS)
    host = host_region(client_for(vernissage.people[0][0]).get(f"/s/{seminar.slug}/").content.decode())
    tablet = tablet_region(facilitator_client.get(f"/s/{seminar.slug}/run/").content.decode())
    assert 'id="host-all-comments"' not in host and 'id="all-comments"' not in tablet

    comments(vernissage, 1)
    host = host_region(client_for(vernissage.people[0][0]).get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en")
                       .content.decode())
    assert 'id="host-all-comments">All comments (9)</a>' in host


def test_a_tables_members_see_every_comment_on_their_ideas_a_page_at_a_time(vernissage, seminar):
    sent = comments(vernissage, 60)
    Comment.objects.filter(pk=sent[0].pk).update(hidden=True)
    comments(vernissage, 1, table=1)  # another table's comment is not on this list
    member = client_for(vernissage.people[0][2])
    url = f"/s/{seminar.slug}/galleries/{vernissage.item.pk}/{vernissage.groups[0].pk}/comments/"
    host = host_region(member.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert f'href="{url}" id="host-all-comments">All comments (59)</a>' in host

    first = member.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    second = member.get(f"{url}?page=2", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "59 comments, newest first." in first
    assert "Kommentar 59" in first and "Kommentar 10" in first and "Kommentar 09" not in first
    assert "Kommentar 09" in second and "Kommentar 01" in second and "Page 2 of 2" in second
    assert "Kommentar 00" not in first + second  # hidden by the facilitator


def test_only_facilitators_open_all_comments_and_only_members_their_tables(vernissage, seminar,
                                                                          facilitator_client):
    comments(vernissage, 1)
    table_url = f"/s/{seminar.slug}/galleries/{vernissage.item.pk}/{vernissage.groups[0].pk}/comments/"
    all_url = f"/s/{seminar.slug}/run/vernissage/{vernissage.item.pk}/comments/"
    outsider = client_for(vernissage.people[1][0])

    assert outsider.get(table_url).status_code == 403
    assert client_for(vernissage.people[0][0]).get(table_url).status_code == 200
    assert facilitator_client.get(all_url).status_code == 200
    phone = outsider.get(all_url)  # a participant's phone is sent to log in; a logged-in non-facilitator: 403
    assert phone.status_code == 302 and phone["Location"].startswith("/login/")
    someone = Client()
    someone.force_login(User.objects.create_user("deltager", password="not-a-real-password-2"))
    assert someone.get(all_url).status_code == 403
