"""The map: the page filters as the timeline does, every placed event is a point linked to its event,
a click lands on the event (headless Chromium), and the one-file report carries the same map with no
links and nothing fetched. Screenshots go to docs/screenshots/ (map.png, report-map.png)."""

from __future__ import annotations

from pathlib import Path

import httpx
from click.testing import CliRunner
from playwright.sync_api import Page

from hornbill.cli import main
from hornbill.web import maps
from tests.web.conftest import SCREENSHOTS, shot


def placed(events: list[dict]) -> list[dict]:
    return [e for e in events if e["location"] and e["location"]["lat"] is not None]


def test_the_map_page_draws_each_placed_event_once_and_filters_like_the_timeline(api: httpx.Client) -> None:
    events = api.get("/api/events", params={"limit": 1000}).json()["items"]
    page = api.get("/map")
    assert page.status_code == 200
    assert page.text.count('class="event-point"') == len(placed(events)) > 0
    assert page.text.count('class="land"') > 150  # the bundled outline, no tile server
    assert "http://" not in page.text.split("<svg", 1)[1] and "https://" not in page.text.split("<svg", 1)[1]
    conflict = api.get("/map", params={"quad_class": "material conflict"}).text
    wanted = [e for e in placed(events) if e["quad_class"] == "material conflict"]
    assert conflict.count('class="event-point"') == len(wanted)
    assert api.get("/map", params={"date_from": "not a date"}).status_code == 400


def test_points_are_sized_by_sources_and_stacked_points_are_spread() -> None:
    here = {"lat": 12.6, "lon": -8.0, "name": "Bamako", "precision": "place"}
    events = [{"id": f"e{i}", "num_sources": n, "quad_class": "material conflict", "location": here,
               "mode": None, "status": "occurred", "actor": None, "recipient": None, "event_type": "ASSAULT"}
              for i, n in enumerate((1, 4, 1))]
    points = maps.map_points(events)
    assert points[1]["r"] > points[0]["r"]
    assert len({(p["x"], p["y"]) for p in points}) == 3


def test_clicking_a_point_lands_on_its_event(page: Page, base_url: str, api: httpx.Client) -> None:
    page.goto(base_url + "/map")
    points = page.locator("#world-map circle.event-point")
    assert points.count() > 0
    shot(page, "map")
    best = max(placed(api.get("/api/events", params={"limit": 1000}).json()["items"]),
               key=lambda e: e["num_sources"])
    target = page.locator(f'#world-map circle[data-event="{best["id"]}"]')
    target.dispatch_event("click")  # points may overlap: click this one, whatever lies over it
    page.wait_for_url(f"**/events/{best['id']}")
    assert page.locator("mark.evidence").count() == len(best["mentions"])


def test_the_report_carries_the_map_offline(page: Page, web_kb: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert CliRunner().invoke(main, ["report", "--db", str(web_kb), "-o", str(out)]).exit_code == 0
    html = out.read_text("utf-8")
    assert "<h2>Map</h2>" in html and 'href="/events/' not in html
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    world = page.locator("#world-map")
    assert world.locator("circle.event-point").count() > 0
    world.scroll_into_view_if_needed()
    world.screenshot(path=str(SCREENSHOTS / "report-map.png"))
    assert requests == [out.as_uri()]
