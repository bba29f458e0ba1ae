"""The goals app in the seminar report: what the room shared, in program order; nothing private."""

from tests.reports import unzip_rows

PRIVATE = ["PRIVATE-TAKEAWAY-MARK", "PRIVATE-AGREEMENT-MARK", "PRIVATE-MONDAY-MARK"]


def page(client, seminar) -> str:
    return client.get(f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def csv_files(client, seminar) -> dict[str, list[dict]]:
    return unzip_rows(
        client.get(f"/s/{seminar.slug}/report.zip", HTTP_ACCEPT_LANGUAGE="en").content
    )


def test_report_page_shows_the_goals_work_in_program_order(produced, room, facilitator_client):
    html = page(facilitator_client, room.seminar)

    markers = [
        "Co-creation cases",
        "Ungeråd",
        "Tillid først",
        "Mødet med rådet",
        "Flere frivillige",
        "Mere tid til foreninger",
        "Ring til formanden",
        "Tak for to gode dage",
    ]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)
    goal = html.split("<h4>Shared goals</h4>", 1)[1].split("</section>", 1)[0]
    assert f"Locked · 2 handshakes: {room.bo.name}, {room.cai.name}" in goal
    assert goal.index("Hidden by a facilitator") < goal.index("HIDDEN-GOAL")


def test_report_shares_monday_actions_without_names_and_keeps_private_notes_out(
    produced, room, facilitator_client
):
    html = page(facilitator_client, room.seminar)
    files = csv_files(facilitator_client, room.seminar)
    everything = html + "".join(str(rows) for rows in files.values())

    assert [marker for marker in PRIVATE if marker in everything] == []
    monday = html.split("<h4>Monday actions shared with the room</h4>", 1)[1].split(
        "</section>", 1
    )[0]
    assert room.anna.name not in monday and room.cai.name not in monday
    assert monday.index("Hidden by a facilitator") < monday.index("HIDDEN-MONDAY")
    assert [(row["monday"], row["hidden"]) for row in files["monday"]] == [
        ("Ring til formanden", ""),
        ("HIDDEN-MONDAY", "yes"),
    ]


def test_report_csvs_hold_cases_posters_analyses_goals_and_plans(
    produced, room, facilitator_client
):
    files = csv_files(facilitator_client, room.seminar)

    assert [(row["group"], row["title"], row["themes"]) for row in files["cases"]] == [
        ("Gruppe 1", "Frivillige i Ølgod", "tillid"),
        ("Gruppe 1", "Ungeråd", "'=ungdom"),
    ]
    assert [(row["text"], row["hidden"]) for row in files["poster_notes"]] == [
        ("Tillid først", ""),
        ("HIDDEN-NOTE", "yes"),
    ]
    assert [(row["case"], row["went_well"]) for row in files["case_analyses"]] == [
        ("Ungeråd", "Mødet med rådet")
    ]
    assert [
        (row["what"], row["locked"], row["handshakes"], row["hidden"]) for row in files["goals"]
    ] == [("Flere frivillige", "yes", "2", ""), ("HIDDEN-GOAL", "", "0", "yes")]
    assert [(row["department"], row["requires"]) for row in files["department_plans"]] == [
        ("Økonomi", "Mere tid til foreninger")
    ]
    assert [(row["item"], row["message"]) for row in files["management"]] == [
        ("Hvad siger vi hjemme?", "Tak for to gode dage")
    ]
