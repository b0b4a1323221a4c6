"""The rendered report in headless Chromium (Debian's package, driven by playwright), as readers
open it: from files, with no network.

Search finds a province's page first with or without diacritics; the data page filters; at phone
width (390 px) the pages do not scroll sideways; axe-core finds no serious or critical
accessibility violation. Screenshots at desktop and phone width are left in
``build/screenshots/``. That every page opens cleanly is checked in test_browser_pages.py (a
module of its own, so that xdist runs it beside these).
"""

from pathlib import Path
from urllib.parse import quote_plus

import pytest

from helpers import paths

pytestmark = [pytest.mark.slow, pytest.mark.browser]
DESKTOP, PHONE = 1280, 390
SHOTS = paths.BUILD / "screenshots"
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


def _search(browser, site: Path, query: str, width: int = DESKTOP):
    """The search page after a query, as the search box leaves it (``search.html?q=…``)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{(site / 'search.html').as_uri()}?q={quote_plus(query)}", wait_until="load")
    page.wait_for_selector("#search-results ul.search li a", timeout=20_000)
    return page


def _first_result(browser, site: Path, query: str) -> str:
    page = _search(browser, site, query)
    href = page.locator("#search-results ul.search li a").first.get_attribute("href")
    page.close()
    return href.split("?")[0].split("#")[0]


@pytest.mark.parametrize("query, expected", SEARCHES)
def test_search_finds_the_province_first(built_report, browser, query, expected):
    assert _first_result(browser, built_report, query).endswith(expected)


def test_data_page_filters_by_province_indicator_and_year(built_report, browser):
    page = browser.new_page()
    page.goto((built_report / "data.html").as_uri(), wait_until="load")
    page.wait_for_selector("table.p06-datatable[data-ready='true']", timeout=20_000)
    count = page.locator("form.p06-filters .p06-count")
    total = count.inner_text()
    page.select_option("form.p06-filters select[data-column='0']", "Hai Duong")
    assert count.inner_text() != total
    provinces = page.locator("table.p06-datatable tbody tr td:first-child").all_inner_texts()
    assert provinces and set(provinces) == {"Hai Duong"}
    page.select_option("form.p06-filters select[data-column='3']", "2024")
    years = page.locator("table.p06-datatable tbody tr td:nth-child(4)").all_inner_texts()
    assert years and set(years) == {"2024"}
    page.select_option("form.p06-filters select[data-column='0']", "")
    page.select_option("form.p06-filters select[data-column='3']", "")
    assert count.inner_text() == total
    page.close()


@pytest.mark.parametrize(
    "path", ["index.html", "chapters/03-provincial-progress.html", "provinces/hai-duong.html",
             "data.html"],
)  # fmt: skip
def test_no_sideways_scroll_at_phone_width(built_report, browser, path):
    page = browser.new_page(viewport={"width": PHONE, "height": 844})
    page.goto((built_report / path).as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert wide <= PHONE, f"{path} is {wide} px wide at {PHONE} px"


@pytest.mark.parametrize(
    "path", ["index.html", "chapters/04-adoption-models.html", "provinces/hai-duong.html",
             "provinces/unit-hai-phong.html", "provinces/region-red-river-delta.html",
             "data.html", "cite.html"],
)  # fmt: skip
def test_no_serious_accessibility_violation(built_report, browser, path):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto((built_report / path).as_uri(), wait_until="load")
    violations = Axe().run(page).response["violations"]
    page.close()
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][0]['target']}"
               for v in violations if v["impact"] in ("serious", "critical")]  # fmt: skip
    assert not serious, serious


def test_screenshots_at_desktop_and_phone_width(built_report, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    views = {
        "index": "index.html",
        "chapter": "chapters/04-adoption-models.html",
        "province": "provinces/hai-duong.html",
        "data": "data.html",
    }
    for width in (DESKTOP, PHONE):
        suffix = "desktop" if width == DESKTOP else "phone"
        for name, path in views.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto((built_report / path).as_uri(), wait_until="load")
            page.wait_for_timeout(300)
            page.screenshot(path=str(SHOTS / f"{name}-{suffix}.png"))
            page.close()
        page = _search(browser, built_report, "Hải Dương", width)
        page.screenshot(path=str(SHOTS / f"search-{suffix}.png"))
        page.close()
    assert len(list(SHOTS.glob("*-desktop.png"))) >= 5 and len(list(SHOTS.glob("*-phone.png"))) >= 5
