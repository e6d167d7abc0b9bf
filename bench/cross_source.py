"""Which reports of one event, told by several articles, ended up in separate system events.

    .venv/bin/python bench/score_seeds.py --keep /tmp/seeds
    .venv/bin/python bench/cross_source.py /tmp/seeds/events.jsonl [--shared ../shared] [--all]

For every gold event whose mentions come from two or more articles (the events the scorer's
cross_source_merged counts), prints whether one system event has a correctly typed mention in
every gold sentence ("merged", as the scorer decides it), then each gold sentence with the system
events that have a mention in it: their index in the export, type, actor, recipient and date.
An event index that appears under one gold sentence but not another is a report left apart.
``--all`` lists the merged events too (by default only the ones still apart are detailed).

Gold and export are read with the scorer's own functions (../shared/tools/score.py: article
keys, sentence matching, alternative types), so the verdicts are the scorer's.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent


def scorer(shared: Path) -> ModuleType:
    """The team's scorer, imported from its file."""
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {shared / 'tools' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Found = dict[str, list[tuple[int, str]]]  # gold article id -> (event index, sentence) of each exported mention


def mentions_by_article(score: ModuleType, gold_dir: Path, events: list[dict[str, Any]]) -> Found:
    """(event index, sentence) of every exported mention, by gold article id, matched as the scorer matches them."""
    articles = score.load_jsonl(gold_dir / "articles.jsonl")
    file_to_article = {score.article_key(a["file"]): a["id"] for a in articles}
    by_article: dict[str, list[tuple[int, str]]] = {}
    for index, event in enumerate(events):
        for m in event.get("mentions", []):
            ref = m.get("source") or m.get("doc_path") or m.get("doc_id") or ""
            article = file_to_article.get(score.article_key(ref))
            if article:
                by_article.setdefault(article, []).append((index, m.get("sentence", "")))
    return by_article


def sentence_hits(score: ModuleType, by_article: Found, gold_mention: dict[str, Any]) -> list[int]:
    """The events with a mention in a gold sentence (the scorer's sentence match)."""
    return [i for i, sentence in by_article.get(gold_mention["article"], [])
            if score.same_sentence(sentence, gold_mention["sentence"])]


def describe(index: int, event: dict[str, Any]) -> str:
    actor = (event.get("actor") or {}).get("name")
    recipient = (event.get("recipient") or {}).get("name")
    return f"#{index} {event.get('event_type')} {actor} -> {recipient} {event.get('date')}"


def report(score: ModuleType, gold_dir: Path, events: list[dict[str, Any]], show_all: bool) -> tuple[int, int]:
    """Print the cross-source gold events; returns (how many were merged, how many there are)."""
    by_article = mentions_by_article(score, gold_dir, events)
    merged = total = 0
    for gold in score.load_jsonl(gold_dir / "gold_events.jsonl"):
        if len({m["article"] for m in gold["mentions"]}) < 2 or len(gold["mentions"]) < 2:
            continue
        total += 1
        accepted = {gold["event_type"], *gold.get("alt_types", [])}
        hits = [sentence_hits(score, by_article, gm) for gm in gold["mentions"]]
        typed = {i for found in hits for i in found if events[i].get("event_type") in accepted}
        is_merged = any(all(i in found for found in hits) for i in typed)
        merged += is_merged
        print(f"{gold['gid']} {'merged' if is_merged else 'APART '} {gold['event_type']} {gold.get('actor')} -> "
              f"{gold.get('recipient')} {gold.get('date')} | {gold.get('summary', '')[:70]}")
        if is_merged and not show_all:
            continue
        for gm, found in zip(gold["mentions"], hits, strict=True):
            listed = "; ".join(describe(i, events[i]) for i in dict.fromkeys(found)) or "nothing found"
            print(f"    {gm['article']} {gm['sentence'][:80]!r}\n        {listed}")
    return merged, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", type=Path, help="an events export (hornbill export events)")
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--all", action="store_true", help="detail the merged events too")
    args = parser.parse_args()
    score = scorer(args.shared)
    gold_dir = args.shared / "corpus" / "seeds-gold"
    merged, total = report(score, gold_dir, score.load_jsonl(args.events), args.all)
    print(f"cross-source gold events merged: {merged}/{total} = {merged / (total or 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
