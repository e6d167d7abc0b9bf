"""Hostile requests: injection strings in every filter, paths as ids, writes, and where the server listens."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from hornbill.cli import main

HOSTILE_VALUES = [
    "' OR '1'='1",
    "x'); DROP TABLE events; --",
    "\" OR 1=1 --",
    "1 UNION SELECT * FROM documents",
    "../../../../etc/passwd",
    "/etc/passwd",
    "%00",
]
FILTERS: dict[str, list[str]] = {
    "/api/events": ["actor", "recipient", "involving", "type", "quad_class", "status", "date_from", "date_to", "q"],
    "/api/actors": ["q", "type"],
    "/api/quotes": ["speaker"],
    "/api/claims": ["subject"],
    "/api/graph": ["date_from", "date_to"],
    "/api/search": ["q"],
}


def assert_refused_or_empty(response: httpx.Response) -> None:
    assert response.status_code in (200, 400, 404), response.text
    body: Any = response.json()
    assert "root:" not in response.text  # never the contents of a file on the server
    if response.status_code == 200 and isinstance(body, dict):
        found = body.get("total", sum(len(v) for v in body.values() if isinstance(v, list)))
        assert found == 0, "an injection string must not match anything"


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_injection_strings_in_every_filter_match_nothing_and_never_fail(api: httpx.Client, value: str) -> None:
    for path, names in FILTERS.items():
        for name in names:
            assert_refused_or_empty(api.get(path, params={name: value}))


@pytest.mark.parametrize("path", ["/api/events/", "/api/actors/", "/api/documents/"])
@pytest.mark.parametrize("value", ["..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "x' OR '1'='1"])
def test_ids_that_look_like_paths_or_sql_are_unknown(api: httpx.Client, path: str, value: str) -> None:
    response = api.get(path + value)
    assert response.status_code in (404, 400), response.text
    assert "root:" not in response.text


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_the_api_has_no_write_routes(api: httpx.Client, method: str) -> None:
    for path in ("/api/events", "/api/documents", "/api/actors", "/api/search"):
        assert api.request(method, path).status_code == 405


def test_the_server_listens_on_loopback_unless_told_otherwise() -> None:
    help_text = CliRunner().invoke(main, ["serve", "--help"]).stdout
    assert "127.0.0.1" in help_text
