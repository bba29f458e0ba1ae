"""The roster: participants read from CSV or XLSX, checked whole before anything is saved.

Files as organisers have them (seminar.roster_files): Danish or English headers and roles,
e-mail addresses with æ/ø/å; a column the roster does not know is an error, never ignored.
Every problem names its row, its column (as the file heads it) and the value.

Every value is checked against its column in the database (length, no control characters),
so a bad file is a list of rows to fix on SQLite and PostgreSQL alike, never a crash. A file
is read only as far as `MAX_ROWS` rows: a 60,000-row sheet is refused at once.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from seminar.models import Department, Participant, Seminar
from seminar.roster_files import MAX_ROWS, RosterError, csv_records, xlsx_records

__all__ = ["MAX_ROWS", "RosterError", "RosterRow", "import_roster", "parse_roster", "preview"]

COLUMNS = ("name", "department", "title", "email", "role", "id")
SHOWN_VALUE = 40  # characters of a bad value repeated in its message
LIMITS = {
    "name": Participant._meta.get_field("name").max_length,
    "department": Department._meta.get_field("name").max_length,
    "title": Participant._meta.get_field("title").max_length,
    "email": Participant._meta.get_field("email").max_length,
    "id": Participant._meta.get_field("roster_id").max_length,
}


@dataclass(frozen=True)
class RosterRow:
    name: str
    department: str
    title: str
    email: str
    role: str
    roster_id: str = ""


def _shown(value: str) -> str:
    return value if len(value) <= SHOWN_VALUE else value[:SHOWN_VALUE] + "…"


def _key(text: str) -> str:
    """A header or role as compared: case-folded, with '-', '_' and spaces alike."""
    return re.sub(r"[\s_-]+", " ", text.strip().casefold())


# The headers and roles organisers write, in Danish or English, as compared (_key).
HEADERS = {
    "name": {"name", "navn", "fulde navn", "full name"},
    "department": {"department", "afdeling", "enhed", "område"},
    "title": {"title", "job title", "titel", "stilling", "stillingsbetegnelse", "jobtitel"},
    "email": {
        "email",
        "e mail",
        "mail",
        "e mail adresse",
        "email address",
        "e mailadresse",
        "mailadresse",
    },
    "role": {"role", "rolle"},
    "id": {"id", "medarbejder id", "medarbejdernummer", "medarbejdernr", "employee id"},
}
ROLES = {
    Participant.Role.PARTICIPANT: {"participant", "deltager", ""},
    Participant.Role.PROCESS_LEADER: {"process leader", "procesleder", "facilitator"},
    Participant.Role.MANAGEMENT: {"management", "ledelse", "direktion", "ledelsen"},
}
_HEADER_OF = {alias: column for column, aliases in HEADERS.items() for alias in aliases}
_ROLE_OF = {alias: role for role, aliases in ROLES.items() for alias in aliases}
# Letters of any script in the part before @ (RFC 6531); the domain is checked by Django.
_LOCAL_PART = re.compile(r"^[\w!#$%&'*+/=?^`{|}~-]+(\.[\w!#$%&'*+/=?^`{|}~-]+)*$")


def valid_email(address: str) -> bool:
    """Django's check, with letters such as æ, ø, å allowed before the @ too."""
    local, at, domain = address.rpartition("@")
    if not at or not _LOCAL_PART.match(local) or len(local) > 64:
        return False
    try:
        validate_email(f"x@{domain}")
    except ValidationError:
        return False
    return True


def _columns(header: list[str]) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Which cell holds which column, and the header's problems (unknown, twice, missing)."""
    where, problems = {}, []
    for index, heading in enumerate(header):
        column = _HEADER_OF.get(_key(heading))
        if column is None:
            if heading:
                problems.append(
                    (
                        1,
                        _("column %(column)s is not a roster column (use %(known)s)")
                        % {"column": f"“{_shown(heading)}”", "known": KNOWN_HEADERS},
                    )
                )
        elif column in where:
            problems.append(
                (
                    1,
                    _("columns %(first)s and %(second)s are the same column")
                    % {"first": f"“{header[where[column]]}”", "second": f"“{heading}”"},
                )
            )
        else:
            where[column] = index
    for column in ("name", "department"):
        if column not in where:
            problems.append((1, _("column %(column)s is missing") % {"column": f"“{column}”"}))
    return where, problems


KNOWN_HEADERS = "name/navn, department/afdeling, title/stilling, email/e-mail, role/rolle, id"


def _row_problems(values: dict[str, str], heading: dict[str, str]) -> list[str]:
    """Every problem of one row; each names the column as the file heads it and the value."""
    problems = []
    for column, limit in LIMITS.items():
        value = values[column]
        if any(ord(char) < 32 for char in value):
            problems.append(
                _("column %(column)s holds a control character: “%(value)s”")
                % {
                    "column": heading[column],
                    "value": _shown(value.encode("unicode_escape").decode()),
                }
            )
        elif len(value) > limit:
            problems.append(
                _("column %(column)s is %(length)d characters long, at most %(limit)d: “%(value)s”")
                % {
                    "column": heading[column],
                    "length": len(value),
                    "limit": limit,
                    "value": _shown(value),
                }
            )
    if problems:
        return problems
    for column in ("name", "department"):
        if not values[column]:
            problems.append(_("column %(column)s is empty") % {"column": heading[column]})
    if _key(values["role"]) not in _ROLE_OF:
        problems.append(
            _(
                "column %(column)s: “%(value)s” is not a role (use deltager, procesleder or "
                "ledelse; participant, process_leader or management)"
            )
            % {"column": heading["role"], "value": _shown(values["role"])}
        )
    if values["email"] and not valid_email(values["email"]):
        problems.append(
            _("column %(column)s: “%(value)s” is not an e-mail address")
            % {"column": heading["email"], "value": _shown(values["email"])}
        )
    return problems


def parse_roster(data: bytes, filename: str = "roster.csv") -> list[RosterRow]:
    """Read a roster from CSV (UTF-8 or Windows-1252, comma or semicolon) or XLSX, with
    Danish or English headers and roles, at most `MAX_ROWS` rows.

    Raises RosterError listing every problem: row (as the spreadsheet numbers it), column
    (as the file heads it) and value.
    """
    is_xlsx = filename.lower().endswith(".xlsx") or data[:2] == b"PK"
    header, records = xlsx_records(data) if is_xlsx else csv_records(data)
    where, problems = _columns(header)
    if not records:
        problems.append((1, _("The file has no participants.")))
    if problems:
        raise RosterError(problems)
    heading = {column: (header[where[column]] if column in where else column) for column in COLUMNS}
    rows, seen = [], {"email": {}, "id": {}}
    for number, cells in records:
        values = {
            column: (
                cells[where[column]].strip()
                if column in where and where[column] < len(cells)
                else ""
            )
            for column in COLUMNS
        }
        found = _row_problems(values, heading)
        stray = [cell for index, cell in enumerate(cells) if cell.strip() and index >= len(header)]
        found += [
            _("a column without a heading holds “%(value)s”") % {"value": _shown(cell)}
            for cell in stray
        ]
        for column in ("email", "id"):
            key = values[column].casefold()
            if key and key in seen[column]:
                found.append(
                    _("column %(column)s: “%(value)s” is also on row %(row)d")
                    % {"column": heading[column], "value": values[column], "row": seen[column][key]}
                )
            seen[column].setdefault(key, number)
        problems += [(number, problem) for problem in found]
        rows.append(
            RosterRow(
                values["name"],
                values["department"],
                values["title"],
                values["email"],
                _ROLE_OF.get(_key(values["role"]), Participant.Role.PARTICIPANT),
                values["id"],
            )
        )
    if problems:
        raise RosterError(problems)
    return rows


@dataclass(frozen=True)
class RosterResult:
    added: int
    updated: int


def _matcher(seminar: Seminar):
    """Finds the participant a row is: by id column, else e-mail (case-folded), else the one
    person with that name in that department; None for a new person."""
    people = list(seminar.participants.select_related("department"))
    by_id = {p.roster_id: p for p in people if p.roster_id}
    by_email = {p.email.casefold(): p for p in people if p.email}
    by_name: dict[tuple[str, str], list[Participant]] = {}
    for person in people:
        by_name.setdefault((person.name.casefold(), person.department.name.casefold()), []).append(
            person
        )

    def match(row: RosterRow) -> Participant | None:
        if row.roster_id:
            return by_id.get(row.roster_id)
        if row.email:
            return by_email.get(row.email.casefold())
        same = by_name.get((row.name.casefold(), row.department.casefold()), [])
        return same[0] if len(same) == 1 and not same[0].email else None

    return match


def preview(seminar: Seminar, rows: list[RosterRow]) -> list[tuple[RosterRow, bool]]:
    """Each row, and whether importing it updates someone already on the roster (else: adds)."""
    match = _matcher(seminar)
    return [(row, match(row) is not None) for row in rows]


@transaction.atomic
def import_roster(*, seminar: Seminar, data: bytes, filename: str = "roster.csv") -> RosterResult:
    """Add the file's people to the seminar, or update those already on it; never a duplicate.

    A row is the participant with its `id` (the organiser's), else with its e-mail (in any
    case), else the one with its name in its department; others are added. Saves nothing
    when any row is bad. Departments are created as needed.
    """
    rows = parse_roster(data, filename)
    match = _matcher(seminar)
    departments = {d.name: d for d in seminar.departments.all()}
    added = updated = 0
    for row in rows:
        if row.department not in departments:
            departments[row.department] = Department.objects.create(
                seminar=seminar, name=row.department
            )
        person = match(row)
        fields = {
            "name": row.name,
            "title": row.title,
            "email": row.email,
            "role": row.role,
            "department": departments[row.department],
            "roster_id": row.roster_id,
        }
        if person is None:
            Participant.objects.create(seminar=seminar, **fields)
            added += 1
        else:
            for name, value in fields.items():
                setattr(person, name, value)
            person.save(update_fields=list(fields))
            updated += 1
    return RosterResult(added, updated)
