"""Hostile participant text and the check that a page shows it as text, never as markup.

The payload tries the three ways in: an element with an event handler, a script, and an
element with htmx attributes (escaped text cannot carry `hx-*`, but unescaped it would
fetch on load). A page passes when the marker is there as text (the field is shown)
and nothing of the payload became an element or an attribute.
"""

from html.parser import HTMLParser

MARK = "XSS-MARK"
PAYLOAD = (
    f'<img src=x onerror=alert(1)><b hx-get="/logout/" hx-trigger="load" id="xss-hx">{MARK}</b>'
    "<script>alert(2)</script>"
)
NAME = f'<b hx-get="/logout/" hx-trigger="load" id="xss-hx">{MARK}</b><img src=x onerror=alert(3)>'


class Page(HTMLParser):
    """The elements, attributes and text of an HTML page, as a browser's parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag) -> None:
        self._in_script = False

    def handle_data(self, data) -> None:
        (self.scripts if self._in_script else self.texts).append(data)

    def injected(self) -> list[str]:
        """What of a payload became markup: elements, handlers, htmx attributes, scripts."""
        found = []
        for tag, attrs in self.elements:
            if attrs.get("id") == "xss-hx" or attrs.get("hx-get") == "/logout/":
                found.append(f"<{tag}> with the payload's htmx attributes")
            found += [f"<{tag} {name}>" for name in attrs if name.startswith("on")]
            if tag == "img" and attrs.get("src") == "x":
                found.append("<img src=x>")
        found += [f"script {text!r}" for text in self.scripts if "alert(" in text]
        return found

    def shows(self, mark: str = MARK) -> bool:
        """Whether the mark is on the page as text or in an (escaped) attribute value."""
        return any(mark in text for text in self.texts) or any(
            mark in (value or "") for _, attrs in self.elements for value in attrs.values()
        )


def assert_shown_as_text(html: str, where: str) -> None:
    page = Page(html)
    assert page.injected() == [], where
    assert page.shows(), (
        f"{where}: the hostile text is not on the page, so this check proves nothing"
    )


def assert_inert(html: str, where: str) -> None:
    assert Page(html).injected() == [], where
