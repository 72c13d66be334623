"""The topic test: a document about the bio industry, or one that is not (data/topic.yaml)."""

from __future__ import annotations

from biohub_cli.clean import clean
from biohub_cli.clean.topic import lexicon, off_topic_reason

from .conftest import MakeRaw

SPORTS = "\n\n".join([
    "문화체육관광부 차관, 진천 선수촌 찾아 국가대표 격려",
    "문화체육관광부 제2차관은 5일 진천 국가대표 선수촌을 찾아 동계 대회를 앞둔 선수들을 격려했다고 밝혔다.",
    "차관은 훈련장과 숙소, 식당을 둘러보고 지도자들과 훈련 환경 개선 방안을 논의했다.",
    "정부는 올해 국가대표 훈련 지원 예산을 지난해보다 12% 늘렸다.",
])
BIO = "\n\n".join([
    "오송 첨단의료산업진흥재단, 바이오 의약품 위탁생산 지원 확대",
    "충청북도와 오송첨단의료산업진흥재단은 5일 바이오 벤처 12곳과 의약품 위탁생산 지원 협약을 맺었다.",
    "재단은 임상 시료 생산 설비를 기업에 빌려주고, 도는 신약 후보물질의 임상 1상 비용 일부를 지원한다.",
])


def test_a_sports_visit_is_off_topic_with_its_reason(make_raw: MakeRaw) -> None:
    reason = clean(make_raw(SPORTS)).metadata.off_topic
    assert reason is not None and reason.startswith("off-topic: 0 bio-industry terms in its first")
    assert "data/topic.yaml" in reason


def test_a_bio_cluster_release_is_on_topic(make_raw: MakeRaw) -> None:
    assert clean(make_raw(BIO)).metadata.off_topic is None


def test_only_the_head_of_a_long_document_counts() -> None:
    """A bio release with a long annex of tables stays on topic; a tax ruling that mentions 병원 once does not."""
    annex = "\n".join(f"{year}년 {n:,} {n * 3:,} {n * 7:,}" for year in range(1960, 2030) for n in range(10))
    assert len(annex) > 9_000
    assert off_topic_reason("바이오 클러스터 육성 계획", f"{BIO}\n{BIO}\n{annex}") is None
    ruling = SPORTS.replace("국가대표 선수촌", "병원") + "\n" + "퇴직소득의 귀속시기는 주주총회에서 정한다.\n" * 40
    assert off_topic_reason(None, ruling) is not None


def test_terms_do_not_overlap() -> None:
    """"바이오의약품" is one term, not 바이오 and 의약품 and 의약."""
    assert lexicon().pattern.findall("바이오의약품 제약바이오") == ["바이오의약품", "제약바이오"]
