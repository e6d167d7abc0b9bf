"""hornbill's exceptions.

Bad *input* (an empty or binary file, a broken JSON line) is not an exception:
readers return :class:`~hornbill.model.Skipped` with a one-line reason and the
build goes on. Exceptions are for misuse and for failures the caller must see::

    HornbillError
     ├── InputError    input that cannot be read at all, or a reader used wrongly
     │                 (e.g. read_file() given a directory)
     ├── StoreError    the knowledge base cannot be opened, read or written
     ├── ConfigError   a settings or data file (YAML marker lists, dictionaries) is invalid
     ├── QueryError    a query names what the knowledge base does not know (an event type,
     │                 an actor), or a date it cannot read; the message suggests what was meant
     └── EngineError   the engine running the per-document stages (hornbill.engine) failed
          └── WorkerError   a pool worker raised an exception or died

Messages are short and name the thing at fault: ``InputError("not a file: notes/")``.
"""

from __future__ import annotations


class HornbillError(Exception):
    """Base class of every error hornbill raises on purpose."""


class InputError(HornbillError):
    """Input cannot be read, or a reader was called with something it does not accept."""


class StoreError(HornbillError):
    """The knowledge base cannot be opened, read or written."""


class ConfigError(HornbillError):
    """A settings or data file is missing or malformed."""


class QueryError(HornbillError):
    """A filter or lookup names an unknown event type or actor, or an unreadable date."""


class EngineError(HornbillError):
    """The engine that runs the per-document stages failed or cannot be used."""


class WorkerError(EngineError):
    """A pool worker raised an exception or stopped unexpectedly."""
