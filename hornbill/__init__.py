"""hornbill: news articles in, an evidence-backed knowledge base of PLOVER events out.

Public API (pinned by tests/test_public_api.py)::

    from hornbill import build, open_kb
    kb = open_kb("mali.duckdb")
    report = build(["articles/"], kb)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "build", "open_kb"]

if TYPE_CHECKING:
    from hornbill.pipeline import build
    from hornbill.store import open_kb


def __getattr__(name: str) -> Any:
    # Imported lazily so that `hornbill --help` does not pay for loading spaCy.
    if name == "build":
        from hornbill.pipeline import build

        return build
    if name == "open_kb":
        from hornbill.store import open_kb

        return open_kb
    raise AttributeError(f"module 'hornbill' has no attribute {name!r}")
