"""The curated lexicon: organisations, titles and name rules, kept as data in biohub_cli/data/."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from biohub_cli.extract.place_names import ClusterEntry, PlaceNames, ProgrammeEntry
from biohub_cli.models.vocab import ORG_TYPES, OrgType
from biohub_cli.names import normalise
from biohub_cli.store import yaml_io

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class OrgEntry:
    name: str
    type: OrgType = "other"
    aliases: tuple[str, ...] = ()
    name_en: str | None = None
    parent: str | None = None
    abbrev: tuple[str, ...] = ()  # 경남 for 경상남도: the body only in a list of bodies, otherwise a place


@dataclass(frozen=True)
class Rules:
    suffixes: tuple[tuple[str, OrgType], ...]  # longest first
    generic: frozenset[str]
    venue_suffixes: tuple[str, ...]
    titles: tuple[str, ...]  # longest first
    bylines: frozenset[str]
    surnames: frozenset[str]
    romanised: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: frozenset[str] = frozenset()
    attached_only: frozenset[str] = frozenset()  # suffixes that are no organisation as a word of their own
    kind_suffixes: tuple[str, ...] = ()  # facility and unit suffixes: a few common syllables before one make a kind
    kind_syllables: int = 0
    facility_words: tuple[str, ...] = ()  # a name holding one of these is a facility or zone (venue, place)
    countries: frozenset[str] = frozenset()  # a ministry named after one is that country's


@lru_cache(maxsize=1)
def _bundled() -> tuple[tuple[OrgEntry, ...], Rules]:
    # the national gazetteer (data/orgs/), then the curated bodies of the clusters, which win on a clash
    files = [*sorted((DATA / "orgs").glob("*.yaml")), DATA / "organizations.yaml"]
    entries = [entry for path in files for entry in _read_orgs(path)]
    rules: Any = yaml_io.read_yaml(DATA / "org_rules.yaml") or {}
    people: Any = yaml_io.read_yaml(DATA / "titles.yaml") or {}
    suffixes = sorted(((str(k), v) for k, v in (rules.get("suffixes") or {}).items()), key=lambda kv: -len(kv[0]))
    return tuple(entries), Rules(
        suffixes=tuple(suffixes), generic=frozenset(rules.get("generic") or ()),
        venue_suffixes=tuple(rules.get("venue_suffixes") or ()),
        titles=tuple(sorted({str(t) for t in people.get("titles") or ()}, key=lambda t: -len(t))),
        bylines=frozenset(people.get("bylines") or ()), surnames=frozenset(people.get("surnames") or ()),
        romanised={k: tuple(v) for k, v in (people.get("romanised") or {}).items()},
        places=frozenset(rules.get("places") or ()), attached_only=frozenset(rules.get("attached_only") or ()),
        kind_suffixes=tuple(rules.get("kind_suffixes") or ()), kind_syllables=int(rules.get("kind_syllables") or 0),
        facility_words=tuple(rules.get("facility_words") or ()), countries=frozenset(rules.get("countries") or ()))


def _read_orgs(path: Path) -> list[OrgEntry]:
    """One organisations file: {type: [{name, aliases, abbrev, name_en, parent}, …]}."""
    raw: Any = yaml_io.read_yaml(path) or {}
    out = []
    for type_, items in raw.items():
        if type_ not in ORG_TYPES:
            raise ValueError(f"{path.name}: unknown type {type_!r}")
        for item in items or []:
            out.append(OrgEntry(name=str(item["name"]), type=type_, aliases=tuple(item.get("aliases") or ()),
                                name_en=item.get("name_en"), parent=item.get("parent"),
                                abbrev=tuple(item.get("abbrev") or ())))
    return out


def bundled_titles() -> tuple[str, ...]:
    """The titles of office of data/titles.yaml, longest first."""
    return _bundled()[1].titles


_MEMO_MAX = 100_000


class Lexicon:
    """Organisations by every form, plus the rules the extractors use."""

    def __init__(self, entries: Sequence[OrgEntry], rules: Rules, people: Sequence[str] = (),
                 places: PlaceNames | None = None) -> None:
        self.rules = rules
        self.places = places if places is not None else PlaceNames.load()  # clusters and programmes
        self.entries: dict[str, OrgEntry] = {}
        self._forms: dict[str, OrgEntry] = {}
        for e in entries:  # later entries (the knowledge base's) win over bundled ones
            self.entries[e.name] = e
        for e in list(self.entries.values()):
            parent = self.entries.get(e.parent or "")
            if parent is not None and e.name.endswith(rules.venue_suffixes):
                # a campus is where its university is: its names name the university
                del self.entries[e.name]
                self.entries[parent.name] = replace(parent, aliases=(*parent.aliases, e.name, *e.aliases))
        for e in list(self.entries.values()):
            if e.type == "university" and "National University" in (e.name_en or ""):
                # 국립안동대, 국립부경대학교: the press writes 국립 before a national university's names
                national = tuple(f"국립{f}" for f in (e.name, *e.aliases)
                                 if not f.startswith("국립") and not f.isascii())
                self.entries[e.name] = replace(e, aliases=(*e.aliases, *(a for a in national if a not in e.aliases)))
        for e in self.entries.values():
            for form in (e.name, *e.aliases):
                self._forms[normalise(form)] = e
        for e in self.entries.values():
            self._forms.setdefault(normalise(e.name), e)
        self._english = {normalise(e.name_en): e for e in self.entries.values() if e.name_en}
        self.people = tuple(sorted(set(people)))
        self.memo: dict[tuple[str, str], Any] = {}  # (question, text) → answer: see `remembered`
        self._looked_up: dict[str, OrgEntry | None] = {}

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        """Bare place words that name a body only in a list of bodies (경남, 대전): otherwise places."""
        return frozenset(a for e in self.entries.values() for a in e.abbrev)

    @cached_property
    def abbreviated(self) -> dict[str, OrgEntry]:
        """The body each bare place word stands for in a list of bodies (경남 → 경상남도)."""
        return {a: e for e in sorted(self.entries.values(), key=lambda e: e.name) for a in e.abbrev}

    def remembered(self, question: str, text: str, answer: Callable[[str, Lexicon], Any]) -> Any:
        """`answer(text, self)`, computed once per lexicon (answers depend on the text and the lexicon only)."""
        key = (question, text)
        try:
            return self.memo[key]
        except KeyError:
            if len(self.memo) >= _MEMO_MAX:
                self.memo.clear()
            value = self.memo[key] = answer(text, self)
            return value

    @classmethod
    def load(cls, extra_orgs: Sequence[OrgEntry] = (), extra_people: Sequence[str] = (),
             extra_clusters: Sequence[ClusterEntry] = (), extra_programmes: Sequence[ProgrammeEntry] = ()) -> Lexicon:
        bundled, rules = _bundled()
        return cls([*bundled, *extra_orgs], rules, extra_people, PlaceNames.load(extra_clusters, extra_programmes))

    def lookup(self, surface: str) -> OrgEntry | None:
        try:
            return self._looked_up[surface]
        except KeyError:
            if len(self._looked_up) >= _MEMO_MAX:
                self._looked_up.clear()
            found = self._looked_up[surface] = self._forms.get(normalise(surface))
            return found

    def lookup_english(self, text: str) -> OrgEntry | None:
        return self._english.get(normalise(text))

    # The form lists below are computed once per lexicon: a Lexicon is not changed after it is built.

    def surface_forms(self) -> list[tuple[str, OrgEntry]]:
        """Every written form, longest first (for scanning text)."""
        return list(self._surface_forms)

    @cached_property
    def _surface_forms(self) -> tuple[tuple[str, OrgEntry], ...]:
        forms = {(f, e.name) for e in self.entries.values() for f in (e.name, *e.aliases) if len(f) >= 2}
        return tuple((f, self.entries[n]) for f, n in sorted(forms, key=lambda fn: (-len(fn[0]), fn[0], fn[1])))

    @cached_property
    def scan_forms(self) -> tuple[tuple[str, OrgEntry], ...]:
        """The surface forms worth looking for in Korean text (ASCII forms of one or two letters are not),
        and each form written with spaces also without them (노보 노디스크 as 노보노디스크)."""
        # a form named by two entries (GC녹십자: a name and another entry's alias) finds the one `lookup` gives
        forms = {f: self._forms[normalise(f)] for f, _ in self._surface_forms if not (f.isascii() and len(f) < 3)}
        for f in [f for f in forms if " " in f]:
            forms.setdefault(f.replace(" ", ""), forms[f])
        return tuple(sorted(forms.items(), key=lambda fe: (-len(fe[0]), fe[0])))

    @cached_property
    def scan_automaton(self) -> Any:
        """An Aho-Corasick automaton of scan_forms (pyahocorasick): one pass over a sentence finds every
        occurrence of every form, each reported with its place in scan_forms."""
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for i, (form, entry) in enumerate(self.scan_forms):
            automaton.add_word(form, (i, form, entry))
        automaton.make_automaton()
        return automaton

    def english_forms(self) -> list[tuple[str, OrgEntry]]:
        return list(self._english_forms)

    @cached_property
    def _english_forms(self) -> tuple[tuple[str, OrgEntry], ...]:
        forms = [(e.name_en, e) for e in self.entries.values() if e.name_en]
        forms += [(a, e) for e in self.entries.values() for a in e.aliases if a.isascii() and len(a) >= 3]
        return tuple(sorted(((f, e) for f, e in forms if f), key=lambda fe: (-len(fe[0]), fe[0])))

    @cached_property
    def english_patterns(self) -> tuple[tuple[str, re.Pattern[str], OrgEntry], ...]:
        """(form lowercased if ASCII else "", whole-word case-insensitive pattern, entry), longest form first."""
        return tuple((f.lower() if f.isascii() else "",
                      re.compile(r"(?<![A-Za-z])" + re.escape(f) + r"(?![A-Za-z])", flags=re.IGNORECASE), e)
                     for f, e in self._english_forms)

    @cached_property
    def suffixes_by_length(self) -> tuple[tuple[int, dict[str, OrgType]], ...]:
        """The suffix rules grouped by length, longest first: the first suffix that fits wins."""
        groups: dict[int, dict[str, OrgType]] = {}
        for suffix, type_ in self.rules.suffixes:
            groups.setdefault(len(suffix), {}).setdefault(suffix, type_)
        return tuple(sorted(groups.items(), reverse=True))

    @cached_property
    def suffixes_by_length_map(self) -> dict[str, OrgType]:
        """Every suffix rule and its type."""
        return {suffix: type_ for _, by_suffix in self.suffixes_by_length for suffix, type_ in by_suffix.items()}

    def user_words(self) -> list[tuple[str, str]]:
        return list(self._user_words)

    @cached_property
    def _user_words(self) -> tuple[tuple[str, str], ...]:
        words = {f for e in self.entries.values() for f in (e.name, *e.aliases)
                 if len(f) >= 2 and " " not in f and not f.isascii()}
        words |= {p for p in self.people if 2 <= len(p) <= 4}
        # loanword suffixes Kiwi may read with the particle after them as one noun (`얼라이언스를`)
        nouns = {s for s, _ in self.rules.suffixes if len(s) >= 4 and s.isalpha()} - words
        return tuple(sorted([(w, "NNP") for w in words] + [(n, "NNG") for n in nouns]))

    def titles(self) -> tuple[str, ...]:
        return self.rules.titles

    def org_type_of(self, name: str) -> OrgType:
        """The type a suffix rule gives a name, or "other"."""
        for suffix, type_ in self.rules.suffixes:
            if name.endswith(suffix):
                return type_
        return "other"
