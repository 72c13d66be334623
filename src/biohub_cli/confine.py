"""Files of a knowledge base are read only where they resolve inside it.

A record file under records/ that was a symbolic link to a file outside the knowledge base was read and
its content published in reports/; a knowledge base's template that was a link to /etc/passwd was
included into reports/index.md despite the sandbox. A repository (a clone, a pull request) decides
what its links point to; biohub reads a file of it only when the file, followed through every link,
lies inside the knowledge base's own folder.
"""

from __future__ import annotations

import os
from pathlib import Path

OUTSIDE = "a symbolic link (or inside a linked folder) that leads outside the knowledge base; not read"


def within(path: str, root: str) -> bool:
    """Whether the resolved `path` is the resolved `root` or lies below it."""
    return path == root or path.startswith(root if root.endswith(os.sep) else root + os.sep)


class Confinement:
    """`inside(path)`: whether a file of the knowledge base at `root` resolves inside it. Each folder is
    resolved once; a file only when it is itself a link."""

    def __init__(self, root: Path) -> None:
        self.root = os.path.realpath(root)
        self._folders: dict[str, bool] = {}

    def inside(self, path: Path | str, *, link: bool | None = None) -> bool:
        path = os.fspath(path)
        folder = os.path.dirname(path)
        ok = self._folders.get(folder)
        if ok is None:
            ok = self._folders[folder] = within(os.path.realpath(folder), self.root)
        if not ok:
            return False
        if link is None:
            link = os.path.islink(path)
        return not link or within(os.path.realpath(path), self.root)
