"""The Danish catalogue holds every string of the code, each translated (the interface is Danish).

`makemessages` runs on a copy of the project (it writes the catalogue in place), so a
string added to a template or a view without running `make messages` and translating it
fails here instead of showing in English in the room.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SOURCES = (
    "seminar",
    "program",
    "groups",
    "interviews",
    "goals",
    "templates",
    "locale",
    "manage.py",
)


def entries(po: str) -> list[str]:
    return [block for block in po.split("\n\n") if re.search(r"^msgid ", block, re.M)]


def untranslated(block: str) -> bool:
    if re.search(r'^msgid ""\nmsgstr ""\n"', block, re.M):  # the header
        return False
    strings = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block + "\n", re.M)
    return any("".join(re.findall(r'"(.*)"', text)) == "" for text in strings)


def test_every_string_of_the_code_has_a_danish_translation(tmp_path):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("gettext (xgettext) is missing: .ci/run installs it")
        pytest.skip("gettext (xgettext) is not installed: the catalogue check needs it")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    done = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "da", "--no-obsolete"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]

    po = (tmp_path / "locale" / "da" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    fuzzy = [block for block in entries(po) if re.search(r"^#,.*\bfuzzy\b", block, re.M)]
    missing = [block for block in entries(po) if untranslated(block)]
    shown = "\n\n".join(fuzzy + missing)
    assert not fuzzy and not missing, (
        f"not translated into Danish (run `make messages`):\n\n{shown}"
    )
