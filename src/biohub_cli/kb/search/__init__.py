"""search: ranked, Korean-aware full-text search over the documents and the records.

- `terms`: text to search terms (Kiwi's content morphemes; Latin letters and digits without Kiwi)
- `expression`: a query to groups of alternative term phrases, and those to an FTS5 expression
- `index`: the FTS5 index under .biohub/search/, derived from records/ and never trusted when stale
- `query`: `search()`, the hits with their source, snippet, marks and the records citing the sentence

Nothing is imported here; Kiwi loads only when a text or a query word needs it.
"""
