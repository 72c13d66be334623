"""Whether reports/ already holds what `biohub build` would write, without rendering it again.

After a build, .biohub/cache/build.json records what the site was made from (the fingerprint of
every record file's signature, the language, the templates' bytes, biohub's code and the versions
of Jinja2 and MarkupSafe) and what it left in reports/ (every owned file with its signature). The
next build whose inputs have the same key, and whose reports/ files all still carry their
signatures, has nothing to write. Anything else (a record, a template or the code changed, a report
edited, removed or added by hand, a stamp from another biohub) renders the site as usual.

A signature (size, mtime, ctime, inode) cannot be set back by any tool; a file written in the
seconds before the stamp ("racily clean") could still change within the same clock tick, so such
report files are stamped with a hash of their bytes instead, and records changed that recently
give no stamp at all.
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import biohub_cli
from biohub_cli.config import Layout
from biohub_cli.confine import Confinement
from biohub_cli.store import yaml_io
from biohub_cli.store.code_digest import add_files, files_under, package_digest
from biohub_cli.store.record_files import RACY_NS  # one module global each: tests set it per cache

FORMAT = 1


@dataclass(frozen=True)
class Inputs:
    """What a site is a function of."""

    records: str  # cache.CacheStats.fingerprint
    lang: str
    templates: Path | None  # the knowledge base's own templates/ folder


def stamp_path(root: Path) -> Path:
    return Layout(root).state / "cache" / "build.json"


def inputs_key(inputs: Inputs) -> str:
    h = hashlib.sha256(f"{FORMAT}|{inputs.records}|{inputs.lang}|{biohub_cli.__version__}|"
                       f"{platform.python_version()}|{_version('jinja2')}|{_version('markupsafe')}".encode())
    h.update(package_digest().encode())
    if inputs.templates is not None and inputs.templates.is_dir():
        h.update(b"overrides")
        confined = Confinement(inputs.templates.parent)
        files = files_under(inputs.templates)
        add_files(h, inputs.templates, [p for p in files if confined.inside(p)])  # the others are never read
        h.update("".join(f"{p}\0" for p in sorted(str(p) for p in files if not confined.inside(p))).encode())
    return h.hexdigest()


def is_current(root: Path, reports: Path, key: str, owned: list[str]) -> bool:
    """True when the stamp names this key and every owned file of reports/ is as the build left it."""
    try:
        data = json.loads(stamp_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("files"), dict):
        return False
    files: dict[str, object] = data["files"]
    if sorted(files) != owned:
        return False
    for rel, want in files.items():
        if not isinstance(want, str):
            return False
        path = reports / rel
        if (digest(path) if want.startswith("sha256:") else signature(path)) != want:
            return False
    return True


def write(root: Path, reports: Path, key: str, owned: list[str], now_ns: int) -> None:
    """Stamp reports/ after a build that wrote or confirmed every file in `owned`."""
    files = {}
    for rel in owned:
        path = reports / rel
        files[rel] = signature(path) if settled(path, now_ns) else digest(path)
    yaml_io.write_atomic(stamp_path(root), json.dumps({"key": key, "files": files}, sort_keys=True) + "\n",
                       durable=False)


def clear(root: Path) -> None:
    yaml_io.remove(stamp_path(root))


def settled(path: Path, now_ns: int) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return max(st.st_mtime_ns, st.st_ctime_ns) < now_ns - RACY_NS


def signature(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"sig:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def digest(path: Path) -> str:
    """For a file written too recently to trust its signature: the hash of its bytes."""
    try:
        return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"
