"""The ``report`` command's parser, shared by the modules that add a kind of report to it.

``cluster-console report annual`` and ``report monthly`` live in modules of their own; each
takes the ``report`` parser's sub-commands from here, whichever module registers first
creates them, so neither module needs to know the other.
"""

from __future__ import annotations

import argparse

from console.base.i18n import QT_TR_NOOP
from console.commands import Subcommands

NAME = "report"


def report_commands(commands: Subcommands) -> Subcommands:
    """The sub-commands of ``report`` (created on first use)."""
    parser = commands.choices.get(NAME)
    if parser is None:
        parser = commands.add_parser(NAME, help=QT_TR_NOOP("生成并发送报告"))
        parser.add_subparsers(dest="report", required=True, metavar="报告")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError(NAME)
