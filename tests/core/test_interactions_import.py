"""Importing interaction messages: default headings, a mapping file, bad rows named, all or
nothing, personal data dropped, re-imports updating, the direct feed and the command line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from console.base.errors import InvalidInput, NotPermitted
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.interactions.importing import check_file, feed, import_file
from console.interactions.records import MessageRecord, masked_title
from console.schema import (
    ChannelKind,
    InteractionChannel,
    InteractionMessage,
    JournalEntry,
    MessageState,
)
from tests.core.preset_cluster import ADMIN, READER, add_site
from tests.staff import PASSWORD, bootstrap_staff

HEADINGS = [
    "网站标识码", "渠道名称", "渠道类型", "留言编号", "留言标题", "留言时间", "答复时间",
    "办理状态", "是否有效", "是否公开", "答复单位",
]  # fmt: skip
SITE = "3312000001"
OTHER = "3312000002"
BEIJING = ZoneInfo("Asia/Shanghai")


def _row(number: str, **changes: str) -> list[str]:
    values = {
        "网站标识码": SITE,
        "渠道名称": "局长信箱",
        "渠道类型": "政务咨询",
        "留言编号": number,
        "留言标题": "关于办理居住证的咨询",
        "留言时间": "2026-03-01 09:30",
        "答复时间": "2026-03-05 16:00",
        "办理状态": "已办结",
        "是否有效": "是",
        "是否公开": "是",
        "答复单位": "市公安局",
    } | changes
    return [values[h] for h in HEADINGS]


def _csv(path: Path, rows: list[list[str]], headings: list[str] = HEADINGS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headings)
        writer.writerows(rows)
    return path


def _messages(sessions: SessionFactory) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(InteractionMessage)) or 0)


@pytest.fixture
def cluster(sessions: SessionFactory) -> SessionFactory:
    add_site(sessions, SITE)
    add_site(sessions, OTHER)
    return sessions


def test_a_file_with_default_headings_creates_channels_and_messages(
    cluster: SessionFactory, tmp_path: Path
) -> None:
    rows = [
        _row("A1"),
        _row("A2", 答复时间="", 办理状态="待办理", 是否公开="否"),
        _row("A3", 是否有效="否（重复留言）"),
        _row("B1", 网站标识码=OTHER, 渠道名称="在线访谈", 渠道类型="在线访谈"),
    ]
    done = import_file(cluster, ADMIN, _csv(tmp_path / "m.csv", rows))
    assert (done.added, done.updated) == (4, 0)
    assert sorted(done.new_channels) == [f"{SITE}/局长信箱", f"{OTHER}/在线访谈"]
    with cluster() as session:
        kinds = {
            a: b
            for a, b in session.execute(select(InteractionChannel.name, InteractionChannel.kind))
        }
        assert kinds == {"局长信箱": ChannelKind.CONSULTATION, "在线访谈": ChannelKind.INTERVIEW}
        first = session.scalars(select(InteractionMessage).filter_by(number="A1")).one()
        # 09:30 Beijing time is 01:30 UTC, the stored form.
        assert first.received_at == dt.datetime(2026, 3, 1, 1, 30)
        assert first.state == MessageState.CLOSED and first.public and first.valid
        pending = session.scalars(select(InteractionMessage).filter_by(number="A2")).one()
        assert pending.answered_at is None and not pending.public
        spam = session.scalars(select(InteractionMessage).filter_by(number="A3")).one()
        assert not spam.valid and spam.invalid_reason == "重复留言"
        entry = session.scalars(select(JournalEntry).filter_by(action="interactions.import")).one()
        assert '"added":4' in entry.after.replace(" ", "")


def test_every_bad_row_is_named_and_nothing_is_written(
    cluster: SessionFactory, tmp_path: Path
) -> None:
    rows = [
        _row("A1"),
        _row("A2", 网站标识码="3312009999"),
        _row("A3", 答复时间="2026-02-01 10:00"),
        _row("A4", 是否有效="否"),
        _row("A5", 渠道类型="随便聊聊"),
        _row("A6", 答复时间=""),
        _row("A1"),
        _row("A7", 渠道类型="建言"),
        _row("A8", 留言时间="2026年3月1日"),
        _row("A9", 留言时间="2099-01-01"),
    ]
    path = _csv(tmp_path / "bad.csv", rows)
    checked = check_file(cluster, ADMIN, path)
    named = {row.line: " ".join(row.problems) for row in checked.bad}
    assert sorted(named) == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert "3312009999 未登记" in named[3]
    assert "早于留言时间" in named[4]
    assert "须注明原因" in named[5]
    assert "随便聊聊" in named[6]
    assert "缺少答复时间" in named[7]
    assert "重复（第 2 行）" in named[8]
    assert "已登记为“政务咨询”" in named[9]
    assert "格式不对" in named[10]
    assert "晚于现在" in named[11]
    with pytest.raises(InvalidInput, match="9 条记录有问题"):
        import_file(cluster, ADMIN, path)
    assert _messages(cluster) == 0


def test_a_channel_known_with_another_kind_is_refused(
    cluster: SessionFactory, tmp_path: Path
) -> None:
    import_file(cluster, ADMIN, _csv(tmp_path / "a.csv", [_row("A1")]))
    path = _csv(tmp_path / "b.csv", [_row("A2", 渠道类型="信访")])
    with pytest.raises(InvalidInput):
        import_file(cluster, ADMIN, path)
    assert _messages(cluster) == 1


def test_personal_columns_are_dropped_and_numbers_in_titles_masked(
    cluster: SessionFactory, tmp_path: Path
) -> None:
    headings = [*HEADINGS, "留言人姓名", "联系电话", "备注"]
    title = "我的手机13812345678，身份证33010619900101123X，问社保"
    rows = [[*_row("A1", 留言标题=title), "张三", "13812345678", "无"]]
    done = import_file(cluster, ADMIN, _csv(tmp_path / "p.csv", rows, headings))
    assert done.personal == ("留言人姓名", "联系电话") and done.ignored == ("备注",)
    with cluster() as session:
        stored = session.scalars(select(InteractionMessage.title)).one()
    assert "13812345678" not in stored and "33010619900101123X" not in stored
    assert stored.startswith("我的手机***********") and stored.endswith("问社保")
    assert masked_title("无号码的标题") == "无号码的标题"


def test_a_mapping_file_reads_another_platforms_export_from_xlsx(
    cluster: SessionFactory, tmp_path: Path
) -> None:
    theirs = ["站点编码", "栏目", "类别", "编号", "提交时间", "回复时间", "状态", "有效", "公开"]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(theirs)
    sheet.append([SITE, "我要咨询", "咨询类", "X-1", dt.datetime(2026, 4, 1, 8), None, "处理中",
                  "Y", "N"])  # fmt: skip
    sheet.append([SITE, "我要咨询", "咨询类", "X-2", dt.datetime(2026, 4, 2, 8),
                  dt.datetime(2026, 4, 3, 8), "已处理", "Y", "Y"])  # fmt: skip
    path = tmp_path / "theirs.xlsx"
    book.save(path)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "headings": {
                    "站点编码": "网站标识码",
                    "栏目": "渠道名称",
                    "类别": "渠道类型",
                    "编号": "留言编号",
                    "提交时间": "留言时间",
                    "回复时间": "答复时间",
                    "状态": "办理状态",
                    "有效": "是否有效",
                    "公开": "是否公开",
                },
                "values": {
                    "渠道类型": {"咨询类": "政务咨询"},
                    "办理状态": {"已处理": "已答复", "处理中": "待办理"},
                },
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    done = import_file(cluster, ADMIN, path, mapping)
    assert done.added == 2 and not done.bad
    with cluster() as session:
        states = {
            a: b
            for a, b in session.execute(select(InteractionMessage.number, InteractionMessage.state))
        }
    assert states == {"X-1": MessageState.PENDING, "X-2": MessageState.ANSWERED}


@pytest.mark.parametrize(
    "content",
    ["not json", '["a list"]', '{"headings": {"x": "不存在的列"}}', '{"values": {"渠道类型": 1}}'],
)
def test_an_unusable_mapping_file_is_refused_in_one_line(
    cluster: SessionFactory, tmp_path: Path, content: str
) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"映射文件 mapping\.json 无法使用"):
        check_file(cluster, ADMIN, _csv(tmp_path / "m.csv", [_row("A1")]), mapping)


def test_a_file_missing_required_headings_is_refused(
    cluster: SessionFactory, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "m.csv", [["x"]], ["网站标识码"])
    with pytest.raises(InvalidInput, match="渠道名称"):
        check_file(cluster, ADMIN, path)


def test_a_re_import_updates_a_known_message(cluster: SessionFactory, tmp_path: Path) -> None:
    first = _row("A1", 答复时间="", 办理状态="待办理")
    import_file(cluster, ADMIN, _csv(tmp_path / "a.csv", [first]))
    done = import_file(cluster, ADMIN, _csv(tmp_path / "b.csv", [_row("A1"), _row("A2")]))
    assert (done.added, done.updated, done.new_channels) == (1, 1, ())
    with cluster() as session:
        message = session.scalars(select(InteractionMessage).filter_by(number="A1")).one()
    assert message.state == MessageState.CLOSED
    assert message.answered_at == dt.datetime(2026, 3, 5, 8)


def test_the_direct_feed_takes_aware_records_all_or_nothing(cluster: SessionFactory) -> None:
    good = MessageRecord(
        SITE,
        "市长信箱",
        ChannelKind.CONSULTATION,
        "F1",
        dt.datetime(2026, 5, 1, 9, tzinfo=BEIJING),
        MessageState.ANSWERED,
        answered_at=dt.datetime(2026, 5, 2, 9, tzinfo=BEIJING),
    )
    naive = MessageRecord(
        SITE,
        "市长信箱",
        ChannelKind.CONSULTATION,
        "F2",
        dt.datetime(2026, 5, 1),
        MessageState.PENDING,
    )
    with pytest.raises(InvalidInput):
        feed(cluster, ADMIN, [good, naive])
    assert _messages(cluster) == 0
    assert feed(cluster, ADMIN, [good], "platform").added == 1
    with pytest.raises(NotPermitted):
        feed(cluster, READER, [good])


@pytest.fixture
def cli_cluster(tmp_path: Path) -> Iterator[tuple[str, SessionFactory]]:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    bootstrap_staff(sessions)
    add_site(sessions, SITE)
    try:
        yield url, sessions
    finally:
        engine_of(sessions).dispose()


def test_the_command_checks_names_bad_rows_and_imports(
    cli_cluster: tuple[str, SessionFactory],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, sessions = cli_cluster
    bad = _csv(tmp_path / "bad.csv", [_row("A1"), _row("A2", 是否有效="否")])
    assert main(["--db", url, "interactions", "import", str(bad), "--dry-run"]) == 1
    assert "第 3 行（A2）" in capsys.readouterr().err
    headings = [*HEADINGS, "手机号码"]
    good = _csv(tmp_path / "good.csv", [[*_row("A1"), "13812345678"]], headings)
    assert main(["--db", url, "interactions", "import", str(good)]) == 2
    assert "--user" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    argv = ["--db", url, "interactions", "import", str(good), "--user", "sysadmin"]
    assert main([*argv, "--password-stdin"]) == 0
    out = capsys.readouterr().out
    assert "手机号码" in out and "新增留言 1 条" in out
    assert _messages(sessions) == 1
    missing = tmp_path / "missing.csv"
    assert main(["--db", url, "interactions", "import", str(missing), "--dry-run"]) == 2
    assert "missing.csv" in capsys.readouterr().err
