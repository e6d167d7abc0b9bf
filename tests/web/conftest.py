"""Web fixtures: a KB of examples/ plus a hostile article, served by a real uvicorn process on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

HOSTILE = Path(__file__).resolve().parent / "hostile.txt"
#: A report whose figure for the mission disagrees with an example's of the same week: the conflicts to show.
RECOUNT = Path(__file__).resolve().parent / "recount.txt"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="session")
def web_kb(examples_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples KB (built once per session) with the hostile article and a recount added."""
    from hornbill.pipeline import build
    from hornbill.store import open_kb

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    shutil.copy(examples_kb, path)
    kb = open_kb(path)
    report = build([HOSTILE, RECOUNT], kb)
    kb.close()
    assert report.added == 2
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def base_url(web_kb: Path) -> Iterator[str]:
    """`hornbill serve` in its own process on a free loopback port; stopped after the session."""
    port = free_port()
    log_path = web_kb.with_suffix(".log")
    with log_path.open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "hornbill.cli", "serve", "--db", str(web_kb),
                                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/api/documents?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"hornbill serve did not start: {log_path.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def api(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as client:
        yield client


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 860})
    tab = context.new_page()
    yield tab
    context.close()


def shot(page: Page, name: str, full_page: bool = False) -> None:
    """Save the page as docs/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
