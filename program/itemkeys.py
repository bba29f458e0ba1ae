"""Stable keys for agenda items: what a re-imported program file matches items by.

An item's key is its `key` in the program file, or else derived from its title: the same
title always gives the same key, so importing the same file again updates every item in
place and keeps what the room wrote at it. Retitling an item without a `key` makes it a
new item; give items a `key` to retitle them freely.
"""

import re

from django.utils.text import slugify

MAX_KEY = 60
KEY = re.compile(r"^[a-z0-9][-a-z0-9_]{0,59}$")
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})


def from_title(title: str) -> str:
    return slugify(title.translate(_FOLD))[:MAX_KEY].strip("-") or "item"


def unique(key: str, taken: set[str]) -> str:
    """`key`, or `key-2`, `key-3`... for the second and later items with the same derived key."""
    if key not in taken:
        return key
    number = 2
    while f"{key[: MAX_KEY - 6]}-{number}" in taken:
        number += 1
    return f"{key[: MAX_KEY - 6]}-{number}"
