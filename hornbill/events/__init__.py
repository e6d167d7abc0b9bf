"""PLOVER events from the dependency parse.

The pattern lexicon (``data/plover.yaml``) names trigger lemmas per event type and mode, with
conditions on the trigger's syntactic arguments ("end" + object "mission" is a RETREAT, "end" +
object "ties" a SANCTION), and the rules that belong to event types (which need a recipient, which
block or announce the events they govern, where a type's place is read from). Per sentence:

1. :mod:`~hornbill.events.match` matches triggers (verbs and nominalisations) and their argument
   conditions, read from the parse by :mod:`~hornbill.events.syntax`;
2. :mod:`~hornbill.events.roles` reads the doer and the one acted upon from syntax (subject or
   passive agent, inherited through xcomp/conj/relative clauses; possessive, "by"/"of" phrase or
   light verb for nouns), one event per coordinated actor;
3. :mod:`~hornbill.events.status` walks up from the trigger to its governors to decide the status
   (future, promise, deadline: ``announced``), to drop negated, hypothetical, habitual or merely
   demanded events, and to find who reports it (``claimed_by``; in a quotation, its speaker:
   :mod:`~hornbill.events.voices`);
4. :mod:`~hornbill.events.mentions` resolves the role phrases to actors with the actor stage (a
   doer the dictionary does not know but whose phrase names people, "Islamic fundamentalists",
   "rebels in Chad", becomes an ad-hoc actor keyed by its name), codes an act its doer vows or
   says it will do as the codebook does (a THREATEN or an AGREE), and dates the event with the
   time stage.

Across the sentences of one text (:mod:`~hornbill.events.context`) a withdrawal told without its
doer ("Troops will leave by December", "the pullout") takes it from the latest withdrawal just
before, a decision noun ("the assembly's vote was close") repeats the decided event, a judgement
on "the partnership with X" is aimed at whoever the text said partners with X, and a condemnation of
"the coup" at whoever the text said staged it.

Other extractors (a transformer or LLM backend) plug in through the :class:`EventExtractor`
protocol: sentences in, :class:`~hornbill.model.EventMention` list out. Importing this package
registers the ``hornbill_events`` spaCy component (:mod:`~hornbill.events.component`).
"""

from __future__ import annotations

from hornbill.events.component import EventsComponent, make_events
from hornbill.events.context import EventExtractor, PatternExtractor, default_extractor, find_events
from hornbill.events.lexicon import LEXICON_PATH, Lexicon, Pattern, default_lexicon, load_lexicon, validate_entry
from hornbill.events.match import Candidate, find_candidates
from hornbill.events.mentions import codebook_coding, deduplicate

__all__ = [
    "LEXICON_PATH",
    "Candidate",
    "EventExtractor",
    "EventsComponent",
    "Lexicon",
    "Pattern",
    "PatternExtractor",
    "codebook_coding",
    "deduplicate",
    "default_extractor",
    "default_lexicon",
    "find_candidates",
    "find_events",
    "load_lexicon",
    "make_events",
    "validate_entry",
]
