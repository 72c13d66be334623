"""Work split with a forked child gives the values and state of doing it here, in order; a child that
fails or cannot be forked leaves the work to this process."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from biohub_cli.ingest import forked

TITLES = ["송도 바이오 협약", "오송 첨단의료 포럼", "원주 디지털헬스 특구 지정", "대구 메디시티 투자 유치"]


def _made_by(seen: list[int]) -> Iterator[tuple[str, int]]:
    for title in TITLES:
        seen.append(os.getpid())
        yield title, len(title)


@pytest.mark.parametrize("fork", [True, False])
def test_values_come_in_order_with_the_childs_state(fork: bool) -> None:
    seen: list[int] = []
    work = forked.Forked(lambda: _made_by(seen), lambda: {"pid": os.getpid(), "made": len(seen)}, fork=fork)
    assert list(work) == [(t, len(t)) for t in TITLES]
    if fork:
        assert seen == [] and work.state["made"] == len(TITLES) and work.state["pid"] != os.getpid()
    else:
        assert seen == [os.getpid()] * len(TITLES) and work.state is None


def test_a_child_that_fails_leaves_the_values_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: forked.Forked[object]) -> None:
        raise RuntimeError("the child breaks")

    monkeypatch.setattr(forked.Forked, "_child", broken)
    seen: list[int] = []
    work = forked.Forked(lambda: _made_by(seen), fork=True)
    assert list(work) == [(t, len(t)) for t in TITLES] and seen == [os.getpid()] * len(TITLES)


def test_an_error_in_the_work_surfaces_here() -> None:
    def bad() -> Iterator[str]:
        yield "인천"
        raise ValueError("문서를 읽을 수 없습니다")

    with pytest.raises(ValueError, match="문서를"):
        list(forked.Forked(bad, fork=True))


def test_stop_ends_a_child_still_running() -> None:
    def slow() -> Iterator[int]:
        import time

        time.sleep(30)
        yield 1

    work = forked.Forked(slow, fork=True)
    assert work.pid > 0
    pid = work.pid
    work.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
