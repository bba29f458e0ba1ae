"""Reading the report's files back in tests: rows keyed by column key, whatever the header
language."""

import csv
import io
import zipfile

from django.utils import translation

from program.report_columns import LABELS


def keys_of(language: str = "en") -> dict[str, str]:
    with translation.override(language):
        return {str(label): key for key, label in LABELS.items()}


def unzip_rows(content: bytes, language: str = "en") -> dict[str, list[dict]]:
    """Each CSV of the report's ZIP, named by its table key, as dicts keyed by column key."""
    keys = keys_of(language)
    files = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            assert raw.startswith(b"\xef\xbb\xbf"), name
            rows = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";")
            files[name.split("-", 1)[1].removesuffix(".csv")] = [
                {keys.get(header, header): value for header, value in row.items()} for row in rows
            ]
    return files
