"""Load test of `hornbill serve` on loopback: p50/p99 latency of the timeline and search endpoints.

    .venv/bin/python bench/load.py [--events 100000] [--clients 50] [--seconds 15] [--workers N] [--kb PATH]

The knowledge base is made of records, not parsed text: the example articles (and the seed
articles in ../shared/corpus/seeds, when present) are processed once and stored, and their rows
are then copied in bulk with new ids, dates shifted by whole years and actors swapped among 40
variants (``fill`` of bench/add_latency.py) until the KB holds the requested number of events.
With ``--kb PATH`` the KB is kept there and reused by later runs.

Then `hornbill serve` starts on a free 127.0.0.1 port with its default settings (one worker per
CPU, at most 4; ``--workers`` overrides), and each endpoint gets its own run of N concurrent
clients with no think time, for a bounded number of seconds after a short warm-up that is not
counted, cycling through 2,000 requests drawn at random:

    timeline:  /api/events?limit=50 with a random offset, or filtered by actor, type or a half-year range
    search:    /api/search?q=<one or two words from the articles>&limit=20

The clients are wrk (Debian's package: `apt-get install wrk`) when it is on PATH, otherwise httpx
(async, in this process). Target: p99 < 100 ms at 50 clients. Besides the latencies, each run
reports the server's CPU time per request (all its processes, from /proc): other load on the
machine inflates latencies far more than it does that figure, so it is the one to compare
between versions on a busy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from add_latency import ROOT, SHARED, fill, processed

from hornbill.model import EVENT_TYPES
from hornbill.store import open_kb
from hornbill.store.duckdb import DuckDBKnowledgeBase

TARGET_MS = 100.0
WARMUP = 2.0  # seconds
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


def serve(kb: Path, port: int, workers: int | None, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`hornbill serve` on ``kb`` once it answers, and the line it printed about how it serves."""
    command = [sys.executable, "-m", "hornbill.cli", "serve", "--db", str(kb), "--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(command + (["--workers", str(workers)] if workers else []),
                                stdout=subprocess.DEVNULL, stderr=out)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5).status_code == 200:
                banner = next((x for x in log.read_text().splitlines() if "serving" in x), "")
                return proc, banner.removeprefix("hornbill: ")
        except httpx.TransportError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit(f"hornbill serve did not start: {log.read_text()}")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by process ``pid`` and its child processes (the server's workers)."""
    total = 0.0
    for one in [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]:
        fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def measure(client: str, url: str, paths: list[str], clients: int, seconds: float, workdir: Path,
            server: int) -> dict[str, float]:
    """Latencies of one run, and the server's CPU time per request (which other load on the machine barely changes)."""
    before = cpu_seconds(server)
    if client == "wrk":
        result = run_wrk(url, paths, clients, seconds, workdir)
    else:
        result = run_httpx(url, paths, clients, seconds)
    return result | {"cpu_ms": (cpu_seconds(server) - before) * 1000 / max(result["requests"], 1)}


def settings() -> str:
    """What serves the requests besides hornbill: the HTTP server and its event loop and parser."""
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    return (f"uvicorn {importlib.metadata.version('uvicorn')} ({loop}, {http}), Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} before the run")


async def app_call(app: Callable[..., Awaitable[None]], path: str) -> int:
    """The status of one GET of ``path`` handed to the ASGI ``app`` directly (no socket, no HTTP parsing)."""
    url = httpx.URL(path)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": url.path, "raw_path": url.raw_path.split(b"?")[0], "query_string": url.query, "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)
    return status[0]


async def app_costs(app: Callable[..., Awaitable[None]], paths: list[str]) -> dict[str, float]:
    """CPU time per request (thread time, so other load on the machine barely counts), after one warm-up pass."""
    for path in paths:
        await app_call(app, path)
    costs = []
    for path in paths:
        start = time.thread_time()
        if await app_call(app, path) != 200:
            raise SystemExit(f"{path}: not answered")
        costs.append((time.thread_time() - start) * 1000)
    cuts = statistics.quantiles(costs, n=100, method="inclusive")
    return {"requests": len(costs), "mean": statistics.fmean(costs), "p50": cuts[49], "p99": cuts[98]}


def app_only(path: Path, paths: dict[str, list[str]], counts: dict[str, int]) -> None:
    """Print what each request costs the app alone: the part of the server's work that hornbill's code decides."""
    from hornbill.web.app import create_app

    app = create_app(path)
    results = {kind: asyncio.run(app_costs(app, some)) for kind, some in paths.items()}
    shutil.rmtree(app.state.folder, ignore_errors=True)
    print(f"hornbill app alone, in this process (no HTTP server, no client): {counts['events']:,} events; "
          f"Python {platform.python_version()}")
    print(f"{'endpoint':<10} {'requests':>9} {'CPU ms/req: mean':>17} {'p50':>6} {'p99':>6}")
    for kind, r in results.items():
        print(f"{kind:<10} {r['requests']:>9,.0f} {r['mean']:>17.3f} {r['p50']:>6.3f} {r['p99']:>6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="events in the generated KB")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each endpoint's run")
    parser.add_argument("--warmup", type=float, default=WARMUP, help="uncounted seconds of load before each run")
    parser.add_argument("--workers", type=int, help="server processes (`hornbill serve --workers`; default: its own)")
    parser.add_argument("--client", choices=["wrk", "httpx"], default="wrk" if shutil.which("wrk") else "httpx")
    parser.add_argument("--kb", type=Path, help="keep (or reuse) the generated KB at this path")
    parser.add_argument("--app-only", action="store_true",
                        help="no server: the CPU time of each request in the app itself, called in this process")
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
        rng = random.Random(7)
        paths = {kind: request_paths(kind, names, counts["events"], rng) for kind in ("timeline", "search")}
        if args.app_only:
            app_only(path, paths, counts)
            return 0
        port = free_port()
        context = settings()
        start = time.perf_counter()
        proc, banner = serve(path, port, args.workers, Path(tmp) / "serve.log")
        ready = time.perf_counter() - start
        url = f"http://127.0.0.1:{port}"
        results = {}
        try:
            for kind, some in paths.items():
                if args.warmup > 0:
                    measure(args.client, url, some, args.clients, args.warmup, Path(tmp), proc.pid)
                results[kind] = measure(args.client, url, some, args.clients, args.seconds, Path(tmp), proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"hornbill serve load test: {counts['events']:,} events, {counts['documents']:,} documents; "
          f"ready in {ready:.1f} s")
    print(f"server: {banner}")
    print(f"        {context}")
    print(f"{args.clients} concurrent {args.client} clients, no think time, {args.seconds:.0f} s per endpoint "
          f"after {args.warmup:.0f} s of warm-up, 127.0.0.1")
    print(f"{'endpoint':<10} {'requests':>9} {'req/s':>7} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
          f"{'server CPU ms/req':>18}")
    for kind, r in results.items():
        print(f"{kind:<10} {r['requests']:>9,.0f} {r['requests'] / args.seconds:>7.0f} {r['errors']:>7.0f} "
              f"{r['p50']:>8.1f} {r['p99']:>8.1f} {r['max']:>8.1f} {r['cpu_ms']:>18.2f}")
    worst = max(r["p99"] for r in results.values())
    errors = sum(r["errors"] for r in results.values())
    met = worst < TARGET_MS and not errors
    print(f"target p99 < {TARGET_MS:.0f} ms at {args.clients} clients: {'met' if met else 'NOT met'} "
          f"(worst p99 {worst:.1f} ms, {errors:.0f} errors)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
