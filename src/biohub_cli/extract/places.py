"""Clusters and programmes named in the Korean story, each with its evidence.

A cluster is named by one of its names or by a site inside it (PlaceNames); a place the text writes with
a cluster's ending that no list holds (충주 바이오헬스 국가산업단지, 제천 바이오밸리) is a cluster of its
own, with the kind its ending gives: the knowledge base grows as organisations grow. A programme is named
by its name or an alias, with or without what follows it (K-바이오 랩허브 구축사업, 바이오 특화단지 지정).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from biohub_cli.extract.place_names import DATA, NameHit, PlaceNames
from biohub_cli.extract.spans import body_sentences
from biohub_cli.models.facts import ClusterMention, ProgrammeMention
from biohub_cli.models.stages import Analysed
from biohub_cli.models.vocab import ClusterKind
from biohub_cli.names import normalise
from biohub_cli.store import yaml_io

# endings that make a place name a cluster, longest first, and the kind each gives
_ENDINGS: tuple[tuple[str, ClusterKind], ...] = (
    (r"국가\s?산업\s?단지", "national_complex"), (r"국가\s?산단", "national_complex"),
    (r"규제\s?자유\s?특구", "regulation_free_zone"), (r"연구\s?개발\s?특구", "rnd_special_zone"),
    (r"첨단\s?의료\s?복합\s?단지", "medical_complex"), (r"일반\s?산업\s?단지", "industrial_complex"),
    (r"바이오\s?산업\s?단지", "industrial_complex"), (r"바이오\s?클러스터", "cluster"),
    (r"바이오\s?밸리", "cluster"), (r"테크노\s?밸리", "cluster"), (r"특구", "special_zone"))
_WORD = r"[가-힣A-Za-z0-9&]{1,12}(?<![은는이가을를에의와과로도])"


def find_clusters(analysed: Analysed, names: PlaceNames) -> list[ClusterMention]:
    """Every cluster named in the story, in text order."""
    out: list[ClusterMention] = []
    for sent in body_sentences(analysed):
        hits = names.find_clusters(sent.text)
        for h in hits:
            out.append(_mention(analysed, sent.start, sent.text, h))
        taken = [(h.start, h.end) for h in hits]
        for m in _new_places().finditer(sent.text):
            start, end = m.span("name")
            if any(a < end and start < b for a, b in taken):
                continue  # a known cluster's name is part of it
            surface = sent.text[start:end]
            if _not_a_name(surface, m["ending"]):
                continue
            if normalise(surface) in names.homes:
                continue  # an organisation at home in a cluster (원주의료기기테크노밸리), not a cluster
            kind = next(k for pattern, k in _ENDINGS if re.fullmatch(pattern, m["ending"]))
            ev = analysed.evidence(sent.start + start, sent.start + end)
            out.append(ClusterMention(surface=surface, name=" ".join(surface.split()), kind=kind, evidence=ev))
    return out + _short_forms(analysed, out)


# a word written with a complex's ending, which may be a short form of a cluster the story named before
_SHORT_FORM = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]{2,12}?(?:산업단지|산단|단지|특구|클러스터|밸리)")
_GENERIC = re.compile(r"국가|일반|산업|첨단|제|\d+")


def _short_forms(analysed: Analysed, named: list[ClusterMention]) -> list[ClusterMention]:
    """A cluster named again by a short form of the name the story gave it before (경북바이오2차산업단지
    … 바이오2차단지 기공식; 오송 제3생명과학국가산업단지 … 제3국가산단): the word keeps the name's letters
    in order, ends as a complex does, and holds more than the generic words (국가산단, 산업단지 name
    nothing). A short form that could stand for two clusters of the story names neither."""
    if not named:
        return []
    out: list[ClusterMention] = []
    taken = {(m.evidence.start, m.evidence.end) for m in named}
    for sent in body_sentences(analysed):
        for m in _SHORT_FORM.finditer(sent.text):
            start, end = sent.start + m.start(), sent.start + m.end()
            if any(a < end and start < b for a, b in taken):
                continue
            word = m.group()
            if len(_GENERIC.sub("", re.sub(r"(?:산업단지|산단|단지|특구|클러스터|밸리)$", "", word))) < 2:
                continue
            before = {c.name for c in named if c.evidence.end <= start and not c.site
                      and _in_order(word, c.surface.replace(" ", ""))}
            if len(before) == 1:
                out.append(ClusterMention(surface=word, name=before.pop(), evidence=analysed.evidence(start, end)))
    return out


def _in_order(short: str, name: str) -> bool:
    """Every letter of `short` in `name`, in order, the last two letters the name's last two (a short
    form keeps the ending)."""
    keeps_ending = short[-2:] == name[-2:] or (short.endswith("산단") and name.endswith("산업단지"))
    if len(short) >= len(name) or not keeps_ending:
        return False
    rest = iter(name)
    return all(c in rest for c in short)


def find_programmes(analysed: Analysed, names: PlaceNames) -> list[ProgrammeMention]:
    """Every programme named in the story, in text order."""
    out: list[ProgrammeMention] = []
    for sent in body_sentences(analysed):
        for h in names.find_programmes(sent.text):
            surface = sent.text[h.start:h.end]
            out.append(ProgrammeMention(surface=surface, name=h.name,
                                        evidence=analysed.evidence(sent.start + h.start, sent.start + h.end)))
    return out


_COUNTED = re.compile(r"(?:^|\s)(?:등|및|와|과)(?:\s|$)|\d+\s?(?:개|곳|군데)")


def _not_a_name(surface: str, ending: str) -> bool:
    """A list or a count (충남 등 7개 규제자유특구), or a place with a bare 특구 (울산특구: any zone of it)."""
    if _COUNTED.search(surface):
        return True
    return re.fullmatch(r"특구", ending) is not None and len(surface.split()) == 1 and len(surface) <= 5


def _mention(analysed: Analysed, offset: int, text: str, h: NameHit) -> ClusterMention:
    return ClusterMention(surface=text[h.start:h.end], name=h.name, site=h.site,
                          evidence=analysed.evidence(offset + h.start, offset + h.end))


@lru_cache(maxsize=1)
def _new_places() -> re.Pattern[str]:
    """A place word (a province, city or county of the gazetteer), up to two words, then a cluster's ending."""
    places = sorted(_place_words(), key=lambda w: (-len(w), w))
    endings = "|".join(pattern for pattern, _ in _ENDINGS)
    return re.compile(
        rf"(?<![가-힣A-Za-z0-9])(?P<name>(?:{'|'.join(map(re.escape, places))})(?:\s?{_WORD}){{0,2}}?\s?"
        rf"(?P<ending>{endings}))(?![가-힣]{{0,3}}(?:협의회|협의체|추진단|위원회|재단|진흥원|사업단|센터|본부|공단))")


def _place_words() -> set[str]:
    """Province short forms (충북, 경남) and the names of cities and counties without 시/군 (충주, 화순)."""
    raw: Any = yaml_io.read_yaml(DATA / "orgs" / "local_governments.yaml") or {}
    words: set[str] = set()
    for item in raw.get("government") or []:
        words.update(str(a) for a in item.get("abbrev") or ())
        name = str(item["name"])
        if " " not in name and name.endswith(("시", "군")) and len(name) >= 3 and "광역" not in name \
                and "특별" not in name:
            words.add(name[:-1])
    return {w for w in words if len(w) >= 2}
