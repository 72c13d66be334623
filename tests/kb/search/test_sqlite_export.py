"""`biohub export --format sqlite FILE`: opened with sqlite3, joined, byte-stable."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from typer.testing import CliRunner

from biohub_cli.cli.app import app

runner = CliRunner()


def export(kb: Path, out: Path) -> Path:
    res = runner.invoke(app, ["--kb", str(kb), "export", "--format", "sqlite", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_a_join_of_events_participants_and_organisations_gives_what_org_shows(made: Path, tmp_path: Path) -> None:
    db = export(made / "kb", tmp_path / "kb.db")
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = con.execute(
            "SELECT e.date, e.title, p.role FROM events e JOIN event_participants p ON p.event = e.id "
            "JOIN organizations o ON o.id = p.organization WHERE o.name = '셀트리온' ORDER BY e.date").fetchall()
        found = con.execute("SELECT ref FROM search WHERE search MATCH '셀트리온' ORDER BY ref").fetchall()
        tables = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    shown = runner.invoke(app, ["--kb", str(made / "kb"), "org", "셀트리온", "--format", "md"]).stdout
    assert rows == [("2025-03-04", "인천광역시·셀트리온 바이오의약품 공장 증설 협약 체결", "signatory")]
    assert rows[0][1] in shown and rows[0][0] in shown
    assert found and all(r.startswith(("src-", "ev-", "org-")) for (r,) in found)
    assert {"documents", "events", "organizations", "people", "event_participants", "event_documents",
            "person_roles", "amounts", "organization_aliases", "search"} <= tables


def test_two_exports_of_the_same_records_are_byte_identical(made: Path, tmp_path: Path) -> None:
    first = export(made / "kb", tmp_path / "a.db").read_bytes()
    (made / "kb" / ".biohub" / "search" / "index.sqlite").unlink()  # the index made again from nothing
    assert export(made / "kb", tmp_path / "b.db").read_bytes() == first


def test_without_a_file_sqlite_is_a_usage_error(made: Path) -> None:
    res = runner.invoke(app, ["--kb", str(made / "kb"), "export", "--format", "sqlite"])
    assert res.exit_code == 2 and "writes a file" in res.output


def test_clusters_and_programmes_are_tables_an_event_joins(made: Path, tmp_path: Path) -> None:
    db = export(made / "kb", tmp_path / "places.db")
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        linked = con.execute(
            "SELECT c.name, e.date FROM clusters c JOIN event_clusters ec ON ec.cluster = c.id "
            "JOIN events e ON e.id = ec.event ORDER BY e.date").fetchall()
        names = {n for (n,) in con.execute("SELECT name FROM clusters")}
        aliases = con.execute("SELECT count(*) FROM cluster_aliases a JOIN clusters c ON c.id = a.cluster").fetchone()
    shown = runner.invoke(app, ["--kb", str(made / "kb"), "clusters"]).stdout
    # the Songdo agreement happens at 송도컨벤시아, a site of the Songdo cluster; the Osong money in 오송
    assert ("2025-03-04" in {d for _, d in linked}) and ("2025-05-12" in {d for _, d in linked})
    assert names and all(n in shown for n in names)
    assert aliases[0] >= 1
