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
    def clusters(self) -> Path:
        return self.records / "clusters"

    @property
    def programmes(self) -> Path:
        return self.records / "programmes"

    @property
    def aliases(self) -> Path:
        """Organisation merges made by analysts (`biohub merge A B`)."""
        return self.root / "aliases.yaml"

    @property
    def event_curation(self) -> Path:
        """Event merges and splits made by analysts (`biohub merge EV_A EV_B`, `biohub split EV SRC`)."""
        return self.root / "events.yaml"

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


def is_knowledge_base(folder: Path) -> bool:
    """A folder `biohub init` made (biohub.yaml) or an ingest wrote into (records/)."""
    return (folder / CONFIG_NAME).is_file() or (folder / "records").is_dir()


def require_root(explicit: Path | None = None, *, cwd: Path | None = None) -> Path:
    """`find_root`, when what it finds is a knowledge base; a UsageError saying how to make one otherwise."""
    from biohub_cli.errors import UsageError

    root = find_root(explicit, cwd=cwd)
    if is_knowledge_base(root):
        return root
    how = "--kb" if explicit is not None else f"${ENV_VAR}" if os.environ.get(ENV_VAR) else ""
    where = f"{root} (from {how})" if how else f"{root} or any folder above it"
    raise UsageError(f"no knowledge base in {where}: no {CONFIG_NAME} and no records/",
                     hint="make one with `biohub init DIR`, or name one with --kb DIR or $BIOHUB_KB")


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
