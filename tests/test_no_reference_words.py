"""Nothing of one seminar in the code: the reference seminar's own words live only in fixtures/ and
tests/.

Its file name (`varde-2014`, the demo's program in fixtures/) may be named by the commands
that load it; its words, people and places may not appear in code, templates or catalogue.
"""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SCANNED = ("*.py", "*.html", "*.js", "*.css", "*.po", "*.txt", "*.toml", "Makefile")
SKIPPED = {"fixtures", "tests", ".venv", "staticfiles", ".git", "node_modules", "docs"}
FILE_NAME = re.compile(r"varde-2014(-roster)?")
WORDS = re.compile(
    r"varde|2017|visionen|forvaltning|mogens|danhostel|ølkasse|flygtningemuseet|kenneth|"
    r"manon|levendegør",
    re.IGNORECASE,
)


def scanned_files():
    for pattern in SCANNED:
        for path in ROOT.rglob(pattern):
            if (
                not SKIPPED.intersection(path.relative_to(ROOT).parts[:-1] or ("",))
                and path.is_file()
            ):
                yield path


def test_the_reference_seminars_words_are_only_in_fixtures_and_tests():
    found = []
    for path in sorted(set(scanned_files())):
        for number, line in enumerate(
            path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
        ):
            for word in WORDS.findall(FILE_NAME.sub("", line)):
                found.append(f"{path.relative_to(ROOT)}:{number}: {word}")

    assert found == []


def test_the_scan_reads_code_templates_and_the_catalogue():
    names = {str(path.relative_to(ROOT)) for path in scanned_files()}

    assert {
        "locale/da/LC_MESSAGES/django.po",
        "goals/models/goals.py",
        "goals/templates/goals/shared_goals/live.html",
        "program/soapbox/forms.py",
    } <= names
    assert not any(name.startswith(("fixtures/", "tests/")) for name in names)
