"""Cells of every CSV export: shown as text, and with no direction control left open."""

from seminar.spreadsheets import csv_download, safe_cell


def test_a_cell_loses_its_direction_controls():
    assert safe_cell("Noor \u202eAl-Rashid") == "Noor Al-Rashid"
    assert safe_cell("\u2067abc\u2069 \u202adef\u202c") == "abc def"


def test_a_cell_that_would_be_a_formula_stays_text_after_the_controls_go():
    assert safe_cell("\u202e=1+1") == "'=1+1"
    assert safe_cell(7) == 7


def test_the_row_after_an_open_override_is_unchanged():
    download = csv_download("tables.csv", ["name", "table"], [["Noor \u202eAl-Rashid", "Bord 1"]])
    text = download.content.decode("utf-8-sig")
    assert text.splitlines()[-1].endswith("Noor Al-Rashid;Bord 1")
