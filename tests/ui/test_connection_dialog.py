"""The connection dialog, driven offscreen through the asyncio loop like an operator would."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import URL

from console.connections import (
    SERVICE,
    PasswordStore,
    keyring_key,
    load_profiles,
    make_profile,
    save_profiles,
)
from console.db import engine_of, open_database
from tests.keyrings import DictKeyring
from tests.ui.conftest import until
from ui.connection_dialog import ConnectionDialog, choose_connection

SECRET = "Geheim-椒盐-42"
Run = Callable[..., Any]


@pytest.fixture
def parent() -> QWidget:
    return QWidget()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "connections.json"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> URL:
    url = URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3"))
    engine_of(open_database(url)).dispose()
    return url


async def _opened(parent: QWidget) -> ConnectionDialog:
    await until(lambda: _dialog(parent) is not None and _dialog(parent).isVisible())
    return _dialog(parent)


def _dialog(parent: QWidget) -> ConnectionDialog:
    return parent.findChild(ConnectionDialog)


def _fill(dialog: ConnectionDialog, name: str, url: str, password: str = "") -> None:
    """Type into the form (as an input method commits text: QTest types ASCII only)."""
    dialog.name_edit.insert(name)
    dialog.url_edit.insert(url)
    dialog.password_edit.insert(password)


def _dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_testing_shows_the_result_inline_with_a_busy_indicator(
    run: Run, parent: QWidget, path: Path, sqlite_url: URL
) -> None:
    async def scenario() -> None:
        chosen = asyncio.ensure_future(
            choose_connection(parent, PasswordStore(DictKeyring()), path)
        )
        dialog = await _opened(parent)
        _fill(dialog, "本机", sqlite_url.render_as_string())
        dialog.test_button.click()
        assert dialog.busy.isVisible()
        assert not dialog.test_button.isEnabled()
        await until(lambda: not dialog.busy.isVisible())
        assert "连接成功" in dialog.outcome.text() and "最新版本" in dialog.outcome.text()
        assert dialog.test_button.isEnabled() and dialog.isVisible()
        dialog.cancel_button.click()
        assert await chosen is None

    run(scenario())


def test_a_failed_test_keeps_everything_typed(run: Run, parent: QWidget, path: Path) -> None:
    url = f"postgresql+psycopg://ops@127.0.0.1:{_dead_port()}/cluster"

    async def scenario() -> None:
        chosen = asyncio.ensure_future(
            choose_connection(parent, PasswordStore(DictKeyring()), path)
        )
        dialog = await _opened(parent)
        _fill(dialog, "省级平台", url, SECRET)
        dialog.test_button.click()
        await until(lambda: not dialog.busy.isVisible())
        assert dialog.outcome.text().startswith("无法连接数据库")
        assert SECRET not in dialog.outcome.text()
        assert dialog.name_edit.text() == "省级平台"
        assert dialog.url_edit.text() == url
        assert dialog.password_edit.text() == SECRET
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        assert await chosen is None

    run(scenario())


def test_invalid_input_is_explained_and_the_dialog_stays(
    run: Run, parent: QWidget, path: Path
) -> None:
    async def scenario() -> None:
        chosen = asyncio.ensure_future(
            choose_connection(parent, PasswordStore(DictKeyring()), path)
        )
        dialog = await _opened(parent)
        _fill(dialog, "旧库", "postgresql://ops@h/cluster")
        dialog.connect_button.click()
        assert "不支持的数据库类型" in dialog.outcome.text()
        # Once the dialog's own work (its keyring probe) is over, nothing can have closed it.
        await until(
            lambda: all(t.get_name() != "connection dialog" for t in asyncio.all_tasks()),
            "the dialog's work done",
        )
        assert dialog.isVisible() and not chosen.done()
        assert dialog.url_edit.text() == "postgresql://ops@h/cluster"
        dialog.reject()
        assert await chosen is None

    run(scenario())
    assert not path.exists()


def test_enter_connects_and_saves_profile_and_password_apart(
    run: Run, parent: QWidget, path: Path, sqlite_url: URL
) -> None:
    backend = DictKeyring()
    address = sqlite_url.render_as_string()

    async def scenario() -> Any:
        chosen = asyncio.ensure_future(choose_connection(parent, PasswordStore(backend), path))
        dialog = await _opened(parent)
        _fill(dialog, "本机", address, SECRET)
        QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        return await chosen

    url, profile = run(scenario())
    assert profile == make_profile("本机", address)
    assert url.password == SECRET and url.database == sqlite_url.database
    assert load_profiles(path) == [profile]
    assert SECRET not in path.read_text(encoding="utf-8")
    assert backend.saved == {(SERVICE, keyring_key(profile)): SECRET}


def test_a_saved_profile_comes_with_its_password(run: Run, parent: QWidget, path: Path) -> None:
    first = make_profile("省级平台", "postgresql+psycopg://ops@db1/cluster")
    second = make_profile("市级平台", "mysql+pymysql://ops@db2/cluster")
    save_profiles([first, second], path)
    store = PasswordStore(DictKeyring())
    store.put(second, SECRET)

    async def scenario() -> Any:
        chosen = asyncio.ensure_future(choose_connection(parent, store, path))
        dialog = await _opened(parent)
        assert dialog.profile_list.count() == 2
        assert dialog.name_edit.text() == "省级平台"
        dialog.profile_list.setCurrentRow(1)
        assert dialog.url_edit.text() == second.url
        await until(lambda: dialog.password_edit.text() == SECRET)
        assert dialog.notice.isHidden()
        dialog.connect_button.click()
        return await chosen

    url, profile = run(scenario())
    assert profile == second
    assert url.password == SECRET and url.host == "db2"


def test_an_unavailable_keyring_is_announced(run: Run, parent: QWidget, path: Path) -> None:
    store = PasswordStore(fail.Keyring())

    async def scenario() -> Any:
        chosen = asyncio.ensure_future(choose_connection(parent, store, path))
        dialog = await _opened(parent)
        await until(dialog.notice.isVisible)
        assert "只在本次运行期间保存在内存中" in dialog.notice.text()
        assert "没有可用的系统密钥环" in dialog.notice.text()
        _fill(dialog, "省级平台", "postgresql+psycopg://ops@db1/cluster", SECRET)
        dialog.connect_button.click()
        return await chosen

    url, profile = run(scenario())
    assert url.password == SECRET
    assert store.get(profile) == SECRET
    assert SECRET not in path.read_text(encoding="utf-8")


def test_deleting_forgets_profile_and_password(run: Run, parent: QWidget, path: Path) -> None:
    first = make_profile("省级平台", "postgresql+psycopg://ops@db1/cluster")
    second = make_profile("市级平台", "mysql+pymysql://ops@db2/cluster")
    save_profiles([first, second], path)
    backend = DictKeyring()
    store = PasswordStore(backend)
    store.put(first, SECRET)

    async def scenario() -> None:
        chosen = asyncio.ensure_future(choose_connection(parent, store, path))
        dialog = await _opened(parent)
        dialog.delete_button.click()
        await until(lambda: backend.saved == {})
        assert dialog.profile_list.count() == 1
        assert dialog.name_edit.text() == "市级平台"
        dialog.cancel_button.click()
        assert await chosen is None

    run(scenario())
    assert load_profiles(path) == [second]


def test_renaming_a_profile_moves_its_password(run: Run, parent: QWidget, path: Path) -> None:
    first = make_profile("省级平台", "postgresql+psycopg://ops@db1/cluster")
    save_profiles([first], path)
    backend = DictKeyring()
    store = PasswordStore(backend)
    store.put(first, SECRET)

    async def scenario() -> Any:
        chosen = asyncio.ensure_future(choose_connection(parent, store, path))
        dialog = await _opened(parent)
        await until(lambda: dialog.password_edit.text() == SECRET)
        dialog.name_edit.setText("省级平台（主库）")
        dialog.connect_button.click()
        return await chosen

    _url, profile = run(scenario())
    assert [entry.name for entry in load_profiles(path)] == ["省级平台（主库）"]
    assert backend.saved == {(SERVICE, keyring_key(profile)): SECRET}


def test_an_unreadable_profile_file_is_reported_and_left_alone(
    run: Run, parent: QWidget, path: Path
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{broken", encoding="utf-8")

    async def scenario() -> Any:
        chosen = asyncio.ensure_future(
            choose_connection(parent, PasswordStore(DictKeyring()), path)
        )
        dialog = await _opened(parent)
        assert "连接配置文件" in dialog.outcome.text()
        _fill(dialog, "省级平台", "postgresql+psycopg://ops@db1/cluster")
        dialog.connect_button.click()
        return await chosen

    url, _profile = run(scenario())
    assert url.host == "db1"
    assert path.read_text(encoding="utf-8") == "{broken"


def test_the_connection_in_use_is_listed_when_no_profile_holds_it(
    run: Run, parent: QWidget, path: Path, sqlite_url: URL
) -> None:
    async def scenario() -> None:
        chosen = asyncio.ensure_future(
            choose_connection(parent, PasswordStore(DictKeyring()), path, current=sqlite_url)
        )
        dialog = await _opened(parent)
        assert dialog.profile_list.count() == 1
        assert dialog.profile_list.item(0).text() == "当前连接"
        assert dialog.url_edit.text() == sqlite_url.render_as_string()
        dialog.cancel_button.click()
        assert await chosen is None

    run(scenario())
