"""Precision-aware dates, won amounts, Markdown escaping."""

from __future__ import annotations

import pytest

from biohub_cli.models.dates import PartialDate, Precision
from biohub_cli.render.filters import escape_markdown, format_date, format_span, format_won


def _uncertain(year: int | None, month: int | None, day: int | None) -> PartialDate:
    precision: Precision = "day" if day else "month" if month else "year" if year else "unknown"
    return PartialDate(year=year, month=month, day=day, precision=precision, year_certain=False,
                       year_basis="published" if year else None)


@pytest.mark.parametrize(("date", "shown"), [
    (PartialDate.of(2025, 12, 2), "2025-12-02"),
    (PartialDate.of(2019, 7), "2019-07"),
    (PartialDate.of(2025), "2025"),
    (_uncertain(None, 6, 11), "????-06-11"),
    (_uncertain(2024, 5, 29), "2024?-05-29"),
    (_uncertain(2024, 5, None), "2024?-05"),
    (_uncertain(None, None, 11), "????-??-11"),
    (PartialDate(), "????"),
    (None, ""),
])
def test_dates_show_what_the_text_fixed(date: PartialDate | None, shown: str) -> None:
    assert format_date(date) == shown


def test_a_span_shows_both_ends_and_collapses_a_single_day() -> None:
    start, end = PartialDate.of(2025, 5, 7), PartialDate.of(2025, 5, 9)
    assert format_span(start, end) == "2025-05-07 – 2025-05-09"
    assert format_span(start, PartialDate.of(2025, 5, 7)) == "2025-05-07"
    assert format_span(start, None) == "2025-05-07"


@pytest.mark.parametrize(("value", "ko", "en"), [
    (335_000_000_000, "3,350억 원", "KRW 335 billion"),
    (250_000_000_000, "2,500억 원", "KRW 250 billion"),
    (85_000_000_000, "850억 원", "KRW 85 billion"),
    (1_234_567_890, "12억 3,456만 7,890 원", "KRW 1.23 billion"),
    (1_200_000_000_000, "1조 2,000억 원", "KRW 1.2 trillion"),
    (50_000_000, "5,000만 원", "KRW 50 million"),
    (9_000, "9,000 원", "KRW 9,000"),
    (0, "0 원", "KRW 0"),
])
def test_won_amounts_in_korean_units_and_in_english(value: int, ko: str, en: str) -> None:
    assert format_won(value) == ko
    assert format_won(value, "en") == en


def test_markdown_escaping_keeps_markup_as_text_on_one_line() -> None:
    assert escape_markdown('<script>alert("x")</script>') == '\\<script\\>alert("x")\\</script\\>'
    assert escape_markdown("a | b *c* [d](e) `f` ~g~ #h _i_") == \
        "a \\| b \\*c\\* \\[d\\](e) \\`f\\` \\~g\\~ \\#h \\_i\\_"
    assert escape_markdown("첫 줄\n둘째   줄") == "첫 줄 둘째 줄"
    plain = "인천 바이오 혁신전략(IBIS) 발표 3,350억 원"
    assert escape_markdown(plain) == plain
