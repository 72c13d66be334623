"""yaml_io.dumps takes shortcuts around PyYAML's representer; its bytes must be PyYAML's own."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from biohub_cli.store import yaml_io


class _Reference(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


_Reference.add_representer(
    str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def _reference(data: Any) -> str:
    out: str = yaml.dump(data, Dumper=_Reference, allow_unicode=True, sort_keys=False,
                         default_flow_style=False, width=10_000, indent=2)
    return out


TRICKY = ["", " ", "yes", "No", "null", "~", "true", "123", "0x1F", "1e3", "3.14", ".inf", "2024-05-01",
          "12:30", "- 항목", "키: 값", "#주석", "'따옴표'", '"큰따옴표"', "인천광역시", "줄\n바꿈", "끝 공백 ",
          "\n앞줄", "탭\t문자", "a" * 100, "2024-05-01T09:00:00", "@시작", "%퍼센트", "!태그", "&앵커", "*별"]


@pytest.mark.parametrize("value", TRICKY)
def test_a_scalar_is_dumped_as_pyyaml_dumps_it(value: str) -> None:
    data = {"value": value, "list": [value, value], value or "empty": {"nested": value}}
    assert yaml_io.dumps(data) == _reference(data)


def test_a_record_shaped_document_is_dumped_as_pyyaml_dumps_it() -> None:
    data = {"id": "src-0123456789ab", "count": 3, "ratio": 0.5, "big": 1e20, "flag": True, "none": None,
            "empty_map": {}, "empty_list": [], "items": [{"a": 1, "b": [1, 2, {"c": "d"}]}, [], {}],
            "text": "첫 줄\n둘째 줄\n", "keys": {1: "int key", "2": "str key"}}
    first = yaml_io.dumps(data)
    assert first == _reference(data)
    assert yaml_io.dumps(data) == first  # the remembered answers give the same bytes again
    assert yaml_io.loads(first) == data


LOADABLE = [
    "a: 1\nb: [1, 2.5, .inf, null, ~, true, no, '3']\nc: {d: 2024-05-01, e: 2024-05-01T09:00:00Z}\n",
    "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",
    "? [1, 2]\n: unhashable\n",
    "dup: 1\ndup: 2\n",
    "set: !!set {a, b}\nbin: !!binary aGVsbG8=\nomap: !!omap [{a: 1}, {b: 2}]\n",
    "merge:\n  <<: {x: 1}\n  y: 2\n",
    "text: |\n  첫 줄\n  둘째 줄\nlist:\n- 인천\n- '0123'\n- 0o17\n- 0x1F\n- 1_000\n",
    "- top\n- - nested\n  - {}\n- []\n",
    "just a string\n",
    "",
    "'quoted': \"key\"\n!!str 12: value\nkey: !!str 12\n",
]


@pytest.mark.parametrize("text", LOADABLE)
def test_loads_gives_what_pyyaml_safe_load_gives(text: str) -> None:
    try:
        expected: Any = yaml.safe_load(text)
    except yaml.YAMLError:
        with pytest.raises(Exception):  # noqa: B017 - store wraps PyYAML's errors in RecordError
            yaml_io.loads(text)
        return
    got = yaml_io.loads(text)
    assert got == expected
    assert type(got) is type(expected)
