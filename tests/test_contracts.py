"""Each hornbill component's declared ``requires``/``assigns`` says what it really reads and writes.

The pipeline runs on a short article with every access to a hornbill Doc, Span or Token extension
(``doc._.timexes``, ``token._.actor``) recorded per component: the extension attributes a
component reads that an earlier component wrote must be its declared ``requires``, those it writes
its declared ``assigns``. ``doc._.document`` is the pipeline's input (``nlp.make_doc`` sets it
before any component runs), so a read of it is no requirement. spaCy's own attributes
(``doc.ents``, ``token.dep``) are declared but not observed here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.tokens.underscore import Underscore

from hornbill import nlp as hnlp
from tests.conftest import make_document

ARTICLE = """UN ends Mali mission

BAMAKO, 30 June 2023 - The UN Security Council voted on Friday to end the peacekeeping mission
in Mali, after Mali's junta demanded that its 13,000 troops leave. "The mission has failed," the
foreign minister Abdoulaye Diop said. He said the withdrawal would be completed by December.
Germany, which has 1,100 soldiers in Mali, said it would withdraw them next year. Russia promised support.
Talks had resumed on Monday (28 June). "We are not leaving," she told reporters.
"""
INPUT = frozenset({"doc._.document"})


def _kind(obj: Any) -> str:
    return "doc" if isinstance(obj, Doc) else "span" if isinstance(obj, Span) else "token"


@pytest.fixture
def observed(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, dict[str, set[str]]]]:
    """{component: {"reads": {...}, "writes": {...}}} of the hornbill components on ARTICLE."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"reads": set(), "writes": set()})
    running: list[str] = []
    get, put = Underscore.__getattr__, Underscore.__setattr__

    def reading(self: Underscore, name: str) -> Any:
        # an extension with a getter (token._.actor) is a view: what the getter reads is recorded
        if running and self._extensions.get(name, (None, None, None, None))[2] is None:
            seen[running[-1]]["reads"].add(f"{_kind(self._obj)}._.{name}")
        return get(self, name)

    def writing(self: Underscore, name: str, value: Any) -> None:
        if running:
            seen[running[-1]]["writes"].add(f"{_kind(self._obj)}._.{name}")
        put(self, name, value)

    def watched(name: str, component: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
        def run(doc: Doc) -> Doc:
            running.append(name)
            try:
                return component(doc)
            finally:
                running.pop()
        return run

    monkeypatch.setattr(Underscore, "__getattr__", reading)
    monkeypatch.setattr(Underscore, "__setattr__", writing)
    doc = hnlp.make_doc(nlp, make_document(ARTICLE, "2023-06-30"))
    for name, component in nlp.pipeline:
        doc = watched(name, component)(doc) if name.startswith("hornbill_") else component(doc)
    assert doc._.events and doc._.quotes and doc._.claims and doc._.timexes, "the article exercises every stage"
    assert doc._.document.warnings, "and a weekday that is not its date's"
    yield seen


def _declared(nlp: Language, name: str, key: str) -> set[str]:
    return {attr for attr in nlp.get_pipe_meta(name).__dict__[key] if "._." in attr}


def test_every_hornbill_component_declares_the_extensions_it_reads_and_writes(
    nlp: Language, observed: dict[str, dict[str, set[str]]]
) -> None:
    names = [name for name in nlp.pipe_names if name.startswith("hornbill_")]
    assert names == ["hornbill_paragraphs", "hornbill_parse_repair", *hnlp.PIPELINE]
    found = {name: {"requires": observed[name]["reads"] - observed[name]["writes"] - INPUT,
                    "assigns": observed[name]["writes"]} for name in names}
    declared = {name: {"requires": _declared(nlp, name, "requires"), "assigns": _declared(nlp, name, "assigns")}
                for name in names}
    assert declared == found


def test_analyze_pipes_finds_every_requirement_assigned_by_an_earlier_component(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    assert set(analysis["summary"]) == set(nlp.pipe_names)
