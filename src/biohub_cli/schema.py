"""JSON Schemas of the record models, written into schemas/."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from biohub_cli.models import Cluster, Event, Organization, Person, Programme, Source
from biohub_cli.store import yaml_io

MODELS: dict[str, type[BaseModel]] = {"source": Source, "event": Event, "organization": Organization,
                                      "person": Person, "cluster": Cluster, "programme": Programme}


def render_schemas() -> dict[str, str]:
    """File name → JSON text, deterministic."""
    out = {}
    for name, model in MODELS.items():
        schema = model.model_json_schema()
        schema["$id"] = f"https://biohub.invalid/schemas/{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def stale_schemas(folder: Path) -> list[str]:
    """Schema files that are missing or differ from the models."""
    stale = []
    for fname, text in render_schemas().items():
        path = folder / fname
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(fname)
    return stale


def write_schemas(folder: Path) -> list[str]:
    return [fname for fname, text in render_schemas().items() if yaml_io.write_atomic(folder / fname, text)]
