"""Whether and how an event is told: the words above a trigger decide its status.

:func:`setting_of` walks from the trigger up its governors: a future tense, a promise or a deadline
makes the event ``announced``; a negation, a condition, a question or a governing demand, refusal or
threat drops it (a negated intention may still be a refusal, see :mod:`hornbill.events.match`); a
speech verb above it says who reports it (``claimed_by``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

from hornbill.doctools import doc_text
from hornbill.events.lexicon import Lexicon, Pattern
from hornbill.events.roles import according_to, actor_of, clause_subject, reporter
from hornbill.events.syntax import (
    child_words,
    is_infinitival,
    lemma_of,
    names_an_occasion,
    naming_clause,
    noun_subjects,
    prep_objects,
)

Context = Literal["occurred", "announced", "drop", "refused"]
#: How an announced act is told: promised by a commissive word ("vowed to keep attacking") or foretold
#: in the future tense ("it would keep attacking"); None otherwise.
Pledge = Literal["promise", "future"] | None

#: Dependencies along which a trigger is governed by a word that may change its meaning.
GOVERNED_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "acomp",
        "dobj",
        "pobj",
        "prep",
        "nsubjpass",
        "acl",
        "pcomp",
        "attr",
        "oprd",
        "compound",
        "advcl",
        "conj",
        "auxpass",
        "appos",
        "nsubj",
        "agent",
        "dative",
    }
)


#: Coordinated words: their auxiliaries carry over to the trigger, their meaning does not.
SIBLING_DEPS = frozenset({"conj", "appos", "nsubj", "auxpass"})


ORDINAL_WORDS = frozenset({"first", "last", "latest", "second", "third", "only"})


@dataclass(frozen=True)
class Setting:
    """What the words governing a trigger say about it."""

    context: Context
    speaker: Token | None = None
    accusing: bool = False
    pledge: Pledge = None


def is_negated(node: Token, lexicon: Lexicon) -> bool:
    """ "did not withdraw", "never attacked", "no cooperation", "no longer", "before holding"."""
    if node.dep_ == "pcomp" and node.head.lower_ in lexicon.marker("unrealised_preps"):
        return True
    for child in node.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and word in ("no", "neither")):
            return True
        if child.dep_ == "advmod" and (word == "never" or (word == "longer" and "no" in child_words(child))):
            return True
    if node.i >= 2 and node.doc[node.i - 1].text == "-" and node.doc[node.i - 2].lower_ == "co":
        co = node.doc[node.i - 2]  # "no co-operation": the determiner hangs off the split-off "co"
        return any(c.lower_ in lexicon.marker("negation") for c in (*co.children, *node.children))
    return False


def _is_hypothetical(node: Token, lexicon: Lexicon, own_clause: bool, conditions: bool = True) -> bool:
    """Conditionals and modals (modals only count in the trigger's own clause: "I can announce that
    X will leave" is no hypothetical; ``conditions`` off: an "if" clause under ``node`` is part of it)."""
    conditional = lexicon.marker("conditional_marks")
    for child in node.children:
        word = child.lower_
        if child.dep_ == "mark" and word in conditional:
            return True
        if conditions and child.dep_ == "advcl" and any(m.lower_ in conditional for m in child.children):
            return True  # the consequent of a conditional: "if X attacks, Y will retaliate"
        if own_clause and child.dep_ in ("aux", "auxpass") and word in lexicon.marker("hypothetical_aux"):
            return True
    return False


def _is_future(node: Token, lexicon: Lexicon, decided_is_done: bool = False) -> bool:
    """Future tense, "would" (conditionals are dropped before), "is to", "going to", "to" headlines."""
    children = list(node.children)
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & (lexicon.marker("future_aux") | lexicon.marker("would_aux")):
        return True
    head = node.head
    if node.dep_ == "xcomp" and "to" in aux and head.lemma_ in ("be", "go") and head is not node:
        return True
    if node.lemma_ == "be" and any(c.dep_ == "xcomp" and is_infinitival(c) for c in children):
        return True  # "the handover is to be finished"
    if (node.dep_ == "ROOT" or _is_juxtaposed(node, lexicon)) and "to" in aux and node.tag_ == "VB":
        return True  # headline style: "Germany to withdraw troops", "X to leave sooner, Y promises aid"
    # "the soldiers to be deployed", but not "the latest country to pull out", nor "the decision to
    # suspend rotations" (done when decided; a decision to withdraw is still a plan)
    return (
        node.dep_ in ("acl", "relcl")
        and is_infinitival(node)
        and not (decided_is_done and lemma_of(head) in lexicon.marker("decision_nouns"))
        and not any(c.lower_ in ORDINAL_WORDS for c in head.children if c.dep_ == "amod")
    )


def _has_deadline(node: Token, lexicon: Lexicon) -> bool:
    """A "by <date>" deadline on a verb not in the past ("will withdraw by the end of March")."""
    if node.tag_ in ("VBD",) or any(c.lower_ in lexicon.marker("past_aux") for c in node.children if c.dep_ == "aux"):
        return False
    for name, pobj in prep_objects(node):
        if (
            name == "by"
            and pobj is not None
            and (pobj.ent_type_ == "DATE" or lemma_of(pobj) in lexicon.marker("deadline_nouns"))
        ):
            return True
    return False


def _is_clause_boundary(node: Token, lexicon: Lexicon) -> bool:
    """Adverbial and relative clauses (reduced ones too), and "after/since/despite ..." phrases, keep
    their own status; a purpose clause shares its host's ("will work with its allies to support ...")."""
    purpose = node.dep_ == "advcl" and is_infinitival(node)
    reduced_relative = node.dep_ == "acl" and node.tag_ == "VBN"  # "the truce brokered by Egypt"
    if node.dep_ == "relcl" or reduced_relative or (node.dep_ == "advcl" and not purpose):
        return True
    if _is_juxtaposed(node, lexicon):
        return True
    return node.dep_ == "prep" and node.lower_ in lexicon.marker("boundary_preps")


def _is_time_clause_of_future(clause: Token, lexicon: Lexicon) -> bool:
    """A "when" / "once" / "until" clause of a clause told in the future: what it tells is still to
    come ("they will discuss the deal when they meet next month")."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in lexicon.marker("time_marks") for c in clause.children)
        and _is_future(clause.head, lexicon)
    )


def _is_juxtaposed(clause: Token, lexicon: Lexicon) -> bool:
    """A clause the parser hangs as the complement of a later verb that already has its object: in
    the headline "UN ends mission, US blames Russia" the two clauses stand side by side ("blames"
    has its object; what a speech verb reports may come first: "..., X told reporters")."""
    head = clause.head
    return (
        clause.dep_ == "ccomp"
        and clause.i < head.i
        and any(c.dep_ == "dobj" for c in head.children)
        and lemma_of(head) not in lexicon.speech | lexicon.accusing_speech
    )


def _is_question(trigger: Token) -> bool:
    """Whether the trigger's sentence asks rather than tells: it ends with "?"."""
    sentence = trigger.sent
    return doc_text(trigger.doc)[sentence.start_char : sentence.end_char].rstrip().endswith("?")


@dataclass
class _Walk:
    """What the words passed on the way up from a trigger have said so far (see :func:`setting_of`)."""

    lexicon: Lexicon
    triggers: Mapping[int, Pattern]
    own_type: str | None
    kept_negation: int = -1  # the trigger whose negation is part of its pattern ("will not hesitate"), if any
    trigger_at: int = -1  # where the trigger is
    status: Context = "occurred"
    speaker: Token | None = None
    accusing: bool = False
    pledge: Pledge = None
    own_clause: bool = True
    nominal: bool = False  # the trigger is a noun ("the coup", "Russia's attacks")
    attributed: bool = False  # ... that names its own doer ("Russia's attacks", "the coup by the army")

    @property
    def done_when_decided(self) -> bool:
        """Whether deciding the trigger's event does it (see ``gradual`` in the lexicon)."""
        return self.own_type is not None and self.own_type not in self.lexicon.gradual

    def ending_at(self, node: Token, sibling: bool) -> Setting | None:
        """The setting when ``node`` itself ends the walk: a condition or modal drops the event; a
        negation drops it or, for an intention in the trigger's own clause, makes it a refusal."""
        lexicon = self.lexicon
        conditions = not (node.i == self.trigger_at and self.own_type in lexicon.conditional_types)
        if not sibling and _is_hypothetical(node, lexicon, self.own_clause, conditions):
            return Setting("drop")
        if not sibling and is_negated(node, lexicon) and node.i != self.kept_negation:
            # "will not meet", "there will be no cooperation": a refusal; other negations: nothing
            # a negation above a reported clause ("I do not believe the partnership will last") denies
            # the belief, not the act: nothing is refused
            refused = self.own_clause and (
                self.status == "announced" or _is_future(node, lexicon) or _is_future(node.head, lexicon)
            )
            return Setting("refused" if refused else "drop", self.speaker or reporter(node, lexicon))
        return None

    def read_node(self, node: Token) -> None:
        """Note what ``node``'s tense, deadline and "according to" phrase say."""
        if _is_future(node, self.lexicon, self.done_when_decided):
            self.status = "announced"
            self.pledge = self.pledge or "future"
        elif _has_deadline(node, self.lexicon):
            self.status = "announced"
        self.speaker = self.speaker or according_to(node)

    def ending_by_governor(self, head: Token, dep: str, via: Token, enacted: bool, told_done: bool = False
                           ) -> Setting | None:
        """The setting when the governor ``head`` (reached along ``dep``) ends the walk: a demand,
        refusal or threat above the trigger, or a blocking word; else notes a speaker or a promise.
        ``via``: the word below ``head`` on the way up, by ``dep``. ``told_done``: the clause below is in a past
        tense ("announced that he had resigned"), so an announcing verb above reports it rather than
        announces it."""
        lexicon, triggers = self.lexicon, self.triggers
        word = lemma_of(head)
        governing_type = triggers[head.i].event_type if head.i in triggers else None
        # "committed massacres": the massacres are done (neither judged nor promised), whoever judges them
        perpetrated = dep == "dobj" and word in lexicon.marker("perpetrating_verbs")
        judged = self.is_reaction_target(governing_type, dep, via) and not perpetrated
        if governing_type in lexicon.blocking_types or judged:
            return Setting("drop")
        if perpetrated:
            return None
        reports = word in lexicon.speech | lexicon.accusing_speech or (told_done and word in lexicon.announce)
        if dep == "ccomp" and reports:
            self.speaker = self.speaker or next(iter(clause_subject(head, lexicon)), None)
            self.accusing = self.accusing or word in lexicon.accusing_speech
        elif word in lexicon.block and not (word in lexicon.attempt and self.own_type in lexicon.attempted):
            return Setting("drop")
        elif enacted and word in lexicon.marker("enacting_verbs"):
            return None  # "announced sanctions on X": announcing a sanction imposes it
        elif word in lexicon.announce or governing_type in lexicon.announcing_types:
            self.status = "announced"
            if word in lexicon.marker("commissives"):
                self.pledge = "promise"
        return None

    def is_reaction_target(self, governing_type: str | None, dep: str, via: Token) -> bool:
        """Whether the nominal trigger is what a protest or judgement above it reacts to, not a report
        of its own: "protests against the coup", "condemned the coup" (see ``protested_types`` and
        ``judging_types`` in the lexicon). A judged act named with its doer ("condemned Russia's
        attacks") is reported, and so is the subject of a reaction ("the coup was condemned"), and
        the occasion it was voiced on ("raised concerns in a call with X", ``occasion_types``)."""
        if not self.nominal or governing_type is None or dep in ("nsubj", "nsubjpass"):
            return False
        occasion = self.own_type is not None and names_an_occasion(via.lower_, [self.own_type], self.lexicon)
        if dep == "prep" and occasion and any(c.i == self.trigger_at for c in via.children):
            return False  # "in a call with X" is where it was said, not what it is said of
        lexicon = self.lexicon
        return governing_type in lexicon.protested_types or (
            governing_type in lexicon.judging_types and not self.attributed
        )


def _names_own_doer(noun: Token) -> bool:
    """Whether a nominal trigger names who did it: a possessive, a name before it, a "by" phrase."""
    doers = noun_subjects(noun) + [pobj for name, pobj in prep_objects(noun) if name == "by" and pobj is not None]
    return any(actor_of(doer) is not None for doer in doers)


def _walk_for(trigger: Token, lexicon: Lexicon, triggers: Mapping[int, Pattern]) -> _Walk:
    """The start of the walk up from a trigger: its own type, the negation its pattern keeps ("will not
    hesitate"), and for a noun whether it names its doer."""
    own = triggers.get(trigger.i)
    kept_negation = trigger.i if own is not None and own.negated else -1
    nominal = trigger.pos_ == "NOUN"
    return _Walk(lexicon, triggers, own.event_type if own else None, kept_negation, trigger.i,
                 nominal=nominal, attributed=nominal and _names_own_doer(trigger))


def _is_reacted_to(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the trigger is a speech act that another's reaction presupposes was made: "rejected
    calls from Kyiv", "Riyadh's demand was dismissed", "heeded the appeal" (see ``presupposed_nouns``)."""
    if trigger.pos_ != "NOUN" or lemma_of(trigger) not in lexicon.marker("presupposed_nouns"):
        return False
    governor = trigger.head
    if trigger.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head  # "responded to the calls"
    elif trigger.dep_ not in ("dobj", "nsubjpass"):
        return False
    return governor.pos_ in ("VERB", "AUX") and lemma_of(governor) in lexicon.marker("reaction_verbs")


def _is_habitual(trigger: Token, lexicon: Lexicon) -> bool:
    """A verb told as a habit, not as one event: "had long complained", "repeatedly threatened", "have
    for years hit X with sanctions", and a participle of such a verb ("..., accusing it of abuses");
    the conventions leave habitual and aggregate statements out."""
    participle = trigger.dep_ == "advcl" and trigger.tag_ == "VBG"
    return _told_as_habit(trigger, lexicon) or (participle and _told_as_habit(trigger.head, lexicon))


def _told_as_habit(verb: Token, lexicon: Lexicon) -> bool:
    """A habitual adverb, or a bare "for years" (not "for two years", a measure of the act)."""
    adverbs, spans = lexicon.marker("habitual_adverbs"), lexicon.marker("habitual_spans")
    return any((c.dep_ == "advmod" and c.lower_ in adverbs) or (c.dep_ == "prep" and c.lower_ == "for" and any(
        p.dep_ == "pobj" and p.lower_ in spans and not list(p.children) for p in c.children)) for c in verb.children)


def _is_told_as_done(verb: Token) -> bool:
    """A clause in a past tense: "had resigned", "resigned", "has been released"."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def setting_of(trigger: Token, lexicon: Lexicon, triggers: Mapping[int, Pattern]) -> Setting:
    """Walk from the trigger up its governors: status, dropping, and the reporting speaker."""
    if _is_question(trigger) or _is_habitual(trigger, lexicon):
        return Setting("drop")
    if _is_reacted_to(trigger, lexicon):
        return Setting("occurred")
    walk = _walk_for(trigger, lexicon, triggers)
    node, sibling = trigger, False
    for _ in range(8):
        ended = walk.ending_at(node, sibling)
        if ended is not None:
            return ended
        walk.read_node(node)
        head, dep = node.head, node.dep_
        naming = naming_clause(node) if node.i == trigger.i else None
        if naming is not None:  # "launched what it called an operation": the operation is what was launched
            head, dep = naming.head, "dobj"
        if head is node or dep not in GOVERNED_DEPS or _is_clause_boundary(node, lexicon):
            if _is_time_clause_of_future(node, lexicon):
                walk.status = "announced"
            break
        enacted = walk.done_when_decided and node.i == trigger.i and dep == "dobj" and trigger.pos_ == "NOUN"
        told_done = dep == "ccomp" and _is_told_as_done(node)
        via, node, sibling = node, head, dep in SIBLING_DEPS
        walk.own_clause = walk.own_clause and dep != "ccomp"
        if sibling:
            continue  # a coordinated word, not a governor: only its auxiliaries carry over
        ended = walk.ending_by_governor(head, dep, via, enacted, told_done)
        if ended is not None:
            return ended
        if walk.nominal and head.pos_ in ("VERB", "AUX") and head.i in triggers:
            break  # "refused to condemn the army's atrocities": what governs the condemnation leaves them told
    return Setting(walk.status, walk.speaker, walk.accusing, walk.pledge)
