"""Dates in the Korean story: what the text states, and the year only when something fixes it.

- `scan`: date expressions in a sentence (absolute, partial, relative, ranges)
- `resolve`: a scanned date against the publication date and the sentence's tense
- `find`: `find_dates`, every date mention of a document with its evidence

Nothing is imported here; callers import the module they need.
"""
