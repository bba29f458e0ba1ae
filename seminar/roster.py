"""The roster: participants read from CSV or XLSX, checked whole before anything is saved."""

import csv
import io
from dataclasses import dataclass

import openpyxl
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from seminar.models import Department, Participant, Seminar

COLUMNS = ("name", "department", "title", "email", "role")


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


def _csv_records(data: bytes) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RosterError([(0, f"the file is not UTF-8 text (byte {error.start}); save it as CSV UTF-8")])
    first_line = text.splitlines()[0] if text.strip() else ","
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def _xlsx_records(data: bytes) -> list[dict[str, str]]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken or foreign file
        raise RosterError([(0, "the file is not a readable Excel workbook (.xlsx)")])
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = [str(cell or "").strip() for cell in next(rows, [])]
    return [{key: "" if cell is None else str(cell) for key, cell in zip(header, row)}
            for row in rows if any(cell not in (None, "") for cell in row)]


def parse_roster(data: bytes, filename: str = "roster.csv") -> list[RosterRow]:
    """Read a roster from CSV (UTF-8, comma or semicolon) or XLSX.

    Raises RosterError listing every bad row (row numbers as the spreadsheet shows them).
    """
    is_xlsx = filename.lower().endswith(".xlsx") or data[:2] == b"PK"
    records = _xlsx_records(data) if is_xlsx else _csv_records(data)
    header = {key.strip().lower() for record in records[:1] for key in record if key}
    missing = [column for column in ("name", "department") if records and column not in header]
    if not records:
        raise RosterError([(1, "the file has no participants")])
    if missing:
        raise RosterError([(1, f"missing column(s): {', '.join(missing)}")])
    problems, rows, emails = [], [], {}
    for number, raw in enumerate(records, start=2):
        lowered = {(key or "").strip().lower(): (value or "") for key, value in raw.items()}
        values = {key: lowered.get(key, "").strip() for key in COLUMNS}
        role = values["role"].lower() or Participant.Role.PARTICIPANT
        if not values["name"]:
            problems.append((number, "name is missing"))
        if not values["department"]:
            problems.append((number, "department is missing"))
        if role not in Participant.Role.values:
            problems.append((number, f"role must be one of {', '.join(Participant.Role.values)}"))
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                problems.append((number, f"e-mail {values['email']!r} is not valid"))
            key = values["email"].lower()
            if key in emails:
                problems.append((number, f"e-mail {values['email']} is also on row {emails[key]}"))
            emails.setdefault(key, number)
        rows.append(RosterRow(values["name"], values["department"], values["title"], values["email"], role))
    if problems:
        raise RosterError(problems)
    return rows


@transaction.atomic
def import_roster(*, seminar: Seminar, data: bytes, filename: str = "roster.csv") -> int:
    """Add the file's participants to the seminar, creating departments as needed.

    Saves nothing when any row is bad, or when an e-mail is already on the roster.
    Returns how many participants were added.
    """
    rows = parse_roster(data, filename)
    taken = set(seminar.participants.exclude(email="").values_list("email", flat=True))
    clashes = [(n, f"e-mail {row.email} is already on the roster") for n, row in enumerate(rows, 2)
               if row.email and row.email in taken]
    if clashes:
        raise RosterError(clashes)
    departments = {d.name: d for d in seminar.departments.all()}
    for row in rows:
        if row.department not in departments:
            departments[row.department] = Department.objects.create(seminar=seminar, name=row.department)
        Participant.objects.create(seminar=seminar, name=row.name, department=departments[row.department],
                                   title=row.title, email=row.email, role=row.role)
    return len(rows)
