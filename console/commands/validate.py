"""``cluster-console validate KIND VALUE``: check one identifier; exit 0 valid, 1 invalid."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from console.commands import Subcommands
from console.domains import validate_domain
from console.errors import InvalidInput
from console.identifiers import (
    validate_icp,
    validate_mlps_form,
    validate_psb,
    validate_site_code,
    validate_uscc,
)

CHECKS: dict[str, Callable[[str], object]] = {
    "site-code": validate_site_code,
    "domain": validate_domain,
    "icp": validate_icp,
    "psb": validate_psb,
    "uscc": validate_uscc,
    "mlps-form": validate_mlps_form,
}


def register(commands: Subcommands) -> None:
    """Add ``validate``."""
    validate = commands.add_parser("validate", help="校验网站标识码、域名、备案号或信用代码")
    validate.add_argument("kind", choices=sorted(CHECKS))
    validate.add_argument("value")
    validate.add_argument(
        "--region", metavar="CODE", help="psb：网站所在地区的区划代码，检查备案号是否属于该地区"
    )
    validate.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the value (a domain in its stored form) when valid; the reason on stderr if not."""
    try:
        if args.kind == "psb" and args.region:
            validate_psb(args.value, args.region)
            result: object = None
        else:
            result = CHECKS[args.kind](args.value)
    except InvalidInput as error:
        print(error, file=sys.stderr)
        return 1
    print(result if isinstance(result, str) else args.value)
    return 0
