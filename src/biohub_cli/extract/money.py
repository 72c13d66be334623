"""Money amounts in won (3,350억, 1조 2천억 원, 2억5천만원, 금72,300,000원) with the label before them.

Only won: an amount followed by 달러, 유로, 엔 or 위안 is skipped rather than converted at a rate
the text does not give. Areas (㎡, 평), head counts (명), percentages, years and phone numbers carry no
money unit and never match; a bare 억/조 figure counts as money unless a counter follows it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from biohub_cli.extract.spans import body_sentences
from biohub_cli.models.facts import Amount
from biohub_cli.models.stages import Analysed, Sentence, Token
from biohub_cli.models.vocab import AmountKind

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_GROUP = rf"{_NUM}\s*여?\s*(?:천|백|십)?\s*(?:조|억|만)"
_AMOUNT = re.compile(
    rf"(?<![\d.,])(?:(?P<units>{_GROUP}(?:\s*{_GROUP})*(?:\s*{_NUM}\s*(?:천|백|십)?(?=\s*원))?)(?P<won1>\s*원)?"
    rf"|(?P<plain>{_NUM})(?P<won2>\s*원))")
_NOT_WON = re.compile(r"(?:칙|장|인|자|료|리|형|소|천|래|활|작|본|점|거리|격|숭이|목|내|외|고"
                      r"|생|단|룸|주민|예)")  # 원칙, 원장, 원자력: not the currency
_COUNTER = re.compile(r"\s*(?:명|개|건|㎡|㎢|m|km|㎞|평|달러|불|유로|엔|위안|파운드|루블|주|톤|t\b"
                      r"|마리|대|회|가구|세대|곳|배|%|퍼센트|kW|MW|GW|배럴|병|상자|장|권|部"
                      r"|USD|EUR|JPY|CNY|\$|년|개월|일|시간|표|점|위|번|호|층)")
_ARTICLE_BEFORE = re.compile(r"제\s?$")
_ARTICLE_AFTER = re.compile(r"(?:의\s?\d|\s?제\s?\d+\s?[항호])")
_FOREIGN_BEFORE = re.compile(r"(?:\$|US\$|USD|€|¥|￥|£)\s*$")
_BIG = {"조": Decimal(10) ** 12, "억": Decimal(10) ** 8, "만": Decimal(10) ** 4}
_SMALL = {"천": Decimal(1000), "백": Decimal(100), "십": Decimal(10)}
_PIECE = re.compile(rf"(?P<n>{_NUM})?\s*여?\s*(?P<s>천|백|십)?\s*(?P<b>조|억|만)?")
_KINDS: tuple[tuple[str, AmountKind], ...] = (
    ("총사업비", "total"), ("총 사업비", "total"), ("총예산", "total"), ("총액", "total"),
    ("총투자", "total"),
    ("국비", "national"), ("국고", "national"), ("정부출연", "national"), ("정부지원", "national"),
    ("지방비", "local"), ("시비", "local"), ("도비", "local"), ("군비", "local"), ("구비", "local"),
    ("지자체", "local"), ("지방자치단체", "local"),
    ("민자", "private"), ("민간투자", "private"), ("민간", "private"), ("자부담", "private"),
)
_LABEL_TAGS = frozenset({"NNG", "NNP", "SL", "XSN", "XPN", "SH"})
_LABEL_STOP = frozenset({"등", "및", "약", "총", "금", "또는", "중", "각각", "당", "여"})
MAX_LABEL_TOKENS = 4


def parse_krw(text: str) -> int | None:
    """`3,350억` -> 335000000000; `1조 2천억 원`, `2억5천만원`, `금72,300,000원`; None if no amount."""
    s = re.sub(r"\s+", "", text)
    s = s.removeprefix("금").removesuffix("원")
    if not s or not re.search(r"\d|천|백|십", s):
        return None
    total = Decimal(0)
    pending = Decimal(0)
    last_big = Decimal(10) ** 13
    pos = 0
    while pos < len(s):
        m = _PIECE.match(s, pos)
        if m is None or m.end() == pos:
            return None
        pos = m.end()
        try:
            value = Decimal(m["n"].replace(",", "")) if m["n"] else Decimal(1 if m["s"] else 0)
        except InvalidOperation:
            return None
        if m["s"]:
            value *= _SMALL[m["s"]]
        pending += value
        if m["b"]:
            big = _BIG[m["b"]]
            if big >= last_big:
                return None  # 억 after 만: not a Korean number
            total += pending * big
            pending = Decimal(0)
            last_big = big
    total += pending
    if total != total.to_integral_value():
        return None
    return int(total)


def find_amounts(analysed: Analysed) -> list[Amount]:
    """Won amounts of the Korean body in text order, with label and kind when the text gives them."""
    out: list[Amount] = []
    for sentence in body_sentences(analysed):
        text = sentence.text
        for m in _AMOUNT.finditer(text):
            amount = _amount(analysed, sentence, m)
            if amount is not None:
                out.append(amount)
    return sorted(_once(out), key=lambda a: (a.evidence.start if a.evidence else 0, a.value_krw))


def _once(found: list[Amount]) -> list[Amount]:
    """A figure repeated (headline and body, `3,350억 원 규모` and `총사업비 3,350억`) is one amount;
    equal figures of different kinds (국비 50억, 시비 50억) stay apart. The labelled mention wins."""
    kept: list[Amount] = []
    at: dict[object, list[int]] = {}  # value → its places in kept: no scan of every amount kept
    for a in found:
        same = next((i for i in at.get(a.value_krw, ())
                     if kept[i].kind == a.kind or "other" in (kept[i].kind, a.kind)), None)
        if same is None:
            at.setdefault(a.value_krw, []).append(len(kept))
            kept.append(a)
        elif (kept[same].kind == "other" and a.kind != "other") or (kept[same].label is None and a.label is not None):
            kept[same] = a
    return kept


def _amount(analysed: Analysed, sentence: Sentence, m: re.Match[str]) -> Amount | None:
    text = sentence.text
    doc = analysed.document.text
    won = m["won1"] or m["won2"]
    end = m.end()
    if won and _NOT_WON.match(text[end:]):  # 원칙, 원장: not the currency
        if m["plain"]:
            return None
        end -= len(won)
        won = None
    if not won:
        end = m.start() + len(text[m.start():end].rstrip())
        after = doc[sentence.start + end:sentence.start + end + 12]  # a counter may sit on the next line
        if not re.search(r"[조억]", m["units"]) or _COUNTER.match(after) or _ARTICLE_AFTER.match(after):
            return None
        if _ARTICLE_BEFORE.search(text[:m.start()]):
            return None  # 제3조: an article of a law
    if _FOREIGN_BEFORE.search(text[:m.start()]):
        return None
    start = m.start()
    written = text[start:end]
    value = parse_krw(written)
    if value is None or value == 0:
        return None
    abs_start, abs_end = sentence.start + start, sentence.start + end
    label = _label(sentence, abs_start)
    return Amount(value_krw=value, text=written, label=label, kind=kind_of(label, text[:start]),
                  evidence=analysed.evidence(abs_start, abs_end))


def kind_of(label: str | None, before: str = "") -> AmountKind:
    """total, national, local or private from the label (국비 → national, 지자체 → local, 민자 → private)."""
    squashed = re.sub(r"\s", "", label or "")
    for cue, kind in _KINDS:
        if cue.replace(" ", "") in squashed:
            return kind
    if re.search(r"(?:총|모두|합계|전체)\s*$", before):
        return "total"
    return "other"


def _label(sentence: Sentence, start: int) -> str | None:
    """The noun phrase just before an amount: `총사업비 3,350억` → 총사업비, `(국비 2,500억 원` → 국비."""
    before = [t for t in sentence.tokens if t.end <= start]
    i = len(before) - 1
    while i >= 0 and (before[i].tag in ("SSO", "JX", "JKS") or before[i].form in (":", "：")
                      or before[i].form in _LABEL_STOP or before[i].tag == "MM"):
        i -= 1
    picked: list[Token] = []
    while i >= 0 and len(picked) < MAX_LABEL_TOKENS and before[i].tag in _LABEL_TAGS \
            and before[i].form not in _LABEL_STOP:
        picked.insert(0, before[i])
        i -= 1
    if not picked:
        return None
    a, b = picked[0].start, picked[-1].end
    if i >= 0 and before[i].tag == "MM" and before[i].end == a and before[i].form == "총":
        a = before[i].start
    label = sentence.text[a - sentence.start:b - sentence.start]
    return " ".join(label.split()) or None
