"""CSV files that people open in a spreadsheet: one dialect for every export, and no formulas.

Danish Excel splits a CSV file on semicolons (the list separator wherever the decimal mark
is a comma) and reads UTF-8 only after a byte-order mark; with commas, every row lands in
one column. LibreOffice and Python's csv module read the same files when told the
delimiter. A cell that starts with =, +, -, @ (or a tab or carriage return) would be
taken for a formula: whatever a participant typed is shown as text.
"""

import csv
import re
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.functional import Promise

DELIMITER = ";"
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters that no spreadsheet file may hold (an .xlsx with one does not open).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): a name with an override
# left open would turn the cells after it backwards in some programs. Removed, not escaped.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def safe_cell(value) -> object:
    """A cell a spreadsheet shows as text: never a formula, no stray direction control,
    whatever a participant typed.

    The one function every export (CSV and Excel) passes its cells through.
    """
    if isinstance(value, Promise):  # a translated text, such as "a former participant"
        value = str(value)
    if isinstance(value, str):
        value = CONTROL.sub("", value).translate(BIDI_CONTROLS)
        if value.startswith(FORMULA_STARTS):
            return "'" + value
    return value


def write_rows(out, rows: Iterable[Sequence]) -> None:
    """Rows of cells, each made safe."""
    target = csv.writer(out, delimiter=DELIMITER)
    for row in rows:
        target.writerow([safe_cell(value) for value in row])


def csv_download(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """An attachment a spreadsheet opens with the Danish letters and columns right."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    write_rows(response, [header, *rows])
    return response
