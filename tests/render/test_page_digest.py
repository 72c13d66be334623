"""The digest that decides whether a page is rendered again: event rows and document rows shown on
many pages are digested once per build, and still every field a page shows moves its digest."""

from __future__ import annotations

import dataclasses

import pytest

from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.render import page_cache, views
from biohub_cli.render.contexts import EventRow, Ref, variant
from biohub_cli.render.queries import Index


@pytest.fixture
def contexts(fixture_kb: KnowledgeBase) -> list[object]:
    ix = Index(fixture_kb)
    return ([views.org_context(ix, o, "ko") for o in ix.active_orgs]
            + [views.person_context(ix, p, "ko") for p in ix.active_people])


def test_one_memo_for_a_whole_build_gives_each_page_the_digest_it_has_alone(contexts: list[object]) -> None:
    memo: dict[tuple[int, ...], tuple[tuple[object, ...], bytes]] = {}
    shared = [page_cache.context_digest(c, memo) for c in contexts]
    alone = [page_cache.context_digest(c) for c in contexts]
    assert shared == alone and None not in shared
    assert len(set(shared)) == len(shared)  # no two pages of the fixture show the same thing
    assert any(len(key) > 1 for key in memo)  # event rows were digested through the memo


def _row(contexts: list[object]) -> tuple[object, EventRow]:
    page = next(c for c in contexts if getattr(c, "events", None) and c.events[0].sources)  # type: ignore[attr-defined]
    return page, page.events[0]  # type: ignore[attr-defined]


@pytest.mark.parametrize("change", [
    {"title": "송도 바이오 클러스터 협약 (정정)"}, {"role": "주관"}, {"shown_for": "per-0000000000"},
    {"venue": "송도컨벤시아 2층"}, {"evidence": ["인천시는 셀트리온과 협약을 맺었다."]},
])
def test_a_row_changed_in_any_field_moves_the_digest(contexts: list[object], change: dict[str, object]) -> None:
    page, row = _row(contexts)
    memo: dict[tuple[int, ...], tuple[tuple[object, ...], bytes]] = {}
    before = page_cache.context_digest(page, memo)
    events = list(page.events)  # type: ignore[attr-defined]
    events[0] = variant(row, **change)
    after = page_cache.context_digest(dataclasses.replace(page, events=events), memo)  # type: ignore[type-var]
    assert after != before


def test_a_renamed_participant_or_document_moves_the_digest(contexts: list[object]) -> None:
    page, row = _row(contexts)
    memo: dict[tuple[int, ...], tuple[tuple[object, ...], bytes]] = {}
    before = page_cache.context_digest(page, memo)
    renamed = [dataclasses.replace(row.participants[0], name="인천광역시 (정정)"), *row.participants[1:]] \
        if row.participants else [Ref("org", "org-0000000000", "인천광역시")]
    source = dataclasses.replace(row.sources[0], title="셀트리온, 송도 제3공장 착공 (수정)")
    for changed in (variant(row, participants=renamed), variant(row, sources=[source, *row.sources[1:]])):
        events = [changed, *page.events[1:]]  # type: ignore[attr-defined]
        assert page_cache.context_digest(dataclasses.replace(page, events=events), memo) != before  # type: ignore[type-var]


def test_variant_is_dataclasses_replace(contexts: list[object]) -> None:
    _, row = _row(contexts)
    for change in ({"role": "주최"}, {"participants": [], "role": "후원"}, {}):
        made = variant(row, **change)
        assert made == dataclasses.replace(row, **change) and made is not row  # type: ignore[arg-type]
        assert made.__dict__.keys() == row.__dict__.keys()
    with pytest.raises(TypeError, match="no field"):
        variant(row, colour="red")
