"""Scenarios shared by the crash, interrupt and concurrency tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from hostile_kit import new_kb, release, run_biohub

INGEST = ["ingest", "--jobs", "1", "in"]


@dataclass(frozen=True)
class Scenario:
    """`first` is ingested uninterrupted; then the folder becomes `second` and that ingest is killed."""

    name: str
    second: dict[str, str]
    first: dict[str, str] = field(default_factory=dict)


FRESH = Scenario("fresh", second={"a.txt": release(0), "b.txt": release(1), "c.txt": release(2)})
# b.txt changes (its old source and what only it supported become stale), c.txt is new.
UPDATE = Scenario("update", first={"a.txt": release(0), "b.txt": release(1)},
                  second={"a.txt": release(0), "b.txt": release(3), "c.txt": release(4)})


_TEMPLATES: dict[str, Path] = {}


def prepare(root: Path, scenario: Scenario) -> Path:
    """The knowledge base at root/kb after `first`, with root/in holding `second` (cwd is root).

    The first preparation of a scenario is kept as a template and later ones copy it: records hold
    paths relative to the working folder, so a copy is byte for byte what a fresh run would give.
    """
    template = _TEMPLATES.get(scenario.name)
    if template is not None and template.is_dir():
        shutil.copytree(template, root, symlinks=True, dirs_exist_ok=True)
        return root / "kb"
    kb = _prepare(root, scenario)
    _TEMPLATES[scenario.name] = root.parent / f"{root.name}-template-{scenario.name}"
    shutil.copytree(root, _TEMPLATES[scenario.name], symlinks=True)
    return kb


def _prepare(root: Path, scenario: Scenario) -> Path:
    kb = new_kb(root / "kb")
    inputs = root / "in"
    inputs.mkdir()
    if scenario.first:
        for name, text in scenario.first.items():
            (inputs / name).write_text(text, encoding="utf-8")
        first = run_biohub(kb, INGEST, cwd=root)
        assert first.code == 0, first.stderr
    for old in inputs.iterdir():
        old.unlink()
    for name, text in scenario.second.items():
        (inputs / name).write_text(text, encoding="utf-8")
    return kb
