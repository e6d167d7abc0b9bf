"""Derive the CAMEO backstop lexicon hornbill/data/cameo_verbs.yaml from PETRARCH2's CAMEO verb dictionary.

    .venv/bin/python scripts/cameo_verbs.py ../shared/benchmarks/petrarch2-dictionaries/CAMEO.2.0.txt \
        ../shared/benchmarks/plover-gsr/CAMEO2PLOVER-2021.txt > hornbill/data/cameo_verbs.yaml

CAMEO.2.0.txt (MIT, Open Event Data Alliance) holds verb blocks: a header ``---  KILL   [190]  ---`` with the
block's default CAMEO code, the block's synonym verbs (irregular forms in braces, a verb's own code in
brackets, multi-word verbs written ``+SHOOT_DOWN``) and its patterns (``- * HOSTAGE [181]``: the verbs of the
block with that object). CAMEO2PLOVER-2021.txt maps CAMEO codes to PLOVER types and modes; codes it does not
map (statements, 01x; appeals, 02x) are no PLOVER event.

What is derived:
- ``verbs``: every synonym verb of a block whose default code maps to a PLOVER type, coded with its own code
  when it has one (a verb coded ``[---]`` or with an unmapped code is left out). A multi-word verb is kept
  when its second word is a particle ("wipe out") or a preposition ("rally against": the verb with a phrase of
  that preposition); other multi-word entries are left out. The recipient is read from the object, and from
  the prepositions the block's own patterns of that type use ("* (AGAINST ...)").
- ``objects``: the simple patterns of those blocks, one object noun after the verb (``- * HOSTAGE [181]
  # TAKE``), as verb + object lemma pairs for the verb the pattern was written for (its comment), when the
  pattern's code maps to a PLOVER type; a particle or preposition alone (``- * OFF [160] # CALL``) makes a
  multi-word verb of its own.
- ``non_events``: the same patterns coded as no PLOVER event (``- * FUNERAL [017] # ATTEND``): the verb does
  not fire with that object.

Curation against the PLOVER codebook lives in CURATED_BLOCKS, CURATED_VERBS and CODE_FIXES below, one reason
each: a curated block or verb gives nothing. Entries are sorted, so a re-run shows only real changes in a
diff. The file is a backstop: hornbill/events/lexicon.py ignores every entry whose verb plover.yaml indexes
or governs, so the hand-written patterns decide those words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: How far a backstop match is trusted, below every hand-written pattern (their weakest is 0.5).
STRENGTH = 0.45

#: Blocks whose default sense is no event in news, or not the event CAMEO codes it as in the PLOVER codebook.
CURATED_BLOCKS: dict[str, str] = {
    "INTEND": "intentions are a status of the intended act (plover.yaml's announce governors), not an AGREE",
    "PREPARE": "preparing and training are no commitment; training forces is AID in plover.yaml",
    "PROMISE": "'ensure', 'assure', 'certify' state outcomes, not commitments; 'promise' is a governor",
    "REVIVE": "reviving is coded by what is revived (ties, talks), which plover.yaml patterns read",
    "SIGNAL": "a signal of intent is an opinion, not a commitment",
    "STRIVE": "striving is an effort, not an event",
    "ARRIVE": "arriving or approaching is no meeting; a visit is coded by plover.yaml's visit patterns",
    "CABLE": "sending a telegram is an old word for a statement",
    "CONSIDER": "considering and pondering are thoughts, no consultation",
    "HEAR": "hearing and learning are perception, no consultation",
    "INTRODUCE": "introducing or inserting is no consultation",
    "INVITE": "the codebook codes invitations as AGREE; 'invite' is a governor in plover.yaml",
    "NOTIFY": "a notification is a statement (CAMEO 01x in sense), no consultation",
    "COLLABORATE": "'associate', 'concert' are no act; cooperation verbs are in plover.yaml",
    "COORDINATE": "harmonising and integrating are no diplomatic support",
    "DISCLOSE": "admitting and revealing are statements (CAMEO 01x in sense)",
    "INFLUENCE": "influencing and affecting are no support",
    "REJOICE": "rejoicing is an emotion",
    "SUPPORT": "'advertise', 'promote' are no political support",
    "BLESS": "blessings are religious ceremony",
    "ENCOURAGE": "emboldening and inspiring are causation, not praise",
    "FAVOR": "a preference is an opinion, not an act of support",
    "REASSERT": "reasserting is coded by what is reasserted",
    "RESPECT": "'value', 'prize', 'esteem' are opinions (and 'value' mostly a noun)",
    "AID": "'benefit', 'serve' are no cooperation",
    "ALLOCATE": "assigning and tasking are no cooperation",
    "BOOST": "an increase is coded by what is increased, as plover.yaml's patterns do",
    "ENACT": "founding and enacting laws are domestic acts, no cooperation",
    "ENLIST": "enrolling is no cooperation",
    "FACILITATE": "easing, improving, mitigating in general are no cooperation",
    "GRANT": "giving is AID by its object (plover.yaml), not COOPERATE as the block's 060",
    "LINK": "'linked to', 'connected' describe, they are no cooperation",
    "MERGE": "merging and combining are no international cooperation",
    "OVERSEE_MANAGE": "governing, managing and controlling are states, no cooperation",
    "ARM": "'furnish', 'stock', 'render' are no military cooperation; arming is AID in plover.yaml",
    "INTERVENE": "an intervention is an attack, a deployment or a mediation by its context, not AID",
    "STABILISE": "stabilising is an outcome, no aid",
    "DEFEND": "'protect', 'guard', 'shield' mostly state purposes ('to protect civilians'), not peacekeeping",
    "ABSTAIN": "abstaining in a vote is no concession",
    "ALLOW": "allowing is coded by what is allowed (plover.yaml); 'pass', 'clear', 'verify' are no concession",
    "LOOSEN": "untying and teasing are no concession; lifting measures is in plover.yaml",
    "RELEASE": "a release of people is RETREAT in the codebook, hand-coded in plover.yaml",
    "PROBE": "'comb', 'dig', 'mine', 'sweep', 'scan' are mostly literal, no investigation",
    "DESPAIR": "despair is an emotion",
    "DISMAY": "being disappointed or saddened is an emotion, not a complaint by its subject",
    "DISTRUST": "distrust and suspicion are opinions, no accusation",
    "LAMENT": "mourning and weeping are grief, no disapproval",
    "REGRET": "the codebook codes regret as CONCEDE, not ACCUSE",
    "DISGRACE": "humiliating and degrading are no disapproval",
    "DELAY": "delaying and hindering are no refusal; 'table' proposes in British English",
    "ENDANGER": "endangering is an outcome, no threat",
    "DISTURB": "annoying, bothering, upsetting are no protest; harassment is no demonstration",
    "PROVOKE": "provoking is causation, no protest",
    "BETRAY": "a betrayal is a judgement, not a reduction of relations",
    "DISRUPT": "disruption is coded by what is disrupted",
    "SPY": "spying is intelligence gathering, not a reduction of relations in the codebook",
    "UNDERMINE": "undermining is a judgement (plover.yaml reads it as one), not a sanction",
    "IMPEL": "compelling and forcing are coded by what is forced",
    "EXTRACT": "extracting and plucking are mostly literal",
    "HURT": "damage to things and reputations; injuries are hand-coded in plover.yaml",
    "RIP": "tearing is literal or figurative, no assault",
    "DIE": "a death is no act of a doer; killings are hand-coded",
    "ENCIRCLE": "surrounding a place is a show of force or a blockade, not force used (ASSAULT); 'circle' is flight",
    "ENGAGE": "'engage' in talks, in fighting, a firm: the sense is in the object",
    "INVADE": "'inhabit', 'reside', 'infest' are residence; invasion is hand-coded",
}

#: Verbs of kept blocks that are no event of the block's type, or not in news' usual sense.
CURATED_VERBS: dict[str, str] = {
    "cluster": "grouping of things",
    "conglomerate": "grouping of things",
    "congregate": "a crowd gathering",
    "conjoin": "grouping of things",
    "constellate": "grouping of things",
    "huddle": "a crowd gathering",
    "unite": "a merger, no meeting",
    "get": "'get together' is a private meeting",
    "embark": "starting a journey or a project",
    "egress": "leaving a place",
    "journey": "travel, no meeting",
    "touring": "an inflected form, not a lemma",
    "run": "'run into' is a chance meeting",
    "brave": "braving danger is no meeting",
    "confront": "a confrontation is no consultation",
    "encounter": "a chance meeting",
    "face": "'faces charges', 'faces a crisis'",
    "interact": "contact in general",
    "admire": "admiration is an opinion, not praise given",
    "celebrate": "festivals and anniversaries",
    "clap": "applause at events",
    "commemorate": "ceremonies (CAMEO 017)",
    "greet": "a greeting is courtesy",
    "reward": "rewards for information",
    "toast": "courtesy at dinners",
    "forgave": "an inflected form, not a lemma",
    "forgiven": "an inflected form, not a lemma",
    "sponsor": "'state-sponsored', sponsoring a resolution is SUPPORT",
    "compensate": "coded 114 (complain) in the dictionary, which is wrong; compensation is hand-coded",
    "arbitrate": "mediation is CONSULT in the codebook, not CONCEDE",
    "intercede": "mediation is CONSULT",
    "intermediate": "mediation is CONSULT",
    "conciliate": "mediation is CONSULT",
    "hash": "a negotiation is CONSULT",
    "settle": "'settled in' is residence",
    "resettle": "moving people is no concession",
    "detach": "physical separation, no concession",
    "disconnect": "physical separation, no concession",
    "recede": "floods and fears recede, not parties",
    "retire": "retirement is no concession",
    "emancipate": "a release is RETREAT (hand-coded)",
    "unloose": "physical untying, no release",
    "fill": "'fill posts, gaps': no concession",
    "bide": "waiting ('bide its time') is no concession",
    "satify": "a misspelling of 'satisfy' in the dictionary",
    "submit": "'submitted a report'",
    "abide": "'abide' is residence; 'abide by' rules is compliance with norms, not a concession to anyone",
    "conform": "'conform to' norms is no concession to an actor",
    "succumb": "'succumbed to wounds' is a death",
    "concession": "a noun listed among the verbs",
    "vindicate": "a judgement on a claim, no concession",
    "analyse": "analysis is no investigation",
    "ascertain": "finding out is no investigation",
    "check": "checking in general",
    "examine": "examining in general",
    "explore": "exploring options",
    "research": "research in general",
    "study": "studying in general",
    "look": "'look over' is reading, no investigation",
    "crusade": "a campaign of opinion",
    "necessitate": "a need, no demand",
    "curse": "cursing is no political disapproval",
    "blaspheme": "religious offence",
    "slight": "a snub in manners",
    "compete": "competition, no disapproval",
    "contest": "'contest elections'",
    "contradict": "a difference of statements",
    "contrast": "a comparison, no disapproval",
    "contravene": "a violation is no disapproval",
    "counter": "countering is a response of any kind",
    "counterbalance": "balancing forces, no disapproval",
    "differ": "views differing, no one's disapproval",
    "refute": "a denial (CAMEO 016)",
    "wrangle": "a dispute between parties, no one's disapproval",
    "challenge": "'challenges' in general",
    "lecture": "teaching or scolding in manners, not a political act",
    "crucify": "literal or religious",
    "cane": "corporal punishment is ASSAULT, coded 180 in the dictionary but rare in news",
    "garner": "garnering support",
    "drum": "'drum up support'",
    "pull": "pulled together",
    "disarray": "a state of confusion, no sanction",
    "disorder": "a state of confusion, no sanction",
    "cage": "literal caging, no coercion in news",
    "contain": "containing outbreaks and fires",
    "enclose": "enclosing a letter or land, no coercion",
    "vote": "'vote down' is REJECT, not COERCE",
    "bill": "billing for services, no coercion",
    "inflict": "coded by what is inflicted",
    "levy": "levying taxes, no coercion",
    "constrain": "constraints in general",
    "moderate": "moderating debates",
    "catch": "'caught fire', 'caught in the crossfire'",
    "pluck": "literal plucking, no seizure",
    "overturn": "overturning rulings",
    "pirate": "copying works, no seizure",
    "revolutionise": "change in general",
    "revolutionize": "change in general",
    "subvert": "a judgement on an act, no seizure",
    "tax": "taxation, no restriction",
    "dishonor": "a judgement on conduct, no assault",
    "dishonour": "a judgement on conduct, no assault",
    "best": "besting a rival in sport or votes",
    "bust": "police slang, drugs",
    "desolate": "an adjective listed among the verbs",
    "dominate": "dominance in general",
    "master": "mastering a skill, no attack",
    "overcome": "overcoming difficulties, no attack",
    "overshadow": "a comparison, no attack",
    "overtake": "a comparison or traffic, no attack",
    "ravish": "archaic, not used of attacks in news",
    "ruin": "ruins in general",
    "shatter": "records and hopes",
    "surmount": "surmounting difficulties, no attack",
    "defeat": "election defeats and votes",
    "overwhelm": "'overwhelmed' hospitals",
    "altercate": "a quarrel is verbal, no attack",
    "clobber": "slang for defeats, mostly in sport",
    "combat": "'combat terrorism' is policy talk",
    "conflict": "'conflicting reports'",
    "duel": "sport and debate, no attack",
    "grapple": "'grapple with a problem'",
    "match": "matching and equalling, no attack",
    "pit": "'pitted against' is a description",
    "quarrel": "a quarrel is verbal",
    "struggle": "struggling with difficulties, no attack",
    "wrestle": "wrestling with difficulties, no attack",
    "thump": "slang for defeats, mostly in sport",
    "square": "'square off' is a description",
    "stamp": "'stamp out' corruption is policy talk",
    "foray": "'foray into' a market, no raid",
    "reave": "archaic, not used in news",
    "string": "rare and literal",
    "benefit": "benefit in general",
    "underwrite": "insuring and guaranteeing, no cooperation",
    "proffer": "rare; offers are hand-coded",
    "volunteer": "civilian volunteers",
    "subscribe": "subscribing to views or services",
    "approach": "approaching a place or a problem, no meeting",
    "reconvene": "coded [---] in the dictionary",
    "go": "leaving or travelling is no meeting (CAMEO 040); visits are hand-coded",
    "leave": "leaving is no meeting",
    "depart": "leaving is no meeting",
    "travel": "travel is no meeting",
    "tour": "touring is no meeting",
    "walk": "'walk out' is a protest, not a meeting",
    "bargain": "negotiation is CONSULT in the codebook, not SUPPORT as the block's 050 ('broker' has its own 045)",
    "barter": "trade or negotiation, not SUPPORT as the block's 050",
    "haggle": "negotiation is CONSULT in the codebook, not SUPPORT as the block's 050",
    "dispute": "'disputed territory, elections' describes a standing quarrel, no act of disapproval",
    "aver": "a statement (CAMEO 01x in sense), no accusation",
    "avow": "a statement (CAMEO 01x in sense), no accusation",
    "comply": "coded 030 (intent) in the dictionary; complying with a demand is CONCEDE in the codebook",
    "compromise": "'compromised security' is harm, not a concession",
    "disassociate": "distancing oneself from a remark is no reduction of relations",
    "eradicate": "'eradicate poverty, disease'",
    "smash": "'smashed records', 'smashed a ring'",
    "devastate": "'devastated by the news'",
    "ravage": "'ravaged by war, floods' describes a place",
}

#: Verbs whose own code in the dictionary the codebook does not bear out: the code they get instead.
CODE_FIXES: dict[str, tuple[str, str]] = {
    "convene": ("040", "coded 042 (make a visit) in the dictionary; convening a body is a meeting"),
}

#: Words after a multi-word verb's "+" word that make it a phrasal verb ("wipe out"), or a verb with a
#: preposition ("rally against": the preposition's phrase must be there).
PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "in", "over", "aside", "forth", "through"})
PREPOSITIONS = frozenset({"with", "to", "for", "by", "into", "on", "upon", "at", "against", "from", "after"})
#: Prepositions of a block's patterns that name whom the act is aimed at (not a place, time or manner).
RECIPIENT_PREPOSITIONS = frozenset({"against", "with", "to", "on", "upon", "at", "from"})
#: Object words of simple patterns that are no noun: adverbs, pronouns, conjunctions.
NOT_OBJECTS = frozenset({"if", "since", "about", "ahead", "outside", "bitterly", "strongly", "militarily",
                         "peacefully", "herself", "himself", "themselves", "between", "to"})
#: Modes CAMEO2PLOVER gives that the codebook does not have as modes of the type.
NOT_MODES: dict[str, str] = {
    "pro_autocracy": "a context in the codebook (CAMEO2PLOVER's 175 row puts it in the mode column)",
    "ease": "no longer a mode (CAMEO2PLOVER's own note of 21.09.17)",
}

HEADER_LINE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([^\]]*)\]")
SIMPLE_PATTERN = re.compile(r"^-\s*\*\s+([A-Za-z][A-Za-z'-]*)\s*\[([^\]]*)\]\s*$")
PREP_PATTERN = re.compile(r"\*.*?\(([A-Za-z]+)[\s)]")
MAP_LINE = re.compile(r"^(\d+):\s*([A-Z]+)\s*(?:,([^,#]*))?")


@dataclass
class Block:
    """One verb block of the dictionary."""

    name: str
    code: str | None
    verbs: list[str] = field(default_factory=list)  # verb lines as written
    patterns: list[str] = field(default_factory=list)  # pattern lines, comments stripped
    sources: list[str] = field(default_factory=list)  # each pattern's comment: the verb it was written for


@dataclass(frozen=True)
class Entry:
    """One derived entry: a verb (with its particle or preposition) or a verb + object pair."""

    lemma: str
    type: str
    mode: str | None
    code: str
    block: str
    particle: str | None = None
    preposition: str | None = None
    object: str | None = None
    recipient: tuple[str, ...] = ("object",)


@dataclass(frozen=True)
class NonEvent:
    """A verb + object pattern CAMEO codes as no PLOVER event ("- * FUNERAL [017] # ATTEND"): the backstop
    verb does not fire with that object."""

    lemma: str
    object: str
    code: str
    block: str


Coding = dict[str, tuple[str, str | None]]  # CAMEO code -> (PLOVER type, mode)


def first_code(text: str) -> str | None:
    """The code of ``[190]``, ``[042:043]`` (the first), None for ``[---]``, ``[:110]`` or no code."""
    code = text.split(":")[0].strip()
    return code if code and code != "---" else None


def plover_codings(lines: Iterable[str]) -> Coding:
    """CAMEO code -> (PLOVER type, mode) from CAMEO2PLOVER (its first row for a code wins)."""
    coding: Coding = {}
    for line in lines:
        match = MAP_LINE.match(line.strip())
        if match:
            mode = (match.group(3) or "").strip() or None
            coding.setdefault(match.group(1), (match.group(2), None if mode in NOT_MODES else mode))
    return coding


def blocks_of(lines: Iterable[str]) -> list[Block]:
    """The verb blocks, in file order (the synonym sets before them are skipped)."""
    blocks: list[Block] = []
    for raw in lines:
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        header = HEADER_LINE.match(line)
        if header:
            blocks.append(Block(header.group(1), first_code(header.group(2))))
        elif blocks and line.startswith("-"):
            blocks[-1].patterns.append(line.strip())
            blocks[-1].sources.append(comment.strip().lower())
        elif blocks and line.strip() and not line.startswith("~"):
            blocks[-1].verbs.append(line.strip())
    return blocks


def verb_parts(line: str) -> tuple[str, str | None, str | None, str | None] | None:
    """(lemma, particle, preposition, own code) of a verb line, or None for a multi-word entry that is
    neither a phrasal verb nor a verb with a preposition ("+WAGE_WAR", "WIRE_+TAP")."""
    text = re.sub(r"\{[^}]*\}", " ", line).split(";")[0]
    code_match = CODE.search(text)
    own = code_match.group(1) if code_match else None
    words = CODE.sub(" ", text).split()[0].lower().split("_")
    if len(words) == 1:
        return words[0].lstrip("+"), None, None, own
    if len(words) != 2 or not words[0].startswith("+"):
        return None
    verb, second = words[0][1:], words[1]
    if second in PARTICLES:
        return verb, second, None, own
    return (verb, None, second, own) if second in PREPOSITIONS else None


def singular(word: str) -> str:
    """The lemma of an object noun the dictionary writes plural ("MEMBERS", "BASES", "ATROCITIES")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def recipient_prepositions(block: Block, event_type: str, coding: Coding) -> tuple[str, ...]:
    """The prepositions the block's patterns of ``event_type`` put their phrases in ("* (AGAINST X)")."""
    found: set[str] = set()
    for pattern in block.patterns:
        code_match = CODE.search(pattern)
        code = first_code(code_match.group(1)) if code_match else None
        prep = PREP_PATTERN.search(pattern)
        word = prep.group(1).lower() if prep else ""
        if code in coding and coding[code][0] == event_type and word in RECIPIENT_PREPOSITIONS:
            found.add(word)
    return tuple(sorted(found))


def block_verbs(block: Block, coding: Coding) -> Iterator[Entry]:
    """The synonym verbs of a block whose default code is a PLOVER event, each with its own code's coding."""
    if block.code not in coding:
        return
    for line in block.verbs:
        parts = verb_parts(line)
        if parts is None or parts[0] in CURATED_VERBS:
            continue
        lemma, particle, preposition, own = parts
        code = CODE_FIXES[lemma][0] if lemma in CODE_FIXES else block.code if own is None else first_code(own)
        if code not in coding:
            continue  # "COME [---]", "DOUBT [012]": the verb itself is no event
        event_type, mode = coding[code]
        preps = recipient_prepositions(block, event_type, coding)
        recipient = (preposition, "object") if preposition else ("object", *preps)
        yield Entry(lemma, event_type, mode, code, block.name, particle, preposition, None, recipient)


def source_verb(comment: str, lemmas: Iterable[str]) -> str | None:
    """The block verb a pattern's comment names ("# RALLIED": "rally"), if any."""
    words = re.findall(r"[a-z]+", comment)
    if not words:
        return None
    word = words[0]
    forms = {word, word[:-1], word[:-2], word[:-3] + "y"}  # "rally", "rallied", "attacked", "fires"
    return next((lemma for lemma in sorted(lemmas) if lemma in forms), None)


def block_objects(block: Block, coding: Coding) -> Iterator[Entry | NonEvent]:
    """The simple patterns of a block whose default code is a PLOVER event, for the verb each was written
    for (its comment: "- * HOSTAGE [181] # TAKE"), when the pattern's code is a PLOVER event: one object
    noun gives a verb + object pair; a particle or preposition alone ("- * OFF [160] # CALL") a multi-word
    verb; a pattern coded as no PLOVER event ("- * FUNERAL [017] # ATTEND") a :class:`NonEvent`. (PETRARCH
    applies a pattern to every verb of the block; the dictionary's synonym sets are broad WordNet sets,
    "withstand" beside "refuse", so only the verb the pattern was found with is taken.)"""
    if block.code not in coding:
        return
    lemmas = sorted({parts[0] for line in block.verbs if (parts := verb_parts(line)) and parts[1:3] == (None, None)})
    lemmas = [lemma for lemma in lemmas if lemma not in CURATED_VERBS]
    for pattern, comment in zip(block.patterns, block.sources, strict=True):
        match = SIMPLE_PATTERN.match(pattern)
        source = source_verb(comment, lemmas)
        if match is None or source is None or match.group(1).lower() in NOT_OBJECTS:
            continue
        word, code = match.group(1).lower(), first_code(match.group(2))
        if code not in coding:
            if word not in PARTICLES | PREPOSITIONS:
                yield NonEvent(source, singular(word), code or "---", block.name)
            continue
        event_type, mode = coding[code]
        if word in PARTICLES | PREPOSITIONS:
            yield _multiword(source, word, event_type, mode, code, block.name)
        else:
            yield Entry(source, event_type, mode, code, block.name, object=singular(word), recipient=())


def _multiword(lemma: str, word: str, event_type: str, mode: str | None, code: str, block: str) -> Entry:
    """A phrasal verb ("call off") or a verb with a preposition ("rally against")."""
    if word in PARTICLES:
        return Entry(lemma, event_type, mode, code, block, particle=word)
    return Entry(lemma, event_type, mode, code, block, preposition=word, recipient=(word, "object"))


def derive(blocks: Iterable[Block], coding: Coding) -> tuple[list[Entry], list[Entry], list[NonEvent]]:
    """(verbs, objects, non-events): one entry per verb form and per verb + object pair (the first block's
    coding of a form wins, as PETRARCH reads the file), sorted; curated blocks give nothing."""
    verbs: dict[tuple[str, str | None, str | None], Entry] = {}
    objects: dict[tuple[str, str], Entry] = {}
    non_events: dict[tuple[str, str], NonEvent] = {}
    for block in blocks:
        if block.name in CURATED_BLOCKS:
            continue
        for entry in [*block_verbs(block, coding), *block_objects(block, coding)]:
            if isinstance(entry, NonEvent):
                non_events.setdefault((entry.lemma, entry.object), entry)
            elif entry.object is None:
                verbs.setdefault((entry.lemma, entry.particle, entry.preposition), entry)
            else:
                objects.setdefault((entry.lemma, entry.object), entry)
    kept = [e for key, e in sorted(non_events.items()) if key not in objects]  # a coded pair wins
    return sorted(verbs.values(), key=_order), sorted(objects.values(), key=_order), kept


def _order(entry: Entry) -> tuple[str, str, str, str]:
    return (entry.lemma, entry.particle or "", entry.preposition or "", entry.object or "")


#: Words YAML 1.1 reads as booleans unless quoted.
YAML_FLAGS = frozenset({"on", "off", "yes", "no", "y", "n", "true", "false"})


def word(text: str) -> str:
    """A word as YAML keeps it a string: "on", "off" quoted."""
    return f'"{text}"' if text in YAML_FLAGS else text


def render(entry: Entry) -> str:
    """One flow-mapping line of the YAML."""
    fields = [f"lemma: {entry.lemma}"]
    fields += [f"{name}: {word(value)}" for name in ("particle", "preposition", "object")
               if (value := getattr(entry, name)) is not None]
    fields += [f"type: {entry.type}", f"mode: {entry.mode or 'null'}", f'code: "{entry.code}"', f"block: {entry.block}"]
    if entry.recipient:
        fields.append(f"recipient: [{', '.join(map(word, entry.recipient))}]")
    return "  - {" + ", ".join(fields) + "}"


def render_non_event(entry: NonEvent) -> str:
    """One flow-mapping line of the ``non_events`` section."""
    return f'  - {{lemma: {entry.lemma}, object: {word(entry.object)}, code: "{entry.code}", block: {entry.block}}}'


HEADER = """\
# The CAMEO verb dictionary as a backstop lexicon: verbs the hand-written patterns of plover.yaml do not
# cover, each with the PLOVER type and mode of its CAMEO code. A backstop verb triggers an event only on
# a token whose lemma plover.yaml neither indexes nor uses as a governor (hornbill/events/lexicon.py drops
# the others when it loads this file), with the strength below, lower than any hand-written pattern's;
# its doer is the subject, its recipient the first of its recipient slots that names someone. Status,
# negation and hypotheticals are read as for every pattern.
#
# Derived by scripts/cameo_verbs.py from PETRARCH2's CAMEO.2.0.txt and CAMEO2PLOVER-2021.txt, with the
# blocks and verbs curated out against the PLOVER codebook listed, with their reasons, in that script.
# Re-derive rather than edit by hand.
#
# CAMEO.2.0.txt: The MIT License (MIT), Copyright (c) 2015 Open Event Data Alliance. Permission is hereby
# granted, free of charge, to any person obtaining a copy of this software and associated documentation
# files (the "Software"), to deal in the Software without restriction, including without limitation the
# rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software,
# and to permit persons to whom the Software is furnished to do so, subject to the following conditions:
# The above copyright notice and this permission notice shall be included in all copies or substantial
# portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE
# AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
# OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# strength: how far a backstop event is trusted (a pattern's strength, see plover.yaml)
# verbs:    lemma (particle: "wipe out"; preposition: "rally against", whose phrase must be there), the PLOVER
#           type and mode, the CAMEO code and the block it comes from, the slots its recipient is read from
# objects:  the same for a verb with one object lemma ("kidnap" + "minister")
# non_events: a verb with an object CAMEO codes as no PLOVER event ("attend" + "funeral"): the verb does
#           not fire with it
"""


def main() -> None:
    cameo = Path(sys.argv[1]).read_text(encoding="latin-1").splitlines()
    coding = plover_codings(Path(sys.argv[2]).read_text(encoding="utf-8").splitlines())
    verbs, objects, non_events = derive(blocks_of(cameo), coding)
    lines = [HEADER + f"strength: {STRENGTH}", "verbs:", *map(render, verbs), "objects:", *map(render, objects),
             "non_events:", *map(render_non_event, non_events)]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
