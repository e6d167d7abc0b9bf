"""Triggers matched in a sentence, each with its role phrases: the candidates for events.

A token can trigger an event when the lexicon indexes its lemma (or form) for its part of speech
and one of the patterns there is satisfied by its arguments (:func:`_satisfies`); nouns and verbs
used as descriptions ("coup leaders", "troops deployed in Mali") trigger nothing, and the words a
pattern needs are consumed ("promised support" is one AGREE). Each match becomes one
:class:`Candidate` per doer and recipient phrase (:func:`find_candidates`), unless its setting
drops it; a negated intention becomes a REJECT, a modal in reported speech a REQUEST ("X said Y
must leave") and an opinion on someone's act an ACCUSE ("the partnership is counterproductive", "the
strikes were a war crime", "the launch poses a threat to peace").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from hornbill.doctools import string_ids, token_ids
from hornbill.events.lexicon import Lexicon, Pattern, default_lexicon
from hornbill.events.roles import according_to, actor_of, clause_subject, reporter, role_options, speech_verb
from hornbill.events.status import Pledge, Setting, is_negated, setting_of
from hornbill.events.syntax import (
    TIME_LABELS,
    Slots,
    conjuncts,
    hyphen_joined,
    is_passive,
    lemma_of,
    named_as,
    noun_subjects,
    phrase,
    prep_objects_of,
    slots_of,
)
from hornbill.events.voices import quote_voice
from hornbill.model import Actor, Status

_TRIGGER_POS = frozenset({NOUN, PROPN, VERB, AUX})
#: Names whose words are no triggers: the "Cooperation" of "Asia-Pacific Economic Cooperation".
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"})
_NAME_STARTS_KEY = "hornbill_name_starts"


@dataclass(frozen=True)
class Candidate:
    """A matched trigger with its chosen role phrases, before actor resolution (tests inspect these)."""

    trigger: Token
    pattern: Pattern
    actor: Token | None
    recipient: Token | None
    claimed_by: Token | None
    status: Status
    mode: str | None
    slots: Slots
    accusing_speech: bool = False
    rank: int = 0  # place among coordinated recipients: "removed the president and the prime minister"
    said: Token | None = None  # for an opinion: the verb it is said with, which dates it
    pledge: Pledge = None  # how an announced act is told (see ``promised_types`` in the lexicon)
    voice: Actor | None = None  # who speaks, when the trigger stands in an attributed quotation

    @property
    def actor_text(self) -> str | None:
        return phrase(self.actor).text if self.actor is not None else None

    @property
    def recipient_text(self) -> str | None:
        return phrase(self.recipient).text if self.recipient is not None else None


def _is_description(token: Token, lexicon: Lexicon) -> bool:
    """Triggers used as descriptions, not events: "coup leaders", "the organisers of the coup",
    "troops deployed in Mali", and a bare noun naming why the clause's act was done ("recalled its
    ambassador in protest"), and a participle that tells a state of people or things ("evacuated
    wounded civilians", "the detained ministers")."""
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            return lemma_of(token.head.head) in lexicon.marker("role_heads")
        if _is_manner(token, lexicon):
            return True
        return token.dep_ == "compound" and lemma_of(token.head) not in lexicon.marker("eventive_heads")
    if token.dep_ == "amod" and token.tag_ == "VBN":
        return True
    return token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ == "agent" for c in token.children)


def _is_manner(noun: Token, lexicon: Lexicon) -> bool:
    """ "in protest", "in solidarity": a bare singular noun after "in" (``manner_nouns``) tells what the
    act it hangs on expresses, not an act of its own ("a protest in the capital" is one)."""
    return (noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.tag_ == "NN"
            and lemma_of(noun) in lexicon.marker("manner_nouns")
            and not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in noun.children))


def _match_token(token: Token, lexicon: Lexicon) -> tuple[Pattern, Slots] | None:
    pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ in ("VERB", "AUX") else None
    if pos is None or token.ent_type_ in TIME_LABELS or _is_description(token, lexicon):
        return None  # "in March" names a month, not a march
    lemma = lemma_of(token)
    joined = hyphen_joined(token)  # "a cease-fire": the whole word's patterns before its last part's
    # the CAMEO backstop only where no hand-written pattern is indexed (it holds no word plover.yaml knows)
    patterns = (joined and lexicon.patterns.get((joined, pos))) or lexicon.patterns.get((lemma, pos)) \
        or lexicon.patterns.get((token.lower_, pos)) or lexicon.backstop.get((lemma, pos))
    if not patterns:
        return None
    slots = slots_of(token, lexicon)
    for pattern in patterns:
        if _satisfies(pattern, slots, token, lexicon):
            return pattern, slots
    return None


def _slot_lemmas(slots: Slots, name: str, trigger: Token, lexicon: Lexicon) -> set[str]:
    if name == "particle":
        return set(slots.particles)
    if name == "trigger":
        return {lemma_of(trigger)}
    if name.endswith("_modifier"):
        heads = _measured(slots.get(name[: -len("_modifier")]), lexicon)
        modifiers = [c for h in heads for c in h.children if c.dep_ in ("amod", "compound", "nmod")]
        return {lemma_of(m) for c in modifiers for m in conjuncts(c)}  # "search and rescue teams"
    if name.endswith("_owner"):  # "dissolve their government": whose it is
        heads = slots.get(name[: -len("_owner")])
        return {c.lower_ for h in heads for c in h.children if c.dep_ == "poss"}
    if name.endswith("_ent"):
        heads = slots.get(name[: -len("_ent")])
        named = [*heads, *(c for h in heads for c in h.children if c.dep_ in ("appos", "compound"))]
        return {t.ent_type_.lower() for t in named if t.ent_type_}
    if name.endswith("_complement"):  # "warned that it would not go unanswered": what the clause predicates
        heads = slots.get(name[: -len("_complement")])
        said = [c for h in heads for c in h.children if c.dep_ in ("oprd", "acomp", "attr")]
        return {lemma_of(t) for c in said for t in conjuncts(c)}
    words: set[str] = set()
    for token in _measured(slots.get(name), lexicon):
        words.add(lemma_of(token))
        words.add(token.lower_)
        joined = hyphen_joined(token)
        if joined is not None:
            words.add(joined)  # "a sit-in": the whole word
        if token.pos_ == "PROPN":  # "the peacekeeping mission MONUSCO": a name with its kind before it
            words |= {lemma_of(c) for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        if lemma_of(token) in lexicon.marker("light_nouns"):  # "an act of aggression": the aggression
            words |= {lemma_of(pobj) for prep, pobj in prep_objects_of(token) if prep == "of"}
        if lemma_of(token) in lexicon.marker("carrier_nouns"):  # "cut internet access": the internet
            words |= {lemma_of(c) for c in token.children if c.dep_ in ("compound", "amod")}
    return words


def _measured(heads: Sequence[Token], lexicon: Lexicon) -> list[Token]:
    """Slot heads with, after each measure word (``measures``), what it measures: "hundreds of
    Kenyan police officers" are officers, "a convoy of trucks" trucks."""
    return [t for h in heads for t in (h, *(p for prep, p in prep_objects_of(h) if prep == "of"
                                             and lemma_of(h) in lexicon.marker("measures")))]


def _satisfies(pattern: Pattern, slots: Slots, trigger: Token, lexicon: Lexicon) -> bool:
    if pattern.negated and not is_negated(trigger, lexicon):
        return False  # "will not hesitate to strike" is a threat; "hesitated" is nothing
    if pattern.passive and not is_passive(trigger):
        return False  # "was shocked by the attack" is a judgement; "the attack shocked the town" none
    for name, allowed in pattern.needs.items():
        present = _slot_lemmas(slots, name, trigger, lexicon)
        if not present or (allowed is not None and not present & allowed):
            return False
    for name, banned in pattern.forbid.items():
        present = _slot_lemmas(slots, name, trigger, lexicon)
        if present and (banned is None or present & banned):
            return False
    return True


def _told_as_done(pattern: Pattern, slots: Slots, lexicon: Lexicon) -> bool:
    """Whether a pattern of ``perpetrating_verbs`` tells its object as done, not as what someone
    alleges ("soldiers committed massacres", not "X said Y committed genocide")."""
    if not pattern.lemmas <= lexicon.marker("perpetrating_verbs"):
        return False
    verbs = [obj.head for obj in slots.get("object")]
    return not any(v.dep_ == "ccomp" and lemma_of(v.head) in lexicon.speech | lexicon.accusing_speech for v in verbs)


def _consumed_tokens(pattern: Pattern, slots: Slots, lexicon: Lexicon) -> set[int]:
    """Tokens that a pattern's needs name: they cannot trigger an event of their own, except speech
    acts a reaction presupposes ("rejected the demand": the demand was made, see ``presupposed_nouns``)."""
    used: set[int] = set()
    if pattern.fallback or _told_as_done(pattern, slots, lexicon):
        return used  # "agreed to X", "committed massacres": X keeps its own event when it has one
    made = lexicon.marker("presupposed_nouns")
    for name in pattern.needs:
        if name in ("subject", "head", "particle", "trigger", "host_object") or name.endswith(("_ent", "_complement")):
            continue
        used |= {token.i for token in slots.get(name) if lemma_of(token) not in made}
    return used


def _mode_for(pattern: Pattern, slots: Slots, trigger: Token, lexicon: Lexicon) -> str | None:
    for slot, table in pattern.modes.items():
        for word in _slot_lemmas(slots, slot, trigger, lexicon):
            if word in table:
                return table[word]
    return pattern.mode


def _possible_triggers(sentence: Span, lexicon: Lexicon) -> Iterator[Token]:
    """The sentence's nouns and verbs whose lemma or form some pattern is indexed under, in order:
    the only tokens :func:`_match_token` can match."""
    doc, words, strings = sentence.doc, lexicon.trigger_words, sentence.doc.vocab.strings
    pos, lemmas, lowers = token_ids(doc, "POS"), token_ids(doc, "LEMMA"), token_ids(doc, "LOWER")
    name_starts = _name_starts(doc)
    for i in range(sentence.start, sentence.end):
        if pos[i] not in _TRIGGER_POS or (pos[i] == PROPN and sentence.start <= name_starts[i] < sentence.end):
            continue
        lemma = strings[lemmas[i]].lower()
        known = lemma in words or "co" + lemma in words or strings[lowers[i]] in words or (
            hyphen_joined(doc[i]) in words)
        if known and named_as(doc[i]) is None:
            yield doc[i]  # "what it called an operation" names the act, it is no speech act of its own


def _name_starts(doc: Doc) -> list[int]:
    """For every token, where the multi-word name it is part of starts (-1 outside one); once per
    Doc, as reading ``doc.ents`` builds every entity span anew."""
    found: list[int] | None = doc.user_data.get(_NAME_STARTS_KEY)
    if found is None:
        found = [-1] * len(doc)
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and len(ent) > 1:
                found[ent.start : ent.end] = [ent.start] * len(ent)
        doc.user_data[_NAME_STARTS_KEY] = found
    return found


def _refusal(trigger: Token, pattern: Pattern, slots: Slots, setting: Setting, lexicon: Lexicon) -> list[Candidate]:
    """A negated cooperative intention is a REJECT: "Egypt will not meet Israel's prime minister",
    "there will be no cooperation with Russia, Germany said" (the speaker refuses)."""
    reject = replace(pattern, event_type="REJECT", mode=None, status=None)
    actors_found: list[Token | None] = [*role_options(pattern.actor, trigger, slots, lexicon)]
    if not any(a is not None and actor_of(a) is not None for a in actors_found) and setting.speaker:
        actors_found = [setting.speaker]
    recipients: list[Token | None] = [
        *role_options(pattern.recipient, trigger, slots, lexicon, recipient_of=pattern.event_type)
    ] or [None]
    return [
        Candidate(trigger, reject, actor, recipient, None, "occurred", None, slots)
        for actor in actors_found or [None]
        for recipient in recipients
    ]


#: The pattern behind "X said Y must ...": a demand made through a modal in reported speech.
MODAL_DEMAND = Pattern(
    event_type="REQUEST",
    lemmas=frozenset(),
    pos="VERB",
    mode=None,
    needs={},
    forbid={},
    actor=("speaker",),  # the one who reports the modal clause (see _modal_demands)
    recipient=(),
    modes={},
    strength=0.6,
    status=None,
    standalone=False,
)


def _modal_demands(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    """ "Russia said Sudan must return the helicopter": a REQUEST by Russia of Sudan; "should" only
    when said of an actor ("Iran should free the sailors, Paris said", not "talks should start")."""
    found: list[Candidate] = []
    doc = sentence.doc
    modals = lexicon.marker("demand_aux") | lexicon.marker("advice_aux")
    demand_aux, aux = string_ids(doc, modals), doc.vocab.strings["aux"]
    lowers, deps = token_ids(doc, "LOWER"), token_ids(doc, "DEP")
    # the verbs with a demanding auxiliary ("must", "should") are the heads of those auxiliaries
    heads = {
        doc[i].head.i: i for i in range(sentence.start, sentence.end) if deps[i] == aux and lowers[i] in demand_aux
    }
    for verb, modal in ((doc[i], doc[j]) for i, j in sorted(heads.items())):
        if not sentence.start <= verb.i < sentence.end or is_negated(verb, lexicon):
            continue
        speaker, voice = reporter(verb, lexicon), quote_voice(verb)
        subjects = [_addressed(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if (speaker is None and voice is None) or not subjects:
            continue
        addressed = actor_of(subjects[0])
        if modal.lower_ in lexicon.marker("advice_aux") and addressed is None:
            continue
        if speaker is not None and subjects[0].pos_ == "PRON" and addressed is not None \
                and addressed == actor_of(speaker):
            continue  # "Russia said it must protect its citizens": its own duty, not a demand
        found.append(Candidate(verb, MODAL_DEMAND, speaker, subjects[0], None, "occurred", None, Slots(), voice=voice))
    return found


def _addressed(subject: Token) -> Token:
    """The one a pronoun subject of a told clause stands for: the one told ("France told Mali it
    should hold elections": Mali); else the subject itself."""
    clause = subject.head
    if subject.pos_ != "PRON" or clause.dep_ != "ccomp":
        return subject
    told = [c for c in clause.head.children if c.dep_ in ("dobj", "dative") and actor_of(c) is not None]
    return told[0] if told else subject


#: The pattern behind a judgement on someone's act: "X's partnership with Y is counterproductive".
JUDGEMENT = replace(MODAL_DEMAND, event_type="ACCUSE", strength=0.55)


#: The same when only the partner of the judged tie is named ("the partnership with the group"): the
#: judgement is aimed at whoever the text has said partners with it (see :func:`_partnered`).
PARTNER_JUDGEMENT = replace(JUDGEMENT, strength=0.5)


def _condemns(word: Token, lexicon: Lexicon) -> bool:
    """Whether a predicate condemns what it is said of: "reckless", "a war crime", "a flagrant
    violation" (``harm_adjectives``, ``harm_nouns``), or a ``light_nouns`` head with such a modifier or
    "of" phrase ("a reckless act", "an act of aggression")."""
    harsh = lexicon.marker("harm_adjectives") | lexicon.marker("harm_nouns")
    for token in conjuncts(word):
        if lemma_of(token) in harsh:
            return True
        if lemma_of(token) in lexicon.marker("light_nouns"):
            inner = [c for c in token.children if c.dep_ == "amod"]
            inner += [pobj for name, pobj in prep_objects_of(token) if name == "of"]
            if any(lemma_of(t) in harsh for t in inner):
                return True
    return False


def _predicates(verb: Token) -> list[Token]:
    """What a copula says of its subject: "was reckless", "is a war crime", "constitutes a violation",
    "poses a threat", "amounts to aggression"."""
    found = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd", "dobj")]
    return found + [pobj for name, pobj in prep_objects_of(verb) if name == "to"]


def _act_subject(verb: Token, lexicon: Lexicon, acts: set[int]) -> Token | None:
    """The clause's subject when it names an act that can be judged: a policy or tie (``judged_acts``),
    an event noun of the sentence ("the strikes", "the coup"), "this" / "that", or, when the predicate
    is a noun, "it" / "what" ("what we see is ethnic cleansing")."""
    nominal = any(c.dep_ == "attr" for c in verb.children)
    light = lexicon.marker("light_nouns")
    for child in verb.children:
        if child.dep_ not in ("nsubj", "csubj"):
            continue
        named = [child] + [p for name, p in prep_objects_of(child) if name == "of" and lemma_of(child) in light]
        if any(lemma_of(t) in lexicon.marker("judged_acts") or t.i in acts for t in named):
            return child  # "the strikes", "a series of launches"
        if child.lower_ in ("this", "that"):
            return child
        if nominal and (child.lower_ == "it" or any(t.lower_ == "what" for t in child.subtree)):
            return child
    return None


def _judged_act(verb: Token, lexicon: Lexicon, acts: set[int]) -> tuple[Token, Token] | None:
    """The act a clause condemns, or None, with the word that judges it: "the partnership undermines
    security", "the deal is counterproductive", "the strikes were a war crime", "the launch poses a
    threat to peace", "the cooperation will not bring stability" (the act is the clause's subject,
    see :func:`_act_subject`)."""
    subject = _act_subject(verb, lexicon, acts)
    if subject is None:
        return None
    word = lemma_of(verb)
    if word in lexicon.marker("harm_verbs") and not is_negated(verb, lexicon):
        return subject, verb
    if word in lexicon.marker("copulas") and not is_negated(verb, lexicon):
        judging = [p for p in _predicates(verb) if _condemns(p, lexicon)]
        return (subject, judging[0]) if judging else None
    doubted = is_negated(verb, lexicon) or _doubter(verb, lexicon) is not None
    return (subject, verb) if word in lexicon.marker("outcome_verbs") and doubted else None


def _doubter(verb: Token, lexicon: Lexicon) -> Token | None:
    """Who doubts what a clause says: the subject of a negated "believe"/"think" above it; for "we"
    or "I" in a quote, whoever the quote is reported from ('"We do not think ...," she said')."""
    head = verb.head
    if verb.dep_ != "ccomp" or lemma_of(head) not in lexicon.marker("doubt_verbs") or not is_negated(head, lexicon):
        return None
    doubter = next(iter(clause_subject(head, lexicon)), None)
    if doubter is not None and doubter.lower_ in ("we", "i"):
        return reporter(head, lexicon) or doubter
    return doubter


def _act_doer(act: Token, lexicon: Lexicon, doers: Mapping[int, Token]) -> tuple[Token | None, bool]:
    """Whose act a judged noun is: the doer of the event it triggers ("the Russian strikes"), "Mali's
    partnership", "the cooperation of the authorities", else the partner ("the partnership with the
    group"); and whether it is the partner."""
    if act.i in doers:
        return doers[act.i], False
    owners = noun_subjects(act)
    owners += [s for clause in act.children if clause.dep_ == "relcl"  # "sanctions the bloc had imposed"
               for s in clause.children if s.dep_ == "nsubj" and s.pos_ != "PRON"]
    if lemma_of(act) in lexicon.marker("judged_acts"):  # of an event noun, "of" names whom it hit
        owners += [pobj for name, pobj in prep_objects_of(act) if name == "of"]
    named = [t for t in owners if actor_of(t)]
    if named or owners:  # an owner the actors stage could not name is still the act's owner
        return (named or owners)[0], False
    partners = [p for name, p in prep_objects_of(act) if name in ("with", "between") and actor_of(p) is not None]
    return (partners[0], True) if partners else (None, False)


def _judgements(sentence: Span, lexicon: Lexicon, acts: set[int], others: Sequence[Candidate]) -> list[Candidate]:
    """Criticism told as an opinion, an ACCUSE in the codebook's sense (blame, criticism): "the
    partnership with the group is counterproductive, the minister said", "we do not believe the
    deal will bring stability", "the shelling was a war crime, Kyiv said". The doer is whoever
    judges (the speaker, the doubter); the recipient the one whose act is judged (``acts``: the
    sentence's event nouns, whose doers ``others`` name)."""
    found: list[Candidate] = []
    doers = {c.trigger.i: c.actor for c in others if c.actor is not None and actor_of(c.actor) is not None}
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        judged = _judged_act(verb, lexicon, acts)
        if judged is None:
            continue
        act, word = judged
        judge = _doubter(verb, lexicon) or according_to(verb) or reporter(verb, lexicon)
        voice = quote_voice(verb)
        if judge is not None or voice is not None:
            target, partner = _act_doer(act, lexicon, doers)
            target = target or act  # "the launch was reckless": the act, whose doer the article may tell
            pattern = PARTNER_JUDGEMENT if partner else JUDGEMENT
            said = speech_verb(verb, lexicon)
            found.append(
                Candidate(word, pattern, judge, target, None, "occurred", None, Slots(), said=said, voice=voice)
            )
    return found


def governs_any(trigger: Token, positions: set[int], scene: frozenset[str] = frozenset()) -> bool:
    """Whether an event trigger sits below ``trigger`` in what it governs: a fallback ("agreed to ...")
    is kept only when nothing it governs is an event of its own ("agreed to set up a research centre"
    is an AGREE). The phrases that set its scene (``scene``: "after talks in Nairobi") are not what it
    governs."""
    governed = [c for c in trigger.children if c.lower_ not in scene]
    return any(t.i in positions for c in governed for t in c.subtree)


def _matches(sentence: Span, lexicon: Lexicon) -> tuple[dict[int, tuple[Pattern, Slots]], set[int]]:
    """Every matched trigger of the sentence by position, and the tokens their patterns consume."""
    matches: dict[int, tuple[Pattern, Slots]] = {}
    consumed: set[int] = set()
    for token in _possible_triggers(sentence, lexicon):
        found = _match_token(token, lexicon)
        if found is not None:
            matches[token.i] = found
            consumed |= _consumed_tokens(*found, lexicon)
    return matches, consumed


def _is_mutual(trigger: Token, pattern: Pattern, actor_heads: Sequence[Token | None],
               recipient_heads: Sequence[Token | None], lexicon: Lexicon) -> bool:
    """Whether coordinated doers are each other's partners: "Ethiopia and Eritrea reached an agreement",
    but not "Jamaica and Belize pledged troops" (a pledge is each one's own, ``unilateral_verbs``)."""
    return (
        len(actor_heads) > 1
        and pattern.event_type in lexicon.mutual
        and lemma_of(trigger) not in lexicon.marker("unilateral_verbs")
        and all(r is None or actor_of(r) is None for r in recipient_heads)
    )


def _joint_reading(trigger: Token, pattern: Pattern, actor_heads: Sequence[Token | None], lexicon: Lexicon) -> Pattern:
    """The pattern as its ``joint_types`` reading when two or more named doers hold an operation
    (``joint_operations``) together."""
    joint = lexicon.joint.get(pattern.event_type)
    named = sum(1 for h in actor_heads if h is not None and actor_of(h) is not None)
    if joint is None or lemma_of(trigger) not in lexicon.marker("joint_operations") or named < 2:
        return pattern
    return replace(pattern, event_type=joint, mode=None, modes={})


def _candidates_of(
    trigger: Token, pattern: Pattern, slots: Slots, lexicon: Lexicon, triggers: dict[int, Pattern]
) -> list[Candidate]:
    """The candidates of one matched trigger: one per doer and recipient phrase, a REJECT for a
    refused intention, none when its setting drops it."""
    setting = setting_of(trigger, lexicon, triggers)
    if setting.context == "refused" and pattern.event_type in lexicon.refusable:
        return _refusal(trigger, pattern, slots, setting, lexicon)
    if setting.context in ("drop", "refused"):
        return []
    announced = pattern.status != "occurred" and "announced" in (pattern.status, setting.context)
    status: Status = "announced" if announced else "occurred"
    actor_heads: list[Token | None] = [*role_options(pattern.actor, trigger, slots, lexicon)] or [None]
    recipient_heads: list[Token | None] = [
        *role_options(pattern.recipient, trigger, slots, lexicon, recipient_of=pattern.event_type)
    ] or [None]
    pattern = _joint_reading(trigger, pattern, actor_heads, lexicon)
    mutual = _is_mutual(trigger, pattern, actor_heads, recipient_heads, lexicon)
    mode = _mode_for(pattern, slots, trigger, lexicon)
    said = speech_verb(trigger, lexicon) if "speaker" in pattern.actor else None
    speaker, accusing, pledge, voice = setting.speaker, setting.accusing, setting.pledge, quote_voice(trigger)
    return [
        Candidate(trigger, pattern, actor, recipient, speaker, status, mode, slots, accusing, rank, said, pledge, voice)
        for actor in actor_heads
        # "Ethiopia and Eritrea reached an agreement": each is the other's partner
        for rank, recipient in enumerate([a for a in actor_heads if a is not actor] if mutual else recipient_heads)
        if recipient is None or actor is None or recipient.i != actor.i  # "drills between X and Y": X's partner is Y
    ]


def find_candidates(sentence: Span, lexicon: Lexicon | None = None) -> list[Candidate]:
    """Matched triggers in a sentence with their role phrases, status and speaker."""
    lexicon = lexicon or default_lexicon()
    matches, consumed = _matches(sentence, lexicon)
    triggers = {i: pattern for i, (pattern, _) in matches.items()}
    candidates: list[Candidate] = []
    for i, (pattern, slots) in matches.items():
        if i not in consumed:
            candidates += _candidates_of(sentence.doc[i], pattern, slots, lexicon, triggers)
    acts = {i for i in matches if sentence.doc[i].pos_ in ("NOUN", "PROPN")}
    return candidates + _modal_demands(sentence, lexicon) + _judgements(sentence, lexicon, acts, candidates)
