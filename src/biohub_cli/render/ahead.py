"""The organisation and person pages of a build rendered in a second process while the first renders
the site-wide files (index, timeline in five formats, network): two cores instead of one.

The pages are made by a forked child (ingest/forked.py) from the very objects the build loaded: each page
as (path, bytes or None for a page reports/ already holds), read back in order once the build's own
files are done, exactly as it would have rendered them itself. Without a fork, or when the child
fails, the build renders the pages itself, which also reports any error the way it always has.
"""

from __future__ import annotations

from collections.abc import Iterator

from biohub_cli.ingest.forked import Forked, may_fork
from biohub_cli.render import page_cache

Item = tuple[str, bytes | None]


class Ahead:
    """`items` rendered in a forked child, or in this process when that cannot be done."""

    def __init__(self, items: Iterator[Item], skipped: list[str] | None, cache: page_cache.PageCache | None) -> None:
        self.skipped = skipped
        self.cache = cache
        self.before = len(skipped) if skipped is not None else 0
        self.forked = Forked(lambda: items, self._learnt, fork=may_fork())

    def _learnt(self) -> tuple[list[str], dict[str, str], dict[str, str]]:
        """In the child, after the last page: the ids it skipped and what the page cache learnt."""
        skipped = self.skipped[self.before:] if self.skipped is not None else []
        state = (self.cache.now, self.cache.verified) if self.cache is not None else ({}, {})
        return (skipped, *state)

    def __iter__(self) -> Iterator[Item]:
        yield from self.forked
        if self.forked.state is None:  # rendered here: the skipped ids and the cache are up to date
            return
        skipped, digests, verified = self.forked.state
        if self.skipped is not None:
            self.skipped.extend(skipped)
        if self.cache is not None:  # what the child's `reusable` calls learnt
            self.cache.now.update(digests)
            self.cache.verified.update(verified)

    def stop(self) -> None:
        """After the build, or when it failed: end a child still running and drop its file."""
        self.forked.stop()
