"""Extraction: from analysed text to the facts of one document, every one with its evidence.

Organisations and people come from the whole text (an appended English translation contributes
English names); dates, amounts, quotes and events come from the Korean story only, so a translated
copy never doubles them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from biohub_cli.extract.dates.find import DateMention, find_dates
from biohub_cli.extract.events.find import find_events
from biohub_cli.extract.money import find_amounts, parse_krw
from biohub_cli.extract.quotes import find_quotes
from biohub_cli.models.facts import Extraction
from biohub_cli.models.stages import Analysed

if TYPE_CHECKING:
    from biohub_cli.extract.lexicon import Lexicon

__all__ = ["DateMention", "extract", "find_amounts", "find_dates", "find_events", "find_quotes", "parse_krw"]


def extract(analysed: Analysed, lexicon: Lexicon) -> Extraction:
    """Every fact of one analysed document, each list in a stable order."""
    from biohub_cli.extract.orgs import find_organizations
    from biohub_cli.extract.people import find_people
    from biohub_cli.extract.place_names import PlaceNames
    from biohub_cli.extract.places import find_clusters, find_programmes

    places = getattr(lexicon, "places", None) or PlaceNames.load()
    orgs = find_organizations(analysed, lexicon)
    people = find_people(analysed, orgs, lexicon)
    dates = find_dates(analysed, published=analysed.document.metadata.published)
    amounts = find_amounts(analysed)
    quotes = find_quotes(analysed, people)
    events = find_events(analysed, dates, orgs, people)
    return Extraction(
        organizations=sorted(orgs, key=lambda o: (o.evidence.start, o.evidence.end, o.name, o.surface)),
        people=sorted(people, key=lambda p: (p.evidence.start, p.evidence.end, p.name)),
        events=events,
        amounts=sorted(amounts, key=lambda a: (a.evidence.start if a.evidence else -1, a.figure, a.text)),
        quotes=sorted(quotes, key=lambda q: (q.evidence.start, q.evidence.end)),
        clusters=find_clusters(analysed, places),
        programmes=find_programmes(analysed, places),
    )
