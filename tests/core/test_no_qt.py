"""The core is a library without Qt: every module imports, and the CLI works, with Qt absent."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    from importlib.abc import MetaPathFinder

    class NoQt(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"PySide6", "shiboken6", "qasync", "ui"}:
                raise ImportError(f"the core imported {name}")
            return None

    sys.meta_path.insert(0, NoQt())
    import console
    for module in pkgutil.walk_packages(console.__path__, "console."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    from console.cli import main
    url = "sqlite:///" + sys.argv[1]
    assert main(["--db", url, "demo", "--sites", "20", "--posts", "40"]) == 0
    assert main(["--db", url, "db", "current"]) == 0
    print("core-without-qt-ok")
    """
)


def test_core_modules_and_cli_run_without_qt(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(tmp_path / "demo.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "core-without-qt-ok" in result.stdout
