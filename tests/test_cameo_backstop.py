"""The CAMEO verb dictionary as a backstop lexicon: how cameo_verbs.yaml is derived, and how its verbs
trigger events only where plover.yaml has nothing to say, on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from spacy.tokens import Doc

from hornbill import events, schemas
from hornbill.errors import ConfigError
from hornbill.events.lexicon import BACKSTOP_PATH, LEXICON_PATH, load_lexicon

Annotate = Callable[..., Doc]
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DICTIONARY = SHARED / "benchmarks" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
CAMEO2PLOVER = SHARED / "benchmarks" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cameo_verbs", ROOT / "scripts" / "cameo_verbs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script is executed
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()

# A few blocks in the dictionary's own format, and the rows of the CAMEO-to-PLOVER table they need.
MINI_DICTIONARY = """\
####### VERB PATTERNS #######
---  KIDNAP   [181]  ---
ABDUCT [181]
KIDNAP {KIDNAPS KIDNAPPED KIDNAPPING }
+SPIRIT_AWAY
- * MINISTER                                          [181]         # KIDNAP
- * (AGAINST RIVALS)                                  [181]         # ABDUCT

---  AMBUSH   [190]  ---
AMBUSH
WAYLAY [---]
+LIE_IN_WAIT
- * CONVOY                                            [190]         # AMBUSH
- * PARTY                                             [010]         # AMBUSH

---  DIE   [190]  ---
DIE
PERISH

---  EMPHASIZE   [010]  ---
STRESS
UNDERLINE
"""
MINI_TABLE = """\
181: ASSAULT, abduct,      # Abduct, hijack
190: ASSAULT, , military # Use conventional military force
"""


def _derived() -> tuple[dict[tuple[str, ...], Any], dict[tuple[str, str], Any], list[Any]]:
    coding = SCRIPT.plover_codings(MINI_TABLE.splitlines())
    verbs, objects, non_events = SCRIPT.derive(SCRIPT.blocks_of(MINI_DICTIONARY.splitlines()), coding)
    return (
        {(v.lemma, v.particle or ""): v for v in verbs},
        {(o.lemma, o.object): o for o in objects},
        non_events,
    )


def test_a_block_gives_its_verbs_with_the_plover_type_and_mode_of_their_code() -> None:
    verbs, objects, _ = _derived()
    kidnap = verbs["kidnap", ""]
    assert (kidnap.type, kidnap.mode, kidnap.code, kidnap.block) == ("ASSAULT", "abduct", "181", "KIDNAP")
    assert kidnap.recipient == ("object", "against")  # the block's own pattern puts its target after "against"
    assert verbs["spirit", "away"].particle == "away"  # a phrasal verb keeps its particle
    assert (verbs["ambush", ""].type, verbs["ambush", ""].mode) == ("ASSAULT", None)
    assert ("kidnap", "minister") in objects and ("ambush", "convoy") in objects


def test_verbs_coded_as_no_event_and_unmatchable_multiword_verbs_are_left_out() -> None:
    verbs, _, non_events = _derived()
    assert ("waylay", "") not in verbs  # its own code [---]
    assert not any(lemma == "lie" for lemma, _ in verbs)  # "+LIE_IN_WAIT": neither a particle nor a preposition
    # a pattern CAMEO codes as a statement (010) tells the verb not to fire with that object
    assert [(n.lemma, n.object) for n in non_events] == [("ambush", "party")]


def test_a_curated_block_and_a_block_of_statements_give_nothing() -> None:
    assert "DIE" in SCRIPT.CURATED_BLOCKS
    verbs, objects, _ = _derived()
    lemmas = {lemma for lemma, _ in verbs} | {lemma for lemma, _ in objects}
    assert not lemmas & {"die", "perish", "stress", "underline"}


def test_every_curation_says_why() -> None:
    for table in (SCRIPT.CURATED_BLOCKS, SCRIPT.CURATED_VERBS):
        assert all(isinstance(why, str) and len(why) > 8 for why in table.values())


def test_object_nouns_written_plural_become_lemmas() -> None:
    assert [SCRIPT.singular(w) for w in ("members", "bases", "atrocities", "ships", "crisis")] == [
        "member", "base", "atrocity", "ship", "crisis"
    ]


# --------------------------------------------------------------------------- the packaged file


def _packaged() -> dict[str, Any]:
    return schemas.load_data("cameo_verbs.yaml")


def test_the_packaged_file_fits_its_schema_and_carries_the_mit_notice() -> None:
    text = BACKSTOP_PATH.read_text(encoding="utf-8")
    assert "The MIT License (MIT), Copyright (c) 2015 Open Event Data Alliance" in text
    data = _packaged()
    assert data["verbs"] and data["objects"] and data["non_events"]


@pytest.mark.skipif(not DICTIONARY.exists(), reason="no PETRARCH2 dictionaries beside the repository")
def test_the_packaged_file_is_what_the_script_derives(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["cameo_verbs.py", str(DICTIONARY), str(CAMEO2PLOVER)])
    SCRIPT.main()
    assert capsys.readouterr().out == BACKSTOP_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lemma", "event_type", "mode"),
    [
        ("abduct", "ASSAULT", "abduct"),
        ("besiege", "COERCE", "restrict"),
        ("overfly", "MOBILIZE", None),
        ("secede", "SANCTION", "withdraw"),
        ("broker", "CONSULT", None),
        ("acquit", "CONCEDE", None),
        ("denigrate", "ACCUSE", "disapprove"),
    ],
)
def test_real_blocks_map_to_their_plover_type(lemma: str, event_type: str, mode: str | None) -> None:
    entry = next(v for v in _packaged()["verbs"] if v["lemma"] == lemma and "particle" not in v)
    assert (entry["type"], entry["mode"]) == (event_type, mode)


def test_curated_blocks_are_not_in_the_packaged_file() -> None:
    data = _packaged()
    blocks = {entry["block"] for section in ("verbs", "objects", "non_events") for entry in data[section]}
    assert not blocks & set(SCRIPT.CURATED_BLOCKS)
    assert not {"die", "engage", "estimate", "stress"} & {v["lemma"] for v in data["verbs"]}


# --------------------------------------------------------------------------- the backstop in the lexicon


def test_the_hand_written_lexicon_keeps_every_word_it_knows() -> None:
    lexicon = events.default_lexicon()
    cameo = {v["lemma"] for v in _packaged()["verbs"]}
    hand = {lemma for lemma, _ in lexicon.patterns}
    governors = lexicon.speech | lexicon.announce | lexicon.block | lexicon.support
    assert {"withdraw", "arrest", "attack"} <= cameo & hand  # CAMEO has them; plover.yaml decides them
    assert "claim" in cameo and "claim" in governors
    backstop_words = {lemma for lemma, _ in lexicon.backstop}
    assert backstop_words and not backstop_words & (hand | governors)


def test_backstop_patterns_are_flagged_and_weaker_than_every_hand_written_one() -> None:
    lexicon = events.default_lexicon()
    hand = [p for patterns in lexicon.patterns.values() for p in patterns]
    backstop = [p for patterns in lexicon.backstop.values() for p in patterns]
    assert all(p.backstop for p in backstop) and not any(p.backstop for p in hand)
    assert max(p.strength for p in backstop) < min(p.strength for p in hand)


def test_a_backstop_file_that_does_not_fit_names_the_file_and_the_entry(tmp_path: Path) -> None:
    data = yaml.safe_load(BACKSTOP_PATH.read_text(encoding="utf-8"))
    data["verbs"][0]["type"] = "DANCE"
    bad = tmp_path / "cameo_verbs.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"cameo_verbs\.yaml: verbs\[0\]\.type: 'DANCE' is not one of"):
        load_lexicon(LEXICON_PATH, bad)


# --------------------------------------------------------------------------- on sentences


def _backstop_candidates(doc: Doc) -> set[tuple[str, str | None, str]]:
    """(type, mode, trigger) of the candidates the backstop gives."""
    return {
        (c.pattern.event_type, c.mode, c.trigger.lemma_)
        for s in doc.sents
        for c in events.find_candidates(s)
        if c.pattern.backstop
    }


def _found(doc: Doc) -> set[tuple[str, str | None, str | None, str]]:
    return {
        (e.event_type, e.actor.name if e.actor else None, e.recipient.name if e.recipient else None, e.status)
        for e in doc._.events
    }


def test_a_backstop_verb_gives_an_event_with_its_doer(annotate: Annotate) -> None:
    doc = annotate("Rebel fighters bludgeoned two village elders in northern Mozambique.")
    assert _backstop_candidates(doc) == {("ASSAULT", None, "bludgeon")}
    assert {(t, a) for t, a, _, _ in _found(doc)} == {("ASSAULT", "rebel fighters")}


def test_a_backstop_verb_takes_its_recipient_from_the_object(annotate: Annotate) -> None:
    doc = annotate("Kenya entreated Somalia to release the hostages.")
    assert ("REQUEST", "Kenya", "Somalia", "occurred") in _found(doc)
    # a demand, as with the hand-written patterns, leaves the release demanded, not done
    assert "RETREAT" not in {t for t, *_ in _found(doc)}


def test_a_phrasal_backstop_verb_needs_its_particle(annotate: Annotate) -> None:
    assert ("ASSAULT", None, "wipe") in _backstop_candidates(annotate("Gunmen wiped out a family near Goma."))
    assert not _backstop_candidates(annotate("The nurses wiped the tables in the clinic."))


def test_an_object_pattern_gives_its_own_coding_and_a_non_event_object_none(annotate: Annotate) -> None:
    summit = annotate("Zambia's finance minister attended the summit in Addis Ababa.")
    assert _backstop_candidates(summit) == {("CONSULT", "third-party", "attend")}
    assert not _backstop_candidates(annotate("Zambia's finance minister attended the funeral of the poet."))


def test_a_verb_plover_yaml_indexes_is_never_taken_over(annotate: Annotate) -> None:
    # CAMEO codes "withdraw" as a concession; plover.yaml's withdrawal patterns refuse a withdrawn candidacy
    doc = annotate("The Peruvian senator withdrew his candidacy on Friday.")
    assert not _backstop_candidates(doc)
    assert not _found(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters did not bludgeon the village elders.",
        "Rebel fighters could bludgeon the village elders.",
        "If the rebels bludgeon the elders, the army will respond.",
        "Human rights groups denied that the militia had bludgeoned the elders.",
    ],
)
def test_negated_and_hypothetical_backstop_events_are_dropped(annotate: Annotate, text: str) -> None:
    assert "ASSAULT" not in {t for t, *_ in _found(annotate(text))}


def test_a_backstop_event_in_the_future_is_announced(annotate: Annotate) -> None:
    doc = annotate("Ecuador's parliament will convene on Tuesday.")
    assert ("CONSULT", "Ecuador", None, "announced") in _found(doc)


# --------------------------------------------------------------------------- no corpus text in data or tests


CORPUS = SHARED / "corpus"


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def _corpus_files() -> list[Path]:
    """The seed articles and every article of the development corpus (tune and check)."""
    return sorted(CORPUS.glob("seeds/*.txt")) + sorted(CORPUS.glob("dev/*/*/articles/*"))


@pytest.mark.skipif(not _corpus_files(), reason="no shared corpus beside the repository")
def test_no_corpus_sentence_is_in_the_backstop_or_these_tests() -> None:
    """The backstop and its tests are written for the language, not for the articles we measure on: no
    run of six words of a seed or development article appears in cameo_verbs.yaml or in this file."""
    corpus_grams: set[tuple[str, ...]] = set()
    for path in _corpus_files():
        corpus_grams |= _six_grams(path.read_text(encoding="utf-8", errors="replace"))
    for own in (BACKSTOP_PATH, Path(__file__)):
        shared = corpus_grams & _six_grams(own.read_text(encoding="utf-8"))
        assert not shared, f"{own.name} repeats corpus text: {sorted(' '.join(g) for g in shared)[:5]}"
