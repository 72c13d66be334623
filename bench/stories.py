"""The news a benchmark release reports: an event (who, what, when, where, how much) and its story.

`event(seed, index)` is a pure function of its arguments, so several releases can report the same
event (as several outlets do) and a corpus of N documents is a prefix of a corpus of 4N.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import vocab
from korean import day_phrase, english_date, josa, past_month_phrase, person_name, split_amount, won
from vocab import Org

KINDS = ("agreement", "launch", "meeting", "designation", "funding", "event", "announcement")
_KIND_WEIGHTS = (30, 8, 14, 8, 14, 12, 14)
_FIRST_DAY = dt.date(2016, 1, 1)
_DAYS = (dt.date(2025, 12, 31) - _FIRST_DAY).days


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    org: Org


@dataclass(frozen=True)
class Event:
    index: int
    kind: str
    date: dt.date
    host: Org
    partners: tuple[Org, ...]
    venue: str
    topic: tuple[str, str]
    programme: tuple[str, str]
    council: Org
    expo: str
    ministry: Org
    ordinal: int
    attendees: int
    total_eok: int
    people: tuple[Person, ...]


@dataclass
class Story:
    """The text a reader would call the article: title, subtitle, paragraphs, translation."""

    title: str
    subtitle: str
    paragraphs: list[str]
    caption: str
    english: list[str] = field(default_factory=list)

    def text(self) -> str:
        parts = [self.title, self.subtitle, *self.paragraphs, *self.english]
        return "\n".join(p for p in parts if p)


def head_of(org: Org, year: int) -> Person:
    """The head of an organisation in a given year: the same person for a four-year term."""
    rng = random.Random(f"head:{org.name}:{year // 4}")
    return Person(person_name(rng, vocab.SURNAMES, vocab.GIVEN), org.head, org)


def staff_of(org: Org, year: int, k: int) -> Person:
    rng = random.Random(f"staff:{org.name}:{year // 3}:{k}")
    titles = vocab.STAFF_TITLES.get(org.type, ("팀장",))
    return Person(person_name(rng, vocab.SURNAMES, vocab.GIVEN), titles[k % len(titles)], org)


def event(seed: int, index: int) -> Event:
    rng = random.Random(f"{seed}:event:{index}")
    kind = rng.choices(KINDS, weights=_KIND_WEIGHTS)[0]
    day = _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS))
    host = rng.choice(vocab.CITIES)
    pool = vocab.COMPANIES + vocab.UNIVERSITIES + vocab.HOSPITALS + vocab.AGENCIES
    partners = tuple(rng.sample(pool, rng.choice((1, 2, 2, 3, 4))))
    people = (head_of(host, day.year), *(head_of(p, day.year) for p in partners[:2]),
              staff_of(host, day.year, rng.randrange(3)))
    return Event(index=index, kind=kind, date=day, host=host, partners=partners, venue=rng.choice(vocab.VENUES),
                 topic=rng.choice(vocab.TOPICS), programme=rng.choice(vocab.PROGRAMMES),
                 council=rng.choice(vocab.COUNCILS), expo=rng.choice(vocab.EXPOS),
                 ministry=rng.choice(vocab.MINISTRIES), ordinal=rng.randrange(1, 12),
                 attendees=rng.choice((20, 30, 40, 50, 80, 100, 150, 200, 300, 500)),
                 total_eok=rng.choice((35, 120, 450, 980, 1398, 2450, 3350, 7500, 12000, 21000)),
                 people=tuple(people))


_QUOTES = (
    "이번 {what}{은} {topic} 분야에서 {region}{이} 한 단계 도약하는 계기가 될 것",
    "기업과 대학, 연구기관이 함께 성과를 낼 수 있도록 행정적 지원을 아끼지 않겠다",
    "현장에서 바로 일할 수 있는 인재를 길러 기업의 인력난을 덜겠다",
    "{topic} 생태계를 완성하는 데 필요한 기반을 차근차근 갖춰 나가겠다",
    "세계 시장에서 통하는 기업이 {region}에서 나올 수 있도록 끝까지 돕겠다",
    "오늘 논의한 과제는 실행 계획으로 옮겨 내년 예산에 반영하겠다",
    "지역 병원과 기업이 손잡으면 임상부터 생산까지 한곳에서 해결할 수 있다",
    "규제를 풀고 투자를 끌어오는 일에 모든 역량을 모으겠다",
    "{what}{이} 눈에 보이는 성과로 이어지도록 분기마다 점검하겠다",
    "{region} 바이오산업의 경쟁력은 결국 사람과 협력에서 나온다",
)

_DUTIES = ("공동 연구개발", "전문인력 양성", "시설·장비 공동 활용", "기업 유치와 투자 연계", "임상시험 지원",
           "기술 사업화", "국제 협력 네트워크 구축", "창업기업 보육")


def _quote(rng: random.Random, person: Person, ev: Event, what: str) -> str:
    a, b = rng.sample(_QUOTES, 2)
    fill = {"what": what, "topic": ev.topic[0], "region": ev.host.short}
    first = _fill(a, fill)
    second = _fill(b, fill)
    who = f"{person.name} {person.org.short} {person.title}"
    if rng.random() < 0.5:
        joint = "이라며" if first.endswith("것") else "며"
        return f"{josa(who, '은')} “{first}”{joint} “{second}”{_quotative(second)} 말했다."
    return f"{josa(who, '은')} “{first}”{_quotative(first)} 강조했다."


def _quotative(quote: str) -> str:
    return "이라고" if quote.endswith("것") else "고"


def _fill(template: str, values: dict[str, str]) -> str:
    out = template
    for key, value in values.items():
        for particle in ("은", "이", "과", "으로"):
            out = out.replace("{" + key + "}{" + particle + "}", josa(value, particle))
        out = out.replace("{" + key + "}", value)
    return out


def _names(orgs: tuple[Org, ...]) -> str:
    return ", ".join(o.name for o in orgs)


def _lead(rng: random.Random, ev: Event, published: dt.date) -> tuple[str, str, str]:
    """Title, subtitle and lead sentence for the event's kind."""
    when = day_phrase(ev.date, published)
    host, partners, topic, prog = ev.host, ev.partners, ev.topic[0], ev.programme[0]
    first = partners[0]
    if ev.kind == "agreement":
        title = f"{host.short}·{first.short}, {topic} 업무협약 체결"
        sub = f"{_names(partners)} 등 {len(partners) + 1}개 기관 참여…{ev.venue.split()[0]}서 협약식"
        lead = (f"{josa(host.name, '은')} {when} {ev.venue}에서 {josa(_names(partners), '과')} ‘{topic} 협력을 "
                f"위한 업무협약(MOU)’을 체결했다고 밝혔다.")
    elif ev.kind == "launch":
        title = f"‘{ev.council.name}’ 공식 출범"
        sub = f"{prog} 후속 조치…{host.short}·{first.short} 등 참여"
        lead = (f"{josa(host.name, '은')} {when} {ev.venue}에서 {josa(_names(partners), '과')} 함께 "
                f"‘{ev.council.name}’ 출범식을 가졌다고 밝혔다.")
    elif ev.kind == "meeting":
        title = f"{ev.council.name} 제{ev.ordinal}차 회의…{topic} 추진 상황 점검"
        sub = f"{ev.council.short}, 분과별 과제 {ev.ordinal + 3}건 논의"
        lead = (f"{josa(ev.council.name, '은')} {when} {ev.venue}에서 제{ev.ordinal}차 정기회의를 열고 {topic} "
                f"분야 과제의 추진 상황을 점검했다.")
    elif ev.kind == "designation":
        title = f"{host.short}, {prog} 지정…{won(ev.total_eok)} 투입"
        sub = f"{josa(ev.ministry.short, '이')} 최종 발표, {topic} 거점으로 육성"
        lead = (f"{josa(ev.ministry.name, '은')} {when} {josa(host.name, '을')} ‘{prog}’"
                f"{josa(prog, '으로')[len(prog):]} 지정했다고 밝혔다.")
    elif ev.kind == "funding":
        title = f"{host.short}, ‘{prog}’ 공모 선정…국비 확보"
        sub = f"{first.short}와 컨소시엄 구성, {topic} 기반 마련"
        lead = (f"{josa(host.name, '은')} {josa(ev.ministry.name, '이')} 공모한 ‘{prog} 조성사업’에 "
                f"{host.short} 컨소시엄이 최종 선정됐다고 {when} 밝혔다.")
    elif ev.kind == "event":
        title = f"‘{ev.expo} {ev.date.year}’ {ev.venue.split()[0]}서 개막"
        sub = f"{ev.attendees // 10 + 5}개국 {ev.attendees}개 기업 참가…{topic} 특별관 운영"
        end = ev.date + dt.timedelta(days=2)
        lead = (f"{josa(host.name, '과')} {josa(first.name, '이')} 주최하는 ‘{ev.expo} {ev.date.year}’가 {when}부터 "
                f"{end.day}일까지 {ev.venue}에서 열린다.")
    else:
        title = f"{first.short}, {host.short}에 {topic} 시설 투자…{won(ev.total_eok)} 규모"
        sub = f"{ev.date.year + 3}년 가동 목표, 일자리 {ev.attendees * 3}개 기대"
        lead = (f"{josa(first.name, '은')} {when} {host.short} {ev.venue.split()[0]} 일대에 {won(ev.total_eok)}"
                f"을 들여 {topic} 생산시설을 짓겠다고 발표했다.")
    return title, sub, lead


def _details(rng: random.Random, ev: Event, published: dt.date) -> list[str]:
    host, partners, topic, prog = ev.host, ev.partners, ev.topic[0], ev.programme[0]
    national, local, private = split_amount(rng, ev.total_eok)
    duties = rng.sample(_DUTIES, 4)
    past = ev.date - dt.timedelta(days=rng.randrange(60, 700))
    out = []
    if ev.kind == "agreement":
        out.append(f"이번 협약에 따라 참여 기관들은 ▲{duties[0]} ▲{duties[1]} ▲{duties[2]} ▲{duties[3]} 등에서 "
                   f"힘을 모으기로 했다.")
    else:
        out.append(f"{josa(host.short, '은')} 이를 통해 {josa(duties[0], '과')} {josa(duties[1], '을')} 함께 추진하고, "
                   f"{topic} 분야 기업이 필요로 하는 {duties[2]} 체계를 갖출 계획이다.")
    if ev.kind in ("designation", "funding", "announcement") or rng.random() < 0.4:
        out.append(f"총사업비는 {won(ev.total_eok)}으로 국비 {won(national)}, 지방비 {won(local)}, 민자 "
                   f"{won(private)}이 {ev.date.year + rng.randrange(2, 6)}년까지 투입된다.")
    out.append(f"앞서 {josa(host.short, '은')} {past_month_phrase(past, published)} ‘{prog}’ 관련 기본계획을 "
               f"세우고 {josa(partners[-1].name, '과')} 실무 협의를 이어 왔다.")
    people = ev.people
    if ev.kind != "event":
        listed = ", ".join(f"{p.name} {p.org.short} {p.title}" for p in people[:3])
        out.append(f"이날 행사에는 {listed} 등 관계자 {ev.attendees}여 명이 참석했다.")
    out.append(_quote(rng, people[0], ev, _what(ev.kind)))
    if len(people) > 1 and rng.random() < 0.6:
        out.append(_quote(rng, people[1], ev, _what(ev.kind)))
    goal = ev.date.year + rng.randrange(2, 8)
    out.append(f"한편 {josa(host.short, '은')} {goal}년까지 {topic} 분야 기업 {rng.randrange(10, 120)}곳을 유치하고 "
               f"전문인력 {rng.randrange(1, 9) * 500:,}명을 길러낸다는 목표를 세웠다.")
    return out


_BACKGROUND = (
    "{prog}{은} {topic} 분야의 연구와 생산, 인력 양성을 한곳에서 지원하기 위해 {ministry}{이} 추진하는 사업으로, "
    "선정된 지역에는 {goal}년까지 시설과 장비, 운영비가 단계적으로 지원된다.",
    "{region}에는 {c1}{과} {c2} 등 바이오의약품 기업이 자리 잡고 있어, 공정 인력과 원부자재 공급망에 대한 "
    "수요가 꾸준히 늘고 있다.",
    "참석자들은 {topic} 시장 동향을 공유한 뒤 {duty} 방안을 두고 의견을 나눴다. 특히 {partner}{은} 현장 수요를 "
    "반영한 교육과정을 새로 마련하자고 제안했다.",
    "{region}{은} {goal}년 하반기부터 분과별 실무회의를 매달 열고, 해마다 12월 성과보고회를 통해 진행 상황을 "
    "점검할 계획이다.",
    "업계에서는 {topic} 분야의 세계 시장 규모가 {goal}년 {trillion}조 원을 넘어설 것으로 보고 있으며, 국내 기업의 "
    "생산 능력도 빠르게 늘고 있다.",
    "{partner}{은} 몇 해 전부터 {topic} 관련 공동연구를 진행해 왔으며, 이번 {what}{으로} 연구 성과를 사업화하는 "
    "데 속도를 낼 수 있을 것으로 기대된다.",
    "{region} 일대 {area}만㎡ 부지에는 {goal}년까지 연구동과 생산동, 기업 지원시설이 차례로 들어선다.",
    "이번 {what}에 따라 {region}{은} 오는 {month}월 중 참여 기업 모집 공고를 내고, 서류와 발표 평가를 거쳐 "
    "{k}곳 안팎을 선정할 예정이다.",
    "{ministry}{은} 지역별 강점을 살린 {topic} 거점을 키우기 위해 올해 관련 예산을 지난해보다 {pct}% 늘려 잡았다.",
)


def _background(rng: random.Random, ev: Event) -> list[str]:
    c1, c2 = rng.sample(vocab.COMPANIES, 2)
    values = {"prog": ev.programme[0], "topic": ev.topic[0], "ministry": ev.ministry.name, "region": ev.host.short,
              "c1": c1.name, "c2": c2.name, "duty": rng.choice(_DUTIES), "partner": ev.partners[-1].short,
              "what": _what(ev.kind), "goal": str(ev.date.year + rng.randrange(2, 7)),
              "trillion": str(rng.randrange(5, 90)), "area": str(rng.randrange(2, 40)),
              "month": str(rng.randrange(1, 13)), "k": str(rng.randrange(5, 40)), "pct": str(rng.randrange(5, 40))}
    return [_fill(t, values) for t in rng.sample(_BACKGROUND, rng.randrange(3, 7))]


def _what(kind: str) -> str:
    return {"agreement": "협약", "launch": "출범", "meeting": "회의", "designation": "지정", "funding": "선정",
            "event": "행사", "announcement": "투자"}[kind]


def _english(ev: Event) -> list[str]:
    host, first = ev.host.english, ev.partners[0].english
    what = {"agreement": f"signed an agreement with {first} on {ev.topic[1]}",
            "launch": f"launched the {ev.council.english} together with {first}",
            "meeting": f"held meeting no. {ev.ordinal} of the {ev.council.english}",
            "designation": f"was designated as a {ev.programme[1]}",
            "funding": f"was selected for the {ev.programme[1]} programme",
            "event": f"will host {ev.expo} with {first}",
            "announcement": f"welcomed an investment of {ev.total_eok} hundred million won by {first}"}[ev.kind]
    return [f"{host} said on {english_date(ev.date)} that it {what}.",
            f"About {ev.attendees} people attended, and the partners plan to report progress every year.",
            vocab.ENGLISH_NOTE]


def story(rng: random.Random, ev: Event, published: dt.date, *, english: bool, edition: int = 0) -> Story:
    title, sub, lead = _lead(rng, ev, published)
    details = _details(rng, ev, published)
    paragraphs = [lead, details[0], *_background(rng, ev), *details[1:]]
    if edition:
        paragraphs.append(f"※ 이 기사는 참석 인원과 사업비 표기를 바로잡아 {edition}차 수정했습니다.")
    caption = f"{ev.venue}에서 열린 {title.split('…')[0]} 현장"
    return Story(title=title, subtitle=sub, paragraphs=paragraphs, caption=caption,
                 english=_english(ev) if english else [])
