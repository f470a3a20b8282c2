"""Quality gates that run with the tests: ruff, mypy (strict, the core and the GUI), the import
contracts, and the size limits of the core's modules, classes and functions."""

from __future__ import annotations

import ast
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
    ids=["ruff", "ruff-format", "mypy", "import-contracts"],
)
def test_gate_passes(command: tuple[str, ...]) -> None:
    result = _run(*command)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


# Past these a module, class or function holds two things (migrations are generated history).
LIMITS = {"module": 500, "class": 350, "function": 80}


def _oversized(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    found = [f"{path}: {lines} lines"] if lines > LIMITS["module"] else []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            kind = "class"
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            kind = "function"
        else:
            continue
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > LIMITS[kind]:
            found.append(f"{path}:{node.lineno} {kind} {node.name}: {length} lines")
    return found


def test_the_core_keeps_its_modules_classes_and_functions_small() -> None:
    core = ROOT / "console"
    paths = [p for p in sorted(core.rglob("*.py")) if "migrations" not in p.parts]
    assert [problem for path in paths for problem in _oversized(path)] == []


def test_the_gui_keeps_its_modules_classes_and_functions_small() -> None:
    paths = sorted((ROOT / "ui").rglob("*.py"))
    assert [problem for path in paths for problem in _oversized(path)] == []
