"""Less memory per record held: one shared field set per model class, equal strings stored once.

pydantic gives every model instance its own `__pydantic_fields_set__`, a set that costs more than
most of the values it describes (an extracted source holds hundreds of small models: evidence,
mentions, dates). A record whose every field is set can share one set per class: validation on
assignment only ever adds the name of a declared field to it, which such a set already holds, and
`model_copy` copies the set before it changes one. Incomplete sets stay the instance's own.

Equal strings inside one record (an evidence sentence quoted by several mentions) are stored once.
Nothing a record shows changes: values compare, dump and validate exactly as before.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

_FULL: dict[type[BaseModel], set[str]] = {}
_MUTABLE = (list, dict)


def full_set(cls: type[BaseModel]) -> set[str]:
    """The field set every complete instance of `cls` may share (do not change it)."""
    held = _FULL.get(cls)
    if held is None:
        held = _FULL[cls] = set(cls.model_fields)
    return held


def shared_fields(cls: type[BaseModel], names: set[str] | frozenset[str]) -> set[str]:
    """The set to give an instance of `cls` whose set fields are `names`: the shared one when complete."""
    full = full_set(cls)
    return full if len(names) == len(full) and names >= full else set(names)


def compact(record: BaseModel, *, as_loaded: set[int] | None = None, strings: dict[str, str] | None = None) -> None:
    """Share the field sets of `record` and every model inside it; store its equal strings once.

    `as_loaded` (one set for a batch of records, holding the ids of the objects met so far): make the
    record exactly what a load of the file written for it gives. Every field set is completed (a dump
    writes every field), and a model, list or dict also held elsewhere in the batch is replaced by a
    copy of its own, as each file's load makes its own objects. `strings`: equal strings are stored
    once across every record compacted with the same dict (by default, within this record).
    """
    if strings is None:
        strings = {}
    todo: list[Any] = [record]
    if as_loaded is not None:
        as_loaded.add(id(record))

    def inner(value: Any, holder: Any, key: Any) -> None:
        if as_loaded is not None and (type(value) in _MUTABLE or isinstance(value, BaseModel)):
            if id(value) in as_loaded:
                value = holder[key] = copy.deepcopy(value)
            as_loaded.add(id(value))
        todo.append(value)

    while todo:
        item = todo.pop()
        if isinstance(item, BaseModel):
            names = item.__pydantic_fields_set__
            full = full_set(type(item))
            if names is not full and (as_loaded is not None or (len(names) == len(full) and names >= full)):
                object.__setattr__(item, "__pydantic_fields_set__", full)
            values = item.__dict__
            for key, value in values.items():
                if type(value) is str:
                    values[key] = strings.setdefault(value, value)
                elif value is not None and type(value) not in (int, bool, float):
                    inner(value, values, key)
        elif type(item) is list:
            for i, value in enumerate(item):
                if type(value) is str:
                    item[i] = strings.setdefault(value, value)
                else:
                    inner(value, item, i)
        elif type(item) is dict:
            for key, value in item.items():
                if type(value) is str:
                    item[key] = strings.setdefault(value, value)
                else:
                    inner(value, item, key)
