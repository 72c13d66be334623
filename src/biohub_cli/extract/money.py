"""Money amounts (3,350억, 1조 2천억 원, 2천500억원, 2억5천만원, 금72,300,000원) with the label before them.

Mixed numerals are read whole: 2천500억 is 250,000,000,000, not 500억. An amount in another currency
(3억 달러, 2천만 유로, 50억엔) keeps its currency and value and gets no won value: the text gives no
rate. Areas (㎡, 평), head counts (명), percentages, years and phone numbers carry no money unit and
never match; a bare 억/조 figure counts as money unless a counter follows it. The currency word must
be a word of its own in Kiwi's reading (원 in 원탁회의, 원칙 or 원장 is no currency: `바이오경제 2.0
원탁회의` holds no amount).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from biohub_cli.extract.spans import body_sentences
from biohub_cli.models.facts import Amount
from biohub_cli.models.stages import Analysed, Sentence, Token
from biohub_cli.models.vocab import AmountKind, Currency

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# 2천500억, 4천200억, 1천500만: thousands and hundreds written as digits + 천/백 before the big unit
_GROUP = rf"(?:{_NUM}\s*(?:천|백)\s*)*{_NUM}\s*여?\s*(?:천|백|십)?\s*(?:조|억|만)"
_CURRENCY = r"원|달러|불|유로|엔|위안|파운드"
_AMOUNT = re.compile(
    rf"(?<![\d.,])(?:(?P<units>{_GROUP}(?:\s*{_GROUP})*(?:\s*{_NUM}\s*(?:천|백|십)?(?=\s*(?:{_CURRENCY})))?)"
    rf"(?P<unit1>\s*(?:{_CURRENCY}))?"
    rf"|(?P<plain>{_NUM})(?P<unit2>\s*(?:{_CURRENCY})))")
# ISO 4217 codes of the currency words; 원 is the won
_CODES: dict[str, Currency] = {"원": "KRW", "달러": "USD", "불": "USD", "유로": "EUR", "엔": "JPY", "위안": "CNY",
                               "파운드": "GBP"}
_UNIT_TAGS = frozenset({"NNB", "NNG"})
_COUNTER = re.compile(r"\s*(?:명|개|건|㎡|㎢|m|km|㎞|평|달러|불|유로|엔|위안|파운드|루블|주|톤|t\b"
                      r"|마리|대|회|가구|세대|곳|배|%|퍼센트|kW|MW|GW|배럴|병|상자|장|권|部"
                      r"|USD|EUR|JPY|CNY|\$|년|개월|일|시간|표|점|위|번|호|층)")
_ARTICLE_BEFORE = re.compile(r"제\s?$")
_ARTICLE_AFTER = re.compile(r"(?:의\s?\d|\s?제\s?\d+\s?[항호])")
_FOREIGN_BEFORE = re.compile(r"(?P<sign>US\$|USD|\$|EUR|€|JPY|¥|￥|GBP|£)\s*$")
_SIGNS: dict[str, Currency] = {"US$": "USD", "USD": "USD", "$": "USD", "EUR": "EUR", "€": "EUR", "JPY": "JPY",
                               "¥": "JPY", "￥": "JPY", "GBP": "GBP", "£": "GBP"}
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
# time and position words: `8년간 총 …`, `10년 후 …`, `이 가운데 …`, `현재 환율 기준 약 …` name no purpose
_NOT_LABEL = frozenset({"간", "후", "전", "뒤", "가운데", "기준", "현재", "당시", "올해", "내년", "지난해", "연간",
                        "매년", "이번", "이달", "향후", "최대", "최소", "이상", "이하", "내", "동안", "까지", "부터"})
# nouns that name money or what it pays: 사업비, 국비, 계약금, 예산, 투자, 매출, 효과, 규모 …
_MONEY_NOUN = re.compile(r"(?:비|금|예산|투자|투입|매출|효과|자금|펀드|기금|액|규모|비용|재원|수익|출연|보조)$")
_SPENDING = frozenset({"투자", "투입", "지원", "출연", "유치", "확보", "편성", "배정", "집행", "조성"})
_SPENDING_VERBS = {"들이": "투입", "쏟": "투입", "투입하": "투입"}
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
    return sorted(_once(out), key=lambda a: (a.evidence.start if a.evidence else 0, a.figure))


def _once(found: list[Amount]) -> list[Amount]:
    """A figure repeated (headline and body, `3,350억 원 규모` and `총사업비 3,350억`) is one amount;
    equal figures of different kinds (국비 50억, 시비 50억) stay apart. The labelled mention wins."""
    kept: list[Amount] = []
    at: dict[object, list[int]] = {}  # figure → its places in kept: no scan of every amount kept
    for a in found:
        same = next((i for i in at.get(a.figure, ())
                     if kept[i].kind == a.kind or "other" in (kept[i].kind, a.kind)), None)
        if same is None:
            at.setdefault(a.figure, []).append(len(kept))
            kept.append(a)
        elif (kept[same].kind == "other" and a.kind != "other") or (kept[same].label is None and a.label is not None):
            kept[same] = a
    return kept


def _is_word(sentence: Sentence, start: int, form: str) -> bool:
    """Kiwi reads `form` at `start` (absolute) as a word of its own (원/NNB), not as the start of another
    word (원탁, 원칙, 원장, 엔진)."""
    return any(t.start == start and t.form == form and t.tag in _UNIT_TAGS for t in sentence.tokens)


def _amount(analysed: Analysed, sentence: Sentence, m: re.Match[str]) -> Amount | None:
    text = sentence.text
    start, end = m.start(), m.end()
    unit = m["unit1"] or m["unit2"] or ""
    if unit and not _is_word(sentence, sentence.start + end - len(unit.lstrip()), unit.strip()):
        if m["plain"]:
            return None
        end -= len(unit)
        unit = ""
    word = unit.strip()
    if not word:
        end = start + len(text[start:end].rstrip())
        # a counter may sit on the next line
        after = analysed.document.text[sentence.start + end:sentence.start + end + 12]
        if not re.search(r"[조억]", m["units"]) or _COUNTER.match(after) or _ARTICLE_AFTER.match(after):
            return None
        if _ARTICLE_BEFORE.search(text[:start]):
            return None  # 제3조: an article of a law
    sign = _FOREIGN_BEFORE.search(text[:start])
    if sign and word == "원":
        return None  # $5억 원: two currencies, no figure to trust
    value = parse_krw(text[start:end].removesuffix(word))
    if value is None or value == 0:
        return None
    currency = _CODES[word] if word else _SIGNS[sign["sign"]] if sign else "KRW"
    if sign and not word:
        start = sign.start()
    abs_start, abs_end = sentence.start + start, sentence.start + end
    label = _label(sentence, abs_start, abs_end)
    won = currency == "KRW"
    return Amount(value_krw=value if won else None, value=None if won else value, currency=currency,
                  text=text[start:end], label=label, kind=kind_of(label, text[:start]),
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


def _label(sentence: Sentence, start: int, end: int) -> str | None:
    """What the amount is for, as the sentence says it: the noun phrase just before it (`총사업비 3,350억`
    → 총사업비, `(국비 2,500억 원` → 국비, `충북도 96억원` → 충북도), unless that phrase names no money
    and a money noun follows the amount (`7178억원의 사업비` → 사업비, `1천500억원을 투자` → 투자,
    `3325억원을 들여` → 투입). Time and position words are no label (`8년간`, `10년 후`, `이 가운데`)."""
    before = _phrase_before(sentence, start)
    if before is not None and _MONEY_NOUN.search(before):
        return before
    return _noun_after(sentence, end) or before


def _phrase_before(sentence: Sentence, start: int) -> str | None:
    before = [t for t in sentence.tokens if t.end <= start]
    i = len(before) - 1
    while i >= 0 and (before[i].tag in ("SSO", "JX", "JKS") or before[i].form in (":", "：")
                      or before[i].form in _LABEL_STOP or before[i].tag == "MM"):
        i -= 1
    picked: list[Token] = []
    while i >= 0 and len(picked) < MAX_LABEL_TOKENS and before[i].tag in _LABEL_TAGS \
            and before[i].form not in _LABEL_STOP and before[i].form not in _NOT_LABEL:
        picked.insert(0, before[i])
        i -= 1
    if not picked:
        return None
    a, b = picked[0].start, picked[-1].end
    if i >= 0 and before[i].tag == "MM" and before[i].end == a and before[i].form == "총":
        a = before[i].start
    label = sentence.text[a - sentence.start:b - sentence.start]
    return " ".join(label.split()) or None


def _noun_after(sentence: Sentence, end: int) -> str | None:
    """`…원의 사업비`, `…원을 투자`/`투입`/`지원`, `…원을 들여`: the money noun the amount is the object of."""
    after = [t for t in sentence.tokens if t.start >= end][:3]
    if not after or after[0].tag not in ("JKG", "JKO", "JKS", "JX"):
        return None
    nxt = after[1] if len(after) > 1 else None
    if nxt is None:
        return None
    if nxt.tag == "NNG" and (_MONEY_NOUN.search(nxt.form) or nxt.form in _SPENDING):
        return nxt.form
    if nxt.tag == "VV" and nxt.form in _SPENDING_VERBS:
        return _SPENDING_VERBS[nxt.form]
    return None
