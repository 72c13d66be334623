"""A deterministic, seeded corpus of N realistic Korean bio-industry releases for `make bench`.

    python bench/corpus.py OUT_DIR --n 1000 [--seed 7]

Release i depends only on (seed, i): a corpus of 1,000 is a prefix of one of 4,000, and
`release(seed, i, edition=1)` is the same release after a correction (for the "1% changed" run).
About 15% of releases report an event another release already reported (other outlet, other
style), as happens when several outlets cover one agreement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages
import stories
import vocab
from korean import person_name

STYLES = ("city_release", "news_text", "news_html", "markdown")
_STYLE_WEIGHTS = (30, 40, 20, 10)
DUPLICATE_SHARE = 0.15
ENGLISH_SHARE = 0.12


@dataclass(frozen=True)
class Release:
    index: int
    file_name: str
    style: str
    encoding: str
    event: int          # index of the event it reports
    story: str          # the article text a reader sees (what kiwi is timed on for the floor)
    content: bytes


def release(seed: int, index: int, edition: int = 0) -> Release:
    rng = random.Random(f"{seed}:release:{index}")
    ev_index = rng.randrange(index) if index >= 10 and rng.random() < DUPLICATE_SHARE else index
    ev = stories.event(seed, ev_index)
    style = rng.choices(STYLES, weights=_STYLE_WEIGHTS)[0]
    if ev.kind == "event":  # previews appear days before the opening
        published = ev.date - dt.timedelta(days=rng.randrange(2, 25))
    else:
        published = ev.date + dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 3)))
    outlet = rng.choice(vocab.OUTLETS)
    reporter = person_name(rng, vocab.SURNAMES, vocab.GIVEN)
    st = stories.story(rng, ev, published, english=rng.random() < ENGLISH_SHARE, edition=edition)
    if edition:  # a correction changes a figure too, not only a note
        st.paragraphs[-2] = st.paragraphs[-2].replace("명", f"명(수정 {edition})", 1)
    if style == "city_release":
        text, ext, slug = pages.city_release(rng, st, published, ev.host, reporter), "txt", "city"
    elif style == "news_text":
        text, ext, slug = pages.news_text(rng, st, published, outlet, reporter), "txt", outlet[1]
    elif style == "news_html":
        text, ext, slug = pages.news_html(rng, st, published, outlet, reporter), "html", outlet[1]
    else:
        text, ext, slug = pages.markdown(rng, st, published, outlet, reporter), "md", outlet[1]
    encoding = "utf-8"
    if ext == "txt":
        encoding = rng.choices(("utf-8", "cp949", "utf-8-sig"), weights=(85, 8, 7))[0]
    content = text.encode(encoding, errors="replace" if encoding == "cp949" else "strict")
    name = f"{index:05d}_{published.isoformat()}_{slug}_{ev.kind}.{ext}"
    return Release(index=index, file_name=name, style=style, encoding=encoding, event=ev_index,
                   story=st.text(), content=content)


def generate(seed: int, n: int) -> list[Release]:
    return [release(seed, i) for i in range(n)]


def write(folder: Path, seed: int, n: int) -> list[Release]:
    """Write N releases into `folder` (created); files already holding the same bytes are left alone."""
    folder.mkdir(parents=True, exist_ok=True)
    out = generate(seed, n)
    for rel in out:
        path = folder / rel.file_name
        if not path.is_file() or path.read_bytes() != rel.content:
            path.write_bytes(rel.content)
    return out


def changed_indexes(seed: int, n: int, share: float) -> list[int]:
    """Which releases the "some files changed" run edits: a seeded sample, at least one."""
    k = max(1, round(n * share))
    return sorted(random.Random(f"{seed}:changed:{n}").sample(range(n), k))


def edit(folder: Path, seed: int, indexes: list[int], edition: int = 1) -> list[Path]:
    """Rewrite the given releases as their corrected edition; returns the paths written."""
    written = []
    for i in indexes:
        rel = release(seed, i, edition)
        path = folder / rel.file_name
        path.write_bytes(rel.content)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rels = write(args.out, args.seed, args.n)
    chars = sum(len(r.story) for r in rels)
    print(f"{len(rels)} releases, {chars:,} story characters, "
          f"{sum(len(r.content) for r in rels):,} bytes in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
