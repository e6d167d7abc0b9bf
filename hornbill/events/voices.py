"""Who speaks in a quotation: the speaker the quote stage attributes it to.

Criticism, blame and threats are often told in a speaker's own words ('"They committed a grave
crime," the minister said'), where the parse may lose the attribution (a long quote, a trailing
"X told a news conference") or the quote runs on from an earlier sentence. The event stage then
takes the quote's speaker (:func:`quote_voice`) as the one who judges, blames or threatens.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from hornbill.model import Actor
from hornbill.quotes import quoted_speakers

_VOICES_KEY = "hornbill_quote_voices"


def _voices(doc: Doc) -> list[tuple[int, int, Actor]]:
    """The Doc's attributed quotations, found once per Doc."""
    found: list[tuple[int, int, Actor]] | None = doc.user_data.get(_VOICES_KEY)
    if found is None:
        found = doc.user_data[_VOICES_KEY] = quoted_speakers(doc)
    return found


def quote_voice(token: Token) -> Actor | None:
    """The speaker of the attributed quotation ``token`` stands in, if any."""
    return next((speaker for start, end, speaker in _voices(token.doc) if start <= token.idx < end), None)
