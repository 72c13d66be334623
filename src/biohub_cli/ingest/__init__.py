"""ingest: the pipeline that turns files into records, and the machinery that runs it.

- `pipeline`: `ingest()`, which wires read → clean → analyse → extract per file, then resolve and store
- `worker`: the per-document stages, inline, in Kiwi's threads or in worker processes
- `dask_executor`: the same per-document stages on a Dask cluster
- `sources`: the source record a document and its extraction become; how an input path is shown
- `commit`: the store phase: resolved records into records/, index.yaml last as the commit point
- `last_run`: what the last complete ingest left behind, so an unchanged re-ingest stops early
- `fingerprint`: which code and data made an extraction (stored in records/index.yaml)
- `merging`: analyst-declared organisation merges (aliases.yaml), applied by resolving again
- `forked`: work done in a forked child meanwhile; `memory`: giving memory back between stages

Nothing is imported here. ingest/ may use the stages, store/ and kb/; it never imports render/ or cli/.
"""
