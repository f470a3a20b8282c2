"""``report annual``: each site's report as XLSX and PDF in the template's order plus the
summary workbook; drafts and missing figures said on the face; refusals in one line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from console.annual.figures import save_figures
from console.annual.template import national
from console.base import clock
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.schema import Filing, Site, SiteDomain
from tests.core.preset_cluster import ADMIN, add_site

YEAR = 2025
SITE, OTHER = "3312000001", "3312000002"


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, SessionFactory]]:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    try:
        for code in (SITE, OTHER):
            add_site(sessions, code)
        yield url, sessions
    finally:
        engine_of(sessions).dispose()


def _complete(sessions: SessionFactory, code: str) -> None:
    """Every required figure of ``code`` for ``YEAR``: the filings and the entered ones."""
    with sessions.begin() as session:
        site = session.query(Site).filter_by(code=code).one()
        session.add(Filing(site_id=site.id, icp_number="浙ICP备13353696号-1",
                           psb_number="浙公网安备33120202002862号"))  # fmt: skip
        session.add(SiteDomain(site_id=site.id, domain="lyj.yunxi.gov.cn", is_main=True))
        site_id = site.id
    samples = {"count": "3", "decimal": "1.5", "yes_no": "是", "text": "王五"}
    values = {
        spec.key: spec.options[0] if spec.options else samples[spec.type]
        for spec in national().rows.values()
        if spec.entered and spec.required
    }
    save_figures(sessions, ADMIN, site_id, YEAR, values)


def _sheet_values(path: Path) -> list[tuple[object, ...]]:
    book = load_workbook(path)
    try:
        return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def test_each_site_gets_a_workbook_and_a_pdf_and_the_summary_lists_every_site(
    cluster: tuple[str, SessionFactory], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, sessions = cluster
    _complete(sessions, SITE)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", url, "report", "annual", "--year", str(YEAR), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert f"{OTHER}\t测试站{OTHER}\t缺少必填项：" in captured.err and SITE not in captured.err
    assert "已生成 2 个网站的年度报表（5 个文件）" in captured.out
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([
        f"{SITE}_测试站{SITE}_{YEAR}年度报表.xlsx", f"{SITE}_测试站{SITE}_{YEAR}年度报表.pdf",
        f"{OTHER}_测试站{OTHER}_{YEAR}年度报表.xlsx", f"{OTHER}_测试站{OTHER}_{YEAR}年度报表.pdf",
        f"政府网站工作年度报表汇总_{YEAR}年度.xlsx",
    ])  # fmt: skip
    complete = _sheet_values(out / f"{SITE}_测试站{SITE}_{YEAR}年度报表.xlsx")
    assert complete[0][0] == f"测试站{SITE} 政府网站工作年度报表（{YEAR}年度）"
    labels = [row[0] for row in complete if row[0] is not None]
    order = [labels.index(s.label) for s in national().rows.values() if s.label in labels]
    assert order == sorted(order)  # the template's row order
    visits = next(row for row in complete if row[0] == "网站总访问量")
    assert visits[1] == 3 and isinstance(visits[1], int) and visits[3].startswith("admin 于")
    lacking = _sheet_values(out / f"{OTHER}_测试站{OTHER}_{YEAR}年度报表.xlsx")
    texts = [str(cell) for row in lacking for cell in row if cell is not None]
    assert any(text.startswith("本表缺少必填项") for text in texts)
    visits = next(row for row in lacking if row[0] == "网站总访问量")
    assert visits[1] == "未填写"
    pdf = (out / f"{OTHER}_测试站{OTHER}_{YEAR}年度报表.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
    summary = _sheet_values(out / f"政府网站工作年度报表汇总_{YEAR}年度.xlsx")
    heading = next(row for row in summary if row and row[0] == "网站标识码")
    rows = [row for row in summary if row and row[0] in (SITE, OTHER)]
    assert [row[0] for row in rows] == [SITE, OTHER]
    assert len(heading) == 4 + len(national().rows)
    assert rows[0][3] in ("", None) and "独立用户访问总量" in rows[1][3]


def test_a_year_not_over_is_a_draft_on_its_face(
    cluster: tuple[str, SessionFactory], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = cluster
    year = clock.today(clock.zone_named("Asia/Shanghai")).year
    argv = ["--db", url, "report", "annual", "--year", str(year), "--site", SITE]
    assert main([*argv, "--out", str(tmp_path)]) == 1
    assert f"{year} 年度尚未结束" in capsys.readouterr().out
    values = _sheet_values(tmp_path / f"{SITE}_测试站{SITE}_{year}年度报表.xlsx")
    assert str(values[0][0]).startswith("【草稿】")
    assert any(str(row[0]).startswith("草稿：") for row in values if row[0])


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--site", "3312009999"], "3312009999"),
        (["--year", "2999"], "2999"),
    ],
)
def test_refusals_are_one_line_and_write_nothing(
    cluster: tuple[str, SessionFactory],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    said: str,
) -> None:
    url, _ = cluster
    argv = ["--db", url, "report", "annual", "--year", str(YEAR), "--out", str(tmp_path), *extra]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err and len(err.strip().splitlines()) == 1
    assert [p for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".pdf")] == []


def test_no_folder_or_no_font_is_told_before_anything_is_written(
    cluster: tuple[str, SessionFactory],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, _ = cluster
    argv = ["--db", url, "report", "annual", "--year", str(YEAR), "--out"]
    assert main([*argv, str(tmp_path / "missing")]) == 2
    assert "不是可写入的文件夹" in capsys.readouterr().err
    monkeypatch.setenv("CLUSTER_CONSOLE_CJK_FONT", str(tmp_path / "none.ttf"))
    assert main([*argv, str(tmp_path)]) == 2
    assert "none.ttf" in capsys.readouterr().err
    assert list(tmp_path.glob("*.xlsx")) == []


def test_the_report_command_keeps_room_for_other_reports() -> None:
    from console.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["report", "annual", "--year", "2025", "--out", "x"])
    assert (args.report, args.year, args.site) == ("annual", 2025, [])
