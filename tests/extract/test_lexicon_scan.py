"""The lexicon scan finds exactly what one regex per form found (the slow path it replaced), and the
lexicon's form lists are computed once and handed out as copies."""

from __future__ import annotations

import re

from biohub_cli.extract import orgs
from biohub_cli.extract.lexicon import Lexicon, OrgEntry, _bundled
from biohub_cli.models.stages import Sentence


def _lexicon() -> Lexicon:
    extra = [OrgEntry(name="케이바이오랩", type="company", aliases=("KBL", "K바이오랩", "바이오랩"),
                      name_en="K-Bio Lab"),
             OrgEntry(name="송도연구원", type="research", aliases=("SRI",), name_en="Songdo Research Institute")]
    entries, rules = _bundled()
    return Lexicon([*entries, *extra], rules)


def _sentence(text: str, start: int = 40, segment: str = "body") -> Sentence:
    return Sentence(text=text, start=start, end=start + len(text), tokens=(), segment=segment)  # type: ignore[arg-type]


def _reference_forms(sent: Sentence, lexicon: Lexicon) -> list[tuple[int, int, str, str]]:
    """The former implementation: re.finditer(re.escape(form)) for every surface form."""
    out = []
    for form, entry in lexicon.surface_forms():
        if form.isascii() and len(form) < 3:
            continue
        for m in re.finditer(re.escape(form), sent.text):
            before = sent.text[m.start() - 1] if m.start() else " "
            if before.isalnum():
                continue
            if form.isascii():
                after = sent.text[m.end()] if m.end() < len(sent.text) else " "
                if after.isascii() and after.isalnum():
                    continue
            out.append((sent.start + m.start(), sent.start + m.end(), form, entry.name))
    return out


def _reference_english(sent: Sentence, lexicon: Lexicon) -> list[tuple[int, int, str, str]]:
    out = []
    for form, entry in lexicon.english_forms():
        pattern = r"(?<![A-Za-z])" + re.escape(form) + r"(?![A-Za-z])"
        for m in re.finditer(pattern, sent.text, flags=re.IGNORECASE):
            out.append((sent.start + m.start(), sent.start + m.end(), m.group(), entry.name))
    return out


KOREAN = [
    "케이바이오랩은 K바이오랩 연구동에서 바이오랩 협의체와 KBL 시제품을 공개했다.",
    "KBLX와 xKBL은 이름이 아니고, KBL-2는 KBL이다. 신케이바이오랩은 다른 곳이다.",
    "송도연구원(SRI)과 케이바이오랩케이바이오랩이 이어 붙은 글자도 찾는다.",
    "아무 기관도 나오지 않는 문장이다.",
]
ENGLISH = [
    "K-Bio Lab and k-bio lab signed with SONGDO RESEARCH INSTITUTE and Kbl.",
    "The K-Bio Labs team is not a match, but (k-bio lab) is; SRI-2 and xSRI differ.",
    "케이바이오랩 (K-Bio Lab) met the Songdo Research Institute at 송도.",
]


def _as_tuples(cands: list[orgs._Cand]) -> list[tuple[int, int, str, str]]:
    return [(c.start, c.end, c.surface, c.name) for c in cands]


def test_the_korean_scan_finds_what_one_regex_per_form_found() -> None:
    lexicon = _lexicon()
    for text in KOREAN:
        sent = _sentence(text)
        assert sorted(_as_tuples(list(orgs._lexicon_forms(sent, lexicon)))) == sorted(_reference_forms(sent, lexicon))
    found = {c.surface for c in orgs._lexicon_forms(_sentence(KOREAN[0]), lexicon)}
    assert {"케이바이오랩", "K바이오랩", "KBL"} <= found
    assert not any(c.surface == "KBL" for c in orgs._lexicon_forms(_sentence("xKBL KBLX"), lexicon))


def test_the_english_scan_finds_what_one_regex_per_form_found_whatever_the_case() -> None:
    lexicon = _lexicon()
    for text in ENGLISH:
        sent = _sentence(text, segment="translation")
        got = _as_tuples(list(orgs._english(None, sent, lexicon)))  # type: ignore[arg-type]
        assert got == _reference_english(sent, lexicon)
    got = _as_tuples(list(orgs._english(None, _sentence(ENGLISH[0]), lexicon)))  # type: ignore[arg-type]
    assert [g[2] for g in got if g[3] == "케이바이오랩"] == ["K-Bio Lab", "k-bio lab", "Kbl"]


def test_form_lists_are_computed_once_and_handed_out_as_copies() -> None:
    lexicon = _lexicon()
    first = lexicon.surface_forms()
    first.clear()
    assert lexicon.surface_forms() and lexicon.surface_forms() == lexicon.surface_forms()
    words = lexicon.user_words()
    words.append(("가짜", "NNP"))
    assert ("가짜", "NNP") not in lexicon.user_words()
    assert lexicon.scan_forms is lexicon.scan_forms
    assert all(not (f.isascii() and len(f) < 3) for f, _ in lexicon.scan_forms)


def test_suffix_rules_pick_the_longest_suffix_first() -> None:
    lexicon = _lexicon()
    for core in ("인천바이오협의회", "테크노파크", "송도연구원", "바이오", "센터", "인하대학교병원"):
        expected = next((t for s, t in lexicon.rules.suffixes if core.endswith(s)), None)
        assert orgs._suffix_type(core, lexicon) == expected
