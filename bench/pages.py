"""How a story reaches biohub: a city-hall release page, a news page copied from a browser, a saved
HTML page, a Markdown note; each with the page furniture (menus, share buttons, weather widgets,
"최신뉴스" lists, copyright lines) that clean/ has to drop.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re

import vocab
from stories import Story

_SENTENCE_END = re.compile(r"(?<=다\.)\s+")


def _weather(rng: random.Random) -> list[str]:
    place = rng.choice(vocab.WEATHER_PLACES)
    return [f"{place} {rng.randrange(-8, 34)}℃ {rng.choice(vocab.WEATHER)}",
            f"미세먼지 {rng.choice(('좋음', '보통', '나쁨'))}", "기상청 제공"]


def _others(rng: random.Random, k: int) -> list[str]:
    return rng.sample(vocab.OTHER_HEADLINES, k)


def _byline_time(rng: random.Random, published: dt.date) -> str:
    return f"{published.isoformat()} {rng.randrange(6, 22):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"


def city_release(rng: random.Random, st: Story, published: dt.date, city: vocab.Org, reporter: str) -> str:
    """A city hall's press-release page, as text copied out of the browser."""
    lines = [*rng.sample(vocab.MENU_LINES, 3), "", f"{city.name} > 소통 > 보도자료", "", "보도자료", "", st.title, "",
             "담당부서", f"바이오산업과 / {reporter} (0{rng.randrange(31, 64)}-{rng.randrange(200, 990)}-"
             f"{rng.randrange(1000, 9999)})", "제공일시", published.isoformat(), "조회수", str(rng.randrange(80, 5000)),
             "첨부파일", f"{published:%y%m%d} 보도자료(바이오산업과).hwp", ""]
    for para in st.paragraphs:
        sentences = _SENTENCE_END.split(para)
        lines.append(f"○ {sentences[0]}")
        lines.extend(f" - {s}" for s in sentences[1:])
        lines.append("")
    if st.english:
        lines += ["", *st.english, ""]
    lines += ["", "이전글", rng.choice(vocab.OTHER_HEADLINES), "다음글", rng.choice(vocab.OTHER_HEADLINES), "",
              "저작권 정책 | 개인정보처리방침 | 이메일무단수집거부", f"Copyright © {city.name}. All rights reserved."]
    return "\n".join(lines) + "\n"


def news_text(rng: random.Random, st: Story, published: dt.date, outlet: tuple[str, str, str],
              reporter: str) -> str:
    """A news article copied from a browser: byline, share buttons, caption, sidebars, weather."""
    name, _, domain = outlet
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += [*_weather(rng), ""]
    lines += [st.title, "", f"{reporter} 기자 / 기사승인 : {_byline_time(rng, published)}",
              *(f"  • {s}" for s in rng.sample(vocab.SHARE_LINES, 3)), st.subtitle, f"▲ {st.caption}", ""]
    body = list(st.paragraphs)
    body[0] = f"[{name}] {body[0]}"
    for para in body:
        lines += [para, ""]
    lines += [f"{reporter} 기자 reporter{rng.randrange(10, 99)}@{domain}", "",
              f"[저작권자ⓒ {name}. 무단전재 및 재배포 금지]", ""]
    if st.english:
        lines += [*st.english, ""]
    lines += ["최신뉴스", *_others(rng, 4), "", "많이 본 기사", *_others(rng, 3)]
    if rng.random() < 0.5:
        lines += ["", *_weather(rng)]
    return "\n".join(lines) + "\n"


def news_html(rng: random.Random, st: Story, published: dt.date, outlet: tuple[str, str, str],
              reporter: str) -> str:
    """A news page saved from the browser as HTML."""
    name, _, domain = outlet
    e = html.escape
    menu = "".join(f"<li><a href=\"/{i}\">{e(m)}</a></li>" for i, m in enumerate(rng.sample(vocab.MENU_LINES, 5)))
    paras = "\n".join(f"<p>{e(p)}</p>" for p in st.paragraphs)
    english = "\n".join(f"<p>{e(p)}</p>" for p in st.english)
    popular = "".join(f"<li>{e(h)}</li>" for h in _others(rng, 5))
    weather = " ".join(e(w) for w in _weather(rng))
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{e(st.title)} - {e(name)}</title>
<meta property="og:title" content="{e(st.title)}">
<meta property="article:published_time" content="{published.isoformat()}T{rng.randrange(6, 22):02d}:00:00+09:00">
</head><body>
<header><div class="weather">{weather}</div><nav><ul>{menu}</ul></nav></header>
<main><article>
<h1 class="headline">{e(st.title)}</h1>
<h2 class="subtitle">{e(st.subtitle)}</h2>
<div class="byline">{e(reporter)} 기자 | 입력 {_byline_time(rng, published)}</div>
<figure><img src="/photo/{rng.randrange(10**6)}.jpg" alt=""><figcaption>{e(st.caption)}</figcaption></figure>
<div class="article-body">
{paras}
{english}
</div>
<p class="copyright">저작권자 © {e(name)} 무단전재 및 재배포 금지</p>
</article>
<aside><h3>많이 본 뉴스</h3><ol>{popular}</ol></aside></main>
<footer>{e(name)} | 대표전화 02-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)} | {e(domain)}</footer>
</body></html>
"""


def markdown(rng: random.Random, st: Story, published: dt.date, outlet: tuple[str, str, str], reporter: str) -> str:
    """An analyst's Markdown note holding a story."""
    byline = f"{outlet[0]} · {reporter} 기자 · {published.isoformat()}"
    lines = [f"# {st.title}", "", f"*{st.subtitle}*", "", byline, ""]
    for para in st.paragraphs:
        lines += [para, ""]
    if st.english:
        lines += ["## English", "", *st.english, ""]
    return "\n".join(lines)
