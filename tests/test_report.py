"""The rendered report's files: every page there, links that resolve, nothing from the network,
reader-friendly chapters and pages, numbered figures with their data, a valid data package and
citation file.
"""

import functools
import html.parser
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd
import pytest

from helpers import citation, dataset, paths, report, report_pages

pytestmark = [pytest.mark.slow, pytest.mark.report]


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
