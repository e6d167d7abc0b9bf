"""The public API is what __all__ says, and nothing leaks in by accident."""

import hornbill


def test_public_api_is_pinned() -> None:
    assert sorted(hornbill.__all__) == ["__version__", "build", "open_kb"]
    assert callable(hornbill.build) and callable(hornbill.open_kb)
