"""Documents whose news no event verb names. A story whose news is a plan (`대전시가 ‘…’을 설립해 2026년부터
운영한다고 24일 밝혔다`) puts it out on the day it was released: an announcement of that plan. A bill
(`발의연월일 : 2023. 11. 9.`) reports its own proposal on the labelled day."""

from __future__ import annotations

import re
from collections.abc import Sequence

from biohub_cli.extract.dates.find import DateMention
from biohub_cli.extract.events.clauses import Cue
from biohub_cli.extract.events.cues import event_cues
from biohub_cli.extract.events.document import Clause, Doc
from biohub_cli.extract.events.phrases import Phrase, phrase_back
from biohub_cli.models.stages import Sentence, Token

_PLANNED = re.compile(r"(?:한다|된다|할\s*계획이라|할\s*방침이라|할\s*예정이라|추진한다|나선다)고\s*$")


def plan_release(doc: Doc, index: int) -> tuple[int, DateMention, list[Clause]] | None:
    """The lead `…을 <verb noun>해 …한다고 N일 밝혔다` as the announcement of `<object> <verb noun> 계획`,
    dated by its release day; None when the sentence is no release of a plan."""
    sentence = doc.sentences[index]
    text = doc.analysed.document.text
    released = [d for d in doc.reported if sentence.start <= d.start < sentence.end
                and _PLANNED.search(text[sentence.start:d.start])]
    if not released:
        return None
    toks = sentence.tokens
    for k in range(1, len(toks) - 2):
        if toks[k].tag == "JKO" and toks[k + 1].tag == "NNG" and toks[k + 2].tag == "XSV" \
                and toks[k + 2].end <= released[0].start and not _purpose(toks, k + 3):
            return _planned(sentence, index, released[0], k)
    # `…1필지를 … 용지로 공급할 계획이라고`: the last verb noun before the release, and what it is done as
    for k in range(len(toks) - 3, 0, -1):
        if toks[k + 2].end <= released[0].start and toks[k + 1].tag == "NNG" and toks[k + 2].tag == "XSV" \
                and toks[k].tag == "JKB" and toks[k].form in ("로", "으로"):
            return _planned(sentence, index, released[0], k)
    return None


def _purpose(toks: Sequence[Token], k: int) -> bool:
    """`유치하기 위한`, `유치하기 위해`: a verb noun that says what the act is for, not the act."""
    return k + 1 < len(toks) and toks[k].tag == "ETN" and toks[k + 1].form == "위하"


def _planned(sentence: Sentence, index: int, day: DateMention,
             k: int) -> tuple[int, DateMention, list[Clause]] | None:
    """The announcement of `<the phrase before token k> <the verb noun after it> 계획`."""
    toks = sentence.tokens
    thing = phrase_back(sentence, k - 1, bridge=False)
    if thing is None:
        return None
    name = Phrase(thing.start, toks[k + 1].end, f"{thing.text} {toks[k + 1].form} 계획", thing.quoted)
    cue = Cue("announce", "발표", toks[k + 1].start, toks[k + 1].end, k + 1, False, False)
    return index, day, [Clause(index, cue, name, "announcement")]


def labelled_act(doc: Doc) -> tuple[int, DateMention, list[Clause]] | None:
    """`발의연월일 : 2023. 11. 9.`: the act the label names, of what the document's title names, on that day."""
    title = " ".join((doc.analysed.document.metadata.title or "").split())
    if not title:
        return None
    for i, s in enumerate(doc.sentences):
        for label, act in event_cues().date_labels:
            at = s.text.find(label)
            if at < 0 or not re.match(r"\s*[:：]", s.text[at + len(label):]):
                continue
            dated = [d for d in doc.dates if s.start + at < d.start < s.start + at + len(label) + 8
                     and d.date.day is not None]
            if dated:
                start = s.start + at
                name = Phrase(start, start + len(label), title, True)
                cue = Cue("submit", act, start, start + len(label), 0, False, False)
                return i, dated[0], [Clause(i, cue, name, "other")]
    return None
