"""One typed context object per template, and the small row types they are made of.

A template sees the fields of its context as variables (`org`, `events`, `labels`, ...). Every
value is plain data: strings to show, PartialDates for the `date` filter, won integers for the
`won` filter, and `Ref`s for the `link` filter. Document text is never trusted: HTML templates
autoescape it and Markdown templates backslash-escape it (see environment.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from biohub_cli.models.dates import PartialDate

RefKind = Literal["org", "person", "cluster", "programme"]


@dataclass(frozen=True)
class Ref:
    """A named organisation or person; `page` is the report page's stem (None: no page to link)."""

    kind: RefKind
    id: str
    name: str
    page: str | None = None
    note: str = ""  # a role or title shown next to the name

    def __hash__(self) -> int:
        """The hash of the fields, computed once (the link filter looks a Ref up for every mention)."""
        held: int | None = self.__dict__.get("_hash")
        if held is None:
            held = hash((self.kind, self.id, self.name, self.page, self.note))
            object.__setattr__(self, "_hash", held)
        return held


@dataclass(frozen=True)
class SourceRow:
    id: str
    title: str
    outlet: str
    published: PartialDate | None
    file_name: str
    url: str = ""  # the original address of a saved web page
    page: str | None = None  # the stem of its page under sources/, None when its id cannot be a file name


@dataclass(frozen=True)
class AmountRow:
    value_krw: int | None  # None for an amount in another currency (`value` and `currency` say it)
    text: str
    label: str
    kind_label: str
    context: str  # the event or document it was found in
    date: PartialDate | None = None
    currency: str = "KRW"
    value: int = 0  # in `currency`

@dataclass(frozen=True)
class QuoteRow:
    text: str
    speaker: Ref | None
    speaker_name: str
    context: str  # the document it was found in
    date: PartialDate | None = None


@dataclass(frozen=True)
class EventRow:
    """One event as shown in tables; `role` is filled on an organisation's or person's page."""

    id: str
    date: PartialDate
    end_date: PartialDate | None
    uncertain: bool
    type: str
    type_label: str
    title: str
    venue: str
    main: bool
    participants: list[Ref]
    people: list[Ref]
    attendees: int | None
    amounts: list[AmountRow]
    sources: list[SourceRow]
    evidence: list[str] = field(default_factory=list)  # the sentences the event was found in
    role: str = ""
    shown_for: str = ""  # on a person's page: their id (they are left out of `people`)
    places: list[Ref] = field(default_factory=list)  # the clusters it happens in, the programmes it concerns


def variant(row: EventRow, **changes: object) -> EventRow:
    """`dataclasses.replace(row, **changes)` without its per-field work (a build makes one copy of a
    row for every page the event shows on). EventRow has no __post_init__ and frozen fields only."""
    unknown = changes.keys() - _ROW_FIELDS
    if unknown:
        raise TypeError(f"EventRow has no field {sorted(unknown)[0]!r}")
    copy = object.__new__(EventRow)
    copy.__dict__.update(row.__dict__)
    copy.__dict__.update(changes)
    return copy


_ROW_FIELDS = frozenset(EventRow.__dataclass_fields__)


@dataclass(frozen=True)
class MonthGroup:
    """Events of one month (or one year, or an unknown year), in date order."""

    key: str
    label: str
    events: list[EventRow]


@dataclass(frozen=True)
class CountRow:
    """A named record and how often it appears (partners, type counts)."""

    ref: Ref | None
    label: str
    count: int


@dataclass(frozen=True)
class OrgRow:
    """One line of the organisation list."""

    ref: Ref
    name_en: str
    type_label: str
    aliases: list[str]
    events: int
    agreements: int
    people: int
    sources: int


@dataclass(frozen=True)
class PersonRow:
    """One line of the people list: the latest title and organisation."""

    ref: Ref
    title: str
    organisation: Ref | None
    events: int
    quotes: int
    sources: int


@dataclass(frozen=True)
class RoleRow:
    title: str
    organisation: Ref | None
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class PairRow:
    a: Ref
    b: Ref
    count: int


@dataclass(frozen=True, kw_only=True)
class Page:
    """What every template gets: language, labels, the path back to reports/, and whether to link."""

    lang: str
    labels: dict[str, str]
    root: str = ""  # "" on top-level pages, "../" on orgs/ and people/ pages
    links: bool = True  # False for terminal output and pages printed to stdout
    title: str = ""


@dataclass(frozen=True, kw_only=True)
class TimelineContext(Page):
    """timeline.md / timeline.html: events grouped by month, with the filter choices."""

    groups: list[MonthGroup]
    total: int
    org_choices: list[Ref]
    type_choices: list[tuple[str, str]]
    data_json: str = "{}"  # the events as JSON for the page's filter script (`<` escaped)
    place_choices: list[Ref] = field(default_factory=list)  # the clusters and programmes of the events
    filters: list[tuple[str, str]] = field(default_factory=list)  # filters applied on the command line


@dataclass(frozen=True, kw_only=True)
class OrgContext(Page):
    """org.md / org.html: everything known about one organisation."""

    org: Ref
    name_en: str
    type_label: str
    aliases: list[str]
    parent: Ref | None
    events: list[EventRow]
    agreements: list[EventRow]
    people: list[Ref]
    quotes: list[QuoteRow]
    amounts: list[AmountRow]
    partners: list[CountRow]
    sources: list[SourceRow]
    places: list[PlaceRow] = field(default_factory=list)  # its clusters and programmes (render/org_places.py)


@dataclass(frozen=True, kw_only=True)
class PersonContext(Page):
    """person.md / person.html: everything known about one person."""

    person: Ref
    name_en: str
    roles: list[RoleRow]
    events: list[EventRow]
    quotes: list[QuoteRow]
    orgs: list[CountRow]
    co_people: list[CountRow]
    sources: list[SourceRow]


@dataclass(frozen=True, kw_only=True)
class IndexContext(Page):
    """index.md / index.html: counts, latest events, all organisations and people."""

    events: int
    sources: int
    period: str
    recent: list[EventRow]
    types: list[CountRow]
    orgs: list[OrgRow]
    people: list[PersonRow]
    clusters: list[PlaceRow] = field(default_factory=list)
    programmes: list[PlaceRow] = field(default_factory=list)
    chart: str = ""  # the SVG of events per year by cluster (render/chart.py)
    chart_file: str = ""  # the chart as a file beside the page, for Markdown ('' when there is none)
    chart_alt: str = ""  # what the chart shows, in words (chart.describe)


@dataclass(frozen=True)
class PlaceRow:
    """One line of the list of clusters or programmes (the index's, an organisation's)."""

    ref: Ref
    kind_label: str
    note: str  # a cluster's region, a programme's owner; on an organisation's page, its home cluster's mark
    events: int


@dataclass(frozen=True, kw_only=True)
class PlaceContext(Page):
    """place.md / place.html: a cluster's or a programme's page."""

    place: Ref
    facts: list[tuple[str, str]]
    parent: Ref | None
    inside: list[Ref]
    events: list[EventRow]
    orgs: list[CountRow]
    people: list[CountRow]
    money_kinds: list[str]
    money: list[tuple[str, list[str]]]  # year, the amount of each kind
    amounts: list[AmountRow]
    chart: str = ""
    chart_file: str = ""  # the chart as a file beside the page, for Markdown ('' when there is none)
    chart_alt: str = ""  # what the chart shows, in words (chart.describe)
    bodies: list[Ref] = field(default_factory=list)  # a cluster's organisations at home in it


@dataclass(frozen=True, kw_only=True)
class NetworkContext(Page):
    """network.md: the co-participation graph as a Mermaid diagram and a table of pairs."""

    mermaid: str  # Mermaid source; labels already escaped for Mermaid by kb/network.py
    pairs: list[PairRow]
    shown: int
    total: int


@dataclass(frozen=True)
class TextPiece:
    """A run of a document's kept text: plain, or inside the sentence of an event or a quote (`block`),
    or one fact (`fact`: org, person, amount, date) with what it is (`note`) and its page (`ref`)."""

    text: str
    block: str = ""  # "event", "quote", or ""
    block_note: str = ""
    fact: str = ""
    note: str = ""
    ref: Ref | None = None


@dataclass(frozen=True, kw_only=True)
class SourceContext(Page):
    """source.md / source.html: one document, its kept text with each extracted fact marked."""

    source: SourceRow
    reporter: str
    format: str
    off_topic: str
    events: list[EventRow]
    paragraphs: list[list[TextPiece]]


@dataclass(frozen=True, kw_only=True)
class SearchContext(Page):
    """search.html: the offline search page; its data (terms from the search index) are in `scripts`."""

    data_json: str  # labels and settings
    scripts: list[str]  # the data files under reports/search/, loaded in this order
