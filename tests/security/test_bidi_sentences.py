"""A name inside a translated sentence is isolated for bidi, so an unclosed right-to-left
override in it cannot reverse the words after it (the `bdi` filter)."""

from django.template import Context, Template

RLO = "\u202e"


def test_the_bdi_filter_isolates_and_escapes_a_name():
    template = Template(
        "{% load i18n seminar_tags %}"
        "{% blocktranslate with name=who|bdi %}Sent to {{ name }} at table 1{% endblocktranslate %}"
    )

    html = template.render(Context({"who": f"<b>Ann{RLO}"}))

    assert html == f"Sent to <bdi>&lt;b&gt;Ann{RLO}</bdi> at table 1"


def test_the_person_page_heading_isolates_the_name(facilitator_client, seminar, participant):
    participant.name = f"Noor {RLO}al-Rashid"
    participant.save()

    html = facilitator_client.get(
        f"/s/{seminar.slug}/people/{participant.pk}/access/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert f"<h1>Link and code for <bdi>Noor {RLO}al-Rashid</bdi></h1>" in html
