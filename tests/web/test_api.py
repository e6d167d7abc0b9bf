"""The JSON API through a real server: every route, filters, pagination, bad parameters (400) and unknown ids (404)."""

from __future__ import annotations

import html
import re
from typing import Any

import httpx
import pytest


def ok(api: httpx.Client, path: str, **params: Any) -> Any:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text[:300]
    return response.json()


def bad(api: httpx.Client, path: str, expect: int = 400, **params: Any) -> str:
    response = api.get(path, params=params)
    assert response.status_code == expect, response.text[:300]
    message: str = response.json()["error"]
    assert message
    return message


def test_events_are_paginated_in_timeline_order(api: httpx.Client) -> None:
    everything = ok(api, "/api/events", limit=1000)
    assert everything["total"] == len(everything["items"]) > 10
    first = ok(api, "/api/events", limit=5, offset=0)
    second = ok(api, "/api/events", limit=5, offset=5)
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything["items"][:10]]
    dates = [e["date"] for e in everything["items"] if e["date"]]
    assert dates == sorted(dates, key=lambda d: (d, len(d)))
    event = first["items"][0]
    assert {"id", "event_type", "quad_class", "actor", "recipient", "date", "mentions", "num_sources"} <= set(event)


def test_event_filters(api: httpx.Client) -> None:
    by_actor = ok(api, "/api/events", actor="MINUSMA")["items"]
    assert by_actor and all(e["actor"]["name"] == "MINUSMA" for e in by_actor)
    by_id = ok(api, "/api/events", actor=by_actor[0]["actor"]["id"])["items"]
    assert [e["id"] for e in by_id] == [e["id"] for e in by_actor]
    to_mali = ok(api, "/api/events", recipient="Mali")["items"]
    assert to_mali and all(e["recipient"]["name"] == "Mali" for e in to_mali)
    involving = ok(api, "/api/events", involving="Mali")["total"]
    assert involving >= len(to_mali)
    retreats = ok(api, "/api/events", type="retreat")["items"]
    assert retreats and {e["event_type"] for e in retreats} == {"RETREAT"}
    conflict = ok(api, "/api/events", quad_class="material conflict")["items"]
    assert conflict and {e["quad_class"] for e in conflict} == {"material conflict"}
    announced = ok(api, "/api/events", status="announced")["items"]
    assert {e["status"] for e in announced} <= {"announced"}
    in_2023 = ok(api, "/api/events", date_from="2023", date_to="2023")["items"]
    assert in_2023 and all(e["date"].startswith("2023") for e in in_2023)
    june = ok(api, "/api/events", date_from="2023-06-01", date_to="2023-06-30")["items"]
    assert all(e["date"][:7] == "2023-06" or e["date"] in ("2023",) for e in june)
    expelled = ok(api, "/api/events", q="ambassador expelled")["items"]
    assert expelled and all("ambassador" in " ".join(m["sentence"] for m in e["mentions"]).lower() for e in expelled)
    assert ok(api, "/api/events", actor="no such actor anywhere")["total"] == 0


@pytest.mark.parametrize(("params", "needle"), [
    ({"limit": 0}, "limit"), ({"limit": 5000}, "limit"), ({"limit": "ten"}, "limit"), ({"offset": -1}, "offset"),
    ({"type": "DANCE"}, "type"), ({"quad_class": "verbal love"}, "quad_class"), ({"status": "rumoured"}, "status"),
    ({"date_from": "yesterday"}, "date_from"), ({"date_to": "2023-02-30"}, "date_to"),
    ({"date_from": "2023-13"}, "date_from"),
    ({"date_from": "2024", "date_to": "2023"}, "after"), ({"q": "x" * 500}, "q"),
])
def test_bad_event_parameters_are_400(api: httpx.Client, params: dict[str, Any], needle: str) -> None:
    assert needle in bad(api, "/api/events", **params)


def test_event_by_id_and_unknown_id(api: httpx.Client) -> None:
    first = ok(api, "/api/events", limit=1)["items"][0]
    assert ok(api, f"/api/events/{first['id']}") == first
    assert "nope" in bad(api, "/api/events/nope", expect=404)


def test_actors(api: httpx.Client) -> None:
    page = ok(api, "/api/actors", limit=3)
    assert page["total"] > 3 and len(page["items"]) == 3
    assert all("event_count" in a for a in page["items"])
    countries = ok(api, "/api/actors", type="country", limit=1000)["items"]
    assert countries and {a["type"] for a in countries} == {"COUNTRY"}
    found = ok(api, "/api/actors", q="Minusma")["items"]
    assert [a["name"] for a in found] == ["MINUSMA"]
    actor = ok(api, f"/api/actors/{found[0]['id']}")
    assert actor["aliases"] and actor["event_count"] > 0 and actor["events_by_year"]
    assert all({"id", "name", "events", "by_quad_class"} <= set(r) for r in actor["relations"])
    assert "nobody" in bad(api, "/api/actors/person:nobody", expect=404)
    bad(api, "/api/actors", limit=-3)


def test_documents(api: httpx.Client) -> None:
    page = ok(api, "/api/documents", limit=100)
    assert page["total"] == len(page["items"]) > 10
    assert {"doc_id", "title", "published", "chars", "kept_chars"} <= set(page["items"][0])
    doc_id = page["items"][0]["doc_id"]
    doc = ok(api, f"/api/documents/{doc_id}")
    assert doc["text"] and doc["segments"] and doc["facts"]
    assert all(doc["text"][f["start"]:f["end"]] for f in doc["facts"])
    assert "unknown" not in bad(api, "/api/documents/dnope", expect=404)
    bad(api, "/api/documents", offset="first")


def test_quotes_claims_conflicts(api: httpx.Client) -> None:
    quotes = ok(api, "/api/quotes")["items"]
    assert quotes and all(q["text"] for q in quotes)
    speaker = next(q["speaker"] for q in quotes if q["speaker"])
    by_speaker = ok(api, "/api/quotes", speaker=speaker["id"])["items"]
    assert by_speaker and all(q["speaker"]["id"] == speaker["id"] for q in by_speaker)
    claims = ok(api, "/api/claims", limit=1000)["items"]
    assert claims and all(isinstance(c["value"], float) for c in claims)
    assert all("minusma" in c["subject"].lower() for c in ok(api, "/api/claims", subject="minusma")["items"])
    conflicts = ok(api, "/api/conflicts")
    assert conflicts["total"] >= 1
    for group in conflicts["items"]:
        assert group["about"] and group["measure"] and len({c["value"] for c in group["claims"]}) > 1
        assert group["why"].startswith(f"same measure ({group['measure']})")
    bad(api, "/api/quotes", limit=0)
    bad(api, "/api/claims", limit=1001)


def test_graph(api: httpx.Client) -> None:
    graph = ok(api, "/api/graph")
    ids = {n["id"] for n in graph["nodes"]}
    assert graph["edges"] and all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert all(e["weight"] == e["cooperation"] + e["conflict"] for e in graph["edges"])
    later = ok(api, "/api/graph", date_from="2024-01-01")
    assert len(later["edges"]) < len(graph["edges"])
    heavy = ok(api, "/api/graph", min_weight=2)
    assert all(e["weight"] >= 2 for e in heavy["edges"])
    bad(api, "/api/graph", date_from="soon")
    bad(api, "/api/graph", min_weight=0)


def test_search(api: httpx.Client) -> None:
    found = ok(api, "/api/search", q="Wagner")
    assert found["events"]["total"] > 0 and found["actors"]
    assert ok(api, "/api/search", q="zzzyqx")["events"]["total"] == 0
    assert "q" in bad(api, "/api/search")
    bad(api, "/api/search", q="")
    bad(api, "/api/search", q="mali", limit=1000)


def test_openapi_and_offline_docs(api: httpx.Client) -> None:
    schema = ok(api, "/openapi.json")
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/documents/{doc_id}", "/api/search",
                 "/api/quotes", "/api/claims", "/api/conflicts", "/api/graph"):
        assert path in schema["paths"]
    docs = api.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower()
    for asset in ("swagger-ui.css", "swagger-ui-bundle.js"):
        assert f"/static-offline-docs/{asset}" in docs.text
        assert api.get(f"/static-offline-docs/{asset}").status_code == 200


def test_pages_answer_and_bad_page_parameters_are_400(api: httpx.Client) -> None:
    for path in ("/", "/actors", "/graph", "/documents", "/conflicts", "/search?q=Mali", "/search"):
        response = api.get(path)
        assert response.status_code == 200, path
        assert "text/html" in response.headers["content-type"]
    assert api.get("/?date_from=someday").status_code == 400
    assert api.get("/graph?date_to=2023-99").status_code == 400
    assert api.get("/events/nope").status_code == 404
    assert api.get("/documents/nope").status_code == 404
    assert api.get("/actors/nobody").status_code == 404


EVIDENCE_MARK = re.compile(r'<mark class="evidence">(.*?)</mark>', re.DOTALL)


def test_every_event_page_highlights_exactly_its_evidence_sentences(api: httpx.Client) -> None:
    for event in ok(api, "/api/events", limit=1000)["items"]:
        page = api.get(f"/events/{event['id']}")
        assert page.status_code == 200
        marked = [html.unescape(m) for m in EVIDENCE_MARK.findall(page.text)]
        assert marked == [m["sentence"] for m in event["mentions"]], event["id"]
