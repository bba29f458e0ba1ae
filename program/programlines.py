"""Where things are in a program file: the line of each table header and of each key in it.

Built in one pass over the text, so looking a line up costs nothing however long the file
is (the program file parser asks for a line for every item and key it checks). Lines inside
multi-line strings are text, never headers or keys.
"""

import re

HEADER = re.compile(r"^\s*\[(\[)?\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?$")
KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
QUOTES = ("'''", '"""')


class Lines:
    def __init__(self, text: str) -> None:
        self.headers: dict[str, list[int]] = {}
        self.keys: dict[int, dict[str, int]] = {1: {}}
        table, open_quote = 1, None
        for number, line in enumerate(text.splitlines(), start=1):
            if open_quote is None:
                header = HEADER.match(line)
                if header:
                    self.headers.setdefault(header.group(2), []).append(number)
                    table = number
                    self.keys[table] = {}
                    continue
                key = KEY.match(line)
                if key:
                    self.keys[table].setdefault(key.group(1), number)
            open_quote = _quote_after(line, open_quote)

    def header(self, name: str, index: int = 0) -> int:
        """The line of the index-th `[name]` or `[[name]]` header (1 if there is none)."""
        found = self.headers.get(name, [])
        return found[index] if index < len(found) else 1

    def key(self, table: int, key: str) -> int:
        """The line of `key = ...` in the table whose header is on line `table` (else that line)."""
        return self.keys.get(table, {}).get(key, table)


def _quote_after(line: str, open_quote: str | None) -> str | None:
    """Whether a multi-line string is open after this line, and with which quotes."""
    position = 0
    while True:
        if open_quote is None:
            found = [
                (line.find(quote, position), quote)
                for quote in QUOTES
                if line.find(quote, position) >= 0
            ]
            if not found:
                return None
            start, open_quote = min(found)
            position = start + 3
        else:
            end = line.find(open_quote, position)
            if end < 0:
                return open_quote
            position, open_quote = end + 3, None
