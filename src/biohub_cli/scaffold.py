"""`biohub init`: a new, empty knowledge base with its CI workflow and pre-commit config, both installing
biohub from its repository pinned to a tag or commit."""

from __future__ import annotations

from dataclasses import dataclass
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
      # biohub is not on PyPI. As its README installs it, it comes from its repository, pinned to the
      # tag or commit this knowledge base was made with, so CI checks the records with the biohub that
      # wrote them. .pre-commit-config.yaml pins the same one: change both to upgrade biohub.
      - name: Install biohub ({ref})
        run: pip install "biohub-cli @ git+{url}@{ref}"
      - name: Records are valid
        run: biohub validate
      - name: Reports are current
        run: biohub build --check
"""

PRE_COMMIT = """\
# biohub's own hooks (.pre-commit-hooks.yaml in its repository): pre-commit installs biohub from the
# repository and pin the CI workflow uses (.github/workflows/biohub.yml), so nothing needs to be on PATH.
repos:
  - repo: {url}
    rev: {ref}
    hooks:
      - id: biohub-validate
      - id: biohub-build-check
"""

UNKNOWN_URL = "https://REPLACE-WITH-THE-BIOHUB-REPOSITORY"
UNKNOWN_REF = "REPLACE-WITH-A-TAG-OR-COMMIT"


@dataclass(frozen=True)
class BiohubSource:
    """Where biohub is installed from: its git repository and a tag or commit."""

    url: str
    ref: str

    @property
    def known(self) -> bool:
        return (self.url, self.ref) != (UNKNOWN_URL, UNKNOWN_REF)

    @classmethod
    def parse(cls, text: str) -> BiohubSource:
        """`URL@REF` (https://github.com/org/biohub@v0.2.0); UsageError otherwise."""
        url, sep, ref = text.strip().rpartition("@")
        if not sep or not url or not ref or "/" not in url:
            raise UsageError(f"--source {text!r} is not a repository and a tag or commit",
                             hint="write it as URL@REF, e.g. https://github.com/org/biohub@v0.2.0")
        return cls(_pip_url(url), ref)


def installed_source() -> BiohubSource | None:
    """The repository and commit this biohub was installed from, when pip recorded them (a git install)
    or it runs from a git checkout with a remote; None otherwise."""
    import json
    from importlib import metadata

    try:
        info = json.loads(metadata.distribution("biohub-cli").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        return None
    vcs = info.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and info.get("url"):
        return BiohubSource(_pip_url(str(info["url"])), str(vcs["commit_id"]))
    url = str(info.get("url", ""))
    if url.startswith("file://"):
        return _checkout_source(Path(url[len("file://"):]))
    return None


def _checkout_source(folder: Path) -> BiohubSource | None:
    """The remote and HEAD commit of a git checkout (git itself answers; nothing when it cannot)."""
    import subprocess

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10,
                                  check=False)
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    remote, commit = git("config", "--get", "remote.origin.url"), git("rev-parse", "HEAD")
    return BiohubSource(_pip_url(remote), commit) if remote and commit else None


def _pip_url(url: str) -> str:
    """A URL pip and pre-commit both clone: `git+` dropped, scp-like `git@host:org/x` as ssh://."""
    url = url.removeprefix("git+")
    if "://" not in url and ":" in url:
        host, _, path = url.partition(":")
        url = f"ssh://{host}/{path}"
    return url


def init(root: Path, source: BiohubSource | None = None) -> list[Path]:
    """Create the folders and files of a knowledge base; refuses to touch an existing one. The CI workflow
    and pre-commit config install biohub from `source`, else from where this biohub came from, else
    from placeholders to fill in (see `BiohubSource.known`)."""
    layout = Layout(root)
    if layout.config.exists():
        raise UsageError("a knowledge base already exists here", path=layout.config,
                         hint="use it, or choose another folder")
    pin = source or installed_source() or BiohubSource(UNKNOWN_URL, UNKNOWN_REF)
    made: list[Path] = []
    for folder in (layout.sources, layout.events, layout.orgs, layout.people, layout.reports):
        folder.mkdir(parents=True, exist_ok=True)
        keep = folder / ".gitkeep"
        if not any(folder.iterdir()):
            yaml_io.write_atomic(keep, "")
            made.append(keep)
    for path, text in ((layout.config, CONFIG), (root / ".gitignore", GITIGNORE),
                       (root / ".github" / "workflows" / "biohub.yml", WORKFLOW.format(url=pin.url, ref=pin.ref)),
                       (root / ".pre-commit-config.yaml", PRE_COMMIT.format(url=pin.url, ref=pin.ref))):
        if not path.exists():
            yaml_io.write_atomic(path, text)
            made.append(path)
    return made
