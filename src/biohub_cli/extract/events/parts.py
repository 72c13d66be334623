"""The parts of an event besides its name: venue, attendee count, ordinal, participating bodies."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from biohub_cli.extract.dates.scan import time_after, weekday_after
from biohub_cli.extract.events.cues import event_cues, type_of_name
from biohub_cli.extract.events.phrases import Phrase, clean_name
from biohub_cli.models.facts import OrgMention, ParticipantMention
from biohub_cli.models.stages import Sentence
from biohub_cli.models.vocab import Role

_VENUE_TAGS = frozenset({"NNP", "NNG", "NNB", "SN", "SL", "SH", "XSN", "XPN", "W_SERIAL", "SO", "SW"})
MAX_VENUE_TOKENS = 8
_PLACE_LABEL = re.compile(r"(?:^|\n|[□○◦▪■·\-]\s*)장\s*소\s*[:：]\s*(?P<v>[^\n,/]+)")
_COUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)\s*(?:여\s*)?명")
_COUNT_AFTER = re.compile(r"^(?:자|인원)?[^.]{0,12}?(\d{1,3}(?:,\d{3})+|\d+)\s*(?:여\s*)?명")
_ORDINAL = (
    re.compile(r"제\s*(\d{1,3})\s*(?:회|차)(?!\s*(?:년|월|일))"),
    re.compile(r"(?<![\d.])(\d{1,3})\s*차\s*(?:정기|임시|전체|실무)?\s*(?:회의|총회|협의회|위원회|회)"),
    re.compile(r"(?<![\d.])(\d{1,3})\s*회\s*(?:정기|임시)?\s*(?:회의|총회|포럼|박람회|대회|행사|축제|심포지엄|투자대전)"),
)
_ORDINAL_WORDS = {"첫": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
                  "아홉": 9, "열": 10}
_ORDINAL_WORD = re.compile(r"(첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:번째|째)\s*(?:정기|임시)?"
                           r"\s*(?:회의|총회|모임)")
ROLE_RANK: dict[str, int] = {"host": 0, "signatory": 1, "organizer": 2, "member": 3, "attendee": 4,
                             "other": 5}


@dataclass(frozen=True)
class Venue:
    start: int
    end: int
    text: str


def venue_after(sentence: Sentence, offset: int) -> Venue | None:
    """`<date> (오후 3시) <place>에서`: the place named right after a date."""
    text = sentence.text
    i = offset - sentence.start
    for matcher in (weekday_after, time_after, _part_of_day):
        m = matcher(text[i:])
        if m:
            i += m.end()
    return _place_at(sentence, sentence.start + i)


_PART_OF_DAY = re.compile(r"^\s*(?:오전|오후|낮|밤|저녁|새벽)(?=\s)")


def _part_of_day(text: str) -> re.Match[str] | None:
    """`26일 오후 충북 청주에서`: a part of the day with no clock time, before the place."""
    return _PART_OF_DAY.match(text)


def venue_anywhere(sentence: Sentence) -> Venue | None:
    """A `<place>에서` whose place is a known venue or ends like one (…볼룸, …회의실, …센터)."""
    cues = event_cues()
    for k, t in enumerate(sentence.tokens):
        if t.tag != "JKB" or t.form != "에서":
            continue
        j = k
        while j - 1 >= 0 and sentence.tokens[j - 1].tag in _VENUE_TAGS and k - j < MAX_VENUE_TOKENS:
            j -= 1
        if j == k:
            continue
        if j - 1 >= 0 and sentence.tokens[j - 1].tag == "ETM":
            continue  # `열린 X에서`: X is the event around this one
        start, end = sentence.tokens[j].start, sentence.tokens[k - 1].end
        name = sentence.text[start - sentence.start:end - sentence.start]
        squashed = "".join(name.split())
        if any("".join(v.split()) in squashed for v in cues.venues) or any(
                squashed.endswith(h) for h in cues.venue_heads):
            return Venue(start, end, " ".join(name.split()))
    return None


def venue_label(text: str) -> Venue | None:
    """`장소: 시청 대회의실` (or `일시·장소: …`) in a release's outline."""
    m = _PLACE_LABEL.search(text)
    if m is None:
        return None
    name = " ".join(m["v"].split()).strip(" ,")
    if not name or len(name) > 40:
        return None
    start = m.start("v")
    return Venue(start, start + len(m["v"].rstrip(" ,")), name)


def _place_at(sentence: Sentence, offset: int) -> Venue | None:
    toks = [t for t in sentence.tokens if t.start >= offset]
    picked = []
    for t in toks[:MAX_VENUE_TOKENS + 1]:
        if t.tag == "JKB" and t.form == "에서":
            break
        if t.tag not in _VENUE_TAGS:
            return None
        picked.append(t)
    else:
        return None
    if not picked:
        return None
    start, end = picked[0].start, picked[-1].end
    name = " ".join(sentence.text[start - sentence.start:end - sentence.start].split())
    if type_of_name(name) in ("meeting", "event", "agreement") and not any(
            name.endswith(h) for h in event_cues().venue_heads):
        return None  # `이날 회의에서`: an event, not a place
    if not is_place_phrase(name):
        return None  # `인천에서`: a bare city or district, not a venue
    return Venue(start, end, name)


def is_place_phrase(name: str) -> bool:
    """A venue names a place: a known venue, a name ending like one (…회의실), or several words
    (`서울 코엑스`, `인천 연수구 미추홀타워`); a single bare name (`인천`, `송도`) is not one."""
    cues = event_cues()
    squashed = "".join(name.split())
    if any("".join(v.split()) in squashed for v in cues.venues):
        return True
    if any(squashed.endswith(h) for h in cues.venue_heads):
        return True
    return len(name.split()) >= 2


def attendee_count(sentence: Sentence) -> int | None:
    """`12명의 위원이 참석`, `30여 명이 참석했다`, `참석자는 50명` → the number of people present."""
    text = sentence.text
    for cue in event_cues().count_cues:
        for m in re.finditer(re.escape(cue), text):
            window = text[max(0, m.start() - 40):m.start()]
            counts = list(_COUNT.finditer(window))
            if counts:
                return int(counts[-1].group(1).replace(",", ""))
            after = _COUNT_AFTER.match(text[m.end():])
            if after:
                return int(after.group(1).replace(",", ""))
    return None


_ATTENDED = re.compile(r"([가-힣A-Za-z0-9]+)\s*(?:에는|에도|에)\s+[^.]{0,40}?(?:참석|참가|참여|자리|함께)")
_GENERIC_GATHERINGS = frozenset({"행사", "자리", "모임"})


def attended(sentence: Sentence) -> str | None:
    """What a head count's sentence says was attended: `… 행사에 참석했다` → `행사`, `이날 협약식에는 …`."""
    m = _ATTENDED.search(sentence.text)
    return m.group(1) if m else None


def is_generic_gathering(noun: str) -> bool:
    """`행사`, `이날 행사`: any gathering of the day, not one kind."""
    return noun in _GENERIC_GATHERINGS


def has_attendance(sentence: Sentence) -> bool:
    return any(c in sentence.text for c in event_cues().attendance)


def has_membership(sentence: Sentence) -> bool:
    return any(c in sentence.text for c in event_cues().membership)


def ordinal_of(*texts: str) -> int | None:
    """제5회 → 5, 제2차 → 2, 1차 회의 → 1, 두 번째 정기회의 → 2 (the first text that has one)."""
    for text in texts:
        for pattern in _ORDINAL:
            m = pattern.search(text)
            if m:
                return int(m.group(1))
        w = _ORDINAL_WORD.search(text)
        if w:
            return _ORDINAL_WORDS[w.group(1)]
    return None


def body_of(title: str) -> str:
    """The body a meeting belongs to: '… 추진단 제2차 정기회의' → '… 추진단'."""
    stripped = re.sub(r"\s*(?:제\s*)?\d+\s*(?:회|차)?\s*(?:정기|임시|전체)?\s*(?:회의|총회)\s*$", "", title)
    stripped = re.sub(r"^\s*제\s*\d+\s*(?:회|차)\s*", "", stripped)
    return clean_name(stripped)


def orgs_in(orgs: Sequence[OrgMention], start: int, end: int) -> list[OrgMention]:
    return [o for o in orgs if start <= o.evidence.start and o.evidence.end <= end]


def merge_roles(items: Sequence[tuple[str, Role]]) -> list[ParticipantMention]:
    """One entry an organisation, with its strongest role; sorted by name."""
    best: dict[str, Role] = {}
    for name, role in items:
        if name not in best or ROLE_RANK[role] < ROLE_RANK[best[name]]:
            best[name] = role
    return [ParticipantMention(organization=n, role=r) for n, r in sorted(best.items())]


def is_event_body(org: OrgMention, title: str, phrase: Phrase | None = None) -> bool:
    """The council or group whose meeting this is ('… 추진협의회' in '제5회 … 추진협의회')."""
    n = "".join(org.name.split())
    t = "".join(title.split())
    return len(n) >= 3 and n in t
