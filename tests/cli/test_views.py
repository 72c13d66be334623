"""`biohub timeline / org / orgs / person / people` through the CLI, on the fixture knowledge base."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from rich.console import Console
from typer.testing import CliRunner

from biohub_cli.cli import _output
from biohub_cli.cli.app import app
from biohub_cli.models.vocab import EVENT_TYPES
from tests.render.golden import FIXTURE_KB, assert_golden

runner = CliRunner()
ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


@pytest.fixture(autouse=True)
def fixed_width_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """rich fixes a console's width when it is created (from COLUMNS then): give the tables 120 columns."""
    monkeypatch.setattr(_output, "out", Console(width=120, soft_wrap=True, highlight=False))


def run(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, ["--kb", str(FIXTURE_KB), *args], env=ENV)
    # the bytes, not res.stdout, which turns CRLF (CSV, iCalendar) into LF
    return res.exit_code, res.stdout_bytes.decode("utf-8"), res.stderr


def ids(*args: str) -> list[str]:
    code, out, err = run("timeline", "--format", "json", *args)
    assert code == 0, err
    return [e["id"] for e in json.loads(out)["events"]]


def test_the_timeline_table_groups_by_month_and_shows_uncertain_years() -> None:
    code, out, _ = run("timeline")
    assert code == 0
    assert_golden("cli/timeline.table.txt", out)
    assert out.index("2024년 5월") < out.index("2025년 12월") < out.index("연도 미상 · 6월")
    assert "????-06-11" in out and "2024?-05-29" in out
    assert "잘못 추출된 회의" not in out  # rejected


def test_filters_by_organisation_under_any_of_its_names() -> None:
    celltrion = ["ev-2025-304dfb4e1f", "ev-2025-b3514f797f", "ev-xxxx-c1e63cee1b"]
    assert ids("--org", "셀트리온") == celltrion
    assert ids("--org", "Celltrion") == celltrion
    assert ids("--org", "org-8d9250bf44") == celltrion
    assert ids("--org", "인하대병원") == ["ev-2025-b3514f797f", "ev-xxxx-c1e63cee1b"]


def test_filters_by_person_type_period_words_and_limit() -> None:
    assert ids("--person", "하병필") == ["ev-2025-54a7747a53", "ev-2025-b3514f797f"]
    assert ids("--type", "agreement") == ["ev-2025-b3514f797f"]
    assert ids("--since", "2025-07", "--until", "2025-07-31") == ["ev-2025-635583324f"]
    assert ids("--until", "2024") == ["ev-2019-cf3a186636", "ev-2024-9ed583be74"]
    since_2025 = ids("--since", "2025")
    assert "ev-xxxx-c1e63cee1b" not in since_2025 and len(since_2025) == 6  # an unknown year is no period
    # the fair shares the sentence that names the strategy, so both match
    assert ids("--query", "혁신전략") == ["ev-2025-bfbd1c25a1", "ev-2025-54a7747a53"]
    assert ids("--query", "인천관") == ["ev-2025-304dfb4e1f"]
    assert ids("--query", "열었다고 밝혔다") == ["ev-xxxx-c1e63cee1b"]  # only in an evidence sentence
    assert ids("--limit", "2") == ["ev-2019-cf3a186636", "ev-2024-9ed583be74"]
    assert "ev-2025-bfbd1c25a1" in ids() and "ev-2025-bfbd1c25a1" not in ids("--main-only")


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "ics", "timelinejs"])
def test_machine_formats_are_clean_data_on_stdout(fmt: str) -> None:
    code, out, err = run("timeline", "--org", "셀트리온", "--format", fmt)
    assert code == 0
    assert "\x1b" not in out and "┃" not in out and "│" not in out
    name = "timelinejs.json" if fmt == "timelinejs" else fmt
    assert_golden(f"stdout/timeline-celltrion.{name}", out)  # the same bytes the library renders
    if fmt in ("json", "timelinejs"):
        json.loads(out)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert not out.startswith("\ufeff") and rows[0][:3] == ["날짜", "ISO", "유형"] and len(rows) == 4
    if fmt == "ics":
        assert out.startswith("BEGIN:VCALENDAR\r\n")
        assert "1 event(s) without a full date are not in the calendar" in err
    if fmt == "timelinejs":
        assert "1 event(s) of unknown year are not in the TimelineJS file" in err


def test_usage_errors_exit_2_with_one_line() -> None:
    for args, message in ((["--since", "2025-13"], "--since '2025-13' is not a date"),
                          (["--until", "--06-11"], "--until '--06-11' needs a year"),
                          (["--type", "party"], "--type 'party' is not an event type"),
                          (["--format", "xml"], "'xml' is not one of")):
        code, out, err = run("timeline", *args)
        assert code == 2, args
        assert message in err and out == "", args


def test_an_unknown_organisation_suggests_close_names_and_exits_1() -> None:
    code, out, err = run("org", "셀트리")
    assert (code, out) == (1, "")
    assert err == "error: no organisation named 셀트리; did you mean: 셀트리온?\n"
    code, out, err = run("timeline", "--org", "셀트리")
    assert code == 1 and "no organisation named 셀트리; did you mean: 셀트리온?" in err


def test_an_unknown_person_exits_1() -> None:
    code, out, err = run("person", "하병")
    assert (code, out) == (1, "")
    assert err == "error: no person named 하병; did you mean: 하병필?\n"


def test_org_accepts_any_alias_and_prints_the_profile() -> None:
    code, out, _ = run("org", "인천시", "--format", "md")
    assert code == 0
    assert_golden("stdout/org-incheon.md", out)
    for name in ("인천광역시", "Incheon Metropolitan City", "市", "org-66957d5a52"):
        assert run("org", name, "--format", "md")[1] == out, name
    for section in ("## 일정 (8)", "## 협약 (1)", "## 소속 인물 (3)", "## 발언 (3)", "## 금액 (3)",
                    "## 자주 함께 나온 기관", "| 3,350억 원 |", "행정부시장", "| 협약 당사자 |"):
        assert section in out, section


def test_org_as_html_is_escaped() -> None:
    code, out, _ = run("org", "바이오<랩> & \"파트너스\"", "--format", "html")
    assert code == 0 and "<h1>바이오&lt;랩&gt; &amp; &#34;파트너스&#34;</h1>" in out


def test_org_prints_its_sections_as_terminal_tables() -> None:
    code, out, _ = run("org", "인천시")
    assert code == 0
    assert out.startswith("인천광역시\n유형: 정부·지자체\n")
    for section in ("일정 (8)", "협약 (1)", "소속 인물 (3)", "발언 (3)", "금액 (3)", "자주 함께 나온 기관",
                    "3,350억 원", "행정부시장", "협약 당사자"):
        assert section in out, section
    assert "|---" not in out


def test_person_prints_titles_events_and_quotes() -> None:
    code, out, _ = run("person", "서병조", "--format", "md")
    assert code == 0
    assert_golden("stdout/person-seo.md", out)
    table = run("person", "서병조")[1]
    assert table.startswith("서병조\n") and "인천바이오헬스밸리 추진협의회" in table and "|---" not in table
    assert "| 위원장 | 인천바이오헬스밸리 추진협의회 | ????-06-11 | ????-06-11 |" in out


def test_orgs_and_people_lists() -> None:
    code, out, _ = run("orgs")
    assert code == 0
    assert_golden("cli/orgs.table.txt", out)
    assert "시\n" not in out  # the rejected organisation
    assert run("orgs", "--format", "json")[1] == (FIXTURE_KB.parent.parent / "golden" / "stdout" /
                                                  "orgs.json").read_text(encoding="utf-8")
    code, out, _ = run("people")
    assert code == 0
    assert_golden("cli/people.table.txt", out)
    people = json.loads(run("people", "--format", "json")[1])
    assert [p["name"] for p in people] == ["박남춘", "서병조", "이남주", "하병필"]
    assert people[1] == {"id": "per-62b5a4b488", "name": "서병조", "title": "원장",
                         "organization": "org-773a43f8dd", "events": 2, "quotes": 1, "sources": 1}


def test_english_labels_in_the_terminal() -> None:
    code, out, _ = run("timeline", "--lang", "en", "--type", "agreement")
    assert code == 0 and "December 2025" in out and "agreement" in out and "Organisations" in out


def test_every_event_type_is_accepted_by_its_code_and_its_labels() -> None:
    from biohub_cli.render import labels

    for code in EVENT_TYPES:
        for lang in labels.LANGUAGES:
            assert labels.event_type_code(labels.event_type_label(code, lang)) == code
        assert labels.event_type_code(code.upper()) == code


@pytest.mark.parametrize(("command", "example"), [
    ("timeline", "Example: biohub timeline --org 셀트리온 --since 2025"),
    ("org", "Example: biohub org 인하대병원"), ("orgs", "Example: biohub orgs --format csv > orgs.csv"),
    ("person", "Example: biohub person 하병필"), ("people", "Example: biohub people --format json")])
def test_help_shows_an_example(command: str, example: str) -> None:
    res = runner.invoke(app, [command, "--help"], env=ENV)
    assert res.exit_code == 0 and example in res.stdout


def test_exit_codes_through_the_real_entry_point() -> None:
    """Not CliRunner: the console script's error boundary (app.main) must keep the codes."""
    base = [sys.executable, "-m", "biohub_cli", "--kb", str(FIXTURE_KB)]
    missing = subprocess.run([*base, "org", "셀트리"], capture_output=True, text=True)
    assert missing.returncode == 1
    assert "no organisation named 셀트리; did you mean: 셀트리온?" in missing.stderr
    usage = subprocess.run([*base, "timeline", "--since", "yesterday"], capture_output=True, text=True)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    data = subprocess.run([*base, "timeline", "--format", "json", "--limit", "1"], capture_output=True,
                          text=True, check=True)
    assert json.loads(data.stdout)["events"][0]["id"] == "ev-2019-cf3a186636"
