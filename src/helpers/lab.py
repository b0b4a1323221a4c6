"""Start JupyterLab on the notebooks with the project's settings (``make lab``).

The settings kept in the repository (``jupyter/labconfig/default_setting_overrides.json``) are
layered over JupyterLab's defaults through ``JUPYTER_CONFIG_PATH``; among them, JupyterLab does
not ask whether to fetch Jupyter news and never calls out for it. Notebook kernels get the
project's numerical environment (:mod:`helpers.numeric_env`).

Example:
    >>> environment({})["JUPYTER_CONFIG_PATH"].endswith("jupyter")
    True
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from helpers import numeric_env, paths

CONFIG = paths.ROOT / "jupyter"


def environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment JupyterLab runs in: the project's settings first on the config path.

    Example:
        >>> environment({"JUPYTER_CONFIG_PATH": "/x"})["JUPYTER_CONFIG_PATH"].split(os.pathsep)[1]
        '/x'
    """
    env = dict(os.environ if base is None else base)
    rest = env.get("JUPYTER_CONFIG_PATH")
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, [str(CONFIG), rest]))
    return numeric_env.apply(env)


def command(extra: list[str] | None = None) -> list[str]:
    """The JupyterLab command line (``--allow-root`` where the user is root, as in containers).

    Example:
        >>> command(["--no-browser"])[-1]
        '--no-browser'
    """
    args = [sys.executable, "-m", "jupyter", "lab", f"--notebook-dir={paths.NOTEBOOKS}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    return args + list(extra or [])


def main(argv: list[str] | None = None) -> int:
    os.execve(sys.executable, command(argv if argv is not None else sys.argv[1:]), environment())
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
