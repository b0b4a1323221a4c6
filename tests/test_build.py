"""The processed data is a deterministic function of the raw data, and nothing is lost."""

import io

import pandas as pd
import pytest

from helpers import build, dataset, validate


@pytest.fixture(scope="module")
def fresh():
    """One build of the committed raw data, read by the tests below (none changes it)."""
    return build.build()


def test_committed_processed_files_match_a_fresh_build(fresh):
    for path, text in build.outputs(fresh).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: make build-data"


def test_build_is_deterministic(fresh):
    assert build.outputs(build.build()) == build.outputs(fresh)


def test_every_raw_row_is_an_observation_or_a_reject(fresh):
    result = fresh
    raw = pd.read_csv(dataset.FIGURES, dtype=str, keep_default_na=False)
    observed = set(result.observations["figure_id"])
    rejected = set(result.rejects["figure_id"])
    assert observed.isdisjoint(rejected)
    assert observed | rejected == set(raw["figure_id"])
    assert len(result.observations) + len(rejected) == len(raw)


def test_the_committed_data_tree_is_valid():
    assert validate.validate() == []


def test_observations_carry_their_source():
    obs = dataset.load_observations()
    sources = dataset.load_sources().set_index("source_id")
    # A seed report whose web page was not located carries its seed file instead of a URL.
    assert (obs["source_url"].str.startswith("http") | obs["seed_file"].ne("")).all()
    assert (obs["source_url"] == sources.loc[obs["source_id"], "url"].to_numpy()).all()
    assert obs["published"].notna().all()


def test_national_figures_are_province_vietnam():
    obs = dataset.load_observations()
    national = obs[obs["province_code"] == "VN"]
    assert len(national) > 0
    assert (national["province"] == "Vietnam").all()


def test_every_committed_figure_still_reads_to_the_same_numbers(fresh):
    """The parser may learn new phrases; the figures already in the dataset must not move."""
    columns = ["value", "upper", "denominator", "percent_stated", "unit", "qualifier", "measure"]
    committed = pd.read_csv(dataset.OBSERVATIONS, dtype=str, keep_default_na=False)
    fresh = pd.read_csv(
        io.StringIO(build.to_csv(fresh.observations)), dtype=str, keep_default_na=False
    )
    assert fresh["figure_id"].tolist() == committed["figure_id"].tolist()
    merged = committed.merge(fresh, on="figure_id", suffixes=("_committed", "_fresh"))
    for column in columns:
        moved = merged[merged[f"{column}_committed"] != merged[f"{column}_fresh"]]
        assert moved.empty, moved[["figure_id", "stated_committed", f"{column}_committed",
                                   f"{column}_fresh"]].to_string()  # fmt: skip
