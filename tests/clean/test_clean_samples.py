"""Titles and dates of the real office documents in shared/samples (skipped where they are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli.clean import clean
from biohub_cli.read import read_path

SAMPLES = Path("/work/shared/samples")
pytestmark = pytest.mark.skipif(not (SAMPLES / "phrases.tsv").is_file(), reason="shared samples absent")


@pytest.mark.parametrize(("name", "title", "published"), [
    # the 사 업 명 field, not 제 안 요 청 서; the 제 목 field, not [ 문서번호 ]
    ("edge_hwpx_named_hwp_nibr_rfp.hwp", "야생동물 종합관리 시스템 고도화(2023년)", None),
    ("hwp_notice_nts_tax_ruling_2005.hwp", "종업원이 임원으로 취임시 지급받은 퇴직소득의 귀속시기", None),
    ("hwp_table_moef_fiscal_stats_2014_08.hwp", "통합재정통계", None),  # not (별 첨 1)
    ("hwpx_notice_gangnam_legislative_2023.hwpx", "서울특별시 강남구 공무직 관리 규정 일부개정규칙안 입법예고",
     "2023-03-24"),  # not the notice's number; dated above its signature
    ("hwpx_bio_rnd_item_2026.hwpx",
     "암조직 저산소 내성 한계 극복 나노산소운반체 기반 항암제 병용치료 증강제 개발", None),
    ("pdf_bill_national_assembly_2125318.pdf", None, "2023-11-09"),  # 발의연월일 : 2023. 11. 9.
])
def test_title_and_date_of_a_real_document(name: str, title: str | None, published: str | None) -> None:
    meta = clean(read_path(SAMPLES / name)).metadata
    if title is not None:
        assert meta.title == title
    assert (meta.published.iso() if meta.published else None) == published


def test_a_leaflets_page_numbers_are_no_title() -> None:
    assert clean(read_path(SAMPLES / "pdf_brochure_samsungcard_tables.pdf")).metadata.title != "0 3 9 4 0 3 9 5"
