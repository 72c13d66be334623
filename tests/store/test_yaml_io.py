from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biohub_cli.errors import RecordError
from biohub_cli.store import yaml_io


def test_dumps_keeps_key_order_and_korean() -> None:
    text = yaml_io.dumps({"name": "인천광역시", "aliases": ["인천시"], "a": 1})
    assert text == "name: 인천광역시\naliases:\n- 인천시\na: 1\n"


def test_multiline_text_round_trips_as_block() -> None:
    data = {"text": "첫 줄이다.\n둘째 줄이다.\n"}
    out = yaml_io.dumps(data)
    assert "|" in out.splitlines()[0]
    assert yaml_io.loads(out) == data


def test_write_atomic_reports_unchanged(tmp_path: Path) -> None:
    p = tmp_path / "a" / "b.yaml"
    assert yaml_io.write_atomic(p, "x: 1\n") is True
    assert yaml_io.write_atomic(p, "x: 1\n") is False
    assert p.read_text() == "x: 1\n"
    assert [f.name for f in p.parent.iterdir()] == ["b.yaml"]  # no temporary file left behind


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text("name: 셀트리온\naliases: [a, b\n", encoding="utf-8")
    with pytest.raises(RecordError) as exc:
        yaml_io.read_yaml(p)
    assert exc.value.render().startswith(f"{p}:")
    assert exc.value.line is not None and exc.value.line >= 2


def test_python_tags_are_refused() -> None:
    with pytest.raises(RecordError):
        yaml_io.loads("x: !!python/object/apply:os.system ['echo hi']\n")


def test_alias_bomb_is_refused() -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        refs = ",".join(f"*a{i - 1}" for _ in range(9))
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(RecordError, match="alias"):
        yaml_io.loads("\n".join(lines) + "\n")


def test_line_of_points_at_nested_key() -> None:
    text = "id: x\ndate:\n  year: 2025\n  month: 13\n"
    assert yaml_io.line_of(text, ("date", "month")) == 4


_yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)


@given(_yaml_values)
def test_yaml_round_trip(value: object) -> None:
    assert yaml_io.loads(yaml_io.dumps(value)) == value
