"""Related events named only as the point since which something is counted: `지난 7월 특구 지정 이후
처음 열린 회의` (a designation in July), `지난해 12월 출범식 이후 두 번째로 열린 자리` (a launch)."""

from __future__ import annotations

from biohub_cli.extract.dates.find import DateMention
from biohub_cli.extract.events.cues import event_cues, type_of_name
from biohub_cli.extract.events.document import Doc
from biohub_cli.extract.events.parts import ordinal_of
from biohub_cli.extract.events.phrases import Phrase, clean_name
from biohub_cli.extract.events.titles import is_generic
from biohub_cli.models.facts import EventMention
from biohub_cli.models.stages import Sentence

_NOUN_TAGS = frozenset({"NNP", "NNG", "SL", "SH", "XSN", "XPN", "SN"})
_SINCE = frozenset({"이후", "뒤", "후", "이래"})
MAX_SINCE_TOKENS = 6


def since_name(sentence: Sentence, date: DateMention) -> Phrase | None:
    """The bare noun phrase between a date and its `이후`/`뒤` (`특구 지정`, `출범식`); None when a verb
    comes between (`출범식을 가진 뒤`: the clause finders read that) or no `이후` follows."""
    after = [t for t in sentence.tokens if t.start >= date.end][:MAX_SINCE_TOKENS + 1]
    for n, t in enumerate(after):
        if t.form in _SINCE and t.tag in ("NNG", "NNB") and n > 0:
            start, end = after[0].start, after[n - 1].end
            text = clean_name(sentence.text[start - sentence.start:end - sentence.start])
            return Phrase(start, end, text) if text else None
        if t.tag not in _NOUN_TAGS:
            return None
    return None


def since_event(doc: Doc, i: int, date: DateMention, name: Phrase, body: str,
                mains: list[EventMention]) -> EventMention | None:
    """The happening a reference point names, when its head is an event noun."""
    kind = type_of_name(name.text)
    if kind is None or (date.relative and any(m.date == date.date for m in mains)):
        return None
    title = f"{body} {name.text}" if is_generic(name.text) and body else _widen(name.text, mains)
    if not title or is_generic(title):
        return None
    sentence = doc.sentences[i]
    return EventMention(date=date.date, end_date=date.end_date, type=kind, title=title, ordinal=ordinal_of(title),
                        main=False, evidence=[doc.analysed.evidence(sentence.start, sentence.end)])


def _widen(text: str, mains: list[EventMention]) -> str:
    """`특구 지정` in a story about the `오송 바이오 규제자유특구 실증 착수 보고회`: `오송 바이오
    규제자유특구 지정` (the short head is the last word of a longer name in the main title)."""
    words = text.split()
    nouns = {"".join(n.split()) for n, _ in event_cues().nouns}
    if len(words) != 2 or len(words[0]) < 2 or words[0] in nouns:
        return text
    for m in mains:
        title_words = m.title.split()
        for k, w in enumerate(title_words):
            if w != words[0] and w.endswith(words[0]):
                return " ".join([*title_words[:k + 1], words[1]])
    return text
