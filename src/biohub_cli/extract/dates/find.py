"""Dates in the Korean story: what the text states, and the year only when something fixes it.

A month-day takes its year from the text (a year written in the same sentence as part of a named
event or programme), from the stated publication date (the previous year when a past-tense report
names a later month-day), or from a weekday in parentheses when exactly one year near those the
document mentions fits. Otherwise the year stays unknown; never a guess from a clock or a page header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from biohub_cli.extract.dates.resolve import Context, future_tense, resolve
from biohub_cli.extract.dates.scan import Y4, RawDate, scan_sentence
from biohub_cli.extract.events.cues import event_cues, type_of_name
from biohub_cli.extract.spans import body_sentences
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.stages import Analysed, Sentence

_NAMED_YEAR = re.compile(rf"(?<![\d.,\-~/])(?P<y>{Y4})(?P<nyeon>\s*년도?)?(?P<gap>\s*)(?=[가-힣A-Za-z])")
_NOT_NAME = re.compile(
    r"(?:월|일|상반기|하반기|[1-4]\s?분기|초|말|중|까지|부터|이후|이래|이전|전|대|에|도|간|께|경|내"
    r"|의|은|는|이|가|을|를|과|와|으로|로|억|만|조|원|명|개|건|평|배|회|차|위|번|호|층|동|개월|년)"
    r"(?![가-힣])")
_UNIT_START = re.compile(r"(?:억|만|조|원|명|개|건|평|배|회|차|위|번|호|층|년|월|일|대)")
_RELATIVE_BEFORE = re.compile(r"(?:지난|오는|지난해|올해)\s*$")
_PARTICLE_END = re.compile(r"(?:을|를|이|가|은|는|에서|에|의|와|과|로|으로|도)?[,.]?$")
_HAPPENINGS = frozenset({"event", "meeting", "launch", "agreement", "announcement"})
_PROGRAMMES = ("사업", "공모", "공모전", "프로그램", "챌린지", "캠프", "아카데미", "지원사업")
_REPORTED = re.compile(r"^\s*(?:\([^)]{1,5}\)\s*)?(?P<v>밝혔|전했|말했|발표했|설명했|알렸|공시했|공개했|밝혀)")
_ACCORDING = re.compile(r"\s*(?:[^\s.,]+\s){0,3}?[^\s.,]+?에\s?따르면")
_EVENT_VERBS = frozenset({"발표했", "공개했"})  # a happening themselves unless they report a clause
_REPORTED_CLAUSE = re.compile(r"(?:고|며|면서|[”\"’'])\s*$")


@dataclass(frozen=True)
class DateMention:
    """A date written in the document: its span, what it means, whether it hangs on publication."""

    start: int
    end: int
    text: str
    date: PartialDate
    end_date: PartialDate | None = None
    relative: bool = False
    time: str | None = None


def find_dates(analysed: Analysed, published: PartialDate | None) -> list[DateMention]:
    """Every date of the Korean body, in text order; the appended translation adds none."""
    sentences = body_sentences(analysed)
    scanned = [(s, scan_sentence(s)) for s in sentences]
    years = set(_doc_years(scanned, published))
    out: list[DateMention] = []
    anchor: PartialDate | None = None   # the story's day, for 이날
    reported: PartialDate | None = None  # the day the story was released (`…했다고 9일 밝혔다`)
    text = analysed.document.text
    for sentence, raws in scanned:
        sentence_year = named_year(sentence)
        # `전날 … 열었다고 10일 밝혔다`: the day before counts from the release day written after it
        for raw in sorted(raws, key=lambda r: r.day_before):
            after = text[raw.end:sentence.end]
            report = _reports(text, raw.start, raw.end)
            before = next((d.date for d in out if d.start > raw.start and sentence.start <= d.start < sentence.end
                           and _reports(text, d.start, d.end)), None) if raw.day_before else None
            ctx = Context(published=published, sentence_year=sentence_year, doc_years=years,
                          anchor=anchor or reported, future=future_tense(after),
                          day_before_of=before or anchor or reported)
            got = resolve(raw, ctx)
            if got is None:
                continue
            date, end_date = got
            out.append(DateMention(raw.start, raw.end, text[raw.start:raw.end], date, end_date, raw.relative,
                                   raw.time))
            if date.day is not None and report:
                reported = date
            elif date.day is not None:
                anchor = date
    return sorted(out, key=lambda d: (d.start, d.end))


def _reports(text: str, start: int, end: int) -> bool:
    """A date followed by a reporting verb: `…했다고 29일 밝혔다`. `발표했다` and `공개했다` report only a
    clause (`…체결했다고 2일 발표했다`); after a name they are the happening (`‘…’를 25일 발표했다`)."""
    if _ACCORDING.match(text, end, end + 40):
        return True  # `4일 전북자치도에 따르면`: the day of the report the story is drawn from
    m = _REPORTED.match(text[end:end + 12])
    if m is None:
        return False
    return m["v"] not in _EVENT_VERBS or _REPORTED_CLAUSE.search(text[max(0, start - 8):start]) is not None


def is_report_date(analysed: Analysed, mention: DateMention) -> bool:
    """`29일 밝혔다`: the day the news was released, not the day of what it reports."""
    return _reports(analysed.document.text, mention.start, mention.end)


def named_year(sentence: Sentence) -> int | None:
    """The one year a sentence writes as part of a name ('2025 바이오투자대전'), if any."""
    found = set()
    text = sentence.text
    for m in _NAMED_YEAR.finditer(text):
        rest = text[m.end():]
        if _RELATIVE_BEFORE.search(text[:m.start()]):
            continue
        if m["nyeon"]:
            if not m["gap"] or _NOT_NAME.match(rest):
                continue
        elif _UNIT_START.match(rest) or (not m["gap"] and not _quoted_start(text, m.start())):
            continue
        if _names_a_happening(rest, quoted=_quoted_start(text, m.start())):
            found.add(int(m["y"]))
    for m in _YEAR_ENDS_NAME.finditer(text):
        if _ends_an_event_name(text, m.start(), m.end()):
            found.add(int(m["y"]))
    return found.pop() if len(found) == 1 else None


_YEAR_ENDS_NAME = re.compile(rf"(?<=[\s가-힣A-Za-z])(?P<y>{Y4})(?=\s*['’\"”」』》])")
_OPENING_QUOTES = "'‘\"“「『《"
_HELD = re.compile(r"개최|개막|열[리린렸려어고었]|연다|막[을이]|참가|참여")


def _ends_an_event_name(text: str, start: int, end: int) -> bool:
    """`'BIO KOREA 2025'가 5월 7일부터 … 개최된다`: a year closing the quoted name of something held in the
    sentence is the year of that event. A plan named by its target (`'바이오 비전 2035'`) is not one."""
    opening = max(text.rfind(q, max(0, start - 40), start) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    inner = text[opening + 1:start]
    if not inner.strip() or any(w in inner for w in event_cues().target_words):
        return False
    return _HELD.search(text[end:]) is not None


def _names_a_happening(rest: str, *, quoted: bool) -> bool:
    """'2025 제약바이오투자대전', 2025년 바이오 포럼: the year heads an event or programme, not a target
    such as '2030 바이오 비전' or '2030년까지'."""
    if quoted:
        close = re.search(r"['’\"”」』》>]", rest)
        candidates = [rest[:close.start()]] if close and close.start() <= 60 else []
    else:
        words = rest.split()[:5]
        candidates = [_PARTICLE_END.sub("", " ".join(words[:k])) for k in range(1, len(words) + 1)]
    return any(type_of_name(c) in _HAPPENINGS or c.rstrip().endswith(_PROGRAMMES) for c in candidates)


def _quoted_start(text: str, i: int) -> bool:
    return i > 0 and text[i - 1] in "'‘\"“「『《<"


def _doc_years(scanned: Iterable[tuple[Sentence, list[RawDate]]], published: PartialDate | None) -> list[int]:
    years = [r.year for _, raws in scanned for r in raws if r.year is not None]
    years += [y for s, _ in scanned if (y := named_year(s)) is not None]
    if published is not None and published.year is not None and published.year_certain:
        years.append(published.year)
    return years
