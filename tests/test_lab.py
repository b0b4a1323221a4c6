"""``make lab`` starts JupyterLab with the repository's settings: no prompt about Jupyter news."""

import json
import socket
import subprocess
import time
import urllib.request

import pytest

from helpers import lab, paths

NOTIFICATION = "@jupyterlab/apputils-extension:notification"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    home = tmp_path_factory.mktemp("home")
    env = lab.environment() | {"HOME": str(home), "JUPYTER_RUNTIME_DIR": str(home / "rt")}
    proc = subprocess.Popen(
        lab.command(["--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
                     "--IdentityProvider.token=", "--ServerApp.password="]),
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_lab_never_asks_to_fetch_news(server):
    with urllib.request.urlopen(f"{server}/lab/api/settings/{NOTIFICATION}", timeout=10) as r:
        settings = json.load(r)
    properties = settings["schema"]["properties"]
    # "none" is JupyterLab's default, which shows the prompt; "false" means never fetch.
    assert properties["fetchNews"]["default"] == "false"
    assert properties["checkForUpdates"]["default"] is False


def test_settings_come_first_on_the_config_path():
    env = lab.environment({"JUPYTER_CONFIG_PATH": "/elsewhere"})
    first = env["JUPYTER_CONFIG_PATH"].split(":")[0]
    assert (paths.ROOT / "jupyter" / "labconfig" / "default_setting_overrides.json").is_file()
    assert first == str(paths.ROOT / "jupyter")
