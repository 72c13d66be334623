"""letters() and width() count with character classes; they must be exactly is_hangul, is_latin and
unicodedata's East Asian width."""

from __future__ import annotations

import unicodedata

from biohub_cli.clean.lines import is_hangul, is_latin, letters, width


def _slow(text: str) -> tuple[int, int]:
    hangul = sum(1 for ch in text if is_hangul(ch))
    latin = sum(1 for ch in text if not is_hangul(ch) and is_latin(ch))
    return hangul, latin


def test_every_character_is_counted_as_the_predicates_say() -> None:
    for start in range(0, 0x10000, 0x1000):
        block = "".join(chr(c) for c in range(start, start + 0x1000) if not 0xD800 <= c <= 0xDFFF)
        assert letters(block) == _slow(block), hex(start)


def test_mixed_text() -> None:
    assert letters("인천시 Bio-Health 2024 × ÷ Éclair ㄱㅏ") == (5, 15)


def test_width_counts_wide_characters_as_unicodedata_says() -> None:
    for start in range(0, 0x110000, 0x1000):
        block = [chr(c) for c in range(start, start + 0x1000) if not 0xD800 <= c <= 0xDFFF]
        expected = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in block)
        assert width("".join(block)) == expected, hex(start)
    assert width("인천 Bio 2024 「협약」") == 2 * 2 + 1 + 3 + 1 + 4 + 1 + 4 * 2
