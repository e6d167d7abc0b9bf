"""`hornbill serve --workers N`: workers forked from one loaded app, each on its own socket of the port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import free_port


def children(pid: int) -> list[int]:
    return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def start(db: Path, port: int, workers: int, tmp: Path) -> subprocess.Popen[bytes]:
    """`hornbill serve` answering on ``port``, with its snapshots under ``tmp`` (TMPDIR)."""
    env = {**os.environ, "TMPDIR": str(tmp)}
    server = subprocess.Popen([sys.executable, "-m", "hornbill.cli", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail("hornbill serve did not start")
        time.sleep(0.2)


def fresh_gets(url: str, n: int) -> list[int]:
    """Status codes of ``n`` requests, each on a new connection (so the kernel picks a worker each time)."""
    statuses = []
    for _ in range(n):
        with httpx.Client(timeout=10) as client:
            statuses.append(client.get(url).status_code)
    return statuses


def test_workers_answer_survive_a_lost_sibling_and_stop_together(web_kb: Path, tmp_path: Path) -> None:
    port = free_port()
    server = start(web_kb, port, 2, tmp_path)
    try:
        workers = children(server.pid)
        assert len(workers) == 2
        doc_id = httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1").json()["items"][0]["doc_id"]
        # Article texts come from each worker's own connection to the snapshot, opened after the fork.
        assert set(fresh_gets(f"http://127.0.0.1:{port}/api/documents/{doc_id}", 30)) == {200}
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(0.5)
        assert set(fresh_gets(f"http://127.0.0.1:{port}/api/events?limit=1", 20)) == {200}, \
            "the kernel no longer hands connections to the lost worker's socket"
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert not list(tmp_path.glob("hornbill-serve-*")), "the snapshot folder goes with the server"


def test_one_worker_serves_in_its_own_process(web_kb: Path, tmp_path: Path) -> None:
    port = free_port()
    server = start(web_kb, port, 1, tmp_path)
    try:
        assert children(server.pid) == []
        assert httpx.get(f"http://127.0.0.1:{port}/api/search", params={"q": "junta"}).status_code == 200
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=15)
    assert not list(tmp_path.glob("hornbill-serve-*"))


def test_a_taken_port_fails_at_once_with_a_clear_message(web_kb: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "hornbill.cli", "serve", "--db", str(web_kb), "--port",
                                 str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert time.monotonic() - started < 20
