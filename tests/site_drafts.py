"""Two valid site drafts of 云溪市 (a city portal and a department), organiser codes, a CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from stdnum.cn import uscc

from console.sites.rules import SiteDraft


def org(serial: int, kind: str = "1") -> str:
    """A valid 统一社会信用代码 of a 机构编制 body (kind 1 机关, 2 事业单位) in 云溪市."""
    body = f"1{kind}331200{serial:08d}X"
    return body + uscc.calc_check_digit(body)


PORTAL = SiteDraft(
    code="3312000001",
    name="云溪市人民政府",
    kind="portal_city",
    organiser_name="云溪市人民政府办公室",
    organiser_uscc=org(1),
    domains=("www.yunxi.gov.cn", "yunxi.gov.cn"),
    icp_number="浙ICP备2013353696号-1",
    psb_number="浙公网安备33120202002862号",
)
DEPT = SiteDraft(
    code="3312000002",
    name="云溪市教育局",
    kind="department",
    organiser_name="云溪市教育局",
    organiser_uscc=org(2),
    parent_code="3312000001",
    domains=("jyj.yunxi.gov.cn",),
    icp_number="浙ICP备2013353697号-1",
    psb_number="浙公网安备33120202002863号",
)

TABLE_HEADINGS = (
    "网站标识码",
    "网站名称",
    "类型",
    "上级网站标识码",
    "主办单位",
    "统一社会信用代码",
    "域名",
)
FORESTRY = ("3312000201", "云溪市林业局", "部门网站", PORTAL.code, "云溪市林业局", org(201))


def site_table(path: Path, rows: list[list[str]]) -> Path:
    """Write ``rows`` under the import headings as a CSV file (with a BOM, as Excel saves it)."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(TABLE_HEADINGS)
        writer.writerows(rows)
    return path
