"""The dashboard in a real browser: streamlit serves it, headless Chromium draws it.

Run with ``pytest -m browser``. Skipped when Playwright or Chromium is missing.
The server and the browser only talk over 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from timeline.ingest import import_file
from timeline.models import EventCreate
from timeline.store import open_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


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
    """The bundled events, or a few of our own when events/ has no CSV yet."""
    store = open_store(str(db))
    files = sorted((ROOT / "events").glob("*.csv"))
    for csv_file in files:
        import_file(store, csv_file, skip_invalid=True)
    if store.count() == 0:
        for i, (kind, status) in enumerate([("meeting", "occurred"), ("visit", "planned"),
                                            ("proposal", "cancelled"), ("agreement", "occurred")]):
            store.add(EventCreate.model_validate({
                "type": kind, "status": status, "date_start": date(2021, 1 + i * 2, 3),
                "date_end": date(2021, 1 + i * 2, 3 + (i % 2) * 6),
                "title": f"Round {i + 1} of the talks", "actors": [{"name": "Norway"},
                                                                   {"name": "Cuba"}],
            }))
    count = store.count()
    store.close()
    return count


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "browser.db"
    assert _fill(db) > 0
    port = _free_port()
    env = dict(os.environ, TIMELINE_DB=str(db), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    log = (tmp_path / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--client.toolbarMode", "minimal"],
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
                            + (tmp_path / "streamlit.log").read_text()[-3000:])
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_dashboard_draws_the_timeline(server: str) -> None:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    executable = _chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "dashboard.png"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1400})
            outside: list[str] = []

            def local_only(route: object) -> None:
                # No network: anything not served by our server is refused (and noted).
                request = route.request  # type: ignore[attr-defined]
                if request.url.startswith(server) or request.url.startswith("data:"):
                    route.continue_()  # type: ignore[attr-defined]
                else:
                    outside.append(request.url)
                    route.abort()  # type: ignore[attr-defined]

            page.route("**/*", local_only)
            page.goto(server, wait_until="domcontentloaded", timeout=60_000)
            page.wait_for_selector(".js-plotly-plot .main-svg", state="attached",
                                   timeout=60_000)
            # Plotly draws asynchronously: wait for the event marks themselves.
            page.wait_for_function(
                "document.querySelectorAll('.js-plotly-plot .scatterlayer .point,"
                " .js-plotly-plot .barlayer .point').length > 0", timeout=30_000)
            markers = page.locator(".js-plotly-plot .scatterlayer .point").count()
            bars = page.locator(".js-plotly-plot .barlayer .point").count()
            traces = page.locator(".js-plotly-plot g.trace").count()
            shown = page.get_by_text(re.compile(r"^[\d,]+ of [\d,]+ events shown$")).first \
                .inner_text()
            page.wait_for_timeout(500)
            page.screenshot(path=str(shot), full_page=True)
            print(f"\nscreenshot: {shot}\n{markers} markers, {bars} bars, {traces} traces; "
                  f"{shown}; refused outside requests: {outside or 'none'}")
            assert markers + bars > 0 and traces > 0
            assert not page.locator("[data-testid='stException']").count()

            # A click on a marker opens the event's details with its sources.
            box = page.locator(".js-plotly-plot .scatterlayer .point").first.bounding_box()
            assert box is not None
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            page.mouse.move(x, y)
            page.wait_for_timeout(300)
            page.mouse.click(x, y)
            page.get_by_text(re.compile(r"^\d+ source\(s\)$")).first.wait_for(timeout=30_000)
            details = ARTIFACTS / "dashboard-details.png"
            page.get_by_text(re.compile(r"^\d+ source\(s\)$")).first.scroll_into_view_if_needed()
            page.screenshot(path=str(details))
            print(f"details screenshot: {details}")
            assert not page.locator("[data-testid='stException']").count()
        finally:
            browser.close()
