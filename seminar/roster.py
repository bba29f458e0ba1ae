"""The roster: participants read from CSV or XLSX, checked whole before anything is saved.

Every value is checked against its column in the database (length, no control characters),
so a bad file is a list of rows to fix on SQLite and PostgreSQL alike, never a crash. A file
is read only as far as `MAX_ROWS` rows: a 60,000-row sheet is refused at once.
"""

import csv
import io
import itertools
import re
import zipfile
from dataclasses import dataclass

import openpyxl
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from seminar.models import Department, Participant, Seminar

COLUMNS = ("name", "department", "title", "email", "role", "id")
MAX_ROWS = 2000  # a seminar of a whole municipality's leaders is a few hundred
MAX_COLUMNS = 30  # a sheet may have a few extra columns; the rest is never read
SHOWN_VALUE = 40  # characters of a bad value repeated in its message
LIMITS = {"name": Participant._meta.get_field("name").max_length,
          "department": Department._meta.get_field("name").max_length,
          "title": Participant._meta.get_field("title").max_length,
          "email": Participant._meta.get_field("email").max_length,
          "id": Participant._meta.get_field("roster_id").max_length}


class RosterError(Exception):
    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"row {row}: {message}" for row, message in problems))


@dataclass(frozen=True)
class RosterRow:
    name: str
    department: str
    title: str
    email: str
    role: str
    roster_id: str = ""


def _too_many() -> RosterError:
    return RosterError([(0, _("The file has more than %(max)d participants; split it and import "
                              "the parts one after the other.") % {"max": MAX_ROWS})])


def _csv_records(data: bytes) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RosterError([(0, _("The file is not UTF-8 text (byte %(byte)d); save it as CSV UTF-8.")
                            % {"byte": error.start})])
    first_line = text.splitlines()[0] if text.strip() else ","
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    records = list(itertools.islice(reader, MAX_ROWS + 1))
    if len(records) > MAX_ROWS:
        raise _too_many()
    return records


_ROW_TAG = re.compile(rb"<(?:\w{1,8}:)?row[\s>/]")  # at most 14 bytes: fits in the overlap
_OVERLAP = 16


def _more_rows_than(data: bytes, limit: int) -> bool:
    """Whether the first sheet has more than `limit` rows, read only as far as needed.

    openpyxl reads the whole shared-string table before the first row (1.4 s for 60,000
    rows), so a sheet far over the cap is counted in its raw XML first and refused at once.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = sorted(name for name in archive.namelist()
                        if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"))
        if not sheets:
            return False
        with archive.open(sheets[0]) as sheet:
            rows, text = 0, b""
            while rows <= limit:
                chunk = sheet.read(256 * 1024)
                text = text[-_OVERLAP:] + chunk
                # A tag starting in the overlap is counted with the next chunk, whole.
                end = len(text) - _OVERLAP if chunk else len(text)
                rows += sum(1 for tag in _ROW_TAG.finditer(text) if tag.start() < end)
                if not chunk:
                    break
            return rows > limit


def _xlsx_records(data: bytes) -> list[dict[str, str]]:
    try:
        # Raw rows include empty ones with only a format, so only a sheet far over the cap
        # is refused unread; below that, openpyxl counts the rows that hold something.
        if _more_rows_than(data, 5 * MAX_ROWS):
            raise _too_many()
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS)
        header = [str(cell or "").strip() for cell in next(rows, [])]
        records = []
        for row in rows:
            if any(cell not in (None, "") for cell in row):
                if len(records) == MAX_ROWS:
                    raise _too_many()
                records.append({key: "" if cell is None else str(cell)
                                for key, cell in zip(header, row)})
        return records
    except RosterError:
        raise
    except Exception:  # openpyxl raises many kinds for a broken or foreign file
        raise RosterError([(0, _("The file is not a readable Excel workbook (.xlsx)."))])


def _shown(value: str) -> str:
    return value if len(value) <= SHOWN_VALUE else value[:SHOWN_VALUE] + "…"


def _value_problems(values: dict[str, str]) -> dict[str, str]:
    """What is wrong with the row's values as the database would store them, by column."""
    problems = {}
    for column, limit in LIMITS.items():
        value = values[column]
        if any(ord(char) < 32 for char in value):
            escaped = _shown(value.encode("unicode_escape").decode())
            problems[column] = _("column %(column)s holds a control character: “%(value)s”") % {
                "column": column, "value": escaped}
        elif len(value) > limit:
            problems[column] = _(
                "column %(column)s is %(length)d characters long, at most %(limit)d: “%(value)s”"
            ) % {"column": column, "length": len(value), "limit": limit, "value": _shown(value)}
    return problems


def parse_roster(data: bytes, filename: str = "roster.csv") -> list[RosterRow]:
    """Read a roster from CSV (UTF-8, comma or semicolon) or XLSX, at most `MAX_ROWS` rows.

    Raises RosterError listing every bad row (row numbers as the spreadsheet shows them).
    """
    is_xlsx = filename.lower().endswith(".xlsx") or data[:2] == b"PK"
    records = _xlsx_records(data) if is_xlsx else _csv_records(data)
    header = {key.strip().lower() for record in records[:1] for key in record if key}
    missing = [column for column in ("name", "department") if records and column not in header]
    if not records:
        raise RosterError([(1, _("The file has no participants."))])
    if missing:
        raise RosterError([(1, _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)})])
    problems, rows, emails, ids = [], [], {}, {}
    for number, raw in enumerate(records, start=2):
        lowered = {key.strip().lower(): value or "" for key, value in raw.items() if isinstance(key, str)}
        values = {key: str(lowered.get(key, "")).strip() for key in COLUMNS}
        role = values["role"].lower() or Participant.Role.PARTICIPANT
        bad_values = _value_problems(values)
        row_problems = list(bad_values.values())
        if not values["name"]:
            row_problems.append(_("name is missing"))
        if not values["department"]:
            row_problems.append(_("department is missing"))
        if role not in Participant.Role.values:
            row_problems.append(_("role must be one of %(roles)s")
                                % {"roles": ", ".join(Participant.Role.values)})
        if values["email"] and "email" not in bad_values:
            try:
                validate_email(values["email"])
            except ValidationError:
                row_problems.append(_("e-mail %(email)s is not valid")
                                    % {"email": repr(_shown(values["email"]))})
            key = values["email"].casefold()
            if key in emails:
                row_problems.append(_("e-mail %(email)s is also on row %(row)d")
                                    % {"email": values["email"], "row": emails[key]})
            emails.setdefault(key, number)
        if values["id"] and "id" not in bad_values:
            if values["id"] in ids:
                row_problems.append(_("id %(id)s is also on row %(row)d") % {"id": values["id"], "row": ids[values["id"]]})
            ids.setdefault(values["id"], number)
        problems += [(number, problem) for problem in row_problems]
        rows.append(RosterRow(values["name"], values["department"], values["title"], values["email"],
                              role, values["id"]))
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
        by_name.setdefault((person.name.casefold(), person.department.name.casefold()), []).append(person)

    def match(row: RosterRow) -> Participant | None:
        if row.roster_id:
            return by_id.get(row.roster_id)
        if row.email:
            return by_email.get(row.email.casefold())
        same = by_name.get((row.name.casefold(), row.department.casefold()), [])
        return same[0] if len(same) == 1 and not same[0].email else None

    return match


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
            departments[row.department] = Department.objects.create(seminar=seminar, name=row.department)
        person = match(row)
        fields = {"name": row.name, "title": row.title, "email": row.email, "role": row.role,
                  "department": departments[row.department], "roster_id": row.roster_id}
        if person is None:
            Participant.objects.create(seminar=seminar, **fields)
            added += 1
        else:
            for name, value in fields.items():
                setattr(person, name, value)
            person.save(update_fields=list(fields))
            updated += 1
    return RosterResult(added, updated)
