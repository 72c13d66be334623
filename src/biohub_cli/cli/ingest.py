"""`biohub init` and `biohub ingest`."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from biohub_cli.cli import _output
from biohub_cli.cli.context import options
from biohub_cli.errors import UsageError

if TYPE_CHECKING:
    from biohub_cli.ingest import pipeline


class Executor(StrEnum):
    local = "local"
    dask = "dask"


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("ingest")(ingest)


def init(
    ctx: typer.Context,
    folder: Path = typer.Argument(Path("."), help="Folder for the new knowledge base."),
    source: str | None = typer.Option(None, "--source", help="The biohub repository and tag or commit its CI "
                                      "and pre-commit install, as URL@REF (default: where this biohub was "
                                      "installed from, when known)."),
) -> None:
    """Create a new, empty knowledge base (records/, reports/, biohub.yaml, a CI workflow and a pre-commit
    config that install biohub from its repository, pinned to a tag or commit).

    Example: biohub init kb && cd kb && biohub ingest ~/releases
    """
    from biohub_cli import scaffold

    pin = scaffold.BiohubSource.parse(source) if source else None
    made = scaffold.init(folder, pin)
    _output.info(f"knowledge base created in {folder} ({len(made)} files)")
    if pin is None and scaffold.installed_source() is None:
        _output.warn("this biohub was not installed from a git repository biohub can name: set its repository "
                     f"and a tag or commit in {folder / '.github/workflows/biohub.yml'} and "
                     f"{folder / '.pre-commit-config.yaml'} (the REPLACE-WITH-… places), or run init with "
                     "--source URL@REF")


def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders (txt, md, html, pdf, hwpx, hwp)."),
    published: str | None = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) of these "
                                         "documents, over any date found in them; their relative dates "
                                         "(이날, 지난달) are worked out from it, for files ingested before too."),
    force: bool = typer.Option(False, "--force", help="Extract files again even when unchanged (counted as "
                               "'extracted again')."),
    jobs: int = typer.Option(0, "--jobs", "-j",
                             help="Cores to use, by Kiwi's threads or worker processes (0: all cores)."),
    max_bytes: int | None = typer.Option(None, "--max-bytes", help="Largest input file accepted."),
    executor: Executor = typer.Option(Executor.local, "--executor", help="Where the per-document work runs: "
                                      "local (processes here) or dask (a Dask cluster; needs --scheduler)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. "
                                         "tcp://10.0.0.5:8786 (with --executor dask)."),
) -> None:
    """Read releases, extract events, organisations, people and amounts, and write records/.

    Example: biohub ingest examples/releases/ --published 2025-07-09

    On a Dask cluster: biohub ingest releases/ --executor dask --scheduler tcp://10.0.0.5:8786
    """
    from biohub_cli.ingest import pipeline

    pub = None
    if published:  # the models (pydantic) only when needed: an unchanged re-ingest never loads them
        from biohub_cli.models.dates import PartialDate

        try:
            pub = PartialDate.parse_iso(published)
        except ValueError:
            raise UsageError(f"--published {published!r} is not a date like 2025-07-09") from None
    if executor is Executor.dask and not scheduler:
        raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    root = options(ctx).root
    opts = pipeline.IngestOptions(published=pub, force=force, jobs=jobs or os.cpu_count() or 1,
                                  max_bytes=max_bytes, executor=executor.value, scheduler=scheduler)
    from biohub_cli.read import iter_inputs  # the file count for the progress bar

    total = len(iter_inputs(paths)[0])
    with _output.progress(total, "ingest") as bar:
        report = pipeline.ingest(root, paths, opts, progress=lambda path: bar.advance(1, note=Path(path).name),
                                 on_wait=_output.info)
    for f in report.failed:
        _output.error(f"{f.path}: {f.message}")
    for c in report.conflicts:
        _output.warn(c)
    for e in report.record_errors:
        _output.warn(e)
    for p in report.proposals:
        _output.info(f"possible duplicate: {p}")
    for r in report.redated:
        _output.info(r)
    rows = [(label, str(report.count(status))) for status, label in _STATUSES]
    if report.interrupted:
        rows.append(("not read (interrupted)", str(len(report.not_read))))
    rows.append(("records written", str(report.written)))
    rows.append(("records removed", str(report.removed)))
    _output.table("ingest", ["", "files"], rows, to_stderr=True, caption=_REMOVED if report.removed else None)
    if report.interrupted:
        _output.warn(_interrupted_summary(report))
        raise typer.Exit(130)
    if report.failed or report.record_errors:
        raise typer.Exit(1)


_STATUSES = (("new", "new"), ("changed", "changed (new content)"), ("re-extracted", "extracted again"),
             ("unchanged", "unchanged"), ("failed", "failed"))
_REMOVED = ("records removed: record files no document makes any more (an event now dated otherwise, "
            "the older version of a changed file, a record merged into another); git keeps them")


def _interrupted_summary(report: pipeline.IngestReport) -> str:
    if not report.stored:
        return ("interrupted before anything was written: records/ is unchanged; "
                f"{len(report.files)} file(s) were read and will be read again next time")
    if not report.not_read:
        return (f"interrupted while writing records: the writing was finished first; all {len(report.files)} "
                "file(s) were read and stored")
    return (f"interrupted: {len(report.files)} file(s) read and stored, {len(report.not_read)} not read; "
            "run the same command again to finish (files already ingested are skipped)")
