"""What one line is, on its own: page furniture of some kind, or a candidate line of the story.

Decisions that need the neighbours (a caption that repeats the title, a date at the very top, the
section name above a headline) are made in story.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from biohub_cli.clean import browser
from biohub_cli.clean.credits import NAMES, REPORTER_ROLE
from biohub_cli.clean.cues import bare, cues, folded
from biohub_cli.clean.dates import find_dates, is_bare_date
from biohub_cli.clean.header import is_header_line
from biohub_cli.clean.lines import letters, mostly_latin, sentence_final
from biohub_cli.clean.stamps import credited_date, date_label_at, garbled_stamp

# Reasons recorded in Document.noise.
WEATHER = "weather widget"
MARKET = "market widget"
ADVERT = "advertisement"
PROMPT = "subscription prompt"
HEADER_DATE = "page header date"
MENU = "page menu"
SECTION = "section name"
SHARE = "share buttons"
LATEST = "latest-news list"
POST_NAVIGATION = "post navigation"
OTHER_STORY = "other story"
COMMENTS = "comment link"
COPYRIGHT = "copyright"
FOOTER = "page footer"
BYLINE = "byline"
DATELINE = "dateline"
CAPTION = "photo caption"
RELEASE_HEADER = "press-release header"
PAGE_NUMBER = "page number"
NOTE = "note"
DISCLAIMER = "translation disclaimer"
SEPARATOR = "separator"
TIP_LINE = "tip line"

# An internal verdict, settled by position: a date alone on a line.
BARE_DATE = "bare date"

END_MARKERS = frozenset({LATEST, POST_NAVIGATION, COMMENTS, COPYRIGHT, FOOTER})  # the story has ended
PAGE_STRUCTURE = frozenset({WEATHER, MARKET, HEADER_DATE, MENU})  # page chrome around the story
SOFT_BREAKS = frozenset({RELEASE_HEADER})  # split runs, but the story may go on after them

BYLINE_PATTERN = re.compile(
    rf"^(?:(?:글|사진|글·사진|글ㆍ사진)\s*[=:]?\s*)?(?:(?P<outlet>[^\s|/=·]{{2,20}})\s+)?(?P<names>{NAMES})\s*"
    rf"{REPORTER_ROLE}\s*(?:기자|특파원|통신원)(?P<rest>.*)$"
)
_EN_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
EN_BYLINE_PATTERN = re.compile(
    rf"^(?:By|Reporter|Reporters|Written by|Correspondent|Staff Reporter|Staff Writer|Editor)\s*:?\s+"
    rf"(?P<name>{_EN_NAME})(?:\s*(?:,|and|&)\s*{_EN_NAME})*\.?(?:\s*\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?)?$"
)
_EMAIL_LINE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—－]\s*\d{1,4}\s*[-–—－]|\d{1,4}\s*/\s*\d{1,4}|[Pp](?:age|\.)\s*\d{1,4}(?:\s*/\s*\d{1,4})?"
    r"|\d{1,4}\s*쪽|페이지\s*\d{1,4})$"
)
_BULLET = re.compile(r"^[•·▶▷►‣◦*\-–]\s*")
_CREDIT = re.compile(
    r"(?:사진\s*[/=:]\s*\S|[(\[<]\s*(?:사진|자료|그래픽|이미지)\s*(?:[=:/]|제공|출처)[^)\]>]*[)\]>]|사진\s*제공\s*[=:]?\s*\S"
    r"|/\s*사진\s*=|^[\[(<]\s*사진\s*[\])>]$|(?:Photo|photo)\s*[=:/]\s*\S"
    # a wire service's picture credit: (춘천시 제공, 재판매 및 DB 금지), [경자청 제공. 재판매 및 DB 금지]
    r"|[(\[<][^)\]>]{0,40}제공\s*[.,]?\s*재판매[^)\]>]*[)\]>])"
)
_TEMPERATURE = re.compile(r"-?\d{1,2}(?:\.\d)?\s*(?:℃|°C|°F|도)")
_DECORATION = re.compile(r"(?:[>›»+∨▶▷〉…]|more|MORE|\(\d+\)|\d+건)+$")
_CREDIT_MARKUP = re.compile(r"^(?:>\s*)+|^[*_]+|[*_]+$")
_CREDIT_SPLIT = re.compile(r"\s+[·|/｜ㆍ]\s+|\s*[|｜]\s*")
_CREDIT_PART = re.compile(
    rf"^(?:(?:글|글\s?[·ㆍ]\s?사진|취재|정리|작성|작성자|필자|By|by)\s*[:=]?\s*(?P<names>{NAMES})"
    rf"|(?P<reporter>{NAMES})\s*{REPORTER_ROLE}\s*(?:기자|특파원|통신원))$"
)
_MAX_CREDIT_LINE = 100
_CRUMB_ARROWS = r"\s*[>›»＞]\s*"
_CRUMB_BARS = "|｜∣"
_MAX_BREADCRUMB = 60
_MAX_CRUMB = 16
_TIP = re.compile(
    r"^(?:\[?기사\s*)?제보\s*(?:는|하기|안내)?\s*[:：]?\s*.*(?:카카오톡|카톡|이메일|전화|@|\d{2,4}-\d{3,4})"
)


@lru_cache(maxsize=32_768)
def classify(text: str) -> str | None:
    """The noise reason of a line taken on its own, `BARE_DATE`, or None for a candidate story line.

    `text` is the line with whitespace runs collapsed (Line.stripped). Remembered: a function of the
    line and the bundled cues only, and the lines around stories (weather, menus, copyright) repeat.
    """
    if not text:
        return None
    reason = _short_line(text) if len(text) <= 300 else None
    if reason is not None:
        return reason
    if len(text) <= 500 and _disclaimer(text):
        return DISCLAIMER
    return None


def _short_line(text: str) -> str | None:
    for test in (_disclaimer_reason, _weather, _market, _page_number, _copyright, _footer, _end_marker,
                 _post_navigation, _tools, _browser, _sections, _release_header, _note, _byline, _caption, _tip,
                 _separator):
        reason = test(text)
        if reason is not None:
            return reason
    return None


def _disclaimer(text: str) -> bool:
    lower = text.lower()
    if not any(cue in lower for cue in cues().translation_disclaimer):
        return False
    return mostly_latin(text, 0.5) or "번역" in text


def _disclaimer_reason(text: str) -> str | None:
    return DISCLAIMER if _disclaimer(text) else None


def _weather(text: str) -> str | None:
    c = cues()
    if text in c.weather_lines:
        return WEATHER
    if len(text) <= 40 and _TEMPERATURE.search(text) and ("℃" in text or "°" in text):
        return WEATHER
    body = _BULLET.sub("", text)
    if len(body) <= 40 and any(body.startswith(a) for a in c.weather_air) and re.search(
        r"좋음|보통|나쁨|매우\s?나쁨|㎍", body
    ):
        return WEATHER
    return None


_QUOTE = re.compile(r"[▲▼△▽↑↓]\s*[\d,.]+|[-+−]?\d[\d,]*\.\d+\s*%?|[-+−]?\d+(?:\.\d+)?\s*%")


def _market(text: str) -> str | None:
    """A stock or exchange-rate quote ("코스피 2,612.34 ▲12.10", "등락률 -0.33%"): a widget, never the story."""
    if len(text) > 100 or sentence_final(text) or not any(cue in text for cue in cues().market):
        return None
    return MARKET if _QUOTE.search(text) else None


def _page_number(text: str) -> str | None:
    return PAGE_NUMBER if _PAGE_NUMBER.match(text) else None


def _copyright(text: str) -> str | None:
    if len(text) > 200:
        return None
    hit = any(cue in text for cue in cues().copyright) or (("ⓒ" in text or "©" in text) and len(text) <= 80)
    if not hit:
        return None
    sentence = sentence_final(text) and text.rstrip(".]>)").endswith("다")
    if sentence and not re.search(r"저작권|ⓒ|©|금지", text):
        return None
    return COPYRIGHT


def _footer(text: str) -> str | None:
    """A site footer names two of its items (회사소개 | 이용약관, 발행인 · 편집인 · 등록번호 ...)."""
    if len(text) > 200 or (sentence_final(text) and text.rstrip(".").endswith("다")):
        return None
    found = {cue for cue in cues().footer if cue in text}
    return FOOTER if len(found) >= 2 else None


def marker_key(text: str) -> str:
    """A heading with its decorations ("뉴스댓글 >", "더보기 +", "[관련기사]", "관련기사 (3)") off, for lookup."""
    key = bare(text)
    previous = None
    while key and key != previous:
        previous = key
        key = _DECORATION.sub("", key).strip()
        key = _BULLET.sub("", key).strip("[]【】〔〕<>〈〉「」")
    return key


def _end_marker(text: str) -> str | None:
    if len(text) > 40:
        return None
    c = cues()
    key = marker_key(text)
    counter = re.sub(r"\d+", "", key)
    if re.search(r"\d", text) and (counter in c.comments or counter in {"댓글", "개의댓글"}):
        return SHARE  # a comment counter in the share bar ("댓글 0"), not the comment box
    if key in c.comments:
        return COMMENTS
    if key in c.latest or _REPORTER_LEAD.sub("", key) in c.latest | {"다른기사", "다른기사보기"}:
        return LATEST  # "관련기사", "윤다온 기자 다른기사 보기"
    if key.endswith("더보기") and key[: -len("더보기")] in c.latest | c.comments:
        return LATEST
    return None


_REPORTER_LEAD = re.compile(r"^[가-힣]{2,4}기자(?:의)?")
_NAV_ARROWS = re.compile(r"^[◀◁▲△▼▽▶▷∧∨↑↓<>«»‹›ㆍ·•\-\s]+")
_MAX_NAV_LINE = 160


@lru_cache(maxsize=1)
def _nav_cue() -> re.Pattern[str]:
    """A post-navigation cue at the start of a line, spaces allowed inside it ("이전 글"), then the title."""
    cues_ = "|".join(r"\s*".join(re.escape(ch) for ch in cue) for cue in cues().post_navigation)
    return re.compile(rf"^(?:{cues_})(?:\s*[:：|｜>›▶▷]\s*|\s+)(?P<title>\S.*)$")


def _post_navigation(text: str) -> str | None:
    """"이전글", "다음글 ▶", or "이전글  인천시, 추석 연휴 … 2020-09-25": the links under a board post. A line
    that goes on as a sentence ("다음 글에서 …다.") is not one."""
    body = _NAV_ARROWS.sub("", text)
    if not body or len(body) > _MAX_NAV_LINE:
        return None
    if marker_key(body) in cues().post_navigation:
        return POST_NAVIGATION
    match = _nav_cue().match(body)
    if match is None:
        return None
    title = match.group("title")
    if sentence_final(title) and title.rstrip(".!?。 ").endswith("다"):
        return None
    return POST_NAVIGATION


def _tools(text: str) -> str | None:
    c = cues()
    bullet = bool(_BULLET.match(text))
    body = folded(_BULLET.sub("", text))
    if body in c.share:
        return SHARE
    if bullet and len(body) <= 2 and not any(ch.isalnum() for ch in body):
        return SHARE
    if bullet and len(body) <= 2 and body in {"+", "-", "가", "a", "A"}:
        return SHARE
    if body in c.menu:
        return MENU
    parts = [folded(p) for p in re.split(r"[|/·]", text) if p.strip()]
    if len(parts) >= 2 and all(p in c.share or p in c.menu for p in parts):
        return SHARE
    return None


def _browser(text: str) -> str | None:
    """What a browser copy carries: a row of buttons, an advertisement, a prompt to subscribe."""
    row = browser.tool_row(text)
    if row is not None:
        return MENU if row == "menu" else SHARE
    if browser.advert(text):
        return ADVERT
    return PROMPT if browser.prompt(text) else None


def _sections(text: str) -> str | None:
    c = cues()
    if folded(text) in c.sections:
        return SECTION
    parts = [folded(p) for p in re.split(r"[·/>|›»]|\s-\s", text) if p.strip()]
    if len(parts) >= 2 and all(p in c.sections or p in c.menu or p in {"홈", "home"} for p in parts):
        return SECTION
    return SECTION if breadcrumb(text) else None


def breadcrumb(text: str) -> bool:
    """Site and section names joined by ">" or "|" ("HOME > 정책 > 보건의료", "지역경제 | 원주"): navigation.

    Each part is a name, not a phrase: at most three words after ">" (one after "|", where a
    headline may also put a bar), and nothing that ends a sentence, holds a date or a byline.
    A Markdown table row ("| 지역 | 방향 |") starts with its bar and is no breadcrumb.
    """
    if len(text) > _MAX_BREADCRUMB or text[0] in _CRUMB_BARS or text[-1] in _CRUMB_BARS:
        return False
    strong = bool(re.search(_CRUMB_ARROWS, text))
    parts = [p.strip() for p in re.split(f"{_CRUMB_ARROWS}|[{_CRUMB_BARS}]", text)]
    if len(parts) < 2 or not all(parts):
        return False
    if sentence_final(text) or find_dates(text, short_years=True) or re.search(r"기자|특파원", text):
        return False
    if is_header_line(text):
        return False
    most_words = 3 if strong else 1
    return all(len(p) <= _MAX_CRUMB and len(p.split()) <= most_words for p in parts)


def _release_header(text: str) -> str | None:
    return RELEASE_HEADER if is_header_line(text) else None


def _note(text: str) -> str | None:
    if text.startswith(("※", "＊", "*")) and any(cue in text for cue in cues().note_cues):
        return NOTE
    return None


def _byline(text: str) -> str | None:
    if len(text) > 150:
        return None
    m = BYLINE_PATTERN.match(text)
    if m and _byline_rest(m.group("rest")):
        return BYLINE
    if EN_BYLINE_PATTERN.match(text) or _EMAIL_LINE.match(text) or dated_credit(text) is not None:
        return BYLINE
    if credited_date(text) is not None or garbled_stamp(text) is not None:
        return BYLINE  # a date and a credit ("2025-10-22  한소망"), or a stamp whose label the page garbled
    if is_bare_date(text):
        return BARE_DATE
    if len(text) <= 12 and text.rstrip(" :：") in cues().date_labels_first + cues().date_labels_later:
        return BYLINE  # a date label whose date the page lost
    if date_label_at(text) is not None and not text.rstrip(".").endswith("다"):
        return BYLINE
    return None


def dated_credit(text: str) -> str | None:
    """The author of a credit line with a date ("> 뉴스레터 브리핑 · 2024-06-27 · 글 홍길동"), or None.

    The line is cut at "·", "|" or "/" between spaces; one part must be a date and nothing else,
    another the author ("글 홍길동", "홍길동 기자", "By 홍길동"). Markdown quote and emphasis marks
    around the line do not count.
    """
    line = _CREDIT_MARKUP.sub("", text).strip()
    if not line or len(line) > _MAX_CREDIT_LINE:
        return None
    parts = [p.strip(" *_") for p in _CREDIT_SPLIT.split(line)]
    if len(parts) < 2 or sum(1 for p in parts if is_bare_date(p)) != 1:
        return None
    for part in parts:
        m = _CREDIT_PART.match(part)
        if m:
            return m.group("names") or m.group("reporter")
    return None


def _byline_rest(rest: str) -> bool:
    """What follows "… 기자" on a byline line: nothing, an e-mail, a date, or separators with those."""
    rest = rest.strip()
    if not rest:
        return True
    if rest[0] not in "/|·,=()[]<>@:-—" and not rest[0].isascii():
        return False
    if len(rest) > 100 or re.search(r"다[.\"”’']*$", rest):
        return False
    hangul, _ = letters(rest)
    return hangul <= 20 or date_label_at(rest) is not None


def _caption(text: str) -> str | None:
    if len(text) > 200:
        return None
    if _CREDIT.search(text):
        body = _CREDIT.sub("", text)
        if len(body) <= 120 and not re.search(r"다\.", body):
            return CAPTION
    if text.startswith(("▲", "△", "▷")) and len(text) <= 150 and not sentence_final(text):
        rest = text[1:]
        if any(cue in rest for cue in cues().caption_cues):
            return CAPTION
    return None


def _tip(text: str) -> str | None:
    return TIP_LINE if len(text) <= 120 and _TIP.match(text) else None


def _separator(text: str) -> str | None:
    return SEPARATOR if not any(ch.isalnum() for ch in text) and len(text) >= 1 else None
