"""Time in a parsed Doc: the ``hornbill_timex`` component and the dating of events.

The dates core (:mod:`hornbill.dates`) knows what an expression means without spaCy; this
package is the NLP layer over it:

- :mod:`~hornbill.timex.detect`: the ``hornbill_timex`` component, which finds the expressions
  of a Doc and stores them, normalised, in ``doc._.timexes``;
- :mod:`~hornbill.timex.tense`: the tense of the verb an expression or a trigger hangs on;
- :mod:`~hornbill.timex.dating`: :func:`event_date`, the date of an event from its trigger, and
  :func:`story_date`, the day a story is about.

Importing :mod:`~hornbill.timex.detect` registers the component (:mod:`hornbill.nlp` does).
"""

from __future__ import annotations

from hornbill.timex.dating import event_date, story_date
from hornbill.timex.detect import find_timexes, timex_component
from hornbill.timex.tense import verb_tense

__all__ = ["event_date", "find_timexes", "story_date", "timex_component", "verb_tense"]
