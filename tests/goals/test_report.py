"""The goals app in the seminar report: what the room shared, in program order; nothing private."""

import uuid

import pytest

from goals.cases import services as cases
from goals.commitments import services as commitments
from goals.plans import services as plans
from goals.shared_goals import services as goals
from tests.reports import unzip_rows

PRIVATE = ["PRIVATE-TAKEAWAY-MARK", "PRIVATE-AGREEMENT-MARK", "PRIVATE-MONDAY-MARK"]


def commit(room, author, monday, share, **fields):
    return commitments.save_commitment(item=room.commitments, author=author, version=0, key=uuid.uuid4(),
                                       monday=monday, share_monday=share, **{"agreements": "", "messages": [],
                                                                             **fields})


@pytest.fixture
def produced(room, facilitator):
    """Cases, a poster, an analysis, two goals (one hidden), a plan, Monday actions and management's message."""
    for author, title, themes in [(room.anna, "Frivillige i Ølgod", "tillid"), (room.bo, "Ungeråd", "=ungdom")]:
        cases.save_case(author=author, version=0, key=uuid.uuid4(), title=title, what_happened="Vi inviterede",
                        partners=[], partners_other="", achieved="", themes=themes)
    cases.add_poster_note(item=room.cases, author=room.bo, kind="theme", text="Tillid først", key=uuid.uuid4())
    note = cases.add_poster_note(item=room.cases, author=room.bo, kind="practice", text="HIDDEN-NOTE",
                                 key=uuid.uuid4())
    cases.hide_poster_note(note=note)
    pick = cases.pick_case(item=room.cases, group=room.big[0], case=room.bo.cocreation_case)
    cases.save_analysis(pick=pick, version=0, key=uuid.uuid4(), went_well="Mødet med rådet",
                        could_be_better="Mere tid", how="Fast mødedag")
    cases.save_takeaway(item=room.cases, author=room.anna, version=0, key=uuid.uuid4(), text="PRIVATE-TAKEAWAY-MARK")
    goal = goals.save_goal(item=room.writing, author=room.anna, version=0, key=uuid.uuid4(),
                           what="Flere frivillige", why="Fordi", how_we_know="Vi tæller")
    goal = goals.lock_goal(goal=goal, user=facilitator)
    goals.shake_hands(goal=goal, participant=room.bo)
    goals.shake_hands(goal=goal, participant=room.cai)
    other = goals.save_goal(item=room.writing, author=room.cai, version=0, key=uuid.uuid4(),
                            what="HIDDEN-GOAL", why="", how_we_know="")
    goals.hide_goal(goal=other)
    plans.save_plan(item=room.plans, author=room.anna, goal=goal, version=0, key=uuid.uuid4(),
                    requires="Mere tid til foreninger", how="Faste møder", challenges="Travlhed", meeting_them="")
    commit(room, room.anna, "Ring til formanden", True, agreements="PRIVATE-AGREEMENT-MARK",
           messages=[("CLOSING-MESSAGE-MARK", "Teamet")])
    commit(room, room.bo, "PRIVATE-MONDAY-MARK", False)
    hidden = commit(room, room.cai, "HIDDEN-MONDAY", True)
    commitments.hide_commitment(item=room.commitments, commitment=hidden)
    commitments.save_management_message(item=room.commitments, author=room.dea, version=0, key=uuid.uuid4(),
                                        text="Tak for to gode dage")
    return goal


def page(client, seminar) -> str:
    return client.get(f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def csv_files(client, seminar) -> dict[str, list[dict]]:
    return unzip_rows(client.get(f"/s/{seminar.slug}/report.zip", HTTP_ACCEPT_LANGUAGE="en").content)


def test_report_page_shows_the_goals_work_in_program_order(produced, room, facilitator_client):
    html = page(facilitator_client, room.seminar)

    markers = ["Co-creation cases", "Ungeråd", "Tillid først", "Mødet med rådet", "Flere frivillige",
               "Mere tid til foreninger", "Ring til formanden", "Tak for to gode dage"]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)
    goal = html.split("<h4>Shared goals</h4>", 1)[1].split("</section>", 1)[0]
    assert f"Locked · 2 handshakes: {room.bo.name}, {room.cai.name}" in goal
    assert goal.index("Hidden by a facilitator") < goal.index("HIDDEN-GOAL")


def test_report_shares_monday_actions_without_names_and_keeps_private_notes_out(produced, room,
                                                                               facilitator_client):
    html = page(facilitator_client, room.seminar)
    files = csv_files(facilitator_client, room.seminar)
    everything = html + "".join(str(rows) for rows in files.values())

    assert [marker for marker in PRIVATE if marker in everything] == []
    monday = html.split("<h4>Monday actions shared with the room</h4>", 1)[1].split("</section>", 1)[0]
    assert room.anna.name not in monday and room.cai.name not in monday
    assert monday.index("Hidden by a facilitator") < monday.index("HIDDEN-MONDAY")
    assert [(row["monday"], row["hidden"]) for row in files["monday"]] == [
        ("Ring til formanden", ""), ("HIDDEN-MONDAY", "yes")]


def test_report_csvs_hold_cases_posters_analyses_goals_and_plans(produced, room, facilitator_client):
    files = csv_files(facilitator_client, room.seminar)

    assert [(row["group"], row["title"], row["themes"]) for row in files["cases"]] == [
        ("Gruppe 1", "Frivillige i Ølgod", "tillid"), ("Gruppe 1", "Ungeråd", "'=ungdom")]
    assert [(row["text"], row["hidden"]) for row in files["poster_notes"]] == [
        ("Tillid først", ""), ("HIDDEN-NOTE", "yes")]
    assert [(row["case"], row["went_well"]) for row in files["case_analyses"]] == [("Ungeråd", "Mødet med rådet")]
    assert [(row["what"], row["locked"], row["handshakes"], row["hidden"]) for row in files["goals"]] == [
        ("Flere frivillige", "yes", "2", ""), ("HIDDEN-GOAL", "", "0", "yes")]
    assert [(row["department"], row["requires"]) for row in files["department_plans"]] == [
        ("Økonomi", "Mere tid til foreninger")]
    assert [(row["item"], row["message"]) for row in files["management"]] == [
        ("Hvad siger vi hjemme?", "Tak for to gode dage")]
