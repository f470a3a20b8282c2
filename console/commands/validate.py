"""``cluster-console validate KIND VALUE``: check one identifier.

Exit 0 when valid (the value, a domain in its stored form, on stdout), 1 when invalid (the
reason on stderr), 2 on a usage error (argparse's own, or a ``--region`` that cannot apply).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

from console.base.domains import validate_domain
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import (
    identifier,
    site_code_form,
    uscc_form,
    validate_icp,
    validate_icp_region,
    validate_mlps_form,
    validate_psb,
    validate_site_code,
    validate_uscc,
)
from console.commands import Subcommands

CHECKS: dict[str, Callable[[str], object]] = {
    "site-code": validate_site_code,
    "domain": validate_domain,
    "icp": validate_icp,
    "psb": validate_psb,
    "uscc": validate_uscc,
    "mlps-form": validate_mlps_form,
}
# Checks that can also test a number against the site's region (``--region``).
REGIONAL: dict[str, Callable[[str, str], object]] = {
    "icp": validate_icp_region,
    "psb": validate_psb,
}
# The one form each kind is checked and stored in (full-width digits become ASCII).
FORMS: dict[str, Callable[[str], str]] = {"site-code": site_code_form, "uscc": uscc_form}
REGION_FORMAT = re.compile(r"\d{6}")

REGION_NOT_FOR = QT_TR_NOOP("--region 只用于 icp 和 psb，不适用于 {kind}。")
BAD_REGION = QT_TR_NOOP("--region 应为 6 位行政区划代码，而不是“{value}”。")


def register(commands: Subcommands) -> None:
    """Add ``validate``."""
    validate = commands.add_parser(
        "validate", help=QT_TR_NOOP("校验网站标识码、域名、备案号或信用代码")
    )
    validate.add_argument(
        "kind", choices=sorted(CHECKS),
        help=QT_TR_NOOP("要校验的类别：网站标识码、域名、ICP备案号、公安备案号、统一社会信用代码、等保备案证明编号"),
    )  # fmt: skip
    validate.add_argument("value", help=QT_TR_NOOP("要校验的值（全角字符按半角处理）"))
    validate.add_argument(
        "--region",
        metavar="CODE",
        help=QT_TR_NOOP("icp/psb：网站所在地区的 6 位区划代码，检查备案号是否属于该地区"),
    )
    validate.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the value (a domain in its stored form) when valid; the reason on stderr if not."""
    value = FORMS.get(args.kind, identifier)(args.value)
    region = None if args.region is None else identifier(args.region)
    if region is not None:
        if args.kind not in REGIONAL:
            print(translate("", REGION_NOT_FOR).format(kind=args.kind), file=sys.stderr)
            return 2
        if not REGION_FORMAT.fullmatch(region):
            print(translate("", BAD_REGION).format(value=args.region), file=sys.stderr)
            return 2
    try:
        if region is not None:
            result: object = REGIONAL[args.kind](value, region)
        else:
            result = CHECKS[args.kind](value)
    except InvalidInput as error:
        print(error, file=sys.stderr)
        return 1
    print(result if isinstance(result, str) else value)
    return 0
