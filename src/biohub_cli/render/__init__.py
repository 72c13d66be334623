"""Rendering: the only jinja2 importer.

- `filters`: precision-aware dates (`????-06-11`), won amounts (`3,350억 원`), Markdown escaping
- `labels`: Korean (default) and English words; the language of a knowledge base
- `contexts`: one typed context object per template
- `queries`: `Index`, the per-record lookups of a loaded knowledge base, built once
- `views`: the contexts built from an `Index`
- `formats`: JSON, CSV (BOM for Excel), TimelineJS, and the timeline page's embedded data
- `environment`: the Jinja2 environment (StrictUndefined, autoescaping, overrides by name)
- `pages`, `terminal`, `query`: what the terminal commands print and how their filters are read
- `site`: the reports/ folder, planned in memory, written or compared (`--check`)

Nothing is imported here, and Jinja2 loads on the first rendering, so `biohub --help` stays light.
"""
