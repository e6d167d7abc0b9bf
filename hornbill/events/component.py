"""The spaCy component of the event stage: one compiled extractor, writing ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from hornbill.events.context import EventExtractor, PatternExtractor, find_events
from hornbill.events.places import locate


class EventsComponent:
    """The spaCy component: holds one compiled extractor and writes ``doc._.events``."""

    def __init__(self, extractor: EventExtractor) -> None:
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = locate(doc, find_events(doc, self.extractor))
        return doc


@Language.factory(
    "hornbill_events",
    requires=["token.dep", "doc.ents", "doc._.timexes", "doc._.datelines", "doc._.actor_mentions", "doc._.actor_index"],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """The component compiles its patterns once, when the pipeline is built."""
    return EventsComponent(PatternExtractor())
