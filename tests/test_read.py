"""Readers: every format, metadata headers, and bad input that must be skipped, not raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hornbill.errors import InputError
from hornbill.model import RawDocument, Skipped
from hornbill.read import MAX_BYTES, iter_inputs, read_file

ARTICLE = (
    "Kenya's parliament approved a plan on Tuesday to send 1,000 police officers to Haiti, "
    "the speaker said, despite a court challenge by opposition lawmakers."
)


def only_doc(path: Path) -> RawDocument:
    results = read_file(path)
    assert len(results) == 1
    doc = results[0]
    assert isinstance(doc, RawDocument), doc
    return doc


def only_skip(path: Path) -> Skipped:
    results = read_file(path)
    assert len(results) == 1
    skipped = results[0]
    assert isinstance(skipped, Skipped), skipped
    return skipped


def test_plain_text_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "haiti.txt"
    path.write_text(ARTICLE + "\n", encoding="utf-8")
    doc = only_doc(path)
    assert doc.text == ARTICLE + "\n"
    assert doc.source == str(path)
    assert doc.header_chars == 0
    assert doc.published is None
    assert doc.format == "text"


def test_leading_date_line_is_metadata_and_rest_of_line_is_text(tmp_path: Path) -> None:
    path = tmp_path / "dateline.txt"
    body = "NAIROBI (Agency) The parliament approved the deployment.\n\nA second paragraph follows."
    path.write_text(" date 2023-10-03 " + body, encoding="utf-8")
    doc = only_doc(path)
    assert doc.published == "2023-10-03"
    assert doc.text == body
    assert doc.header_chars == len(" date 2023-10-03 ")


def test_date_line_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "own.txt"
    path.write_text("date 2021-02-01\n\n" + ARTICLE, encoding="utf-8")
    doc = only_doc(path)
    assert doc.published == "2021-02-01"
    assert doc.text == ARTICLE


def test_header_lines_are_metadata(tmp_path: Path) -> None:
    path = tmp_path / "headers.txt"
    header = (
        "Title: Kenya to send police to Haiti\n"
        "URL: https://news.example.org/2023/10/03/kenya-haiti\n"
        "Date: October 3, 2023\n"
        "Outlet: Example Daily\n"
        "\n"
    )
    path.write_text(header + ARTICLE, encoding="utf-8")
    doc = only_doc(path)
    assert doc.title == "Kenya to send police to Haiti"
    assert doc.url == "https://news.example.org/2023/10/03/kenya-haiti"
    assert doc.published == "October 3, 2023"
    assert doc.outlet == "Example Daily"
    assert doc.text == ARTICLE
    assert doc.header_chars == len(header)


def test_source_header_is_the_outlet_and_unknown_keys_end_the_header(tmp_path: Path) -> None:
    path = tmp_path / "source.txt"
    path.write_text("Source: Wire Service\nNote: this line is text\n" + ARTICLE, encoding="utf-8")
    doc = only_doc(path)
    assert doc.outlet == "Wire Service"
    assert doc.text.startswith("Note: this line is text")


def test_markdown_and_extensionless_files_are_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b").write_text(ARTICLE, encoding="utf-8")
    assert only_doc(tmp_path / "a.md").text == ARTICLE
    assert only_doc(tmp_path / "b").text == ARTICLE


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>{s}</p>"
        for s in (
            "Chile's government announced on Monday a new plan to protect lithium reserves in the "
            "northern salt flats, the mining minister told reporters in Santiago.",
            "The plan gives the state copper company a controlling stake in future projects, a move "
            "that foreign investors had criticised during months of talks.",
        )
    )
    html = (
        "<html><head><title>Chile unveils lithium plan</title>"
        '<meta property="og:site_name" content="Andes Wire">'
        '<meta property="article:published_time" content="2023-04-24T08:00:00Z">'
        '<link rel="canonical" href="https://andes.example.com/2023/04/24/lithium"></head>'
        "<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>Chile unveils lithium plan</h1>{paragraphs}</article>"
        "<footer>Copyright Andes Wire</footer></body></html>"
    )
    path = tmp_path / "lithium.html"
    path.write_text(html, encoding="utf-8")
    doc = only_doc(path)
    assert doc.format == "html"
    assert "controlling stake" in doc.text
    assert "Home" not in doc.text
    assert doc.title == "Chile unveils lithium plan"
    assert doc.published == "2023-04-24"
    assert doc.url == "https://andes.example.com/2023/04/24/lithium"
    assert doc.outlet == "Andes Wire"


def test_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text(
        "<html><head><title>Gallery</title></head><body><img src='a.png'></body></html>", encoding="utf-8"
    )
    assert "no article text" in only_skip(path).reason


def test_jsonl_reads_good_lines_and_skips_the_broken_one(tmp_path: Path) -> None:
    good = {
        "text": ARTICLE,
        "title": "Police to Haiti",
        "url": "https://x.example/1",
        "published": "2023-10-03",
    }
    other = {
        "text": "Brazil's central bank cut its key rate by half a point on Wednesday.",
        "outlet": "Rio Post",
    }
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(good) + "\n{not json at all\n\n" + json.dumps(other) + "\n", encoding="utf-8")
    results = read_file(path)
    assert [type(r).__name__ for r in results] == ["RawDocument", "Skipped", "RawDocument"]
    first, broken, last = results
    assert isinstance(first, RawDocument) and isinstance(last, RawDocument)
    assert first.title == "Police to Haiti" and first.published == "2023-10-03"
    assert first.url == "https://x.example/1"
    assert last.outlet == "Rio Post"
    assert first.source == f"{path}:1" and last.source == f"{path}:4"
    assert isinstance(broken, Skipped)
    assert broken.source == f"{path}:2"
    assert broken.reason.startswith("not JSON")


def test_jsonl_record_without_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "notext.ndjson"
    path.write_text(
        json.dumps({"title": "Only a title"}) + "\n" + json.dumps([1, 2]) + "\n", encoding="utf-8"
    )
    reasons = [r.reason for r in read_file(path) if isinstance(r, Skipped)]
    assert reasons == ["no 'text' field", "not a JSON object (a list)"]


def test_csv_with_text_column(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(
        "title,text,published,outlet\n"
        '"Rate cut","The bank cut rates, citing slower growth.",2023-08-02,Rio Post\n'
        '"Strike","Dock workers walked out on Friday\nafter talks failed.",2023-08-04,Port Daily\n',
        encoding="utf-8",
    )
    docs = read_file(path)
    assert all(isinstance(d, RawDocument) for d in docs)
    first, second = docs
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.text == "The bank cut rates, citing slower growth."
    assert first.published == "2023-08-02" and first.outlet == "Rio Post" and first.title == "Rate cut"
    assert second.source == f"{path}:3"
    assert second.format == "csv"


def test_csv_without_text_column_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("headline,date\nSomething happened,2023-01-01\n", encoding="utf-8")
    reason = only_skip(path).reason
    assert "no 'text' column" in reason and "headline" in reason


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"  \n\t\n  ", "empty file (whitespace only)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary file (ZIP archive"),
        (b"some text\x00\x00\x01with NUL bytes", "binary file (contains NUL bytes)"),
        (bytes(range(128, 256)) * 4, "undecodable"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    skipped = only_skip(path)
    assert skipped.source == str(path)
    assert skipped.reason.startswith(expected)
    assert "\n" not in skipped.reason


def test_latin1_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président a déclaré à Dakar que l'accord était signé.".encode("latin-1"))
    doc = only_doc(path)
    assert doc.text == "Le président a déclaré à Dakar que l'accord était signé."
    assert any("decoded as latin-1" in w for w in doc.warnings)


def test_cp1252_quotes_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "quotes.txt"
    path.write_bytes("“We will not back down,” the minister said – twice.".encode("cp1252"))
    assert only_doc(path).text == "“We will not back down,” the minister said – twice."


def test_utf16_with_bom_and_utf8_with_bom(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert only_doc(tmp_path / "u16.txt").text == ARTICLE
    bom = only_doc(tmp_path / "bom.txt")
    assert bom.text == ARTICLE and bom.warnings == ()


def test_too_large_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1024 * 1024)
    reason = only_skip(path).reason
    assert reason.startswith("too large: 21.0 MB > 20 MB limit")


def test_missing_path_is_skipped_and_a_directory_is_misuse(tmp_path: Path) -> None:
    assert only_skip(tmp_path / "nope.txt").reason == "no such file"
    with pytest.raises(InputError):
        read_file(tmp_path)


def test_iter_inputs_walks_sorted_skips_hidden_and_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second story about a dam in Ethiopia.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story about elections in Senegal.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Never read.", encoding="utf-8")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "empty.txt").write_bytes(b"")
    results = list(iter_inputs([tmp_path]))
    sources = [Path(r.source).relative_to(tmp_path).as_posix() for r in results]
    assert sources == ["a.txt", "b/z.txt", "empty.txt"]
    assert isinstance(results[2], Skipped)


def test_iter_inputs_accepts_files_and_strings(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    results = list(iter_inputs([str(path), tmp_path / "missing.txt"]))
    assert isinstance(results[0], RawDocument) and isinstance(results[1], Skipped)


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.dat").write_text(
        "<!DOCTYPE html><html><body><article><p>" + ARTICLE + " " + ARTICLE + "</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "feed.data").write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    assert only_doc(tmp_path / "page.dat").format == "html"
    assert only_doc(tmp_path / "feed.data").format == "jsonl"


def test_invalid_utf8_that_is_not_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"header \xe9\xff\xfe\xfa\xc0\x81 more bytes \x93\x94\x95\x96")
    assert only_skip(path).reason.startswith("undecodable")


def test_csv_with_semicolons_in_text_keeps_the_comma_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text('text,outlet\n"One; two; three; four; five.",Daily\n', encoding="utf-8")
    doc = only_doc(path)
    assert (doc.text, doc.outlet) == ("One; two; three; four; five.", "Daily")


def test_json_object_list_and_mislabelled_json_lines(tmp_path: Path) -> None:
    one = {"text": ARTICLE, "title": "Police to Haiti"}
    (tmp_path / "one.json").write_text(json.dumps(one, indent=2), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([one, {"title": "no text"}]), encoding="utf-8")
    (tmp_path / "lines.json").write_text(json.dumps(one) + "\n" + json.dumps(one) + "\n", encoding="utf-8")
    assert only_doc(tmp_path / "one.json").title == "Police to Haiti"
    many = read_file(tmp_path / "many.json")
    assert isinstance(many[0], RawDocument) and isinstance(many[1], Skipped)
    assert many[1].source == f"{tmp_path / 'many.json'}:2"
    assert [type(r) for r in read_file(tmp_path / "lines.json")] == [RawDocument, RawDocument]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8"))),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".json", ".csv", ""]),
)
def test_any_bytes_are_read_or_skipped_never_raised(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(content)
    results = read_file(path)
    assert results
    for result in results:
        assert isinstance(result, RawDocument | Skipped)
        if isinstance(result, Skipped):
            assert result.reason and "\n" not in result.reason
        else:
            assert result.text.strip()
