"""Analyst features of the web pages, in headless Chromium (Debian's, through Playwright) and over HTTP:
source links on mentions, evidence on timeline rows, search over article text, a JSON twin on every
page, an HTML 404 and a directed actor graph."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
from playwright.sync_api import Page


def all_events(api: httpx.Client) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = api.get("/api/events", params={"limit": 1000}).json()["items"]
    return items


def test_a_mentions_source_link_goes_to_the_article(page: Page, base_url: str, api: httpx.Client) -> None:
    event = next(e for e in all_events(api) if any(m.get("url") for m in e["mentions"]))
    page.goto(base_url + f"/events/{event['id']}")
    mentions = page.locator("section.mention")
    assert mentions.count() == len(event["mentions"])
    for i, mention in enumerate(event["mentions"]):
        link = mentions.nth(i).locator(".mention-source a.source-link")
        if mention["url"]:
            assert link.get_attribute("href") == mention["url"]
            assert link.get_attribute("target") == "_blank" and "noopener" in (link.get_attribute("rel") or "")
        else:
            assert link.count() == 0 and mention["source"] in mentions.nth(i).inner_text()
    documents = {d["doc_id"]: d for d in api.get("/api/documents", params={"limit": 100}).json()["items"]}
    with_url = next(d for d in documents.values() if d["url"])
    page.goto(base_url + f"/documents/{with_url['doc_id']}")
    assert page.locator("table.facts a.source-link").get_attribute("href") == with_url["url"]


def test_timeline_rows_show_their_evidence_and_source(page: Page, base_url: str, api: httpx.Client) -> None:
    page.goto(base_url + "/?type=RETREAT")
    rows = page.locator("#event-list li")
    retreats = [e for e in all_events(api) if e["event_type"] == "RETREAT"]
    assert rows.count() == len(retreats) > 0
    for i in range(rows.count()):
        evidence = rows.nth(i).locator(".row-evidence")
        assert evidence.count() == 1
        assert retreats[i]["mentions"][0]["sentence"][:40] in evidence.inner_text()


def test_search_finds_a_word_that_only_the_article_text_holds(page: Page, base_url: str,
                                                               api: httpx.Client) -> None:
    documents = api.get("/api/documents", params={"limit": 100}).json()["items"]
    named = " ".join(" ".join(filter(None, (d["title"], d["outlet"], d["source"]))) for d in documents).casefold()
    doc, word = next((d, w) for d in documents
                     for w in re.findall(r"[A-Za-z]{8,}", api.get(f"/api/documents/{d['doc_id']}").json()["text"])
                     if w.casefold() not in named)
    page.goto(base_url + "/")
    page.fill("header form.search input[name=q]", word)
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    found = page.locator(f"a[href='/documents/{doc['doc_id']}']")
    assert found.count() >= 1, (word, doc["doc_id"])
    answer = api.get("/api/search", params={"q": word}).json()
    assert doc["doc_id"] in {d["doc_id"] for d in answer["documents"]}


def test_the_json_twin_of_every_page_answers_json(page: Page, base_url: str, api: httpx.Client) -> None:
    event = all_events(api)[0]
    doc = api.get("/api/documents", params={"limit": 1}).json()["items"][0]
    paths = ["/", "/?type=RETREAT&involving=MINUSMA", f"/events/{event['id']}", "/actors", "/actors/igo:minusma",
             "/graph?date_from=2022-01-01", "/documents", f"/documents/{doc['doc_id']}", "/conflicts",
             "/search?q=Wagner"]
    for path in paths:
        page.goto(base_url + path)
        twin = page.locator("header a.json-twin")
        assert twin.count() == 1, path
        href = twin.get_attribute("href") or ""
        assert href.startswith("/api/"), (path, href)
        response = page.goto(base_url + href)
        assert response is not None and response.status == 200, (path, href)
        assert response.headers["content-type"].startswith("application/json"), (path, href)
        json.loads(response.text())


def test_an_unknown_page_is_an_html_404(api: httpx.Client) -> None:
    response = api.get("/no/such/page")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "<h1>404</h1>" in response.text and "Back to the timeline" in response.text
    missing = api.get("/api/no-such-thing")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/json")


def test_graph_edges_point_from_doer_to_recipient(page: Page, base_url: str, api: httpx.Client) -> None:
    graph = api.get("/api/graph").json()
    pairs = {(e["source"], e["target"]) for e in graph["edges"]}
    directed = {(e["actor"]["id"], e["recipient"]["id"]) for e in all_events(api)
                if e["actor"]["id"] and e["recipient"] and e["actor"]["id"] != e["recipient"]["id"]}
    assert pairs == directed
    assert ("country:GBR", "igo:minusma") in pairs and ("igo:minusma", "country:GBR") not in pairs
    page.goto(base_url + "/graph")
    lines = page.locator("#graph line.edge")
    assert lines.count() == len(graph["edges"])
    assert all((lines.nth(i).get_attribute("marker-end") or "").startswith("url(#arrow-") for i in range(lines.count()))
    assert page.locator("#graph marker").count() == 2
    edge = page.locator("#graph line.edge[data-source='country:GBR'][data-target='igo:minusma']")
    assert edge.count() == 1
