"""Reading a roster file into records (one dict per row, keyed by the file's own headers).

CSV in UTF-8 (with or without BOM) or Windows-1252 (what Danish Excel saves as "CSV"),
separated by commas or semicolons; XLSX. Read only as far as `MAX_ROWS` rows.
"""

import csv
import io
import re
import zipfile

import openpyxl
from django.utils.translation import gettext as _

MAX_ROWS = 2000  # a seminar of a whole municipality's leaders is a few hundred
MAX_COLUMNS = 30  # a sheet may have a few extra columns; the rest is never read


class RosterError(Exception):
    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"row {row}: {message}" for row, message in problems))


def _too_many() -> RosterError:
    return RosterError(
        [
            (
                0,
                _(
                    "The file has more than %(max)d participants; split it and import "
                    "the parts one after the other."
                )
                % {"max": MAX_ROWS},
            )
        ]
    )


Table = tuple[list[str], list[tuple[int, list[str]]]]  # the header, and (row number, cells) per row


def csv_records(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Danish Excel's "CSV (semikolonsepareret)" is Windows-1252
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise RosterError(
                [
                    (
                        0,
                        _(
                            "The file is neither UTF-8 nor Windows-1252 text (byte %(byte)d); "
                            "save it as CSV UTF-8."
                        )
                        % {"byte": error.start},
                    )
                ]
            ) from error
    first_line = text.splitlines()[0] if text.strip() else ","
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader, [])[:MAX_COLUMNS]]
    rows = []
    for row in reader:  # line_num: the row as the spreadsheet numbers it (blank rows count)
        if any(cell.strip() for cell in row):
            if len(rows) == MAX_ROWS:
                raise _too_many()
            rows.append((reader.line_num, row[:MAX_COLUMNS]))
    return header, rows


_ROW_TAG = re.compile(rb"<(?:\w{1,8}:)?row[\s>/]")  # at most 14 bytes: fits in the overlap
_OVERLAP = 16


def _more_rows_than(data: bytes, limit: int) -> bool:
    """Whether the first sheet has more than `limit` rows, read only as far as needed.

    openpyxl reads the whole shared-string table before the first row (1.4 s for 60,000
    rows), so a sheet far over the cap is counted in its raw XML first and refused at once.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = sorted(
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet") and name.endswith(".xml")
        )
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


def xlsx_records(data: bytes) -> Table:
    try:
        # Raw rows include empty ones with only a format, so only a sheet far over the cap
        # is refused unread; below that, openpyxl counts the rows that hold something.
        if _more_rows_than(data, 5 * MAX_ROWS):
            raise _too_many()
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS)
        header = [str(cell or "").strip() for cell in next(rows, [])]
        records = []
        for number, row in enumerate(rows, start=2):
            if any(cell not in (None, "") for cell in row):
                if len(records) == MAX_ROWS:
                    raise _too_many()
                records.append((number, ["" if cell is None else str(cell) for cell in row]))
        return header, records
    except RosterError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken or foreign file
        raise RosterError([(0, _("The file is not a readable Excel workbook (.xlsx)."))]) from error
