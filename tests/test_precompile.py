"""`make setup` compiles the bytecode of what the project imports, and caches nothing else."""

import json
from pathlib import Path

from helpers import precompile


def test_a_group_writes_bytecode_and_keeps_no_matplotlib_cache(tmp_path, monkeypatch):
    package = tmp_path / "src" / "p06_probe"
    package.mkdir(parents=True)
    record = tmp_path / "seen.json"
    (package / "__init__.py").write_text(
        "import json, os, sys\n"
        f"open({str(record)!r}, 'w').write(json.dumps({{'mpl': os.environ['MPLCONFIGDIR'], "
        "'no_bytecode': sys.dont_write_bytecode}))\n"
    )
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "src"))
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # as some shells set it
    done = precompile.compile_groups([["p06_probe", "no_such_module_here"], ["json"]])
    assert done == [{"p06_probe"}, {"json"}]
    assert list((package / "__pycache__").glob("__init__.*.pyc"))
    seen = json.loads(record.read_text())
    assert seen["no_bytecode"] is False
    # matplotlib's font list goes to a temporary folder, deleted afterwards
    assert seen["mpl"] and not Path(seen["mpl"]).exists()


def test_a_name_ending_in_a_slash_compiles_the_package_without_running_it(tmp_path, monkeypatch):
    package = tmp_path / "src" / "p06_quiet"
    (package / "inner").mkdir(parents=True)
    ran = tmp_path / "ran"
    (package / "__init__.py").write_text(f"open({str(ran)!r}, 'w').write('ran')\n")
    (package / "inner" / "deep.py").write_text("X = 1\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "src"))
    done = precompile.compile_groups([["p06_quiet/", "no_such_package_here/"]])
    assert done == [{"p06_quiet"}]
    assert list((package / "__pycache__").glob("__init__.*.pyc"))
    assert list((package / "inner" / "__pycache__").glob("deep.*.pyc"))
    assert not ran.exists()
