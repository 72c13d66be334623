"""A record an analyst deletes or rejects is cited by nothing: `validate` stays clean, and no raw id
reaches the timeline, the HTML, the export or the records the next ingest writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from biohub_cli.config import Layout
from biohub_cli.ingest.pipeline import ingest
from biohub_cli.kb import knowledge_base
from biohub_cli.store import records_io
from tests.cli.curation_kb import biohub, build


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return build(tmp_path / "kb")


def _ids(root: Path) -> tuple[str, str]:
    base = knowledge_base.load(root)
    person = base.person_by_name("이남주")
    org = base.org_by_name("시흥시")
    assert person is not None and org is not None
    return person.id, org.id


def _everything_shown(root: Path) -> str:
    outputs = []
    for args in (["timeline"], ["timeline", "--format", "html"], ["timeline", "--format", "json"],
                 ["timeline", "--format", "csv"], ["export"], ["export", "--format", "csv"],
                 ["org", "인천광역시"], ["org", "인천광역시", "--format", "html"]):
        code, out, err = biohub(root, *args)
        assert code == 0, (args, err)
        outputs.append(out)
    assert biohub(root, "build")[0] == 0
    outputs += [p.read_text(encoding="utf-8") for p in (root / "reports").rglob("*") if p.is_file()]
    return "\n".join(outputs)


def test_deleting_records_leaves_validate_clean_and_no_raw_id_shown(kb: Path) -> None:
    person, org = _ids(kb)
    base = knowledge_base.load(kb)
    base.paths[person].unlink()
    base.paths[org].unlink()
    code, out, err = biohub(kb, "validate")
    assert code == 0, out
    assert "0 problems" in err
    shown = _everything_shown(kb)
    assert person not in shown and org not in shown
    ingest(kb, [])  # the next ingest: the ids stay deleted and nothing cites them
    code, out, _ = biohub(kb, "validate")
    assert code == 0, out
    records = "\n".join(p.read_text(encoding="utf-8") for p in (kb / "records").rglob("*.yaml")
                        if p.name != "index.yaml")
    assert person not in records and org not in records
    index = records_io.read_index(Layout(kb))
    assert index[person] == "deleted" and index[org] == "deleted"


def test_a_rejected_organisation_is_cited_nowhere(kb: Path) -> None:
    _, org = _ids(kb)
    base = knowledge_base.load(kb)
    records_io.save_record(Layout(kb), base.orgs[org].model_copy(update={"status": "rejected"}))
    ingest(kb, [])
    assert biohub(kb, "validate")[0] == 0
    data = json.loads(biohub(kb, "export")[1])
    cited = json.dumps([data["events"], [d["mentions"] for d in data["documents"]], data["people"]])
    assert org not in cited
    base = knowledge_base.load(kb)
    assert all(org not in {p.organization for p in e.participants} for e in base.events.values())


def test_validate_names_a_person_not_peopl(kb: Path) -> None:
    base = knowledge_base.load(kb)
    src = next(iter(base.sources.values()))
    broken = src.model_copy(update={"mentions": src.mentions.model_copy(update={"people": ["per-0000000000"]})})
    records_io.save_record(Layout(kb), broken)
    code, out, _ = biohub(kb, "validate")
    assert code == 1
    assert "unknown person id 'per-0000000000'" in out and "peopl " not in out
