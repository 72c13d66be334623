"""`biohub ingest --executor dask`: the per-document stages on a Dask cluster give a local ingest's bytes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from biohub_cli.config import Layout
from biohub_cli.errors import BiohubError
from biohub_cli.ingest import dask_executor, worker
from biohub_cli.kb.knowledge_base import KnowledgeBase
from tests.conftest import MakeSource
from tests.ingest.conftest import N_DOCS, ingest, snapshot

dask_distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = dask_distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                            dashboard_address=":0")
    with dask_distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_an_ingest_on_a_local_cluster_writes_the_bytes_of_a_local_ingest(workdir: Path, client: object) -> None:
    local = ingest(workdir / "local", jobs=1)
    remote = ingest(workdir / "dask", jobs=2, executor="dask", scheduler=client)
    assert not local.failed and not remote.failed
    assert [f.status for f in remote.files] == ["new"] * N_DOCS
    assert snapshot(workdir / "dask") == snapshot(workdir / "local")
    again = ingest(workdir / "dask", jobs=2, executor="dask", scheduler=client)
    assert [f.status for f in again.files] == ["unchanged"] * N_DOCS and again.written == 0


def test_results_come_back_in_input_order_and_bad_files_fail_alone(tmp_path: Path, client: object) -> None:
    files = []
    for i in range(7):
        path = tmp_path / f"{i}.txt"
        path.write_bytes(b"\xff\xfe\x00" * 3 if i % 3 == 1 else b"")  # broken or empty: no Kiwi needed
        files.append(path)
    files.append(tmp_path / "missing.txt")
    settings = worker.Settings.of(KnowledgeBase(layout=Layout(tmp_path)), None, None, False)
    local = list(worker.run_all(files, settings, 1))
    remote = list(dask_executor.run_all(files, settings, 2, scheduler=client))
    assert [r[0] for r in remote] == [r[0] for r in local]
    assert [r[2] for r in remote] == [r[2] for r in local]
    assert remote[-1][0] == "failed"


def test_a_result_gets_this_machines_path_and_status(make_source: MakeSource, tmp_path: Path) -> None:
    src = make_source("인천광역시는 12일 협약을 맺었다.").model_copy(update={"path": "/elsewhere/a.txt"})
    settings = worker.Settings.of(KnowledgeBase(layout=Layout(tmp_path)), None, None, False)
    status, fixed, _, _ = dask_executor._as_here(("new", src, None, src.id), "releases/a.txt", settings)
    assert fixed is not None and fixed.path == "releases/a.txt" and status == "new"
    known = settings.__class__(**{**settings.__dict__, "known_paths": (("releases/a.txt", "src-older"),)})
    status, _, _, _ = dask_executor._as_here(("new", src, None, src.id), "releases/a.txt", known)
    assert status == "changed"


def test_the_dask_executor_needs_a_scheduler(tmp_path: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "biohub_cli", "--kb", str(tmp_path), "ingest", str(tmp_path),
                          "--executor", "dask"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert "--executor dask needs --scheduler ADDRESS" in res.stderr
    assert "Traceback" not in res.stderr


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", "1s")
    settings = worker.Settings.of(KnowledgeBase(layout=Layout(tmp_path)), None, None, False)
    with pytest.raises(BiohubError) as err:
        list(dask_executor.run_all([tmp_path / "a.txt"], settings, 1, scheduler="tcp://127.0.0.1:9"))
    assert err.value.render().startswith("cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert err.value.exit_code == 1
