"""A program file's problems in the organiser's language: Danish pages say them in Danish,
English pages in English, each with its line and the value to fix; the command says them in
English (tests/program/test_programfile.py has the rules themselves)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from program.models import AgendaItem
from seminar.models import Seminar

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
# Three kinds of mistake: a time that is no time (line 10), an unknown kind (line 16) and a
# grouping the file does not have (line 17).
BROKEN = b"""[seminar]
slug = "sprog"
title = "Sprog"

[[days]]
date = "2026-03-05"
title = "Torsdag"

[[days.items]]
start = "8 om morgenen"
minutes = 15
title = "Kaffe"

[[days.items]]
title = "Borde"
kind = "juggling"
grouping = "Tables"
"""


def upload(client, **headers):
    file = SimpleUploadedFile("program.toml", BROKEN)
    answer = client.post("/new/", {"start": "file", "file": file}, **headers)
    assert answer.status_code == 400
    assert not Seminar.objects.filter(slug="sprog").exists()
    return answer.content.decode()


def test_a_broken_upload_on_a_danish_page_names_each_line_and_value_in_danish(
    facilitator_client,
):
    page = upload(facilitator_client)

    assert (
        "Linje 10: start skal være et klokkeslæt som &quot;08:30&quot;, "
        "ikke &#x27;8 om morgenen&#x27;" in page
    )
    assert "Linje 16: ukendt kind &#x27;juggling&#x27; (kendte: " in page
    assert "Linje 17: ingen gruppering hedder &#x27;Tables&#x27;" in page
    assert "must be a time" not in page and "unknown kind" not in page


def test_a_broken_upload_on_an_english_page_names_each_line_and_value_in_english(
    facilitator_client,
):
    page = upload(facilitator_client, **EN)

    assert (
        "Line 10: start must be a time like &quot;08:30&quot;, not &#x27;8 om morgenen&#x27;"
        in page
    )
    assert "Line 16: unknown kind &#x27;juggling&#x27; (known: " in page
    assert "Line 17: no grouping named &#x27;Tables&#x27;" in page
    assert "klokkeslæt" not in page and "ingen gruppering" not in page


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "start 07:30 er før starten på punktet ovenover (08:15, linje "),
        (EN, "start 07:30 is before the start of the item above (08:15, line "),
    ],
)
def test_an_edit_the_import_refuses_is_told_in_the_pages_language(
    facilitator_client, seminar, headers, message
):
    item = AgendaItem.objects.for_seminar(seminar).get(title="Gåtur")
    form = {
        "start": "07:30",
        "minutes": "45",
        "title": "Gåtur",
        "kind": "offsite",
        "round": "1",
        "returns_at": "09:30",
    }

    answer = facilitator_client.post(f"/s/{seminar.slug}/program/items/{item.pk}/", form, **headers)

    assert answer.status_code == 400
    assert message in answer.content.decode()


def test_the_command_says_the_problems_in_english_though_the_site_is_danish(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_bytes(BROKEN)

    with pytest.raises(CommandError) as error:
        call_command("import_program", str(path))

    assert f"{path}:10: start must be a time like \"08:30\", not '8 om morgenen'" in str(
        error.value
    )
    assert f"{path}:17: no grouping named 'Tables'" in str(error.value)
