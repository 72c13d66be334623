"""Money: won amounts as written, normalised to integers, with their label and kind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biohub_cli.extract.money import find_amounts, kind_of, parse_krw
from biohub_cli.models.facts import Amount
from tests.extract.conftest import AnalysedOf, build_analysed


def amounts(analysed_of: AnalysedOf, text: str) -> list[Amount]:
    analysed = analysed_of(text)
    found = find_amounts(analysed)
    for a in found:
        assert a.evidence is not None
        assert analysed.document.text[a.evidence.start:a.evidence.end] == a.text
    return found


@pytest.mark.parametrize(("text", "value"), [
    ("3,350억", 335_000_000_000),
    ("2,500억 원", 250_000_000_000),
    ("850억 원", 85_000_000_000),
    ("1조 2천억 원", 1_200_000_000_000),
    ("1조2,000억원", 1_200_000_000_000),
    ("5천만 원", 50_000_000),
    ("65억원", 6_500_000_000),
    ("2억5천만원", 250_000_000),
    ("1,000만원", 10_000_000),
    ("금72,300,000원", 72_300_000),
    ("3억 5000만 원", 350_000_000),
    ("1.5조 원", 1_500_000_000_000),
    ("천만 원", 10_000_000),
    ("30여억 원", 3_000_000_000),
])
def test_parse_krw(text: str, value: int) -> None:
    assert parse_krw(text) == value


@pytest.mark.parametrize("text", ["", "원", "억원", "만 억", "3만2억", "abc"])
def test_parse_krw_refuses_what_is_not_a_number(text: str) -> None:
    assert parse_krw(text) is None


@st.composite
def compositions(draw: st.DrawFn) -> tuple[int, str]:
    jo, eok, man, rest = (draw(st.integers(0, 99)), draw(st.integers(0, 9999)), draw(st.integers(0, 9999)),
                          draw(st.integers(0, 9999)))
    style = draw(st.sampled_from(["plain", "comma", "thousands"]))
    space = draw(st.sampled_from(["", " "]))
    parts = []
    for n, unit in ((jo, "조"), (eok, "억"), (man, "만")):
        if n:
            parts.append(_write(n, style) + unit)
    if rest:
        parts.append(_write(rest, style))
    if not parts:
        parts.append("0")
    text = space.join(parts) + draw(st.sampled_from(["", "원", " 원"]))
    return jo * 10**12 + eok * 10**8 + man * 10**4 + rest, text


def _write(n: int, style: str) -> str:
    if style == "comma":
        return f"{n:,}"
    if style == "thousands" and n >= 1000:
        thousands, rest = divmod(n, 1000)
        return f"{thousands}천" + (str(rest) if rest else "")
    return str(n)


@given(compositions())
def test_parse_krw_round_trip(case: tuple[int, str]) -> None:
    value, text = case
    assert parse_krw(text) == value


def test_total_with_national_and_local_split(analysed_of: AnalysedOf) -> None:
    text = "중기부는 총사업비 3,350억(국비 2,500억 원, 지자체 850억 원) 규모의 랩허브 사업을 공모한다."
    found = amounts(analysed_of, text)
    assert [(a.value_krw, a.text, a.label, a.kind) for a in found] == [
        (335_000_000_000, "3,350억", "총사업비", "total"),
        (250_000_000_000, "2,500억 원", "국비", "national"),
        (85_000_000_000, "850억 원", "지자체", "local"),
    ]


def test_labels_and_kinds_from_the_noun_before(analysed_of: AnalysedOf) -> None:
    text = "센터에는 국비 50억 원, 시비 30억 원, 민자 20억 원 등 총 100억 원이 들어간다."
    found = amounts(analysed_of, text)
    assert [(a.value_krw, a.kind) for a in found] == [
        (5_000_000_000, "national"), (3_000_000_000, "local"), (2_000_000_000, "private"),
        (10_000_000_000, "total")]


def test_plain_won_and_gold_prefix(analysed_of: AnalysedOf) -> None:
    found = amounts(analysed_of, "계약 금액은 금72,300,000원이며 사업비 65억원을 투입한다.")
    assert [(a.value_krw, a.text) for a in found] == [(72_300_000, "72,300,000원"), (6_500_000_000, "65억원")]
    assert found[1].label == "사업비"


@pytest.mark.parametrize("text", [
    "위원 12명이 참석했다.",
    "부지는 약 2만5천㎡ 규모다.",
    "연 면적 14만 5천㎡ 규모의 단지가 들어선다.",
    "매출이 20% 늘었다.",
    "문의 전화는 031-123-4567 이다.",
    "협의회는 2025년 구성됐다.",
    "관객 1억 명이 찾았다.",
    "도시 인구는 300만이다.",
    "정부는 세 가지 원칙을 세웠다.",
    "시는 '바이오경제 2.0 원탁회의'를 열었다.",
    "3.0 원년을 선언했다.",
])
def test_things_that_are_not_won(analysed_of: AnalysedOf, text: str) -> None:
    assert amounts(analysed_of, text) == []


def test_money_next_to_counts_and_areas(analysed_of: AnalysedOf) -> None:
    text = "400여 명이 모인 행사에서 2만㎡ 부지에 1조 2천억 원을 투자하는 계획이 나왔다."
    found = amounts(analysed_of, text)
    assert [a.value_krw for a in found] == [1_200_000_000_000]


def test_translation_segment_adds_no_amounts() -> None:
    analysed = build_analysed("총사업비는 65억 원이다.",
                              translation="The total project cost is 6.5 billion won.")
    assert [a.value_krw for a in find_amounts(analysed)] == [6_500_000_000]


def test_kind_of() -> None:
    assert kind_of("총사업비") == "total"
    assert kind_of("지방비") == "local"
    assert kind_of("민간투자") == "private"
    assert kind_of("국비 지원") == "national"
    assert kind_of(None, "등 총 ") == "total"
    assert kind_of("매출") == "other"


def test_a_repeated_figure_is_one_amount(analysed_of: AnalysedOf) -> None:
    text = ("3,350억 원 규모 랩허브 사업 공모\n"
            "중기부는 총사업비 3,350억(국비 2,500억 원, 지자체 850억 원)을 들인다.\n"
            "센터에는 국비 50억 원, 시비 50억 원이 들어간다.\n")
    found = amounts(analysed_of, text)
    assert [(a.value_krw, a.kind) for a in found] == [
        (335_000_000_000, "total"), (250_000_000_000, "national"), (85_000_000_000, "local"),
        (5_000_000_000, "national"), (5_000_000_000, "local")]


_PIECES = st.sampled_from(["3", ",", "350", "억", "조", "만", "천", "원", " ", "금", "(", ")", "국비", "명",
                           "㎡", "%", "달러", "여", "1.5", "0", "총", "원칙", "-"])


def unit_word(currency: str) -> str:
    return {"USD": "달러", "EUR": "유로", "JPY": "엔", "CNY": "위안", "GBP": "파운드"}.get(currency, "원")


@given(pieces=st.lists(_PIECES, max_size=16))
def test_any_mix_of_money_parts_gives_exact_positive_amounts(pieces: list[str]) -> None:
    text = "사업비는 " + "".join(pieces) + " 규모다."
    analysed = build_analysed(text)
    for a in find_amounts(analysed):
        value = a.value_krw if a.currency == "KRW" else a.value
        assert value is not None and value > 0 and a.evidence is not None
        assert analysed.document.text[a.evidence.start:a.evidence.end] == a.text
        assert parse_krw(a.text.removesuffix(unit_word(a.currency))) == value


@pytest.mark.parametrize("text", [
    "이 법 제50조에 따라 지원한다.",
    "같은 법 시행령 제3조 제2항을 따른다.",
    "제10조의2를 신설한다.",
])
def test_articles_of_law_are_not_trillions(analysed_of: AnalysedOf, text: str) -> None:
    assert amounts(analysed_of, text) == []


def test_a_currency_on_the_next_line_still_counts(analysed_of: AnalysedOf) -> None:
    assert all(a.currency != "KRW" for a in amounts(analysed_of, "해외직접투자는 141.5억\n달러로 줄었다."))


@pytest.mark.parametrize(("text", "value"), [
    ("2천500억", 250_000_000_000),
    ("1천500억 원", 150_000_000_000),
    ("4천200억원", 420_000_000_000),
    ("6조5586억원", 6_558_600_000_000),
    ("2천500만 원", 25_000_000),
    ("1조 2천500억 원", 1_250_000_000_000),
])
def test_parse_krw_reads_mixed_numerals_whole(text: str, value: int) -> None:
    assert parse_krw(text) == value


@pytest.mark.parametrize(("sentence", "values"), [
    ("시는 총 2천500억원을 들여 산업단지를 조성한다.", [250_000_000_000]),
    ("SK바이오사이언스가 1천500억 원을 들여 공장을 넓힌다.", [150_000_000_000]),
    ("모두 6조5586억원 규모의 투자가 이어졌다.", [6_558_600_000_000]),
    ("국비 1천200억원과 시비 300억원이 들어간다.", [120_000_000_000, 30_000_000_000]),
])
def test_mixed_numerals_in_sentences_are_never_cut(analysed_of: AnalysedOf, sentence: str, values: list[int]) -> None:
    assert [a.value_krw for a in amounts(analysed_of, sentence)] == values


def test_foreign_currency_keeps_its_currency_and_gets_no_won_value(analysed_of: AnalysedOf) -> None:
    found = amounts(analysed_of, "회사는 3년간 3억 달러(현재 환율 기준 약 4천200억원)를 송도에 투자한다.")
    assert [(a.currency, a.value, a.value_krw, a.text) for a in found] == [
        ("USD", 300_000_000, None, "3억 달러"), ("KRW", None, 420_000_000_000, "4천200억원")]


@pytest.mark.parametrize(("sentence", "currency", "value"), [
    ("펀드는 2천만 달러를 모았다.", "USD", 20_000_000),
    ("유럽 본사는 100만 유로를 냈다.", "EUR", 1_000_000),
    ("일본 기업은 50억엔을 투자했다.", "JPY", 5_000_000_000),
    ("투자액은 $5억 규모다.", "USD", 500_000_000),
])
def test_other_currencies(analysed_of: AnalysedOf, sentence: str, currency: str, value: int) -> None:
    [found] = amounts(analysed_of, sentence)
    assert (found.currency, found.value, found.value_krw) == (currency, value, None)


def test_an_amount_refuses_a_won_value_for_another_currency() -> None:
    with pytest.raises(ValueError, match="no rate"):
        Amount(value=300_000_000, value_krw=420_000_000_000, currency="USD", text="3억 달러")
    with pytest.raises(ValueError, match="value_krw"):
        Amount(value=5, currency="KRW", text="5원")


@pytest.mark.parametrize(("sentence", "label"), [
    ("두 기관은 8년간 총 7178억원의 사업비를 나눠 낸다.", "사업비"),
    ("회사는 안동공장에 1천500억원을 투자한다.", "투자"),
    ("이 가운데 계약금 112억원은 이달에 낸다.", "계약금"),
    ("시장은 10년 후 250조 규모로 커진다.", None),
])
def test_an_amount_keeps_what_it_is_for_and_no_time_word(analysed_of: AnalysedOf, sentence: str,
                                                        label: str | None) -> None:
    [found] = amounts(analysed_of, sentence)
    assert found.label == label
