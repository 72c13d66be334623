"""Where a knowledge base lives and how its folders are laid out."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "biohub.yaml"
LANGUAGES: tuple[str, ...] = ("ko", "en")  # of the reports and views (`lang:` in biohub.yaml, --lang)
ENV_VAR = "BIOHUB_KB"


@dataclass(frozen=True)
class Layout:
    """The folders of one knowledge base."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def records(self) -> Path:
        return self.root / "records"

    @property
    def sources(self) -> Path:
        return self.records / "sources"

    @property
    def events(self) -> Path:
        return self.records / "events"

    @property
    def orgs(self) -> Path:
        return self.records / "orgs"

    @property
    def people(self) -> Path:
        return self.records / "people"

    @property
    def aliases(self) -> Path:
        return self.root / "aliases.yaml"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def state(self) -> Path:
        """Machine state that is not part of the knowledge base (not committed)."""
        return self.root / ".biohub"

    @property
    def written(self) -> Path:
        """What biohub last wrote to records/, to tell analyst edits apart."""
        return self.records / ".written"

    @property
    def lock(self) -> Path:
        return self.state / "ingest.lock"

    @property
    def build_lock(self) -> Path:
        return self.state / "build.lock"


def find_root(explicit: Path | None = None, *, cwd: Path | None = None) -> Path:
    """`--kb DIR`, else $BIOHUB_KB, else the nearest parent with a biohub.yaml, else the current folder."""
    if explicit is not None:
        return explicit.resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).resolve()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return here
