"""Furniture a page copied out of a browser carries around the story, wherever it sits.

- an advertisement: an offer and a call to act ("[대구·경북 최초] 임플란트 99만원 이벤트! 지금 상담
  신청하세요 ▶"); never a sentence of the story;
- a row of buttons and counters, spaced or run together ("페이스북 트위터 카카오톡 밴드 URL복사",
  "좋아요 0 화나요 0", "댓글 3");
- a subscription prompt ("네이버에서 ○○일보를 구독하세요", "뉴스레터 구독하기 ▶").

The words are data (data/noise.yaml: adverts, counters, subscription; share and menu).
"""

from __future__ import annotations

import re
from functools import lru_cache

from biohub_cli.clean.cues import bare, cues
from biohub_cli.clean.lines import sentence_final

_MAX_ADVERT = 120
_MAX_PROMPT = 60
_MAX_ROW = 120
_ROW_GLUE = re.compile(r"[\d,.()|/·ㆍ:+\-–]+")


def advert(text: str) -> bool:
    """An offer and a call to act on a short line that is no sentence of the story."""
    if len(text) > _MAX_ADVERT or _story_sentence(text):
        return False
    return any(o in text for o in cues().advert_offers) and _calls(text)


def _calls(text: str) -> bool:
    """A call to act: a word anywhere ("신청하세요"), a sign ("▶", "!") only at the end."""
    end = text.rstrip()
    return any(a in text if a[0].isalnum() else end.endswith(a) for a in cues().advert_calls)


def prompt(text: str) -> bool:
    """"…을 구독하세요", "뉴스레터 구독하기 ▶": a prompt to subscribe or follow."""
    if len(text) > _MAX_PROMPT or _story_sentence(text):
        return False
    return any(s in text for s in cues().subscription) and _calls(text)


def tool_row(text: str) -> str | None:
    """Two or more buttons or counters and nothing else, with or without spaces between them: "menu"
    when every one is a menu item ("주메뉴 바로가기 본문 바로가기"), else "share"."""
    if len(text) > _MAX_ROW:
        return None
    squeezed = _ROW_GLUE.sub("\0", bare(text))
    if _items(squeezed, _vocabulary(menu_only=True)) >= 2:
        return "menu"
    return "share" if _items(squeezed, _vocabulary(menu_only=False)) >= 2 else None


def _story_sentence(text: str) -> bool:
    return sentence_final(text) and bool(re.search(r"다[.!?\"”’')\]]*$", text.rstrip()))


@lru_cache(maxsize=2)
def _vocabulary(*, menu_only: bool) -> tuple[frozenset[str], int]:
    c = cues()
    lists = (c.menu,) if menu_only else (c.share, c.menu, c.counters)
    words = {bare(w) for group in lists for w in group} - {""}
    return frozenset(words), max((len(w) for w in words), default=0)


def _items(squeezed: str, vocabulary: tuple[frozenset[str], int]) -> int:
    """How many buttons `squeezed` splits into (NUL marks a count or a separator), or 0 if it does not."""
    words, longest = vocabulary
    n = len(squeezed)
    best: list[int | None] = [None] * (n + 1)  # best[i]: most items covering squeezed[:i]
    best[0] = 0
    for i in range(n):
        count = best[i]
        if count is None:
            continue
        if squeezed[i] == "\0":
            if best[i + 1] is None or best[i + 1] < count:  # type: ignore[operator]
                best[i + 1] = count
            continue
        for j in range(i + 1, min(n, i + longest) + 1):
            if squeezed[i:j] in words and (best[j] is None or best[j] < count + 1):  # type: ignore[operator]
                best[j] = count + 1
    return best[n] or 0
