"""Connection profiles, the password store and the connection test."""

from __future__ import annotations

import socket
import sqlite3
import uuid
from pathlib import Path

import pytest
from keyring.backends import fail
from keyring.errors import KeyringLocked
from sqlalchemy import create_engine, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, Engine

from console import connections
from console.base.errors import InvalidInput
from console.connections import (
    SERVICE,
    PasswordStore,
    Profile,
    add_profile,
    connect_url,
    delete_profile,
    keyring_key,
    load_profiles,
    make_profile,
    probe,
    profiles_path,
    replace_profile,
    save_profiles,
)
from console.db import engine_of, open_database
from console.db.migrate import head_revision
from tests.engines import scratch_database
from tests.keyrings import DictKeyring, HangingKeyring

SECRET = "Geheim-椒盐-42"
PG = "postgresql+psycopg://ops@db.example.gov.cn:5432/cluster"


class LockedKeyring(DictKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")


class LeakyKeyring(DictKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"cannot store {password!r}")


class PlaintextKeyring(DictKeyring):
    """Stands for keyrings.alt's file backend, which writes passwords to a file in clear."""

    __module__ = "keyrings.alt.file"


@pytest.fixture
def profile() -> Profile:
    return make_profile("省级平台", PG)


# Profiles


def test_profiles_round_trip_in_order(tmp_path: Path) -> None:
    path = tmp_path / "config" / "connections.json"
    profiles = [
        make_profile("省级平台", PG),
        make_profile("本机演示", f"sqlite:///{tmp_path / '演示.sqlite3'}"),
        make_profile("市级平台", "mysql+pymysql://ops@10.1.2.3:3306/cluster"),
    ]
    save_profiles(profiles, path)
    assert load_profiles(path) == profiles
    assert [entry.name for entry in load_profiles(path)] == ["省级平台", "本机演示", "市级平台"]


def test_no_password_ever_reaches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "connections.json"
    given = Profile("省级平台", f"postgresql+psycopg://ops:{SECRET}@h:5432/db?password={SECRET}")
    save_profiles([given], path)
    written = path.read_text(encoding="utf-8")
    assert SECRET not in written
    assert "***" not in written
    (loaded,) = load_profiles(path)
    assert loaded.sqlalchemy_url.password is None
    assert "password" not in loaded.sqlalchemy_url.query


def test_a_profile_drops_the_password_it_is_given() -> None:
    made = make_profile("  省级平台 ", f"postgresql+psycopg://ops:{SECRET}@h/db?sslmode=require")
    assert made == Profile("省级平台", "postgresql+psycopg://ops@h/db?sslmode=require")


def test_the_default_file_is_in_the_user_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert profiles_path() == tmp_path / "cluster-console" / "connections.json"
    save_profiles([make_profile("省级平台", PG)])
    assert load_profiles() == [make_profile("省级平台", PG)]


def test_a_missing_file_means_no_profiles_yet(tmp_path: Path) -> None:
    assert load_profiles(tmp_path / "nothing.json") == []


@pytest.mark.parametrize("content", ["{not json", '{"profiles": [{"name": "x"}]}', "[1, 2]"])
def test_an_unreadable_file_is_named_in_the_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "connections.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match="连接配置文件") as refused:
        load_profiles(path)
    assert str(path) in str(refused.value)


def test_a_failed_write_leaves_the_old_file_and_no_stray_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "connections.json"
    save_profiles([make_profile("省级平台", PG)], path)
    before = path.read_bytes()

    def broken_replace(_source: object, _target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(connections.profiles.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_profiles([make_profile("市级平台", PG)], path)
    assert path.read_bytes() == before
    assert [entry.name for entry in tmp_path.iterdir()] == ["connections.json"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", "请填写数据库地址"),
        ("not a url", "无法识别"),
        ("postgresql://ops@h/db", "不支持的数据库类型“postgresql”"),
        ("oracle+oracledb://ops@h/db", "不支持的数据库类型"),
        ("sqlite://", "需要指明数据库文件"),
        ("sqlite:///:memory:", "需要指明数据库文件"),
        ("mysql+pymysql://ops@/cluster", "缺少主机名"),
        ("postgresql+psycopg://ops@h:5432", "缺少库名"),
    ],
)
def test_an_address_must_name_a_supported_database(url: str, expected: str) -> None:
    with pytest.raises(InvalidInput, match=expected):
        make_profile("省级平台", url)


def test_a_refused_address_never_shows_its_password() -> None:
    with pytest.raises(InvalidInput) as refused:
        make_profile("省级平台", f"mysql+pymysql://ops:{SECRET}@/cluster")
    assert SECRET not in str(refused.value)


def test_a_profile_needs_a_name() -> None:
    with pytest.raises(InvalidInput, match="请填写连接名称"):
        make_profile("   ", PG)


def test_names_are_unique(tmp_path: Path) -> None:
    first, second = make_profile("省级平台", PG), make_profile("市级平台", PG)
    with pytest.raises(InvalidInput, match="已有名为“省级平台”"):
        add_profile([first], make_profile("省级平台", "sqlite:///x.sqlite3"))
    with pytest.raises(InvalidInput, match="已有名为“省级平台”"):
        replace_profile([first, second], "市级平台", make_profile("省级平台", PG))
    with pytest.raises(InvalidInput, match="已有名为"):
        save_profiles([first, first], tmp_path / "connections.json")


def test_add_replace_and_delete_by_name() -> None:
    first, second = make_profile("省级平台", PG), make_profile("市级平台", PG)
    profiles = add_profile(add_profile([], first), second)
    renamed = make_profile("省平台（主库）", PG)
    assert replace_profile(profiles, "省级平台", renamed) == [renamed, second]
    moved = make_profile("省级平台", "mysql+pymysql://ops@h/cluster")
    assert replace_profile(profiles, "省级平台", moved) == [moved, second]
    assert delete_profile(profiles, "省级平台") == [second]
    with pytest.raises(InvalidInput, match="没有名为“县级平台”"):
        delete_profile(profiles, "县级平台")


def test_connect_url_adds_the_password_only_there(profile: Profile) -> None:
    url = connect_url(profile, SECRET)
    assert url.password == SECRET
    assert SECRET not in profile.url
    assert connect_url(profile, "").password is None


# Passwords


def test_a_working_keyring_keeps_passwords_across_sessions(profile: Profile) -> None:
    backend = DictKeyring()
    store = PasswordStore(backend)
    assert store.probe() is True
    store.put(profile, SECRET)
    assert backend.saved == {(SERVICE, keyring_key(profile)): SECRET}
    assert keyring_key(profile) == f"省级平台|{PG}"
    assert PasswordStore(backend).get(profile) == SECRET
    store.forget(profile)
    assert backend.saved == {}
    store.forget(profile)
    assert store.persistent and store.reason == ""


def test_the_key_changes_with_the_address(profile: Profile) -> None:
    store = PasswordStore(DictKeyring())
    store.put(profile, SECRET)
    assert store.get(make_profile("省级平台", PG.replace("cluster", "other"))) is None


def test_no_keyring_keeps_passwords_in_memory_and_says_so(profile: Profile) -> None:
    store = PasswordStore(fail.Keyring())
    assert store.get(profile) is None
    assert store.persistent is False
    assert "没有可用的系统密钥环" in store.reason
    store.put(profile, SECRET)
    assert store.get(profile) == SECRET
    store.forget(profile)
    assert store.get(profile) is None


def test_a_hanging_keyring_is_abandoned_after_the_timeout(profile: Profile) -> None:
    backend = HangingKeyring()
    store = PasswordStore(backend, timeout=0.2)
    try:
        assert store.get(profile) is None
        # The keyring is still hanging: the store gave up on it rather than waiting it out.
        assert not backend.release.is_set()
        assert store.persistent is False
        assert "0.2 秒内没有响应" in store.reason
        store.put(profile, SECRET)
        assert backend.saved == {}
        assert store.get(profile) == SECRET
    finally:
        backend.release.set()


def test_a_plaintext_backend_is_refused(profile: Profile) -> None:
    backend = PlaintextKeyring()
    store = PasswordStore(backend)
    store.put(profile, SECRET)
    assert backend.saved == {}
    assert store.persistent is False
    assert "keyrings.alt.file.PlaintextKeyring" in store.reason
    assert store.get(profile) == SECRET


def test_a_locked_keyring_falls_back(profile: Profile) -> None:
    store = PasswordStore(LockedKeyring())
    assert store.probe() is False
    assert "已锁定" in store.reason


def test_a_keyring_error_never_repeats_the_password(profile: Profile) -> None:
    store = PasswordStore(LeakyKeyring())
    store.put(profile, SECRET)
    assert store.persistent is False
    assert "RuntimeError" in store.reason
    assert SECRET not in store.reason
    assert store.get(profile) == SECRET


# The connection test


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _migrated_file(tmp_path: Path) -> URL:
    url = URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3"))
    engine_of(open_database(url)).dispose()
    return url


def test_a_migrated_sqlite_file_is_current(tmp_path: Path) -> None:
    report = connections.test_connection(_migrated_file(tmp_path))
    assert report.reachable and report.up_to_date
    assert report.server_version.startswith("SQLite 3.")
    assert report.revision == head_revision()
    assert "最新版本" in report.message


def test_an_empty_sqlite_file_will_be_initialised(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()
    report = connections.test_connection(URL.create("sqlite", database=str(path)))
    assert report.reachable and report.revision is None and not report.up_to_date
    assert "尚未初始化" in report.message and "自动初始化" in report.message


def test_testing_a_missing_sqlite_file_does_not_create_it(tmp_path: Path) -> None:
    path = tmp_path / "新建.sqlite3"
    report = connections.test_connection(f"sqlite:///{path}")
    assert report.reachable and not report.exists
    assert "尚不存在" in report.message
    assert not path.exists()


def test_a_missing_folder_is_unreachable(tmp_path: Path) -> None:
    report = connections.test_connection(f"sqlite:///{tmp_path / 'gone' / 'x.sqlite3'}")
    assert not report.reachable
    assert "不存在" in report.message


def test_a_file_that_is_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database file, just text " * 100)
    report = connections.test_connection(URL.create("sqlite", database=str(path)))
    assert not report.reachable
    assert "无法连接数据库" in report.message


def test_a_connection_lost_while_testing_is_reported_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _migrated_file(tmp_path)

    def dropped(engine: Engine) -> str | None:
        reset = ConnectionResetError("server closed the connection unexpectedly")
        raise sa_exc.OperationalError("SELECT version_num FROM alembic_version", {}, reset)

    monkeypatch.setattr(probe, "current_revision", dropped)
    report = connections.test_connection(url)
    assert not report.reachable
    assert "server closed the connection unexpectedly" in report.message


@pytest.mark.parametrize(
    "bug",
    [
        sa_exc.ProgrammingError(
            "SELECT version_nmu FROM alembic_version", {}, Exception("no such")
        ),
        AttributeError("'NoneType' object has no attribute 'get_current_revision'"),
    ],
    ids=["wrong-statement", "python-error"],
)
def test_a_bug_while_testing_is_raised_not_called_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bug: Exception
) -> None:
    url = _migrated_file(tmp_path)

    def broken(engine: Engine) -> str | None:
        raise bug

    monkeypatch.setattr(probe, "current_revision", broken)
    with pytest.raises(type(bug)):
        connections.test_connection(url)


@pytest.mark.server
@pytest.mark.parametrize(
    ("engine", "product"), [("postgresql", "PostgreSQL"), ("mariadb", "MariaDB")]
)
def test_a_server_database_before_and_after_its_migration(
    engine: str, product: str, tmp_path: Path
) -> None:
    with scratch_database(engine, tmp_path) as url:
        before = connections.test_connection(url)
        assert before.reachable and before.revision is None
        assert before.server_version.startswith(f"{product} ")
        assert "db upgrade" in before.message
        engine_of(open_database(url, upgrade_schema=True)).dispose()
        after = connections.test_connection(url)
        assert after.up_to_date
        assert "最新版本" in after.message


@pytest.mark.server
def test_a_wrong_password_is_reported_without_it(tmp_path: Path) -> None:
    wrong = "Wrong-Passw0rd-7"
    with scratch_database("mariadb", tmp_path) as url:
        report = connections.test_connection(url.set(password=wrong))
    assert not report.reachable
    assert "Access denied" in report.message
    assert wrong not in report.message and wrong not in repr(report)


@pytest.mark.server
def test_a_chinese_password_reaches_mariadb(tmp_path: Path) -> None:
    with scratch_database("mariadb", tmp_path) as url:
        user = f"cc_{uuid.uuid4().hex[:8]}"
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE USER '{user}'@'%' IDENTIFIED BY :pw"), {"pw": SECRET})
            connection.execute(text(f"GRANT ALL ON `{url.database}`.* TO '{user}'@'%'"))
        try:
            report = connections.test_connection(url.set(username=user, password=SECRET))
        finally:
            with admin.connect() as connection:
                connection.execute(text(f"DROP USER '{user}'@'%'"))
            admin.dispose()
    assert report.reachable, report.message
    assert SECRET not in repr(report)


@pytest.mark.parametrize("driver", ["postgresql+psycopg", "mysql+pymysql"])
def test_a_dead_port_is_reported_unreachable_without_the_password(driver: str) -> None:
    url = f"{driver}://ops:{SECRET}@127.0.0.1:{_free_port()}/cluster"
    report = connections.test_connection(url, timeout=3)
    assert not report.reachable
    assert report.message.startswith("无法连接数据库")
    assert SECRET not in report.message and SECRET not in repr(report)
