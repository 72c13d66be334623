"""clean() on the real seed documents of /work/shared: no gold must_not_extract string survives.

Skipped when /work/shared is not there (CI of other checkouts).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from biohub_cli.clean import clean
from biohub_cli.models.stages import Document, RawDocument
from biohub_cli.store import yaml_io

SHARED = Path("/work/shared")
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_dir(), reason="/work/shared is absent")


def squeeze(text: str) -> str:
    return "".join(text.split()).lower()


def seed(prefix: str) -> Document:
    [path] = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    data = path.read_bytes()
    raw = RawDocument(path=path, sha256=hashlib.sha256(data).hexdigest(), format="text",
                      text=data.decode("utf-8"))
    return clean(raw)


def gold(prefix: str) -> dict[str, object]:
    [path] = sorted(GOLD.glob(f"{prefix}_*.yaml"))
    data = yaml_io.read_yaml(path)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_no_must_not_extract_string_is_kept(prefix: str) -> None:
    kept = squeeze(seed(prefix).text)
    banned = gold(prefix).get("must_not_extract") or []
    assert isinstance(banned, list)
    leaked = [s for s in banned if squeeze(str(s)) in kept]
    assert leaked == []


@pytest.mark.parametrize(("prefix", "iso"),
                         [("000", None), ("002", None), ("003", "2025-07-09"), ("004", None)])
def test_published_dates(prefix: str, iso: str | None) -> None:
    published = seed(prefix).metadata.published
    assert (published.iso() if published else None) == iso
    expected = gold(prefix).get("published")
    assert (published.iso() if published else None) == expected


def test_seed_000_rejoins_the_broken_name() -> None:
    doc = seed("000")
    assert "서병조" in doc.text
    assert "참석한 가운데" in doc.text
    assert "개최 했다고 밝혔다." in doc.text
    assert doc.text.startswith("‘K-바이오 랩허브’유치위해 인천시 산․학․연․관 적극 협력할 것\n")
    assert "- 4 -" not in doc.text and "※" not in doc.text and "보 도 시 점" not in doc.text


def test_seed_004_translation_segment_without_disclaimer() -> None:
    doc = seed("004")
    kinds = [(s.kind, s.language) for s in doc.segments]
    assert kinds == [("body", "ko"), ("translation", "en")]
    translation = doc.segments[1]
    english = doc.text[translation.start:translation.end]
    assert english.startswith("Incheon City Declares Leap to Global Biotech Hub")
    assert "google" not in english.lower() and "please note" not in english.lower()
    assert "Reporter Ryu" not in english
    assert "사진/인천광역시" not in doc.text
    assert [n.reason for n in doc.noise].count("translation disclaimer") == 1


def test_seed_003_and_002_metadata() -> None:
    meta = seed("003").metadata
    assert (meta.title, meta.outlet, meta.reporter, meta.published_time) == (
        "인천-경기(시흥) 바이오 특화단지 추진단 제2차 정기회의 개최", "뉴스스텝", "최선경", "16:55:30")
    meta = seed("002").metadata
    assert (meta.title, meta.outlet, meta.reporter) == (
        "보건복지부, 바이오 클러스터 활성화 위한 민관 협의체 본격 가동", "어웨이크뉴스", "오경하")
