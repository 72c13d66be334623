"""What an event is about when its clause names little more than its kind, and who it is by.

- `widen`: the name with what it belongs to (`제1공장의 상량식` → `제1공장 상량식`, `롯데바이오의 ‘…’ 상량식`)
  and the things joined to it (`A와 B 착공식` → `A·B 착공식`, `상량식 및 안전기원제`);
- `referent`: what a pointing phrase points back to (`두 센터` → the two centres named before, `이번 협의체`);
- `context_name`: for a bare kind (`착공식을 열고`), the thing the lead or the sentences before it quote;
- `with_actor`: a company's facility or works take the company's name (`제4공장 착공식` →
  `삼성바이오로직스 제4공장 착공식`), an agreement its parties (`부산시·한빛바이오 … 협약 체결`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from biohub_cli.extract.events.cues import type_of_name
from biohub_cli.extract.events.document import Doc
from biohub_cli.extract.events.phrases import POINTING, Phrase, clean_name, closes_quote, phrase_back
from biohub_cli.extract.events.titles import is_generic, is_vacuous
from biohub_cli.extract.spans import quoted_names
from biohub_cli.models.stages import Sentence

_JOINS = frozenset({"와", "과", "및"})
_PURPOSE = re.compile(r"\s*(?:을|를)\s*위한\s+")  # `… 양성을 위한 업무협약` → `… 양성 업무협약`
CONTEXT_SENTENCES = 2  # sentences around the lead searched for what a bare kind is about
MAX_CONTEXT_WORDS = 8
MAX_JOINED = 3


def _index_at(sentence: Sentence, offset: int) -> int | None:
    return next((k for k, t in enumerate(sentence.tokens) if t.start == offset), None)


def widen(doc: Doc, sentence: Sentence, phrase: Phrase | None) -> Phrase | None:
    """The name with its owner (`X의 …`) and the things joined to it (`A와 B …`, `… 및 …`); a body before
    `와` is a party (`한빛바이오, 양산시와 ‘…’을 체결`), and a quoted name is whole."""
    if phrase is None:
        return None
    toks = sentence.tokens
    for _ in range(MAX_JOINED):
        k = _index_at(sentence, phrase.start)
        if k is None or k < 2:
            break
        before = toks[k - 1]
        kind = phrase_back(sentence, k - 1, bridge=False) if phrase.quoted and before.tag in ("NNG", "NNP") else None
        if kind is not None and type_of_name(kind.text) is not None and type_of_name(phrase.text) is None:
            # `스물네 번째 민생토론회 ‘…’`: the kind named before a quoted name is what it is
            phrase = Phrase(kind.start, phrase.end, f"{kind.text} ‘{phrase.text}’", True)
            break
        night = _names_with_of(sentence, k, phrase) if before.tag == "JKG" else None
        if night is not None:  # `의료기기인의 밤 행사`: '…의 밤' is the event's own name
            phrase = night
        elif before.tag == "JKG" and (_bare(phrase.text) or phrase.quoted):
            owner = phrase_back(sentence, k - 2, bridge=False)  # `제1공장의 상량식`, `롯데바이오의 ‘…’`
            body = owner is not None and any(owner.start <= o.evidence.start < owner.end for o in doc.orgs)
            if owner is None or is_vacuous(owner.text) or (phrase.quoted and not body):
                break  # `이런 내용의 ‘…’`: no owner
            phrase = Phrase(owner.start, phrase.end, f"{owner.text} {phrase.text}", phrase.quoted or owner.quoted)
        elif before.form in _JOINS and before.tag in ("JC", "MAJ", "MAG") and not phrase.quoted:
            other = phrase_back(sentence, k - 2, bridge=False)  # `A와 B 착공식`, `상량식 및 안전기원제`
            joiner = " 및 " if before.form == "및" else "·"
            party = other is not None and type_of_name(other.text) is None \
                and any(other.start <= o.evidence.start < other.end for o in doc.orgs)
            if other is None or party or (type_of_name(other.text) not in (None, type_of_name(phrase.text))
                        and type_of_name(f"{other.text}{joiner}{phrase.text}") is None):
                break  # `출범식과 1차 회의` is one launch; `A사와 협약` joins no party
            phrase = Phrase(other.start, phrase.end, f"{other.text}{joiner}{phrase.text}",
                            phrase.quoted or other.quoted)
        elif closes_quote(before) and not phrase.quoted and type_of_name(phrase.text) is not None:
            quoted = phrase_back(sentence, k - 1, bridge=False)  # `‘… 특화단지’ 유치·확정 기자회견`
            if quoted is None or type_of_name(quoted.text) is not None:
                break  # `‘…포럼’ 개막식`: the quoted event is named alone
            phrase = Phrase(quoted.start, phrase.end, f"{clean_name(quoted.text)} {phrase.text}", True)
            break
        else:
            break
    return phrase


def _names_with_of(sentence: Sentence, k: int, phrase: Phrase) -> Phrase | None:
    """`X의 밤 행사`: an event named with 의 (`… 의 밤` is an event noun) takes its X."""
    owner = phrase_back(sentence, k - 2, bridge=False)
    if owner is None:
        return None
    named = f"{owner.text}의 {phrase.text}"
    head = f"{owner.text}의 {phrase.text.split()[0]}"
    if type_of_name(head) is None or type_of_name(phrase.text.split()[0]) is not None:
        return None
    return Phrase(owner.start, phrase.end, named, phrase.quoted or owner.quoted)


def _bare(text: str) -> bool:
    """Only kinds of event: `착공식`, `상량식 및 안전기원제`."""
    return all(is_generic(part) for part in re.split(r"\s*(?:및|·)\s*", text) if part)


def referent(doc: Doc, phrase: Phrase) -> str | None:
    """`두 센터` → `바이오공정 인력양성센터·제약바이오실용화센터`: the names before the phrase that end with
    its head noun (quoted ones and organisations), as many as the phrase counts."""
    words = phrase.text.split()
    if len(words) < 2 or words[0] not in POINTING:
        return None
    head = "".join(words[1:])
    count = POINTING[words[0]]
    found: list[tuple[int, str]] = []
    for s in doc.sentences:
        if s.start >= phrase.start:
            break
        found += [(q.start, clean_name(q.text)) for q in quoted_names(s) if q.end <= phrase.start]
    found += [(o.evidence.start, o.name) for o in doc.orgs if o.evidence.end <= phrase.start]
    names = [n for _, n in sorted(found) if "".join(n.split()).endswith(head) and "".join(n.split()) != head]
    picked = list(dict.fromkeys(reversed(names)))[:count]
    if len(picked) != count:
        return None
    return "·".join(reversed(picked))


def context_name(doc: Doc, index: int, cue_start: int, kind: str | None = None) -> str | None:
    """What a bare kind (`착공식을 열고`) is about: the last quoted name in the lead before its verb, else in
    the sentences just before it, else in the document's title, else just after it; a quoted name of the
    same type is the event's own full name (`‘… 1공장 건립을 위한 착공식’`), any other event is not."""
    lead = doc.sentences[index]
    spans = [[q for q in quoted_names(lead) if q.end <= cue_start]]
    spans += [quoted_names(doc.sentences[i]) for i in range(index - 1, max(-1, index - 1 - CONTEXT_SENTENCES), -1)]
    title = doc.analysed.document.metadata.title or ""
    spans.append([m.group(1) for m in re.finditer(r"[‘'\"“]([^’'\"”]{2,40})[’'\"”]", title)])  # type: ignore[misc]
    spans += [quoted_names(doc.sentences[i]) for i in range(index + 1, min(len(doc.sentences),
                                                                           index + 1 + CONTEXT_SENTENCES))]
    found = [[clean_name(q if isinstance(q, str) else q.text) for q in quoted] for quoted in spans]
    found = [[n for n in names if len(n) >= 2 and len(n.split()) <= MAX_CONTEXT_WORDS and not _scare_quoted(n)
              and not _SAID.search(n)]
             for names in found]
    for wanted in ((kind,) if kind else ()), (None,):  # the event's own full name first, then a thing
        for names in found:
            picked = [n for n in names if type_of_name(n) in wanted]
            if picked:
                return picked[-1]
    return None


_SAID = re.compile(r"(?:다|요|까)[.!?]?$")  # `″명단은 12월 발표하겠다″`: words said, not a name


def _scare_quoted(name: str) -> bool:
    """A word quoted for stress, not a name: `중심지로 ‘부상’`, `‘도약’` (one Hangul word of two syllables
    or fewer)."""
    return bool(re.fullmatch(r"[가-힣]{1,2}", name))


def without_purpose(title: str) -> str:
    """`바이오 분야 인재 양성을 위한 업무협약` → `바이오 분야 인재 양성 업무협약`."""
    return _PURPOSE.sub(" ", title)


def _squash(text: str) -> str:
    return "".join(text.split())


def names_anybody(doc: Doc, title: str, types: tuple[str, ...] = ()) -> bool:
    """The title already names one of the document's organisations (of these types, when given)."""
    t = _squash(title)
    return any(len(_squash(o.name)) >= 2 and (_squash(o.name) in t or _squash(o.surface) in t)
               for o in doc.orgs if not types or o.type in types)


def with_actor(doc: Doc, title: str, hosts: Sequence[str]) -> str:
    """A company's facility or works take the company's name: `제4공장 착공식` → `삼성바이오로직스 제4공장
    착공식`. A title that names an organisation already, or a host that is no company, is left alone."""
    companies = [h for h in hosts if doc.is_a(h, "company")]
    if not companies or names_anybody(doc, title, ("company", "government")):
        return title  # a research centre in the title is what is built, not who builds it
    return f"{companies[0]} {title}"


def with_parties(doc: Doc, title: str, parties: Sequence[str]) -> str:
    """An agreement takes its parties when its title names none: `업무협약 체결` → `A·B 업무협약 체결`."""
    named = list(dict.fromkeys(p for p in parties if p))
    if not named or names_anybody(doc, title):
        return title
    return f"{'·'.join(named)} {title}"
