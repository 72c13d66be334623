"""The knowledge base's files besides its records, checked as the commands that read them read them.

`biohub validate` read neither biohub.yaml, aliases.yaml nor records/index.yaml: a knowledge base whose
next build (a `lang:` it does not know) or ingest (a cycle of merges, an index that is no mapping)
would fail passed CI's validate. Each problem is one `path:line: message`.
"""

from __future__ import annotations

from biohub_cli.config import LANGUAGES, Layout
from biohub_cli.errors import RecordError
from biohub_cli.store import curation_files, records_io, yaml_io

_STATES = frozenset({"written", "deleted"})


def problems(layout: Layout) -> list[RecordError]:
    return [*_config(layout), *_aliases(layout), *_index(layout)]


def _config(layout: Layout) -> list[RecordError]:
    path = layout.config
    if not path.is_file():
        return []
    try:
        data = records_io.read_config(layout)
    except RecordError as exc:
        return [exc]
    text = path.read_text(encoding="utf-8")
    out = []
    lang = data.get("lang")
    if lang is not None and lang not in LANGUAGES:
        out.append(RecordError(f"lang: {lang!r} is not a language of the reports (use one of: {', '.join(LANGUAGES)})",
                               path=path, line=yaml_io.line_of(text, ("lang",))))
    version = data.get("version")
    if version is not None and version != 1:
        out.append(RecordError(f"version: {version!r} is not a knowledge-base version this biohub reads (1)",
                               path=path, line=yaml_io.line_of(text, ("version",))))
    return out


def _aliases(layout: Layout) -> list[RecordError]:
    if not layout.aliases.is_file():
        return []
    return curation_files.merge_problems(layout)


def _index(layout: Layout) -> list[RecordError]:
    path = layout.records / records_io.INDEX_NAME
    if not path.is_file():
        return []
    try:
        records_io.load_index(layout)
        data = records_io.read_kb_yaml(layout, path) or {}
    except RecordError as exc:
        return [exc]
    text = path.read_text(encoding="utf-8")
    out = []
    for key, state in data.items():
        if key == records_io.EXTRACTOR_KEY:
            continue
        problem = records_io.id_problem(str(key))
        if problem is not None or state not in _STATES:
            why = f"{problem}" if problem is not None else f"state {state!r} is neither written nor deleted"
            out.append(RecordError(f"{key!r}: {why}", path=path, line=yaml_io.line_of(text, (key,)),
                                   hint="restore records/index.yaml from git"))
    return out
