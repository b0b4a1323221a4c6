"""How to cite the repository, from ``CITATION.cff`` (the one place its metadata is kept).

Example:
    >>> cff = load()
    >>> cff["cff-version"], bibtex(cff).startswith("@misc{project06")
    ('1.2.0', True)
"""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import paths

CFF = paths.ROOT / "CITATION.cff"


def load(path: Path = CFF) -> dict:
    """The citation metadata as a dictionary (dates kept as written).

    Example:
        >>> isinstance(load()["authors"], list)
        True
    """
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    if not isinstance(data, dict) or "title" not in data:
        raise ValueError(f"{path}: not a citation file with a title")
    return data


def short_title(cff: dict) -> str:
    """The title up to its colon, for headings and the browser tab.

    Example:
        >>> short_title({"title": "Project 06: a dataset"})
        'Project 06'
    """
    return cff["title"].split(":")[0].strip()


def subtitle(cff: dict) -> str:
    """The title after its colon, as a sentence ("" when there is none).

    Example:
        >>> subtitle({"title": "Project 06: a dataset"}), subtitle({"title": "Project 06"})
        ('A dataset', '')
    """
    rest = cff["title"].split(":", 1)[1].strip() if ":" in cff["title"] else ""
    return rest[:1].upper() + rest[1:]


def author_names(cff: dict) -> str:
    """Authors as one string: persons as "Given Family", entities by name, joined by "and".

    Example:
        >>> author_names({"authors": [{"given-names": "An", "family-names": "Le"},
        ...                           {"name": "GSO"}]})
        'An Le and GSO'
    """
    names = []
    for author in cff["authors"]:
        if "name" in author:
            names.append(author["name"])
        else:
            names.append(f"{author.get('given-names', '')} {author['family-names']}".strip())
    return " and ".join(names)


def bibtex(cff: dict | None = None) -> str:
    """A BibTeX entry for the repository.

    Example:
        >>> print(bibtex({"title": "T", "authors": [{"name": "Team"}], "version": "1.0",
        ...               "date-released": "2026-12-01", "license": "MIT"}))
        @misc{project06_2026,
          title = {T},
          author = {{Team}},
          year = {2026},
          version = {1.0},
          note = {Dataset and code, version 1.0, released 2026-12-01; licence MIT}
        }
    """
    cff = load() if cff is None else cff
    year = cff["date-released"][:4]
    authors = " and ".join(
        f"{{{a['name']}}}" if "name" in a else f"{a['family-names']}, {a.get('given-names', '')}"
        for a in cff["authors"]
    )
    fields = {
        "title": cff["title"],
        "author": authors,
        "year": year,
        "version": cff["version"],
        "note": f"Dataset and code, version {cff['version']}, released {cff['date-released']}; "
        f"licence {cff['license']}",
    }
    if cff.get("url"):
        fields["url"] = cff["url"]
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@misc{{project06_{year},\n{body}\n}}"
