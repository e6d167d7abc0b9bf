"""Load test of `hornbill serve` on loopback: p50/p99 latency of the timeline and search endpoints.

    .venv/bin/python bench/load.py [--events 100000] [--clients 50] [--seconds 15] [--workers 1] [--kb PATH]

The knowledge base is made of records, not parsed text: the example articles (and the seed
articles in ../shared/corpus/seeds, when present) are processed once and stored, and their rows
are then copied in bulk with new ids, dates shifted by whole years and actors swapped among 40
variants (``fill`` of bench/add_latency.py) until the KB holds the requested number of events.
With ``--kb PATH`` the KB is kept there and reused by later runs.

Then `hornbill serve` starts on a free 127.0.0.1 port and each endpoint gets its own run of
N concurrent clients with no think time, for a bounded number of seconds, cycling through 2,000
requests drawn at random:

    timeline:  /api/events?limit=50 with a random offset, or filtered by actor, type or a half-year range
    search:    /api/search?q=<one or two words from the articles>&limit=20

The clients are wrk (Debian's package: `apt-get install wrk`) when it is on PATH, otherwise httpx
(async, in this process). Target: p99 < 100 ms at 50 clients.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from add_latency import ROOT, SHARED, fill, processed

from hornbill.model import EVENT_TYPES
from hornbill.store import open_kb
from hornbill.store.duckdb import DuckDBKnowledgeBase

SEARCH_WORDS = ["withdraw", "sanctions", "Wagner", "peacekeepers", "Bamako", "troops", "coup", "ECOWAS",
                "ambassador", "junta", "mission", "vote", "border", "Russia", "France"]
WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format('RESULT {"requests": %%d, "errors": %%d, "p50": %%d, "p99": %%d, "max": %%d}\\n',
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
"""


def build_kb(path: Path, events: int) -> None:
    inputs = sorted((ROOT / "examples").iterdir())
    if (SHARED / "corpus" / "seeds").exists():
        inputs += sorted((SHARED / "corpus" / "seeds").iterdir())
    base = processed(inputs)
    probe = DuckDBKnowledgeBase(path.with_suffix(".probe"))
    probe.add(base)
    per_copy = probe.counts()["events"]
    probe.close()
    path.with_suffix(".probe").unlink()
    kb = DuckDBKnowledgeBase(path)
    fill(kb, base, len(base) * math.ceil(events / per_copy))
    kb.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def request_paths(kind: str, names: list[str], total: int, rng: random.Random, n: int = 2000) -> list[str]:
    out = []
    for _ in range(n):
        if kind == "search":
            params: dict[str, str | int] = {"q": " ".join(rng.sample(SEARCH_WORDS, rng.choice([1, 2]))), "limit": 20}
        else:
            params = {"limit": 50, "offset": rng.randrange(0, max(total - 50, 1))}
            choice = rng.randrange(4)
            if choice == 0:
                params.update(actor=rng.choice(names), offset=0)
            elif choice == 1:
                params.update(type=rng.choice(EVENT_TYPES), offset=rng.randrange(0, 500))
            elif choice == 2:
                year = rng.randint(1995, 2024)
                params.update(date_from=f"{year}-01", date_to=f"{year}-06", offset=0)
        out.append(str(httpx.URL("/api/" + ("search" if kind == "search" else "events"), params=params)))
    return out


def run_wrk(url: str, paths: list[str], clients: int, seconds: float, workdir: Path) -> dict[str, float]:
    script = workdir / "paths.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    out = subprocess.run(["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{int(seconds)}s", "--timeout", "10s",
                          "-s", str(script), url], capture_output=True, text=True, timeout=seconds + 60, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
    result = json.loads(line[len("RESULT "):])
    return {"requests": result["requests"], "errors": result["errors"], "p50": result["p50"] / 1000,
            "p99": result["p99"] / 1000, "max": result["max"] / 1000}


async def httpx_clients(url: str, paths: list[str], clients: int, seconds: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    until = time.monotonic() + seconds

    async def one(k: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            i = k
            while time.monotonic() < until:
                start = time.perf_counter()
                response = await http.get(paths[i % len(paths)])
                latencies.append((time.perf_counter() - start) * 1000)
                errors += response.status_code != 200
                i += clients

    await asyncio.gather(*(one(k) for k in range(clients)))
    return latencies, errors


def run_httpx(url: str, paths: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies, errors = asyncio.run(httpx_clients(url, paths, clients, seconds))
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"requests": len(latencies), "errors": errors, "p50": cuts[49], "p99": cuts[98], "max": max(latencies)}


def serve(kb: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-m", "hornbill.cli", "serve", "--db", str(kb), "--port", str(port),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("hornbill serve did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="events in the generated KB")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each endpoint's run")
    parser.add_argument("--workers", type=int, default=1, help="server processes (`hornbill serve --workers`)")
    parser.add_argument("--client", choices=["wrk", "httpx"], default="wrk" if shutil.which("wrk") else "httpx")
    parser.add_argument("--kb", type=Path, help="keep (or reuse) the generated KB at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.kb or Path(tmp) / "load.duckdb"
        if not path.exists():
            print(f"generating a KB of about {args.events:,} events at {path} ...", file=sys.stderr)
            start = time.perf_counter()
            build_kb(path, args.events)
            print(f"  built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        kb = open_kb(path, read_only=True)
        counts = kb.counts()
        names = [a["name"] for a in kb.actors()][:300]
        kb.close()
        port = free_port()
        start = time.perf_counter()
        proc = serve(path, port, args.workers)
        ready = time.perf_counter() - start
        url = f"http://127.0.0.1:{port}"
        rng = random.Random(7)
        results = {}
        try:
            for kind in ("timeline", "search"):
                paths = request_paths(kind, names, counts["events"], rng)
                if args.client == "wrk":
                    results[kind] = run_wrk(url, paths, args.clients, args.seconds, Path(tmp))
                else:
                    results[kind] = run_httpx(url, paths, args.clients, args.seconds)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"hornbill serve load test: {counts['events']:,} events, {counts['documents']:,} documents; "
          f"{args.workers} server process(es), ready in {ready:.1f} s")
    print(f"{args.clients} concurrent {args.client} clients, no think time, {args.seconds:.0f} s per endpoint, "
          "127.0.0.1")
    print(f"{'endpoint':<10} {'requests':>9} {'req/s':>7} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, r in results.items():
        print(f"{kind:<10} {r['requests']:>9,.0f} {r['requests'] / args.seconds:>7.0f} {r['errors']:>7.0f} "
              f"{r['p50']:>8.1f} {r['p99']:>8.1f} {r['max']:>8.1f}")
    worst = max(r["p99"] for r in results.values())
    print(f"target p99 < 100 ms: {'met' if worst < 100 else 'NOT met'} (worst p99 {worst:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
