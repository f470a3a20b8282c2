"""The scheduler lines of docs/operations.md run: their ``cluster-console … jobs run`` is
taken from the page and run against a scratch cluster (with its URL in place of theirs)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from console.cli import main
from console.db import engine_of, open_database
from tests.staff import bootstrap_staff

PAGE = Path(__file__).resolve().parents[2] / "docs" / "operations.md"


COMMAND = re.compile(r'cluster-console\s+(--db\s+"[^"]*"\s+jobs run)')


def _commands() -> dict[str, list[str]]:
    """The arguments of each marked scheduler line (Windows quotes unescaped)."""
    text = PAGE.read_text(encoding="utf-8")
    found = {}
    for name, block in re.findall(r"<!-- jobs-command: (\w+) -->\n```\w*\n(.*?)```", text, re.S):
        match = COMMAND.search(block.replace('\\"', '"'))
        assert match is not None, f"no jobs run line under {name}"
        found[name] = shlex.split(match.group(1))
    return found


@pytest.mark.parametrize("kind", ["cron", "systemd", "windows"])
def test_the_documented_command_runs_the_due_jobs(kind: str, tmp_path: Path) -> None:
    argv = _commands()[kind]
    assert argv[0] == "--db" and argv[2:] == ["jobs", "run"]
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    try:
        bootstrap_staff(sessions)
    finally:
        engine_of(sessions).dispose()
    assert main(["--db", url, *argv[2:]]) == 0
