"""The generated pages: one per province and per 2025 unit, written for readers."""

import re

import pandas as pd
import pytest

from helpers import dataset, formatting, pages, provinces


@pytest.fixture(scope="module")
def obs():
    return dataset.load_observations()


@pytest.fixture(scope="module")
def table(obs):
    return pages.facts(obs)


def test_facts_cover_all_63_provinces_and_count_their_figures(obs, table):
    assert list(table.index) == list(provinces.table().index)
    hai_duong = obs[obs["province_code"].eq("30") & obs["geography"].eq("pre2025")]
    counted = hai_duong[~hai_duong["indicator"].isin(["dti_rank", "dti_score", "other"])]
    assert table.loc["30", "figures"] == len(counted)


def test_province_title_is_vietnamese_then_english(obs, table):
    page = pages.province_page(obs, "79", table=table)
    assert page.title == "Hồ Chí Minh (Ho Chi Minh City)" or page.title.endswith(
        "(Ho Chi Minh City)"
    )
    assert page.markdown.startswith(f"# {page.title}\n")


def test_page_has_no_notebook_vocabulary(obs, table):
    text = pages.province_page(obs, "30", table=table).markdown.lower()
    for word in ("parameter", "notebook", "papermill", "out[", "in ["):
        assert word not in text, word


def test_summary_names_latest_online_share_with_its_date(obs, table):
    row = table.loc["30"]
    text = pages.summary_text(row)
    assert formatting.percent(row["online_rate"]) in text
    assert formatting.period_label(row["online_as_of"]) in text
    assert "Hai Phong" in text  # the 2025 unit


def test_province_without_figures_says_so(table):
    empty = table[table["figures"].eq(0)]
    if empty.empty:
        pytest.skip("every province has a Project 06 figure")
    text = pages.summary_text(empty.iloc[0])
    assert text.startswith("No Project 06 figure")


def test_figures_table_has_one_row_per_figure_and_links_its_sources(obs):
    table = pages.figures_table(obs, "30")
    assert table.index.equals(pd.RangeIndex(len(table)))
    assert table["URL"].ne("").sum() > 0  # the page links these sources
    markdown = pages.province_page(obs, "30").markdown
    assert "<th>Date described</th>" in markdown and "<th>URL</th>" not in markdown
    assert markdown.count('<a href="https://baohaiduong.vn/') >= 1


def test_unit_page_gathers_its_former_provinces(obs, table):
    page = pages.unit_page(obs, "Hai Phong", table)
    links = re.findall(r'href="([^"]+)"', page.markdown)
    assert sorted(links) == ["hai-duong.html", "hai-phong.html"]


def test_write_pages_writes_provinces_their_units_and_charts(tmp_path):
    # Hai Duong and Hai Phong form one unit; Can Tho's unit has three provinces. The whole set
    # (63 and 34) is written and opened by the site test.
    written = pages.write_pages(tmp_path, workers=1, codes=["30", "31", "92"])
    assert [p.file for p in written["provinces"]] == ["hai-duong.md", "hai-phong.md", "can-tho.md"]
    assert sorted(p.file for p in written["units"]) == ["unit-can-tho.md", "unit-hai-phong.md"]
    assert len(list(tmp_path.glob("*.md"))) == 5
    charts = {p.stem for p in (tmp_path / "figures").glob("*.svg")}
    assert charts == {name for page in written["provinces"] for name in page.figures}
    assert "05-profile-hai-duong" in charts
    assert not list((tmp_path / "figures").glob("*.png"))  # pages show the SVG only


def test_province_page_shows_where_the_model_places_it(obs, table):
    from helpers import provincial

    est = provincial.estimates(obs)
    with_reports = pages.province_page(obs, "30", table=table,
                                       estimates=est[est["province_code"].eq("30")])  # fmt: skip
    assert "## Where the provincial model places it" in with_reports.markdown
    assert "of the province's own reports" in with_reports.markdown
    without = est[est["n_reported"].eq(0)]["province_code"].iloc[0]
    page = pages.province_page(obs, without, table=table,
                               estimates=est[est["province_code"].eq(without)])  # fmt: skip
    assert "no report of its own" in page.markdown


def test_heading_opens_the_page_with_names_region_unit_and_summary(obs, table):
    from helpers.profile import build_profile

    profile = build_profile(obs, "30")
    page = pages.province_page(obs, "30", table=table).markdown
    text = pages.heading(profile, table.loc["30"])
    assert page.startswith(text + "\n")  # the page and the profile notebook open alike
    assert pages.heading(profile, table.loc["30"], level=2) == "#" + text
    assert "*Red River Delta. Unit of 2025: Hai Phong.*" in text
    assert pages.summary_text(table.loc["30"]) in text


def test_share_chart_data_has_one_row_per_share_the_chart_draws(obs):
    from helpers.profile import build_profile

    profile = build_profile(obs, "30")
    chart = pages.share_chart(profile)
    shares = profile.shares()
    data = chart.data
    assert len(data) == len(shares) > 0
    assert sorted(data["Share (%)"]) == sorted(shares["rate"].round(4))
    # by indicator, then by the date each share describes
    keys = list(zip(data["Indicator"], data["Date plotted"], strict=True))
    assert keys == sorted(keys)
    assert chart.data_date == (
        f"{shares['as_of_end'].min():%Y-%m} to {shares['as_of_end'].max():%Y-%m}"
    )
    fig = chart.draw()
    drawn = sum(len(c.get_offsets()) for c in fig.axes[0].collections)
    assert drawn == len(data)


def test_a_province_without_shares_gets_a_dated_note_instead(obs):
    from helpers.profile import build_profile

    for code in provinces.table().index:
        profile = build_profile(obs, code)
        if profile.shares().empty:
            chart = pages.share_chart(profile)
            assert chart.data.empty and chart.data_date == "no share reported"
            assert chart.alt.startswith("An empty chart")
            assert f"{chart.name}" not in pages.province_page(obs, code).figures
            return
    pytest.skip("every province reported a share")


def test_figures_table_is_shown_without_its_url_column(obs):
    shown = pages.FIGURES_SHOWN["columns"]
    table = pages.figures_table(obs, "30")
    assert list(shown) == [c for c in table.columns if c != "URL"]
    assert pages.FIGURES_SHOWN["links"] == {"Source": "URL"}


def test_figures_table_names_audit_flags_in_words(obs):
    table = pages.figures_table(obs, "30")
    raised = obs[obs["province_code"].eq("30") & obs["flag_date_inferred"]]
    assert len(raised) and table["Flags"].str.contains("Date inferred").sum() > 0
    assert not table["Flags"].str.contains("_").any()  # no code names such as date_inferred


def test_summary_counts_in_words_and_names_one_month_once():
    table = pages.facts(dataset.load_observations())
    row = table.iloc[0].copy()
    row["figures"], row["sources"] = 1, 1
    row["first"], row["last"] = pd.Timestamp("2023-05-10"), pd.Timestamp("2023-05-12")
    text = pages.summary_text(row)
    assert "holds 1 Project 06 figure on" in text
    assert "from 1 source, dated May 2023." in text
