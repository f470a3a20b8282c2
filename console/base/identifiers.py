"""Formats of the identifiers a government site carries, each refused with its reason.

网站标识码, ICP备案号, 公安联网备案号, 统一社会信用代码 and the 等保 filing form number (see
DESIGN.md §2). Every ``validate_*`` returns nothing on a valid value and raises
``InvalidInput`` naming what is wrong; ``problem_of`` turns that into a message for rules
that report instead of refusing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from stdnum import exceptions as stdnum_errors
from stdnum.cn import uscc

from console.base import clock
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP

# Province-level division codes and the one-character abbreviations filings use for them; the
# first abbreviation is the usual one, the others are also in official use (黔/贵, 滇/云 …).
PROVINCES: dict[str, str] = {
    "11": "京",
    "12": "津",
    "13": "冀",
    "14": "晋",
    "15": "蒙",
    "21": "辽",
    "22": "吉",
    "23": "黑",
    "31": "沪",
    "32": "苏",
    "33": "浙",
    "34": "皖",
    "35": "闽",
    "36": "赣",
    "37": "鲁",
    "41": "豫",
    "42": "鄂",
    "43": "湘",
    "44": "粤",
    "45": "桂",
    "46": "琼",
    "50": "渝",
    "51": "川蜀",
    "52": "黔贵",
    "53": "滇云",
    "54": "藏",
    "61": "陕秦",
    "62": "甘陇",
    "63": "青",
    "64": "宁",
    "65": "新",
}
ABBREVIATIONS = "".join(PROVINCES.values())

SITE_CODE = re.compile(r"\d{10}|bm\d{8}")
ICP = re.compile(rf"([{ABBREVIATIONS}])ICP备(\d+)号(?:-(\d+))?")
PSB = re.compile(rf"([{ABBREVIATIONS}])公网安备(\d+)号")
MLPS_FORM = re.compile(r"\d{11}")
USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")
EARLIEST_ICP_YEAR = 1998

BAD_SITE_CODE = QT_TR_NOOP(
    "网站标识码“{value}”格式不对：应为 6 位行政区划代码加 4 位顺序号（10 位数字），"
    "或国务院部门的 bm 加 8 位数字。"
)
BAD_DIVISION = QT_TR_NOOP(
    "“{value}”中的行政区划代码 {code} 不存在：前两位 {province} 不是省级代码。"
)
BAD_ICP = QT_TR_NOOP(
    "ICP备案号“{value}”格式不对：应为“省简称ICP备”加 8 位或 10 位数字再加“号”，"
    "可带“-序号”，例如 京ICP备05070218号-1。"
)
BAD_ICP_YEAR = QT_TR_NOOP(
    "ICP备案号“{value}”中的年份 {year} 不可能（应在 {first} 至 {last} 之间）。"
)
BAD_PSB = QT_TR_NOOP(
    "公安联网备案号“{value}”格式不对：应为“省简称公网安备”加 14 位数字再加“号”，"
    "例如 京公网安备11010202000001号。"
)
PSB_PROVINCE = QT_TR_NOOP(
    "公安联网备案号“{value}”的简称“{abbreviation}”与其中的区划代码 {code} 不属于同一省份。"
)
PSB_REGION = QT_TR_NOOP(
    "公安联网备案号“{value}”的区划代码 {code} 不在网站所在地区 {region} 范围内。"
)
ICP_REGION = QT_TR_NOOP(
    "ICP备案号“{value}”的省份简称“{abbreviation}”与网站所在地区 {region} 不符。"
)
BAD_USCC_FORMAT = QT_TR_NOOP(
    "统一社会信用代码“{value}”格式不对：应为 18 位，由数字和除 I、O、Z、S、V 以外的大写字母组成。"
)
BAD_USCC_CHECK = QT_TR_NOOP("统一社会信用代码“{value}”的校验码不对，请核对是否有抄错的字符。")
BAD_MLPS_FORM = QT_TR_NOOP(
    "等保备案证明编号“{value}”格式不对：应为 11 位数字（6 位公安机关代码加 5 位顺序号）。"
)


def identifier(text: str) -> str:
    """An identifier as typed, in the one form it is checked and stored in: NFKC (full-width
    digits, letters and hyphens become ASCII, as Chinese input methods often type them),
    without surrounding blanks. Every identifier passes through here before validation."""
    return unicodedata.normalize("NFKC", text).strip()


def site_code_form(text: str) -> str:
    """A 网站标识码 as stored: normalised, with ``bm`` in lower case however it was typed."""
    return identifier(text).lower()


def uscc_form(text: str) -> str:
    """A 统一社会信用代码 as stored: normalised, in upper case (its alphabet has no lower case)."""
    return identifier(text).upper()


def _division(value: str, code: str) -> None:
    if code[:2] not in PROVINCES:
        raise InvalidInput(BAD_DIVISION, value=value, code=code, province=code[:2])


def region_prefix(region_code: str) -> str:
    """The significant digits of a division code: 330000 → 33, 331200 → 3312, 331202 → 331202."""
    if region_code.endswith("0000"):
        return region_code[:2]
    if region_code.endswith("00"):
        return region_code[:4]
    return region_code


def within(region_code: str, outer_region: str) -> bool:
    """Whether division ``region_code`` lies inside ``outer_region`` (or is it)."""
    return region_code.startswith(region_prefix(outer_region))


def validate_site_code(code: str) -> None:
    """网站标识码: 6-digit division code + 4-digit serial, or ``bm`` + 8 digits."""
    if not SITE_CODE.fullmatch(code):
        raise InvalidInput(BAD_SITE_CODE, value=code)
    if not code.startswith("bm"):
        _division(code, code[:6])


def validate_icp(number: str) -> None:
    """ICP备案号: abbreviation, 8 digits (2-digit year first) or 10 (4-digit year), optional -N."""
    match = ICP.fullmatch(number)
    if not match or len(match.group(2)) not in (8, 10):
        raise InvalidInput(BAD_ICP, value=number)
    digits = match.group(2)
    last = clock.latest_date().year
    if len(digits) == 10:
        year = int(digits[:4])
        if not EARLIEST_ICP_YEAR <= year <= last:
            raise InvalidInput(
                BAD_ICP_YEAR, value=number, year=year, first=EARLIEST_ICP_YEAR, last=last
            )


def icp_province(number: str) -> str:
    """The province abbreviation an ICP备案号 starts with (valid numbers only)."""
    return number[0]


def validate_psb(number: str, region_code: str | None = None) -> None:
    """公安联网备案号: abbreviation + 14 digits whose first 6 are a division code.

    With ``region_code`` (the site's region), the number's division must lie in the same city
    (or the same province for a province-level site).
    """
    match = PSB.fullmatch(number)
    if not match or len(match.group(2)) != 14:
        raise InvalidInput(BAD_PSB, value=number)
    abbreviation, code = match.group(1), match.group(2)[:6]
    _division(number, code)
    if abbreviation not in PROVINCES[code[:2]]:
        raise InvalidInput(PSB_PROVINCE, value=number, abbreviation=abbreviation, code=code)
    if region_code is not None:
        outer = region_prefix(region_code)[:4]
        if not code.startswith(outer):
            raise InvalidInput(PSB_REGION, value=number, code=code, region=region_code)


def validate_icp_region(number: str, region_code: str) -> None:
    """An ICP备案号 must be filed in the province of the site's region."""
    validate_icp(number)
    abbreviation = icp_province(number)
    if abbreviation not in PROVINCES.get(region_code[:2], ""):
        raise InvalidInput(ICP_REGION, value=number, abbreviation=abbreviation, region=region_code)


def validate_uscc(code: str) -> None:
    """统一社会信用代码 (GB 32100): format and check character, by python-stdnum."""
    try:
        uscc.validate(code)
    except stdnum_errors.InvalidChecksum:
        raise InvalidInput(BAD_USCC_CHECK, value=code) from None
    except stdnum_errors.ValidationError:
        raise InvalidInput(BAD_USCC_FORMAT, value=code) from None


def validate_mlps_form(number: str) -> None:
    """等保备案证明编号: 11 digits, a 6-digit bureau (division) code and a 5-digit serial."""
    if not MLPS_FORM.fullmatch(number):
        raise InvalidInput(BAD_MLPS_FORM, value=number)
    _division(number, number[:6])


def is_username(name: str) -> bool:
    """Whether ``name`` is a login name: 2–64 lower-case letters, digits, ``.``, ``_`` or ``-``."""
    return 2 <= len(name) <= 64 and set(name) <= USERNAME_CHARS


def problem_of(check: Callable[..., None], *args: str) -> str | None:
    """The reason ``check(*args)`` refuses, as shown to the operator; None when it passes."""
    try:
        check(*args)
    except InvalidInput as error:
        return str(error)
    return None
