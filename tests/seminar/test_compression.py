"""Pages go out compressed (with Django's BREACH padding), so a phone on venue Wi-Fi loads fast."""

import gzip


def test_the_phone_page_is_sent_gzipped_and_decompresses_to_the_page(phone_client, seminar):
    response = phone_client.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert 'id="phone-live"' in html
    assert len(response.content) < len(html) / 2
