"""letters() counts with character classes; they must be exactly is_hangul and is_latin."""

from __future__ import annotations

from biohub_cli.clean.lines import is_hangul, is_latin, letters


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
