"""store: records/ and the files derived from it, on disk. The only YAML importer (`yaml_io`).

- `yaml_io`: safe loading, canonical dumping, atomic and streamed writes, `line_of` for messages
- `emit`: the block-style YAML writer behind `yaml_io.dumps`
- `records_io`: where each record lives under records/, how it is dumped, index.yaml
- `curation_files`: the analysts' aliases.yaml (organisation merges) and events.yaml (event merges, splits)
- `record_files`: record files and their signatures, found without pydantic or YAML
- `lock`: one writer at a time per knowledge base
- `code_digest`: digests of biohub's own code, data and templates (what made a derived file)

Nothing is imported here. store/ knows files and formats, not what the records mean: it never
imports kb/, ingest/, render/ or cli/ (an import-linter contract in pyproject.toml keeps it so).
"""
