"""Coverage-guided fuzzing (atheris) of every hornbill parser, each for a bounded time.

    .venv/bin/pip install -r requirements-bench.txt
    .venv/bin/python bench/fuzz.py --seconds 120            # every target, 120 s each
    .venv/bin/python bench/fuzz.py --target timex --seconds 60

Targets: the file reader (arbitrary bytes under each file extension), the cleaner, the
document dater, the time-expression normaliser, the number parser of the claims stage and the
quotation-mark pairer. A crash is any exception other than the library's own documented
refusals; atheris prints the input that caused it and the run exits non-zero. Each target runs
in its own process (atheris instruments one target per process), one after another.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = ("read", "clean", "docdate", "timex", "claims", "quotes")


def target_function(name: str):  # type: ignore[no-untyped-def]  # the callable atheris drives
    import atheris

    with atheris.instrument_imports():
        from hornbill import claims, clean, dates, docdate, quotes, read
        from hornbill.model import DatePoint, RawDocument

    folder = Path(tempfile.mkdtemp(prefix="hornbill-fuzz-"))
    anchor = DatePoint("2023-07-01", "day", "metadata")

    def text_of(data: bytes) -> str:
        return atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)

    def fuzz_read(data: bytes) -> None:
        for ext in ("txt", "html", "jsonl", "csv"):
            path = folder / f"input.{ext}"
            path.write_bytes(data)
            read.read_file(path)

    def fuzz_clean(data: bytes) -> None:
        raw = RawDocument(source="fuzz.txt", text=text_of(data))
        document = clean.clean(raw)
        for i in range(len(document.text)):
            assert document.text[i] == document.original[document.to_original(i)] or document.text[i] in " \n"

    def fuzz_docdate(data: bytes) -> None:
        text = text_of(data)
        raw = RawDocument(source="fuzz.txt", text=text, published=text[:40] or None, url=text[-60:] or None)
        docdate.date_document(clean.clean(raw), raw)

    def fuzz_timex(data: bytes) -> None:
        dates.normalize(text_of(data), anchor)

    def fuzz_claims(data: bytes) -> None:
        claims.parse_number(text_of(data))

    def fuzz_quotes(data: bytes) -> None:
        quotes.find_quote_spans(text_of(data))

    return {"read": fuzz_read, "clean": fuzz_clean, "docdate": fuzz_docdate, "timex": fuzz_timex,
            "claims": fuzz_claims, "quotes": fuzz_quotes}[name]


def run_one(name: str, seconds: int) -> None:
    """In a child process: fuzz one target until the time is up."""
    import atheris

    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-max_len=4096", "-print_final_stats=1"],
                  target_function(name))
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=100, help="per target")
    parser.add_argument("--target", choices=TARGETS, action="append", help="default: all")
    parser.add_argument("--child", choices=TARGETS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(args.child, args.seconds)
        return 0
    failed = []
    total = time.perf_counter()
    for name in args.target or TARGETS:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--child", name, "--seconds", str(args.seconds)],
                              capture_output=True, text=True)
        stats = [line for line in done.stderr.splitlines() if "stat::number_of_executed_units" in line]
        runs = stats[-1].split(":")[-1].strip() if stats else "?"
        status = "ok" if done.returncode == 0 else f"CRASH (exit {done.returncode})"
        print(f"{name:<8} {time.perf_counter() - start:7.1f} s  {runs:>9} inputs  {status}", flush=True)
        if done.returncode != 0:
            failed.append(name)
            print(done.stderr[-3000:], file=sys.stderr)
    print(f"total {time.perf_counter() - total:.0f} s; {'no crash' if not failed else 'crashed: ' + ', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
