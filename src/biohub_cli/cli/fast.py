"""`biohub timeline` as a table, answered from a fresh timeline index before typer is even imported.

Typer builds a pydantic validator for every option of every command it parses, which costs more
than the whole answer once the timeline index (timeline_index.py) is fresh. So the console entry
point first tries this: it understands only the plainest command lines (`[--kb DIR] timeline`
with the filter options the index can answer, each at most once, every value a separate word and
none starting with `-`) and gives up on anything else (help, version, debug, unknown or repeated
options, `--query`, another format, a stale index, any error), which then goes through typer as
ever. What it prints is what `cli/views.py timeline` prints for the same line: the same table
from the same index.
"""

from __future__ import annotations

import re
from pathlib import Path

from biohub_cli.render.tables import TABLE_ROWS, TableView

_VALUED = {"--org": "org", "--person": "person", "--type": "type", "--since": "since", "--until": "until",
           "--limit": "limit", "-n": "limit", "--format": "format", "-f": "format", "--lang": "lang"}
_FLAGS = {"--main-only": "main_only"}
# models.vocab.EVENT_TYPES, written out: importing the models loads pydantic (a test keeps them equal)
_TYPES = ("meeting", "agreement", "launch", "announcement", "funding", "designation", "event", "other")
_DIGITS = re.compile(r"[0-9]+")


def timeline_view(argv: list[str]) -> TableView | None:
    """The table for this command line from a fresh timeline index; None when typer must handle it."""
    try:
        return _view(argv)
    except Exception:  # whatever went wrong, typer's path does it again and reports it properly
        return None


def _view(argv: list[str]) -> TableView | None:
    kb: str | None = None
    rest = argv
    if rest[:1] == ["--kb"] and len(rest) >= 2 and _plain(rest[1]):
        kb, rest = rest[1], rest[2:]
    if rest[:1] != ["timeline"]:
        return None
    got: dict[str, str] = {}
    flags: set[str] = set()
    words = rest[1:]
    i = 0
    while i < len(words):
        word = words[i]
        if word in _FLAGS and _FLAGS[word] not in flags:
            flags.add(_FLAGS[word])
            i += 1
            continue
        name = _VALUED.get(word)
        if name is None or name in got or i + 1 >= len(words) or not _plain(words[i + 1]):
            return None
        got[name] = words[i + 1]
        i += 2
    if got.get("format", "table") != "table" or got.get("type", _TYPES[0]) not in _TYPES:
        return None
    from biohub_cli.render import labels

    if got.get("lang", labels.LANGUAGES[0]) not in labels.LANGUAGES or not _DIGITS.fullmatch(got.get("limit", "0")):
        return None
    from biohub_cli import timeline_index
    from biohub_cli.config import find_root

    root = find_root(Path(kb) if kb is not None else None)
    language = labels.resolve_lang(root, got.get("lang"))
    limit = int(got["limit"]) if "limit" in got else None
    return timeline_index.cached_table(root, language, org=got.get("org"), person=got.get("person"),
                                       type=got.get("type"), since=got.get("since"), until=got.get("until"),
                                       limit=limit, related="main_only" not in flags,
                                       newest=None if limit is not None else TABLE_ROWS)


def _plain(value: str) -> bool:
    """A value typer could not read as an option or its end: no leading `-`, not empty."""
    return bool(value) and not value.startswith("-")
