"""The real Korean office documents of shared/samples: every listed phrase must come out.

Skipped when /work/shared/samples is absent (e.g. outside the project's machines).
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

import pytest
from read_builders import SAMPLES

from biohub_cli.errors import ReadError
from biohub_cli.models.stages import RawDocument
from biohub_cli.read import iter_inputs, read_path

pytestmark = pytest.mark.skipif(not (SAMPLES / "phrases.tsv").is_file(), reason="shared samples absent")

DISTRIBUTION = "hostile_hwp_distribution_gangnam_bid_notice.hwp"
MANGLED = "hostile_hwp_mangled_ole_header.hwp"
DECOY_MARKERS = ("상위 버전의 배포용 문서", "최신 버전의 한글", "\uf53a")
EXPECTED_FORMAT = {".pdf": "pdf", ".hwpx": "hwpx", ".hwp": "hwp"}


def phrases() -> dict[str, list[str]]:
    if not (SAMPLES / "phrases.tsv").is_file():
        return {}
    table: dict[str, list[str]] = {}
    with (SAMPLES / "phrases.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            table.setdefault(row["file"], []).append(row["phrase"])
    return table


PHRASES = phrases()


@functools.cache
def read_sample(name: str) -> RawDocument | ReadError:
    """Each sample is read once per session."""
    try:
        return read_path(SAMPLES / name)
    except ReadError as exc:
        return exc


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", sorted(PHRASES))
def test_every_phrase_is_found(name: str) -> None:
    doc = read_sample(name)
    if isinstance(doc, ReadError):
        assert name == DISTRIBUTION, doc.render()  # a distribution document may be refused, never decoyed
        return
    assert not any(marker in doc.text for marker in DECOY_MARKERS)
    if name.endswith(".pdf"):
        missing = [p for p in PHRASES[name] if squeeze(p) not in squeeze(doc.text)]
    else:
        missing = [p for p in PHRASES[name] if p not in doc.text]
    assert missing == []


@pytest.mark.parametrize("name", sorted(PHRASES))
def test_format_is_sniffed(name: str) -> None:
    doc = read_sample(name)
    if isinstance(doc, ReadError):
        assert name == DISTRIBUTION, doc.render()
        return
    expected = "hwpx" if name.startswith("edge_hwpx") else EXPECTED_FORMAT[Path(name).suffix]
    assert doc.format == expected


def test_mangled_ole_header_is_one_clear_error() -> None:
    with pytest.raises(ReadError, match="damaged HWP") as info:
        read_path(SAMPLES / MANGLED)
    assert info.value.path == str(SAMPLES / MANGLED)


def test_whole_samples_folder_reads_without_surprises() -> None:
    paths, errors = iter_inputs([SAMPLES])
    assert errors == []
    names = {p.name for p in paths}
    assert set(PHRASES) | {MANGLED} <= names
    failures: dict[str, str] = {}
    for path in paths:
        result = read_sample(path.name) if path.parent == SAMPLES else read_path(path)
        if isinstance(result, ReadError):
            failures[path.name] = result.message
    assert set(failures) <= {MANGLED, DISTRIBUTION}
    assert MANGLED in failures
