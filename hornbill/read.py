"""Readers: files and folders in, :class:`RawDocument` (or :class:`Skipped`) out.

Formats, by extension, sniffing the content when the extension says nothing:

- ``.txt`` / ``.md`` / no extension: plain text. Metadata at the very top is
  taken off the text: a first line `` date YYYY-MM-DD`` (the rest of that line
  is article text) and/or header lines ``Title:``, ``URL:``, ``Date:``,
  ``Outlet:``, ``Source:``. ``RawDocument.header`` keeps what was removed from
  the front (``header_chars`` characters), so that offsets can index the file.
- ``.html`` / ``.htm``: main text and metadata via trafilatura.
- ``.jsonl`` / ``.ndjson`` (one article a line) and ``.json`` (one object or a
  list): a ``text`` field plus optional ``title``, ``url``, ``published``,
  ``outlet``. Each record's source is ``path:LINE`` (``path:N`` for the N-th
  object of a ``.json`` list).
- ``.csv`` / ``.tsv``: a ``text`` column plus the same optional columns; each
  row's source is ``path:LINE``.

Bad input never raises: it becomes ``Skipped(source, reason)`` with a one-line
reason (empty, binary, undecodable, too large, not JSON, no text column ...).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from hornbill.errors import InputError
from hornbill.model import RawDocument, Skipped

MAX_MB = 20
MAX_BYTES = MAX_MB * 1024 * 1024

Result = RawDocument | Skipped

_TEXT_EXT = frozenset({".txt", ".text", ".md", ".markdown"})
_HTML_EXT = frozenset({".html", ".htm", ".xhtml"})
_JSONL_EXT = frozenset({".jsonl", ".ndjson"})
_CSV_EXT = frozenset({".csv", ".tsv"})

#: Magic numbers of common binary formats that can sit in a folder of articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (also docx/xlsx/epub)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "old MS Office document"),
    (b"SQLite format 3", "SQLite database"),
)

#: Header keys at the top of a text file, and the RawDocument field each fills.
_HEADER_FIELDS: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "date": "published",
    "published": "published",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
}
_HEADER_LINE = re.compile(r"[ \t]*(?P<key>[A-Za-z]+)[ \t]*:[ \t]*(?P<value>[^\r\n]*)(?:\r?\n|$)")
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)*")
_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)+")

#: Field names accepted for each RawDocument field in JSON and CSV records (first present wins).
_RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "publish_date"),
    "outlet": ("outlet", "source", "sitename", "publisher"),
}

#: Three accented letters or symbols in a row: binary or another encoding, not latin-1 prose.
_HIGH_RUN = re.compile(r"[^\x00-\x7f]{3}")
#: One character above ASCII: in a latin-1 reading, each stands for a byte >= 0x80.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: C0 controls other than whitespace, DEL and the C1 controls: what binary data is full of.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Non-letters a byte >= 0x80 may stand for in real cp1252/latin-1 text.
_LATIN_PUNCT = frozenset("\u00a0«»“”‘’‚„–—…•·€£¥§©®°±¶´¨¿¡×÷¼½¾™†‡‰")


def iter_inputs(paths: Iterable[Path | str]) -> Iterator[Result]:
    """Every document under ``paths``, file by file in :func:`input_files` order. A path that
    does not exist yields a ``Skipped``."""
    for file in input_files(paths):
        yield from read_file(file)


def input_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The files a build reads, in the order it reads them: each given file as it is, each folder
    walked recursively in sorted order. Hidden files and folders (name starting with ``.``) inside
    a folder are skipped; symlinked folders are followed once (no loops)."""
    for given in paths:
        path = Path(given)
        yield from _walk(path, set()) if path.is_dir() else [path]


def _walk(folder: Path, seen: set[str]) -> Iterator[Path]:
    """Files under ``folder``, sorted, hidden entries skipped, each real folder visited once."""
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.is_file() or entry.is_symlink():
            yield entry  # a broken or looping link reaches read_file, which names it as skipped


def _missing_reason(path: Path) -> str:
    """Why a path that does not resolve to anything cannot be read."""
    if not path.is_symlink():
        return "no such file"
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError:
        return f"broken symbolic link (to {os.readlink(path)})"
    return "no such file"


def read_file(path: Path | str) -> list[Result]:
    """The documents in one file (several for JSON Lines and CSV), or why it was skipped.

    Raises :class:`InputError` only when ``path`` is a directory (use :func:`iter_inputs`).
    """
    path = Path(path)
    source = str(path)
    if path.is_dir():
        raise InputError(f"not a file: {source} (use iter_inputs for folders)")
    if not path.exists():
        return [Skipped(source, _missing_reason(path))]
    if not path.is_file():
        return [Skipped(source, "not a regular file")]
    size = path.stat().st_size
    if size > MAX_BYTES:
        return [Skipped(source, f"too large: {size / 1024 / 1024:.1f} MB > {MAX_MB} MB limit")]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Skipped(source, f"cannot read: {exc.strerror or exc}")]
    decoded = decode(data)
    if isinstance(decoded, str):
        return [Skipped(source, decoded)]
    text, warnings = decoded
    if not text.strip():
        return [Skipped(source, "empty file" if not data else "empty file (whitespace only)")]
    return parse_text(text, source, _format_of(path, text), warnings)


def decode(data: bytes) -> tuple[str, tuple[str, ...]] | str:
    """``(text, warnings)`` for bytes that hold text, else the reason they cannot be read.

    UTF-8 (BOM stripped) and BOM-marked UTF-16 are read as such; other bytes are
    read as cp1252/latin-1 only when the result looks like text.
    """
    if not data:
        return "empty file"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            return "undecodable: UTF-16 byte order mark but invalid UTF-16"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({kind})"
    if b"\x00" in data:
        return "binary file (contains NUL bytes)"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        latin = _decode_latin(data)
        if latin is None:
            return "undecodable: not UTF-8, and not text in latin-1 either"
        return latin, ("decoded as latin-1 (cp1252): the file is not valid UTF-8",)
    if _control_ratio(text) > 0.01:
        return "binary file (control characters)"
    return text, ()


def _decode_latin(data: bytes) -> str | None:
    """The bytes as cp1252 (latin-1 where cp1252 leaves a byte undefined), if that reads as text."""
    text = "".join(
        chunk.decode("latin-1" if i % 2 else "cp1252")
        for i, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d]+)", data))
    )
    high = _NON_ASCII.findall(text)
    if len(high) > 0.3 * len(text) or _control_ratio(text) > 0.01 or _HIGH_RUN.search(text):
        return None
    if any(not (c.isalpha() or c in _LATIN_PUNCT) for c in high):
        return None
    return text


def _control_ratio(text: str) -> float:
    controls = len(_CONTROL.findall(text))
    return controls / max(len(text), 1)


def _format_of(path: Path, text: str) -> str:
    """``text``, ``html``, ``jsonl``, ``json`` or ``csv``: the extension first, then the content."""
    ext = path.suffix.lower()
    if ext in _TEXT_EXT:
        return "text"
    if ext in _HTML_EXT:
        return "html"
    if ext in _JSONL_EXT:
        return "jsonl"
    if ext == ".json":
        return "json"
    if ext in _CSV_EXT:
        return "csv"
    return _sniff(text)


def _sniff(text: str) -> str:
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith("{"):
        try:
            json.loads(head.splitlines()[0])
        except json.JSONDecodeError:
            return "json"  # an object over several lines (or broken JSON, reported as such)
        return "jsonl"
    if head.startswith("[{"):
        return "json"
    return "text"


def parse_text(text: str, source: str, fmt: str, warnings: tuple[str, ...] = ()) -> list[Result]:
    """The documents in already-decoded ``text`` of format ``fmt`` (see :func:`_format_of`)."""
    if fmt == "html":
        return [read_html(text, source, warnings)]
    if fmt == "jsonl":
        return read_jsonl(text, source, warnings)
    if fmt == "json":
        return read_json(text, source, warnings)
    if fmt == "csv":
        return read_csv(text, source, warnings, delimiter="\t" if source.lower().endswith(".tsv") else None)
    return [read_plain(text, source, warnings)]


def read_plain(text: str, source: str, warnings: tuple[str, ...] = ()) -> Result:
    """A plain-text article, with its leading metadata lines taken off the text."""
    meta: dict[str, str] = {}  # RawDocument field -> value
    pos = 0
    date_line = _DATE_LINE.match(text)
    if date_line:
        meta["published"] = date_line["date"]
        pos = date_line.end()
    while (header := _HEADER_LINE.match(text, pos)) and header["key"].lower() in _HEADER_FIELDS:
        field = _HEADER_FIELDS[header["key"].lower()]
        value = header["value"].strip()
        if value:
            meta.setdefault(field, value)
        pos = header.end()
    if pos and (blanks := _BLANK_LINES.match(text, pos)):
        pos = blanks.end()
    body = text[pos:]
    if not body.strip():
        return Skipped(source, "no article text (only header lines)")
    return RawDocument(
        source=source,
        text=body,
        title=meta.get("title"),
        url=meta.get("url"),
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        format="text",
        header_chars=pos,
        warnings=warnings,
        header=text[:pos],
    )


def read_html(html: str, source: str, warnings: tuple[str, ...] = ()) -> Result:
    """The main text of an HTML page (trafilatura), with title, date, URL and site name.

    ``bare_extraction`` and not ``extract``: the text and fields are the same (serialised as
    the JSON output would be, NFC-normalised), without the content fingerprint ``extract``
    computes for its metadata header, which costs a tenth of a parse per page.
    """
    import trafilatura
    from trafilatura.xml import xmltotxt

    extracted = trafilatura.bare_extraction(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None or isinstance(extracted, dict):
        return Skipped(source, "no article text found in HTML")
    text = unicodedata.normalize("NFC", xmltotxt(extracted.body, include_formatting=False))
    if not text.strip():
        return Skipped(source, "no article text found in HTML")
    return RawDocument(
        source=source,
        text=text,
        title=_nfc_value(extracted.title),
        url=_nfc_value(extracted.url),
        published=_nfc_value(extracted.date),
        outlet=_nfc_value(extracted.sitename or extracted.hostname),
        format="html",
        warnings=warnings,
    )


def _nfc_value(value: str | None) -> str | None:
    return _clean_value(unicodedata.normalize("NFC", value) if value else value)


def read_jsonl(text: str, source: str, warnings: tuple[str, ...] = ()) -> list[Result]:
    """One article a line; a broken line is skipped (``path:LINE``) and the others still read."""
    results: list[Result] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            results.append(Skipped(where, f"not JSON ({exc.msg} at column {exc.colno})"))
            continue
        results.append(from_record(record, where, "jsonl", warnings))
    return results or [Skipped(source, "no records")]


def read_json(text: str, source: str, warnings: tuple[str, ...] = ()) -> list[Result]:
    """One article object, or a list of them (JSON Lines under a .json name are read as such)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            return read_jsonl(text, source, warnings)
        return [Skipped(source, f"not JSON ({exc.msg} at line {exc.lineno})")]
    if isinstance(data, list):
        return [from_record(item, f"{source}:{i}", "json", warnings) for i, item in enumerate(data, 1)] or [
            Skipped(source, "no records")
        ]
    return [from_record(data, source, "json", warnings)]


def read_csv(
    text: str, source: str, warnings: tuple[str, ...] = (), delimiter: str | None = None
) -> list[Result]:
    """One article a row of a table with a ``text`` column.

    Unless given, the delimiter is the one of ``, ; TAB |`` the header line uses most.
    """
    csv.field_size_limit(MAX_BYTES)
    if delimiter is None:
        header = text.split("\n", 1)[0]
        delimiter = max(",;\t|", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [c.strip().lower() for c in reader.fieldnames or [] if c]
    if not any(name in columns for name in _RECORD_FIELDS["text"]):
        shown = ", ".join(columns[:8]) or "none"
        return [Skipped(source, f"CSV has no 'text' column (columns: {shown})")]
    results: list[Result] = []
    start = 2
    try:
        for row in reader:
            record = {(k or "").strip().lower(): v for k, v in row.items() if isinstance(v, str)}
            results.append(from_record(record, f"{source}:{start}", "csv", warnings))
            start = reader.line_num + 1
    except csv.Error as exc:
        results.append(Skipped(f"{source}:{start}", f"broken CSV ({exc})"))
    return results or [Skipped(source, "no rows")]


def from_record(record: Any, where: str, fmt: str, warnings: tuple[str, ...]) -> Result:
    """One article from a parsed record (a JSON object, a CSV or Parquet row), named ``where``."""
    if not isinstance(record, Mapping):
        return Skipped(where, f"not a JSON object (a {type(record).__name__})")
    text = _first(record, _RECORD_FIELDS["text"])
    if text is None:
        has_text = any(key in record for key in _RECORD_FIELDS["text"])
        return Skipped(where, "empty text" if has_text else "no 'text' field")
    return RawDocument(
        source=where,
        text=text,
        title=_first(record, _RECORD_FIELDS["title"]),
        url=_first(record, _RECORD_FIELDS["url"]),
        published=_first(record, _RECORD_FIELDS["published"]),
        outlet=_first(record, _RECORD_FIELDS["outlet"]),
        format=fmt,
        warnings=warnings,
    )


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _clean_value(record.get(key))
        if value is not None:
            return value
    return None


def _clean_value(value: Any) -> str | None:
    """A metadata value as a stripped string; None for missing, empty or structured values."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None
