"""Window queries over the spans of a document's facts (organisations, people, dates) in log time.

The finders ask "which of these lie between a and b" once a sentence, a clause or a name; scanning the
whole list each time made them quadratic in a long document (a one-line megabyte of text took minutes).
An index answers with the same items in the same (list) order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")
Span = Callable[[T], tuple[int, int]]


class SpanIndex(Generic[T]):
    """`items` by their (start, end) spans; every query returns items in their order in `items`."""

    def __init__(self, items: Sequence[T], span: Span[T]) -> None:
        self.items = items
        self._spans = [span(x) for x in items]
        self._by_start = sorted(range(len(items)), key=lambda i: self._spans[i][0])
        self._starts = [self._spans[i][0] for i in self._by_start]
        self._by_end = sorted(range(len(items)), key=lambda i: self._spans[i][1])
        self._ends = [self._spans[i][1] for i in self._by_end]
        # the furthest end among the items that start at or before each place of _by_start
        self._reach = list(accumulate((self._spans[i][1] for i in self._by_start), max))

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """Items with lo <= start < hi."""
        a, b = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return [self.items[i] for i in sorted(self._by_start[a:b])]

    def starting_in_any(self, windows: Iterable[tuple[int, int]]) -> list[T]:
        """Items with lo <= start < hi for one of the (lo, hi) windows, each once."""
        found: set[int] = set()
        for lo, hi in windows:
            found.update(self._by_start[bisect_left(self._starts, lo):bisect_left(self._starts, hi)])
        return [self.items[i] for i in sorted(found)]

    def ending_in(self, lo: int, hi: int) -> list[T]:
        """Items with lo <= end < hi."""
        a, b = bisect_left(self._ends, lo), bisect_left(self._ends, hi)
        return [self.items[i] for i in sorted(self._by_end[a:b])]

    def within(self, start: int, end: int) -> list[T]:
        """Items with start <= their start and their end <= end."""
        a, b = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [self.items[i] for i in sorted(self._by_start[a:b]) if self._spans[i][1] <= end]

    def covers(self, start: int, end: int) -> bool:
        """Whether one item spans all of [start, end): its start <= start and its end >= end."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end


_HELD: dict[tuple[int, int], tuple[Sequence[object], int, SpanIndex[object]]] = {}
_HELD_MAX = 16


def index_of(items: Sequence[T], span: Span[T]) -> SpanIndex[T]:
    """The index of this very list (by identity, while it keeps its length), built on first use: for
    functions that are handed the same list of a document again and again."""
    key = (id(items), id(span))
    held = _HELD.get(key)
    if held is not None and held[0] is items and held[1] == len(items):
        return held[2]  # type: ignore[return-value]
    if len(_HELD) >= _HELD_MAX:
        _HELD.clear()
    index = SpanIndex(items, span)
    _HELD[key] = (items, len(items), index)  # type: ignore[assignment]
    return index
