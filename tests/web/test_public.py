"""`hornbill serve` stays on this machine unless told in so many words that the KB may be public."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hornbill.cli import main
from hornbill.web.server import is_loopback


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                                ("127.0.0.2", True), ("0.0.0.0", False), ("::", False),
                                                ("192.168.1.20", False)])
def test_loopback_addresses_are_told_apart(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_a_network_address_needs_public_and_says_what_it_exposes(examples_kb: Path, host: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(examples_kb), "--host", host, "--port", "0"])
    assert result.exit_code == 2
    message = result.stderr
    assert f"refusing to listen on {host} without --public" in message
    assert "every article's full text" in message and "no login" in message


def test_public_serves_and_warns(examples_kb: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "hornbill.cli", "serve", "--db", str(examples_kb), "--host",
                             "0.0.0.0", "--public", "--port", "0", "--workers", "1"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        assert proc.stderr is not None
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if "serving" in line or not line:
                break
        text = "".join(lines)
        assert "warning: --public: anyone who can reach 0.0.0.0:0" in text
        assert "hornbill: serving" in text
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
