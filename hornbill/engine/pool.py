"""A local process pool for the per-document stages.

Each worker is a fresh interpreter (the *spawn* start method: no copy of the parent's DuckDB
connection, threads or locks) that loads the pipeline once and then runs
:func:`hornbill.process.process_raws` on every batch it is given. The parent keeps at most
``2 * workers`` batches in flight, so it reads the corpus only a few batches ahead of the
workers however large the corpus is, and hands the results back in input order.

Failures surface in the parent as :class:`WorkerError`, never as a hang: an exception in a
worker carries the worker's traceback, and a worker that dies (killed, out of memory) is seen
within half a second. Workers ignore Ctrl-C; the parent, interrupted, terminates them.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import signal
import traceback
from collections.abc import Generator, Iterable, Iterator
from itertools import chain
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import Any

from hornbill.engine.base import Intake, Outcome, new_batches
from hornbill.errors import EngineError, WorkerError
from hornbill.model import RawDocument
from hornbill.nlp import load
from hornbill.process import BATCH_SIZE, process_raws

#: Seconds between checks that the workers (in the parent) or the parent (in a worker) are alive.
POLL_SECONDS = 0.5
#: Batches in flight per worker: one being processed, one queued so the worker never waits.
BATCHES_PER_WORKER = 2
#: The sequence number a worker reports under when it cannot even load the pipeline.
LOAD_FAILED = -1

Task = tuple[int, list[RawDocument]]
Reply = tuple[int, bytes | None, str | None]  # (batch number, pickled outcomes, or the worker's traceback)


class PoolExecutor:
    """Runs the per-document stages in ``workers`` spawned processes, each with its own copy of
    the pipeline; the inputs are read here."""

    def __init__(self, workers: int, *, extra_actors: str | None = None, batch_size: int = BATCH_SIZE) -> None:
        if workers < 2:
            raise EngineError(f"a process pool needs at least 2 workers, not {workers} (1 runs in-process)")
        self.workers = workers
        self.extra_actors = extra_actors
        self.batch_size = batch_size

    def run(self, paths: Iterable[str | Path], intake: Intake) -> Generator[list[Outcome]]:
        return self.map(new_batches(paths, intake, self.batch_size))

    def map(self, batches: Iterable[list[RawDocument]]) -> Generator[list[Outcome]]:
        """Each batch's outcomes, in input order. The workers start once there is a first batch
        (none start for a build with nothing new), and are stopped when the batches run out, when
        the caller stops iterating, or on any error."""
        pending = iter(batches)
        first = next(pending, None)
        if first is None:
            return
        context = multiprocessing.get_context("spawn")
        tasks: multiprocessing.Queue[Task | None] = context.Queue()
        replies: multiprocessing.Queue[Reply] = context.Queue()
        processes = [
            context.Process(target=serve, args=(tasks, replies, self.extra_actors, self.batch_size),
                            name=f"hornbill-worker-{i + 1}", daemon=True)
            for i in range(self.workers)
        ]
        for process in processes:
            process.start()
        finished = False
        try:
            yield from in_order(chain([first], pending), tasks, replies, processes, BATCHES_PER_WORKER * self.workers)
            for _ in processes:
                tasks.put(None)
            for process in processes:
                process.join()
            finished = True
        finally:
            if not finished:
                stop(processes, tasks)


def in_order(
    batches: Iterable[list[RawDocument]],
    tasks: multiprocessing.Queue[Task | None],
    replies: multiprocessing.Queue[Reply],
    processes: list[SpawnProcess],
    window: int,
) -> Iterator[list[Outcome]]:
    """Feed ``batches`` to the workers, at most ``window`` ahead of the one the caller waits for,
    and yield their outcomes in input order (replies that arrive early wait in ``done``)."""
    pending = iter(batches)
    first_source: dict[int, str] = {}
    done: dict[int, list[Outcome]] = {}
    sent = wanted = 0
    while True:
        while sent - wanted < window and (batch := next(pending, None)) is not None:
            tasks.put((sent, batch))
            first_source[sent] = batch[0].source if batch else "(empty batch)"
            sent += 1
        if wanted == sent:
            return
        while wanted not in done:
            number, payload, failure = receive(replies, processes)
            if failure is not None:
                where = "loading the pipeline" if number == LOAD_FAILED else f"the batch from {first_source[number]}"
                raise WorkerError(f"a worker failed on {where}:\n{failure.rstrip()}")
            done[number] = pickle.loads(payload) if payload is not None else []
        yield done.pop(wanted)
        del first_source[wanted]
        wanted += 1


def receive(replies: multiprocessing.Queue[Reply], processes: list[SpawnProcess]) -> Reply:
    """The next reply from any worker; raises :class:`WorkerError` as soon as a worker is seen dead,
    even an idle one whose loss the others could cover: a killed worker (out of memory, most
    often) is something the user must hear of, not a build that quietly runs on fewer cores."""
    while True:
        try:
            reply = replies.get(timeout=POLL_SECONDS)
        except queue.Empty:
            reply = None
        # A worker that could not load the pipeline exits with status 0 after sending its reason.
        died = [p for p in processes if p.exitcode is not None and (reply is None or p.exitcode != 0)]
        if reply is not None and (reply[2] is not None or not died):
            return reply
        if died:
            process = died[0]
            raise WorkerError(f"worker {process.name} (pid {process.pid}) stopped unexpectedly: "
                              f"{exit_reason(process.exitcode or 0)}")


def exit_reason(exitcode: int) -> str:
    """A process exit code in words (negative codes are the signal that killed it)."""
    if exitcode >= 0:
        return f"exit status {exitcode}"
    try:
        name = signal.Signals(-exitcode).name
    except ValueError:
        name = f"signal {-exitcode}"
    hint = " (out of memory?)" if name == "SIGKILL" else ""
    return f"killed by {name}{hint}"


def stop(processes: list[SpawnProcess], tasks: multiprocessing.Queue[Any]) -> None:
    """Terminate the workers now: the caller stopped early, was interrupted, or a worker failed."""
    tasks.cancel_join_thread()  # batches still buffered for dead workers must not block our exit
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()


def serve(tasks: multiprocessing.Queue[Task | None], replies: multiprocessing.Queue[Reply],
          extra_actors: str | None, batch_size: int) -> None:
    """A worker's life: load the pipeline once, then process batches until told to stop.

    Outcomes are pickled here, so that an outcome that cannot be pickled is reported as this
    batch's failure rather than lost in the queue's feeder thread (which would leave the parent
    waiting for ever).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        nlp = load(extra_actors)
    except Exception:
        replies.put((LOAD_FAILED, None, traceback.format_exc()))
        return
    parent = multiprocessing.parent_process()
    while True:
        try:
            task = tasks.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                return  # the parent was killed without stopping us
            continue
        if task is None:
            return
        number, raws = task
        try:
            outcomes = list(process_raws(raws, nlp, batch_size))
            replies.put((number, pickle.dumps(outcomes, protocol=pickle.HIGHEST_PROTOCOL), None))
        except Exception:
            replies.put((number, None, traceback.format_exc()))
