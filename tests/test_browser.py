"""The dashboard in a real browser: streamlit serves it, headless Chromium drives it.

Run with ``pytest -m browser``. Skipped when Playwright or Chromium is missing. The
server and the browser only talk over 127.0.0.1; any other request is refused and makes
the test fail. Screenshots, downloads and the first-chart time go to tests/artifacts/.

The page is driven at a laptop's size (1366 x 768): what a user must see without
scrolling is checked at that size.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from timeline.ingest import import_file
from timeline.models import EventCreate, TrackCreate
from timeline.store import EventFilter, open_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LAPTOP = {"width": 1366, "height": 768}
# The first chart must appear within 3 s on a quiet machine; the machines that run this
# suite are shared, so the test only fails far beyond that (the time is printed and
# written to artifacts/first-chart.txt either way).
FIRST_CHART_LIMIT = float(os.environ.get("TIMELINE_FIRST_CHART_LIMIT", "15"))
POINTS = ".js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point"


def _chromium() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fill(db: Path) -> int:
    """The bundled events (events/*.csv) and their negotiations (events/tracks.json), as
    ``make load`` does."""
    store = open_store(str(db))
    for track in json.loads((ROOT / "events" / "tracks.json").read_text()):
        store.save_track(TrackCreate.model_validate(track))
    for csv_file in sorted((ROOT / "events").glob("*.csv")):
        import_file(store, csv_file, skip_invalid=True)
    count = store.count()
    store.close()
    return count


@dataclass
class App:
    url: str
    db: Path
    outside: list[str] = field(default_factory=list)

    def count(self, track: str | None = None) -> int:
        store = open_store(str(self.db))
        try:
            return store.count(EventFilter(tracks=[track] if track else []))
        finally:
            store.close()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "browser.db"
    assert _fill(db) > 0
    port = _free_port()
    env = dict(os.environ, TIMELINE_DB=str(db), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    log = (tmp / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail("streamlit did not start:\n"
                            + (tmp / "streamlit.log").read_text()[-3000:])
            time.sleep(0.3)
        yield App(url, db)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    executable = _chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def new_page(browser: Any, app: App) -> Any:
    """A page in a fresh context (nothing cached), refusing anything not on our server."""
    context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    page = context.new_page()

    def local_only(route: Any) -> None:
        request = route.request
        if request.url.startswith(app.url) or request.url.startswith("data:"):
            route.continue_()
        else:
            app.outside.append(request.url)
            route.abort()

    page.route("**/*", local_only)
    return page


@pytest.fixture()
def page(browser: Any, app: App) -> Iterator[Any]:
    p = new_page(browser, app)
    try:
        yield p
    finally:
        assert not p.locator("[data-testid='stException']").count(), "the page failed"
        p.context.close()
        assert not app.outside, f"requests beyond 127.0.0.1: {app.outside}"


def open_page(page: Any, app: App, query: str = "") -> None:
    page.goto(f"{app.url}/{query}", wait_until="domcontentloaded", timeout=60_000)
    page.wait_for_function(f"document.querySelectorAll({POINTS!r}).length > 0",
                           timeout=60_000)
    settle(page)


def settle(page: Any, timeout: float = 30_000) -> None:
    """Wait until streamlit is not running the script (and the page is drawn)."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText"
        ".includes('Running')", timeout=timeout)
    page.wait_for_timeout(200)


def shown(page: Any) -> str:
    return str(page.get_by_text(re.compile(r"^[\d,]+ of [\d,]+ events shown$")).first
               .inner_text())


def open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    settle(page)


def shot(page: Any, name: str, full_page: bool = False) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(f"\nscreenshot: {path}")
    return path


def edit_cell(page: Any, grid: Any, x: float, row: int, text: str) -> None:
    """Type ``text`` into a data editor's cell: ``x`` pixels from its left edge, data row
    ``row`` (rows are 35 px under a 35 px header)."""
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + x, box["y"] + 35 + 35 * row + 17)
    page.wait_for_timeout(200)
    page.keyboard.press("Enter")
    editor = page.locator("#portal textarea").first
    editor.wait_for(timeout=10_000)
    editor.fill(text)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)


def in_viewport(page: Any, locator: Any) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"]


# --- the tests --------------------------------------------------------------------------


def test_opening_a_track(page: Any, app: App) -> None:
    open_page(page, app)
    gaza, ukraine = app.count("gaza"), app.count("russia-ukraine")
    picker = page.locator(".st-key-f_track [role=combobox]")
    assert picker.input_value() == f"Gaza ceasefire and hostage talks ({gaza} events)"
    assert shown(page) == f"{gaza} of {gaza} events shown"
    assert "track=gaza" in page.url
    picker.click()
    page.get_by_role("option", name=re.compile("^Russia-Ukraine talks")).click()
    settle(page)
    page.wait_for_function(f"document.querySelectorAll({POINTS!r}).length > 0")
    assert shown(page) == f"{ukraine} of {ukraine} events shown"
    assert "track=russia-ukraine" in page.url
    assert page.locator(".st-key-event_list_box").get_by_text(
        re.compile("Riyadh")).count() >= 1
    shot(page, "track")
    # The link opens that negotiation again, and its downloads are of it alone.
    open_page(page, app, "?track=russia-ukraine")
    assert shown(page) == f"{ukraine} of {ukraine} events shown"
    open_tab(page, "Table and downloads")
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="TimelineJS", exact=True).click()
    assert info.value.suggested_filename.startswith("russia-ukraine-")
    target = ARTIFACTS / "track-timelinejs.json"
    info.value.save_as(str(target))
    data = json.loads(target.read_text())
    assert len(data["events"]) == ukraine
    assert data["title"]["text"]["headline"] == "Russia-Ukraine talks"


def test_first_chart_time(browser: Any, app: App) -> None:
    # The server has run the page once (imports done, as on a running server); each
    # measurement is a fresh tab with an empty cache.
    warm = new_page(browser, app)
    open_page(warm, app)
    warm.context.close()
    times = []
    for _ in range(3):
        page = new_page(browser, app)
        start = time.monotonic()
        page.goto(app.url, wait_until="commit", timeout=60_000)
        page.wait_for_function(f"document.querySelectorAll({POINTS!r}).length > 0",
                               timeout=60_000)
        times.append(time.monotonic() - start)
        if len(times) == 1:
            settle(page)
            shot(page, "dashboard")
            marks = page.evaluate(
                "() => document.querySelector('.js-plotly-plot').data"
                ".filter(t => t.meta && ['marker', 'bar'].includes(t.meta.kind))"
                ".reduce((n, t) => n + t.x.length, 0)")
            print(f"{marks} marks for {shown(page)}")
            # It opens on the busiest negotiation, one mark per event, nothing drawn twice.
            assert marks == app.count("gaza")
        page.context.close()
    report = (f"first chart: {min(times):.2f} s (best of {len(times)} fresh tabs; all: "
              f"{', '.join(f'{t:.2f}' for t in times)})")
    print(report)
    (ARTIFACTS / "first-chart.txt").write_text(report + "\n")
    assert not app.outside
    assert min(times) <= FIRST_CHART_LIMIT


def test_a_clicked_event_opens_beside_the_chart_without_scrolling(page: Any, app: App) -> None:
    open_page(page, app)
    point = page.locator(".js-plotly-plot .scatterlayer .point").nth(3)
    box = point.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    start = time.monotonic()
    page.mouse.click(x, y)
    details = page.locator(".st-key-details")
    details.wait_for(timeout=30_000)
    print(f"\ndetails shown {time.monotonic() - start:.2f} s after the click")
    settle(page)
    title = details.locator(".event-title")
    assert title.inner_text()
    assert in_viewport(page, title), title.bounding_box()
    assert in_viewport(page, details.get_by_text(re.compile(r"^\d+ source\(s\)$")))
    main = page.locator("[data-testid='stMain']")
    assert main.evaluate("el => el.scrollTop") == 0
    assert page.evaluate("window.scrollY") == 0
    # The list beside it marks the same event.
    picked = page.locator(".st-key-event_list_box input[type=radio]:checked")
    assert picked.count() == 1
    shot(page, "dashboard-details")
    # A filter that hides the event closes its details.
    page.goto(f"{app.url}/?track=gaza&type=request", wait_until="domcontentloaded")
    settle(page)
    assert not page.locator(".st-key-details").count()


def test_a_drag_across_the_chart_shows_that_period(page: Any, app: App) -> None:
    open_page(page, app)
    page.locator(".js-plotly-plot").first.hover()
    page.locator(".modebar-btn[data-val='select']").first.click()  # the box tool
    area = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    assert area is not None
    y = area["y"] + area["height"] / 2
    page.mouse.move(area["x"] + area["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.5, y + 4, steps=8)
    page.mouse.up()
    page.wait_for_function("document.querySelector('.st-key-f_since input').value !== ''",
                           timeout=30_000)
    settle(page)
    assert "since=" in page.url and "until=" in page.url
    shown_now, of = (int(n) for n in re.findall(r"\d+", shown(page)))
    assert 0 < shown_now < of
    # The list beside the chart holds exactly the events of that period.
    assert page.locator(".st-key-event_list_box input[type=radio]").count() == shown_now
    shot(page, "period")


def test_lane_names_and_titles_are_text_not_links(page: Any, app: App) -> None:
    name = '<a href="https://evil.example">Hamas</a>'
    store = open_store(str(app.db))
    store.add(EventCreate.model_validate({
        "type": "statement", "date_start": date(2019, 1, 5), "actors": [{"name": name}],
        "title": "Statement, see https://evil.example/x and www.evil.example"}))
    store.close()
    open_page(page, app,
              "?track=all&lanes=actor&type=statement&since=2019-01-01&until=2019-12-31")
    ticks = page.locator(".js-plotly-plot .ytick").evaluate_all(
        "els => els.map(e => e.textContent)")
    assert any(t.startswith("<a href") for t in ticks), ticks  # shown as the text it is
    assert page.locator(".js-plotly-plot .ytick a, .js-plotly-plot a[href*='evil']").count() \
        == 0
    page.locator(".st-key-event_list_box").get_by_text(re.compile("Statement, see")).click()
    page.locator(".st-key-details").wait_for(timeout=30_000)
    settle(page)
    assert "https://evil.example/x" in page.locator(".st-key-details .event-title").inner_text()
    # Nowhere on the page (heading, list, facts) does the title become a link.
    assert page.locator("a[href*='evil']").count() == 0


def test_the_same_event_added_twice_is_stored_once(page: Any, app: App) -> None:
    open_page(page, app)
    before = app.count()
    open_tab(page, "Add an event")

    def fill(form: str) -> None:
        day = page.locator(f".st-key-{form}_start input")
        day.fill("2021-05-06")
        day.press("Enter")
        page.locator(f".st-key-{form}_title input").fill("Envoys meet in Oslo to restart talks")
        grid = page.locator(f".st-key-{form}_actors [data-testid='stDataFrame']")
        edit_cell(page, grid, 33 + 60, 0, "Norway")
        page.get_by_role("button", name="Add event").click()
        settle(page)

    fill("add0")
    page.get_by_text(re.compile(r"^Stored event [0-9a-f]{12}\.$")).wait_for(timeout=30_000)
    assert app.count() == before + 1
    # The form is empty again.
    assert page.locator(".st-key-add1_title input").input_value() == ""
    fill("add1")
    warning = page.get_by_text(re.compile("already in the timeline. Store it anyway"))
    warning.wait_for(timeout=30_000)
    shot(page, "add-twice", full_page=True)
    assert app.count() == before + 1
    page.get_by_role("button", name="Don't store it").click()
    settle(page)
    assert app.count() == before + 1


def test_an_extracted_event_is_corrected_before_it_is_accepted(page: Any, app: App) -> None:
    pytest.importorskip("timeline.extract")
    open_page(page, app)
    open_tab(page, "From an article")
    page.locator(".st-key-art_text textarea").fill(
        "Qatar's prime minister met a Hamas delegation in Doha on Tuesday to discuss a new "
        "proposal for a truce, officials said.")
    day = page.locator(".st-key-art_published input")
    day.fill("2022-11-10")
    day.press("Enter")
    page.get_by_role("button", name="Find events").click()
    settle(page)
    grid = page.locator("[class*='st-key-art_editor'] [data-testid='stDataFrame']").first
    grid.wait_for(timeout=30_000)
    before = app.count()
    edit_cell(page, grid, 60 + 120 + 80, 0, "Qatari premier meets Hamas negotiators in Doha")
    settle(page)
    shot(page, "article-edit", full_page=True)

    def cells() -> list[str]:
        table = page.locator("[class*='st-key-art_editor'] [data-testid='stDataFrame']").first
        table.locator("td").first.wait_for(state="attached", timeout=30_000)
        return [str(c.text_content()) for c in table.locator("td").all()]

    def keep_toggle() -> None:
        table = page.locator("[class*='st-key-art_editor'] [data-testid='stDataFrame']").first
        table.scroll_into_view_if_needed()
        box = table.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 30, box["y"] + 35 + 17)
        settle(page)

    # Found again: the correction is still there; a rejection is kept too.
    page.get_by_role("button", name="Find events").click()
    settle(page)
    assert cells()[:3] == ["true", "", "Qatari premier meets Hamas negotiators in Doha"]
    keep_toggle()
    page.get_by_role("button", name="Find events").click()
    settle(page)
    assert cells()[0] == "false"
    keep_toggle()
    assert cells()[0] == "true"
    page.get_by_role("button", name="Add the ticked events to the timeline").click()
    settle(page)
    page.get_by_text(re.compile(r"^Added \d+ event")).wait_for(timeout=30_000)
    store = open_store(str(app.db))
    try:
        titles = [e.title for e in store.query()]
    finally:
        store.close()
    assert "Qatari premier meets Hamas negotiators in Doha" in titles
    assert app.count() > before


def test_counts_and_lists_follow_the_database(page: Any, app: App) -> None:
    open_page(page, app, "?track=all")
    total = app.count()
    assert shown(page) == f"{total:,} of {total:,} events shown"
    # Written by another process while the page is open, as `timeline ingest` does.
    store = open_store(str(app.db))
    for day, title in ((date(2026, 1, 5), "Testland envoy arrives for talks"),
                       (date(2026, 1, 6), "Testland and Norway open a new round")):
        store.add(EventCreate.model_validate({
            "type": "meeting", "date_start": day, "title": title, "origin": "extracted",
            "actors": [{"name": "Testland"}, {"name": "Norway"}]}))
    store.close()
    page.reload(wait_until="domcontentloaded")
    page.wait_for_function(f"document.querySelectorAll({POINTS!r}).length > 0",
                           timeout=60_000)
    settle(page)
    assert shown(page) == f"{total + 2:,} of {total + 2:,} events shown"
    assert page.locator(".st-key-event_list_box").get_by_text(
        "Testland and Norway open a new round").count() == 1
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").nth(1).click()
    page.keyboard.type("Testl")
    page.get_by_role("option", name="Testland").wait_for(timeout=10_000)
    shot(page, "fresh-counts")
    page.keyboard.press("Escape")


def test_each_export_downloads(page: Any, app: App) -> None:
    open_page(page, app, "?track=all")
    total = app.count()
    open_tab(page, "Table and downloads")
    files = {}
    saved_as = {"CSV": "export.csv", "CSV for Excel": "export-excel.csv",
                "TimelineJS": "export-timelinejs.json", "Calendar (.ics)": "export.ics"}
    for label, name in saved_as.items():
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name=label, exact=True).click()
        download = info.value
        assert re.fullmatch(r"timeline-\d{8}-\d{4}(-excel)?\.(csv|json|ics)",
                            download.suggested_filename), download.suggested_filename
        target = ARTIFACTS / name
        download.save_as(str(target))
        files[label] = target.read_bytes()
        print(f"download: {target} ({len(files[label]):,} bytes)")
    assert files["CSV"].startswith(b"id,date_start,")
    assert files["CSV for Excel"] == b"\xef\xbb\xbf" + files["CSV"]
    assert files["CSV"].count(b"\r\n") > total  # a header and every event (and source lines)
    timelinejs = json.loads(files["TimelineJS"])
    assert len(timelinejs["events"]) == total
    ics = files["Calendar (.ics)"].decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.count("BEGIN:VEVENT") >= 1
    shot(page, "downloads")
