"""Golden files: compared byte for byte; rewritten only with BIOHUB_REGENERATE=1, and then loudly.

    BIOHUB_REGENERATE=1 pytest tests/render tests/cli     # rewrite, then review `git diff tests/golden`
"""

from __future__ import annotations

import difflib
import os
import warnings
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
FIXTURE_KB = Path(__file__).resolve().parent.parent / "fixtures" / "kb"
HINT = "if the change is intended: BIOHUB_REGENERATE=1 pytest tests/render tests/cli, then review the diff"


def regenerating() -> bool:
    return os.environ.get("BIOHUB_REGENERATE") == "1"


def assert_golden(name: str, actual: str | bytes) -> None:
    """Compare with tests/golden/<name>; a missing or different file fails unless regenerating."""
    path = GOLDEN / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if regenerating():
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            warnings.warn(f"golden file rewritten: tests/golden/{name}", stacklevel=2)
        return
    assert path.is_file(), f"no golden file tests/golden/{name}; {HINT}"
    expected = path.read_bytes()
    if expected != data:
        diff = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                    data.decode("utf-8", "replace").splitlines(),
                                    f"golden/{name}", "rendered", lineterm="", n=2)
        shown = "\n".join(list(diff)[:60])
        raise AssertionError(f"tests/golden/{name} differs from what was rendered:\n{shown}\n{HINT}")
