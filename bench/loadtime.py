"""How long loading a knowledge base takes, without any rendering: `knowledge_base.load` (YAML), and
`records_cache.load_cached` cold (no snapshot: YAML plus writing the snapshot) and warm.

    python bench/loadtime.py KB_DIR      # prints one JSON object
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    root = Path((argv or sys.argv[1:])[0])
    t0 = time.perf_counter()
    from biohub_cli.kb import knowledge_base, records_cache

    imports = time.perf_counter() - t0
    t0 = time.perf_counter()
    base = knowledge_base.load(root)
    yaml_s = time.perf_counter() - t0
    records_cache.clear(root)
    t0 = time.perf_counter()
    records_cache.load_cached(root)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    _, stats = records_cache.load_with_stats(root)
    warm = time.perf_counter() - t0
    print(json.dumps({"imports": imports, "kb_load": yaml_s, "cache_cold": cold, "cache_warm": warm,
                      "warm_hits": stats.hits, "files": stats.files, "events": len(base.events),
                      "snapshot_bytes": snap.stat().st_size
                      if (snap := records_cache.cache_path(root)).is_file() else 0}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
