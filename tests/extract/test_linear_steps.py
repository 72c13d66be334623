"""Every finder does work in proportion to the document: steps counted on small inputs, never timed.

A finder that scans every sentence, organisation or person once per fact is quadratic: a one-line
megabyte of text took minutes (bench/linear.py measures the real sizes). Here the lines of biohub's
own code that run while extracting a document of n and of 4n sentences are counted with a trace
function; linear code runs about four times as many, quadratic code about sixteen.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import biohub_cli
from biohub_cli.analyse import MAX_PIECE_CHARS, analyse
from biohub_cli.extract import extract
from biohub_cli.extract.lexicon import Lexicon
from biohub_cli.extract.quotes import find_quotes
from tests.extract.conftest import build_analysed

PACKAGE = str(Path(biohub_cli.__file__).parent)
GROWTH = 4
SLACK = 1.6  # linear code stays under GROWTH * SLACK; quadratic code comes out near GROWTH ** 2


def _sentences(n: int) -> str:
    """n short sentences of our own on one line, with organisations, people, quotes, dates and money."""
    parts = []
    for i in range(n):
        parts.append(
            f"충청북도와 오송바이오진흥재단은 2024년 {i % 12 + 1}월 {i % 27 + 1}일 청주 회의실에서 "
            f"창업기업 {i + 2}곳을 돕는 업무협약을 맺었다. 김영환 충북지사는 \"기업 {i}곳과 함께 하겠다\"고 말했다. "
            f"두 기관은 국비 {i + 3}억 원을 들인다.")
    return " ".join(parts)


def _steps(run: Callable[[], Any]) -> int:
    """Lines of biohub's code executed by `run()` (a line run again after a loop's jump counts again)."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if not frame.f_code.co_filename.startswith(PACKAGE):
            return None
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def small_and_large() -> tuple[Any, Any]:
    return build_analysed(_sentences(12)), build_analysed(_sentences(12 * GROWTH))


def test_extraction_steps_grow_with_the_document_not_its_square(small_and_large: tuple[Any, Any],
                                                                lexicon: Lexicon) -> None:
    small, large = small_and_large
    extract(small, lexicon)  # caches of words and titles filled by the first run, for both
    ratio = _steps(lambda: extract(large, lexicon)) / _steps(lambda: extract(small, lexicon))
    assert ratio < GROWTH * SLACK, f"extract ran {ratio:.1f}x the steps on {GROWTH}x the text"


def test_quote_steps_grow_with_the_document_not_its_square(small_and_large: tuple[Any, Any],
                                                           lexicon: Lexicon) -> None:
    small, large = small_and_large
    people = {id(a): extract(a, lexicon).people for a in (small, large)}
    ratio = (_steps(lambda: find_quotes(large, people[id(large)]))
             / _steps(lambda: find_quotes(small, people[id(small)])))
    assert ratio < GROWTH * SLACK, f"find_quotes ran {ratio:.1f}x the steps on {GROWTH}x the text"


def test_a_long_line_goes_to_kiwi_in_pieces() -> None:
    """Kiwi takes time out of proportion to one long piece of text, and reads "“…”고 말했다." lines as one
    sentence: a line longer than MAX_PIECE_CHARS reaches it in pieces, each cut at a sentence end."""
    line = " ".join(f"“바이오 기업 {i}곳을 돕겠다”고 김영환 충북지사는 말했다." for i in range(400))
    assert len(line) > 3 * MAX_PIECE_CHARS
    analysed = analyse(build_analysed(line).document)
    assert max(len(s.text) for s in analysed.sentences) <= MAX_PIECE_CHARS
    assert all(s.text.endswith(".") for s in analysed.sentences)
    covered = "".join(s.text for s in analysed.sentences).replace(" ", "")
    assert covered == line.replace(" ", ""), "no character is lost between the pieces"
