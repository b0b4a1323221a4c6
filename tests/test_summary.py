"""The dataset's front-page numbers are computed from the observations, not typed in."""

import pandas as pd
import pytest

from helpers import audit, dataset, figures, provinces, summary


def _obs():
    return dataset.load_observations()


def test_project06_keeps_only_provincial_progress_figures():
    kept = summary.project06(_obs())
    assert kept["geography"].eq("pre2025").all()
    assert kept["province_code"].ne(provinces.NATIONAL_CODE).all()
    assert not kept["indicator"].isin(summary.CONTEXT_INDICATORS).any()


def test_coverage_counts_add_up_to_the_provincial_observations():
    obs = _obs()
    table = summary.coverage(obs)
    assert table.shape[0] == 63
    assert table.to_numpy().sum() == len(summary.project06(obs))


def test_headline_counts_match_the_tables():
    obs, sources = _obs(), dataset.load_sources()
    counts = summary.headline(obs, sources)
    assert counts["figures"] == len(obs)
    assert counts["sources"] == len(sources)
    covered = (summary.coverage(obs).sum(axis=1) > 0).sum()
    assert counts["provinces with a Project 06 figure"] == covered
    assert counts["DTI 2022 ranks (of 63)"] == 63


def test_national_points_count_distinct_dates_within_the_years():
    obs = _obs()
    table = summary.national_points(obs, start=2021, end=2025).set_index("series")
    assert (table["dated points"] <= table["observations"]).all()
    assert pd.Timestamp(table.loc["e-ID accounts", "last"]).year <= 2025


def test_a_dated_point_is_a_distinct_period_end():
    ends = ["2023-09-30", "2023-09-30", "2023-10-31", "2020-12-31", "2023-11-30"]
    obs = pd.DataFrame({
        "province_code": [provinces.NATIONAL_CODE] * 4 + ["HD"],
        "indicator": ["essential_services_online"] * 5,
        "as_of": ["2023-09", "2023-01/2023-09", "2023-10", "2020", "2023-11"],
        "as_of_end": pd.to_datetime(ends),
    })  # fmt: skip
    table = summary.national_points(obs).set_index("series")
    row = table.loc["essential public services"]
    # one period end shared by two phrasings, one other date, one out of range, one provincial
    assert (row["observations"], row["dated points"]) == (3, 2)
    assert table.loc["e-ID accounts", "dated points"] == 0


def test_national_figures_list_what_the_points_count():
    obs = _obs()
    points = summary.national_points(obs).set_index("series")
    for series in summary.NATIONAL_SERIES:
        table = summary.national_figures(obs, series)
        assert len(table) == points.loc[series, "observations"]
        assert table["date"].nunique() == points.loc[series, "dated points"]
        assert table["date"].is_monotonic_increasing
    with pytest.raises(KeyError, match="no national series 'rice'"):
        summary.national_figures(obs, "rice")


def test_national_dates_are_the_dated_points_drawn():
    obs = _obs()
    points = summary.national_points(obs).set_index("series")
    dates = summary.national_dates(obs)
    assert dates.groupby("Series").size().to_dict() == points["dated points"].to_dict()
    assert dates.groupby("Series")["Figures"].sum().to_dict() == points["observations"].to_dict()


def test_every_national_series_has_twenty_dated_points_in_2021_2025():
    table = summary.national_points(_obs()).set_index("series")
    assert (table["dated points"] >= 20).all(), table


def test_citation_names_the_source_and_the_figure():
    obs = _obs()
    row = obs.iloc[0]
    text = summary.cite(obs, row["figure_id"])
    assert row["stated"] in text and row["figure_id"] in text
    assert (row["source_url"] or row["seed_file"]) in text


def test_every_source_gets_a_scope_label():
    table = summary.source_scopes(_obs(), dataset.load_sources())
    assert table["scope"].notna().all()
    assert set(table["scope"]) <= {"DTI rankings", "national", "post-2025 units", "provinces",
                                   "population statistics", "no figure kept"}  # fmt: skip


def test_figures_have_titles_and_labelled_axes():
    obs = _obs()
    for fig in (
        figures.coverage_heatmap(summary.coverage(obs)),
        figures.sources_timeline(
            summary.publications(summary.source_scopes(obs, dataset.load_sources()))
        ),
    ):
        ax = fig.axes[0]
        assert ax.get_title(loc="left")
        assert ax.get_xlabel() and ax.get_ylabel()


def test_flag_counts_count_each_flag_in_the_audit_order():
    obs = _obs()
    table = summary.flag_counts(obs)
    assert table["Figures flagged"].tolist() == [int(obs[f"flag_{f}"].sum()) for f in audit.FLAGS]
    assert table["Flag"].is_unique and table["What it means"].str.len().gt(10).all()


def test_flag_examples_raise_the_flag_they_illustrate():
    obs = _obs()
    examples = summary.flag_examples(obs)
    names = {label: flag for flag, label in summary.FLAG_NAMES.items()}
    raised = [f for f in audit.FLAGS if obs[f"flag_{f}"].any()]
    assert [names[label] for label in examples["flag"]] == raised
    for row in examples.itertuples():
        match = obs[obs["stated"].eq(row.stated) & obs["province"].eq(row.province)]
        assert match[f"flag_{names[row.flag]}"].any()


def test_coverage_cells_are_the_heat_map_cells():
    obs = _obs()
    table, cells = summary.coverage(obs), summary.coverage_cells(obs)
    assert len(cells) == table.size
    assert cells["Figures"].sum() == len(summary.project06(obs))
    hai_duong = cells[cells["Province"].eq("Hai Duong")].set_index("Indicator group")["Figures"]
    assert hai_duong.to_dict() == table.loc["Hai Duong"].to_dict()


def test_publications_count_each_source_once_in_its_half_year():
    scoped = pd.DataFrame({
        "published": ["2023-06-30", "2023-07-01", "2023", "2024-12", "2024-12-31"],
        "scope": ["national", "national", "provinces", "national", "national"],
    })  # fmt: skip
    table = summary.publications(scoped)
    # June is in the first half, July in the second; a bare year counts from 1 January
    assert table.values.tolist() == [
        ["2023 H1", "provinces", 1], ["2023 H1", "national", 1],
        ["2023 H2", "national", 1], ["2024 H2", "national", 2],
    ]  # fmt: skip


def test_the_timeline_keeps_half_years_without_sources():
    counts = pd.DataFrame({"Half-year": ["2019 H1", "2020 H2"], "Sources report on": ["a", "a"],
                           "Sources": [1, 1]})  # fmt: skip
    ax = figures.sources_timeline(counts).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2019 H1", "2019 H2", "2020 H1",
                                                             "2020 H2"]  # fmt: skip


def test_seed_reports_account_for_every_transcribed_figure():
    obs, sources = _obs(), dataset.load_sources()
    table = summary.seed_reports(obs, sources)
    assert table["figures"].sum() == obs["seed_file"].ne("").sum()
    assert table["title"].nunique() == sources["seed_file"].ne("").sum()
    assert table["published"].is_monotonic_increasing


def test_inferred_dates_add_up_to_the_flag():
    obs, sources = _obs(), dataset.load_sources()
    table = summary.inferred_dates(obs, sources).set_index("source gives")
    total = table.loc["all sources"]
    assert total["figures"] == len(obs)
    assert total["inferred"] == obs["flag_date_inferred"].sum()
    parts = table.drop(index="all sources")
    assert parts["figures"].sum() == len(obs) and parts["inferred"].sum() == total["inferred"]
    assert total["share inferred"] == pytest.approx(100 * total["inferred"] / len(obs))


def test_national_dates_chart_counts_dates_in_its_labels():
    dates = pd.DataFrame({"Series": ["a", "a", "b"], "Figures": [1, 2, 1],
                          "Date described": pd.to_datetime(["2022-01-31", "2022-02-28",
                                                            "2023-01-31"])})  # fmt: skip
    labels = [t.get_text() for t in figures.national_dates_chart(dates).axes[0].get_yticklabels()]
    assert labels == ["a (2 dates)", "b (1 date)"]
