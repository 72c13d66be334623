"""The ingest progress bar: count, rate and ETA on a terminal, nothing in a pipe, file names as text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from biohub_cli.cli import _output
from biohub_cli.cli.app import app
from biohub_cli.ingest import pipeline


def test_the_bar_shows_count_rate_and_eta_and_never_reads_a_file_name_as_markup(
        monkeypatch: pytest.MonkeyPatch) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(_output, "err", Console(file=screen, force_terminal=True, width=150, color_system=None))
    with _output.progress(4, "ingest") as bar:
        for i in range(4):
            bar.advance(1, note=f"[red]release-{i}.txt")
    text = screen.getvalue()
    assert "4/4" in text and "ETA" in text and "/s" in text
    assert "[red]release-3.txt" in text


def test_the_ingest_command_advances_the_bar_once_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("인천광역시는 12일 협약을 맺었다.\n", encoding="utf-8")
    seen: list[tuple[int, str]] = []

    class Bar:
        def advance(self, n: int = 1, note: str | None = None) -> None:
            seen.append((n, note or ""))

    class Progress:
        def __init__(self, total: int, label: str) -> None:
            seen.append((total, label))

        def __enter__(self) -> Bar:
            return Bar()

        def __exit__(self, *exc: object) -> None:
            return None

    def fake_ingest(root: Path, paths: list[Path], options: pipeline.IngestOptions,
                    progress: pipeline.Progress | None = None, on_wait: object = None) -> pipeline.IngestReport:
        assert progress is not None
        for p in sorted(tmp_path.glob("*.txt")):
            progress(str(p))
        return pipeline.IngestReport()

    monkeypatch.setattr(_output, "progress", Progress)
    monkeypatch.setattr(pipeline, "ingest", fake_ingest)
    (tmp_path / "biohub.yaml").write_text("version: 1\n", encoding="utf-8")  # a knowledge base
    res = CliRunner().invoke(app, ["--kb", str(tmp_path), "ingest", str(tmp_path)])
    assert res.exit_code == 0, res.stderr
    assert seen == [(3, "ingest"), (1, "0.txt"), (1, "1.txt"), (1, "2.txt")]
