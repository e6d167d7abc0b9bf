"""Throughput, memory and stage costs of a build, measured beside the bare spaCy parse (issue #8).

    .venv/bin/python bench/throughput.py --docs 2000           # spaCy alone, 1 worker, 2 workers, Ray; stages
    .venv/bin/python bench/throughput.py --docs 40 --skip ray  # a quick look while developing
    .venv/bin/python bench/throughput.py --memory              # peak RSS at 500 and 5,000 articles, 2 workers

The corpus: the 181 HTML pages of ../shared/benchmarks/article-extraction-benchmark (gunzipped;
at most a quarter of the corpus) plus articles recombined from the paragraphs of those pages,
../shared/corpus/seeds and examples/ (4 to 20 paragraphs, 250 to 900 words each, with a title,
date and outlet header), written as files to a temporary folder. The same files feed every
variant, and each variant runs in a fresh process so that start-up and memory do not mix:

- spaCy alone: ``spacy.load`` of the same English pipeline hornbill loads (the same components),
  ``nlp.pipe`` over the cleaned texts hornbill parses, with the same batch size;
- hornbill, 1 worker / 2 workers / Ray: ``pipeline.build`` of the folder into a fresh DuckDB file.

Seconds include start-up (loading the pipeline, starting workers or Ray), which is also shown
alone where it can be separated. Words are whitespace-separated words of the cleaned texts.
Peak RSS is the largest sum, over a variant's process and all its descendants, of their resident
memory, sampled from /proc every 0.1 s (shared library pages count once per process).

The stage table runs the 1-worker pipeline one stage at a time over the same batches (each spaCy
component via its ``pipe``), then stores each batch with ``kb.add``, and gives each stage's
seconds and its cost as a share of the spaCy parse (tokenizer plus spaCy's components).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "benchmarks" / "article-extraction-benchmark" / "html"
TEXT_SOURCES = (SHARED / "corpus" / "seeds", ROOT / "examples")

#: The issue's acceptance figures.
MIN_HORNBILL_OVER_SPACY = 0.7
MIN_TWO_OVER_ONE = 1.7
MAX_REST_OVER_PARSE = 0.5
MAX_MEMORY_GROWTH = 1.2
MAX_PEAK_MB = 2048

OUTLETS = ("Sahel Ledger", "River Post", "Capital Courier", "Morning Dispatch", "Border Review", "Coast Herald")
SAMPLE_SECONDS = 0.1
MB = 1024 * 1024
#: Stages the main process runs whatever the number of workers.
MAIN_PROCESS_STAGES = ("read", "store+link")


# -- the corpus ----------------------------------------------------------------------------------


def gunzip_pages(folder: Path) -> list[Path]:
    """The benchmark's HTML pages, decompressed into ``folder`` (the reader does not open .gz)."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for packed in sorted(PAGES.glob("*.html.gz")):
        page = folder / packed.name.removesuffix(".gz")
        page.write_bytes(gzip.decompress(packed.read_bytes()))
        pages.append(page)
    return pages


def paragraphs(paths: list[Path]) -> list[str]:
    """Distinct paragraphs of at least 8 words from the articles under ``paths``, whitespace joined."""
    from hornbill.model import RawDocument
    from hornbill.read import iter_inputs

    seen: dict[str, None] = {}
    for item in iter_inputs(paths):
        if not isinstance(item, RawDocument):
            continue
        for block in re.split(r"\n\s*\n", item.text):
            pieces = block.splitlines() if len(block.split()) > 150 else [block]
            for piece in pieces:
                if len(piece.split()) >= 8:
                    seen.setdefault(" ".join(piece.split()))
    return list(seen)


def recombined(pool: list[str], rng: random.Random) -> str:
    """One synthetic article: a header, then paragraphs drawn from ``pool`` up to 250-900 words."""
    target = rng.randint(250, 900)
    body: list[str] = []
    words = 0
    while (words < target or len(body) < 4) and len(body) < 20:
        paragraph = rng.choice(pool)
        body.append(paragraph)
        words += len(paragraph.split())
    title = " ".join(body[0].split()[:8])
    date = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    header = f"Title: {title}\nDate: {date}\nOutlet: {rng.choice(OUTLETS)}\n\n"
    return header + "\n\n".join(body) + "\n"


@dataclass(frozen=True)
class Corpus:
    folder: Path
    pages: int
    texts: int


def write_corpus(folder: Path, size: int, seed: int = 8) -> Corpus:
    """``size`` article files in ``folder``: HTML pages spread evenly among recombined texts."""
    pages = gunzip_pages(folder.parent / "pages")
    pool = paragraphs([*TEXT_SOURCES, folder.parent / "pages"])
    rng = random.Random(seed)
    html = rng.sample(pages, min(len(pages), size // 4))
    html_at = {round(k * size / len(html)) for k in range(len(html))} if html else set()
    folder.mkdir(parents=True)
    written: set[str] = set()
    next_page = iter(html)
    for i in range(size):
        if i in html_at:
            (folder / f"{i:06d}.html").write_bytes(next(next_page).read_bytes())
            continue
        text = recombined(pool, rng)
        while text in written:  # every article distinct, or the KB would store it once
            text = recombined(pool, rng)
        written.add(text)
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return Corpus(folder, len(html), size - len(html))


# -- measuring a variant in its own process ------------------------------------------------------


def process_tree_rss(root: int) -> tuple[int, int]:
    """(resident bytes of ``root`` and all its descendants, of ``root`` alone), from /proc."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry.name))
    total = own = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * resource.getpagesize()
        except (OSError, IndexError, ValueError):
            continue
        total += rss
        own = rss if pid == root else own
        stack.extend(children.get(pid, ()))
    return total, own


class PeakSampler(threading.Thread):
    """Samples a process tree's resident memory until stopped; keeps the peaks."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_tree = self.peak_root = 0
        self.finished = threading.Event()

    def run(self) -> None:
        while not self.finished.wait(SAMPLE_SECONDS):
            tree, own = process_tree_rss(self.pid)
            self.peak_tree = max(self.peak_tree, tree)
            self.peak_root = max(self.peak_root, own)


def measure(variant: str, corpus: Path, workdir: Path, batch_size: int) -> dict[str, Any]:
    """Run one variant in a fresh interpreter; its figures, with the peak RSS of its process tree."""
    db = workdir / f"{variant}.duckdb"
    command = [sys.executable, str(Path(__file__).resolve()), "--variant", variant, "--corpus", str(corpus),
               "--db", str(db), "--batch-size", str(batch_size)]
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "TQDM_DISABLE": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    sampler = PeakSampler(child.pid) if Path("/proc/self/statm").exists() else None
    if sampler:
        sampler.start()
    out, _ = child.communicate()
    if sampler:
        sampler.finished.set()
        sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"bench: variant {variant} failed (exit {child.returncode})")
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures["cpu"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if sampler:
        figures["peak_mb"], figures["parent_mb"] = sampler.peak_tree / MB, sampler.peak_root / MB
    else:  # no /proc: the kernel's own peaks, the parent's plus its largest child's
        figures["peak_mb"] = (figures["maxrss_self_mb"] + figures["maxrss_children_mb"])
        figures["parent_mb"] = figures["maxrss_self_mb"]
    return figures


# -- the variants, each run by `--variant NAME` in a fresh process --------------------------------


def own_peaks() -> dict[str, float]:
    """The kernel's peak RSS of this process and of its largest finished child (Linux: KiB)."""
    return {"maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def run_spacy(corpus: Path, batch_size: int) -> dict[str, Any]:
    """The bare spaCy pipeline over the texts hornbill would parse (read and cleaned before the clock)."""
    import spacy

    from hornbill import nlp as hnlp
    from hornbill.model import RawDocument
    from hornbill.process import prepare
    from hornbill.read import iter_inputs

    texts = [text for item in iter_inputs([corpus]) if isinstance(item, RawDocument)
             if (text := prepare(item).text).strip()]
    started = time.perf_counter()
    nlp = spacy.load(hnlp.model_path())
    loaded = time.perf_counter()
    docs = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "startup": loaded - started, "docs": docs,
            "words": sum(len(text.split()) for text in texts)}


def run_hornbill(corpus: Path, db: Path, batch_size: int, workers: int, engine: str) -> dict[str, Any]:
    """``pipeline.build`` of the corpus folder into a fresh KB, start-up included."""
    from hornbill import nlp as hnlp
    from hornbill.pipeline import build
    from hornbill.store import open_kb

    started = time.perf_counter()
    startup = None
    if workers == 1 and engine == "local":
        hnlp.load()  # what the build would load on its first batch, timed alone
        startup = time.perf_counter() - started
    kb = open_kb(db)
    report = build([corpus], kb, workers=workers, engine=engine, batch_size=batch_size)
    kb.close()
    return {"seconds": time.perf_counter() - started, "startup": startup, "docs": report.read,
            "skipped": len(report.skipped)}


class StageClock:
    """CPU and wall-clock seconds per stage, each stage timed from the end of the one before.

    CPU time (all threads of this process) is the steadier figure when other work shares the
    machine; the shares of the parse are taken from it, with the wall-clock ones beside them."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.restart()

    def restart(self) -> None:
        self.cpu_mark, self.wall_mark = time.process_time(), time.perf_counter()

    def lap(self, stage: str) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        self.cpu[stage] += cpu - self.cpu_mark
        self.wall[stage] += wall - self.wall_mark
        self.cpu_mark, self.wall_mark = cpu, wall


def timed_batches(corpus: Path, batch_size: int, clock: StageClock) -> Iterator[list[Any]]:
    """The corpus's readable documents in batches, the time spent reading counted as "read"."""
    from hornbill.model import RawDocument
    from hornbill.read import iter_inputs

    items = iter_inputs([corpus])
    while True:
        clock.restart()
        batch = [item for item in islice(items, batch_size) if isinstance(item, RawDocument)]
        clock.lap("read")
        if not batch:
            return
        yield batch


def run_stages(corpus: Path, db: Path, batch_size: int) -> dict[str, Any]:
    """The 1-worker pipeline one stage at a time over each batch, each stage timed."""
    from hornbill import nlp as hnlp
    from hornbill.process import prepare, to_result
    from hornbill.store import open_kb

    nlp = hnlp.load()
    kb = open_kb(db)
    clock = StageClock()
    docs = 0
    for raws in timed_batches(corpus, batch_size, clock):
        documents = [document for raw in raws if (document := prepare(raw)).text.strip()]
        clock.lap("clean+docdate")
        batch = [hnlp.make_doc(nlp, document) for document in documents]
        clock.lap("tokenizer")
        for name, component in nlp.pipeline:
            pipe = getattr(component, "pipe", None)
            batch = list(pipe(batch, batch_size=batch_size)) if pipe else [component(doc) for doc in batch]
            clock.lap(name)
        results = [to_result(doc) for doc in batch]
        clock.lap("to_result")
        kb.add(results)
        clock.lap("store+link")
        docs += len(results)
    kb.close()
    spacy_stages = ["tokenizer", *(name for name in nlp.pipe_names if not name.startswith("hornbill_"))]
    return {"stage_cpu": dict(clock.cpu), "stage_wall": dict(clock.wall), "spacy": spacy_stages, "docs": docs}


def run_variant(args: argparse.Namespace) -> None:
    """The child side of :func:`measure`: run one variant, print its figures as one JSON line."""
    corpus, db, batch_size = Path(args.corpus), Path(args.db), args.batch_size
    variants = {
        "spacy": lambda: run_spacy(corpus, batch_size),
        "w1": lambda: run_hornbill(corpus, db, batch_size, 1, "local"),
        "w2": lambda: run_hornbill(corpus, db, batch_size, 2, "local"),
        "ray": lambda: run_hornbill(corpus, db, batch_size, 2, "ray"),
        "stages": lambda: run_stages(corpus, db, batch_size),
    }
    figures = variants[args.variant]()
    print(json.dumps({**figures, **own_peaks()}))


# -- reporting ------------------------------------------------------------------------------------


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


HEADER = (f"{'variant':<26}{'seconds':>9}{'start-up':>10}{'CPU s':>8}{'docs':>6}{'docs/s':>8}{'words/s':>9}"
          f"{'peak RSS':>10}{'parent RSS':>12}")


def row(label: str, figures: dict[str, Any], words: int) -> str:
    seconds = figures["seconds"]
    startup = f"{figures['startup']:10.1f}" if figures.get("startup") is not None else f"{'in total':>10}"
    return (f"{label:<26}{seconds:9.1f}{startup}{figures['cpu']:8.1f}{figures['docs']:6d}"
            f"{figures['docs'] / seconds:8.2f}{words / seconds:9.0f}{figures['peak_mb']:10.0f}"
            f"{figures['parent_mb']:12.0f}")


def ray_available() -> bool:
    return importlib.util.find_spec("ray") is not None and importlib.util.find_spec("hornbill.engine.ray") is not None


def throughput(args: argparse.Namespace, workdir: Path) -> None:
    corpus = write_corpus(workdir / "corpus", args.docs)
    print(f"corpus: {args.docs} articles ({corpus.pages} HTML pages, {corpus.texts} recombined texts) in "
          f"{corpus.folder}; batch size {args.batch_size}; {os.cpu_count()} CPUs", flush=True)
    measured: dict[str, dict[str, Any]] = {}
    labels = {"spacy": "spaCy alone (nlp.pipe)", "w1": "hornbill, 1 worker", "w2": "hornbill, 2 workers",
              "ray": "hornbill, Ray, 2 workers"}
    wanted = [v for v in labels if v not in args.skip]
    if "ray" in wanted and not ray_available():
        wanted.remove("ray")
        print("ray: skipped (ray or hornbill.engine.ray is not importable)")
    for variant in wanted:
        print(f"running {labels[variant]} ...", file=sys.stderr, flush=True)
        measured[variant] = measure(variant, corpus.folder, workdir, args.batch_size)
    words = measured["spacy"]["words"] if "spacy" in measured else 0
    print(f"\n{HEADER}")
    for variant, figures in measured.items():
        print(row(labels[variant], figures, words))
    print(f"({words:,} words after cleaning; seconds are wall-clock and include start-up; CPU s is user + system time "
          "of the variant's whole process tree; RSS in MB, peak over the process tree)")
    print_ratios(measured)
    if "stages" not in args.skip:
        print("\nrunning stages ...", file=sys.stderr, flush=True)
        print_stages(measure("stages", corpus.folder, workdir, args.batch_size))


def docs_per_second(figures: dict[str, Any]) -> float:
    return float(figures["docs"] / figures["seconds"])


def print_ratios(measured: dict[str, dict[str, Any]]) -> None:
    counts = {variant: figures["docs"] for variant, figures in measured.items()}
    if len(set(counts.values())) > 1:
        print(f"note: the variants did not parse the same number of documents: {counts}")
    if "spacy" in measured and "w1" in measured:
        ratio = docs_per_second(measured["w1"]) / docs_per_second(measured["spacy"])
        by_cpu = measured["spacy"]["cpu"] / measured["w1"]["cpu"]
        print(f"hornbill 1 worker / spaCy alone: {ratio:.2f}x  "
              f"(target >= {MIN_HORNBILL_OVER_SPACY}x: {verdict(ratio >= MIN_HORNBILL_OVER_SPACY)}); "
              f"by CPU time {by_cpu:.2f}x (for comparison on a busy machine; not the target)")
    if "w1" in measured and "w2" in measured:
        ratio = docs_per_second(measured["w2"]) / docs_per_second(measured["w1"])
        print(f"hornbill 2 workers / 1 worker:   {ratio:.2f}x  "
              f"(target >= {MIN_TWO_OVER_ONE}x: {verdict(ratio >= MIN_TWO_OVER_ONE)})")
    if "w2" in measured and "ray" in measured:
        ratio = docs_per_second(measured["ray"]) / docs_per_second(measured["w2"])
        print(f"hornbill Ray / local 2 workers:  {ratio:.2f}x  (no target)")


def print_stages(figures: dict[str, Any]) -> None:
    cpu: dict[str, float] = figures["stage_cpu"]
    wall: dict[str, float] = figures["stage_wall"]
    parse_stages: list[str] = figures["spacy"]

    def split(times: dict[str, float]) -> tuple[float, float]:
        parse = sum(times[name] for name in parse_stages)
        return parse, sum(times.values()) - parse

    (parse, rest), (parse_wall, rest_wall) = split(cpu), split(wall)
    print(f"\nstages, 1 worker, {figures['docs']} documents stored (spaCy parse = {' + '.join(parse_stages)}):")
    print(f"{'stage':<20}{'CPU s':>9}{'of parse':>10}{'wall s':>9}{'of parse':>10}")
    for name in cpu:
        mark = "  (parse)" if name in parse_stages else ""
        print(f"{name:<20}{cpu[name]:9.2f}{cpu[name] / parse:10.0%}{wall[name]:9.2f}"
              f"{wall[name] / parse_wall:10.0%}{mark}")
    print(f"{'spaCy parse':<20}{parse:9.2f}{1:10.0%}{parse_wall:9.2f}{1:10.0%}")
    print(f"{'everything else':<20}{rest:9.2f}{rest / parse:10.0%}{rest_wall:9.2f}{rest_wall / parse_wall:10.0%}  "
          f"(target < {MAX_REST_OVER_PARSE:.0%} of the parse: by CPU {verdict(rest / parse < MAX_REST_OVER_PARSE)}, "
          f"by wall-clock {verdict(rest_wall / parse_wall < MAX_REST_OVER_PARSE)})")
    total, total_wall = parse + rest, parse_wall + rest_wall
    print(f"{'total':<20}{total:9.2f}{'':10}{total_wall:9.2f}{'':10}  ({figures['docs'] / total_wall:.2f} docs/s)")
    main_only = sum(cpu[name] for name in MAIN_PROCESS_STAGES)
    best = best_speedup(total, main_only, 2)
    print(f"with --workers 2, the main process alone does {' and '.join(MAIN_PROCESS_STAGES)}: {main_only / total:.0%} "
          f"of the CPU time, so 2 workers on {os.cpu_count()} CPUs can be at best {best:.2f}x one worker "
          "(ignoring start-up and the cost of passing batches)")


def best_speedup(total: float, main_only: float, workers: int) -> float:
    """Amdahl for the pool: the main process's stages run alone, the rest is shared by ``workers``
    processes, and all of them share the machine's CPUs."""
    cpus = min(os.cpu_count() or 1, workers + 1)
    return total / max(total / cpus, main_only, (total - main_only) / workers)


def memory(args: argparse.Namespace, workdir: Path) -> None:
    """Peak RSS of a 2-worker build at each corpus size."""
    print(f"memory: hornbill build with 2 workers at {', '.join(map(str, args.sizes))} articles; batch size "
          f"{args.batch_size}", flush=True)
    peaks: list[float] = []
    print(f"\n{'articles':>8}{'seconds':>9}{'docs/s':>8}{'peak RSS':>10}{'parent RSS':>11}")
    for size in args.sizes:
        folder = workdir / f"size-{size}"
        corpus = write_corpus(folder / "corpus", size)
        figures = measure("w2", corpus.folder, folder, args.batch_size)
        peaks.append(figures["peak_mb"])
        print(f"{size:8d}{figures['seconds']:9.1f}{docs_per_second(figures):8.2f}{figures['peak_mb']:10.0f}"
              f"{figures['parent_mb']:11.0f}", flush=True)
    growth = peaks[-1] / peaks[0]
    print(f"(RSS in MB, peak over the process tree)\npeak at {args.sizes[-1]} / peak at {args.sizes[0]}: "
          f"{growth:.2f}x (target <= {MAX_MEMORY_GROWTH}x: {verdict(growth <= MAX_MEMORY_GROWTH)}); "
          f"largest peak {max(peaks):.0f} MB (target < {MAX_PEAK_MB} MB: {verdict(max(peaks) < MAX_PEAK_MB)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="articles in the throughput corpus")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--skip", type=lambda s: s.split(","), default=[],
                        help="comma-separated variants to leave out: w1, w2, ray, stages (spacy is the reference)")
    parser.add_argument("--memory", action="store_true", help="measure peak RSS at --sizes with 2 workers instead")
    parser.add_argument("--sizes", type=int, nargs=2, default=[500, 5000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it, instead of a temporary one")
    parser.add_argument("--variant", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        run_variant(args)
        return
    if args.keep:
        args.keep.mkdir(parents=True)
        (memory if args.memory else throughput)(args, args.keep)
        return
    with tempfile.TemporaryDirectory(prefix="hornbill-bench-") as folder:
        (memory if args.memory else throughput)(args, Path(folder))


if __name__ == "__main__":
    main()
