"""Headless commands, one module per area; each module's ``register`` adds its sub-commands.

A module here defines ``register(commands)`` taking the ``add_subparsers`` object of the
top-level parser; every parser it adds sets ``handler`` (``Callable[[Namespace], int]``) with
``set_defaults``. The command line finds the modules itself, so adding an area's commands never
touches another area's file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from typing import TypeAlias

Handler = Callable[[argparse.Namespace], int]


# What ``ArgumentParser.add_subparsers`` returns; each module adds its parsers to it.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register_all(commands: Subcommands) -> None:
    """Let every command module of this package add its parsers, in name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(commands)
