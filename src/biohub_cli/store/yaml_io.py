"""The only YAML importer: safe loading, canonical dumping, atomic writes."""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from biohub_cli.errors import RecordError, write_error
from biohub_cli.store.emit import Emitter

try:  # the libyaml C implementations when present
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_RECORD_BYTES = 8 * 1024 * 1024
_MAX_EXPANDED_NODES = 1_000_000


_LimitedLoader = _Loader
_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_RESOLVED: dict[tuple[str, Any], Any] = {}  # (scalar text, implicit flags) → its tag; a pure function
_RESOLVED_MAX = 200_000


def _resolve(self: Any, kind: Any, value: Any, implicit: Any) -> Any:
    """Resolver.resolve, remembered: with no path resolvers registered (biohub registers none), the tag
    of a node is a function of its kind, and for a scalar of its text and style flags."""
    if self.yaml_path_resolvers:
        return yaml.resolver.BaseResolver.resolve(self, kind, value, implicit)  # type: ignore[no-untyped-call]
    if kind is yaml.ScalarNode:
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = yaml.resolver.BaseResolver.resolve(self, kind, value, implicit)  # type: ignore[no-untyped-call]
            if len(value) <= 64:
                if len(_RESOLVED) >= _RESOLVED_MAX:
                    _RESOLVED.clear()
                _RESOLVED[key] = tag
        return tag
    return _MAP if kind is yaml.MappingNode else _SEQ if kind is yaml.SequenceNode \
        else yaml.resolver.BaseResolver.resolve(self, kind, value, implicit)  # type: ignore[no-untyped-call]


class _Unsupported(Exception):
    """A node the fast constructor leaves to PyYAML's own."""


class _FastLoader(_Loader):  # type: ignore[misc, valid-type]
    """The safe loader, with plain strings, maps and lists built directly (PyYAML's constructor takes a
    generator per mapping); every other node, and any document it cannot build, goes the usual way.
    Only for texts without anchors ("&"): with none, no node is reached twice."""

    def construct_document(self, node: Any) -> Any:
        try:
            data = self._build(node)
        except _Unsupported:
            self.constructed_objects, self.recursive_objects, self.state_generators = {}, {}, []
            self.deep_construct = False
            return super().construct_document(node)  # type: ignore[no-untyped-call]
        self.constructed_objects, self.recursive_objects, self.deep_construct = {}, {}, False
        return data

    def _build(self, node: Any) -> Any:
        tag, kind = node.tag, type(node)
        if tag == _STR and kind is yaml.ScalarNode:
            return node.value
        if tag == _MAP and kind is yaml.MappingNode:
            out = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise _Unsupported
                key = self._build(key_node)
                try:
                    out[key] = self._build(value_node)
                except TypeError:  # an unhashable key: PyYAML's constructor says what is wrong
                    raise _Unsupported from None
            return out
        if tag == _SEQ and kind is yaml.SequenceNode:
            return [self._build(child) for child in node.value]
        if kind is yaml.ScalarNode:
            return self.construct_object(node, deep=True)  # type: ignore[no-untyped-call]
        raise _Unsupported

    resolve = _resolve


def _check_aliases(text: str) -> None:
    """Refuse alias bombs before building anything (biohub never writes anchors, so this is rare)."""
    if "&" not in text or "*" not in text:
        return
    sizes: dict[int, int] = {}

    def expanded(node: Any) -> int:
        key = id(node)
        if key not in sizes:
            sizes[key] = 1  # guards recursive anchors
            children = node.value if isinstance(node.value, list) else []
            items = [c for pair in children for c in pair] if isinstance(node, yaml.MappingNode) else children
            sizes[key] = 1 + sum(expanded(c) for c in items)
        return sizes[key]

    root = yaml.compose(text, Loader=_Loader)
    if root is not None and expanded(root) > _MAX_EXPANDED_NODES:
        raise yaml.YAMLError("YAML aliases expand to too many nodes (an alias bomb?); records need none")


def _str_representer(dumper: Any, data: str) -> Any:
    """Multi-line text as a literal block (the emitter falls back to quotes where a block cannot be exact)."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


class _CanonicalDumper(_Dumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        return True  # records never use anchors, so a file with aliases was not written by biohub

    def represent_data(self, data: Any) -> Any:
        """The nodes SafeRepresenter builds (aliases off, block style), without its per-value dispatch."""
        kind = type(data)
        if kind is str:
            return yaml.ScalarNode(_STR, data, style="|" if "\n" in data else None)
        if kind is dict:
            return yaml.MappingNode(_MAP, [(self.represent_data(k), self.represent_data(v)) for k, v in data.items()],
                                    flow_style=False)
        if kind is list:
            return yaml.SequenceNode(_SEQ, [self.represent_data(v) for v in data], flow_style=False)
        return super().represent_data(data)

    resolve = _resolve  # the emitter asks twice per scalar whether its text reads back as another type


_CanonicalDumper.add_representer(str, _str_representer)


def loads(text: str, *, path: Path | str | None = None) -> Any:
    """Parse YAML text safely; errors name the file and line."""
    try:
        _check_aliases(text)
        loader = (_Loader if "&" in text else _FastLoader)(text)  # the safe loader either way
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RecordError(f"malformed YAML: {exc.problem}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise RecordError(f"malformed YAML: {exc}", path=path) from None


def read_yaml(path: Path) -> Any:
    """Load one YAML file safely (records, lexicons, config)."""
    try:
        size = path.stat().st_size
        if size > MAX_RECORD_BYTES:
            raise RecordError(f"record is {size} bytes, over the {MAX_RECORD_BYTES}-byte limit", path=path)
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RecordError("not UTF-8 text", path=path) from None
    except OSError as exc:
        raise RecordError(f"cannot read: {exc.strerror}", path=path) from None
    return loads(text, path=path)


def dumps(data: Any) -> str:
    """Canonical YAML: keys in the order given (models define it), unicode kept, no wrapping.

    Records are written by store/emit.py when it is sure of every value (nearly always), else by PyYAML:
    the text is the same either way."""
    text = _EMITTER.emit(data) if _EMITTER is not None else None
    return text if text is not None else pyyaml_dumps(data)


def pyyaml_dumps(data: Any) -> str:
    """`dumps` through PyYAML alone (what emit.py's output is checked against)."""
    out: str = yaml.dump(data, Dumper=_CanonicalDumper, allow_unicode=True, sort_keys=False,
                         default_flow_style=False, width=10_000, indent=2)
    return out


def _plain_is_str(text: str) -> bool:
    return bool(_resolve(_CanonicalDumper, yaml.ScalarNode, text, (True, False)) == _STR)


_FIRSTS = _CanonicalDumper.yaml_implicit_resolvers.keys()  # "": the empty text; None: any text
_EMITTER = Emitter(_plain_is_str, frozenset(k for k in _FIRSTS if k)) if None not in _FIRSTS else None


def write_atomic(path: Path, content: str | bytes, *, durable: bool = True) -> bool:
    """Write through a temporary file and rename; returns False when the bytes were already there.

    The rename keeps the file whole whatever kills the process. `durable` also fsyncs the data
    before the rename, so the file is whole after a power cut too (many files are better made
    durable together: `stage` each, `sync_folder` once, then rename them).
    """
    staged = stage(path, content, durable=durable)
    if staged is None:
        return False
    _put_in_place(staged, path)
    return True


def write_streamed(path: Path, write: Callable[[BinaryIO], None], *, durable: bool = True) -> None:
    """`write_atomic` for content written by `write(file)` a piece at a time, never whole in memory."""
    _put_in_place(_write_beside(path, write, durable=durable), path)


def _put_in_place(staged: Path, path: Path) -> None:
    """Rename a staged file over `path`; when that fails, the staged file goes."""
    try:
        replace(staged, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(staged)
        raise


def replace(staged: Path, path: Path) -> None:
    """os.replace, its failure a WriteError naming `path`."""
    try:
        os.replace(staged, path)
    except OSError as exc:
        raise write_error(exc, path) from exc


def stage(path: Path, content: str | bytes, *, durable: bool = False) -> Path | None:
    """Write `content` to a temporary file beside `path`, or return None when `path` holds it already.

    `os.replace(tmp, path)` puts it in place; until then a crash leaves a `.tmp-*` file that the next
    ingest removes. Stage every file, `sync_folder` once, then rename them all: each file is then the
    old one or the new one even after a power cut, for one sync instead of one fsync per file.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    with contextlib.suppress(OSError):
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return None
    return _write_beside(path, lambda fh: fh.write(data), durable=durable)


def _write_beside(path: Path, write: Callable[[BinaryIO], object], *, durable: bool) -> Path:
    """A new `.tmp-` file beside `path` holding what `write(file)` wrote (fsynced when `durable`); a
    full disk or a folder biohub may not write is a WriteError naming `path`, and leaves no file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise write_error(exc, path) from exc
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes 0600 files: give the mode any editor's file gets
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise write_error(exc, path) from exc
        raise
    return Path(tmp)


@functools.cache
def _umask() -> int:
    """This process's umask, read without changing it (Linux names it in /proc), else set and put back
    once, the first time a file is written."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sync_folder(folder: Path, files: Sequence[Path] = ()) -> None:
    """Make what was written below `folder` durable: syncfs(2) of its file system on Linux, else sync(2);
    where neither exists, an fsync of each of `files`."""
    if sys.platform.startswith("linux") and _syncfs(folder):
        return
    if hasattr(os, "sync"):
        os.sync()
        return
    for f in files:  # pragma: no cover - Windows
        with contextlib.suppress(OSError), open(f, "rb+") as fh:
            os.fsync(fh.fileno())


def _syncfs(folder: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
    except (OSError, AttributeError):
        return False
    try:
        return bool(libc.syncfs(fd) == 0)
    except AttributeError:  # a C library without syncfs
        return False
    finally:
        os.close(fd)


def write_yaml(path: Path, data: Any) -> bool:
    return write_atomic(path, dumps(data))


def remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise write_error(exc, path) from exc


STALE_TEMPORARY_SECONDS = 3600.0


def remove_stale_temporaries(folder: Path, older_than: float = STALE_TEMPORARY_SECONDS) -> int:
    """Remove the `.tmp-*` files below `folder` (biohub's own state, .biohub/) untouched for `older_than`
    seconds: what a command killed between writing and renaming left. A temporary file lives for
    milliseconds, so one that old has no writer any more, whatever other command runs meanwhile."""
    if not folder.is_dir():
        return 0
    limit = time.time() - older_than
    removed = 0
    for tmp in folder.rglob(".tmp-*"):
        with contextlib.suppress(OSError):
            if tmp.lstat().st_mtime < limit:
                tmp.unlink()
                removed += 1
    return removed


def iter_yaml(folder: Path) -> Iterator[Path]:
    """Every *.yaml below a folder, sorted, temporary files skipped."""
    if not folder.is_dir():
        return
    for p in sorted(folder.rglob("*.yaml")):
        if not p.name.startswith(".tmp-") and p.is_file():
            yield p


def line_of(text: str, loc: tuple[object, ...]) -> int:
    """The 1-based line of the node at a pydantic location (keys and list indexes) in YAML text."""
    try:
        node = yaml.compose(text, Loader=_LimitedLoader)
    except yaml.YAMLError:
        return 1
    line = 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    line = key.start_mark.line + 1
                    node = value
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
