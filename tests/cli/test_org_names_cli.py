"""An alias names one body: words for a kind of body (협의회, 진흥원, 실증센터) are never stored as one;
close names that may be one body, a short form included, are proposed by ingest."""

from __future__ import annotations

from pathlib import Path

from biohub_cli.kb import knowledge_base
from tests.cli.curation_kb import biohub, build

COUNCIL = ("인천바이오헬스밸리 추진협의회(이하 협의회)는 송도에서 다섯 번째 회의를 열었다. 협의회는 실증센터 "
           "(이하 실증센터) 운영도 논의했다.",
           [("인천바이오헬스밸리 추진협의회", "인천바이오헬스밸리 추진협의회", "council", None),
            ("협의회", "인천바이오헬스밸리 추진협의회", "council", None),
            ("추진협의회", "인천바이오헬스밸리 추진협의회", "council", None),
            ("인천 바이오헬스 실증센터", "인천 바이오헬스 실증센터", "public_agency", None),
            ("실증센터", "인천 바이오헬스 실증센터", "public_agency", None),
            ("바이오헬스밸리협의회", "인천바이오헬스밸리 추진협의회", "council", None)],
           [], [])
AGENCY = ("원주의료기기산업진흥원(이하 진흥원)은 원주의료기기테크노밸리(이하 테크노밸리)와 손잡았다.",
          [("원주의료기기산업진흥원", "원주의료기기산업진흥원", "public_agency", None),
           ("진흥원", "원주의료기기산업진흥원", "public_agency", None),
           ("원주의료기기테크노밸리", "원주의료기기테크노밸리", "public_agency", None),
           ("테크노밸리", "원주의료기기테크노밸리", "public_agency", None)],
          [], [])
SHORT = ("의료산업진흥원과 연세대 미래캠퍼스, 연세대학교 미래캠퍼스 관계자가 모였다.",
         [("의료산업진흥원", "의료산업진흥원", "public_agency", None),
          ("연세대 미래캠퍼스", "연세대 미래캠퍼스", "university", None),
          ("연세대학교 미래캠퍼스", "연세대학교 미래캠퍼스", "university", None)],
         [], [])


def test_words_for_a_kind_of_body_are_no_aliases(tmp_path: Path) -> None:
    root = build(tmp_path / "kb", [COUNCIL, AGENCY])
    base = knowledge_base.load(root)
    aliases = {o.name: o.aliases for o in base.orgs.values()}
    assert aliases["인천바이오헬스밸리 추진협의회"] == ["바이오헬스밸리협의회"]  # a name of this one body stays
    assert aliases["인천 바이오헬스 실증센터"] == []
    assert aliases["원주의료기기산업진흥원"] == [] and aliases["원주의료기기테크노밸리"] == []
    for word in ("협의회", "진흥원", "테크노밸리", "실증센터"):
        code, _, err = biohub(root, "org", word)
        assert code == 1 and f"no organisation named {word}" in err


def test_ingest_proposes_a_short_form_and_its_full_name(tmp_path: Path) -> None:
    root = build(tmp_path / "kb", [AGENCY, SHORT])
    empty = tmp_path / "nothing"
    empty.mkdir()
    code, _, err = biohub(root, "ingest", str(empty))
    assert code == 0, err
    # 대 for 대학교 is the same name: one record at once, nothing to propose
    assert "연세대 미래캠퍼스 ~" not in err
    (campus,) = [o for o in knowledge_base.load(root).orgs.values() if o.name == "연세대학교 미래캠퍼스"]
    assert campus.aliases == ["연세대 미래캠퍼스"]
    assert "possible duplicate: 의료산업진흥원 ~ 원주의료기기산업진흥원" in err
    assert "`biohub merge '의료산업진흥원' '원주의료기기산업진흥원'`" in err
