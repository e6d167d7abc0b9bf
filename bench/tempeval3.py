"""TempEval-3 Task A: how well hornbill's time-expression stage finds and normalises TIMEX3s.

    .venv/bin/python bench/tempeval3.py                 # platinum test set (the reported figures)
    .venv/bin/python bench/tempeval3.py --split train   # TBAQ-cleaned training data (for tuning)
    .venv/bin/python bench/tempeval3.py --errors 30     # also list value errors and misses
    .venv/bin/python bench/tempeval3.py --no-heideltime

Data: ../shared/benchmarks/tempeval3 (see its SOURCE.md). Every document is anchored at its
DCT (document creation time), as the task gives it. Metrics, as the TempEval-3 scorer defines
them: strict span P/R/F1 (identical spans), relaxed span P/R/F1 (overlapping spans), and
attribute F1 for value and type = relaxed F1 x the attribute's accuracy over the relaxed-matched
expressions (value F1 ranked Task A). The DCT itself is not scored.

When Java and the benchmark-only requirements (requirements-bench.txt: python-heideltime-krypton
and jpype1) are installed, HeidelTime (NEWS, no POS tagger) runs on the same texts with the same
DCTs in the same run and is printed alongside.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hornbill import nlp as hnlp
from hornbill.model import DatePoint, Document
from hornbill.timex import find_timexes

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tempeval3"
TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    doc_id: str
    dct: str
    text: str
    gold: list[Span] = field(default_factory=list)


# ---------------------------------------------------------------------------- data


def _inline_timexes(body: str) -> tuple[str, list[Span]]:
    """Text of a TimeML fragment with tags removed, and its TIMEX3s as character spans."""
    out: list[str] = []
    length = 0
    spans: list[Span] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for m in TAG.finditer(body):
        piece = html.unescape(body[position : m.start()])
        out.append(piece)
        length += len(piece)
        position = m.end()
        if m[2] != "TIMEX3":
            continue
        if m[1]:
            if open_timex is not None:
                start, attrs = open_timex
                text = "".join(out)[start:length]
                spans.append(Span(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(ATTR.findall(m[3])))
    out.append(html.unescape(body[position:]))
    return "".join(out), spans


def _timeml_doc(name: str, xml: str) -> Doc:
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", xml, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", xml, re.S)
    if dct is None or body is None:
        raise ValueError(f"{name}: no DCT or TEXT")
    text, spans = _inline_timexes(body[1])
    return Doc(Path(name).stem, dct[1][:10], text, spans)


def training_docs() -> list[Doc]:
    docs = []
    with tarfile.open(DATA / "tbaq-cleaned.tar.gz") as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(".tml") and "/._" not in member.name:
                handle = tar.extractfile(member)
                if handle is not None:
                    docs.append(_timeml_doc(member.name, handle.read().decode("utf-8")))
    return sorted(docs, key=lambda d: d.doc_id)


def test_docs() -> list[Doc]:
    docs = {}
    for line in (DATA / "te3-platinum.docs.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        docs[row["doc_id"]] = Doc(row["doc_id"], row["dct"][:10], row["text"])
    for line in (DATA / "te3-platinum.timex3.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        docs[row["doc_id"]].gold.append(Span(row["start"], row["end"], row["text"], row["type"], row["value"]))
    return [docs[k] for k in sorted(docs)]


# ---------------------------------------------------------------------------- systems


def hornbill_system(docs: list[Doc]) -> list[list[Span]]:
    """hornbill's timex component (with the spaCy stages it needs) on each text, anchored at its DCT."""
    nlp = hnlp.load()
    keep = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "hornbill_paragraphs"}
    disabled = [name for name in nlp.pipe_names if name not in keep]
    results = []
    made = (hnlp.make_doc(nlp, _document(d)) for d in docs)
    for doc, d in zip(nlp.pipe(made, disable=disabled), docs, strict=True):
        timexes, _ = find_timexes(doc, DatePoint(d.dct, "day", "metadata"))
        results.append([Span(t.start, t.end, t.text, t.kind, t.value) for t in timexes])
    return results


def _document(d: Doc) -> Document:
    return Document.verbatim(d.text, d.doc_id, d.doc_id, DatePoint(d.dct, "day", "metadata"))


def heideltime_available() -> str | None:
    """Why HeidelTime cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "no java on PATH"
    for module in ("jpype", "HeidelTime"):
        if importlib.util.find_spec(module) is None:
            return f"{module} not installed (pip install -r requirements-bench.txt)"
    return None


def heideltime_system(docs: list[Doc]) -> list[list[Span]]:
    """HeidelTime 2.x standalone (NEWS, POSTagger.NO) through jpype; its inline TIMEX3s as spans."""
    import jpype
    import jpype.imports  # enables the Java imports below

    spec = importlib.util.find_spec("HeidelTime")
    assert spec is not None and spec.submodule_search_locations is not None
    jar = os.path.join(spec.submodule_search_locations[0], "de.unihd.dbs.heideltime.standalone.jar")
    props = {
        "considerDate": "true", "considerDuration": "true", "considerSet": "true", "considerTime": "true",
        "considerTemponym": "false", "treeTaggerHome": "/nonexistent",
        "typeSystemHome": "desc/type/HeidelTime_TypeSystem.xml",
        "typeSystemHome_DKPro": "desc/type/HeidelTime_TypeSystem.xml",
        "uimaVarDate": "Date", "uimaVarDuration": "Duration", "uimaVarLanguage": "Language",
        "uimaVarSet": "Set", "uimaVarTime": "Time", "uimaVarTemponym": "Temponym", "uimaVarTypeToProcess": "Type",
    }  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "heideltime.props"
        config.write_text("\n".join(f"{k} = {v}" for k, v in props.items()), "utf-8")
        if not jpype.isJVMStarted():
            jpype.startJVM(classpath=[jar], convertStrings=True)
        _quiet_java_logging()
        from de.unihd.dbs.heideltime.standalone import (  # type: ignore[import-not-found]
            DocumentType,
            HeidelTimeStandalone,
            OutputType,
            POSTagger,
        )
        from de.unihd.dbs.uima.annotator.heideltime.resources import Language  # type: ignore[import-not-found]
        from java.text import SimpleDateFormat  # type: ignore[import-not-found]

        tagger = HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, str(config), POSTagger.NO)
        parse = SimpleDateFormat("yyyy-MM-dd").parse
        return [_align(d.text, str(tagger.process(d.text, parse(d.dct)))) for d in docs]


def _quiet_java_logging() -> None:
    from java.util.logging import Level, Logger  # type: ignore[import-not-found]

    Logger.getLogger("").setLevel(Level.SEVERE)
    for handler in Logger.getLogger("").getHandlers():
        handler.setLevel(Level.SEVERE)


def _align(text: str, timeml: str) -> list[Span]:
    """HeidelTime's TIMEX3s located in the original text (its output may differ in whitespace)."""
    body = re.search(r"<TimeML>\n?(.*)</TimeML>", timeml, re.S)
    _, spans = _inline_timexes(body[1] if body else timeml)
    found, cursor = [], 0
    for s in spans:
        at = text.find(s.text, cursor)
        if at >= 0:
            found.append(Span(at, at + len(s.text), s.text, s.type, s.value))
            cursor = at + len(s.text)
    return found


# ---------------------------------------------------------------------------- scoring


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0  # gold expressions some system expression overlaps
    relaxed_system: int = 0  # system expressions overlapping some gold expression
    pairs: int = 0  # one-to-one relaxed matches, over which attributes are compared
    value_ok: int = 0
    type_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, doc: Doc, system: list[Span]) -> None:
        gold = doc.gold
        self.gold += len(gold)
        self.system += len(system)
        self.strict += len({(s.start, s.end) for s in system} & {(g.start, g.end) for g in gold})
        self.relaxed_gold += sum(_overlaps_any(g, system) for g in gold)
        self.relaxed_system += sum(_overlaps_any(s, gold) for s in system)
        for g, s in _pairs(gold, system):
            self.pairs += 1
            self.value_ok += g.value == s.value
            self.type_ok += g.type == s.type
            if g.value != s.value:
                self.errors.append(f"{doc.doc_id} {doc.dct} value  {g.text!r}={g.value} got {s.text!r}={s.value}")
        where = f"{doc.doc_id} {doc.dct}"
        self.errors.extend(f"{where} missed {g.text!r}={g.value}" for g in gold if not _overlaps_any(g, system))
        self.errors.extend(f"{where} extra  {s.text!r}={s.value}" for s in system if not _overlaps_any(s, gold))

    def figures(self) -> dict[str, float]:
        strict = _f1(self.strict / (self.system or 1), self.strict / (self.gold or 1))
        relaxed_p, relaxed_r = self.relaxed_system / (self.system or 1), self.relaxed_gold / (self.gold or 1)
        relaxed = _f1(relaxed_p, relaxed_r)
        return {
            "strict P": self.strict / (self.system or 1),
            "strict R": self.strict / (self.gold or 1),
            "strict F1": strict,
            "relaxed P": relaxed_p,
            "relaxed R": relaxed_r,
            "relaxed F1": relaxed,
            "value accuracy": self.value_ok / (self.pairs or 1),
            "value F1": relaxed * self.value_ok / (self.pairs or 1),
            "type F1": relaxed * self.type_ok / (self.pairs or 1),
        }


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _overlaps_any(a: Span, others: list[Span]) -> bool:
    return any(_overlap(a, b) for b in others)


def _pairs(gold: list[Span], system: list[Span]) -> Iterator[tuple[Span, Span]]:
    """One-to-one relaxed matches, largest overlap first."""
    scored = sorted(
        ((min(g.end, s.end) - max(g.start, s.start), i, j) for i, g in enumerate(gold) for j, s in enumerate(system)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for size, i, j in scored:
        if size > 0 and i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            yield gold[i], system[j]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(docs: Iterable[Doc], outputs: Iterable[list[Span]]) -> Scores:
    scores = Scores()
    for doc, system in zip(docs, outputs, strict=True):
        scores.add(doc, system)
    return scores


# ---------------------------------------------------------------------------- report


def report(split: str, docs: list[Doc], results: dict[str, Scores], heideltime_note: str | None) -> None:
    print(f"TempEval-3 Task A (timex extraction + normalisation), {split}: {len(docs)} documents, "
          f"{sum(len(d.gold) for d in docs)} gold TIMEX3 (DCT not scored); every document anchored at its DCT")
    names = list(results)
    print(f"{'':16}" + "".join(f"{n:>12}" for n in names))
    rows = [results[n].figures() for n in names]
    for key in rows[0]:
        print(f"{key:16}" + "".join(f"{100 * r[key]:12.2f}" for r in rows))
    print(f"{'gold / system':16}" + "".join(f"{results[n].gold:>6}/{results[n].system:<5}" for n in names))
    if heideltime_note:
        print(f"HeidelTime not run: {heideltime_note}")
    print("Reference (platinum, TempEval-3 paper): HeidelTime-t value F1 77.61, SUTime 67.38.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["test", "train"], default="test",
                        help="test = TE3 platinum (report); train = TBAQ-cleaned (tune)")
    parser.add_argument("--no-heideltime", action="store_true", help="Do not run HeidelTime even if available.")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="Print N of hornbill's errors.")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="Only the first N documents.")
    args = parser.parse_args()
    docs = test_docs() if args.split == "test" else training_docs()
    if args.limit:
        docs = docs[: args.limit]
    systems: dict[str, Callable[[list[Doc]], list[list[Span]]]] = {"hornbill": hornbill_system}
    note = "disabled by --no-heideltime" if args.no_heideltime else heideltime_available()
    if note is None:
        systems["HeidelTime"] = heideltime_system
    results = {name: score(docs, run(docs)) for name, run in systems.items()}
    report("TE3 platinum test" if args.split == "test" else "TBAQ-cleaned training", docs, results, note)
    for line in results["hornbill"].errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
