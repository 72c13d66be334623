"""What an event title is about (the title without its event nouns, verbs and time words) and its kind.

`K-바이오 스퀘어 부지 매매 협약 체결` and `부지 매매협약` are both about `k-바이오스퀘어부지매매` and
`부지매매`; `셀트리온 기공식` and `삼성바이오로직스 기공식` share nothing once `기공식` is gone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from biohub_cli.extract.events.cues import event_cues
from biohub_cli.names import normalise

_ASIDES = re.compile(r"\((?:이하|가칭)[^()]*\)")


@lru_cache(maxsize=1)
def _event_words() -> tuple[str, ...]:
    cues = event_cues()
    words = {normalise(n) for n, _ in cues.nouns} | {normalise(v) for v in cues.verbs}
    words |= {normalise(w) for w in cues.vague_words} | {normalise(w) for w, _ in cues.year_words}
    words |= {"체결", "명칭변경", "식"}
    return tuple(sorted((w for w in words if len(w) >= 2), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=4096)
def core_of(title: str) -> str:
    """The normalised title without asides (`(이하 …)`, `(가칭)`) and event words, longest first."""
    text = normalise(_ASIDES.sub("", title))
    for word in _event_words():
        if word in text:
            text = text.replace(word, " ")
    return "".join(text.split())


@lru_cache(maxsize=4096)
def kind_of(title: str) -> str | None:
    """The kind the last kind word of a title names (`… 상량식` → topping_out), if any."""
    text = normalise(_ASIDES.sub("", title))
    best: tuple[int, str] | None = None
    for word, kind in event_cues().kinds:  # longest first: 착공식 before 착공
        at = text.rfind(normalise(word))
        if at >= 0 and (best is None or at + len(normalise(word)) > best[0]):
            best = (at + len(normalise(word)), kind)
    return best[1] if best else None


def pairs(text: str) -> frozenset[str]:
    """The character pairs of a text."""
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def alike(a: str, b: str) -> float:
    """How much two cores share: the part of the shorter one's character pairs the other holds."""
    pa, pb = pairs(a), pairs(b)
    if not pa or not pb:
        return 0.0
    return len(pa & pb) / min(len(pa), len(pb))
