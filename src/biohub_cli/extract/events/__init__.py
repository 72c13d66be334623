"""Events of one document: which happenings it reports, when, where, who took part, and its main one.

- `find`: `find_events`, the main event (the lead's clause) with its title and parts
- `leads`: which sentence and clause lead the story and the day that dates them; `plans`: a plan released
- `related`: the other dated happenings, and which of them are the main event again
- `clauses`: event clauses in a sentence, a cue verb and the name it takes
- `cues`: the cue lists of data/event_cues.yaml and data/venues.yaml, and the type a name gives
- `document`: what the finder works on (sentences, dates, bodies, people) and the parts read around a clause
- `parts`: venue, attendee count, ordinal, participating bodies
- `titles`: short event titles; `about`: what a bare kind is about, whose it is, its parties
- `words`: what a title is about without its event words, and its kind (also for resolve)
- `hosts`: who runs a gathering; `since`: events named as a "since" point

Nothing is imported here; callers import the module they need.
"""
