"""The clusters and programmes of data/clusters.yaml and data/programmes.yaml (with those analysts curated
in records/), and where their names stand in a text.

Names are compared without spaces, middle dots and hyphens, and ASCII in lower case (K-바이오 랩허브,
K바이오랩허브 and k-바이오 랩허브 are one form). One Aho-Corasick pass (pyahocorasick) finds every form;
the leftmost longest wins where two overlap. A form of three characters or fewer (송도, 오송, 배곧) counts
only as a word of its own: after it may come a particle or a place ending (송도에서, 오송역, 오송캠퍼스),
before it nothing Korean but a region word (충북오송); 오송금 is no 오송. An ASCII form stands between
non-letters (IBIS, not in "ibises").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from biohub_cli.models.vocab import CLUSTER_KINDS, PROGRAMME_KINDS, ClusterKind, ProgrammeKind
from biohub_cli.names import normalise
from biohub_cli.store import yaml_io

DATA = Path(__file__).resolve().parent.parent / "data"
SHORT = 3  # forms this long or shorter must stand as a word of their own
_SQUASHED = frozenset(" \t\r\n\u00a0\u3000·ㆍ‧・-‐‑–—")
# what may follow a short form inside one written word: particles, and the endings of a place in it
_AFTER_SHORT = re.compile(
    r"^(?:은|는|이|가|을|를|에|에서|에서는|에서도|에는|에도|엔|의|와|과|와의|과의|와는|과는|도|로|으로|로의|으로의|"
    r"까지|부터|만|이나|나|이라|라|이다|이며|이자|처럼|보다|에게|쪽|측|이라는|라는|이란|란)$"
    r"|^(?:캠퍼스|공장|센터|역|읍|동|면|리|지구|일대|일원|내|권|지역|산단|단지|바이오|클러스터|신도시|국제도시)")
Kind = Literal["cluster", "programme"]


@dataclass(frozen=True)
class ClusterEntry:
    name: str
    aliases: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    province: str | None = None
    city: str | None = None
    kind: ClusterKind = "cluster"
    parent: str | None = None  # the parent cluster's name


@dataclass(frozen=True)
class ProgrammeEntry:
    name: str
    aliases: tuple[str, ...] = ()
    owner: str | None = None
    kind: ProgrammeKind = "other"


@dataclass(frozen=True, slots=True)
class NameHit:
    """A name found in a text: [start, end) in that text, the entry's canonical name, and whether the
    text named a place inside the cluster rather than the cluster (`site`)."""

    start: int
    end: int
    name: str
    site: bool = False


@lru_cache(maxsize=1)
def bundled() -> tuple[tuple[ClusterEntry, ...], tuple[ProgrammeEntry, ...]]:
    """The curated lists of data/ (checked: an unknown kind or parent is an error of the data)."""
    raw: Any = yaml_io.read_yaml(DATA / "clusters.yaml") or {}
    clusters = tuple(_cluster(item) for item in raw.get("clusters") or [])
    names = {c.name for c in clusters}
    for c in clusters:
        if c.parent is not None and c.parent not in names:
            raise ValueError(f"clusters.yaml: {c.name}: no cluster named {c.parent!r} (its parent)")
    raw = yaml_io.read_yaml(DATA / "programmes.yaml") or {}
    programmes = tuple(_programme(item) for item in raw.get("programmes") or [])
    return clusters, programmes


def _cluster(item: dict[str, Any]) -> ClusterEntry:
    kind: Any = item.get("kind") or "cluster"
    if kind not in CLUSTER_KINDS:
        raise ValueError(f"clusters.yaml: {item.get('name')}: unknown kind {kind!r}")
    region = item.get("region") or {}
    return ClusterEntry(name=str(item["name"]), aliases=tuple(map(str, item.get("aliases") or ())),
                        sites=tuple(map(str, item.get("sites") or ())),
                        bodies=tuple(map(str, item.get("bodies") or ())), province=region.get("province"),
                        city=region.get("city"), kind=kind, parent=item.get("parent"))


def _programme(item: dict[str, Any]) -> ProgrammeEntry:
    kind: Any = item.get("kind") or "other"
    if kind not in PROGRAMME_KINDS:
        raise ValueError(f"programmes.yaml: {item.get('name')}: unknown kind {kind!r}")
    return ProgrammeEntry(name=str(item["name"]), aliases=tuple(map(str, item.get("aliases") or ())),
                          owner=item.get("owner"), kind=kind)


@lru_cache(maxsize=64)
def squash(text: str) -> tuple[str, list[int]]:
    """The text without spaces, middle dots and hyphens, ASCII lower-cased, and the offset in `text` of
    each character kept (remembered for the last texts: clusters and programmes are found in the same ones)."""
    where = [i for i, c in enumerate(text) if c not in _SQUASHED]
    return "".join([text[i] for i in where]).translate(_ASCII_LOWER), where


_ASCII_LOWER = str.maketrans({c: c.lower() for c in 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'})


def _hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3"


class PlaceNames:
    """Every cluster and programme by every written form; later entries (the knowledge base's) win."""

    def __init__(self, clusters: Iterable[ClusterEntry] = (), programmes: Iterable[ProgrammeEntry] = ()) -> None:
        self.clusters: dict[str, ClusterEntry] = {}
        self.programmes: dict[str, ProgrammeEntry] = {}
        for c in clusters:
            self.clusters.pop(_key_in(self.clusters, c.name) or "", None)
            self.clusters[c.name] = c
        for p in programmes:
            self.programmes.pop(_key_in(self.programmes, p.name) or "", None)
            self.programmes[p.name] = p

    @classmethod
    def load(cls, clusters: Sequence[ClusterEntry] = (), programmes: Sequence[ProgrammeEntry] = ()) -> PlaceNames:
        """The bundled lists, then these entries (the knowledge base's curated records)."""
        base_clusters, base_programmes = bundled()
        return cls([*base_clusters, *clusters], [*base_programmes, *programmes])

    # -- finding names ---------------------------------------------------------------------------

    def find_clusters(self, text: str) -> list[NameHit]:
        return self._find(text, self._cluster_automaton)

    def find_programmes(self, text: str) -> list[NameHit]:
        return self._find(text, self._programme_automaton)

    def _find(self, text: str, automaton: Any) -> list[NameHit]:
        if not text or len(automaton) == 0:
            return []
        squashed, where = squash(text)
        found: list[tuple[int, int, str, bool]] = []
        for last, (form, name, site, short) in automaton.iter(squashed):
            first = last - len(form) + 1
            start, end = where[first], where[last] + 1
            if short and not _stands_alone(text, start, end):
                continue
            if form[0].isascii() and form[0].isalnum() and start > 0 and text[start - 1].isascii() \
                    and text[start - 1].isalnum():
                continue
            if form[-1].isascii() and form[-1].isalnum() and end < len(text) and text[end].isascii() \
                    and text[end].isalnum():
                continue
            found.append((start, end, name, site))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
        out: list[NameHit] = []
        for start, end, name, site in found:
            if out and start < out[-1].end:
                continue
            out.append(NameHit(start, end, name, site))
        return out

    @cached_property
    def _cluster_automaton(self) -> Any:
        forms: dict[str, tuple[str, bool]] = {}
        for c in self.clusters.values():
            for form in (c.name, *c.aliases):
                forms.setdefault(squash(form)[0], (c.name, False))
        for c in self.clusters.values():
            for form in c.sites:
                forms.setdefault(squash(form)[0], (c.name, True))
        return _automaton(forms)

    @cached_property
    def _programme_automaton(self) -> Any:
        forms: dict[str, tuple[str, bool]] = {}
        for p in self.programmes.values():
            for form in (p.name, *p.aliases):
                forms.setdefault(squash(form)[0], (p.name, False))
        return _automaton(forms, strict_short=False)

    # -- lookups ---------------------------------------------------------------------------------

    def cluster(self, name: str) -> ClusterEntry | None:
        return self._cluster_keys.get(normalise(name))

    def programme(self, name: str) -> ProgrammeEntry | None:
        return self._programme_keys.get(normalise(name))

    @cached_property
    def _cluster_keys(self) -> dict[str, ClusterEntry]:
        keys: dict[str, ClusterEntry] = {}
        for c in self.clusters.values():
            for form in (c.name, *c.aliases):
                keys.setdefault(normalise(form), c)
        return keys

    @cached_property
    def _programme_keys(self) -> dict[str, ProgrammeEntry]:
        keys: dict[str, ProgrammeEntry] = {}
        for p in self.programmes.values():
            for form in (p.name, *p.aliases):
                keys.setdefault(normalise(form), p)
        return keys

    @cached_property
    def homes(self) -> dict[str, str]:
        """Normalised organisation name -> the cluster it is at home in (its `bodies`)."""
        out: dict[str, str] = {}
        for c in self.clusters.values():
            for body in c.bodies:
                out.setdefault(normalise(body), c.name)
        return out

    @cached_property
    def region_words(self) -> frozenset[str]:
        """Short region words that may be written onto a short form (충북오송, 인천송도)."""
        words: set[str] = set()
        for c in self.clusters.values():
            for place in (c.province, c.city):
                if place:
                    words.add(_short_region(place))
        return frozenset(w for w in words if len(w) >= 2)


_REGION_SHORT = {"충청북도": "충북", "충청남도": "충남", "경상북도": "경북", "경상남도": "경남", "전라남도": "전남",
                 "전라북도": "전북", "전북특별자치도": "전북", "강원특별자치도": "강원", "제주특별자치도": "제주"}


def _short_region(place: str) -> str:
    if place in _REGION_SHORT:
        return _REGION_SHORT[place]
    for ending in ("특별자치시", "특별시", "광역시", "시", "군", "구", "도"):
        if place.endswith(ending) and len(place) > len(ending) + 1:
            return place[: -len(ending)]
    return place


def _key_in(table: dict[str, Any], name: str) -> str | None:
    key = normalise(name)
    return next((k for k in table if normalise(k) == key), None)


def _automaton(forms: dict[str, tuple[str, bool]], *, strict_short: bool = True) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form, (name, site) in sorted(forms.items()):
        if form:
            automaton.add_word(form, (form, name, site, strict_short and len(form) <= SHORT))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A short form as a word of its own: see the module's docstring."""
    after = end
    while after < len(text) and _hangul(text[after]):
        after += 1
    if after > end and not _AFTER_SHORT.search(text[end:after]):
        return False
    before = start
    while before > 0 and _hangul(text[before - 1]):
        before -= 1
    return before == start or text[before:start] in _regions()


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    clusters, _ = bundled()
    return PlaceNames(clusters).region_words | frozenset(
        {"서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남",
         "경북", "경남", "제주"})
