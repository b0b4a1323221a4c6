"""The rendered report works offline: every page opens in headless Chromium without console
errors, failed or external requests; every image decodes; every internal link resolves.

The site is built from the stored notebooks (the outputs nbval validates) plus one executed
profile per province with data, exactly as ``python -m helpers.site`` does. Screenshots of the
index and of one profile are saved under ``build/screenshots/`` for review.
"""

import html.parser
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from helpers import paths, site

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's services at start-up (no network here).
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    index = site.build(out_dir=out, workers=2)
    return index.parent


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_site_has_index_notebooks_and_profiles(built):
    names = {p.name for p in _pages(built)}
    assert "index.html" in names
    assert {site.page_name(nb) for nb in paths.notebooks()} <= names
    profiles = list((built / "profiles").glob("*.html"))
    assert len(profiles) == len(site.provinces_with_data())


def test_every_internal_link_resolves(built):
    broken = []
    for page in _pages(built):
        for href in _parse(page).hrefs:
            url = urlparse(href)
            if url.scheme in ("http", "https", "mailto"):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(built)} -> {href}")
            elif (
                url.fragment
                and target.suffix == ".html"
                and url.fragment not in _parse(target).ids
            ):
                broken.append(f"{page.relative_to(built)} -> {href} (no such anchor)")
    assert not broken, broken[:20]


def test_no_page_refers_to_the_network(built):
    for page in _pages(built):
        text = page.read_text(encoding="utf-8")
        for marker in ('src="http', "src='http", 'href="http://fonts', "cdn.", "@import url(http"):
            assert marker not in text, f"{page.relative_to(built)} contains {marker!r}"


def test_every_page_opens_cleanly_in_chromium(built, browser):
    problems = []
    screenshots = paths.BUILD / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    profile_shot = sorted((built / "profiles").glob("*.html"))[0]
    for page_path in _pages(built):
        page = browser.new_page()
        events = []
        page.on("console", lambda m, e=events: m.type == "error" and e.append(f"console: {m.text}"))
        page.on("pageerror", lambda err, e=events: e.append(f"page error: {err}"))
        page.on("requestfailed", lambda r, e=events: e.append(f"failed: {r.url}"))
        page.on("request", lambda r, e=events: not r.url.startswith(("file:", "data:"))
                and e.append(f"external request: {r.url}"))  # fmt: skip
        page.goto(page_path.as_uri(), wait_until="load")
        broken = page.evaluate(
            "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
            ".map(i => i.getAttribute('src'))"
        )
        events += [f"image not decoded: {src}" for src in broken]
        if page_path.name == "index.html" and page_path.parent == built:
            page.screenshot(path=str(screenshots / "index.png"), full_page=True)
        if page_path == profile_shot:
            page.screenshot(path=str(screenshots / "profile.png"), full_page=True)
        page.close()
        problems += [f"{page_path.relative_to(built)}: {e}" for e in events]
    assert not problems, problems[:20]
    assert (screenshots / "index.png").stat().st_size > 0
