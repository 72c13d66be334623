"""Noun phrases in a tokenised sentence: a quoted name whole, a name read back from its last token
(`2건의 협약`, `위탁생산(CMO) 계약`, `‘…’(가칭) 착공식`), and names without quote marks and asides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from biohub_cli.extract.spans import QUOTE_PAIRS, squash
from biohub_cli.models.stages import Sentence, Token

NP_TAGS = frozenset({"NNP", "NNG", "NNB", "NR", "SN", "SL", "SH", "XPN", "XSN", "W_SERIAL"})
LINKING = frozenset({"가운데", "속", "중", "뒤", "후", "이후", "데", "만큼", "채", "동안", "가량"})
_QUOTE_MARKS = re.compile(r"[‘’'\"“”『』「」《》〈〉`]")
_DATE_UNITS = frozenset({"년", "월", "일", "시", "분"})
MAX_NP_TOKENS = 9
# words that point back to something named before, with how many things they point to (`두 센터`)
POINTING = {"이번": 1, "해당": 1, "이": 1, "그": 1, "본": 1, "동": 1, "양": 2, "두": 2, "세": 3, "네": 4}


@dataclass(frozen=True)
class Phrase:
    """A noun phrase: absolute span and its text without quote marks."""

    start: int
    end: int
    text: str
    quoted: bool = False


_ASIDES = re.compile(r"\s*\((?:이하|가칭)[^()]*\)")


_MONTH_WORD = re.compile(r"^(?:내달|다음\s?달|지난\s?달|이달)\s+")  # `내달 공동추진단`: a time, not a name


def clean_name(text: str) -> str:
    """A name without quote marks and asides (`(가칭)`, `(이하 백신센터)`)."""
    return _MONTH_WORD.sub("", squash(_QUOTE_MARKS.sub(" ", _ASIDES.sub("", text))).strip(" ,·"))


def closes_quote(t: Token) -> bool:
    return t.tag == "SSC" and t.form in ("’", "”", "』", "」", "》", "〉", "'", "\"")


def open_of(sentence: Sentence, close_index: int) -> int | None:
    """Token index of the quote mark a closing mark closes."""
    toks = sentence.tokens
    close = toks[close_index].form
    openers = [o for o, c in QUOTE_PAIRS.items() if c == close] + (["`"] if close == "'" else []) \
        + (["'"] if close == "’" else [])  # `'…’`: a straight quote opened, a curly one closed
    for k in range(close_index - 1, max(-1, close_index - 40), -1):  # `…' opens with a backtick too
        if toks[k].form in openers and (toks[k].tag == "SSO" or close in ("'", "\"")):
            return k
    return None


def phrase_back(sentence: Sentence, end_index: int, *, bridge: bool) -> Phrase | None:
    """The noun phrase ending at token `end_index` (a quoted name whole; `bridge` crosses `…을 위한`)."""
    toks = sentence.tokens
    k = end_index
    if toks[k].form == ")" and toks[k].tag == "SSC":  # `업무협약(MOU)`: the name goes on before the brackets
        opening = next((m for m in range(k - 1, max(-1, k - 12), -1) if toks[m].form == "("), None)
        if opening is None or opening == 0:
            return None
        inner = phrase_back(sentence, opening - 1, bridge=bridge)
        return make_phrase(sentence, inner.start, toks[k].end, quoted=inner.quoted) if inner else None
    if not closes_quote(toks[k]) and not np_token(toks, k):
        return None
    if closes_quote(toks[k]):
        o = open_of(sentence, k)
        if o is None:
            return None
        start = o
        while start >= 1 and _ordinal_part(toks[start - 1]) and end_index - start < MAX_NP_TOKENS:
            start -= 1  # `제5회 ‘…’`
        return make_phrase(sentence, toks[start].start, toks[k].end, quoted=True)
    start = k
    while start - 1 >= 0 and end_index - start < MAX_NP_TOKENS:
        if np_token(toks, start - 1):
            start -= 1
        elif toks[start - 1].form == ")" and toks[start - 1].tag == "SSC":  # `위탁생산(CMO) 계약`
            opening = next((m for m in range(start - 2, max(-1, start - 10), -1)
                            if toks[m].form == "("), None)
            if opening is None or opening == 0:
                break
            if closes_quote(toks[opening - 1]):  # `‘대전바이오창업원’(가칭) 착공식`
                o = open_of(sentence, opening - 1)
                if o is not None:
                    start = o
                break
            if not np_token(toks, opening - 1):
                break
            start = opening - 1
        else:
            break
    while start < end_index and toks[start].form in LINKING and start >= 1 and toks[start - 1].tag == "ETM":
        start += 1  # `관계자가 참석한 가운데 규제혁신 회의를`: the name starts after the linking noun
    if start - 1 >= 0 and closes_quote(toks[start - 1]) and toks[start].start - toks[start - 1].end <= 1:
        o = open_of(sentence, start - 1)
        if o is not None:
            start = o  # `'바이오 클러스터 협의체' 출범`
    if bridge and start >= 3 and toks[start - 1].tag == "ETM" and toks[start - 2].form == "위하" \
            and toks[start - 3].tag == "JKO" and start >= 4:
        inner = phrase_back(sentence, start - 4, bridge=False)
        if inner is not None:
            return make_phrase(sentence, inner.start, toks[end_index].end, quoted=inner.quoted)
    if bridge and start >= 2 and toks[start - 1].tag == "JKG" and toks[start - 2].tag in ("NNB", "SN", "NR"):
        inner = phrase_back(sentence, start - 2, bridge=False)
        if inner is not None:
            return make_phrase(sentence, inner.start, toks[end_index].end)
    return make_phrase(sentence, toks[start].start, toks[end_index].end)


def _ordinal_part(t: Token) -> bool:
    return t.tag == "SN" or (t.tag == "XPN" and t.form == "제") or (t.tag == "NNB" and t.form in ("회", "차"))


def np_token(toks: tuple[Token, ...], k: int) -> bool:
    """A token that continues a name backwards; a date (6월 11일, 2025.12.2.) ends it."""
    t = toks[k]
    if t.tag == "NNB" and t.form in _DATE_UNITS and k > 0 and toks[k - 1].tag == "SN":
        return False
    if t.tag == "W_SERIAL" or (t.tag == "SN" and k + 1 < len(toks) and toks[k + 1].form in _DATE_UNITS):
        return False
    if t.tag in NP_TAGS:
        return True
    if t.tag in ("SO", "SP"):
        return t.form in ("-", "·", "ㆍ")
    return t.tag == "MM" and t.form not in ("이", "그", "이런", "해당", "각")


def make_phrase(sentence: Sentence, start: int, end: int, *, quoted: bool = False) -> Phrase | None:
    raw = sentence.text[start - sentence.start:end - sentence.start]
    text = clean_name(raw)
    if not text:
        return None
    return Phrase(start, end, text, quoted or bool(_QUOTE_MARKS.search(raw)))
