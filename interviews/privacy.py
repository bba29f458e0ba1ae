"""Does an interview's text look like it identifies someone? A warning, never a block.

Pure Python, no Django: it looks for the four things that most often slip into notes
from a citizen interview: a Danish CPR number, a phone number, an e-mail address and a
street address. The patterns lean towards few false alarms on what interview notes
are full of: dates (30.10.2014), years (2014 og 2015), prices (1.250 kr.), times
(kl. 10.15) and counts ("Storegade 2 gange om ugen" is not an address).
"""

import bisect
import datetime as dt
import re
from dataclasses import dataclass

CPR = "cpr"
PHONE = "phone"
EMAIL = "email"
ADDRESS = "address"


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str


# Digits that stand alone: not part of a longer number, a date (30.10.2014), a time
# (10:15) or a price (1.250), so no digit may sit next to them, with or without a separator.
_ALONE_BEFORE = r"(?<!\d)(?<!\d[.,/:-])"
_ALONE_AFTER = r"(?!\d)(?![.,/:-]\d)"

_CPR = re.compile(
    _ALONE_BEFORE + r"(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{2})[- ]?\d{4}" + _ALONE_AFTER
)

# Danish subscriber numbers have eight digits and never begin with 0; written
# together, in pairs (12 34 56 78, 12-34-56-78, 12.34.56.78, one separator throughout)
# or in fours (1234 5678, 1234-5678), maybe after +45 or 0045.
_PHONE = re.compile(
    r"(?:(?<![\w+])(?:\+|00)45[ .-]?|" + _ALONE_BEFORE + r"(?<!\+))"
    r"(?P<number>[1-9]\d(?P<sep>[ .-]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}|[1-9]\d{3}[ -]\d{4})"
    + _ALONE_AFTER
    + r"(?!\s*+(?:kr|kroner|mio|mia)\b)"  # "1000 2000 kr." is money
)
# After a word that says "phone" any grouping of the eight digits is a number ("tlf. 212 34 567").
# Each separator is optional and single, so the pattern is bounded: no backtracking.
_LABELLED_PHONE = re.compile(
    r"\b(?:tlf|telefon(?:nummer|nr)?|mobil(?:nummer|nr)?|mob|tel)\.?(?: ?nr\.?)?:? ?"
    r"(?P<found>(?:(?:\+|00)45 ?)?"
    # "telefon 10.01.2000": a date, not a number
    r"(?!\d{1,2}(?P<dsep>[./-])\d{1,2}(?P=dsep)\d{4}(?!\d))"
    r"[1-9](?:[ .-]?\d){7})" + _ALONE_AFTER,
    re.IGNORECASE,
)

# Linear in the text: an address starts only where a run of its characters starts (not
# again at every dot of "a.a.a…"), and the local part is taken whole, without giving back.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")

_STREET_SUFFIXES = (
    "vej",
    "vejen",
    "gade",
    "allé",
    "alle",
    "stræde",
    "strædet",
    "torv",
    "torvet",
    "plads",
    "pladsen",
    "vænget",
    "vænge",
    "boulevard",
    "stien",
    "toften",
    "bakken",
    "parken",
    "haven",
)
_SUFFIX = "|".join(sorted(_STREET_SUFFIXES, key=len, reverse=True))
# Streets named by the suffix alone; only capitalised ones count (ordinary "torvet" is a place).
_BARE = "Torvet|Pladsen|Vænget|Strædet|Toften|Bakken|Stien|Markedet"
# A street name is a word of at least two letters before the suffix ("Storegade",
# "Kirkevej"), or a capitalised name with the suffix as its own word ("Frederiksberg
# Allé"); a bare "vej" or "parken" is ordinary text.
# The name is bounded (no Danish street name is near 40 characters) so that a match tried at
# every word of "a.a.a…" or "a-a-a…" looks a fixed distance ahead, not to the end of the text.
_LETTER = "A-Za-zÆØÅæøåÉéÜüÖöÄä"
_NAME = 40
_STREET = (
    rf"(?:\b[{_LETTER}](?=[{_LETTER}.-]{{1,{_NAME}}}+\s)"
    rf"[{_LETTER}.-]*[{_LETTER}](?:{_SUFFIX})"
    rf"|(?-i:\b[A-ZÆØÅ][{_LETTER}.-]{{1,{_NAME}}}+ "
    r"(?:Allé|Alle|Vej|Gade|Plads|Torv|Boulevard|Stræde))"
    # Many towns have a street that is just "Torvet" or "Vænget": capitalised, it is a name.
    rf"|(?-i:\b(?:{_BARE})))"
)
# What follows a number that makes it a count rather than a house number.
_UNITS = (
    "gange",
    "gang",
    "timer",
    "time",
    "minutter",
    "min",
    "dage",
    "dag",
    "uger",
    "uge",
    "måneder",
    "måned",
    "år",
    "km",
    "m",
    "meter",
    "kr",
    "kroner",
    "procent",
    "%",
    "stk",
    "børn",
    "personer",
    "mennesker",
    "borgere",
    "mio",
    "mia",
    "steder",
    "pladser",
    "biler",
)
_UNIT = "|".join(sorted((re.escape(unit) for unit in _UNITS), key=len, reverse=True))
_ADDRESS = re.compile(
    _STREET + rf"\s++(?P<number>\d{{1,4}}(?:[A-Za-z]\b|(?-i: [A-H]\b))?)(?![\d.,:]\d|\d)"
    rf"(?!\s*+(?:{_UNIT})(?![{_LETTER}]))",
    re.IGNORECASE,
)


def _plausible_birth_date(day: str, month: str, year: str) -> bool:
    """Some century makes ddmmyy a real date (29 February needs a leap year)."""
    for century in (1900, 2000):
        try:
            dt.date(century + int(year), int(month), int(day))
            return True
        except ValueError:
            continue
    return False


def _looks_like_two_years(number: str) -> bool:
    """ "2014 2015" is two years in a row, not a phone number."""
    parts = number.split(" ")
    return len(parts) == 2 and all(1900 <= int(part) <= 2099 for part in parts)


def findings(text: str) -> list[Finding]:
    """Everything in the text that looks like it could identify a person, in order."""
    found: list[tuple[int, Finding]] = []
    # The spans taken so far, disjoint and sorted, so a text full of matches costs n log n.
    starts: list[int] = []
    stops: list[int] = []

    def add(match: re.Match, kind: str, group: str | int = 0) -> None:
        start, stop = match.span(group)
        at = bisect.bisect_right(starts, start)
        if (at and stops[at - 1] > start) or (at < len(starts) and starts[at] < stop):
            return
        starts.insert(at, start)
        stops.insert(at, stop)
        found.append((start, Finding(kind, match.group(group).strip())))

    for match in _EMAIL.finditer(text):
        add(match, EMAIL)
    for match in _CPR.finditer(text):
        if _plausible_birth_date(match["day"], match["month"], match["year"]):
            add(match, CPR)
    for match in _LABELLED_PHONE.finditer(text):
        if not _looks_like_two_years(
            match["found"]
        ):  # "telefon 2014 2015": the years, as unlabelled
            add(match, PHONE, "found")
    for match in _PHONE.finditer(text):
        if not _looks_like_two_years(match["number"]):
            add(match, PHONE)
    for match in _ADDRESS.finditer(text):
        add(match, ADDRESS)
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


def redact(text: str, mark: str) -> str:
    """The text with every finding replaced by `mark` (for exports of flagged interviews)."""
    parts, at = [], 0
    for finding in findings(text):
        start = text.find(finding.text, at)
        parts += [text[at:start], mark]
        at = start + len(finding.text)
    return "".join(parts) + text[at:]


def kinds(*texts: str) -> list[str]:
    """The kinds found in any of the texts, each once, in a fixed order."""
    seen = {finding.kind for text in texts for finding in findings(text)}
    return [kind for kind in (CPR, PHONE, EMAIL, ADDRESS) if kind in seen]
