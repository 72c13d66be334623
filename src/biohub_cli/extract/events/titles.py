"""Short event titles: the quoted name when the text gives one, else the name and its cue verb."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from biohub_cli.extract.events.clauses import Cue, decided_name
from biohub_cli.extract.events.cues import event_cues, type_of_name
from biohub_cli.extract.events.phrases import Phrase, clean_name
from biohub_cli.extract.spans import quoted_names
from biohub_cli.models.stages import Sentence

_ORDINAL_ONLY = re.compile(r"^(?:제?\s*\d+\s*(?:회|차)|(?:첫|두|세|네|다섯)\s*번째)?"
                           r"\s*(?:정기|임시|전체)?\s*")
_VERB_WORDS: dict[str, dict[str, str]] = {
    "sign": {"맺": "체결", "서명": "체결"},
    "announce": {"내놓": "발표"},
    "meet": {"만나": "회동"},
    "rename": {"바꾸": "명칭 변경", "변경": "명칭 변경", "개명": "명칭 변경", "개칭": "명칭 변경"},
}
_IMPLIED = {"announce": "announcement", "designate": "designation", "fund": "funding", "launch": "launch",
            "sign": "agreement"}


def title_for(cue: Cue, name: Phrase | None, host: Sequence[str], *, generic_prefix: str = "") -> str:
    """'제5회 … 추진협의회' (hold), '… 혁신전략(IBIS) 발표' (announce), '… 추진협의회 구성' (launch)."""
    verb = "" if cue.kind in ("hold", "attend") else _VERB_WORDS.get(cue.kind, {}).get(cue.stem, cue.stem)
    if cue.kind == "decide" and name is not None:
        decided = decided_name(name.text)
        if decided != name.text and type_of_name(decided) is not None:
            return decided  # `… 특화단지 지정안 의결` → `… 특화단지 지정`
        if decided != name.text:
            return f"{decided} {verb}"  # `제5공장 건설 안건 의결` → `제5공장 건설 의결`
    if cue.kind == "rename" and name is not None and any(n in name.text for n in event_cues().rename_objects):
        name = None  # `명칭을 변경`: the body renamed is the host
    if name is None:
        base = host[0] if host else generic_prefix
        return clean_name(f"{base} {verb}") or verb or "행사"
    text = name.text
    if is_generic(text):
        prefix = host[0] if host else generic_prefix
        text = clean_name(f"{prefix} {text}")
    squashed = "".join(text.split())
    if not verb or squashed.endswith(verb):
        return text
    if type_of_name(text) == _IMPLIED.get(cue.kind) and _ends_with_cue(text):
        return text  # `협약식을 체결`, `출범식을 개최`
    return f"{text} {verb}"


def agreement_title(sentences: Sequence[Sentence], name: Phrase | None, host: Sequence[str],
                    skip: Collection[int] = ()) -> tuple[str, list[Phrase]]:
    """One quoted agreement: its name. Several signed together: 'A 및 B 체결'. None quoted: parties + noun."""
    if name is not None and name.quoted and type_of_name(name.text) == "agreement":
        return name.text, [name]
    names: list[Phrase] = []
    for i, s in enumerate(sentences):
        if i in skip:
            continue
        for q in quoted_names(s):
            text = clean_name(q.text)
            new = all(n.text != text for n in names)
            if new and type_of_name(text) == "agreement" and not is_generic(text):
                names.append(Phrase(q.start, q.end, text, quoted=True))
    if len(names) == 1:
        return names[0].text, names
    if names:
        return " 및 ".join(n.text for n in names) + " 체결", names
    base = name.text if name else "협약"
    if host and is_generic(base):
        return f"{'·'.join(host)} {base} 체결", []
    return (base if base.endswith(("체결", "체결식")) else f"{base} 체결"), []  # `토지매매계약 체결식`


def is_generic(text: str) -> bool:
    """`회의`, `1차 회의`, `출범식`, `2건의 협약`: a bare cue noun that names nothing by itself."""
    rest = _ORDINAL_ONLY.sub("", text).strip()
    rest = re.sub(r"^\d+\s*(?:건|개|개의|건의)\s*의?\s*", "", rest).strip()
    squashed = "".join(rest.split())
    return not squashed or squashed in _squashed_nouns()


def _ends_with_cue(text: str) -> bool:
    return "".join(text.split()).endswith(_squashed_noun_tuple())


@lru_cache(maxsize=1)
def _squashed_nouns() -> frozenset[str]:
    """The cue nouns with their spaces removed (the bundled cues do not change)."""
    return frozenset(_squashed_noun_tuple())


@lru_cache(maxsize=1)
def _squashed_noun_tuple() -> tuple[str, ...]:
    return tuple("".join(n.split()) for n, _ in event_cues().nouns)


_DATE_WORD = re.compile(r"^(?:\d{1,4}\s*(?:년|월|일)|제?\d{1,3}(?:회|차)|\d{1,3}번째|번째|첫|두|세|네|다섯)$")
_YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def is_vacuous(title: str) -> bool:
    """A title made only of time words, vague words and event nouns names nothing: `지난해 행사`,
    `이번 회의`, `올해 사업 선정`."""
    cues = event_cues()
    nouns = {"".join(n.split()) for n, _ in cues.nouns}
    vague = cues.vague_words | {w for w, _ in cues.year_words} | set(cues.verbs) | set(cues.rename_objects)
    vague |= {v for words in _VERB_WORDS.values() for v in words.values()}
    words = [w for w in re.split(r"[\s·,]+", clean_name(title)) if w]
    return all(w in vague or w in nouns or _DATE_WORD.match(w) for w in words)


def year_shift(title: str) -> int | None:
    """The year a time word in a title points to, relative to the story's: `지난해 행사` → -1."""
    for word, shift in event_cues().year_words:  # longest first
        if re.search(rf"(?:^|\s){re.escape(word)}(?:\s|$)", title):
            return shift
    return None


def series_title(main_title: str, main_year: int | None, year: int | None) -> str | None:
    """Another edition of a yearly series: `BIO KOREA 2025` (held in 2025) → `BIO KOREA 2024` for the
    edition of 2024. None when the main title carries no year of its own."""
    if main_year is None or year is None or year == main_year:
        return None
    found = [m for m in _YEAR_IN_TITLE.finditer(main_title) if int(m.group(1)) == main_year]
    if len(found) != 1:
        return None
    m = found[0]
    return f"{main_title[:m.start()]}{year}{main_title[m.end():]}"
