"""The rendered report, built once for this module.

Its files: every page there, links that resolve, nothing from the network, reader-friendly
chapters and pages, numbered figures with their data, a valid data package and citation file.

In headless Chromium (Debian's package, driven by playwright; marked ``browser``), as readers
open it, from files, with no network: every page opens without a console error, a failed
request, a request leaving the machine or an image that does not decode, and its sortable tables
get set up; search finds a province's page first with or without diacritics; the data page
filters; at phone width (390 px) the pages do not scroll sideways; axe-core finds no serious or
critical accessibility violation. Screenshots at desktop and phone width are left in
``build/screenshots/``. One module, so that one xdist worker builds the report and opens it
while the other executes notebooks and unit tests.
"""

import asyncio
import functools
import html.parser
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote_plus, unquote, urlparse

import pandas as pd
import pytest

from helpers import citation, dataset, paths, report, report_pages

pytestmark = [pytest.mark.slow, pytest.mark.report]
DESKTOP, PHONE = 1280, 390
SHOTS = paths.BUILD / "screenshots"


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.sources, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("img", "script") and attrs.get("src"):
            self.sources.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.sources.append(attrs["href"])


@functools.cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def test_every_page_is_there(built_report):
    names = {p.relative_to(built_report).as_posix() for p in _pages(built_report)}
    assert {"index.html", "data.html", "cite.html", "search.html"} <= names
    assert {f"chapters/{p.stem}.html" for p in report.chapters()} <= names
    provinces = [n for n in names if n.startswith("provinces/")]
    assert len([n for n in provinces if "/unit-" in n]) == 34
    assert len([n for n in provinces if "/region-" in n]) == 6
    others = ("/unit-", "/region-", "provinces/units.html")
    own = [n for n in provinces if not any(o in n for o in others)]
    assert len(own) == 63 and all(re.fullmatch(r"provinces/[a-z-]+\.html", n) for n in own)


def test_the_build_leaves_nothing_beside_the_site(built_report):
    # myst-nb's scratch folder; beside site/ it would be an untracked folder in the repository
    assert not (built_report.parent / "jupyter_execute").exists()


def test_every_internal_link_and_file_resolves(built_report):
    broken = []
    for page in _pages(built_report):
        parsed = _parse(page)
        for href in parsed.links + parsed.sources:
            url = urlparse(href)
            if url.scheme in ("http", "https", "mailto", "data", "blob"):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(built_report)} -> {href}")
            elif url.fragment and target.suffix == ".html" and url.fragment not in _parse(
                target
            ).ids:
                broken.append(f"{page.relative_to(built_report)} -> {href} (no such anchor)")
    assert not broken, broken[:20]


def test_nothing_is_loaded_from_the_network(built_report):
    for page in [*_pages(built_report), *built_report.rglob("*.css")]:
        if page.suffix == ".html":
            remote = [s for s in _parse(page).sources if urlparse(s).scheme in ("http", "https")]
            assert not remote, f"{page.relative_to(built_report)} loads {remote[:3]}"
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), page.name


def test_only_the_search_page_loads_the_search_index(built_report):
    loading = [p.relative_to(built_report).as_posix() for p in _pages(built_report)
               if any(s.endswith("searchindex.js") for s in _parse(p).sources)]  # fmt: skip
    assert loading == ["search.html"]


def test_chapters_show_no_code_no_prompts_and_no_raw_dataframes(built_report):
    for path in report.chapters():
        text = (built_report / "chapters" / f"{path.stem}.html").read_text(encoding="utf-8")
        assert "cell_input" not in text, f"{path.stem}: code is shown"
        assert not re.search(r"\b(In|Out)\s*\[\d*\]:", text), f"{path.stem}: code prompts"
        assert 'class="dataframe' not in text, f"{path.stem}: a table with pandas' row index"


def test_province_pages_are_titled_in_both_languages_without_notebook_words(built_report):
    table = __import__("helpers.provinces", fromlist=["table"]).table()
    for code in ("01", "30", "79", "92", "66"):
        name, name_vi = table.loc[code, "name_en"], table.loc[code, "name_vi"]
        slug = report_pages.slug(name)
        page = built_report / "provinces" / f"{slug}.html"
        text = page.read_text(encoding="utf-8")
        heading = re.search(r'<h1>([^<]*)<a class="headerlink"', text)
        assert heading and heading.group(1) == f"{name_vi} ({name})"
        text = text.lower()
        for word in ("parameter", "papermill", "notebook", "out["):
            assert word not in text, f"{slug}: {word}"


def test_chapter_figures_are_numbered_with_their_data(built_report):
    numbers = report_pages.figure_numbers(report.chapters())
    assert numbers
    for name, number in numbers.items():
        chapter = next(p for p in report.chapters() if p.name[:2] == name[:2])
        text = (built_report / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
        block = re.search(rf'<figure class="p06-figure" id="fig-{re.escape(name)}">(.*?)</figure>',
                          text, re.DOTALL)  # fmt: skip
        assert block, name
        assert f"Figure {number}." in block.group(1), f"{name}: not numbered {number}"
        assert f'href="../figures/{name}.csv"' in block.group(1), f"{name}: no data link"
        assert re.search(r'alt="[^"]{20,}"', block.group(1)), f"{name}: no alt text"
    index = (built_report / "index.html").read_text(encoding="utf-8")
    for number in numbers.values():
        assert f"Figure {number}.</span>" in index, f"front page misses figure {number}"


def test_data_page_lists_every_figure_with_a_link_to_its_source(built_report):
    obs = dataset.load_observations()
    text = (built_report / "data.html").read_text(encoding="utf-8")
    table = text[text.index('class="p06-table p06-datatable"'):]
    assert table.count("<tr>") == len(obs) + 1  # header row
    for url in obs.loc[obs["source_url"].ne(""), "source_url"].drop_duplicates().head(50):
        assert f'href="{url.replace("&", "&amp;")}"' in table


def test_data_package_is_valid_and_describes_every_column(built_report):
    import frictionless

    descriptor = built_report / "data" / "datapackage.json"
    result = frictionless.validate(str(descriptor))
    assert result.valid, [e.message for task in result.tasks for e in task.errors][:5]
    for resource in frictionless.Package(str(descriptor)).resources:
        header = (built_report / "data" / resource.path).read_text(encoding="utf-8")
        columns = header.splitlines()[0].split(",")
        described = [f.name for f in resource.schema.fields if f.description]
        assert described == columns, resource.name


def test_an_undescribed_column_is_refused(tmp_path, monkeypatch):
    from helpers import datapackage

    table = tmp_path / "sources.csv"
    table.write_text("source_id,mystery\nx,1\n", encoding="utf-8")
    spec = datapackage.TABLES["sources"]
    monkeypatch.setitem(datapackage.TABLES, "sources", (table, *spec[1:]))
    with pytest.raises(KeyError, match=r"sources\.csv: column 'mystery'"):
        datapackage.package()


def test_citation_file_is_valid_cff(tmp_path):
    """Checked by cffconvert, the Citation File Format's own validator, run by uv in an
    environment of its own (its dependencies conflict with Jupyter's)."""
    uv = Path(sys.executable).parent / "uv"
    if not uv.exists():
        pytest.skip("uv is not installed in this environment (make setup installs it)")
    done = subprocess.run(
        [str(uv), "tool", "run", "--quiet", "--from", "cffconvert==2.0.0", "cffconvert",
         "--validate", "-i", str(paths.ROOT / "CITATION.cff")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "valid" in done.stdout


def test_cite_page_gives_the_bibtex_of_the_citation_file(built_report):
    text = (built_report / "cite.html").read_text(encoding="utf-8")
    plain = re.sub(r"<[^>]+>", "", text).replace("&quot;", '"').replace("&#39;", "'")
    first_line = citation.bibtex().splitlines()[0]
    assert first_line in plain
    assert citation.load()["title"] in plain.replace("&#8217;", "'").replace("’", "'")


def test_gallery_shows_only_chapter_figures():
    numbers = report_pages.figure_numbers(report.chapters())
    assert not [n for n in numbers if n.startswith("05-")]
    assert pd.Series(list(numbers.values())).is_unique


# --- in the browser ---------------------------------------------------------------------

def _watch(page, events: list[str]) -> None:
    page.on("console", lambda m: m.type == "error" and events.append(f"console: {m.text}"))
    page.on("pageerror", lambda err: events.append(f"page error: {err}"))
    page.on("requestfailed", lambda r: events.append(f"failed: {r.url}"))
    page.on("request", lambda r: not r.url.startswith(("file:", "data:", "blob:"))
            and events.append(f"external request: {r.url}"))  # fmt: skip


async def _open_all(chromium_path: str, args: list[str], pages: list[Path],
                    tabs: int = 2) -> dict:  # fmt: skip
    from playwright.async_api import async_playwright

    found: dict[Path, list[str]] = {}
    async with async_playwright() as p:
        chromium = await p.chromium.launch(executable_path=chromium_path, headless=True,
                                           args=args)  # fmt: skip
        context = await chromium.new_context()
        queue: asyncio.Queue = asyncio.Queue()
        for path in pages:
            queue.put_nowait(path)

        async def worker():
            tab = await context.new_page()
            events: list[str] = []
            _watch(tab, events)
            while not queue.empty():
                path = queue.get_nowait()
                events.clear()
                await tab.goto(path.as_uri(), wait_until="load")
                # Pages with sortable tables load DataTables after the load event: wait for it
                # to set them up (or fail), so nothing is left loading when the tab moves on.
                state = await tab.evaluate(
                    "() => new Promise(done => { const sortable = document.querySelector("
                    "'table.p06-sortable, table.p06-datatable'); if (!sortable) return done("
                    "'none'); const t0 = Date.now(); (function wait() { const s = document"
                    ".documentElement.dataset.p06Tables; if (s || Date.now() - t0 > 15000) "
                    "return done(s || 'timeout'); setTimeout(wait, 50); })(); })"
                )
                if state not in ("none", "ready"):
                    events.append(f"sortable tables not set up: {state}")
                broken = await tab.evaluate(
                    "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
                    ".map(i => i.getAttribute('src'))"
                )
                found[path] = [*events, *(f"image not decoded: {src}" for src in broken)]
            await tab.close()

        await asyncio.gather(*(worker() for _ in range(tabs)))
        await chromium.close()
    return found


#: For the pages opened only to see what they load and log: each frame is composited on the
#: page's own thread instead of being handed to others, about a seventh less of the browser's
#: work without a GPU. Chromium then takes no screenshots, so the other browser tests keep the
#: default.
ONE_THREAD = ["--disable-threaded-compositing", "--disable-threaded-animation",
              "--disable-threaded-scrolling"]  # fmt: skip


@pytest.mark.browser
def test_every_page_opens_cleanly(built_report, chromium_path, chromium_args):
    # In a thread of its own: the synchronous browser fixture may run an event loop in this one.
    run = _open_all(chromium_path, [*chromium_args, *ONE_THREAD], _pages(built_report))
    with ThreadPoolExecutor(1) as pool:
        found = pool.submit(asyncio.run, run).result()
    assert len(found) == len(_pages(built_report))
    problems = [f"{p.relative_to(built_report)}: {e}" for p, events in found.items()
                for e in events]  # fmt: skip
    assert not problems, problems[:20]


#: (query typed, page expected first): five provinces with and without diacritics.
SEARCHES = [
    ("Hai Duong", "provinces/hai-duong.html"),
    ("Hải Dương", "provinces/hai-duong.html"),
    ("Can Tho", "provinces/can-tho.html"),
    ("Cần Thơ", "provinces/can-tho.html"),
    ("Dak Lak", "provinces/dak-lak.html"),
    ("Đắk Lắk", "provinces/dak-lak.html"),
    ("Ba Ria Vung Tau", "provinces/ba-ria-vung-tau.html"),
    ("Bà Rịa - Vũng Tàu", "provinces/ba-ria-vung-tau.html"),
    ("Thua Thien Hue", "provinces/thua-thien-hue.html"),
    ("Thừa Thiên Huế", "provinces/thua-thien-hue.html"),
]


@pytest.fixture(scope="module")
def browser(chromium_path, chromium_args):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path, headless=True,
                                     args=chromium_args)  # fmt: skip
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def tab(browser):
    """One tab at desktop width for the tests that search and filter: a tab of its own for each
    would start a renderer process each."""
    page = browser.new_page(viewport={"width": DESKTOP, "height": 900})
    yield page
    page.close()


def _search(tab, site: Path, query: str):
    """``tab`` on the search page after a query, as the search box leaves it
    (``search.html?q=…``)."""
    tab.goto(f"{(site / 'search.html').as_uri()}?q={quote_plus(query)}", wait_until="load")
    tab.wait_for_selector("#search-results ul.search li a", timeout=20_000)
    return tab


@pytest.mark.browser
@pytest.mark.parametrize("query, expected", SEARCHES)
def test_search_finds_the_province_first(built_report, tab, query, expected):
    first = _search(tab, built_report, query).locator("#search-results ul.search li a").first
    assert first.get_attribute("href").split("?")[0].split("#")[0].endswith(expected)


@pytest.mark.browser
def test_data_page_filters_by_province_indicator_and_year(built_report, tab):
    tab.goto((built_report / "data.html").as_uri(), wait_until="load")
    tab.wait_for_selector("table.p06-datatable[data-ready='true']", timeout=20_000)
    count = tab.locator("form.p06-filters .p06-count")
    total = count.inner_text()
    tab.select_option("form.p06-filters select[data-column='0']", "Hai Duong")
    assert count.inner_text() != total
    provinces = tab.locator("table.p06-datatable tbody tr td:first-child").all_inner_texts()
    assert provinces and set(provinces) == {"Hai Duong"}
    tab.select_option("form.p06-filters select[data-column='3']", "2024")
    years = tab.locator("table.p06-datatable tbody tr td:nth-child(4)").all_inner_texts()
    assert years and set(years) == {"2024"}
    tab.select_option("form.p06-filters select[data-column='0']", "")
    tab.select_option("form.p06-filters select[data-column='3']", "")
    assert count.inner_text() == total


#: Pages opened at phone width (each checked for sideways scrolling), pages checked by axe-core
#: at desktop width, and the views left as screenshots at both widths. Each page is opened once
#: per width (:func:`visits`) and everything recorded on that visit.
PHONE_PAGES = ["index.html", "chapters/03-provincial-progress.html",
               "chapters/04-adoption-models.html", "provinces/hai-duong.html", "data.html"]
AXE_PAGES = ["index.html", "chapters/04-adoption-models.html", "provinces/hai-duong.html",
             "provinces/unit-hai-phong.html", "data.html"]
SHOT_VIEWS = {"index": "index.html", "chapter": "chapters/04-adoption-models.html",
              "province": "provinces/hai-duong.html", "data": "data.html"}
# The WCAG 2.0 and 2.1 rules (levels A and AA), which carry the serious and critical impacts;
# axe's best-practice rules are left out. Only violations are reported in detail (axe's own
# option to skip listing what passed), which does not change which rules run.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}  # fmt: skip


@pytest.fixture(scope="module")
def visits(built_report, browser) -> dict[str, dict]:
    """Open each page of :data:`PHONE_PAGES` at phone width and of :data:`AXE_PAGES` at desktop
    width, once: record the page's width (``wide``), axe-core's violations (``axe``), and write
    the screenshots of :data:`SHOT_VIEWS` and of a search, at both widths."""
    from axe_playwright_python.sync_playwright import Axe

    shutil.rmtree(SHOTS, ignore_errors=True)  # no screenshot left from an earlier run
    SHOTS.mkdir(parents=True)
    shot = {path: name for name, path in SHOT_VIEWS.items()}
    found: dict[str, dict] = {"wide": {}, "axe": {}}
    for width, height, pages in ((PHONE, 844, PHONE_PAGES), (DESKTOP, 900, AXE_PAGES)):
        suffix = "desktop" if width == DESKTOP else "phone"
        page = browser.new_page(viewport={"width": width, "height": height})
        for path in pages:
            page.goto((built_report / path).as_uri(), wait_until="load")
            if path in shot:
                page.screenshot(path=str(SHOTS / f"{shot[path]}-{suffix}.png"))
            if width == PHONE:
                found["wide"][path] = page.evaluate("document.documentElement.scrollWidth")
            else:
                found["axe"][path] = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        _search(page, built_report, "Hải Dương")
        page.screenshot(path=str(SHOTS / f"search-{suffix}.png"))
        page.close()
    return found


@pytest.mark.browser
@pytest.mark.parametrize("path", PHONE_PAGES)
def test_no_sideways_scroll_at_phone_width(visits, path):
    wide = visits["wide"][path]
    assert wide <= PHONE, f"{path} is {wide} px wide at {PHONE} px"


@pytest.mark.browser
@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_serious_accessibility_violation(visits, path):
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][0]['target']}"
               for v in visits["axe"][path] if v["impact"] in ("serious", "critical")]  # fmt: skip
    assert not serious, serious


@pytest.mark.browser
def test_screenshots_at_desktop_and_phone_width(visits):
    for suffix in ("desktop", "phone"):
        for name in (*SHOT_VIEWS, "search"):
            assert (SHOTS / f"{name}-{suffix}.png").stat().st_size > 10_000, f"{name}-{suffix}"
