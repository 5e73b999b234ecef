"""Events: PLOVER events (as POLECAT uses them) with CAMEO roots (the ``newsledger_events`` component).

Modules: :mod:`.plover` (types, modes, contexts, CAMEO roots), :mod:`.patterns`
(dependency patterns over the verb lexicon), :mod:`.when` (event dates from
TIMEX3 values), :mod:`.component` (the spaCy component and records).
"""

from .component import EventTagger, assume_report_date, events, make_events

__all__ = ["EventTagger", "assume_report_date", "events", "make_events"]
