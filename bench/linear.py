"""Every per-document stage is linear in its input: hostile inputs grown 1x, 2x, 4x, 8x, time ratios printed.

    .venv/bin/python bench/linear.py                    # every case (~2 min on 2 cores)
    .venv/bin/python bench/linear.py --case text-one-line --scales 1,2,4,8,16
    .venv/bin/python bench/linear.py --quick            # smaller inputs, a smoke test

Each case builds one hostile document at each scale (the shapes an adversarial pass found slow: a
page of empty <style> tags, a page of <meta name=title> tags, one line of Korean a megabyte long, a
line of unmatched quotes ...), then times each stage of an ingest on it in this process: read
(read_path on the file), clean, analyse (Kiwi) and each finder of extract. A stage linear in its input
takes about 8 times as long at 8x as at 1x; n log n a little more; a quadratic one 64. The verdict is
the exponent of the best power law through all the scales (the least-squares slope of log time against
log size: linear 1.0, n log n about 1.1, quadratic 2.0), so one noisy small measurement does not decide
it; an exponent past MAX_EXPONENT is flagged, and the exit code is 1 when any stage is flagged.
Stages under MIN_SECONDS at 8x are not judged (their ratios are timer noise). A stage that passes
--budget seconds at one scale is not run at the larger ones (a quadratic stage would take hours).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_EXPONENT = 1.5  # time growing faster than size**1.5 is flagged: linear 1.0, n log n ~1.1, quadratic 2.0
MIN_SECONDS = 0.05

_STORY = ("인천광역시는 2024년 4월 3일 송도컨벤시아에서 셀트리온, 한국생명공학연구원과 바이오 인재 양성 업무협약을 "
          "체결했다고 밝혔다. 시는 국비 120억 원과 시비 30억 원을 들여 창업기업 40곳을 지원한다. "
          "유정복 인천시장은 \"바이오 기업이 세계로 나아가도록 돕겠다\"고 말했다. ")


def _story_html() -> str:
    return "<article>" + "".join(f"<p>{s.strip()}.</p>" for s in _STORY.split(". ") if s.strip()) + "</article>"


def _page(head: str, body: str) -> bytes:
    return (f"<html><head><title>바이오 협약 체결</title>{head}</head><body><h1>바이오 협약 체결</h1>"
            f"{body}{_story_html()}</body></html>").encode()


def _hwpx(paragraphs: list[str]) -> bytes:
    body = "".join(f"<hp:p><hp:run><hp:t>{p}</hp:t></hp:run></hp:p>" for p in paragraphs)
    section = ('<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
               f'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">{body}</hs:sec>').encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", b"application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("Contents/section0.xml", section, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _one_line(chars: int) -> str:
    return (_STORY * (chars // len(_STORY) + 1))[:chars]


def _lines(n: int) -> str:
    """n lines of the story, each with its own figures (clean drops a line it has seen)."""
    return "".join(_STORY.replace("40곳", f"{i % 997}곳").replace("4월 3일", f"{i % 12 + 1}월 {i % 28 + 1}일")
                   .replace("120억", f"{i}억") + "\n" for i in range(n))


_ENGLISH = ("Incheon Metropolitan City signed a business agreement with Celltrion on April 3, said Mayor "
            "Yoo Jeong-bok, adding that the city will spend 12 billion won on bio start-ups. ")


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str
    build: Callable[[int], bytes]  # scale -> the document's bytes
    base: int                      # scale 1 (what the unit is depends on the case)
    about: str


CASES: tuple[Case, ...] = (
    Case("html-empty-styles", ".html", lambda n: _page("", "<style></style>" * n), 40_000,
         "empty <style></style> tags (the issue: 300,000 took over 300 s)"),
    Case("html-meta-titles", ".html",
         lambda n: _page("".join(f'<meta name="title" content="바이오 협약 {i}">' for i in range(n)), ""), 5_000,
         "<meta name=title> tags, each a different title (110,000 took 119 s)"),
    Case("html-scripts", ".html", lambda n: _page("", "<script>var a = 1;</script><p>문단</p>" * n), 10_000,
         "scripts between short paragraphs"),
    Case("html-unclosed-scripts", ".html", lambda n: _page("", "<p>바이오</p><script>" * n), 10_000,
         "<script> tags never closed"),
    Case("html-data-uris", ".html", lambda n: _page("", '<img src="data:image/png;base64,AAAA">' * n), 20_000,
         "inline data: images"),
    Case("text-one-line", ".txt", lambda n: _one_line(n).encode("utf-8"), 60_000,
         "one line of Korean text (1 MB took 41 s, 2 MB 216 s)"),
    Case("text-many-lines", ".txt", lambda n: _lines(n).encode(), 400,
         "an ordinary release, line after line, each with its own figures"),
    Case("text-short-lines", ".txt", lambda n: "".join(f"최신뉴스 {i}\n" for i in range(n)).encode() +
         _STORY.encode(), 8_000, "a story under thousands of short menu lines"),
    Case("text-translation", ".txt", lambda n: (_STORY + "\n\n" + _ENGLISH * n).encode(), 1_500,
         "a story with a long English translation after it"),
    Case("html-paragraphs", ".html", lambda n: _page("", "".join(f"<p>{_lines(1)}</p>" for _ in range(n))),
         400, "an ordinary page of many paragraphs"),
    Case("text-straight-quotes", ".txt", lambda n: ('김영환 지사는 "바이오 ' * n).encode("utf-8"), 8_000,
         "one line of unmatched straight quotes after a name"),
    Case("text-curly-quotes", ".txt",
         lambda n: ("“바이오를 키우겠다”고 김영환 충북지사는 말했다. " * n).encode("utf-8"), 3_000,
         "one line of quotes, each with its speaker"),
    Case("text-open-curly", ".txt", lambda n: ("홍길동 시장은 “바이오 " * n).encode("utf-8"), 8_000,
         "curly quotes opened and never closed"),
    Case("hwpx-paragraphs", ".hwpx", lambda n: _hwpx(_lines(n).splitlines()), 400,
         "an HWPX of many paragraphs"),
)


def _stages(path: Path) -> list[tuple[str, Callable[[Any], Any]]]:
    """(name, step) pairs; each step takes the previous step's value (read takes the path)."""
    from biohub_cli.analyse import analyse
    from biohub_cli.clean import clean
    from biohub_cli.extract.dates.find import find_dates
    from biohub_cli.extract.events.find import find_events
    from biohub_cli.extract.lexicon import Lexicon
    from biohub_cli.extract.money import find_amounts
    from biohub_cli.extract.orgs import find_organizations
    from biohub_cli.extract.people import find_people
    from biohub_cli.extract.quotes import find_quotes
    from biohub_cli.read import read_path

    lexicon = Lexicon.load()
    facts: dict[str, Any] = {}

    def orgs(a: Any) -> Any:
        facts["orgs"] = find_organizations(a, lexicon)
        return a

    def people(a: Any) -> Any:
        facts["people"] = find_people(a, facts["orgs"], lexicon)
        return a

    def dates(a: Any) -> Any:
        facts["dates"] = find_dates(a, published=a.document.metadata.published)
        return a

    def amounts(a: Any) -> Any:
        find_amounts(a)
        return a

    def quotes(a: Any) -> Any:
        find_quotes(a, facts["people"])
        return a

    def events(a: Any) -> Any:
        find_events(a, facts["dates"], facts["orgs"], facts["people"])
        return a

    return [("read", lambda _: read_path(path)), ("clean", clean),
            ("analyse", lambda d: analyse(d, user_words=lexicon.user_words())),
            ("orgs", orgs), ("people", people), ("dates", dates), ("amounts", amounts), ("quotes", quotes),
            ("events", events)]


def _measure(path: Path, skip: set[str]) -> dict[str, float | None]:
    """CPU seconds of each stage on one file (this process, Kiwi's threads included; other work on a shared
    machine then adds little), None for a stage not run: in `skip`, or after a stage that failed."""
    times: dict[str, float | None] = {}
    value: Any = None
    for name, step in _stages(path):
        if name in skip or (value is None and name != "read"):
            times[name], value = None, None
            continue
        start = time.process_time()
        try:
            value = step(value)
        except Exception as exc:  # a refused input ends the chain
            print(f"  {path.name}: {name} raised {type(exc).__name__}: {str(exc)[:100]}", file=sys.stderr)
            value = None
        times[name] = time.process_time() - start
    return times


def _in_child(path: Path, skip: set[str]) -> dict[str, float | None]:
    """_measure in a forked child of this warmed-up process: every measurement starts from the same
    state, so the caches a smaller input filled (lines, words, titles) never speed up a larger one."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        code = 1
        try:
            with os.fdopen(write, "w") as out:
                json.dump(_measure(path, skip), out)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as result:
        text = result.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not text:
        raise RuntimeError(f"the measurement of {path.name} failed")
    times: dict[str, float | None] = json.loads(text)
    return times


def run_case(case: Case, scales: list[int], budget: float,
             folder: Path) -> tuple[dict[str, list[float | None]], set[str]]:
    """Seconds of each stage at each scale (None where it was not run), and the stages past the budget."""
    times: dict[str, list[float | None]] = {}
    over: set[str] = set()
    for scale in scales:
        path = folder / f"{case.name}-{scale}{case.suffix}"
        path.write_bytes(case.build(case.base * scale))
        for name, seconds in _in_child(path, over).items():
            times.setdefault(name, []).append(seconds)
            if seconds is not None and seconds > budget:
                over.add(name)
        path.unlink()
    return times, over


def _warm_up(folder: Path) -> None:
    """Every stage once on ordinary releases: the modules, Kiwi's model and the lexicon loaded."""
    for suffix, data in ((".txt", _lines(3).encode()), (".html", _page("", "")), (".hwpx", _hwpx(["바이오"]))):
        path = folder / f"warm-up{suffix}"
        path.write_bytes(data)
        _measure(path, set())
        path.unlink()


def exponent(scales: list[int], row: list[float]) -> float:
    """The least-squares slope of log(time) against log(scale): the power of the size the time grows with."""
    xs = [math.log(s) for s in scales]
    ys = [math.log(max(t, 1e-6)) for t in row]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread if spread else 0.0


def _verdict(scales: list[int], row: list[float | None], over: bool) -> tuple[float | None, float | None, str]:
    """The last/first time ratio, the exponent, and whether the exponent is past MAX_EXPONENT."""
    if over:
        return None, None, "OVER BUDGET"
    if any(t is None for t in row) or len(row) < 2:
        return None, None, "(not run: a stage before it failed or passed the budget)"
    times = [t for t in row if t is not None]
    ratio = times[-1] / times[0] if times[0] > 0 else None
    power = exponent(scales, times)
    if times[-1] < MIN_SECONDS:
        return ratio, power, "(too fast to judge)"
    return ratio, power, "SUPERLINEAR" if power > MAX_EXPONENT else "ok"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", action="append", help="only these cases (repeatable)")
    parser.add_argument("--scales", default="1,2,4,8", help="growth factors, first one the reference")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds past which a stage stops growing")
    parser.add_argument("--quick", action="store_true", help="inputs a quarter the size")
    parser.add_argument("--json", type=Path, help="write every time to this file")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    cases = [c for c in CASES if not args.case or c.name in args.case]
    if args.quick:
        cases = [Case(c.name, c.suffix, c.build, max(1, c.base // 4), c.about) for c in cases]
    flagged = []
    results: dict[str, Any] = {}
    print(f"{'case / stage':34} " + " ".join(f"{'x' + str(s):>9}" for s in scales) + f" {'ratio':>7} {'power':>6}")
    with tempfile.TemporaryDirectory(prefix="biohub-linear-") as tmp:
        _warm_up(Path(tmp))
        for case in cases:
            size = len(case.build(case.base))
            print(f"{case.name} ({case.about}; {size:,} bytes at x{scales[0]})")
            times, over = run_case(case, scales, args.budget, Path(tmp))
            results[case.name] = times
            for stage, row in times.items():
                ratio, power, verdict = _verdict(scales, row, stage in over)
                cells = " ".join(f"{t:9.3f}" if t is not None else f"{'-':>9}" for t in row)
                shown = (f"{ratio:7.1f}" if ratio is not None else f"{'':>7}") + " " + (
                    f"{power:6.2f}" if power is not None else f"{'':>6}")
                print(f"  {stage:32} {cells} {shown}  {verdict}")
                if verdict in ("SUPERLINEAR", "OVER BUDGET"):
                    flagged.append(f"{case.name}/{stage}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    print("superlinear: " + (", ".join(flagged) if flagged else "none"))
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
