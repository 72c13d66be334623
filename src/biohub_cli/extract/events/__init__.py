"""Events of one document: which happenings it reports, when, where, who took part, and its main one.

- `find`: `find_events`, the main event (the lead's clause) and the related dated happenings
- `clauses`: event clauses in a sentence, a cue verb and the name it takes
- `cues`: the cue lists of data/event_cues.yaml and data/venues.yaml, and the type a name gives
- `document`: what the finder works on (sentences, dates, bodies, people) and the parts read around a clause
- `parts`: venue, attendee count, ordinal, participating bodies
- `titles`: short event titles; `hosts`: who runs a gathering; `since`: events named as a "since" point

Nothing is imported here; callers import the module they need.
"""
