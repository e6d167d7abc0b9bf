"""Direct quotations and who said them.

Quotation marks are paired on the raw text first (:func:`find_quote_spans`), because spaCy's
sentences often cut a multi-sentence quote apart. A quotation left open runs into the quote
that reopens after it (news style for quotes over several paragraphs), or to its paragraph's
end; the parse then ends it where an attribution in the inverted news order begins
('“We will leave, the minister said.'). Each quoted stretch is attributed through the parse
of the sentence(s) around it:

1. the nearest speech verb (``data/quotes.yaml``) that governs the quote, else any speech verb
   outside the quote in its sentences, else "according to X", else "X said:" just before it,
   else a person named right after it. "quoted X as saying", "the agency said, citing X" and
   "the agency reported that X justified it by '...'" name X, not the outlet that relays X;
2. the verb's subject becomes an actor (:func:`_speaker_of`): a person named in the phrase,
   else the actors stage's reading of it; a role ("the official", "the leader of the
   movement") is the person it refers back to (:func:`_role_holder`), else a role actor of the
   article; "he"/"she" is the person last named or described before, "it"/"they" the
   organisation or group, "the statement" its author, "the movement" the organisation named
   before, "the ministry" the article's country, a part of a name the person the article named
   in full, and other common nouns ("witnesses") a generic actor named by the phrase;
3. a quote with no attribution of its own continues the previous one when nothing but its own
   sentence lies between them ('"...," she said. "..."', a quote paragraph after a quote
   paragraph) or when it reopens a quote left open; else it takes the attribution of the
   previous or the next sentence of its paragraph ('X said in a statement. "..."').

Single-word scare quotes are ignored; a partial quote inside a sentence is kept only when
someone is found to have said it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from hornbill.doctools import doc_text, evidence_for
from hornbill.model import Actor, Quote
from hornbill.quotes.attribution import _attribution, _cut_at_attribution, _neighbour_attribution
from hornbill.quotes.data import _NAME_MAX_WORDS, _WORD, quote_data
from hornbill.quotes.marks import QuoteSpan, find_quote_spans
from hornbill.quotes.speakers import _Context, _Said, _speaker_of

# --- the stage -------------------------------------------------------------------------------


def _is_partial(ctx: _Context, span: QuoteSpan, sentences: list[Span]) -> bool:
    """True when words of the sentence come before the quote (a phrase quoted inside a sentence)."""
    head = ctx.text[sentences[0].start_char : max(ctx.before_marks(span), sentences[0].start_char)]
    return bool(_WORD.search(head))


def _follows(ctx: _Context, previous: _Said | None, span: QuoteSpan) -> bool:
    """True when nothing but the quote's own sentence lies between it and the previous quote's
    sentence (the same sentence, the next one, or a quote paragraph after a quote paragraph)."""
    if previous is None:
        return False
    return not _WORD.search(ctx.text[previous.sentences.end_char : span.start])


def _is_quoted_name(text: str, span: QuoteSpan) -> bool:
    """A few capitalised words in quotation marks name something ("the 'Patriotic Front'"); the
    small words of a name ("of", "for") may stay lower case."""
    words = _WORD.findall(text[span.start : span.end])
    capitalised = [w for w in words if w[:1].isupper()]
    return len(words) <= _NAME_MAX_WORDS and len(capitalised) >= len(words) - len(capitalised)


def _word_count(text: str, span: QuoteSpan) -> int:
    return len(_WORD.findall(text[span.start : span.end]))


def _quote_text(text: str, span: QuoteSpan) -> str:
    return " ".join(text[span.start : span.end].split()).rstrip(",").strip()


def _later_in_chain(ctx: _Context, spans: list[QuoteSpan], index: int) -> Token | None:
    """The attribution of a quote running over paragraphs, found on a later paragraph of it."""
    for later in spans[index + 1 :]:
        if not later.continues:
            return None
        subject = _attribution(ctx, later, ctx.sentences(later))
        if subject is not None:
            return subject
    return None


def _resolve(ctx: _Context, spans: list[QuoteSpan]) -> list[_Said]:
    said: list[_Said] = []
    for index, span in enumerate(spans):
        sentences = ctx.sentences(span)
        if not sentences:
            continue
        previous = said[-1] if said else None
        adjacent = _follows(ctx, previous, span)
        partial = _is_partial(ctx, span, sentences)
        subject = _attribution(ctx, span, sentences) or _later_in_chain(ctx, spans, index)
        continues = previous is not None and (span.continues or adjacent)
        if subject is None and not continues and not partial:
            subject = _neighbour_attribution(ctx, span, sentences)
        speaker = _speaker_of(ctx, subject, previous, adjacent) if subject is not None else None
        attributed = subject is not None
        if not attributed and continues and previous is not None:
            speaker, attributed = previous.speaker, previous.attributed
        if partial and _is_quoted_name(ctx.text, span):
            continue
        if speaker is not None or not partial:
            said.append(_Said(span, speaker, ctx.doc[sentences[0].start : sentences[-1].end], attributed))
    return said


def find_quotes(doc: Doc) -> list[Quote]:
    """The direct quotations in an annotated Doc, each with its speaker (or None) and evidence."""
    min_words = quote_data().min_words
    text = doc_text(doc)
    spans = [_cut_at_attribution(doc, s) for s in find_quote_spans(text)]
    spans = [s for s in spans if _word_count(text, s) >= min_words]
    ctx = _Context(doc, spans)
    quotes: list[Quote] = []
    for said in _resolve(ctx, spans):
        evidence = evidence_for(said.sentences)
        quotes.append(
            Quote(
                doc_id=evidence.doc_id,
                source=evidence.source,
                speaker=said.speaker,
                text=_quote_text(text, said.span),
                evidence=evidence,
            )
        )
    return quotes


def quoted_speakers(doc: Doc) -> list[tuple[int, int, Actor]]:
    """Where each attributed quotation stands in the Doc's text (offsets without the marks) and who
    said it: the event stage reads blame and threats in a quote as its speaker's, even when the
    parse loses the attribution or the quote runs on from an earlier sentence."""
    min_words = quote_data().min_words
    text = doc_text(doc)
    spans = [_cut_at_attribution(doc, s) for s in find_quote_spans(text)]
    spans = [s for s in spans if _word_count(text, s) >= min_words]
    return [(said.span.start, said.span.end, said.speaker) for said in _resolve(_Context(doc, spans), spans)
            if said.speaker is not None]


@Language.component("hornbill_quotes", requires=["token.dep", "doc._.actor_mentions", "doc._.actor_index"],
                    assigns=["doc._.quotes"])
def quotes_component(doc: Doc) -> Doc:
    doc._.quotes = find_quotes(doc)
    return doc

