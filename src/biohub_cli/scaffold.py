"""`biohub init`: a new, empty knowledge base with its CI workflow."""

from __future__ import annotations

from pathlib import Path

from biohub_cli.config import Layout
from biohub_cli.errors import UsageError
from biohub_cli.store import yaml_io

CONFIG = """\
# biohub knowledge base. Records live in records/, reports are rendered into reports/.
version: 1
lang: ko
"""

GITIGNORE = """\
.biohub/
"""

WORKFLOW = """\
name: biohub
on: [push, pull_request]
jobs:
  knowledge-base:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install biohub-cli
      - name: Records are valid
        run: biohub validate
      - name: Reports are current
        run: biohub build --check
"""

PRE_COMMIT = """\
repos:
  - repo: local
    hooks:
      - id: biohub-validate
        name: biohub validate
        entry: biohub validate
        language: system
        pass_filenames: false
      - id: biohub-build-check
        name: biohub build --check
        entry: biohub build --check
        language: system
        pass_filenames: false
"""


def init(root: Path) -> list[Path]:
    """Create the folders and files of a knowledge base; refuses to touch an existing one."""
    layout = Layout(root)
    if layout.config.exists():
        raise UsageError("a knowledge base already exists here", path=layout.config,
                         hint="use it, or choose another folder")
    made: list[Path] = []
    for folder in (layout.sources, layout.events, layout.orgs, layout.people, layout.reports):
        folder.mkdir(parents=True, exist_ok=True)
        keep = folder / ".gitkeep"
        if not any(folder.iterdir()):
            yaml_io.write_atomic(keep, "")
            made.append(keep)
    for path, text in ((layout.config, CONFIG), (root / ".gitignore", GITIGNORE),
                       (root / ".github" / "workflows" / "biohub.yml", WORKFLOW),
                       (root / ".pre-commit-config.yaml", PRE_COMMIT)):
        if not path.exists():
            yaml_io.write_atomic(path, text)
            made.append(path)
    return made
