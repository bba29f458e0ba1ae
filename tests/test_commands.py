import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError

from seminar.models import Seminar

ROOT = Path(django_settings.BASE_DIR)


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


def test_seminar_links_uses_the_base_url_it_is_given_and_says_which(db, settings):
    call_command("setup_demo", stdout=io.StringIO())
    settings.BASE_URL = "http://10.0.0.5:8080"
    out, err, told = io.StringIO(), io.StringIO(), io.StringIO()

    call_command(
        "seminar_links",
        "varde-2014",
        "--base-url",
        "https://seminar.example/",
        stdout=out,
        stderr=err,
    )
    call_command("seminar_links", "varde-2014", stdout=io.StringIO(), stderr=told)

    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=";"))
    assert all(row["link"].startswith("https://seminar.example/p/") for row in rows)
    assert "Links on https://seminar.example (--base-url)" in err.getvalue()
    assert "Projector display link: https://seminar.example/s/varde-2014/display/" in err.getvalue()
    assert "Links on http://10.0.0.5:8080 (BASE_URL)" in told.getvalue()


def test_seminar_links_refuses_an_address_that_is_not_one(db):
    call_command("setup_demo", stdout=io.StringIO())

    with pytest.raises(
        CommandError, match="--base-url must look like http://host:port, not '8080'"
    ):
        call_command(
            "seminar_links",
            "varde-2014",
            "--base-url",
            "8080",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )


def test_every_command_in_the_readme_and_the_docs_runs_as_written():
    """Each `manage.py` command the docs show goes through the virtualenv's Python and exists."""
    known = set(get_commands())
    texts = [
        (ROOT / name).read_text(encoding="utf-8")
        for name in ("README.md", "docs/deploy.md", "docs/program-format.md")
    ]
    commands = [
        match
        for text in texts
        for match in re.findall(r"([^\s`]*python[^\s`]*)? ?manage\.py (\w+)", text)
    ]

    assert len(commands) > 10
    # `.venv/bin/python`, or the same virtualenv named from elsewhere (a systemd unit's ExecStart)
    assert [python for python, _ in commands if not python.endswith(".venv/bin/python")] == []
    assert sorted({name for _, name in commands} - known) == []
