"""Cluster Console (站群运维控制台): starts the GUI, or a headless command when one is named."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Open the console (``--db URL``, ``--lang en``, ``--demo``), or run a headless command."""
    from console.cli import GUI_COMMANDS, parse, run

    args = parse(argv)
    if args.command in GUI_COMMANDS:
        from ui.app import start

        return start(args)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
