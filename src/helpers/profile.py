"""One province's Project 06 story: its names, region, 2025 unit and figures.

The generated province pages (:mod:`helpers.pages`) and the researcher's parameterised profile
notebook (05) are both built from it.

Example:
    >>> from helpers import dataset
    >>> p = build_profile(dataset.load_observations(), "Hai Duong")
    >>> p.code, p.slug, p.title
    ('30', 'hai-duong', 'Hải Dương (Hai Duong)')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from helpers import provinces, summary


def slug(text: str) -> str:
    """A file-name form of a name: ASCII, lower case, hyphens.

    Example:
        >>> slug("Bà Rịa - Vũng Tàu"), slug("Ho Chi Minh City")
        ('ba-ria-vung-tau', 'ho-chi-minh-city')
    """
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Profile:
    """What the dataset holds about one province."""

    code: str
    name: str
    name_vi: str
    region: str
    unit_2025: str
    observations: pd.DataFrame

    @property
    def title(self) -> str:
        """The name in Vietnamese, then in English: "Hải Dương (Hai Duong)"."""
        return f"{self.name_vi} ({self.name})"

    @property
    def slug(self) -> str:
        """The province's name as used in file names ("hai-duong")."""
        return slug(self.name)

    def shares(self) -> pd.DataFrame:
        """The province's Project 06 figures that are shares, for the timeline chart."""
        rows = summary.project06(self.observations)
        return rows[rows["rate"].notna() & rows["measure"].eq("level")]


def build_profile(obs: pd.DataFrame, province: str) -> Profile:
    """Gather a province's figures (any spelling of its name is accepted).

    Raises:
        KeyError: naming the province when it is not one of the 63.

    Example:
        >>> from helpers import dataset
        >>> build_profile(dataset.load_observations(), "Hải Dương").unit_2025
        'Hai Phong'
    """
    code = provinces.resolve(province)
    if code == provinces.NATIONAL_CODE:
        raise KeyError(f"{province!r} is the nation, not a province")
    info = provinces.table().loc[code]
    mine = obs[obs["province_code"].eq(code)].sort_values(["as_of_end", "indicator", "figure_id"])
    return Profile(code, info["name_en"], info["name_vi"], info["region"], info["unit_2025"],
                   mine.reset_index(drop=True))  # fmt: skip

