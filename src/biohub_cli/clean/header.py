"""The header table of a city-hall press release: recognised as noise, lifted into key/value pairs."""

from __future__ import annotations

import re
from functools import lru_cache

from biohub_cli.clean.cues import bare, cues, spaced, squash

_CHECKBOX = "□▣■☐☑☒✔✓√◻◼"
_CHECKED = "▣■☑☒✔✓√◼●"
_PHONE = re.compile(r"(?<!\d)0\d{1,2}[-)\s.]\s?\d{3,4}[-\s.]\d{4}(?!\d)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_OPTION = re.compile(rf"[{_CHECKED}]\s*([가-힣A-Za-z]+)")
_STRICT_FOLLOW = re.compile(rf"\s*(?:[:：]|[{_CHECKBOX}]|\d)")
_MAX_HEADER_LINE = 160
_DATED = re.compile(r"\s*[:：]?\s*(?:19|20)\d{2}\s*[-./년]")  # a date right after a date label
DATE_KEYS = frozenset({"보도시점", "보도일시", "배포일시", "엠바고", "제공일시", "발의연월일", "공고일", "시행일자"})
# Board fields of a release page whose label is a common word: they count only with a value of this shape.
_VALUE_SHAPES = {
    "조회수": re.compile(r"^\d[\d,]*\s*회?$"),
    "첨부파일": re.compile(r"\.(?:hwpx?|pdf|docx?|xlsx?|pptx?|zip|jpe?g|png|gif|txt)(?:\s*\(.{0,20}\))?$", re.I),
}


@lru_cache(maxsize=1)
def _labels() -> re.Pattern[str]:
    surfaces = [surface for surface, _ in cues().release_header]
    alternation = "|".join(f"(?:{spaced(s)})" for s in surfaces)
    return re.compile(rf"(?<![가-힣A-Za-z])(?P<label>{alternation})(?![가-힣])")


def _key_of(label: str) -> tuple[str, bool]:
    """Canonical key of a printed label, and whether the label is short (needs a colon, box or digit)."""
    surface = bare(label)
    for known, key in cues().release_header:
        if known == surface:
            return key, len(surface) <= 2
    return surface, len(surface) <= 2


def label_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of every header label in a squashed line."""
    spans: list[tuple[int, int, str]] = []
    for m in _labels().finditer(text):
        key, short = _key_of(m.group("label"))
        if short and not _STRICT_FOLLOW.match(text, m.end()):
            continue
        spans.append((m.start(), m.end(), key))
    return spans


def is_header_line(text: str) -> bool:
    """A line of the header table (보도시점, 담당 부서, 사진 □ 없음 ▣ 있음) or the release's own heading."""
    line = squash(text)
    if not line or len(line) > _MAX_HEADER_LINE:
        return False
    if bare(line) in cues().release_heading:
        return True
    if any(ch in line for ch in _CHECKBOX) and re.search(r"있\s?음|없\s?음", line):
        return True
    if label_only(line) is not None:
        return True
    spans = label_spans(line)
    if not spans:
        return False
    if spans[0][0] == 0:
        if spans[0][2] in _VALUE_SHAPES:
            stop = spans[1][0] if len(spans) > 1 else len(line)
            return value_fits(spans[0][2], line[spans[0][1]:stop].strip().lstrip(":：").strip())
        return spans[0][1] < len(line) or len(spans) > 1
    contact = {"담당 부서", "담당자", "책임자", "연락처"}
    if any(key in contact for _, _, key in spans) and _PHONE.search(line):
        return True
    return any(key in DATE_KEYS and _DATED.match(line, end) for _, end, key in spans)  # "의 안 25318 발의연월일 : …"


def value_fits(key: str, value: str) -> bool:
    """Whether `value` can be the value of `key` (any short text, unless the key wants a shape)."""
    shape = _VALUE_SHAPES.get(key)
    return bool(value) and (shape is None or bool(shape.search(squash(value))))


def shaped(key: str) -> bool:
    """The key's values have a shape (a count, a file name) that tells them from the story."""
    return key in _VALUE_SHAPES


def label_only(text: str) -> str | None:
    """The key of a line that is nothing but a header label (a table cell: the value is on the next line)."""
    surface = bare(text)
    for known, key in cues().release_header:
        if known == surface:
            return key
    return None


def parse_header_line(text: str) -> list[tuple[str, str]]:
    """The (key, value) pairs of one header line, in order; a checked box gives the option it marks."""
    line = squash(text)
    spans = label_spans(line)
    pairs: list[tuple[str, str]] = []
    for i, (_, end, key) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(line)
        value = line[end:stop].strip().lstrip(":：").strip()
        if any(ch in value for ch in _CHECKBOX):
            option = _OPTION.search(value)
            value = option.group(1) if option else ""
        if value:
            pairs.append((key, value))
    return pairs


def merge_header(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """One value per key; repeated keys keep every value, joined with "; " in document order."""
    out: dict[str, str] = {}
    for key, value in pairs:
        if key in out:
            if value not in out[key].split("; "):
                out[key] = f"{out[key]}; {value}"
        else:
            out[key] = value
    return out
