"""The shapes of a credit around a story: reporters' names, e-mails, a person's name on its own."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from biohub_cli.clean.cues import cues
from biohub_cli.store import yaml_io

NAME = r"[가-힣]{2,4}"
NAMES = rf"{NAME}(?:\s*[·,ㆍ/]\s*{NAME})*"
REPORTER_ROLE = r"(?:선임|수석|객원|전문|인턴|편집|취재|사진|영상|시민|대표)?"
REPORTER = rf"(?P<names>{NAMES})\s*{REPORTER_ROLE}\s*(?:기자|특파원|통신원)"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

_TITLES_YAML = Path(__file__).resolve().parent.parent / "data" / "titles.yaml"


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    data = yaml_io.read_yaml(_TITLES_YAML) or {}
    values = data.get("surnames") if isinstance(data, dict) else None
    return frozenset(str(s) for s in values or () if str(s).strip())


def person_name(word: str) -> bool:
    """A Korean personal name written alone: a family name and one or two more syllables ("박주범")."""
    if not 2 <= len(word) <= 4 or not all("가" <= ch <= "힣" for ch in word):
        return False
    surnames = _surnames()
    family = 2 if len(word) == 4 and word[:2] in surnames else 1
    return word[:family] in surnames and len(word) - family in (1, 2)


def is_issuer(name: str) -> bool:
    """A public body's name on its own: "인천광역시", "보건복지부", "인천경제자유구역청" (not "미래산업과")."""
    if not 3 <= len(name) <= 20 or not all("가" <= ch <= "힣" for ch in name):
        return False
    if name.endswith(cues().issuer_excluded):
        return False
    return name.endswith(cues().issuer_suffixes)


def signature(text: str) -> bool:
    """"서울특별시 강남구청장", "강남세움복지관장": who signs a notice (a short line ending with a head's title)."""
    text = text.strip()
    return 3 <= len(text) <= 30 and all("가" <= ch <= "힣" or ch == " " for ch in text) \
        and text.endswith(cues().title_signatures)
