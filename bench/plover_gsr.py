"""Sentence-level PLOVER event typing on the PLOVER Gold Standard Records (GSR).

    .venv/bin/python bench/plover_gsr.py [--shared ../shared] [--split dev|test|both] [--errors]

Data: ``../shared/benchmarks/plover-gsr/PLOVER_GSR_CAMEO.plover2021.jsonl`` (322 edited CAMEO-manual
sentences, one gold event each, with the old PLOVER 0.5 types mapped to the 16 current ones as its
SOURCE.md says: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT).

What runs: the real hornbill pipeline, unchanged. Each record becomes one Document holding its
sentence; ``hornbill.nlp.load()`` parses it (timex, actors, events ...) and the events are read from
``doc._.events``. No gold actor, trigger or type is given to the pipeline.

How a sentence is scored (decided before any tuning, and kept):
- Each event is read as the PLOVER codebook codes it (``hornbill.events.codebook_coding``): hornbill
  keeps an announced action's own type with status "announced", the codebook codes "all cooperative
  actions reported in future tense" as AGREE and announced conflictual actions as THREATEN.
- The GSR codes exactly one event per sentence, but a sentence may state several ("agreed that their
  countries should cooperate"). The system's label for a sentence is the type of its *main* event:
  the event whose trigger is highest in the dependency tree (fewest steps to the sentence root); an
  ACCUSE that hornbill adds for an allegation ("X alleged that Y attacked Z") sits on the speech verb,
  so it counts one step above its inner event; ties go to the more confident event, then text order.
  A sentence without any event has no label (a miss for its gold type, no false positive).
  Per type: precision = correct labels / sentences labelled with it, recall = correct labels /
  sentences whose gold is it. Macro-F1 averages F1 over the 16 types.
- A diagnostic line (not the pipeline's figure) scores the same sentences with events whose doer is
  named but not in the actor dictionary kept ("Islamic fundamentalists", 1990s office holders): it
  shows how much of the gap is actor coverage rather than event typing.
- Also printed, as a stricter view: "set" scoring, where every distinct type hornbill finds in the
  sentence is a prediction (the gold type counts once if present; every other type is a false
  positive even when the sentence does state it), and "any" recall (gold type among the found types).

Held-out split: records are split per gold type with a fixed seed (``--seed``, default 20261123) into a
dev half, used to look at errors and tune the lexicon, and a test half, which is only ever scored
(``--errors`` lists dev errors only). Both are printed.

Context figure: POLECAT's own event classifier reports a macro-F1 of about 0.52 on its 16 PLOVER
types (Halterman et al. 2023, arXiv:2304.01331). That figure is on POLECAT's own annotated news, not on
this file, so it is shown for orientation only; no published score on this exact file is known.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from hornbill import nlp as hnlp
from hornbill.events import PatternExtractor, codebook_coding, deduplicate
from hornbill.model import EVENT_TYPES, DatePoint, Document, EventMention

HERE = Path(__file__).resolve()
DEFAULT_SHARED = HERE.parents[2] / "shared"
DATA = Path("benchmarks") / "plover-gsr" / "PLOVER_GSR_CAMEO.plover2021.jsonl"
POLECAT_MACRO_F1 = 0.52
DEFAULT_SEED = 20261123


@dataclass(frozen=True)
class Record:
    rid: str
    text: str
    gold: str


@dataclass(frozen=True)
class Scored:
    record: Record
    label: str | None  # the main event's type
    found: frozenset[str]  # every type found in the sentence
    summaries: tuple[str, ...]
    unknown_doer_label: str | None  # diagnostic: the main event if unknown doers were kept


def load_records(path: Path) -> list[Record]:
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            records.append(Record(row["id"], row["text"], row["event_plover2021"]))
    return records


def split(records: Sequence[Record], seed: int) -> tuple[list[Record], list[Record]]:
    """Per gold type, shuffle with ``seed`` and give the first half (rounded up) to dev, the rest to test."""
    by_type: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_type[record.gold].append(record)
    rng = random.Random(seed)
    dev: list[Record] = []
    test: list[Record] = []
    for event_type in sorted(by_type):
        group = sorted(by_type[event_type], key=lambda r: r.rid)
        rng.shuffle(group)
        half = (len(group) + 1) // 2
        dev += group[:half]
        test += group[half:]
    return dev, test


def document_for(record: Record) -> Document:
    """One Document per GSR sentence (the records' dates are placeholders: 2000-01-01)."""
    return Document.verbatim(record.text, record.rid, record.rid, DatePoint("2000-01-01", "day", "metadata"))


def _depth(token: Token) -> int:
    steps = 0
    while token.head.i != token.i and steps < 50:
        token, steps = token.head, steps + 1
    return steps


def _trigger_token(event: EventMention, sentence: Span) -> Token | None:
    return next((t for t in sentence if t.text == event.trigger), None)


def main_event(events: Sequence[EventMention], doc: Doc) -> EventMention | None:
    """The event highest in the parse (see the module docstring), or None."""
    if not events:
        return None
    sentence = doc[:]

    def rank(item: tuple[int, EventMention]) -> tuple[int, float, int]:
        order, event = item
        token = _trigger_token(event, sentence)
        depth = _depth(token) if token is not None else 99
        shares = any(o is not event and o.trigger == event.trigger for o in events)
        if event.event_type == "ACCUSE" and shares:
            depth -= 1  # the allegation stands on the speech verb above its inner event
        return (depth, -event.confidence, order)

    return min(enumerate(events), key=rank)[1]


def coded_type(event: EventMention) -> str:
    return codebook_coding(event.event_type, event.mode, event.status)[0]


def run(records: Sequence[Record]) -> list[Scored]:
    nlp = hnlp.load()
    loose = PatternExtractor(require_actor=False)
    docs = (hnlp.make_doc(nlp, document_for(r)) for r in records)
    scored = []
    for record, doc in zip(records, nlp.pipe(docs, batch_size=64), strict=True):
        events: list[EventMention] = list(doc._.events or [])
        main = main_event(events, doc)
        loose_main = main_event(deduplicate(loose.extract(list(doc.sents))), doc)
        scored.append(
            Scored(
                record,
                coded_type(main) if main is not None else None,
                frozenset(coded_type(e) for e in events),
                tuple(f"{coded_type(e)}[{e.trigger}]: {e.summary}" for e in events),
                coded_type(loose_main) if loose_main is not None else None,
            )
        )
    return scored


@dataclass(frozen=True)
class TypeScore:
    support: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def per_type(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, TypeScore]:
    """(gold, predicted types) pairs -> per-type counts."""
    support: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for gold, labels in pairs:
        support[gold] += 1
        for label in set(labels):
            predicted[label] += 1
            correct[label] += label == gold
    return {t: TypeScore(support[t], predicted[t], correct[t]) for t in EVENT_TYPES}


def macro_f1(scores: dict[str, TypeScore]) -> float:
    used = [s for s in scores.values() if s.support or s.predicted]
    return sum(s.f1 for s in used) / len(used) if used else 0.0


def report(name: str, scored: Sequence[Scored]) -> None:
    main = per_type((s.record.gold, [s.label] if s.label else []) for s in scored)
    strict = per_type((s.record.gold, s.found) for s in scored)
    n = len(scored)
    print(f"\n== {name} split: {n} sentences ==")
    print(f"{'type':<10} {'support':>7} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}   {'set-F1':>6}")
    for event_type in EVENT_TYPES:
        s, t = main[event_type], strict[event_type]
        print(
            f"{event_type:<10} {s.support:>7} {s.predicted:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            f"   {t.f1:>6.3f}"
        )
    accuracy = sum(s.label == s.record.gold for s in scored) / n
    any_recall = sum(s.record.gold in s.found for s in scored) / n
    no_event = sum(not s.found for s in scored) / n
    print(f"macro-F1 (main event)      {macro_f1(main):.3f}   <- headline")
    print(f"macro-F1 (set of types)    {macro_f1(strict):.3f}")
    print(f"accuracy (main event)      {accuracy:.3f}")
    print(f"recall (gold type in set)  {any_recall:.3f}")
    print(f"sentences with no event    {no_event:.3f}")
    unknown = per_type((s.record.gold, [s.unknown_doer_label] if s.unknown_doer_label else []) for s in scored)
    print(f"diagnostic: macro-F1 if doers missing from the actor dictionary were kept {macro_f1(unknown):.3f}")
    print(f"POLECAT published macro-F1 {POLECAT_MACRO_F1:.2f}   (its own news data, not this file: context only)")


def print_errors(scored: Sequence[Scored]) -> None:
    print("\n== dev errors (gold -> main label | all events) ==")
    for s in scored:
        if s.label != s.record.gold:
            print(f"{s.record.rid} {s.record.gold} -> {s.label} | {s.record.text}")
            for line in s.summaries:
                print(f"      {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (../shared)")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the dev/test split")
    parser.add_argument("--errors", action="store_true", help="list the dev split's errors")
    args = parser.parse_args()
    path = args.shared / DATA
    if not path.is_file():
        print(f"plover_gsr: no data at {path}", file=sys.stderr)
        return 2
    dev, test = split(load_records(path), args.seed)
    print(f"PLOVER GSR (CAMEO examples, 16 current PLOVER types), seed {args.seed}: {len(dev)} dev, {len(test)} test")
    if args.split in ("dev", "both"):
        scored = run(dev)
        report("dev (tuned on)", scored)
        if args.errors:
            print_errors(scored)
    if args.split in ("test", "both"):
        report("test (held out)", run(test))
    return 0


if __name__ == "__main__":
    sys.exit(main())
