"""`hornbill serve` keeps answering while `hornbill add` writes, then shows the new articles."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import free_port

NEW_ARTICLES = {
    "harbour.txt": "Title: Navy blockades harbour\nDate: 2024-04-02\nOutlet: Coast Herald\n\n"
                   "The navy blockaded the rebel-held harbour on Monday, the defence ministry said.\n",
    "talks.txt": "Title: Envoys meet in Doha\nDate: 2024-04-03\nOutlet: Gulf Desk\n\n"
                 "Envoys of the two governments met in Doha on Tuesday to discuss a ceasefire, officials said.\n",
}


def test_the_server_answers_during_an_add_and_then_serves_the_new_articles(
        examples_kb: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    shutil.copy(examples_kb, db)
    for name, text in NEW_ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    port = free_port()
    env = {**os.environ, "HORNBILL_RELOAD_SECONDS": "0.5"}
    server = subprocess.Popen([sys.executable, "-m", "hornbill.cli", "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/documents?limit=1"
    statuses: list[int] = []
    totals: list[int] = []
    stop = threading.Event()

    def poll() -> None:
        with httpx.Client(timeout=10) as client:
            while not stop.is_set():
                response = client.get(url)
                statuses.append(response.status_code)
                if response.status_code == 200:
                    totals.append(response.json()["total"])
                time.sleep(0.02)

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                before = httpx.get(url, timeout=2).json()["total"]
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("hornbill serve did not start")
                time.sleep(0.2)
        poller = threading.Thread(target=poll)
        poller.start()
        added = subprocess.run([sys.executable, "-m", "hornbill.cli", "add", *(str(tmp_path / n) for n in NEW_ARTICLES),
                                "--db", str(db)], capture_output=True, text=True, timeout=300)
        assert added.returncode == 0, added.stderr
        deadline = time.monotonic() + 30
        while (not totals or totals[-1] < before + 2) and time.monotonic() < deadline:
            time.sleep(0.2)
        stop.set()
        poller.join()
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=10)
    assert statuses and set(statuses) == {200}, "every request during the add was answered"
    assert totals[0] == before and totals[-1] == before + 2, "the new articles appear once committed"
