"""The report as files: a ZIP of CSV files, one Excel workbook, one PDF.

All three hold the same tables (the seminar's facts, the agenda, then each registered
section), with headers in the reader's language (program/report_columns.py) and every
cell passed through seminar.spreadsheets.safe_cell, so nothing a participant typed
becomes a formula. The PDF is drawn on the server with fpdf2 (pure Python): a facilitator
gets it in one click, without a print dialogue.
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from program import report, report_columns
from seminar.models import Seminar
from seminar.spreadsheets import BOM, safe_cell, write_rows


@dataclass
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[dict]
    labels: dict = field(default_factory=dict)  # headers the section names itself

    @property
    def headers(self) -> list[str]:
        return report_columns.labels(self.columns, self.labels)

    @property
    def cells(self) -> list[list]:
        return [[safe_cell(row.get(column, "")) for column in self.columns] for row in self.rows]


def tables(seminar: Seminar) -> list[Table]:
    items = list(report.in_program_order(seminar))
    found = [
        Table("seminar", _("Seminar"), ("field", "value"), report.header_rows(seminar, items)),
        Table(
            "agenda",
            _("Agenda"),
            ("date", "item", "kind", "planned_start", "moved_to", "actual_start", "minutes"),
            report.agenda_rows(items),
        ),
    ]
    own = report_columns.worded(seminar)
    return found + [
        Table(
            section.key,
            section.title_for(seminar),
            section.columns,
            section.rows(seminar),
            {**own, **section.labels},
        )
        for section in report.sections()
    ]


def zip_bytes(seminar: Seminar) -> bytes:
    """One CSV per table, numbered so that the files sort in the report's order.

    In the spreadsheet dialect of seminar/spreadsheets.py (semicolons, UTF-8 with a BOM).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, table in enumerate(tables(seminar), start=1):
            out = io.StringIO()
            write_rows(out, [table.headers, *table.cells])
            archive.writestr(f"{number:02d}-{table.key}.csv", (BOM + out.getvalue()).encode())
    return buffer.getvalue()


def _sheet_title(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    clean = "".join(" " if char in "[]:*?/\\" else char for char in title)[:31].strip() or "-"
    name, number = clean, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = clean[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def xlsx_bytes(seminar: Seminar) -> bytes:
    """One workbook, a sheet per table, headers bold and frozen; text cells stay text."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for table in tables(seminar):
        sheet = workbook.create_sheet(_sheet_title(table.title, taken))
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for cells in table.cells:
            sheet.append(cells)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = (
                        "s"  # never a formula, even where safe_cell left the text as it was
                    )
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            widest = max((len(str(cell.value or "")) for cell in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, widest + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _latin(text: object) -> str:
    """The PDF's built-in font covers Latin-1 (all of Danish); other characters become '?'."""
    text = str(text).replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2026", "...")
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf_bytes(seminar: Seminar) -> bytes:
    """The report's tables as an A4 document: a heading per table, one block per row."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(_latin(seminar.title))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(
        0,
        9,
        _latin(_("Report: %(title)s") % {"title": seminar.title}),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    for table in tables(seminar):
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(0, 7, _latin(table.title), new_x="LMARGIN", new_y="NEXT")
        if not table.rows:
            pdf.set_font("Helvetica", "I", 10)
            pdf.multi_cell(0, 5, _latin(_("none")), new_x="LMARGIN", new_y="NEXT")
        for row in table.rows:
            pdf.set_font("Helvetica", "", 10)
            lines = [
                f"{header}: {row.get(column, '')}"
                for header, column in zip(table.headers, table.columns, strict=True)
                if str(row.get(column, "")).strip()
            ]
            pdf.multi_cell(0, 5, _latin("\n".join(lines)), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    return bytes(pdf.output())
