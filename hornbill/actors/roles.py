"""Role nouns resolved within a document ("the Malian authorities", "the junta", "the mission",
"the minister", "his Malian counterpart", "the Wagner mercenary army"); the nouns and what each
resolves to live in ``data/actors/roles.yaml``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Token

from hornbill.actors.agents import load_agents
from hornbill.actors.resolution import DETERMINERS, Candidate, Resolution, is_person
from hornbill.actors.titles import title_words
from hornbill.model import Actor

COUNTRY_NOUNS = frozenset({"country", "nation"})  # "the country's junta": as definite as "the junta"
PERSONAL_POSSESSIVES = frozenset({"his", "her"})  # "her country's troops": the country of the person named


def role_candidates(state: Resolution) -> list[Candidate]:
    """Role nouns resolved within the document (see ``data/actors/roles.yaml``)."""
    matches = _longest_first(
        (state.doc.vocab.strings[m], s, e) for m, s, e in state.matchers.role_nouns(state.doc)
        if not any(i in state.selected for i in range(s, e)))
    contexts = [(label, start, end, *role_country(state, start, end)) for label, start, end in matches]
    junta_links = [(start, iso3) for label, start, _, iso3, _, _ in contexts
                   if iso3 and label.endswith("|junta")]
    counts = state.actor_countries()
    dominant = clear_leader(counts)
    found: list[Candidate] = []
    for label, start, end, iso3, span_start, has_det in contexts:
        kind, _, detail = label.partition("|")
        if _role_blocked(state, end, kind) or (kind in ("country", "forces") and (
                _names_a_unit(state, span_start, end) or _no_states(state, span_start, end))):
            continue
        actor: Actor | None = None
        owner = _named_modifier(state, span_start)
        if kind in ("country", "forces") and owner is not None:
            actor = owner  # "the Wagner mercenary army", "NATO forces": that organisation's
        elif kind in ("country", "forces"):
            if kind == "forces" and detail == "dominant" and _takes_power(state, state.doc[end - 1]):
                detail = "junta"
            indefinite = span_start > 0 and state.doc[span_start - 1].lower_ in ("a", "an")
            if iso3 is None and (has_det or (indefinite and detail == "junta")):  # "a junta seized power"
                iso3 = _bare_country(state, detail, start, dominant, junta_links)
            if iso3 is not None:
                actor = (state.dictionary.country(iso3) if kind == "country"
                         else state.dictionary.armed_forces(iso3))
        elif kind == "group" and (has_det or owner is not None or state.doc[end - 1].tag_ in ("NNS", "NNPS")):
            if owner is not None and owner.type == "IGO":
                detail += ";type=IGO"  # "the UN mission": an international one
            actor = _recent_group(state, start, detail)
        elif kind == "title" and has_det and not _names_its_organisation(state, state.doc[end - 1]):
            actor = _titled_person(state, start, end, iso3)
        elif kind == "counterpart" and iso3 is not None:
            actor = _counterpart(state, start, iso3)
        if actor is not None:
            found.append(Candidate(span_start, end, actor, "role"))
    return found


def _names_a_unit(state: Resolution, start: int, end: int) -> bool:
    """ "Guinea's special forces", "the presidential guard": one unit of the forces, an actor of its
    own words (the generic actors' ``units``), not the country or its national forces."""
    return load_agents().names_a_unit([t.lemma_.lower() for t in state.doc[start:end]])


def _no_states(state: Resolution, start: int, end: int) -> bool:
    """ "The separatist government", "rebel authorities": a government or force of no state
    (``non_state_marks``), whatever country the article is about."""
    head = state.doc[end - 1]
    words = [t.lower_ for t in state.doc[start:end]] + [c.lower_ for c in head.children if c.dep_ == "amod"]
    return state.roles.no_state_mark(words) is not None


def _role_blocked(state: Resolution, end: int, kind: str) -> bool:
    """A role noun that modifies another noun or opens a name ("army chief", "Minister Lavrov"),
    or a title in apposition to a name ("Mali's president, Bah Ndaw,")."""
    last = state.doc[end - 1]
    following = state.doc[end] if end < len(state.doc) else None
    if last.dep_ == "compound" or (following is not None and following.pos_ == "PROPN"):
        return True
    related = [c for c in last.children if c.dep_ == "appos"]
    related += [last.head] if last.dep_ == "appos" else []
    return kind == "title" and any(is_person(state.selected.get(t.i)) for t in related)


def role_country(state: Resolution, start: int, end: int) -> tuple[str | None, int, bool]:
    """(country named in the phrase, where the phrase starts, whether a determiner opens it)."""
    doc = state.doc
    i = start - 1
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].like_num:
        i -= 3  # "the 15-member bloc", "the 55-nation union": a size says nothing of whose
    while i >= 0 and start - i <= 2 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1
    span_start = i + 1
    iso3: str | None = None
    if i >= 0 and state.country_at(i):
        iso3 = state.country_at(i)
        span_start = state.selected[i].start
    elif i >= 1 and doc[i].tag_ == "POS" and state.country_at(i - 1):
        iso3 = state.country_at(i - 1)
        span_start = state.selected[i - 1].start
    elif i >= 2 and doc[i].tag_ == "POS" and (iso3 := _persons_country(state, i - 1)) is not None:
        span_start = i - 2  # "her country's troops"
    elif (iso3 := _persons_country(state, end - 1)) is not None:
        span_start = start - 1  # "his country will leave"
        return iso3, span_start, True
    opener = i
    while opener >= 0 and doc[opener].dep_ == "compound" and opener in state.selected:
        opener -= 1  # "the UN mission": a named modifier between determiner and noun
    has_det = (opener >= 0 and doc[opener].lower_ in DETERMINERS) or iso3 is not None or (
        opener >= 1 and doc[opener].tag_ == "POS" and doc[opener - 1].lower_ in COUNTRY_NOUNS)
    if iso3 is None:
        iso3 = _country_after(state, doc[end - 1])
    return iso3, span_start, has_det


def _persons_country(state: Resolution, i: int) -> str | None:
    """For "country" or "nation" after "his" or "her": the country of the last person named
    before it in the sentence ("Baerbock said her country's troops would leave")."""
    doc = state.doc
    if i < 1 or doc[i].lower_ not in COUNTRY_NOUNS or doc[i - 1].lower_ not in PERSONAL_POSSESSIVES:
        return None
    sentence_start = doc[i].sent.start
    people = [m for m in state.selected.values() if is_person(m) and sentence_start <= m.start < i - 1]
    last = max(people, key=lambda m: m.start, default=None)
    return last.actor.country if last is not None else None


def _named_modifier(state: Resolution, span_start: int) -> Actor | None:
    """The organisation named right before a role phrase, perhaps across a noun modifier or two
    ("the Wagner mercenary army", "the EU training mission")."""
    i = span_start - 1
    while i >= 0 and span_start - i <= 2 and state.doc[i].is_lower and state.doc[i].dep_ == "compound":
        i -= 1
    mention = state.selected.get(i)
    if mention is None or mention.actor.type in ("COUNTRY", "PERSON"):
        return None
    return mention.actor if state.doc[i].dep_ in ("compound", "nmod", "amod") else None


def _country_after(state: Resolution, head: Token) -> str | None:
    """"the authorities of Mali", "the junta in Niger", "troops from Chad" -> the country of the object;
    "the junta led by Assimi Goïta" -> the leader's country."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (iso3 := state.country_at(obj.i)):
                    return iso3
        if child.dep_ == "acl" and child.lemma_ == "lead":
            for agent in child.children:
                leaders = [state.selected.get(o.i) for o in agent.children if agent.dep_ == "agent"]
                if (leader := next((m for m in leaders if is_person(m)), None)) and leader.actor.country:
                    return leader.actor.country
    return None


def _names_its_organisation(state: Resolution, head: Token) -> bool:
    """"the head of Wagner": the title belongs to whoever heads that body, not to a recent name."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights)


def _bare_country(state: Resolution, policy: str, start: int, dominant: str | None,
                  junta_links: list[tuple[int, str]]) -> str | None:
    if policy == "junta":
        before = [iso3 for pos, iso3 in junta_links if pos < start]
        if before:
            return before[-1]
        return clear_leader(Counter(iso3 for _, iso3 in junta_links)) or _leading_junta_country(state)
    return dominant if policy == "dominant" else None


def _takes_power(state: Resolution, noun: Token) -> bool:
    """Whether ``noun`` is the subject of a verb telling that it took power (``power_grabs``)."""
    if noun.dep_ != "nsubj":
        return False
    verb = noun.head
    if verb.lemma_ in state.roles.grab_verbs:
        return True
    below = [t for child in verb.children for t in (child, *child.children)]
    return verb.lemma_ in state.roles.grab_verbs_with_object and any(
        t.lemma_ in state.roles.grab_objects for t in below)


def _leading_junta_country(state: Resolution) -> str | None:
    """The most-named country among those the role data lists as (recently) ruled by juntas."""
    named: Counter[str | None] = Counter(m.actor.country for m in state.mentions()
                    if m.actor.type == "COUNTRY" and m.actor.country in state.roles.junta_countries)
    return clear_leader(named)


def _recent_group(state: Resolution, start: int, detail: str) -> Actor | None:
    """The most recent actor of the type/tag named before ``start``, else the only one in the doc."""
    wanted = dict(condition.split("=", 1) for condition in detail.split(";"))

    def fits(actor: Actor) -> bool:
        return (wanted.get("type", actor.type) == actor.type
                and ("tag" not in wanted or state.dictionary.has_tag(actor.key, wanted["tag"])))

    named = [m for m in state.mentions() if m.how != "role" and fits(m.actor)]
    defined = _parenthesised_after(state, start)
    if defined is not None and fits(defined):
        return defined  # "the peacekeeping force in Mali (MINUSMA)"
    before = [m for m in named if m.end <= start]
    if before:
        return before[-1].actor
    distinct = {m.actor.key: m.actor for m in named}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _parenthesised_after(state: Resolution, start: int) -> Actor | None:
    """The actor named in parentheses right after the phrase that starts at ``start``."""
    sentence = state.doc[start].sent
    for i in range(start + 1, min(sentence.end - 2, start + 8)):
        if state.doc[i].text == "(":
            inside = state.selected.get(i + 1)
            closed = inside is not None and inside.end < len(state.doc) and state.doc[inside.end].text == ")"
            return inside.actor if inside is not None and closed else None
    return None


def _titled_person(state: Resolution, start: int, end: int, iso3: str | None) -> Actor | None:
    """"the minister" -> the most recent person whose title holds all the role's words."""
    wanted = set(" ".join(t.lower_ for t in state.doc[start:end]).split())
    people = [m for m in state.mentions()
              if m.actor.type == "PERSON" and m.end <= start and m.how != "pronoun"]
    for mention in reversed(people):
        if iso3 is not None and mention.actor.country != iso3:
            continue
        if wanted <= title_words(state, mention):
            return mention.actor
    return None


def _counterpart(state: Resolution, start: int, iso3: str) -> Actor | None:
    """"Putin and his Malian counterpart" -> the most recent person of that country who shares a
    title word with the nearest person of another country named before (abstains otherwise)."""
    people = [m for m in state.mentions()
              if m.actor.type == "PERSON" and m.end <= start and m.how != "pronoun"]
    holder = next((m for m in reversed(people) if m.actor.country not in (None, iso3)), None)
    if holder is None:
        return None
    office = title_words(state, holder) & state.roles.title_words - {"of", "the"}
    for mention in reversed(people):
        if mention.actor.country == iso3 and office & title_words(state, mention):
            return mention.actor
    return None


def _longest_first(matches: Iterable[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Non-overlapping matches, preferring the longest, in document order."""
    taken: set[int] = set()
    kept: list[tuple[str, int, int]] = []
    for label, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if not taken.intersection(range(start, end)):
            taken.update(range(start, end))
            kept.append((label, start, end))
    return sorted(kept, key=lambda m: m[1])


def clear_leader(counts: Counter[str | None]) -> str | None:
    """The most frequent value if it leads the runner-up (and is seen at least twice if alone)."""
    ranked = [(value, n) for value, n in counts.most_common(2) if value is not None]
    if not ranked:
        return None
    if len(ranked) == 1:
        return ranked[0][0] if ranked[0][1] >= 2 else None
    return ranked[0][0] if ranked[0][1] > ranked[1][1] else None
