"""``validate`` and ``sites``: exit statuses, JSON listing, dry-run and real imports, export."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from console.base import clock
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.operators import service as operators
from console.operators.service import NewOperator
from console.schema import Duty, Site
from console.sites.service import create_site
from tests.site_drafts import DEPT, FORESTRY, PORTAL, org, site_table

STRONG = "Str0ng!Passw0rd"
LIST_SITES = (
    "import sys; from console.cli import main; "
    "sys.exit(main(['--db', sys.argv[1], 'sites', 'list']))"
)


@pytest.mark.parametrize(
    ("kind", "value", "status", "shown"),
    [
        ("site-code", "3312000001", 0, "3312000001"),
        ("site-code", "bm12345678", 0, "bm12345678"),
        ("site-code", "331200001", 1, "格式不对"),
        ("domain", "ＷＷＷ.Yunxi.Gov.CN", 0, "www.yunxi.gov.cn"),
        ("domain", "云溪.政务", 0, "xn--"),
        ("domain", "www.yunxi.com", 1, ".gov.cn 或 .政务"),
        ("icp", "浙ICP备2013353696号-1", 0, "浙ICP备2013353696号-1"),
        ("icp", "浙ICP备13353696", 1, "格式不对"),
        ("psb", "浙公网安备33120202002862号", 0, "浙公网安备33120202002862号"),
        ("uscc", org(1), 0, org(1)),
        ("uscc", org(1)[:-1] + ("0" if org(1)[-1] != "0" else "1"), 1, "校验码"),
        ("mlps-form", "33120000123", 0, "33120000123"),
    ],
)
def test_validate_prints_the_value_or_the_reason_with_its_exit_status(
    kind: str, value: str, status: int, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", kind, value]) == status
    captured = capsys.readouterr()
    assert shown in (captured.out if status == 0 else captured.err)


@pytest.mark.parametrize("argv", [["validate", "no-such-kind", "x"], ["validate", "icp"]])
def test_validate_usage_errors_exit_with_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2


def test_a_psb_number_of_another_region_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "psb", "浙公网安备33120202002862号", "--region", "330100"]) == 1
    assert "不在网站所在地区" in capsys.readouterr().err


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, SessionFactory]]:
    """A SQLite cluster with its three administrators, a city portal and one department."""
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    operators.bootstrap(
        sessions,
        [
            NewOperator("sys", "系统管理员", STRONG, frozenset({Duty.SYSTEM_ADMIN})),
            NewOperator("sec", "安全管理员", STRONG, frozenset({Duty.SECURITY_ADMIN})),
            NewOperator("aud", "审计管理员", STRONG, frozenset({Duty.AUDIT_ADMIN})),
        ],
    )
    admin = operators.login(sessions, "sys", STRONG)
    create_site(sessions, admin, PORTAL)
    create_site(sessions, admin, DEPT)
    try:
        yield url, sessions
    finally:
        engine_of(sessions).dispose()


def _count(sessions: SessionFactory) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Site)) or 0)


def test_sites_list_as_json_filters_by_kind_in_either_language(
    cluster: tuple[str, SessionFactory], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _sessions = cluster
    assert main(["--db", url, "sites", "list", "--json", "--kind", "部门网站"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["domain"], r["state"]) for r in rows] == [
        (DEPT.code, "jyj.yunxi.gov.cn", "applied")
    ]
    assert main(["--db", url, "sites", "list", "--json", "--kind", "portal_city"]) == 0
    assert [r["code"] for r in json.loads(capsys.readouterr().out)] == [PORTAL.code]
    assert main(["--db", url, "sites", "list", "--state", "无此状态"]) == 2
    assert "不是可用的" in capsys.readouterr().err


def test_a_dry_run_checks_every_row_and_writes_nothing(
    cluster: tuple[str, SessionFactory], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, sessions = cluster
    good = site_table(tmp_path / "new_sites.csv", [[*FORESTRY, "lyj.yunxi.gov.cn"]])
    assert main(["--db", url, "sites", "import", str(good), "--dry-run"]) == 0
    assert "共 1 行，0 行有问题" in capsys.readouterr().out
    bad = site_table(tmp_path / "new_sites.csv", [[*FORESTRY, "jyj.yunxi.gov.cn"]])
    assert main(["--db", url, "sites", "import", str(bad), "--dry-run"]) == 1
    assert "第 2 行（3312000201）" in capsys.readouterr().err
    assert _count(sessions) == 2


def test_an_import_that_writes_needs_a_logged_in_operator(
    cluster: tuple[str, SessionFactory],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, sessions = cluster
    good = site_table(tmp_path / "new_sites.csv", [[*FORESTRY, "lyj.yunxi.gov.cn"]])
    assert main(["--db", url, "sites", "import", str(good)]) == 2
    assert "--user" in capsys.readouterr().err
    assert _count(sessions) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO(STRONG + "\n"))
    command = ["--db", url, "sites", "import", str(good), "--user", "sys", "--password-stdin"]
    assert main(command) == 0
    assert "已导入 1 个站点" in capsys.readouterr().out
    assert _count(sessions) == 3


def test_export_writes_the_filtered_view_with_fixed_headings(
    cluster: tuple[str, SessionFactory], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _sessions = cluster
    target = tmp_path / "sites.xlsx"
    assert main(["--db", url, "sites", "export", str(target), "--kind", "department"]) == 0
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "网站标识码" and len(rows) == 2 and rows[1][0] == DEPT.code


def test_sites_list_narrows_by_level_subtree_and_quick_text(
    cluster: tuple[str, SessionFactory], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _sessions = cluster

    def codes(*options: str) -> list[str]:
        assert main(["--db", url, "sites", "list", "--json", *options]) == 0
        return [r["code"] for r in json.loads(capsys.readouterr().out)]

    assert codes("--level", "市级") == [PORTAL.code, DEPT.code]
    assert codes("--level", "county") == []
    assert codes("--under", DEPT.code) == [DEPT.code]
    assert codes("--under", PORTAL.code, "--text", "教育") == [DEPT.code]
    assert codes("--text", "33120202002863") == [DEPT.code]
    assert main(["--db", url, "sites", "list", "--under", "3312009999"]) == 2
    assert "不存在" in capsys.readouterr().err


def test_export_into_a_folder_writes_a_dated_workbook(
    cluster: tuple[str, SessionFactory], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _sessions = cluster
    assert main(["--db", url, "sites", "export", str(tmp_path), "--text", "教育局"]) == 0
    written = (
        tmp_path / f"站点_{clock.today(clock.zone_named(clock.DEFAULT_ZONE)).isoformat()}.xlsx"
    )
    assert str(written) in capsys.readouterr().out
    sheet = load_workbook(written).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in rows] == ["网站标识码", DEPT.code]


@pytest.mark.parametrize(
    ("argv", "status", "said"),
    [
        (["icp", "浙ICP备2013353696号", "--region", "331200"], 0, ""),
        (["icp", "京ICP备2013353696号", "--region", "331200"], 1, "不符"),
        (["site-code", "3312000001", "--region", "331200"], 2, "只用于 icp 和 psb"),
        (["psb", "浙公网安备33120202002862号", "--region", "3312"], 2, "6 位行政区划代码"),
    ],
)
def test_validate_checks_filing_numbers_against_a_region_given_as_six_digits(
    argv: list[str], status: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", *argv]) == status
    assert said in capsys.readouterr().err


def test_a_listing_piped_into_a_reader_that_stops_early_ends_quietly(
    cluster: tuple[str, SessionFactory],
) -> None:
    url, _sessions = cluster
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-c", LIST_SITES, url],
            cwd=Path(__file__).parents[2],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    assert done.returncode == 1
    assert done.stderr == ""
