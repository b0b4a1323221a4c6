"""requirements.txt is the single source of versions; environment.yml must agree with it."""

import re

import pytest
import yaml

from helpers import paths

REQ = paths.ROOT / "requirements.txt"
ENV = paths.ROOT / "environment.yml"


def requirements() -> dict[str, str]:
    pins = {}
    for line in REQ.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)==([\w.\-+]+)", line)
        assert match, f"requirements.txt: {line!r} is not an exact pin (name==version)"
        pins[match[1].lower().replace("_", "-")] = match[2]
    return pins


def test_every_direct_dependency_is_pinned_exactly():
    pins = requirements()
    for name in ["jupyterlab", "pandas", "matplotlib", "seaborn", "statsmodels", "nbval"]:
        assert name in pins, f"{name} is a direct dependency and must be pinned"


def test_environment_yml_installs_the_pinned_file_and_the_package():
    env = yaml.safe_load(ENV.read_text())
    assert env["channels"] == ["conda-forge"]
    deps = env["dependencies"]
    assert "python=3.11" in deps
    assert "pip" in deps
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert "-r requirements.txt" in pip_section
    assert "-e ." in pip_section


def test_conda_level_packages_match_the_pins():
    """A package listed for conda as well as in requirements.txt must have the same version."""
    pins = requirements()
    env = yaml.safe_load(ENV.read_text())
    for dep in env["dependencies"]:
        if not isinstance(dep, str) or dep.startswith(("python", "pip")):
            continue
        name, _, version = dep.partition("=")
        key = name.lower()
        assert key in pins, f"environment.yml lists {name} which requirements.txt does not pin"
        assert version.lstrip("=") == pins[key], f"{name}: {version} vs {pins[key]}"


@pytest.mark.parametrize("text, ok", [("pandas==3.1.1", True), ("pandas>=3", False)])
def test_pin_parser_rejects_ranges(tmp_path, monkeypatch, text, ok):
    fake = tmp_path / "requirements.txt"
    fake.write_text(text + "\n")
    monkeypatch.setattr(__import__(__name__), "REQ", fake)
    if ok:
        assert requirements() == {"pandas": "3.1.1"}
    else:
        with pytest.raises(AssertionError, match="not an exact pin"):
            requirements()
