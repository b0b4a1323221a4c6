"""The rendered report works offline: every page opens in headless Chromium without console
errors, failed or external requests; every image decodes; every internal link resolves.

The site is built from the stored notebooks (the outputs nbval validates; nothing is executed
again) plus the generated page of every province and 2025 unit, exactly as
``python -m helpers.site`` does. Screenshots of the index and of one province page are saved
under ``build/screenshots/`` for review.
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


#: How to get the browser these tests drive (what .ci/run does).
INSTALL_CHROMIUM = "install it with `sudo apt-get install chromium` (Debian), as .ci/run does"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    index = site.build(out_dir=out, workers=2)
    return index.parent


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: {INSTALL_CHROMIUM}")
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


def test_site_has_index_chapters_and_a_page_per_province_and_unit(built):
    names = {p.name for p in _pages(built)}
    assert "index.html" in names
    assert {site.page_name(nb) for nb in paths.notebooks()} <= names
    places = [p.name for p in (built / "provinces").glob("*.html")]
    assert len([n for n in places if not n.startswith("unit-")]) == 63
    assert len([n for n in places if n.startswith("unit-")]) == 34


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


async def _open_all(pages: list[Path], tabs: int = 4) -> dict[Path, list[str]]:
    """Open every page in headless Chromium, ``tabs`` at a time; the problems seen on each."""
    import asyncio

    from playwright.async_api import async_playwright

    found: dict[Path, list[str]] = {}
    async with async_playwright() as p:
        chromium = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = await chromium.new_context()
        queue: asyncio.Queue = asyncio.Queue()
        for path in pages:
            queue.put_nowait(path)

        async def worker():
            tab = await context.new_page()
            events: list[str] = []
            tab.on("console", lambda m: m.type == "error" and events.append(f"console: {m.text}"))
            tab.on("pageerror", lambda err: events.append(f"page error: {err}"))
            tab.on("requestfailed", lambda r: events.append(f"failed: {r.url}"))
            tab.on("request", lambda r: not r.url.startswith(("file:", "data:"))
                   and events.append(f"external request: {r.url}"))  # fmt: skip
            while not queue.empty():
                path = queue.get_nowait()
                events.clear()
                await tab.goto(path.as_uri(), wait_until="load")
                broken = await tab.evaluate(
                    "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
                    ".map(i => i.getAttribute('src'))"
                )
                found[path] = events + [f"image not decoded: {src}" for src in broken]
            await tab.close()

        await asyncio.gather(*(worker() for _ in range(tabs)))
        await chromium.close()
    return found


def test_every_page_opens_cleanly_in_chromium(built, browser):
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    # Its own thread: the synchronous browser fixture already runs an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        found = pool.submit(asyncio.run, _open_all(_pages(built))).result()
    problems = [f"{path.relative_to(built)}: {e}" for path, events in found.items() for e in events]
    assert len(found) == len(_pages(built))
    assert not problems, problems[:20]


def test_screenshots_of_the_index_and_a_province_page(built, browser):
    screenshots = paths.BUILD / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    for name, page_path in (("index", built / "index.html"),
                            ("province", built / "provinces" / "hai-duong.html")):  # fmt: skip
        page = browser.new_page()
        page.goto(page_path.as_uri(), wait_until="load")
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        page.close()
        assert (screenshots / f"{name}.png").stat().st_size > 0
