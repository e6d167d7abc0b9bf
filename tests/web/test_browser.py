"""The pages in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser download).

Opens the timeline, filters by actor, clicks through to an event and sees the evidence highlighted;
checks that a hostile article's markup is shown as text and never runs; saves screenshots to docs/screenshots/.
"""

from __future__ import annotations

import httpx
from playwright.sync_api import Dialog, Page

from tests.web.conftest import shot


def test_timeline_filter_and_click_through_to_highlighted_evidence(page: Page, base_url: str,
                                                                  api: httpx.Client) -> None:
    page.goto(base_url + "/")
    everything = page.locator("#event-list li").count()
    dated = len([e for e in api.get("/api/events", params={"limit": 1000}).json()["items"] if e["date"]])
    assert page.locator("#timeline svg a.tl-event").count() == dated
    shot(page, "timeline")

    page.fill("#f-involving", "MINUSMA")
    page.click("#f-apply")
    page.wait_for_url("**/?involving=MINUSMA*")
    rows = page.locator("#event-list li")
    assert 0 < rows.count() < everything
    for i in range(rows.count()):
        assert "MINUSMA" in rows.nth(i).inner_text()

    link = rows.first.locator("a.event-link")
    event_id = link.get_attribute("href").rsplit("/", 1)[-1]  # type: ignore[union-attr]
    link.click()
    page.wait_for_url(f"**/events/{event_id}")
    evidence = page.locator("mark.evidence")
    sentences = [m["sentence"] for m in api.get(f"/api/events/{event_id}").json()["mentions"]]
    assert evidence.count() == len(sentences)
    assert evidence.first.is_visible()
    assert evidence.first.inner_text().strip() == sentences[0].strip()

    best = max(api.get("/api/events", params={"limit": 1000}).json()["items"], key=lambda e: e["num_sources"])
    page.goto(base_url + f"/events/{best['id']}")
    assert page.locator("mark.evidence").count() == len(best["mentions"]) > 1
    shot(page, "event")


def test_timeline_zooms_with_the_wheel(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    dot = page.locator("#timeline circle").first
    before = float(dot.get_attribute("cx") or 0)
    page.mouse.move(700, 420)
    page.locator("#timeline svg").hover(position={"x": 600, "y": 150})
    page.mouse.wheel(0, -400)
    page.wait_for_function(f"document.querySelector('#timeline circle').getAttribute('cx') != '{before}'")
    page.click("#tl-reset")
    assert abs(float(dot.get_attribute("cx") or 0) - before) < 0.01


def test_actor_and_graph_pages(page: Page, base_url: str) -> None:
    page.goto(base_url + "/actors/igo:minusma")
    assert page.locator("h1").inner_text() == "MINUSMA"
    assert page.locator("svg.chart rect").count() > 0
    assert "Minusma" in page.locator(".aliases").inner_text()
    shot(page, "actor")

    page.goto(base_url + "/graph")
    nodes = page.locator("#graph g.node")
    assert nodes.count() > 3 and page.locator("#graph line").count() > 2
    shot(page, "graph", full_page=True)
    mali = page.locator("#graph g.node[data-id='country:MLI'] circle")
    mali.click()
    page.wait_for_url("**/actors/country%3AMLI")
    assert page.locator("h1").inner_text() == "Mali"


def test_document_and_conflicts_pages(page: Page, base_url: str, api: httpx.Client) -> None:
    documents = api.get("/api/documents", params={"limit": 100}).json()["items"]
    doc = next(d for d in documents if d["kept_chars"] < d["chars"])
    page.goto(base_url + f"/documents/{doc['doc_id']}")
    assert page.locator("article.doc mark").count() > 0
    assert page.locator("article.doc .dropped").count() > 0
    shot(page, "document")
    page.goto(base_url + "/conflicts")
    assert page.locator("section.conflict").count() >= 1


def test_hostile_article_is_shown_as_text_and_never_runs(page: Page, base_url: str, api: httpx.Client) -> None:
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    doc = next(d for d in api.get("/api/documents", params={"limit": 100}).json()["items"]
               if d["source"].endswith("hostile.txt"))
    events = api.get("/api/events", params={"q": "ambassador expelled"}).json()["items"]
    hostile_events = [e for e in events if any(m["doc_id"] == doc["doc_id"] for m in e["mentions"])]
    assert hostile_events
    pages = [f"/documents/{doc['doc_id']}", f"/events/{hostile_events[0]['id']}", "/?q=ambassador",
             "/search?q=junta+news", "/documents", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"]
    for path in pages:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.hornbillPwned") == "undefined", path
        own = page.evaluate("Array.from(document.scripts).map(s => s.src || s.type)")
        assert all(s.startswith(base_url + "/static/") or s == "application/json" for s in own), (path, own)
        assert page.locator("img, svg[onload], a[href^='javascript']").count() == 0, path
    page.goto(base_url + f"/documents/{doc['doc_id']}")
    body = page.locator("article.doc").inner_text()
    assert "<script>window.hornbillPwned" in body and "onerror=" in body
    assert "<script>" in page.locator("h1").inner_text()
    assert dialogs == []


def test_api_docs_render_offline(page: Page, base_url: str) -> None:
    page.goto(base_url + "/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=10_000)
    assert "hornbill" in page.locator(".swagger-ui .info").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
