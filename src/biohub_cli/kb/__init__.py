"""kb: the loaded knowledge base and what it answers.

- `knowledge_base`: `KnowledgeBase`, `load()` from records/, the timeline filters, name lookups
- `records_cache`: a snapshot of the loaded knowledge base under .biohub/, never trusted when stale
- `validation`, `checks`: schema errors as `file:line: message`, and cross-reference checks
- `network`: organisations linked by the events they share
- `lexicon`: the extraction lexicon sharpened by what the knowledge base learnt
- `describe`: one record as text for `biohub show`; `export`: the stable export (version 1)

Nothing is imported here. kb/ reads records through store/; it never imports ingest/, render/ or cli/.
"""
