"""Per-document outcomes as plain records and as Parquet rows, and back, exactly.

A worker on another machine hands its results to the driver through files, so a
:class:`~hornbill.model.DocResult` (or the :class:`~hornbill.model.Skipped` that stands
for an input it could not use) has to become data and come back equal. The conversion
follows the field types declared in :mod:`hornbill.model`: dataclasses become dicts,
tuples become lists, and decoding rebuilds each field from its declared type, so a field
added to the model travels without a change here.

One Parquet row per input item, in a fixed schema (``SCHEMA``): its ``position`` in the
input order, ``source``, ``doc_id``, the reader's ``warnings``, and either the ``result``
(the DocResult record as JSON text, which keeps every float and string exact) or the
``skipped`` reason.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import pyarrow as pa  # type: ignore[import-untyped]

from hornbill.engine.base import Outcome
from hornbill.model import DocResult, RawDocument, Skipped

T = TypeVar("T")


@dataclass(frozen=True)
class Numbered:
    """One input item's outcome, with its place in the input order and the warnings its reader
    raised (the driver reports those, as a local build does)."""

    position: int
    outcome: Outcome
    warnings: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        return self.outcome.source if isinstance(self.outcome, Skipped) else self.outcome.document.source


SCHEMA = pa.schema(
    [
        pa.field("position", pa.int64(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("doc_id", pa.string()),
        pa.field("warnings", pa.list_(pa.string()), nullable=False),
        pa.field("skipped", pa.string()),
        pa.field("result", pa.string()),
    ]
)


def to_record(value: Any) -> Any:
    """``value`` (a model dataclass, or anything inside one) as JSON-able data: dicts, lists, scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_record(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_record(v) for v in value]
    return value


def from_record(cls: type[T], record: Any) -> T:
    """The ``cls`` instance that :func:`to_record` turned into ``record``."""
    value: T = _decode(cls, record)
    return value


def _decode(kind: Any, value: Any) -> Any:
    """``value`` rebuilt as the declared type ``kind`` (a dataclass, ``X | None``, a tuple, a scalar)."""
    if value is None:
        return None
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _field_types(kind)
        return kind(**{name: _decode(hints[name], value[name]) for name in hints if name in value})
    origin = typing.get_origin(kind)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(arg, v) for arg, v in zip(args, value, strict=True))
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"cannot decode a value of the union {kind}")
        return _decode(options[0], value)
    return value  # str, int, float, bool, Literal[...], Any: JSON keeps them as they were


@cache
def _field_types(cls: type) -> dict[str, Any]:
    """A dataclass's init fields and their resolved types (the model uses postponed annotations)."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.init}


def item_to_json(item: RawDocument | Skipped) -> str:
    """What a reader produced, as JSON text tagged with its kind (to pass between Ray stages)."""
    kind = "skipped" if isinstance(item, Skipped) else "raw"
    return json.dumps({kind: to_record(item)}, ensure_ascii=False)


def item_from_json(text: str) -> RawDocument | Skipped:
    data = json.loads(text)
    if "skipped" in data:
        return from_record(Skipped, data["skipped"])
    return from_record(RawDocument, data["raw"])


def to_table(numbered: Iterable[Numbered]) -> pa.Table:
    """Numbered outcomes as Parquet-ready rows of ``SCHEMA``."""
    return pa.Table.from_pylist([_row(item) for item in numbered], schema=SCHEMA)


def _row(numbered: Numbered) -> dict[str, Any]:
    outcome = numbered.outcome
    row = {"position": numbered.position, "source": numbered.source, "warnings": list(numbered.warnings)}
    if isinstance(outcome, Skipped):
        return {**row, "doc_id": None, "skipped": outcome.reason, "result": None}
    result = json.dumps(to_record(outcome), ensure_ascii=False)
    return {**row, "doc_id": outcome.document.doc_id, "skipped": None, "result": result}


def from_rows(rows: Iterable[Mapping[str, Any]]) -> Iterator[Numbered]:
    """The numbered outcomes that rows of ``SCHEMA`` (as dicts) hold, in the rows' order."""
    for row in rows:
        warnings = tuple(row["warnings"] or ())
        if row["skipped"] is not None:
            yield Numbered(row["position"], Skipped(row["source"], row["skipped"]), warnings)
        else:
            yield Numbered(row["position"], from_record(DocResult, json.loads(row["result"])), warnings)
