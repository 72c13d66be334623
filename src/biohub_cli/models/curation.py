"""What analysts decided by hand about organisations and events, as read from the curation files.

aliases.yaml holds the organisation merges, events.yaml the event merges and splits. Both files say
"this joins that" the same way (`merges: {what: into}`), and each entry is undone by removing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AnalystCuration:
    """The curation files of one knowledge base; applied by resolve on every ingest."""

    # organisation name -> the name of the organisation it joins (aliases.yaml `merges`)
    org_merges: Mapping[str, str] = field(default_factory=dict)
    # event id -> the id of the event it joins (events.yaml `merges`)
    event_merges: Mapping[str, str] = field(default_factory=dict)
    # cluster name -> the name of the cluster it joins (aliases.yaml `clusters`)
    cluster_merges: Mapping[str, str] = field(default_factory=dict)
    # programme name -> the name of the programme it joins (aliases.yaml `programmes`)
    programme_merges: Mapping[str, str] = field(default_factory=dict)
    # event id -> the source ids whose reports are taken out of it (events.yaml `splits`)
    event_splits: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
