"""A build: read the inputs, have an engine run the per-document stages, store and link.

Per document (:mod:`hornbill.process`; pure, no shared state, so it can run in a pool or on Ray)::

    read -> clean -> docdate -> spaCy parse -> timex -> actors -> events -> quotes -> claims -> DocResult

The engine (:mod:`hornbill.engine`) is one executor whatever runs the stages; the cross-document
stage (``link``) runs in the store as each DocResult is added.

An article that tells no publication date, or only its month or year, is held back until the
build's dated articles are stored (up to :data:`HELD_AT_MOST` at a time): when the dated reports
that share its actors place it on a day (:func:`hornbill.dates.story_day`), it is parsed again as published that day
(``published_basis: story``), so its "on Thursday" and its statements are dated as a dated
report's would be.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from hornbill.dates import needs_story_day, story_day
from hornbill.engine import executor_for
from hornbill.model import DatePoint, DocResult, Document, RawDocument, Skipped
from hornbill.nlp import load
from hornbill.process import BATCH_SIZE, process_prepared
from hornbill.store import KnowledgeBase

#: How many articles not dated to the day a build holds back at most before placing and storing them.
HELD_AT_MOST = 2000


@dataclass
class BuildReport:
    """What a build or add did: counts for the closing summary."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    new_events: int = 0
    merged_mentions: int = 0
    story_dated: int = 0
    placeable: int = 0  # articles stored undated by an earlier build that this one's reports would place


def build(
    paths: Iterable[str | Path],
    kb: KnowledgeBase,
    *,
    extra_actors: str | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int = 1,
    engine: str = "local",
    ray_address: str | None = None,
    ray_results: str | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_warning: Callable[[str, str], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Read, process and store every document under ``paths`` into ``kb``.

    Documents already in the KB are recognised by their content id and not parsed again.
    Each batch is stored in one transaction. ``on_skip`` hears of every unreadable input as it
    is met, ``on_warning`` of every (source, warning) a reader raised on a document it could
    still read (e.g. decoded as Latin-1); ``progress`` is called with the number of documents each finished batch held.

    ``workers`` > 1 runs the per-document stages in that many local processes; reading, storing
    and linking stay here, and batches are stored in input order, so the KB is the same as with
    one worker. ``engine="ray"`` hands the build to :mod:`hornbill.engine.ray` (on the cluster at
    ``ray_address``, or a local one), with ``workers`` > 1 as its number of workers (else Ray's choice) and
    its per-document Parquet results in ``ray_results`` (a temporary folder if not given).
    """
    executor = executor_for(engine, workers=workers, extra_actors=extra_actors, batch_size=batch_size,
                            ray_address=ray_address, ray_results=ray_results)
    run = BuildRun(kb, on_skip=on_skip, on_warning=on_warning, progress=progress, extra_actors=extra_actors,
                   batch_size=batch_size)
    # closing: should storing fail, the workers stop now, not when the generator is collected
    with closing(executor.run(paths, run)) as results:
        for outcomes in results:
            run.store(outcomes)
    run.store_held()
    run.count_placeable()
    return run.report


@dataclass
class BuildRun:
    """The parent's side of a build, whatever engine parses: it drops what is already stored,
    stores each batch of outcomes (linking happens in ``kb.add``), holds back the articles not
    dated to the day until the story can place them, tallies the report and tells the caller's callbacks."""

    kb: KnowledgeBase
    on_skip: Callable[[Skipped], None] | None = None
    on_warning: Callable[[str, str], None] | None = None
    progress: Callable[[int], None] | None = None
    extra_actors: str | None = None
    batch_size: int = BATCH_SIZE
    report: BuildReport = field(default_factory=BuildReport)
    held: list[DocResult] = field(default_factory=list)
    dated_actors: set[str] = field(default_factory=set)  # actors of the articles stored dated to the day

    def skip(self, item: Skipped) -> None:
        self.report.skipped.append(item)
        if self.on_skip:
            self.on_skip(item)

    def warn(self, source: str, warnings: Iterable[str]) -> None:
        """Pass on the warnings a reader raised on a document it could still read."""
        for warning in warnings:
            if self.on_warning:
                self.on_warning(source, warning)

    def new_documents(self, items: Iterable[RawDocument | Skipped]) -> Iterator[RawDocument]:
        """The documents of ``items`` not yet in the KB; reader skips and warnings are reported
        as they are met, documents already stored are counted."""
        for item in items:
            if isinstance(item, Skipped):
                self.skip(item)
                continue
            self.warn(item.source, item.warnings)
            if self.kb.has_document(item.doc_id):
                self.report.read += 1
                self.report.already_stored += 1
                if self.progress:
                    self.progress(1)
                continue
            yield item

    def store(self, outcomes: Iterable[DocResult | Skipped]) -> None:
        """Store one batch in one transaction, but for its articles not dated to the day, held back; a
        Skipped (no text left once cleaned) is reported."""
        results: list[DocResult] = []
        parsed = 0
        for outcome in outcomes:
            if isinstance(outcome, Skipped):
                self.skip(outcome)
                continue
            parsed += 1
            if needs_story_day(outcome.document.published):
                self.held.append(outcome)
            else:
                results.append(outcome)
        self._add(results)
        self.dated_actors |= {key for r in results for key in _actors_of(r)}
        if self.progress and parsed:
            self.progress(parsed)
        if len(self.held) >= HELD_AT_MOST:
            self.store_held()

    def store_held(self) -> None:
        """Store the held articles, in the order they came: each one the dated reports
        that share its actors place on a day is parsed again as published that day."""
        held, self.held = self.held, []
        if not held:
            return
        days = self._story_days(held)
        redone = {r.document.doc_id: r for r in self._parsed_again(
            [r.document for r in held if r.document.doc_id in days], days)}
        self.report.story_dated += len(redone)
        self._add([redone.get(r.document.doc_id, r) for r in held])

    def count_placeable(self) -> None:
        """Count the articles stored undated before this build that the reports it stored would
        now place on a day: storing does not go back to them, a rebuild would
        (``report.placeable``)."""
        self.report.placeable = len(self._days_of(self.kb.undated_articles(self.dated_actors)))

    def _story_days(self, held: list[DocResult]) -> dict[str, DatePoint]:
        """The day the story places each held article on, where it places one."""
        return self._days_of({r.document.doc_id: (r.document.published, _actors_of(r)) for r in held})

    def _days_of(self, articles: Mapping[str, tuple[DatePoint, set[str]]]) -> dict[str, DatePoint]:
        """The day the stored dated reports place each article on ((its own date, its actors) by id),
        where they place one (:func:`hornbill.dates.story_day`)."""
        reports = self.kb.shared_reports({doc_id: actors for doc_id, (_, actors) in articles.items()})
        return {doc_id: day for doc_id, found in reports.items()
                if (day := story_day(found, articles[doc_id][0])) is not None}

    def _parsed_again(self, documents: list[Document], days: dict[str, DatePoint]) -> Iterator[DocResult]:
        if not documents:
            return iter(())
        dated = (dataclasses.replace(d, published=days[d.doc_id]) for d in documents)
        return process_prepared(dated, load(self.extra_actors), self.batch_size)

    def _add(self, results: list[DocResult]) -> None:
        """Store results in one transaction and tally them."""
        if not results:
            return
        summary = self.kb.add(results)
        self.report.read += len(results)
        self.report.added += summary.added
        self.report.already_stored += summary.already_stored
        self.report.new_events += summary.events
        self.report.merged_mentions += summary.merged


def _actors_of(result: DocResult) -> set[str]:
    """The keys of the doers and targets of an article's events."""
    return {role.key for ev in result.events for role in (ev.actor, ev.recipient) if role}
