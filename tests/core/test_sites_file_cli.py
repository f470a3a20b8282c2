"""``sites export`` and ``sites import`` share one column set; the import tells every problem.

An exported register imports into another database as it is (dry run and for real); rows
may come in any order; every problem of every row is reported in one run; the date forms of
Chinese spreadsheets are read; the usual file mistakes get a hint saying what to do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.operators import service as operators
from console.operators.service import NewOperator
from console.schema import Duty
from console.sites.rules import FIELDS
from console.sites.service import create_site
from tests.site_drafts import DEPT, PORTAL, org

STRONG = "Str0ng!Passw0rd"
LOGIN = ["--user", "sys", "--password-stdin"]
HEADINGS = list(FIELDS.values())


def _cluster(path: Path, sites: bool) -> str:
    url = f"sqlite:///{path}"
    sessions = open_database(url, upgrade_schema=True)
    operators.bootstrap(
        sessions,
        [
            NewOperator("sys", "系统管理员", STRONG, frozenset({Duty.SYSTEM_ADMIN})),
            NewOperator("sec", "安全管理员", STRONG, frozenset({Duty.SECURITY_ADMIN})),
            NewOperator("aud", "审计管理员", STRONG, frozenset({Duty.AUDIT_ADMIN})),
        ],
    )
    if sites:
        admin = operators.login(sessions, "sys", STRONG)
        create_site(sessions, admin, PORTAL.__class__(**{**PORTAL.__dict__,
                    "opened_on": dt.date(2020, 3, 1)}))  # fmt: skip
        create_site(sessions, admin, DEPT)
    engine_of(sessions).dispose()
    return url


@pytest.fixture
def both(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A register with a portal and a department, and an empty cluster to import into."""
    yield _cluster(tmp_path / "a.sqlite3", True), _cluster(tmp_path / "b.sqlite3", False)


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(STRONG + "\n"))
    try:
        status = main(list(argv))
    except SystemExit as exited:
        status = int(exited.code or 0)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def _register(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], into: Path
) -> list[list[str]]:
    """The register as ``sites export`` writes it to CSV."""
    status, _, err = _run(monkeypatch, capsys, "--db", url, "sites", "export", str(into))
    assert status == 0, err
    return list(csv.reader(io.StringIO(into.read_text(encoding="utf-8-sig"))))


@pytest.mark.parametrize(("suffix", "lang"), [("csv", "zh_CN"), ("xlsx", "zh_CN"), ("xlsx", "en")])
def test_an_exported_register_imports_into_another_database_as_it_is(
    suffix: str,
    lang: str,
    both: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source, target = both
    file = tmp_path / f"register.{suffix}"
    status, _, err = _run(monkeypatch, capsys, "--lang", lang, "--db", source, "sites", "export",
                          str(file))  # fmt: skip
    assert status == 0, err
    status, out, err = _run(monkeypatch, capsys, "--db", target, "sites", "import", str(file),
                            "--dry-run")  # fmt: skip
    assert status == 0, err
    assert "共 2 行，0 行有问题" in out
    status, out, err = _run(
        monkeypatch, capsys, "--db", target, "sites", "import", str(file), *LOGIN
    )
    assert status == 0, err
    copied = _register(target, monkeypatch, capsys, tmp_path / "copied.csv")
    assert copied == _register(source, monkeypatch, capsys, tmp_path / "original.csv")
    assert copied[1][HEADINGS.index("开通日期")] == "2020-03-01"


def test_an_export_writes_the_import_headings_parents_first(
    both: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    source, _ = both
    file = tmp_path / "register.csv"
    assert _run(monkeypatch, capsys, "--db", source, "sites", "export", str(file))[0] == 0
    rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8-sig"))))
    assert rows[0] == HEADINGS
    assert [r[0] for r in rows[1:]] == [PORTAL.code, DEPT.code]
    assert rows[1][HEADINGS.index("域名")] == "www.yunxi.gov.cn、yunxi.gov.cn"


def _table(path: Path, rows: list[list[str]], headings: list[str] | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(headings or HEADINGS)
        writer.writerows(rows)
    return path


def _row(code: str, name: str, kind: str, parent: str, uscc: str, domains: str,
         opened: str = "", organiser_type: str = "") -> list[str]:  # fmt: skip
    values = {"网站标识码": code, "网站名称": name, "类型": kind, "上级网站标识码": parent,
              "主办单位": name, "统一社会信用代码": uscc, "主办单位性质": organiser_type,
              "域名": domains, "开通日期": opened}  # fmt: skip
    return [values.get(h, "") for h in HEADINGS]


def test_a_child_above_its_parent_imports_and_dates_take_chinese_forms(
    both: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _, target = both
    file = _table(tmp_path / "rows.csv", [
        _row("3312000003", "云溪市卫健委", "部门网站", "3312000002", org(3), "wjw.yunxi.gov.cn",
             "2026年1月15日"),
        _row("3312000002", "云溪市教育局", "部门网站", PORTAL.code, org(2), "jyj.yunxi.gov.cn",
             "46037"),
        _row(PORTAL.code, PORTAL.name, "市级门户", "", org(1), "www.yunxi.gov.cn", "2026/1/15"),
    ])  # fmt: skip
    status, out, err = _run(
        monkeypatch, capsys, "--db", target, "sites", "import", str(file), *LOGIN
    )
    assert status == 0, err
    assert "已导入 3 个站点" in out
    rows = _register(target, monkeypatch, capsys, tmp_path / "back.csv")
    assert [r[0] for r in rows[1:]] == [PORTAL.code, "3312000002", "3312000003"]
    assert {r[HEADINGS.index("开通日期")] for r in rows[1:]} == {"2026-01-15"}


def test_every_problem_of_every_row_is_told_in_one_run(
    both: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _, target = both
    file = _table(tmp_path / "rows.csv", [
        _row(PORTAL.code, PORTAL.name, "市级门户", "", org(1)[:-1] + "0", "www.yunxi.gov.cn",
             "2026-13-45", "外企"),
        _row("3312000002", "云溪市教育局", "部门网站", PORTAL.code, org(2),
             "http://jyj.yunxi.gov.cn/index.html", "昨天"),
        _row("3312000003", "云溪市卫健委", "部门网站", "3312000004", org(3), "wjw.yunxi.gov.cn"),
        _row("3312000004", "云溪市民政局", "部门网站", "3312000003", org(4), "mzj.yunxi.gov.cn"),
    ])  # fmt: skip
    status, out, err = _run(monkeypatch, capsys, "--db", target, "sites", "import", str(file),
                            "--dry-run")  # fmt: skip
    assert status == 1
    assert "共 4 行，4 行有问题" in out
    lines = {line.split("）", 1)[0]: line for line in err.splitlines() if line.startswith("第")}
    first = lines["第 2 行（3312000001"]
    assert "2026-13-45" in first and "外企" in first and "校验码" in first
    second = lines["第 3 行（3312000002"]
    assert "昨天" in second and "http://" in second and "jyj.yunxi.gov.cn" in second
    assert "第 2 行" in second and "不在站群登记中" not in second
    assert "循环" in lines["第 4 行（3312000003"] and "循环" in lines["第 5 行（3312000004"]


def test_the_usual_file_mistakes_get_a_hint(
    both: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _, target = both
    good = _row(PORTAL.code, PORTAL.name, "市级门户", "", org(1), "www.yunxi.gov.cn")
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text("\t".join(HEADINGS) + "\n" + "\t".join(good) + "\n", encoding="utf-16")
    tabs = tmp_path / "tabs.csv"
    tabs.write_text("\t".join(HEADINGS) + "\n" + "\t".join(good) + "\n", encoding="utf-8")
    titled = tmp_path / "titled.csv"
    titled.write_text("云溪市网站登记表\n" + ",".join(HEADINGS) + "\n" + ",".join(good) + "\n",
                      encoding="utf-8")  # fmt: skip
    for path, hint in ((utf16, "UTF-16"), (tabs, "制表符"), (titled, "第 2 行")):
        status, _, err = _run(monkeypatch, capsys, "--db", target, "sites", "import", str(path),
                              "--dry-run")  # fmt: skip
        assert status == 2 and hint in err, (path.name, err)
        assert len(err.strip().splitlines()) == 1
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADINGS)
    sheet.append(_row(PORTAL.code, PORTAL.name, "市级门户", "", org(1), "www.yunxi.gov.cn"))
    sheet.append(
        _row("3312000002", "云溪市教育局", "部门网站", PORTAL.code, org(2), "jyj.yunxi.gov.cn")
    )
    sheet.append(_row("3312000003", "云溪市卫健委", "", PORTAL.code, org(3), "wjw.yunxi.gov.cn"))
    sheet.merge_cells("C3:C4")
    merged = tmp_path / "merged.xlsx"
    book.save(merged)
    status, _, err = _run(monkeypatch, capsys, "--db", target, "sites", "import", str(merged),
                          "--dry-run")  # fmt: skip
    assert status == 1 and "合并单元格" in err and "C3:C4" in err


def test_a_bulk_import_journals_each_site_as_a_single_creation_would(
    sessions: SessionFactory, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from console.base import journal
    from console.schema import JournalEntry, Site
    from console.sites.importing import check_and_import
    from console.sites.service import snapshot
    from tests.staff import PASSWORD, bootstrap_staff

    bootstrap_staff(sessions)
    admin = operators.login(sessions, "sysadmin", PASSWORD)
    file = _table(tmp_path / "rows.csv", [
        _row("3312000003", "云溪市卫健委", "部门网站", "3312000002", org(3),
             "wjw.yunxi.gov.cn b.wjw.yunxi.gov.cn a.wjw.yunxi.gov.cn", "2026年1月15日"),
        _row("3312000002", "云溪市教育局", "部门网站", PORTAL.code, org(2), "jyj.yunxi.gov.cn"),
        _row(PORTAL.code, PORTAL.name, "市级门户", "", org(1), "www.yunxi.gov.cn"),
    ])  # fmt: skip
    assert check_and_import(sessions, admin, file).imported == 3
    auditor = operators.login(sessions, "auditor", PASSWORD)
    assert journal.verify(sessions, auditor).intact
    with sessions() as session:
        entries = session.scalars(
            select(JournalEntry).where(JournalEntry.action == "site.create")
        ).all()
        assert [e.target_label for e in entries] == [PORTAL.name, "云溪市教育局", "云溪市卫健委"]
        for entry in entries:
            site = session.get(Site, int(entry.target_id))
            assert site is not None
            assert json.loads(entry.after) == snapshot(session, site)
        child = session.scalar(select(Site).where(Site.code == "3312000003"))
        assert child is not None and child.parent_id is not None


def test_progress_goes_to_stderr_only_when_it_is_a_terminal(
    both: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import sys

    _, target = both
    rows = [_row(PORTAL.code, PORTAL.name, "市级门户", "", org(1), "www.yunxi.gov.cn")]
    rows += [
        _row(f"33120{n:05d}", f"第{n}局", "部门网站", PORTAL.code, org(n), f"d{n}.yunxi.gov.cn")
        for n in range(2, 121)
    ]
    file = _table(tmp_path / "rows.csv", rows)
    status, _, err = _run(monkeypatch, capsys, "--db", target, "sites", "import", str(file),
                          "--dry-run")  # fmt: skip
    assert status == 0 and "\r" not in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status, out, err = _run(
        monkeypatch, capsys, "--db", target, "sites", "import", str(file), *LOGIN
    )
    assert status == 0 and "已导入 120 个站点" in out
    shown = [part for part in err.split("\r") if "/" in part]
    assert shown[0].startswith("50/240") and shown[-1].startswith("240/240 (100%)")
