"""Whatever a reader accepts, the stages after it (clean, analyse, extract) never crash on.

worker.process turns any unexpected exception into an "internal error: ..." failure so the batch
goes on; here hypothesis feeds it odd but readable documents and asserts that never happens.
The readers' own fuzzing (random bytes raise only ReadError) lives in tests/read/test_read_fuzz.py.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_kit import new_kb, release
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biohub_cli.ingest import worker
from biohub_cli.kb import knowledge_base as kb_mod

_WORD_TEXT = ("충청북도 오송첨단의료산업진흥재단 (주)셀트리온 인천시 市 김영환 지사 "
              "하병필 행정부시장 는 은 와 과 이 가 에서 2024년 4월 3일 지난해 "
              "오는 이날 까지 부터 12월 30억 원 국비 3,350억 조 만 원 "
              "협약 체결 개최 지정 Celltrion Incheon Copyright ⓒ 무단전재 "
              "재배포 금지 기자 최신뉴스 ㄱ ㅏ 가나다라마바사 😀 𠀀")
_WORDS = _WORD_TEXT.split()
_MARKS = ['"', "“", "”", "'", "(", ")", "[", "]", "·", "…", "~", "-", ".", ",", "%", "@", "1", "99", "0",
          "\n", "\n\n", " ", "\t", "&lt;", "<p>", "</p>", "<script>", "\u200b", "\ufeff", "\u3000", "\u0301"]
_PIECES = st.sampled_from(_WORDS + _MARKS)
_DOCUMENTS = st.lists(_PIECES, min_size=1, max_size=80).map("".join)


@pytest.fixture(scope="module")
def in_process_worker() -> Iterator[None]:
    """worker.process ready in this process: settings of an empty knowledge base, Kiwi loaded once."""
    with tempfile.TemporaryDirectory() as folder:
        base = kb_mod.load(new_kb(Path(folder) / "kb"))
        worker._init(worker.Settings.of(base, None, None, False))
        yield


def _process(text: str, suffix: str) -> worker.Result:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"문서{suffix}"
        path.write_text(text, encoding="utf-8")
        return worker.process(path)


@pytest.mark.usefixtures("in_process_worker")
def test_a_good_release_goes_through_in_process() -> None:
    status, source, message, _ = _process(release(0), ".txt")
    assert (status, message) == ("new", None)
    assert source is not None and source.extraction.amounts


@pytest.mark.usefixtures("in_process_worker")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(text=_DOCUMENTS, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_odd_documents_never_crash_the_stages_after_reading(text: str, suffix: str) -> None:
    status, source, message, _ = _process(text, suffix)
    assert not (message or "").startswith("internal error"), message
    assert (status == "failed") == (source is None)
