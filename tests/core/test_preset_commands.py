"""``inspect`` and ``presets`` on the command line: the same risks and plans as the tab."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from console.base.actor import Actor
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.presets import service as presets
from console.presets.apply import apply_to_site
from console.presets.files import load_preset, save_preset
from console.presets.plan import sites_of_kind
from console.schema import Site
from tests.core.preset_cluster import ADMIN, add_column, add_site, column, days_before, preset
from tests.staff import PASSWORD, bootstrap_staff


def _cluster(tmp_path: Path) -> tuple[str, int]:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    try:
        bootstrap_staff(sessions)
        version_id = presets.create_preset(sessions, ADMIN, preset(column("a"), column("b")))
        site_id = add_site(sessions, "3312000001", home=days_before(10))
        add_site(sessions, "3312000002", home=days_before(1))
        with sessions.begin() as session:
            for i in range(5):
                add_column(session, site_id, f"blank{i}", idle=None)
    finally:
        engine_of(sessions).dispose()
    return url, version_id


def test_inspect_prints_each_site_at_risk_as_of_the_date_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = _cluster(tmp_path)
    assert main(["--db", url, "inspect", "--json", "--as-of", "2026-11-01"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["as_of"], found["time_zone"]) == ("2026-11-01", "Asia/Shanghai")
    assert found["thresholds"]["inspection.blank_columns"] == 5
    [site] = found["sites"]
    blank = [f"blank{i}" for i in range(5)]
    assert site == {
        "site_code": "3312000001",
        # Blank news columns: never updated within two weeks as well as blank.
        "risks": [
            {"rule": "stale_news", "count": 5, "columns": blank, "sources": ["database"]},
            {"rule": "blank", "count": 5, "columns": blank, "sources": ["database"]},
        ],
        "reachability": {
            "verdict": "undetermined",
            "probes": 0,
            "failures": 0,
            "days_short_of_probes": 7,
        },
    }
    # Five days later both home pages are more than two weeks old.
    assert main(["--db", url, "inspect", "--json", "--as-of", "2026-11-16", "--all"]) == 0
    sites = json.loads(capsys.readouterr().out)["sites"]
    assert [s["site_code"] for s in sites] == ["3312000001", "3312000002"]
    assert [r["rule"] for r in sites[0]["risks"]] == ["home", "stale_news", "blank"]
    assert main(["--db", url, "inspect", "--as-of", "2026-11-01"]) == 0
    out = capsys.readouterr().out
    assert "5 个空白栏目" in out and "截至 2026-11-01（Asia/Shanghai）" in out
    assert "空白栏目（依据：数据库）" in out
    assert "首页不更新：天数 14" in out
    assert main(["--db", url, "inspect", "--as-of", "2026-13-01"]) != 0
    assert "2026-13-01" in capsys.readouterr().err


def test_presets_apply_previews_then_writes_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, version_id = _cluster(tmp_path)
    args = ["--db", url, "presets", "apply", str(version_id), "--every-site"]
    assert main([*args, "--preview"]) == 0
    assert (
        "3312000001：新增 2 个栏目，名称或位置不同 0 个，类型或规则不同 0 个，保留本地栏目 5 个"
        in (capsys.readouterr().err.splitlines())
    )
    assert main(args) != 0
    assert "--user" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("x\n"))
    assert main([*args, "--user", "nobody", "--password-stdin"]) != 0
    capsys.readouterr()
    args += ["--user", "sysadmin", "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["changed"] == 2
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["unchanged"] == 2
    exported = tmp_path / "out.json"
    assert main(["--db", url, "presets", "export", str(version_id), str(exported)]) == 0
    assert [c.code for c in load_preset(exported).columns] == ["a", "b"]


def test_presets_diff_prints_the_changes_between_two_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, first = _cluster(tmp_path)
    sessions = open_database(url)
    try:
        tree = presets.read_version(sessions, ADMIN, first)
        edited = preset(column("b"), column("c"))
        second = presets.save_version(sessions, ADMIN, tree.preset_id, tree.preset_version, edited)
    finally:
        engine_of(sessions).dispose()
    assert main(["--db", url, "presets", "diff", str(first), str(second), "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert [(c["kind"], c["code"]) for c in changes] == [
        ("moved", "b"),
        ("added", "c"),
        ("removed", "a"),
    ]
    assert changes[0]["old"] == "一级栏目第 2 位" and changes[0]["new"] == "一级栏目第 1 位"
    assert main(["--db", url, "presets", "diff", str(first), str(second)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "新增\tc\t栏目c" and out[-1] == "共 3 处变化。"
    assert main(["--db", url, "presets", "diff", str(first), "999"]) != 0
    assert "999" in capsys.readouterr().err


def test_presets_import_then_apply_shows_progress_and_an_interrupt_leaves_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _ = _cluster(tmp_path)
    login = ["--user", "sysadmin", "--password-stdin"]
    path = tmp_path / "new.json"
    save_preset(preset(column("x"), column("y"), name="另一个预设"), path)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--db", url, "presets", "import", str(path), *login]) == 0
    version_id = int(capsys.readouterr().out.split()[-1].rstrip("。"))
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    args = ["--db", url, "presets", "apply", str(version_id), "--every-site", *login]
    assert main(args) == 0
    assert "2/2" in capsys.readouterr().err
    # Interrupted after the first site: that site stays applied, the second is untouched.
    real = apply_to_site

    def interrupted(sessions: SessionFactory, actor: Actor, version: int, site: int, *rest: Any):  # type: ignore[no-untyped-def]
        if site != sites[0]:
            raise KeyboardInterrupt
        return real(sessions, actor, version, site, *rest)

    sessions = open_database(url)
    try:
        tree = presets.read_version(sessions, ADMIN, version_id)
        edited = preset(column("x"), column("y"), column("z"), name="另一个预设")
        newer = presets.save_version(sessions, ADMIN, tree.preset_id, tree.preset_version, edited)
        sites = sites_of_kind(sessions, ADMIN, newer)
    finally:
        engine_of(sessions).dispose()
    monkeypatch.setattr("console.presets.apply.apply_to_site", interrupted)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    args[4] = str(newer)
    assert main(args) == 130
    assert "已中断：1 个站点已处理完毕" in capsys.readouterr().err
    sessions = open_database(url)
    try:
        with sessions() as session:
            following = dict(session.execute(select(Site.id, Site.preset_version_id)).all())
    finally:
        engine_of(sessions).dispose()
    assert [following[site] for site in sites] == [newer, version_id]
