"""The interviews in the seminar report: homework first, then the tables' cards and the plenum's
picks."""

import uuid

import pytest

from interviews import services
from tests.interviews.conftest import save
from tests.reports import unzip_rows

HOSTILE = "@SUM(1)<img src=x onerror=alert(1)>"


@pytest.fixture
def interviews(people, tables, tables_item, plenum_item):
    """Two interviews (one named, one not), one hidden; cards at both tables; two picks."""
    named = save(
        people[0],
        who="Landmand",
        said=HOSTILE,
        quotes="Skemaer overalt",
        tags=["strange"],
        show_name=True,
    )
    unnamed = save(people[2], who="Ung iværksætter", said="Hurtig hjælp", show_name=False)
    hidden = save(people[3], who="HIDDEN-INTERVIEW", said="Ikke til plenum")
    services.set_hidden(interview=hidden, hidden=True)
    services.add_card(
        item=tables_item,
        author=people[1],
        kind="thread",
        text="Borgerne vil ringes op",
        key=uuid.uuid4(),
    )
    card = services.add_card(
        item=tables_item, author=people[2], kind="difference", text="HIDDEN-CARD", key=uuid.uuid4()
    )
    services.set_card_hidden(card=card)
    services.pick(item=plenum_item, interview=unnamed, tag="surprising")
    services.pick(item=plenum_item, interview=named, tag="strange")
    return named, unnamed


def csv_files(content: bytes) -> dict[str, list[dict]]:
    return unzip_rows(content)


def test_report_shows_interviews_before_the_days_and_names_only_who_agreed(
    interviews, people, seminar, facilitator_client
):
    html = facilitator_client.get(
        f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    homework = html.split("<h2>Before the seminar</h2>", 1)[1].split("<h2>Torsdag", 1)[0]
    assert "Landmand" in homework and "Ung iværksætter" in homework
    assert f"Interviewed by <bdi>{people[0].name}</bdi>" in homework
    assert people[2].name not in homework
    assert homework.index("Hidden by a facilitator") < homework.index("HIDDEN-INTERVIEW")
    assert "&lt;img src=x onerror=alert(1)&gt;" in homework and "<img src=x" not in html


def test_report_shows_cards_and_picks_under_their_items(interviews, seminar, facilitator_client):
    html = facilitator_client.get(
        f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    tables = html.split("Borgerperspektiver</h3>", 1)[1].split("</article>", 1)[0]
    plenum = html.split("Plenum-tilbagemelding</h3>", 1)[1].split("</article>", 1)[0]
    assert "Red threads and differences" in tables and "Borgerne vil ringes op" in tables
    assert tables.index("Hidden by a facilitator") < tables.index("HIDDEN-CARD")
    assert plenum.index("Ung iværksætter") < plenum.index("Landmand")


def test_report_csvs_hold_interviews_cards_and_picks(
    interviews, people, seminar, facilitator_client
):
    files = csv_files(
        facilitator_client.get(f"/s/{seminar.slug}/report.zip", HTTP_ACCEPT_LANGUAGE="en").content
    )

    assert [(row["who"], row["interviewer"], row["hidden"]) for row in files["interviews"]] == [
        ("Landmand", people[0].name, ""),
        ("Ung iværksætter", "", ""),
        ("HIDDEN-INTERVIEW", "", "yes"),
    ]
    assert files["interviews"][0]["said"] == "'" + HOSTILE
    assert [(row["kind"], row["text"], row["hidden"]) for row in files["interview_cards"]] == [
        ("Red thread", "Borgerne vil ringes op", ""),
        ("Difference", "HIDDEN-CARD", "yes"),
    ]
    assert [(row["tag"], row["who"], row["interviewer"]) for row in files["interview_picks"]] == [
        ("surprising", "Ung iværksætter", ""),
        ("strange", "Landmand", people[0].name),
    ]
