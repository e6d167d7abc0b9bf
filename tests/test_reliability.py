"""Bad input, killed builds and re-adds, end to end through the real command.

docs/reliability.md lists each case, what hornbill does and the test here that proves it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from hornbill.store import open_kb
from hornbill.views import export

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

ARTICLE = "Title: Convoy attacked\n\nRebels attacked an army convoy near the border on Sunday, the army said.\n"


def run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hornbill.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)


def write_bad_corpus(folder: Path) -> dict[str, str]:
    """Every kind of bad input the issue lists; returns file name -> the reason expected on stderr."""
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "archive.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00" + bytes(200))
    with (folder / "huge.txt").open("w", encoding="utf-8") as fh:
        for _ in range(50):
            fh.write("The army said the talks would resume. " * 27_000 + "\n")
    (folder / "invalid.txt").write_bytes(b"The minister said \xff\xfe\xfa the army left.")
    (folder / "latin1.txt").write_bytes("Le ministre a d\u00e9clar\u00e9 que les troupes quitteraient le pays "
                                        "avant la fin de l'ann\u00e9e.".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("\ufeffThe mission will leave the country by December, the council "
                                       "said on Friday.".encode("utf-16-le"))
    (folder / "nomain.html").write_text("<html><body><nav>Home | News | Sport</nav></body></html>", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        '{"text": "Troops withdrew from the river port on Monday, officials said."}\n{broken\n'
        '{"text": "Protesters marched on the parliament in the capital on Saturday, police said."}\n',
        encoding="utf-8")
    (folder / "table.csv").write_text("title,url\nA headline,https://example.org/a\n", encoding="utf-8")
    (folder / "again.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "hostile.html").write_text(
        "<html><body><article><h1>Army leaves town</h1><p>The army withdrew from the northern town on Monday, "
        "the governor said in a statement.</p><script>window.pwned = 1</script><img src=x onerror=alert(2)>"
        "</article></body></html>", encoding="utf-8")
    (folder / "loop").symlink_to(folder / "loop")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a folder linking back to its parent: walked once
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    return {
        "empty.txt": "empty file", "blank.txt": "empty file", "image.txt": "binary file (PNG",
        "archive.txt": "binary file (ZIP", "huge.txt": "too large", "invalid.txt": "undecodable",
        "nomain.html": "no article text", "feed.jsonl:2": "not JSON", "table.csv": "no 'text' column",
        "loop": "symbolic link loop", "dangling.txt": "broken symbolic link",
    }


def test_each_bad_input_gets_one_line_naming_it_and_the_rest_is_stored(tmp_path: Path) -> None:
    expected = write_bad_corpus(tmp_path / "in")
    db = tmp_path / "kb.duckdb"
    result = run("build", str(tmp_path / "in"), "-o", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    for name, reason in expected.items():
        mine = [line for line in lines if f"/{name}:" in line]
        assert len(mine) == 1, (name, result.stderr)
        assert reason in mine[0], mine[0]
    warned = [line for line in lines if "latin1.txt" in line]
    assert len(warned) == 1 and "warning" in warned[0] and "latin-1" in warned[0]
    kb = open_kb(db, read_only=True)
    sources = sorted(d["source"].rsplit("/", 1)[-1] for d in export.documents(kb))
    hostile = kb.document("hostile.html")
    languages = {d["source"].rsplit("/", 1)[-1]: d["language"] for d in export.documents(kb)}
    kb.close()
    assert languages["latin1.txt"] == "fr" and languages["utf16.txt"] == "en"  # another language is kept, marked
    assert hostile is not None and "withdrew" in hostile["text"]
    assert "pwned" not in hostile["original"] and "onerror" not in hostile["original"]
    # again.txt repeats good.txt: the same article is stored once, whichever copy comes first
    assert [s for s in sources if s not in ("again.txt", "good.txt")] == [
        "feed.jsonl:1", "feed.jsonl:3", "hostile.html", "latin1.txt", "utf16.txt"]
    assert len([s for s in sources if s in ("again.txt", "good.txt")]) == 1
    assert "1 already stored" in result.stderr
    assert f"{len(expected)} files skipped" in result.stderr


def test_a_build_killed_at_any_point_leaves_whole_batches_and_a_rerun_completes(tmp_path: Path) -> None:
    complete = tmp_path / "complete.duckdb"
    assert run("build", str(EXAMPLES), "-o", str(complete), "--batch-size", "3").returncode == 0
    kb = open_kb(complete, read_only=True)
    want = kb.counts()
    want_events = [e["id"] for e in export.events(kb)]
    kb.close()
    for delay in (4.0, 7.0, 10.0):
        db = tmp_path / f"killed-{delay}.duckdb"
        proc = subprocess.Popen([sys.executable, "-m", "hornbill.cli", "build", str(EXAMPLES), "-o", str(db),
                                 "--batch-size", "3"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():
            kb = open_kb(db, read_only=True)
            counts = kb.counts()
            stored = {m["doc_id"] for m in kb.event_mentions()}
            documents = {d["doc_id"] for d in kb.documents()}
            kb.close()
            assert stored <= documents, "an event mention outlived its document"
            # batches of 3 are stored whole or not at all (the last batch may be shorter)
            assert counts["documents"] % 3 == 0 or counts["documents"] == want["documents"], counts
        rerun = run("build", str(EXAMPLES), "-o", str(db), "--batch-size", "3")
        assert rerun.returncode == 0, rerun.stderr
        kb = open_kb(db, read_only=True)
        assert kb.counts() == want
        assert [e["id"] for e in export.events(kb)] == want_events
        kb.close()


def as_unprivileged_user() -> list[str]:
    """A command prefix that runs without root's right to read every file (root runs CI)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"]


def test_an_unreadable_file_is_named() -> None:
    prefix = as_unprivileged_user()
    with tempfile.TemporaryDirectory() as tmp:  # not under pytest's own tmp root, which only root may enter
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
        locked = folder / "locked.txt"
        locked.write_text(ARTICLE.replace("Sunday", "Monday"), encoding="utf-8")
        locked.chmod(0)
        Path(tmp).chmod(0o777)
        folder.chmod(0o777)
        result = subprocess.run([*prefix, sys.executable, "-m", "hornbill.cli", "build", str(folder),
                                 "-o", str(Path(tmp) / "kb.duckdb")], capture_output=True, text=True, cwd=ROOT,
                                timeout=600, env={**os.environ, "HOME": tmp})
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "locked.txt" in line]
    assert len(lines) == 1 and "cannot read" in lines[0], result.stderr
    assert "1 documents read" in result.stderr
