import csv
import io

from django.contrib.auth.models import User
from django.core.management import call_command

from seminar.models import Seminar


def test_setup_demo_loads_once_and_keeps_data_and_account(db):
    first, second = io.StringIO(), io.StringIO()

    call_command("setup_demo", stdout=first)
    seminar = Seminar.objects.get(slug="varde-2014")
    tokens = set(seminar.participants.values_list("token", flat=True))
    call_command("setup_demo", stdout=second)

    assert "password:" in first.getvalue() and "password:" not in second.getvalue()
    assert "http://127.0.0.1:8000/s/varde-2014/run/" in second.getvalue()
    assert f"/s/varde-2014/display/{seminar.display_token}/" in second.getvalue()
    assert second.getvalue().count("/p/") == 3
    assert Seminar.objects.count() == 1
    assert set(seminar.participants.values_list("token", flat=True)) == tokens
    assert User.objects.get(username="facilitator").has_perm("seminar.facilitate")


def test_seminar_links_prints_a_csv_for_mail_merge(db):
    call_command("setup_demo", stdout=io.StringIO())
    out = io.StringIO()

    call_command("seminar_links", "varde-2014", stdout=out, stderr=io.StringIO())

    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=";"))
    assert len(rows) == 75
    assert set(rows[0]) == {"name", "department", "email", "code", "link"}
    assert all(row["link"].startswith("http://127.0.0.1:8000/p/") for row in rows)
