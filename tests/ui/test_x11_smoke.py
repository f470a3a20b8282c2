"""The console on the real X11 platform (not offscreen), under Xvfb, typed into with xdotool.

A library the platform plugin lacks, or a dialog that opens with the keyboard focus nowhere
useful, fails here: the operator's keystrokes are the only input.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from console.db import engine_of, open_database
from tests.engines import on_ci
from tests.staff import PASSWORD
from tests.ui.fixtures import small_cluster
from ui.tabs import TABS

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 60.0


def _need(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        message = f"the X11 smoke test needs {', '.join(missing)} (apt-get install xvfb xdotool)"
        if on_ci():
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb display (its number chosen by the server); stopped afterwards."""
    _need("Xvfb", "xdotool")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as announced:
        number = announced.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Desktop:
    """The console running on ``display``, and the keyboard an operator types on."""

    def __init__(self, display: str, home: Path, database: URL) -> None:
        self.env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        self.env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
        self.env.pop("WAYLAND_DISPLAY", None)
        self.home = home
        self.log = (home / "console.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--db", database.render_as_string()],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def window(self, title_pattern: str) -> str:
        """The id of the visible window whose title matches, once it is there."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"the console ended ({self.process.returncode}): {self.output()}"
                )
            found = self.xdotool("search", "--onlyvisible", "--name", title_pattern, check=False)
            if found.strip():
                return found.split()[-1]
            time.sleep(0.2)
        raise AssertionError(f"no window titled {title_pattern!r}: {self.output()}")

    def type_into(self, window: str, *steps: str) -> None:
        """Give ``window`` the keyboard, then type: ``key:...`` presses keys, anything else
        is typed as text."""
        self.xdotool("windowfocus", "--sync", window)
        time.sleep(0.3)
        for step in steps:
            if step.startswith("key:"):
                self.xdotool("key", "--delay", "80", *step[4:].split())
            else:
                self.xdotool("type", "--delay", "40", step)
            time.sleep(0.3)

    def xdotool(self, *arguments: str, check: bool = True) -> str:
        done = subprocess.run(
            ["xdotool", *arguments], env=self.env, capture_output=True, text=True, timeout=30
        )
        if check:
            assert done.returncode == 0, done.stderr
        return done.stdout

    def settings(self) -> configparser.ConfigParser:
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read(self.home / "config" / "cluster-console" / "Cluster Console.conf")
        return parser

    def output(self) -> str:
        self.log.flush()
        return (self.home / "console.log").read_text(errors="replace")[-2000:]

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()


def test_an_operator_logs_in_and_switches_tabs_by_keyboard_on_x11(
    display: str, tmp_path: Path
) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3"))
    sessions = open_database(url)
    small_cluster(sessions, sites=3)
    engine_of(sessions).dispose()
    desktop = Desktop(display, tmp_path, url)
    try:
        login = desktop.window("^登录 — ")
        # The focus starts in the empty user name; Tab moves to the password; Enter logs in.
        desktop.type_into(login, "sysadmin", "key:Tab", PASSWORD, "key:Return")
        window = desktop.window("^站群运维控制台 — ")
        desktop.type_into(window, "key:alt+3", "key:ctrl+q")
        assert desktop.process.wait(timeout=WAIT_S) == 0, desktop.output()
    finally:
        desktop.end()
    # Alt+3 opened the third tab, and the window remembers it for this operator.
    assert desktop.settings().get("window", "lastTab.sysadmin") == TABS[2].key
