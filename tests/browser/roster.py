"""The rest of the room: participants whose phones act over plain HTTP against the test server.

Each `HttpPhone` is bound by the participant's personal link, keeps its own cookies (the
session and the CSRF cookie), reads the pages a phone would load (the program page, the
activity panel, a gallery) and sends the forms it finds there, with their own fields (the
CSRF token, the idempotency key, the version) and the values a person would type. Its
requests reach the same daphne the browsers use, so their pushes reach the browsers live.
"""

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser

WORKERS = 6


@dataclass
class Form:
    attrs: dict[str, str]
    fields: list[tuple[str, str]] = field(
        default_factory=list
    )  # what a browser would send unchanged
    names: set[str] = field(default_factory=set)  # every named control, sent or not
    buttons: set[tuple[str, str]] = field(
        default_factory=set
    )  # (name, value) of its submit buttons


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs) -> None:
        attrs = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = Form(attrs)
            self.forms.append(self._form)
        if self._form is None or "name" not in attrs and tag != "option":
            return
        name = attrs.get("name", "")
        if tag == "input":
            self._form.names.add(name)
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._form.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "file", "button", "image", "reset"):
                self._form.fields.append((name, attrs.get("value", "")))
        elif tag == "textarea":
            self._form.names.add(name)
            self._textarea, self._text = name, []
        elif tag == "select":
            self._form.names.add(name)
            self._select, self._options = name, []
        elif tag == "option" and self._select is not None:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "button":
            self._form.names.add(name)
            self._form.buttons.add((name, attrs.get("value", "")))

    def handle_data(self, data) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag) -> None:
        if tag == "textarea" and self._textarea is not None:
            self._form.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected] or [
                v for v, _ in self._options[:1]
            ]
            self._form.fields += [(self._select, value) for value in chosen]
            self._select = None
        elif tag == "form":
            self._form = None


def forms_in(html: str) -> list[Form]:
    parser = _Forms()
    parser.feed(html)
    parser.close()
    return parser.forms


@dataclass
class Answer:
    status: int
    text: str


class HttpPhone:
    """One participant's phone, acting over HTTP: bound by the personal link, cookies kept."""

    def __init__(self, base_url: str, participant) -> None:
        self.base_url = base_url
        self.participant = participant
        self.slug = participant.seminar.slug
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.page = self.get(f"/p/{participant.token}/")

    def __repr__(self) -> str:
        return f"<HttpPhone {self.participant.name}>"

    def _open(self, request: urllib.request.Request) -> Answer:
        try:
            with self.opener.open(request, timeout=30) as response:
                return Answer(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode())

    def get(self, path: str) -> str:
        answer = self._open(
            urllib.request.Request(self.base_url + path, headers={"Accept-Language": "da"})
        )
        assert answer.status == 200, f"{self}: GET {path} answered {answer.status}"
        return answer.text

    def program(self) -> str:
        """The phone's page: the program, the room's and the group's live regions."""
        return self.get(f"/s/{self.slug}/")

    def panel(self, item) -> str:
        """The activity's personal forms, as the phone fetches them once per item."""
        return self.get(f"/s/{self.slug}/panel/{item.pk}/")

    def send(
        self,
        html: str,
        action: str,
        button: tuple[str, str] | None = None,
        expect: int | tuple[int, ...] = 200,
        **values,
    ) -> Answer:
        """Fill the form posting to `action` as a person would and send it as htmx does.

        Fields not given keep what the page put there (the CSRF token, the key, the
        version, checked boxes); a list value sends a multiple choice; `button` is the
        (name, value) of the submit button pressed, which also picks the form when
        several post to the same address.
        """
        form = next(
            (
                f
                for f in forms_in(html)
                if f.attrs.get("action") == action and (button is None or button in f.buttons)
            ),
            None,
        )
        assert form is not None, f"{self}: no form posts to {action}" + (
            f" with a button {button}" if button else ""
        )
        unknown = set(values) - form.names
        assert not unknown, f"{self}: the form posting to {action} has no field {sorted(unknown)}"
        data = [(name, value) for name, value in form.fields if name not in values]
        for name, value in values.items():
            data += [(name, v) for v in value] if isinstance(value, list) else [(name, value)]
        if button:
            data.append(button)
        request = urllib.request.Request(
            self.base_url + action,
            data=urllib.parse.urlencode(data).encode(),
            method="POST",
            headers={
                "HX-Request": "true",
                "Accept-Language": "da",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        answer = self._open(request)
        allowed = expect if isinstance(expect, tuple) else (expect,)
        assert answer.status in allowed, (
            f"{self}: POST {action} answered {answer.status}:\n{answer.text[:600]}"
        )
        return answer


def everyone(phones, work) -> list:
    """Let each phone do its part at once, as a room does; returns what each returned."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(work, phones))
