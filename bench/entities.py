"""Entity resolution: how well hornbill's actor resolution groups the mentions of one real-world entity.

    .venv/bin/python bench/entities.py [--shared ../shared] [--part ecb|seeds|both] [--limit-docs N]

Two parts.

1. ECB+ (../shared/benchmarks/ecbplus), cross-document **entity** coreference on the test split (topics
   36-45, 2,055 gold entity mentions, gold mentions given). ECB+ rather than MEANTIME because ECB+ has
   published entity-coreference baselines on a standard split (its SOURCE.md), while MEANTIME has no
   entity-coreference leaderboard to stand beside. Every test document is rebuilt from its XML tokens and
   run through spaCy plus hornbill's actors stage (dictionary, acronyms, titles, surnames, roles,
   pronouns as speakers, guarded fuzzy match). A gold mention takes the canonical actor id of the
   hornbill mention covering its syntactic head; a mention hornbill has no actor for (times, common
   nouns such as "the victim", most pronouns) falls back to its head lemma, the rule of the published
   CLUSTER+LEMMA baseline. Clusters are formed within a gold topic ("topic") and, as an upper bound for
   document clustering, within a gold sub-topic ("subtopic"). Two further rows per scope: "+ surname
   linking" joins a lone name left to its lemma to the one person of the scope with that surname (a
   cross-document step hornbill's store does not take yet), and "+ head-lemma links" also joins mentions
   sharing a head lemma (the baseline's links added to hornbill's). Scores: MUC, B-cubed, CEAF-e (each R/P/F1)
   and CoNLL F1 (their F1 mean), all test documents as one document, singletons kept, printed beside
   our own singleton and head-lemma runs and the published figures quoted in SOURCE.md (those used
   predicted document clusters and trained models, so the comparison is indicative, not exact).

2. seeds-gold (../shared/corpus/seeds-gold/gold_entities.jsonl): every gold alias is resolved the way
   hornbill resolves it, the dictionary first (exact, then guarded fuzzy), and where the dictionary does
   not know the alias (role nouns, surnames, unknown names) by the actors stage inside the seed articles
   that contain it. The expected id of a gold actor is what its canonical name resolves to. Printed:
   aliases mapped to the expected id, the confusion list (alias -> other id, or unresolved), and gold
   actors sharing one id.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from hornbill import actors, read
from hornbill import nlp as hnlp
from hornbill.actors import component  # noqa: F401  (registers the hornbill_actors component)
from hornbill.model import RawDocument
from hornbill.process import prepare

SHARED = Path(__file__).resolve().parents[2] / "shared"

#: entity CoNLL F1 on the ECB+ test split, gold mentions, as quoted in ecbplus/SOURCE.md
PUBLISHED = (
    ("Barhom et al. 2019, CLUSTER+LEMMA baseline", 67.4),
    ("Barhom et al. 2019, joint entity+event model", 71.2),
    ("Held, Iter & Jurafsky 2021", 82.0),
)

Clusters = Mapping[str, Hashable]  # mention id -> cluster label


# --------------------------------------------------------------------------- coreference metrics


def _groups(clusters: Clusters) -> list[set[str]]:
    by_label: dict[Hashable, set[str]] = defaultdict(set)
    for mention, label in clusters.items():
        by_label[label].add(mention)
    return list(by_label.values())


def muc(key: Clusters, response: Clusters) -> tuple[float, float]:
    """(recall, precision) of the link-based MUC score (Vilain et al. 1995)."""

    def recall(gold: Clusters, system: Clusters) -> float:
        num = den = 0
        for group in _groups(gold):
            parts = {system.get(m, ("alone", m)) for m in group}
            num += len(group) - len(parts)
            den += len(group) - 1
        return num / den if den else 0.0

    return recall(key, response), recall(response, key)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float]:
    """(recall, precision) of B-cubed (Bagga & Baldwin 1998), averaged over mentions."""
    key_of = {m: g for g in _groups(key) for m in g}
    resp_of = {m: g for g in _groups(response) for m in g}
    mentions = list(key_of)
    overlap = {m: len(key_of[m] & resp_of[m]) for m in mentions}
    recall = sum(overlap[m] / len(key_of[m]) for m in mentions) / len(mentions)
    precision = sum(overlap[m] / len(resp_of[m]) for m in mentions) / len(mentions)
    return recall, precision


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float]:
    """(recall, precision) of entity-based CEAF (Luo 2005): the best one-to-one cluster alignment."""
    gold, system = _groups(key), _groups(response)
    total = 0.0
    for gold_ids, system_ids in _components(gold, system):
        weights = [[2 * len(gold[g] & system[s]) / (len(gold[g]) + len(system[s])) for s in system_ids]
                   for g in gold_ids]
        total += best_assignment(weights)
    return total / len(gold), total / len(system)


def _components(gold: Sequence[set[str]], system: Sequence[set[str]]) -> Iterator[tuple[list[int], list[int]]]:
    """Groups of gold and system clusters connected by shared mentions (aligned independently)."""
    parent = list(range(len(gold) + len(system)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    system_of = {m: len(gold) + j for j, group in enumerate(system) for m in group}
    for i, group in enumerate(gold):
        for m in group:
            parent[find(i)] = find(system_of[m])
    members: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(parent)):
        side = members[find(i)]
        if i < len(gold):
            side[0].append(i)
        else:
            side[1].append(i - len(gold))
    yield from members.values()


def best_assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one row/column matching (Hungarian algorithm)."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return 0.0
    n = max(rows, cols)
    cost = [[-(weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)] for i in range(n)]
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    match, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        least, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < least[j]:
                        least[j], way[j] = reduced, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(-cost[match[j] - 1][j - 1] for j in range(1, n + 1) if match[j])


def f1(recall: float, precision: float) -> float:
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def score_line(name: str, key: Clusters, response: Clusters) -> str:
    cells, f1s = [], []
    for metric in (muc, b_cubed, ceaf_e):
        r, p = metric(key, response)
        f1s.append(f1(r, p))
        cells.append(f"{100 * r:5.1f} {100 * p:5.1f} {100 * f1s[-1]:5.1f}")
    return f"{name:<34} " + " | ".join(cells) + f" | {100 * sum(f1s) / 3:5.1f}"


# --------------------------------------------------------------------------- pipeline


def actors_pipeline() -> Language:
    """spaCy plus hornbill's paragraph and actors components: the per-document actor stage alone."""
    hnlp.register_extensions()
    nlp = spacy.load(hnlp.model_path())
    nlp.add_pipe("hornbill_paragraphs", before="parser")
    nlp.add_pipe("hornbill_actors")
    return nlp


# --------------------------------------------------------------------------- part 1: ECB+


@dataclass(frozen=True)
class GoldMention:
    mention_id: str
    topic: int
    subtopic: str
    doc_id: str
    token_ids: tuple[int, ...]
    text: str
    cluster: str


def load_ecb_mentions(root: Path) -> list[GoldMention]:
    path = root / "gold_mentions" / "test_entity_gold_mentions.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [GoldMention(r["mention_id"], r["topic"], r["subtopic"], r["doc_id"], tuple(r["token_ids"]),
                        r["text"], r["cluster_id"]) for r in rows]


def ecb_documents(root: Path, wanted: set[str]) -> Iterator[tuple[str, str, dict[int, tuple[int, int]]]]:
    """(doc id, text, token id -> char span) for every wanted test document; one paragraph a sentence.

    The first sentence of an ``ecbplus`` file is its source URL and is left out.
    """
    with tarfile.open(root / "ecbplus_test.tar.gz") as tar:
        for member in tar:
            doc_id = Path(member.name).stem
            if not member.isfile() or doc_id not in wanted:
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            tokens = ET.parse(handle).getroot().iter("token")
            text, offsets, sentence = "", {}, None
            for token in tokens:
                number = token.get("sentence")
                if doc_id.endswith("plus") and number == "0":
                    continue
                if sentence is not None:
                    text += "\n\n" if number != sentence else " "
                sentence = number
                offsets[int(token.get("t_id", "0"))] = (len(text), len(text) + len(token.text or ""))
                text += token.text or ""
            yield doc_id, text, offsets


def ecb_labels(nlp: Language, root: Path, mentions: list[GoldMention],
               limit_docs: int | None) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """mention id -> hornbill label (actor id, else head lemma), and -> head lemma alone; and the
    surname of every person actor id met."""
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for mention in mentions:
        by_doc[mention.doc_id].append(mention)
    wanted = set(sorted(by_doc)[:limit_docs] if limit_docs else by_doc)
    hornbill: dict[str, str] = {}
    lemma: dict[str, str] = {}
    surnames: dict[str, str] = {}
    docs = list(ecb_documents(root, wanted))
    for (doc_id, _, offsets), doc in zip(docs, nlp.pipe(text for _, text, _ in docs), strict=True):
        for found in doc._.actor_mentions or []:
            if found.actor.type == "PERSON":
                surnames[f"actor:{found.actor.key}"] = actors.normalise(found.actor.name).split()[-1]
        for mention in by_doc[doc_id]:
            head_lemma, actor_key = head_of(doc, offsets, mention)
            lemma[mention.mention_id] = f"lemma:{head_lemma}"
            hornbill[mention.mention_id] = f"actor:{actor_key}" if actor_key else f"lemma:{head_lemma}"
    return hornbill, lemma, surnames


def link_surnames(labels: Mapping[str, str], scope_of: Mapping[str, str],
                  surnames: Mapping[str, str]) -> dict[str, str]:
    """Cross-document step: a lone name left to its lemma ("Jeffs" in an article that never gives the
    full name) joins the one person of its scope with that surname; two such people: no link."""
    people: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention, label in labels.items():
        if label in surnames:
            people[(scope_of[mention], surnames[label])].add(label)
    linked = dict(labels)
    for mention, label in labels.items():
        if label.startswith("lemma:"):
            keys = people.get((scope_of[mention], actors.normalise(label[6:])), set())
            if len(keys) == 1:
                linked[mention] = next(iter(keys))
    return linked


def union(*labelings: Mapping[str, Hashable]) -> dict[str, str]:
    """Clusters joined wherever any labelling puts two mentions together (transitively)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for number, labels in enumerate(labelings):
        first: dict[Hashable, str] = {}
        for mention, label in labels.items():
            anchor = first.setdefault((number, label), mention)
            parent[find(mention)] = find(anchor)
    return {mention: find(mention) for labelling in labelings for mention in labelling}


def head_of(doc: Doc, offsets: Mapping[int, tuple[int, int]], mention: GoldMention) -> tuple[str, str | None]:
    """(head lemma, actor id of the hornbill mention covering the head) of a gold mention."""
    spans = [offsets[t] for t in mention.token_ids if t in offsets]
    span = doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand") if spans else None
    if span is None:
        return mention.text.casefold(), None
    head = span.root
    covering = (doc._.actor_index or {}).get(head.i)
    return head.lemma_.casefold(), covering.actor.key if covering is not None else None


def run_ecb(nlp: Language, shared: Path, limit_docs: int | None) -> None:
    root = shared / "benchmarks" / "ecbplus"
    mentions = load_ecb_mentions(root)
    hornbill, lemma, surnames = ecb_labels(nlp, root, mentions, limit_docs)
    mentions = [m for m in mentions if m.mention_id in hornbill]
    key = {m.mention_id: m.cluster for m in mentions}
    resolved = sum(label.startswith("actor:") for label in hornbill.values())
    print(f"ECB+ test split, entity mentions (gold): {len(mentions)} mentions in "
          f"{len({m.doc_id for m in mentions})} documents, {len(set(key.values()))} gold clusters; "
          f"{resolved} mentions resolved to a hornbill actor, the rest by head lemma")
    print(f"{'system':<34} {'MUC  R     P     F1':<17} | {'B3   R     P     F1':<17} | "
          f"{'CEAF-e R   P     F1':<17} | CoNLL F1")
    print(score_line("singletons", key, {m: m for m in key}))
    for scope in ("topic", "subtopic"):
        def within(labels: Mapping[str, str], scope: str = scope) -> dict[str, tuple[str, str]]:
            return {m.mention_id: (str(getattr(m, scope)), labels[m.mention_id]) for m in mentions}

        scope_of = {m.mention_id: str(getattr(m, scope)) for m in mentions}
        print(score_line(f"head lemma, within gold {scope}", key, within(lemma)))
        print(score_line(f"hornbill actors, within gold {scope}", key, within(hornbill)))
        linked = link_surnames(hornbill, scope_of, surnames)
        print(score_line(f"  + surname linking, within {scope}", key, within(linked)))
        print(score_line(f"  + head-lemma links, within {scope}", key, union(within(linked), within(lemma))))
    print("published (ecbplus/SOURCE.md; predicted document clusters, CoNLL F1 only):")
    for name, value in PUBLISHED:
        print(f"  {name:<48} {value:5.1f}")


# --------------------------------------------------------------------------- part 2: seeds-gold


@dataclass(frozen=True)
class Resolution:
    key: str | None
    how: str


def seed_docs(nlp: Language, seeds: Path) -> list[Doc]:
    """Every seed article, read and cleaned as the build does, through the actors stage."""
    raws = [r for r in read.iter_inputs([seeds]) if isinstance(r, RawDocument)]
    return list(nlp.pipe(hnlp.make_doc(nlp, prepare(raw)) for raw in raws))


def _pattern(alias: str) -> re.Pattern[str]:
    words = [re.escape(w).replace("'", "['’]") for w in alias.replace("’", "'").split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def in_documents(alias: str, articles: Iterable[Doc]) -> Resolution:
    """The actor hornbill reads the alias as (``actor_for_span``, as events and quotes do) where the
    seed articles use it; the most frequent reading."""
    found: Counter[str] = Counter()
    seen = 0
    for doc in articles:
        for match in _pattern(alias).finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            seen += 1
            if (span is not None and span.root.dep_ == "compound" and span.root.head.i >= span.end
                    and span.root.head.pos_ == "PROPN"):
                span = doc[span.start:span.root.head.i + 1]  # "Malian foreign minister" of "... Abdoulaye Diop"
            if span is not None and (actor := actors.actor_for_span(span)) is not None:
                found[actor.key] += 1
    if found:
        return Resolution(found.most_common(1)[0][0], "in-document")
    return Resolution(None, "in-document: unresolved" if seen else "not in the articles")


def resolve_alias(alias: str, dictionary: actors.ActorDictionary,
                  articles: list[Doc]) -> Resolution:
    exact = dictionary.lookup(alias)
    if exact is not None:
        return Resolution(exact.key, "dictionary")
    fuzzy = dictionary.fuzzy(alias)
    if fuzzy is not None:
        return Resolution(fuzzy.key, "fuzzy")
    return in_documents(alias, articles)


def run_seeds(nlp: Language, shared: Path) -> None:
    gold_path = shared / "corpus" / "seeds-gold" / "gold_entities.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    dictionary = actors.ActorDictionary.load()
    articles = seed_docs(nlp, shared / "corpus" / "seeds")
    expected: dict[str, str | None] = {}
    confusions: list[str] = []
    total = correct = 0
    for entity in gold:
        canon = entity["canonical"]
        expected[canon] = resolve_alias(canon, dictionary, articles).key
        for alias in dict.fromkeys(entity.get("aliases", [])):
            got = resolve_alias(alias, dictionary, articles)
            total += 1
            if got.key is not None and got.key == expected[canon]:
                correct += 1
                continue
            confusions.append(f"  {canon:<22} {alias!r:<44} -> {got.key or 'none'} ({got.how}); "
                              f"expected {expected[canon]}")
    shared_ids = defaultdict(list)
    for canon, key in expected.items():
        shared_ids[key].append(canon)
    print(f"seeds-gold entities: {len(gold)} gold actors, {total} aliases; "
          f"{correct} aliases ({correct / total:.3f}) map to their actor's canonical id")
    print("expected ids: " + ", ".join(f"{c}={k}" for c, k in expected.items()))
    print(f"confusion list ({len(confusions)}):")
    print("\n".join(confusions) if confusions else "  (none)")
    clashes = {k: v for k, v in shared_ids.items() if len(v) > 1 or k is None}
    print(f"gold actors sharing one canonical id (or with none): {len(clashes)}")
    for key, names in clashes.items():
        print(f"  {key}: {', '.join(names)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--part", choices=("ecb", "seeds", "both"), default="both")
    parser.add_argument("--limit-docs", type=int, help="ECB+: only the first N test documents (quick look).")
    args = parser.parse_args()
    nlp = actors_pipeline()
    if args.part in ("seeds", "both"):
        print("== seeds-gold: gold aliases through hornbill's actor resolution ==")
        run_seeds(nlp, args.shared)
    if args.part in ("ecb", "both"):
        print("\n== ECB+ cross-document entity coreference (test, gold mentions) ==")
        run_ecb(nlp, args.shared, args.limit_docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
