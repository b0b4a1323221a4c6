"""The 63 provinces (before July 2025), their names, aliases, regions and 2025 units.

``resolve`` turns any common spelling into the official two-digit code: with or without
diacritics, with "TP."/"Tinh"/"Province"/"City" around it, or an alias such as "HCMC" or "Hue".
National figures use the pseudo-province ``Vietnam`` (code ``VN``).

Example:
    >>> resolve("Hải Dương"), resolve("Hai Duong"), resolve("TP. Hồ Chí Minh"), resolve("HCMC")
    ('30', '30', '79', '79')
    >>> name("46"), unit_2025("30")
    ('Thua Thien Hue', 'Hai Phong')
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pandas as pd

from helpers import paths

NATIONAL_CODE = "VN"
NATIONAL_NAME = "Vietnam"

_PREFIXES = (
    "thanh pho truc thuoc trung uong",
    "thanh pho",
    "tinh",
    "tp",
    "province of",
    "city of",
)
_SUFFIXES = ("province", "city", "municipality")


def normalize(text: str) -> str:
    """Lower-case ASCII form of a place name, without diacritics, punctuation or titles.

    Example:
        >>> normalize("TP. Hồ Chí Minh"), normalize("Thừa Thiên - Huế"), normalize("Đắk Lắk")
        ('ho chi minh', 'thua thien hue', 'dak lak')
    """
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix + " "):
                text, changed = text[len(prefix) + 1 :], True
        for suffix in _SUFFIXES:
            if text.endswith(" " + suffix):
                text, changed = text[: -len(suffix) - 1], True
    return text


@cache
def table() -> pd.DataFrame:
    """The reference table ``data/reference/provinces.csv`` (63 rows, indexed by ``code``).

    Example:
        >>> len(table()), table().loc["01", "name_en"]
        (63, 'Ha Noi')
    """
    df = pd.read_csv(paths.REFERENCE / "provinces.csv", dtype=str, keep_default_na=False)
    if df["code"].duplicated().any():
        raise ValueError(f"duplicate province codes in {paths.REFERENCE / 'provinces.csv'}")
    return df.set_index("code")


@cache
def tile_grid() -> pd.DataFrame:
    """Tile-map layout of the 63 provinces (``label``, ``col``, ``row``; row 0 is the north).

    Example:
        >>> tile_grid().loc["01"].to_dict()
        {'label': 'HNI', 'col': 3, 'row': 3}
    """
    df = pd.read_csv(paths.REFERENCE / "tile_grid.csv", dtype={"code": str})
    return df.set_index("code")


@cache
def _lookup() -> dict[str, str]:
    index: dict[str, str] = {}

    def add(key: str, code: str) -> None:
        key = normalize(key)
        if not key:
            return
        if index.get(key, code) != code:
            raise ValueError(f"alias {key!r} is ambiguous: {index[key]} and {code}")
        index[key] = code

    for code, row in table().iterrows():
        add(row["name_en"], code)
        add(row["name_vi"], code)
        add(code, code)
        for alias in filter(None, (a.strip() for a in row["aliases"].split(";"))):
            add(alias, code)
    national = (NATIONAL_NAME, "Viet Nam", "Việt Nam", "national", "nationwide", "VN", "cả nước",
                "toàn quốc")  # fmt: skip
    for alias in national:
        index[normalize(alias)] = NATIONAL_CODE
    return index


def resolve(name: str) -> str:
    """Official code of a province (``'VN'`` for Vietnam as a whole).

    Raises:
        KeyError: naming the text when it matches no province or alias.

    Example:
        >>> resolve("Thua Thien Hue") == resolve("Hue") == resolve("Huế") == "46"
        True
    """
    code = _lookup().get(normalize(str(name)))
    if code is None:
        raise KeyError(f"unknown province: {name!r}")
    return code


def try_resolve(name: str) -> str | None:
    """Like :func:`resolve` but returns ``None`` for an unknown name.

    Example:
        >>> try_resolve("Atlantis") is None
        True
    """
    try:
        return resolve(name)
    except KeyError:
        return None


def name(code: str) -> str:
    """ASCII English name of a province code (``'Vietnam'`` for ``'VN'``).

    Example:
        >>> name("79")
        'Ho Chi Minh City'
    """
    if code == NATIONAL_CODE:
        return NATIONAL_NAME
    return table().loc[code, "name_en"]


def unit_2025(code: str) -> str:
    """The unit (of 34) a pre-2025 province belongs to after Resolution 202/2025/QH15.

    Example:
        >>> unit_2025("34"), unit_2025("01")
        ('Hung Yen', 'Ha Noi')
    """
    return table().loc[code, "unit_2025"]


def units_2025() -> list[str]:
    """The 34 provincial-level units in force from 1 July 2025, sorted by name.

    Example:
        >>> len(units_2025())
        34
    """
    return sorted(table()["unit_2025"].unique())


@cache
def _unit_lookup() -> dict[str, str]:
    index: dict[str, str] = {}
    for unit, group in table().groupby("unit_2025"):
        index[normalize(unit)] = unit
        index[normalize(group["unit_2025_vi"].iloc[0])] = unit
    index[normalize("Thua Thien Hue")] = "Hue"
    index[normalize("HCMC")] = "Ho Chi Minh City"
    index[normalize("Hanoi")] = "Ha Noi"
    return index


def resolve_unit_2025(name: str) -> str:
    """Canonical name of one of the 34 post-July-2025 units.

    Raises:
        KeyError: naming the text when it is not one of the 34 units.

    Example:
        >>> resolve_unit_2025("TP. Hồ Chí Minh"), resolve_unit_2025("Huế")
        ('Ho Chi Minh City', 'Hue')
    """
    unit = _unit_lookup().get(normalize(str(name)))
    if unit is None:
        raise KeyError(f"unknown post-2025 unit: {name!r}")
    return unit


def members_2025(unit: str) -> list[str]:
    """Codes of the pre-2025 provinces merged into ``unit``.

    Example:
        >>> [name(c) for c in members_2025("Hai Phong")]
        ['Hai Duong', 'Hai Phong']
    """
    unit = resolve_unit_2025(unit)
    return sorted(table().index[table()["unit_2025"] == unit])
