"""The privacy check is linear in its input: text built to make a regular expression
backtrack costs about as much as plain text, alone and through the phone's endpoints.

The bounds are generous for a busy CI machine: before the patterns were made linear the
20 kB inputs took from seconds to minutes each; now they take milliseconds."""

import time
import uuid

import pytest

from interviews.models import Interview
from interviews.privacy import ADDRESS, EMAIL, PHONE, Finding, findings

SIZE = 20_000
BOUND = 0.5  # seconds, for one call on 20 kB

WORST = {
    "dotted letters": "a." * (SIZE // 2),
    "dotted capitals": "A." * (SIZE // 2),
    "hyphenated letters": "a-" * (SIZE // 2),
    "at signs": "a@" * (SIZE // 2),
    "a domain of dots": "x@" + "a." * (SIZE // 2),
    "a long street name": "a" * (SIZE - 3) + "vej",
    "a long street name and a number": "a" * (SIZE - 5) + "vej 1",
    "short dotted words": ("a." * 20 + " ") * (SIZE // 41),
    "dotted streets with numbers": ("a." * 19 + "vej 1") * (SIZE // 43),
    "digits with spaces": "1 " * (SIZE // 2),
    "digits with dots": "1." * (SIZE // 2),
    "digits with hyphens": "1-" * (SIZE // 2),
    "phone numbers back to back": ("12 34 56 " * SIZE)[:SIZE],
    "country codes": ("+45 " * SIZE)[:SIZE],
    "e-mail addresses back to back": ("a@a.a" * 20 + " ") * (SIZE // 101),
    "a street and endless spaces": "Storegade" + " " * SIZE,
    "phone labels": ("tlf. mobil: 1-2 " * SIZE)[:SIZE],
    "bare street names": ("Torvet Vænget " * SIZE)[:SIZE],
    "a mix": ("a.a@a-b.c 12 34 Vej 0045 a.-a " * SIZE)[:SIZE],
}


@pytest.mark.parametrize("text", WORST.values(), ids=WORST.keys())
def test_the_worst_inputs_take_linear_time(text):
    started = time.perf_counter()
    findings(text)
    assert time.perf_counter() - started < BOUND


@pytest.mark.parametrize("text", WORST.values(), ids=WORST.keys())
def test_a_real_finding_after_the_worst_input_is_still_found(text):
    found = findings(text + " . Ring 20 45 67 89, skriv bo@example.dk, Storegade 12.")

    assert found[-3:] == [
        Finding(PHONE, "20 45 67 89"),
        Finding(EMAIL, "bo@example.dk"),
        Finding(ADDRESS, "Storegade 12"),
    ]


def _worst(length: int) -> str:
    return ("a." * length)[:length]


def test_the_check_endpoint_answers_quickly_with_maximal_worst_input(phone_client, seminar):
    data = {"who": _worst(400), "said": _worst(8_000), "quotes": ("a@" * 2_000)[:3_990] + " a@b.dk"}

    started = time.perf_counter()
    response = phone_client.post(
        f"/s/{seminar.slug}/homework/interview/check/",
        data,
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert time.perf_counter() - started < BOUND
    assert "looks like it holds an e-mail address." in response.content.decode()
    assert not Interview.objects.exists()


def test_a_refused_save_with_megabytes_of_worst_input_answers_quickly(phone_client, seminar):
    data = {
        "key": str(uuid.uuid4()),
        "version": "0",
        "who": "Pensionist",
        "said": _worst(1_000_000),
        "quotes": "",
    }

    started = time.perf_counter()
    response = phone_client.post(
        f"/s/{seminar.slug}/homework/interview/",
        data,
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert time.perf_counter() - started < 2 * BOUND
    assert response.status_code == 400
    assert "Keep it under 4000 characters (now 1000000)." in response.content.decode()
    assert not Interview.objects.exists()
