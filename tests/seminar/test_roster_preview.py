"""The roster preview: before anything is saved, the rows that would be added and updated,
or every error with its row, column and value."""

import io

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def upload(client, seminar, text: str, **headers):
    handle = io.BytesIO(text.encode("cp1252"))
    handle.name = "deltagere.csv"
    return client.post(f"/s/{seminar.slug}/people/import/", {"file": handle}, **headers)


def test_preview_tells_added_from_updated_before_saving(facilitator_client, seminar):
    factories.participant(seminar, name="Anne Holm", email="anne@kommune.dk")

    answer = upload(
        facilitator_client,
        seminar,
        "Navn;Afdeling;E-mail\nAnne Holm;Kultur;ANNE@kommune.dk\nBo Dam;Teknik;bo@kommune.dk\n",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    page = answer.content.decode()
    assert "1 will be added, 1 already on the roster will be updated." in page
    rows = page.split("<tbody>")[1].split("</tbody>")[0]
    assert "<td>Anne Holm</td>" in rows and "<td>Updated</td>" in rows and "<td>Added</td>" in rows
    assert list(seminar.participants.values_list("name", flat=True)) == ["Anne Holm"]
    facilitator_client.post(f"/s/{seminar.slug}/people/import/", {"confirm": "1"})
    assert sorted(seminar.participants.values_list("email", flat=True)) == [
        "ANNE@kommune.dk",
        "bo@kommune.dk",
    ]


def test_errors_name_row_column_and_value_and_save_nothing(facilitator_client, seminar):
    answer = upload(
        facilitator_client,
        seminar,
        "Navn;Afdeling;Rolle\nBo Dam;Teknik;chef\n",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    page = answer.content.decode()
    assert answer.status_code == 400
    assert "Row 2" in page and "Rolle" in page and "chef" in page
    assert not seminar.participants.exists()


def test_preview_is_refused_to_another_seminars_facilitator(seminar):
    user = User.objects.create_user("anden", password="another-password-9")
    user.user_permissions.add(Permission.objects.get(codename="facilitate"))
    client = Client()
    client.force_login(user)

    assert upload(client, seminar, "Navn;Afdeling\nBo;Teknik\n").status_code == 403
    assert client.post(f"/s/{seminar.slug}/people/import/", {"confirm": "1"}).status_code == 403
    assert not seminar.participants.exists()
