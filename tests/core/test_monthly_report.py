"""``report monthly``: both files with the same content, typed numbers and charts, the
fix-by date in working days, the same figures each time, and its refusals in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from console.base import clock
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.reports.fonts import ENVIRONMENT
from console.supervision.report import add_working_days
from tests.core.test_reports import pdf_text
from tests.supervision_cluster import ZONE, build

MONTH = "2026-11"
XLSX = f"站群运行月报_{MONTH}.xlsx"
PDF = f"站群运行月报_{MONTH}.pdf"


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, SessionFactory]]:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    build(sessions)
    try:
        yield url, sessions
    finally:
        engine_of(sessions).dispose()


def test_working_days_skip_weekends() -> None:
    assert add_working_days(dt.date(2026, 12, 1), 10) == dt.date(2026, 12, 15)
    assert add_working_days(dt.date(2026, 12, 4), 1) == dt.date(2026, 12, 7)


def test_the_report_is_written_as_xlsx_and_pdf_with_the_same_content(
    cluster: tuple[str, SessionFactory], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = cluster
    out = tmp_path / "out"
    assert main(["--db", url, "report", "monthly", "--month", MONTH, "--out", str(out)]) == 0
    assert "2026-12-15" in capsys.readouterr().out
    book = load_workbook(out / XLSX)
    assert book.sheetnames == ["概况", "单项否决风险", "可用率", "备案", "内容审核",
                               "单位排名", "整改清单"]  # fmt: skip
    summary = {r[0]: r[1] for r in book["概况"].iter_rows(values_only=True) if r[0]}
    assert summary["运行网站"] == 4 and summary["单项否决风险网站"] == 2
    assert summary["近 7 天可用率（%）"] is None  # no probe in the last 7 days of November
    assert len(book["单位排名"]._charts) == 1 and len(book["内容审核"]._charts) == 2
    fixes = [r for r in book["整改清单"].iter_rows(values_only=True) if r[1] == "云溪市教育局"]
    assert fixes and all(r[3] == dt.datetime(2026, 12, 15) for r in fixes)
    assert any("公安联网备案" in str(r[2]) for r in fixes)
    text = pdf_text(out / PDF)
    assert "站群运行月报 2026-11" in text and "得分 = 100" in text and "云溪市教育局" in text
    first = (out / PDF).read_bytes()
    assert main(["--db", url, "report", "monthly", "--month", MONTH, "--out", str(out)]) == 0
    assert (out / PDF).read_bytes() == first


def test_a_subtree_report_covers_only_its_sites(
    cluster: tuple[str, SessionFactory], tmp_path: Path
) -> None:
    url, _ = cluster
    argv = ["--db", url, "report", "monthly", "--month", MONTH, "--under", "3312020001"]
    assert main([*argv, "--out", str(tmp_path)]) == 0
    summary = {
        r[0]: r[1] for r in load_workbook(tmp_path / XLSX)["概况"].iter_rows(values_only=True)
    }
    assert summary["运行网站"] == 2
    assert "云溪市教育局" not in pdf_text(tmp_path / PDF)


def _refused(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    out = tmp_path / "refused"
    argv = ["--db", url, "report", "monthly", "--out", str(out), *extra]
    assert main(argv) == 2
    assert not out.exists() or not any(out.iterdir())
    return capsys.readouterr().err


def test_bad_months_a_missing_font_and_an_unwritable_folder_are_refused_in_words(
    cluster: tuple[str, SessionFactory],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, _ = cluster
    current = clock.today(ZONE).strftime("%Y-%m")
    assert "格式不对" in _refused(url, tmp_path, capsys, "--month", "2026-13")
    assert "尚未结束" in _refused(url, tmp_path, capsys, "--month", current)
    assert "早于站群中最早的网站" in _refused(url, tmp_path, capsys, "--month", "2020-01")
    assert "没有网站标识码为 9999999999" in _refused(
        url, tmp_path, capsys, "--month", MONTH, "--under", "9999999999"
    )
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    argv = ["--db", url, "report", "monthly", "--month", MONTH, "--out", str(blocker / "x")]
    assert main(argv) == 2
    assert "无法写入" in capsys.readouterr().err
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "no-such-font.ttf"))
    assert "no-such-font.ttf" in _refused(url, tmp_path, capsys, "--month", MONTH)
