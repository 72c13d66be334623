"""clean() on hand-written pages in the styles biohub meets: exact kept text, dropped noise, metadata."""

from __future__ import annotations

from biohub_cli.models.dates import PartialDate
from biohub_cli.models.stages import Document

from .conftest import FIXTURES, CleanFixture


def reasons(doc: Document) -> list[str]:
    return [n.reason for n in doc.noise]


def dropped(doc: Document, reason: str) -> list[str]:
    return [n.text for n in doc.noise if n.reason == reason]


def assert_absent(doc: Document, *needles: str) -> None:
    squeezed = "".join(doc.text.split()).lower()
    for needle in needles:
        assert "".join(needle.split()).lower() not in squeezed, needle


# --- a city-hall release exported from HWP: header table, hard-wrapped lines, page number, note --------


RELEASE_TEXT = "\n".join([
    "‘바이오 인재양성 협의체’출범으로 인천시 산․학․연 손잡는다",
    "- 인천시,‘제1회 인천바이오인재 협의체’개최 -",
    "- 대학・기업 12곳 참여, 현장형 교육과정 공동 설계 -",
    "인천광역시(시장 유정복)는 3월 14일 송도 컨벤시아에서 이정민 인천바이오인재 협의체 "
    "위원장 등 15명의 위원이 참석한 가운데‘제1회 인천바이오인재 협의체’를 개최 했다고 밝혔다.",
    "협의체는 바이오 기업이 필요로 하는 생산・품질 인력을 지역에서 길러내기 위해 대학과 "
    "기업, 연구기관이 함께 꾸린 모임으로 지난해 11월 처음 구성됐다.",
    "이날 회의에는 인천대학교, 인하대학교, 연세대학교 국제캠퍼스, 셀트리온, "
    "삼성바이오로직스 등 기업과 대학 관계자가 참석했다.",
    "이정민 위원장은 현장 실습 과정을 넓혀 졸업생이 곧바로 생산 현장에 투입될 수 있도록 "
    "교육과정을 함께 설계하겠다고 밝혔다.",
    "시는 올해 국비 12억 원과 시비 8억 원을 들여 실습 장비를 갖추고 2026년까지 바이오 "
    "공정 전문 인력 500명을 길러낼 계획이다.",
])


def test_release_rejoins_wrapped_lines_exactly(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("release_wrapped")
    assert doc.text == RELEASE_TEXT
    assert "이정민" in doc.text  # "이" + blank line + "정민"
    assert "참석한 가운데" in doc.text  # "참석" + "한 가운데"
    assert "개최 했다고 밝혔다." in doc.text  # trailing space kept as a space
    assert "국제캠퍼스, 셀트리온" in doc.text  # a comma ends the line: a space follows
    assert "계획이다." in doc.text  # joined across the page number


def test_release_drops_header_page_number_and_note(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("release_wrapped")
    assert reasons(doc) == ["press-release header", "page number", "note"]
    assert dropped(doc, "page number") == ["- 2 -"]
    assert dropped(doc, "note") == ["※ 관련 사진은 행사 종료 후 인천시 홈페이지에 게시될 예정입니다."]
    assert_absent(doc, "보도시점", "배포 즉시", "담당 부서", "032-440-4321", "▣", "- 2 -", "홈페이지")


def test_release_metadata_lifts_the_header(clean_fixture: CleanFixture) -> None:
    meta = clean_fixture("release_wrapped").metadata
    assert meta.title == "‘바이오 인재양성 협의체’출범으로 인천시 산․학․연 손잡는다"
    assert meta.header == {
        "사진": "있음", "참고자료": "있음", "보도시점": "배포 즉시 보도하여 주시기 바랍니다.",
        "담당 부서": "바이오산업과", "담당자": "주무관 한지우", "연락처": "032-440-4321",
    }
    assert meta.published is None  # "배포 즉시" has no date
    assert meta.outlet is None and meta.reporter is None


# --- a news page copied from a browser: header date, weather widget, latest-news list -----------------


def test_news_page_keeps_only_the_story(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("news_widget")
    lines = doc.text.split("\n")
    assert lines[0] == "식약처, 첨단바이오의약품 규제지원 협의체 첫 회의"
    assert lines[1] == "'규제 애로 해소 창구' 상시 운영 합의"
    assert lines[2].startswith("식품의약품안전처가 첨단바이오의약품을")  # byline prefix gone
    assert lines[-1] == ("오유경 식약처장은 “기업이 규제 때문에 개발을 멈추는 일이 없도록 "
                         "심사 초기부터 함께 고민하겠다”고 말했다.")
    assert len(lines) == 6
    assert_absent(doc, "2024.11.05", "맑음", "℃", "기상청", "검색창", "바이오·헬스", "최신기사",
                  "더보기", "정치·경제", "부산", "해양바이오", "영도구", "3천㎡", "부산테크노파크",
                  "바이오투데이 김하늘 기자")


def test_news_page_noise_reasons(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("news_widget")
    assert reasons(doc)[:5] == ["page header date", "weather widget", "page menu", "section name", "byline"]
    assert dropped(doc, "page header date") == ["2024.11.05 (화)"]
    assert dropped(doc, "weather widget")[0].endswith("기상청 제공")
    assert dropped(doc, "byline") == ["바이오투데이 김하늘 기자 |"]
    assert len(dropped(doc, "other story")) == 2
    assert "latest-news list" in reasons(doc)


def test_news_page_metadata_ignores_the_header_date(clean_fixture: CleanFixture) -> None:
    meta = clean_fixture("news_widget").metadata
    assert meta.published is None
    assert meta.published_evidence is None
    assert (meta.title, meta.outlet, meta.reporter) == (
        "식약처, 첨단바이오의약품 규제지원 협의체 첫 회의", "바이오투데이", "김하늘")


# --- an article with a "기사승인" byline, share buttons, a repeated caption, a latest-news block -------


def test_approval_article_story_and_noise(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("news_approval")
    lines = doc.text.split("\n")
    assert lines[:2] == ["충북 오송 바이오 규제자유특구 실증 착수 보고회 개최",
                         "산학연 협력으로 첨단 의료기기 실증 본격화"]
    assert lines[2].startswith("충청북도는 10월 14일")  # "[바이오스텝] " dropped, sentence kept
    assert lines[-1].startswith("윤서진 도 바이오산업국장은")
    assert reasons(doc) == ["byline", "share buttons", "photo caption", "dateline", "copyright",
                            "comment link", "latest-news list", "other story", "latest-news list"]
    assert dropped(doc, "dateline") == ["[바이오스텝]"]
    assert dropped(doc, "photo caption") == ["▲ 충북 오송 바이오 규제자유특구 실증 착수 보고회 개최"]
    assert_absent(doc, "[바이오스텝]", "저작권자", "뉴스댓글", "최신뉴스", "김치", "강릉", "커피",
                  "PHOTO NEWS", "많이 본 기사", "▲", "인쇄")


def test_approval_article_metadata_with_evidence(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("news_approval")
    meta = doc.metadata
    assert meta.published == PartialDate.of(2024, 10, 15, basis="text")
    assert meta.published is not None and meta.published.year_basis == "text"
    assert meta.published_time == "09:30:12"
    ev = meta.published_evidence
    assert ev is not None
    assert ev.source == doc.source_id
    assert doc.raw.text[ev.start:ev.end] == "기사승인 : 2024-10-15 09:30:12"
    assert ev.sentence == "박서준 기자 / 기사승인 : 2024-10-15 09:30:12"
    assert (meta.title, meta.outlet, meta.reporter) == (
        "충북 오송 바이오 규제자유특구 실증 착수 보고회 개최", "바이오스텝", "박서준")


# --- an article with an appended machine translation -----------------------------------------------


def test_translation_is_its_own_segment(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("news_translation")
    body, translation = doc.segments
    assert (body.kind, body.language, body.start) == ("body", "ko", 0)
    assert (translation.kind, translation.language) == ("translation", "en")
    assert body.end == translation.start and translation.end == len(doc.text)
    english = doc.text[translation.start:translation.end]
    assert english.startswith("Chungbuk Announces Bio Talent Strategy... Osong to Become Training Hub\n")
    assert english.endswith("About 250 people from companies and universities attended the forum.")
    korean = doc.text[body.start:body.end]
    assert korean.startswith("◆ 충북 바이오 인재 전략 발표") and korean.endswith("250여 명이 참석했다.\n")
    assert_absent(doc, "Google", "Please note", "사진/충청북도", "김도윤 기자", "Reporter Kim")


def test_translation_noise_and_metadata(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("news_translation")
    assert reasons(doc) == ["photo caption", "photo caption", "byline", "translation disclaimer", "byline"]
    [disclaimer] = dropped(doc, "translation disclaimer")
    assert disclaimer.startswith("Below is the full text of the English article")
    meta = doc.metadata
    assert meta.title == "충북 바이오 인재 전략 발표, 오송을 교육·실증 거점으로"
    assert meta.reporter == "김도윤"
    assert meta.published is None


# --- a wire story: "(서울=연합뉴스) … 기자 =" dateline, 입력/수정 line ----------------------------------


def test_wire_story_dateline_and_input_date(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("yonhap_dateline")
    lines = doc.text.split("\n")
    assert lines[0] == "바이오헬스 규제혁신 민관 회의 개최…\"임상 심사 기간 단축\""
    assert lines[1].startswith("보건복지부는 29일 정부서울청사에서")
    assert lines[-1] == "복지부는 오는 7월까지 세부 개선안을 마련해 관계 부처와 협의할 계획이다."
    assert len(lines) == 4
    assert dropped(doc, "dateline") == ["(서울=연합뉴스) 정하은 기자 ="]
    assert_absent(doc, "연합뉴스", "hana@yna.co.kr", "okjebo", "저작권자", "관련 뉴스", "제약업계",
                  "의료기기 수출", "홈 > 경제", "입력", "송고")
    meta = doc.metadata
    assert meta.published == PartialDate.of(2024, 5, 29, basis="text")
    assert meta.published_time == "15:54"  # 입력 wins over 수정 17:02
    ev = meta.published_evidence
    assert ev is not None and doc.raw.text[ev.start:ev.end] == "입력 2024.05.29 15:54"
    assert (meta.outlet, meta.reporter) == ("연합뉴스", "정하은")


# --- a page whose only date is the page header ---------------------------------------------------------


def test_page_header_date_is_never_the_publication_date(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("header_date_only")
    assert doc.metadata.published is None
    assert dropped(doc, "page header date") == ["2025.03.04 (화)"]
    assert dropped(doc, "page menu") == ["전체메뉴\n로그인\n회원가입"]
    assert dropped(doc, "other story") == ["경북 바이오 산업단지 분양 개시"]
    assert doc.text.split("\n")[0] == "대구 첨단의료복합단지, 신약 후보물질 공동연구 착수"
    assert_absent(doc, "2025.03.04", "로그인", "관련기사", "분양")


# --- a CMS page: 기자명/입력/수정 block, comment counter, "[인천일보 … 기자]" lead, site footer -------------


def test_cms_page_story_metadata_and_footer(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("news_cms")
    lines = doc.text.split("\n")
    assert lines[0] == "인천 송도에 바이오 공정 실습센터 문 연다"
    assert lines[1].startswith("인천시는 20일 송도국제도시에")
    assert len(lines) == 4
    assert reasons(doc) == ["page menu", "section name", "byline", "share buttons", "byline", "photo caption",
                            "copyright", "page footer"]
    assert dropped(doc, "share buttons")[0].startswith("댓글 0")  # a counter, not the comment box
    assert_absent(doc, "기자명", "댓글", "바로가기", "[인천일보", "사진=", "ⓒ", "개인정보처리방침", "발행인")
    meta = doc.metadata
    assert (meta.title, meta.outlet, meta.reporter) == (
        "인천 송도에 바이오 공정 실습센터 문 연다", "인천일보", "한서윤")
    assert meta.published == PartialDate.of(2024, 8, 20, basis="text")
    assert meta.published_time == "10:12"  # 입력, not 수정 and not the footer's 등록일


def test_every_fixture_keeps_its_invariants(clean_fixture: CleanFixture) -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        doc = clean_fixture(path.stem)
        for noise in doc.noise:
            assert doc.raw.text[noise.start:noise.end] == noise.text
            assert noise.text == noise.text.strip()
        starts = [n.start for n in doc.noise]
        assert starts == sorted(starts)
        assert doc.segments[0].start == 0 and doc.segments[-1].end == len(doc.text)
        for left, right in zip(doc.segments, doc.segments[1:], strict=False):
            assert left.end == right.start
        assert doc == clean_fixture(path.stem)  # deterministic


# --- a board post: the links to the posts before and after it end the story ----------------------------


def test_board_navigation_ends_the_story(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("board_post")
    assert doc.text.endswith("이번 센터의 목표”라고 말했다.")
    assert_absent(doc, "주차장 확장", "체육대회", "2024-04-22", "2024-05-08")
    assert dropped(doc, "post navigation") == ["이전글", "다음글"]
    assert doc.metadata.published == PartialDate.of(2024, 4, 30, basis="text")  # not a neighbour's date
