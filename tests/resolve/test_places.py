"""Events linked to the clusters they happen in and the programmes they concern, with the reason and the
evidence; a programme's money from the sentences that name it. Sources are built by hand (Korean
sentences we wrote) and resolved as an ingest resolves them."""

from __future__ import annotations

import hashlib

from biohub_cli.models import (
    Amount,
    ClusterMention,
    EventMention,
    Evidence,
    Extraction,
    OrgMention,
    PartialDate,
    ParticipantMention,
    ProgrammeMention,
    Source,
)
from biohub_cli.resolve import resolve
from biohub_cli.resolve.places import cluster_id, programme_id


def _ev(sid: str, text: str, needle: str) -> Evidence:
    """The needle's span, in the sentence (ending in '다.') that holds it."""
    start = text.index(needle)
    first = text.rfind("다. ", 0, start)
    first = 0 if first < 0 else first + 3
    last = text.find("다.", start)
    return Evidence(source=sid, start=start, end=start + len(needle), sentence=text[first:last + 2])


def _source(text: str, *, title: str, venue: str | None = None, hosts: tuple[str, ...] = (),
            clusters: tuple[tuple[str, str], ...] = (), programmes: tuple[tuple[str, str], ...] = (),
            amounts: tuple[tuple[str, int, str], ...] = (), event_type: str = "event",
            published: PartialDate | None = None) -> Source:
    sid = "src-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    ex = Extraction(
        organizations=[OrgMention(surface=h, name=h, type="government", evidence=_ev(sid, text, h)) for h in hosts],
        events=[EventMention(date=PartialDate.of(2025, 3, 4), type=event_type, title=title, venue=venue,  # type: ignore[arg-type]
                             participants=[ParticipantMention(organization=h, role="host") for h in hosts],
                             evidence=[_ev(sid, text, text.split(". ")[0])])],
        clusters=[ClusterMention(surface=s, name=n, site=s != n, evidence=_ev(sid, text, s)) for s, n in clusters],
        programmes=[ProgrammeMention(surface=s, name=n, evidence=_ev(sid, text, s)) for s, n in programmes],
        amounts=[Amount(value_krw=v, text=t, kind=k, evidence=_ev(sid, text, t)) for t, v, k in amounts])  # type: ignore[arg-type]
    return Source(id=sid, path=f"{sid}.txt", file_name=f"{sid}.txt", sha256="0" * 64, format="text", text=text,
                  published=published, extraction=ex)


def _only_event(resolved):  # type: ignore[no-untyped-def]
    (ev,) = resolved.events.values()
    return ev


def test_a_venue_inside_a_cluster_puts_the_event_there() -> None:
    text = "바이오기업 투자설명회가 4일 송도컨벤시아 2층 그랜드볼룸에서 열렸다. 기업 40곳이 참가했다."
    src = _source(text, title="바이오기업 투자설명회", venue="송도컨벤시아 2층 그랜드볼룸",
                  clusters=(("송도컨벤시아", "송도"),))
    resolved = resolve([src])
    ev = _only_event(resolved)
    assert [(link.cluster, link.basis) for link in ev.clusters] == [(cluster_id("송도"), "venue")]
    assert ev.clusters[0].evidence is not None and ev.clusters[0].evidence.sentence == text.split(" 기업 40")[0]
    cluster = resolved.clusters[cluster_id("송도")]
    assert cluster.name == "송도" and cluster.kind == "free_economic_zone" and cluster.sources == [src.id]


def test_a_host_at_home_in_a_cluster_puts_the_event_there() -> None:
    text = "인천경제자유구역청은 4일 바이오 창업기업 간담회를 열었다. 입주 기업 대표 12명이 참석했다."
    src = _source(text, title="바이오 창업기업 간담회", hosts=("인천경제자유구역청",), event_type="meeting")
    ev = _only_event(resolve([src]))
    assert [(link.cluster, link.basis) for link in ev.clusters] == [(cluster_id("송도"), "host")]
    assert ev.clusters[0].evidence is not None and ev.clusters[0].evidence.source == src.id


def test_an_attendee_from_a_cluster_does_not_move_the_event() -> None:
    text = "대전시는 4일 시청에서 바이오 간담회를 열었다. 인천경제자유구역청 관계자도 자리했다."
    src = _source(text, title="바이오 간담회", event_type="meeting")
    src = src.model_copy(update={"extraction": src.extraction.model_copy(update={"events": [
        src.extraction.events[0].model_copy(update={"participants": [
            ParticipantMention(organization="인천경제자유구역청", role="attendee")]})]})})
    ev = _only_event(resolve([src]))
    assert ev.clusters == []


def test_a_programme_named_in_the_lead_is_linked_with_its_milestone() -> None:
    text = "중소벤처기업부는 K-바이오 랩허브 구축사업 후보지로 인천을 최종 선정했다. 사업 기간은 5년이다."
    src = _source(text, title="K-바이오 랩허브 후보지 선정", event_type="designation",
                  programmes=(("K-바이오 랩허브", "K-바이오 랩허브"),))
    resolved = resolve([src])
    ev = _only_event(resolved)
    assert [(link.programme, link.milestone) for link in ev.programmes] == [
        (programme_id("K-바이오 랩허브"), "selection")]
    assert resolved.programmes[programme_id("K-바이오 랩허브")].owner == "중소벤처기업부"


def test_money_in_a_sentence_naming_the_programme_is_its_money() -> None:
    text = ("바이오 특화단지 지정에 따라 국비 2,500억 원과 지방비 850억 원이 투입된다. "
            "시는 별도로 청년 창업 지원에 30억 원을 쓴다.")
    src = _source(text, title="바이오 특화단지 지정", event_type="designation",
                  programmes=(("바이오 특화단지", "국가첨단전략산업 바이오 특화단지"),),
                  amounts=(("2,500억 원", 250_000_000_000, "national"), ("850억 원", 85_000_000_000, "local"),
                           ("30억 원", 3_000_000_000, "other")), published=PartialDate.of(2025, 3, 4))
    programme = resolve([src]).programmes[programme_id("국가첨단전략산업 바이오 특화단지")]
    assert [(a.value_krw, a.kind) for a in programme.amounts] == [
        (250_000_000_000, "national"), (85_000_000_000, "local")]
    assert all(a.evidence is not None for a in programme.amounts)
    assert (programme.first_seen, programme.last_seen) == ("2025-03-04", "2025-03-04")


def test_a_cluster_inside_another_brings_its_parent() -> None:
    text = "오송첨복단지에 신약개발지원센터가 문을 열었다. 개소식에는 100여 명이 참석했다."
    src = _source(text, title="신약개발지원센터 개소식", clusters=(("오송첨복단지", "오송 첨단의료복합단지"),))
    resolved = resolve([src])
    inner = resolved.clusters[cluster_id("오송 첨단의료복합단지")]
    assert inner.parent == cluster_id("오송") and cluster_id("오송") in resolved.clusters
    assert [link.basis for link in _only_event(resolved).clusters] == ["lead"]
