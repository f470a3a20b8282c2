"""The README's apt line installs every library Qt's X11 platform plugin links.

A library missing on an operator's machine makes Qt refuse to start with a message naming
another one ("xcb-cursor0 is needed"), so the line is checked against what the plugin really
loads: ``ldd`` of the plugin names the libraries, ``dpkg`` the packages holding them, and
``apt-cache`` what the README's packages bring with them.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest

from tests.engines import on_ci

ROOT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).parent / "Qt"
# What the desktop loads: the X11 platform plugin (with Qt's xcb library) and the widgets.
LOADED = (QT / "plugins" / "platforms" / "libqxcb.so", QT / "lib" / "libQt6Widgets.so.6")
TOOLS = ("ldd", "dpkg-query", "apt-cache")
APT_DEPENDS = (
    *("apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests"),
    *("--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances"),
)


def readme_packages() -> list[str]:
    """The packages of the apt-get line under the README's ``apt-packages`` marker."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- apt-packages -->\s*```\s*\n([^\n]*)\n", text)
    assert found, "README.md has no apt-get line after <!-- apt-packages -->"
    words = found.group(1).split()
    assert words[:3] == ["sudo", "apt-get", "install"], found.group(1)
    return [w for w in words[3:] if not w.startswith("-")]


def _need_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"checking the apt line needs {', '.join(missing)} (Debian/Ubuntu)"
        if on_ci():
            pytest.fail(message)
        pytest.skip(message)


@functools.cache
def linked_libraries() -> dict[str, Path | None]:
    """Every shared library outside PySide6 the desktop loads: name → where it resolved
    (None: not found on this machine)."""
    libraries: dict[str, Path | None] = {}
    for binary in LOADED:
        assert binary.exists(), f"{binary} is not where PySide6 keeps it"
        lines = subprocess.run(
            ["ldd", str(binary)], capture_output=True, text=True, check=True
        ).stdout
        for line in lines.splitlines():
            name, arrow, rest = line.strip().partition(" => ")
            if not arrow:
                continue
            target = rest.split(" (")[0].strip()
            if target == "not found":
                libraries[name] = None
            elif str(QT) not in os.path.realpath(target):
                libraries[name] = Path(target)
    return libraries


@functools.cache
def owning_packages() -> dict[str, str]:
    """library name → the Debian package holding it (the same file, /usr-merged or not)."""
    libraries = linked_libraries()
    names = sorted(name for name, where in libraries.items() if where is not None)
    listed = subprocess.run(
        ["dpkg-query", "-S", *(f"*/{name}" for name in names)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    owners: dict[str, str] = {}
    for line in listed.splitlines():
        packages, _colon, path = line.partition(": ")
        name = os.path.basename(path)
        where = libraries.get(name)
        if where is not None and os.path.realpath(path) == os.path.realpath(where):
            owners[name] = _plain(packages.split(",")[0].split(":")[0])
    return owners


def brought_by(packages: list[str]) -> set[str]:
    """``packages`` and everything they depend on, as apt resolves it."""
    listed = subprocess.run(
        [*APT_DEPENDS, *packages],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    brought = set()
    for line in listed.splitlines():
        relation, colon, package = line.strip().lstrip("|").partition(": ")
        if not line.startswith(" "):
            brought.add(_plain(line.strip("<>")))
        elif colon and relation in ("Depends", "PreDepends"):
            brought.add(_plain(package.strip("<>")))
    return brought


def _plain(package: str) -> str:
    """A package name without the 64-bit time transition's ``t64`` (Debian 13, Ubuntu 24.04)."""
    return package.strip().removesuffix("t64")


def test_the_readme_apt_line_brings_every_library_the_x11_platform_links() -> None:
    _need_tools()
    libraries = linked_libraries()
    assert "libxcb-cursor.so.0" in libraries and "libglib-2.0.so.0" in libraries
    missing_here = sorted(name for name, where in libraries.items() if where is None)
    assert not missing_here, f"libraries not found on this machine: {missing_here}"
    owners = owning_packages()
    unowned = sorted(set(libraries) - set(owners))
    assert not unowned, f"no package holds {unowned}"
    brought = brought_by(readme_packages())
    lacking = sorted({owners[name] for name in owners if owners[name] not in brought})
    assert not lacking, f"the README's apt line does not bring {lacking}"


def test_the_check_notices_a_package_left_out() -> None:
    _need_tools()
    owners = owning_packages()
    packages = [p for p in readme_packages() if p != "libxcb-icccm4"]
    assert "libxcb-icccm4" in owners.values()
    assert "libxcb-icccm4" not in brought_by(packages)
