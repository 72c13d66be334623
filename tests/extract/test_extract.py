"""The orchestrator: every extractor wired together, the translation adding names but no facts."""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence

import pytest

from biohub_cli.extract import extract
from biohub_cli.models.facts import Extraction, OrgMention, PersonMention
from biohub_cli.models.stages import Analysed
from tests.extract.conftest import build_analysed, org_mentions, person_mentions

STORY = (
    "대구광역시는 3월 5일 엑스코 컨벤션홀에서 열린 '2025 메디바이오 포럼'에서 달서바이오와 "
    "'대구-달서바이오 신약개발 협약'을 체결했다.\n"
    "협약에 따라 총사업비 120억 원(국비 70억 원, 시비 50억 원)이 투입된다.\n"
    "윤새봄 혁신성장국장은 “지역 바이오 기업의 성장을 돕겠다”고 말했다.\n"
    "이날 행사에는 기업인 150여 명이 참석했다.\n"
)
TRANSLATION = ("Daegu signed the Daegu-Dalseo Bio drug development agreement with Dalseo Bio "
               "on March 5, 2025. A total of 12 billion won will be invested. "
               "Director Yoon said, \"We will help local companies.\"")
NAMES = {"대구광역시": "대구광역시", "달서바이오": "달서바이오", "Dalseo Bio": "달서바이오",
         "Daegu": "대구광역시"}


def _stub_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand-ins for extract.orgs / extract.people / extract.lexicon, built from a fixed name list."""
    orgs = types.ModuleType("biohub_cli.extract.orgs")
    people = types.ModuleType("biohub_cli.extract.people")

    def find_organizations(analysed: Analysed, lexicon: object) -> list[OrgMention]:
        return list(reversed(org_mentions(analysed, NAMES)))  # unsorted on purpose

    def find_people(analysed: Analysed, found: Sequence[OrgMention], lexicon: object) -> list[PersonMention]:
        return person_mentions(analysed, {"윤새봄": "대구광역시"})

    orgs.find_organizations = find_organizations  # type: ignore[attr-defined]
    people.find_people = find_people  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "biohub_cli.extract.orgs", orgs)
    monkeypatch.setitem(sys.modules, "biohub_cli.extract.people", people)


def test_extract_wires_every_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    _stub_modules(monkeypatch)
    analysed = build_analysed(STORY, translation=TRANSLATION)
    ex = extract(analysed, object())  # type: ignore[arg-type]
    korean_end = len(STORY)
    assert [(a.value_krw, a.kind) for a in ex.amounts] == [
        (12_000_000_000, "total"), (7_000_000_000, "national"), (5_000_000_000, "local")]
    assert [(q.speaker, q.text) for q in ex.quotes] == [("윤새봄", "지역 바이오 기업의 성장을 돕겠다")]
    main = [e for e in ex.events if e.main]
    assert [(e.type, e.title, e.date.iso(), e.venue, e.attendees) for e in main] == [
        ("agreement", "대구-달서바이오 신약개발 협약", "2025-03-05", "엑스코 컨벤션홀", None)]
    assert {p.organization for p in main[0].participants} == {"대구광역시", "달서바이오"}
    related = [e for e in ex.events if not e.main]
    # `이날 행사에는 150여 명이 참석했다`: the forum was attended, the agreement signed at it was not
    assert [(e.type, e.title, e.attendees) for e in related] == [("event", "2025 메디바이오 포럼", 150)]
    facts = [*(a.evidence for a in ex.amounts), *(q.evidence for q in ex.quotes),
             *(ev for e in ex.events for ev in e.evidence)]
    assert all(f is not None and f.start < korean_end for f in facts)  # nothing from the translation
    assert any(o.evidence.start > korean_end for o in ex.organizations)  # names from it are fine
    starts = [o.evidence.start for o in ex.organizations]
    assert starts == sorted(starts)


def test_extract_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    _stub_modules(monkeypatch)
    first = extract(build_analysed(STORY, translation=TRANSLATION), object())  # type: ignore[arg-type]
    second = extract(build_analysed(STORY, translation=TRANSLATION), object())  # type: ignore[arg-type]
    assert first.model_dump() == second.model_dump()
    assert isinstance(first, Extraction)


def test_extract_with_the_real_lexicon() -> None:
    lexicon_mod = pytest.importorskip("biohub_cli.extract.lexicon")
    pytest.importorskip("biohub_cli.extract.orgs")
    pytest.importorskip("biohub_cli.extract.people")
    lexicon = lexicon_mod.Lexicon.load()
    analysed = build_analysed(STORY, translation=TRANSLATION)
    ex = extract(analysed, lexicon)
    assert [a.value_krw for a in ex.amounts] == [12_000_000_000, 7_000_000_000, 5_000_000_000]
    main = [e for e in ex.events if e.main]
    assert [(e.type, e.date.iso()) for e in main] == [("agreement", "2025-03-05")]
    assert any(o.name == "대구광역시" for o in ex.organizations)
