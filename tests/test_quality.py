"""Quality gates that run with the tests: ruff, mypy on the core, and the import contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "command",
    [
        (sys.executable, "-m", "ruff", "check", "--quiet", "."),
        (sys.executable, "-m", "ruff", "format", "--check", "--quiet", "console", "ui", "tests"),
        (sys.executable, "-m", "mypy"),
        (str(BIN / "lint-imports"),),
    ],
    ids=["ruff", "ruff-format", "mypy-core", "import-contracts"],
)
def test_gate_passes(command: tuple[str, ...]) -> None:
    result = _run(*command)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
