"""Province names in every spelling the sources use resolve to one official code."""

import pytest

from helpers import provinces


@pytest.mark.parametrize(
    "text, code",
    [
        ("Hải Dương", "30"),
        ("Hai Duong", "30"),
        ("hai duong province", "30"),
        ("HCMC", "79"),
        ("Ho Chi Minh City", "79"),
        ("TP. Hồ Chí Minh", "79"),
        ("TP.HCM", "79"),
        ("Thua Thien Hue", "46"),
        ("Hue", "46"),
        ("Thừa Thiên - Huế", "46"),
        ("Hà Nội", "01"),
        ("Hanoi", "01"),
        ("Đắk Lắk", "66"),
        ("Dak Lak", "66"),
        ("Bà Rịa - Vũng Tàu", "77"),
        ("Ba Ria-Vung Tau", "77"),
        ("Hoà Bình", "17"),
        ("Hòa Bình", "17"),
        ("Vietnam", "VN"),
        ("Việt Nam", "VN"),
        ("cả nước", "VN"),
        ("toàn quốc", "VN"),
    ],
)
def test_spellings_resolve(text, code):
    assert provinces.resolve(text) == code


@pytest.mark.parametrize("text", ["Atlantis", "", "Hai", "Duong"])
def test_unknown_names_raise_with_the_text(text):
    with pytest.raises(KeyError, match="unknown province"):
        provinces.resolve(text)


def test_reference_table_is_complete():
    table = provinces.table()
    assert len(table) == 63
    assert table["name_vi"].is_unique and table["name_en"].is_unique
    assert set(table["region"]) == {
        "Red River Delta",
        "Northern Midlands and Mountains",
        "North Central and Central Coast",
        "Central Highlands",
        "Southeast",
        "Mekong River Delta",
    }


def test_the_2025_crosswalk_has_34_units_each_named_after_a_member():
    units = provinces.units_2025()
    assert len(units) == 34
    for unit in units:
        members = [provinces.name(c) for c in provinces.members_2025(unit)]
        assert 1 <= len(members) <= 3
        assert unit in members or unit == "Hue"


@pytest.mark.parametrize(
    "unit, members",
    [
        ("Hai Phong", {"Hai Phong", "Hai Duong"}),
        ("Ho Chi Minh City", {"Ho Chi Minh City", "Binh Duong", "Ba Ria - Vung Tau"}),
        ("Ninh Binh", {"Ninh Binh", "Ha Nam", "Nam Dinh"}),
        ("Hung Yen", {"Hung Yen", "Thai Binh"}),
        ("Hue", {"Thua Thien Hue"}),
    ],
)
def test_merger_members(unit, members):
    assert {provinces.name(c) for c in provinces.members_2025(unit)} == members


def test_post_2025_units_resolve_in_both_languages():
    assert provinces.resolve_unit_2025("Tây Ninh") == "Tay Ninh"
    with pytest.raises(KeyError, match="post-2025 unit"):
        provinces.resolve_unit_2025("Binh Duong")


def test_tile_grid_places_every_province_once():
    grid = provinces.tile_grid()
    assert sorted(grid.index) == sorted(provinces.table().index)
    assert not grid.duplicated(["col", "row"]).any(), "two provinces share a tile"
    assert grid["label"].is_unique


def test_tile_grid_runs_north_to_south():
    grid = provinces.tile_grid()
    assert grid.loc["10", "row"] < grid.loc["01", "row"] < grid.loc["48", "row"]
    assert grid.loc["48", "row"] < grid.loc["79", "row"] < grid.loc["96", "row"]
