"""The words of the reports and terminal views, in Korean (default) and English."""

from __future__ import annotations

from pathlib import Path

from biohub_cli.config import LANGUAGES, Layout
from biohub_cli.errors import UsageError

DEFAULT_LANG = "ko"
__all__ = ["DEFAULT_LANG", "LANGUAGES"]

_KO: dict[str, str] = {
    "site_title": "바이오 클러스터 지식베이스",
    "index": "개요",
    "timeline": "타임라인",
    "timeline_title": "바이오 클러스터 타임라인",
    "organisations": "기관",
    "organisation": "기관",
    "people": "인물",
    "person": "인물",
    "network": "기관 네트워크",
    "network_intro": "같은 행사·회의·협약에 함께 참여한 기관을 잇습니다. "
                     "선의 숫자는 함께 참여한 일정 수입니다.",
    "network_pairs": "함께 참여한 기관 쌍",
    "network_truncated": "도표에는 가장 자주 함께 나온 {shown}개 쌍만 그렸습니다 "
                         "(전체 {total}개 쌍은 network.graphml).",
    "network_empty": "함께 참여한 기관이 아직 없습니다.",
    "sources": "출처 문서",
    "events": "일정",
    "date": "날짜",
    "type": "유형",
    "title": "제목",
    "venue": "장소",
    "participants": "참여 기관",
    "other_participants": "함께 참여한 기관",
    "found_in": "나온 곳",
    "role": "역할",
    "attendees": "참석 인원",
    "attendees_count": "{n}명",
    "amounts": "금액",
    "amount": "금액",
    "label": "내용",
    "kind": "구분",
    "quotes": "발언",
    "speaker": "발언자",
    "aliases": "다른 이름",
    "name": "이름",
    "name_en": "영문 이름",
    "parent": "상위 기관",
    "titles": "직함",
    "roles": "직함과 소속",
    "first_seen": "처음 확인",
    "last_seen": "마지막 확인",
    "agreements": "협약",
    "counterparts": "협약 상대",
    "partners": "자주 함께 나온 기관",
    "co_people": "자주 함께 나온 인물",
    "together": "함께한 일정",
    "count": "건수",
    "outlet": "매체",
    "published": "발행일",
    "file": "파일",
    "related": "관련",
    "related_note": "관련 일정(본 기사의 주 사건이 아닌, 함께 언급된 일정)",
    "all_orgs": "모든 기관",
    "all_types": "모든 유형",
    "search": "검색",
    "search_placeholder": "제목, 장소, 기관, 문장 검색",
    "shown_of": "{shown} / {total}건 표시",
    "newest_of": "최근 {shown}건 표시 (전체 {total}건; 모두 보려면 --limit 0)",
    "first_of": "처음 {shown} / {total}건 표시 (날짜순으로 가장 이른 일정)",
    "no_events": "조건에 맞는 일정이 없습니다.",
    "none": "없음",
    "year_unknown": "연도 미상",
    "year_uncertain_note": "? 표시는 본문이 연도를 밝히지 않은 날짜입니다 "
                           "(????는 연도 불명, 2024?는 발행일 등으로 추정).",
    "month_unknown": "월 미상",
    "group_year_month": "{year}년 {month}월",
    "group_year": "{year}년",
    "group_month": "{month}월",
    "summary": "요약",
    "recent": "최근 일정",
    "by_type": "유형별 일정",
    "downloads": "내려받기",
    "download_timeline_csv": "타임라인 CSV (엑셀)",
    "download_orgs_csv": "기관 목록 CSV (엑셀)",
    "download_ics": "캘린더 (ics)",
    "download_json": "타임라인 JSON",
    "download_graphml": "기관 네트워크 GraphML",
    "period": "기간",
    "people_of_org": "소속 인물",
    "events_of_person": "참여 일정",
    "orgs_of_person": "함께한 기관",
    "back_to_index": "개요로",
    "generated_by": "biohub가 records/에서 생성한 문서입니다. "
                    "직접 고치지 말고 records/를 고친 뒤 biohub build를 실행하세요.",
    "id": "ID",
    "sources_count": "출처",
    "main": "주 일정",
    "yes": "예",
    "no": "아니오",
    "people_count": "인물",
    "events_count": "일정",
    "quotes_count": "발언",
    "organisation_col": "소속",
    "cluster": "클러스터",
    "clusters": "클러스터",
    "programme": "국가 사업",
    "programmes": "국가 사업",
    "region": "지역",
    "owner": "주관",
    "inside": "안의 클러스터",
    "milestone": "단계",
    "linked_by": "근거",
    "orgs_involved": "참여 기관",
    "people_involved": "참여 인물",
    "money_by_year": "연도별 금액",
    "year": "연도",
    "all_clusters": "모든 클러스터",
    "all_programmes": "모든 국가 사업",
    "places_of_org": "클러스터·국가 사업",
    "home": "소재지",
    "home_bodies": "소재 기관",
    "chart_title": "연도별 일정 수",
    "chart_by_type": "{name}: 유형별·연도별 일정 수",
    "search_results": "'{query}' 검색 결과",
    "search_count": "{shown} / {total}건 표시",
    "search_words": "단어 또는 \"따옴표 구절\"",
    "search_none": "찾은 것이 없습니다.",
    "snippet": "발췌",
    "cited": "이 문장을 인용한 기록",
    "kind_source": "문서",
    "kind_event": "일정",
    "kind_org": "기관",
    "kind_person": "인물",
    "kind_quote": "발언",
    "original": "원문",
    "off_topic": "주제 밖",
    "kept_text": "본문",
    "source_page": "문서",
    "reporter": "기자",
    "hit_source": "날짜 · 매체 · 출처",
    "doc_format": "형식",
}

_EN: dict[str, str] = {
    "site_title": "Bio-cluster knowledge base",
    "index": "Overview",
    "timeline": "Timeline",
    "timeline_title": "Bio-cluster timeline",
    "organisations": "Organisations",
    "organisation": "Organisation",
    "people": "People",
    "person": "Person",
    "network": "Organisation network",
    "network_intro": "Organisations are linked when they took part in the same meeting, event or agreement. "
                     "The number on a link counts those shared events.",
    "network_pairs": "Organisations that appear together",
    "network_truncated": "The diagram shows the {shown} most frequent pairs "
                         "(all {total} are in network.graphml).",
    "network_empty": "No organisations appear together yet.",
    "sources": "Sources",
    "events": "Events",
    "date": "Date",
    "type": "Type",
    "title": "Title",
    "venue": "Venue",
    "participants": "Organisations",
    "other_participants": "With",
    "found_in": "Found in",
    "role": "Role",
    "attendees": "Attendees",
    "attendees_count": "{n}",
    "amounts": "Amounts",
    "amount": "Amount",
    "label": "For",
    "kind": "Kind",
    "quotes": "Quotes",
    "speaker": "Speaker",
    "aliases": "Other names",
    "name": "Name",
    "name_en": "English name",
    "parent": "Parent",
    "titles": "Titles",
    "roles": "Titles and affiliations",
    "first_seen": "First seen",
    "last_seen": "Last seen",
    "agreements": "Agreements",
    "counterparts": "Counterparts",
    "partners": "Most frequent partners",
    "co_people": "Most frequent co-participants",
    "together": "Shared events",
    "count": "Count",
    "outlet": "Outlet",
    "published": "Published",
    "file": "File",
    "related": "related",
    "related_note": "related event (mentioned, not the main story of its source)",
    "all_orgs": "All organisations",
    "all_types": "All types",
    "search": "Search",
    "search_placeholder": "Search titles, venues, organisations, sentences",
    "shown_of": "{shown} of {total} events shown",
    "newest_of": "Newest {shown} of {total} events shown (--limit 0 shows all)",
    "first_of": "First {shown} of {total} events shown (the earliest in date order)",
    "no_events": "No events match.",
    "none": "none",
    "year_unknown": "Year unknown",
    "year_uncertain_note": "A ? marks a year the text does not state "
                           "(???? unknown, 2024? inferred, e.g. from the publication date).",
    "month_unknown": "month unknown",
    "group_year_month": "{month_name} {year}",
    "group_year": "{year}",
    "group_month": "{month_name}",
    "summary": "Summary",
    "recent": "Latest events",
    "by_type": "Events by type",
    "downloads": "Downloads",
    "download_timeline_csv": "Timeline CSV (Excel)",
    "download_orgs_csv": "Organisations CSV (Excel)",
    "download_ics": "Calendar (ics)",
    "download_json": "Timeline JSON",
    "download_graphml": "Organisation network GraphML",
    "period": "Period",
    "people_of_org": "People",
    "events_of_person": "Events",
    "orgs_of_person": "Organisations met",
    "back_to_index": "Overview",
    "generated_by": "Generated by biohub from records/. Do not edit: change records/ and run biohub build.",
    "id": "ID",
    "sources_count": "Sources",
    "main": "Main",
    "yes": "yes",
    "no": "no",
    "people_count": "People",
    "events_count": "Events",
    "quotes_count": "Quotes",
    "organisation_col": "Organisation",
    "cluster": "Cluster",
    "clusters": "Clusters",
    "programme": "Programme",
    "programmes": "Programmes",
    "region": "Region",
    "owner": "Owner",
    "inside": "Clusters inside",
    "milestone": "Milestone",
    "linked_by": "Because",
    "orgs_involved": "Organisations involved",
    "people_involved": "People involved",
    "money_by_year": "Money by year",
    "year": "Year",
    "all_clusters": "All clusters",
    "all_programmes": "All programmes",
    "places_of_org": "Clusters and programmes",
    "home": "home",
    "home_bodies": "Based here",
    "chart_title": "Events per year",
    "chart_by_type": "{name}: events per year by type",
    "search_results": "Results for '{query}'",
    "search_count": "{shown} / {total} shown",
    "search_words": "words or a \"quoted phrase\"",
    "search_none": "Nothing found.",
    "snippet": "Snippet",
    "cited": "Records citing this sentence",
    "kind_source": "document",
    "kind_event": "event",
    "kind_org": "organisation",
    "kind_person": "person",
    "kind_quote": "quote",
    "original": "original",
    "off_topic": "off topic",
    "kept_text": "Text",
    "source_page": "Document",
    "reporter": "Reporter",
    "hit_source": "Date · outlet · source",
    "doc_format": "Format",
}

_EVENT_TYPES = {
    "ko": {"meeting": "회의", "agreement": "협약", "launch": "출범", "announcement": "발표",
           "funding": "예산·투자", "designation": "지정", "event": "행사", "other": "기타"},
    "en": {"meeting": "meeting", "agreement": "agreement", "launch": "launch", "announcement": "announcement",
           "funding": "funding", "designation": "designation", "event": "event", "other": "other"},
}

_ROLES = {
    "ko": {"host": "주관", "signatory": "협약 당사자", "member": "위원·회원", "attendee": "참석",
           "organizer": "주최", "other": "기타"},
    "en": {"host": "host", "signatory": "signatory", "member": "member", "attendee": "attendee",
           "organizer": "organiser", "other": "other"},
}

_ORG_TYPES = {
    "ko": {"government": "정부·지자체", "company": "기업", "university": "대학", "hospital": "병원",
           "research": "연구기관", "public_agency": "공공기관", "association": "협회·단체",
           "council": "협의체", "media": "언론", "other": "기타"},
    "en": {"government": "government", "company": "company", "university": "university",
           "hospital": "hospital", "research": "research institute", "public_agency": "public agency",
           "association": "association",
           "council": "council", "media": "media", "other": "other"},
}

_AMOUNT_KINDS = {
    "ko": {"total": "총사업비", "national": "국비", "local": "지방비", "private": "민자", "other": "기타"},
    "en": {"total": "total", "national": "national", "local": "local", "private": "private",
           "other": "other"},
}


_PLACE_WORDS = {
    "ko": {"national_complex": "국가산단", "industrial_complex": "산업단지", "free_economic_zone": "경제자유구역",
           "rnd_special_zone": "연구개발특구", "regulation_free_zone": "규제자유특구", "special_zone": "특구",
           "medical_complex": "첨복단지", "specialized_complex": "특화단지", "cluster": "클러스터",
           "contest": "공모사업", "plan": "국가계획", "regulation_zone": "규제특구", "committee": "위원회",
           "fund": "펀드", "project": "사업", "other": "기타",
           "selection": "선정", "designation": "지정", "agreement": "협약", "groundbreaking": "착공",
           "opening": "개소", "launch": "출범", "funding": "예산", "meeting": "회의",
           "venue": "장소", "title": "제목", "lead": "첫 문장", "host": "주최 기관의 소재지"},
    "en": {"national_complex": "national complex", "industrial_complex": "industrial complex",
           "free_economic_zone": "free economic zone", "rnd_special_zone": "R&D special zone",
           "regulation_free_zone": "regulation-free zone", "special_zone": "special zone",
           "medical_complex": "medical complex", "specialized_complex": "specialised complex",
           "cluster": "cluster", "contest": "contest", "plan": "national plan", "regulation_zone": "regulation zone",
           "committee": "committee", "fund": "fund", "project": "project", "other": "other",
           "selection": "selection", "designation": "designation", "agreement": "agreement",
           "groundbreaking": "groundbreaking", "opening": "opening", "launch": "launch", "funding": "funding",
           "meeting": "meeting", "venue": "venue", "title": "title", "lead": "lead", "host": "host's home"},
}


def place_word(code: str, lang: str) -> str:
    """A cluster kind, programme kind, milestone or link basis in words."""
    return _PLACE_WORDS["ko" if lang == "ko" else "en"].get(code, code)


def labels(lang: str) -> dict[str, str]:
    """The label table of one language (a copy, so templates cannot change the shared one)."""
    return dict(_KO if lang == "ko" else _EN)


def event_type_label(kind: str, lang: str) -> str:
    return _EVENT_TYPES[lang].get(kind, kind)


def event_type_code(text: str) -> str:
    """An event type as `--type` may name it: its code (agreement) or its label in any language (협약,
    예산·투자, 예산); UsageError naming every type otherwise."""
    wanted = text.strip().lower()
    for table in _EVENT_TYPES.values():
        for code, label in table.items():
            if wanted in (code, label.lower(), *label.lower().split("·")):
                return code
    choices = ", ".join(f"{code} ({_EVENT_TYPES['ko'][code]})" for code in _EVENT_TYPES["en"])
    raise UsageError(f"--type {text!r} is not an event type", hint=f"use one of: {choices}")


def role_label(role: str, lang: str) -> str:
    return _ROLES[lang].get(role, role)


def org_type_label(kind: str, lang: str) -> str:
    return _ORG_TYPES[lang].get(kind, kind)


def amount_kind_label(kind: str, lang: str) -> str:
    return _AMOUNT_KINDS[lang].get(kind, kind)


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def group_label(year: int | None, month: int | None, lang: str) -> str:
    """`2025년 12월` / `December 2025`; `연도 미상 · 6월` when the year is unknown."""
    table = labels(lang)
    name = _MONTHS_EN[month - 1] if month else ""
    if year is None:
        return table["year_unknown"] + (f" · {table['group_month'].format(month=month, month_name=name)}"
                                        if month else "")
    if month is None:
        return table["group_year"].format(year=year)
    return table["group_year_month"].format(year=year, month=month, month_name=name)


def resolve_lang(root: Path, explicit: str | None) -> str:
    """`--lang`, else `lang:` in the knowledge base's biohub.yaml, else Korean."""
    if explicit is not None:
        return check_lang(explicit)
    layout = Layout(root)
    if layout.config.is_file():
        from biohub_cli.store import records_io  # YAML loads only when there is a biohub.yaml to read

        lang = records_io.read_config(layout).get("lang")
        if isinstance(lang, str):
            return check_lang(lang)
    return DEFAULT_LANG


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}", hint=f"use one of: {', '.join(LANGUAGES)}")
    return lang
