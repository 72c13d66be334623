"""Who runs a gathering, from a sentence about it: `이번 행사는 A가 주최하고 B와 C가 공동 주관한다`,
`BIO KOREA는 A와 B가 공동 개최하고 C가 후원하는 국제행사다`, `회의는 A와 B가 공동으로 주관했다`."""

from __future__ import annotations

from typing import cast

from biohub_cli.extract.events.clauses import subject_of
from biohub_cli.extract.events.cues import event_cues
from biohub_cli.extract.events.document import Doc
from biohub_cli.extract.events.parts import orgs_in
from biohub_cli.extract.events.titles import is_generic, is_vacuous
from biohub_cli.models.stages import Sentence
from biohub_cli.models.vocab import Role

_VERB_TAGS = frozenset({"XSV", "VV"})


def run_by(doc: Doc, sentence: Sentence, title: str) -> list[tuple[str, Role]]:
    """The bodies a sentence about the event (its topic is the event's name, part of it, or a bare
    `이번 행사`/`회의`) says host (주최, 개최), organise (주관) or sponsor (후원) it. 주관 is hosting
    when nobody 주최s."""
    roles = dict(event_cues().host_verbs)
    toks = sentence.tokens
    verbs = [(t.start, t.end, roles[t.form]) for n, t in enumerate(toks)
             if t.form in roles and t.tag in ("NNG", "NNP") and n + 1 < len(toks)
             and toks[n + 1].tag in _VERB_TAGS and toks[n + 1].form == "하"]
    if not verbs:
        return []
    topic = subject_of(sentence, verbs[0][0])
    if topic is None or not _about(topic.text, title):
        return []
    hosted = any(role == "host" for _, _, role in verbs)
    out: list[tuple[str, Role]] = []
    start = topic.end
    for a, b, role in verbs:
        if role == "organizer" and not hosted:
            role = "host"
        out += [(o.name, cast(Role, role)) for o in orgs_in(doc.orgs, start, a)]
        start = b
    return out


def _about(topic: str, title: str) -> bool:
    """The topic is the event: a bare event word (`이번 행사`, `회의`) or a part of its title."""
    squashed = "".join(topic.split())
    return is_vacuous(topic) or is_generic(topic) or (len(squashed) >= 3 and squashed in "".join(title.split()))
