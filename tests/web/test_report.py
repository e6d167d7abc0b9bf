"""`hornbill report`: one self-contained HTML file, with the hostile article's markup escaped."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from hornbill.cli import main


def test_report_is_one_self_contained_escaped_file(web_kb: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--db", str(web_kb), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    for section in ("Summary", "Timeline", "Actor network", "Contradictions", "Sources"):
        assert f"<h2>{section}</h2>" in html
    assert html.count("<svg") >= 2 and "<style>" in html
    assert "<script" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
    assert not re.search(r"""src=["']?(https?:)?//""", html) and "<link" not in html  # nothing loads from outside
    links = re.findall(r"""<a href=["']([^"']*)["']""", html)  # the articles' own URLs, to follow on purpose
    assert links and all(re.match(r"https?://[^/]", url) for url in links)
    assert "&lt;script&gt;window.hornbillPwned" in html
    assert "MINUSMA" in html


def test_report_on_a_missing_kb_fails_cleanly(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "no such knowledge base" in result.output


def test_serve_on_a_missing_kb_fails_cleanly(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such knowledge base" in result.output
