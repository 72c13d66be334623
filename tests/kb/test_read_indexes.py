"""Name lookups and the sorted event list are built once per knowledge base and rebuilt when a table
changes: the answers are those of a scan over the records."""

from __future__ import annotations

from biohub_cli.kb import knowledge_base
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.names import normalise
from tests.render.golden import FIXTURE_KB


def _scan_org(base: KnowledgeBase, name: str) -> object:
    key = normalise(name)
    for org in base.active_orgs():
        if key in {normalise(n) for n in (org.name, org.name_en or "", *org.aliases) if n}:
            return org
    return None


def test_every_name_and_alias_finds_what_a_scan_finds() -> None:
    base = knowledge_base.load(FIXTURE_KB)
    names = [n for o in base.orgs.values() for n in (o.name, o.name_en or "", *o.aliases) if n]
    assert names
    for name in [*names, " 인천광역시 ", "없는 기관"]:
        assert base.org_by_name(name) is _scan_org(base, name)
    for person in base.people.values():
        if person.status == "active":
            assert base.person_by_name(f" {person.name} ") is person
    assert base.person_by_name("아무개") is None


def test_a_changed_table_is_seen_by_the_next_lookup() -> None:
    base = knowledge_base.load(FIXTURE_KB)
    org = next(o for o in base.active_orgs() if o.aliases)
    assert base.org_by_name("새이름바이오") is None
    base.orgs[org.id] = org.model_copy(update={"aliases": [*org.aliases, "새이름바이오"]})
    assert base.org_by_name("새이름바이오") is base.orgs[org.id]
    base.orgs[org.id] = base.orgs[org.id].model_copy(update={"status": "rejected"})
    assert base.org_by_name("새이름바이오") is None
    base.orgs = {}
    assert base.org_by_name(org.name) is None
    person = next(p for p in base.active_people())
    assert base.person_by_name(person.name) is person
    del base.people[person.id]
    assert base.person_by_name(person.name) is not person


def test_active_events_follow_the_table_and_are_a_fresh_list() -> None:
    base = knowledge_base.load(FIXTURE_KB)
    events = base.active_events()
    active = (e for e in base.events.values() if e.status == "active")
    assert events == sorted(active, key=knowledge_base.event_sort_key)
    events.clear()
    assert base.active_events()
    first = base.active_events()[0]
    base.events[first.id] = first.model_copy(update={"status": "rejected"})
    assert first.id not in {e.id for e in base.active_events()}
