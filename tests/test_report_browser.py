"""The HTML report in a real browser: Debian's chromium, driven by Playwright, fully offline.

Without chromium these tests skip, except under ``CI`` where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_report_html import HOSTILE_ID, default_payload, hostile_payload
from troopledger._cli import main
from troopledger.report import render_html

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
CHARTS = ("sankey", "monthly", "cumulative", "troops", "casualties", "sensitivity")


def _chromium() -> str | None:
    for path in ("/usr/bin/chromium", shutil.which("chromium")):
        if path and Path(path).exists():
            return path
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = _chromium()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; CI must run the browser tests (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def default_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default case's page, written by the CLI exactly as a user would (calibrated)."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    with pytest.raises(SystemExit) as exc:
        main(["report", "--format", "html", "--draws", "2000", "--seed", "2", "--out", str(out)])
    assert int(exc.value.code or 0) == 0
    return out


class Visit:
    """One page load with everything the page tried to do recorded."""

    def __init__(self, browser: Any, path: Path, width: int, height: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
        self.page = self.context.new_page()
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.context.route("**/*", self._route)
        self.page.goto(self.url)
        self.page.wait_for_selector("#fig-sankey[data-drawn]", timeout=30_000)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_default_report_draws_its_charts_offline(
    browser: Any, default_report: Path, tmp_path_factory: pytest.TempPathFactory, viewport: str
) -> None:
    width, height = VIEWPORTS[viewport]
    v = Visit(browser, default_report, width, height)
    try:
        page = v.page
        for chart in CHARTS:
            page.wait_for_selector(f"#fig-{chart}[data-drawn]", timeout=15_000)
        assert page.locator("#fig-sankey .sankey .sankey-node").count() == 8
        assert page.locator("#fig-sankey .sankey-link").count() == 7
        for chart in ("monthly", "cumulative", "troops", "casualties"):
            assert page.locator(f"#fig-{chart} .scatterlayer .trace").count() >= 6, chart
        assert page.locator("#fig-sensitivity .barlayer .trace").count() == 4
        assert "Russia pays" in page.locator("#fig-sankey").inner_text()
        # each flow carries its 90 % interval: hovering a band shows it
        page.locator("#fig-sankey .sankey-link").first.hover(force=True)
        page.wait_for_function(
            "document.querySelector('#fig-sankey .hoverlayer').textContent.includes('90 % interval')", timeout=5_000
        )
        assert page.locator("#contradictions li").count() >= 1  # the bundled case has claims that disagree
        # the page itself never scrolls sideways; wide tables scroll inside their own box
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        shots = tmp_path_factory.mktemp(f"screens-{viewport}")
        page.screenshot(path=str(shots / f"top-{viewport}.png"))
        page.screenshot(path=str(shots / f"full-{viewport}.png"), full_page=True)
        assert (shots / f"full-{viewport}.png").stat().st_size > 10_000
        assert v.errors == []
        assert v.requests == []
    finally:
        v.close()


def test_hostile_text_runs_nothing_and_links_are_inert(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(render_html(hostile_payload(default_payload(draws=1000))), encoding="utf-8")
    v = Visit(browser, path, 1280, 800)
    try:
        page = v.page
        page.wait_for_selector("#fig-sensitivity[data-drawn]", timeout=15_000)
        page.mouse.move(300, 300)
        for el in page.locator("main [onmouseover], main b").all()[:3]:
            el.hover()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert v.dialogs == []
        # no element the sources wrote was created: their markup is text
        assert page.locator("main img, main iframe, main svg[onload], header img, main script").count() == 0
        assert page.locator("script").count() == 3
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert hrefs
        for href in hrefs:
            assert href.startswith(("#", "http://", "https://")), href
        assert page.evaluate("id => document.getElementById(id) !== null", f"claim-{HOSTILE_ID}")
        text = page.locator("main").inner_text()
        assert "<script>window.__pwned=1</script>quoted" in text
        assert "javascript:window.__pwned=5" in text  # shown, not linked
        external = page.locator("a[href^='http']").first
        assert external.get_attribute("rel") == "noopener noreferrer nofollow"
        assert v.errors == []
        assert v.requests == []
    finally:
        v.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_page_opens_with_the_plain_summary(
    browser: Any, default_report: Path, tmp_path_factory: pytest.TempPathFactory, viewport: str
) -> None:
    width, height = VIEWPORTS[viewport]
    v = Visit(browser, default_report, width, height)
    try:
        page = v.page
        box = page.locator("#summary").bounding_box()
        assert box is not None
        assert box["y"] < height / 2, box  # the first thing a reader sees
        said = page.locator("#summary").inner_text()
        assert said.startswith("In short")
        for part in ("Russia pays an estimated $", "The North Korean state keeps about", "How sure:", "Disputed:"):
            assert part in said, part
        shot = tmp_path_factory.mktemp(f"summary-{viewport}") / f"summary-{viewport}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("TROOPLEDGER_SCREENSHOTS"):  # a developer keeps the picture to look at
            shutil.copy(shot, Path(os.environ["TROOPLEDGER_SCREENSHOTS"]) / shot.name)
        assert v.errors == []
        assert v.requests == []
    finally:
        v.close()
