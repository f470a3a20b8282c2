"""The "连接数据库" dialog: pick or edit a saved connection, test it, and connect.

Profile files, the keyring and connection tests are all blocking I/O, so each runs through
``run_io`` with a timeout; the window never waits on them and whatever the operator typed stays
in the form whatever the outcome.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.connections import (
    PasswordStore,
    Profile,
    add_profile,
    connect_url,
    delete_profile,
    load_profiles,
    make_profile,
    replace_profile,
    save_profiles,
    test_connection,
)
from ui.dialogs import finished
from ui.i18n import translated
from ui.tasks import run_io, spawn

FILE_TIMEOUT_S = 5.0
CURRENT_CONNECTION = QT_TR_NOOP("当前连接")
TEST_TIMEOUT_S = 5.0
# A server name that resolves to two addresses is tried twice, each for the connect timeout.
TEST_WAIT_S = 2 * TEST_TIMEOUT_S + 5

log = logging.getLogger(__name__)


class ConnectionDialog(QDialog):
    """Lists saved connections, edits one in a form, tests it inline and connects to it.

    On 连接 the profile is saved (without password), the password goes to the ``PasswordStore``
    and ``chosen`` holds the URL to open and its profile; the dialog is then accepted.
    """

    def __init__(
        self,
        store: PasswordStore,
        profiles: Sequence[Profile] = (),
        profiles_path: Path | None = None,
        parent: QWidget | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.chosen: tuple[URL, Profile] | None = None
        self._store = store
        self._profiles = list(profiles)
        self._path = profiles_path
        # A profile file we could not read is left alone rather than overwritten.
        self._can_save = not problem
        self._editing: Profile | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._build()
        self._refresh_list(select=0)
        if problem:
            self._say(problem, ok=False)
        self.finished.connect(self._stop)

    # Layout

    def _build(self) -> None:
        self.setWindowTitle(self.tr("连接数据库"))
        self.setMinimumWidth(640)

        self.profile_list = QListWidget(self)
        self.profile_list.setAccessibleName(self.tr("已保存的连接"))
        self.profile_list.currentRowChanged.connect(self._on_row_changed)
        self.new_button = QPushButton(self.tr("新建(&N)"), self)
        self.new_button.clicked.connect(self._on_new)
        self.delete_button = QPushButton(self.tr("删除(&D)"), self)
        self.delete_button.clicked.connect(self._on_delete)

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("连接名称"))
        self.name_edit.setPlaceholderText(self.tr("例如：省级平台主库"))
        self.url_edit = QLineEdit(self)
        self.url_edit.setAccessibleName(self.tr("数据库地址"))
        self.url_edit.setPlaceholderText(self.tr("postgresql+psycopg://用户@主机:5432/库名"))
        self.url_edit.setToolTip(
            self.tr(
                "不含密码的地址，例如：\n"
                "sqlite:///D:/站群/cluster.sqlite3\n"
                "postgresql+psycopg://用户@主机:5432/库名\n"
                "mysql+pymysql://用户@主机:3306/库名"
            )
        )
        self.password_edit = QLineEdit(self)
        self.password_edit.setAccessibleName(self.tr("数据库密码"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.single_operator = QLabel(
            self.tr(
                "SQLite 文件是单操作员数据库：数据库不能按职责限制权限，也不能防止操作日志被改写。"
                "多人协作请连接 PostgreSQL 或 MariaDB，每位操作员使用自己的数据库登录。"
            ),
            self,
        )
        self.single_operator.setObjectName("singleOperatorNotice")
        self.single_operator.setWordWrap(True)
        self.single_operator.hide()
        self.url_edit.textChanged.connect(self._on_url_changed)

        self.notice = QLabel(self)
        self.notice.setObjectName("keyringNotice")
        self.notice.setAccessibleName(self.tr("密码保存方式"))
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.busy = QProgressBar(self)
        self.busy.setAccessibleName(self.tr("正在测试连接"))
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.outcome = QLabel(self)
        self.outcome.setObjectName("connectionResult")
        self.outcome.setAccessibleName(self.tr("测试结果"))
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_buttons()
        self._lay_out()

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        self.test_button = self.buttons.addButton(
            self.tr("测试连接(&T)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.connect_button = self.buttons.addButton(
            self.tr("连接"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.test_button.clicked.connect(self._on_test)
        self.buttons.accepted.connect(self._on_connect)
        self.buttons.rejected.connect(self.reject)
        # Enter always means 连接, whichever button has the focus; Space presses the focused one.
        for button in (self.new_button, self.delete_button, self.test_button, self.cancel_button):
            button.setAutoDefault(False)
        self.connect_button.setAutoDefault(True)
        self.connect_button.setDefault(True)

    def _lay_out(self) -> None:
        side = QVBoxLayout()
        side.addWidget(self.profile_list, 1)
        side_buttons = QHBoxLayout()
        side_buttons.addWidget(self.new_button)
        side_buttons.addWidget(self.delete_button)
        side.addLayout(side_buttons)

        form = QFormLayout()
        form.addRow(self.tr("名称(&M)"), self.name_edit)
        form.addRow(self.tr("地址(&A)"), self.url_edit)
        form.addRow(self.tr("密码(&P)"), self.password_edit)
        editor = QVBoxLayout()
        editor.addLayout(form)
        editor.addWidget(self.notice)
        editor.addWidget(self.single_operator)
        editor.addStretch(1)
        editor.addWidget(self.busy)
        editor.addWidget(self.outcome)

        columns = QHBoxLayout()
        columns.addLayout(side, 1)
        columns.addLayout(editor, 2)
        body = QVBoxLayout(self)
        body.addLayout(columns)
        body.addWidget(self.buttons)

        chain = [
            self.profile_list,
            self.new_button,
            self.delete_button,
            self.name_edit,
            self.url_edit,
            self.password_edit,
            self.test_button,
            self.connect_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_url_changed(self, url: str) -> None:
        self.single_operator.setVisible(url.strip().lower().startswith("sqlite"))

    # Opening and closing

    def open(self) -> None:
        """Show the dialog window-modally and ask the keyring for the password, if any."""
        super().open()
        if self._editing is None:
            self.name_edit.setFocus()
            self._start(self._probe_keyring())
        else:
            self.password_edit.setFocus()
            self._start(self._load_password(self._editing))

    def _start(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = spawn(coroutine, "connection dialog")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _stop(self) -> None:
        """Abandon what is still running: its results have nowhere to go."""
        current = asyncio.current_task()
        for task in list(self._tasks):
            if task is not current:
                task.cancel()

    # The list

    def _refresh_list(self, select: int) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        self.profile_list.addItems([profile.name for profile in self._profiles])
        self.profile_list.blockSignals(False)
        if 0 <= select < len(self._profiles):
            self.profile_list.setCurrentRow(select)
        else:
            self._edit(None)

    def _on_row_changed(self, row: int) -> None:
        self._edit(self._profiles[row] if 0 <= row < len(self._profiles) else None)

    def _edit(self, profile: Profile | None) -> None:
        """Put ``profile`` (or an empty new one) into the form and fetch its password."""
        self._editing = profile
        self.delete_button.setEnabled(profile is not None)
        self.name_edit.setText(profile.name if profile else "")
        self.url_edit.setText(profile.url if profile else "")
        self.password_edit.clear()
        self._say("")
        if profile is not None and self.isVisible():
            self._start(self._load_password(profile))

    def _on_new(self) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.setCurrentRow(-1)
        self.profile_list.clearSelection()
        self.profile_list.blockSignals(False)
        self._edit(None)
        self.name_edit.setFocus()

    def _on_delete(self) -> None:
        if self._editing is not None:
            self._start(self._delete(self._editing))

    # Buttons

    def _on_test(self) -> None:
        form = self._form()
        if form is None:
            return
        profile, password = form
        self._set_busy(True, self.tr("正在测试连接…"))
        self._start(self._test(connect_url(profile, password)))

    def _on_connect(self) -> None:
        form = self._form()
        if form is None:
            return
        self._set_busy(True, self.tr("正在保存连接…"), show_bar=False)
        self._start(self._connect(*form))

    def _form(self) -> tuple[Profile, str] | None:
        """The profile and password in the form, or None after saying what is wrong."""
        try:
            profile = make_profile(self.name_edit.text(), self.url_edit.text())
        except InvalidInput as error:
            self._say(str(error), ok=False)
            return None
        password = self.password_edit.text()
        if not password:
            # An address typed with its password still works; the password is kept apart.
            password = make_url(self.url_edit.text().strip()).password or ""
        return profile, password

    # The work

    async def _probe_keyring(self) -> None:
        await self._keyring(self._store.probe)

    async def _load_password(self, profile: Profile) -> None:
        try:
            password = await run_io(self._store.get, self._store.timeout + 2, profile)
        except TimeoutError:
            password = None
        self._show_store()
        if password and self._editing == profile and not self.password_edit.text():
            self.password_edit.setText(password)

    async def _test(self, url: URL) -> None:
        try:
            report = await run_io(test_connection, TEST_WAIT_S, url, TEST_TIMEOUT_S)
        except TimeoutError:
            self._set_busy(False)
            self._say(self.tr("测试连接在 {n} 秒内没有结果。").format(n=TEST_WAIT_S), ok=False)
            return
        self._set_busy(False)
        self._say(report.message, ok=report.reachable)

    async def _connect(self, profile: Profile, password: str) -> None:
        previous = self._editing
        try:
            if previous is None:
                profiles = add_profile(self._profiles, profile)
            else:
                profiles = replace_profile(self._profiles, previous.name, profile)
        except InvalidInput as error:
            self._set_busy(False)
            self._say(str(error), ok=False)
            return
        await self._save(profiles)
        self._profiles = profiles
        if previous is not None and previous != profile:
            await self._keyring(self._store.forget, previous)
        if password:
            await self._keyring(self._store.put, profile, password)
        self._set_busy(False)
        self.chosen = (connect_url(profile, password), profile)
        self.accept()

    async def _delete(self, profile: Profile) -> None:
        row = self._profiles.index(profile)
        remaining = delete_profile(self._profiles, profile.name)
        await self._save(remaining)
        self._profiles = remaining
        self._refresh_list(select=min(row, len(remaining) - 1))
        await self._keyring(self._store.forget, profile)

    async def _save(self, profiles: list[Profile]) -> None:
        """Save the profiles; a failure is logged, never in the way of connecting."""
        if not self._can_save:
            return
        try:
            await run_io(save_profiles, FILE_TIMEOUT_S, profiles, self._path)
        except (OSError, TimeoutError, InvalidInput) as error:
            log.warning("connection profiles not saved: %s", error)

    async def _keyring(self, call: Callable[..., object], *args: Any) -> None:
        try:
            await run_io(call, self._store.timeout + 2, *args)
        except TimeoutError:
            log.warning("keyring call abandoned")
        self._show_store()

    # Feedback

    def _show_store(self) -> None:
        if self._store.persistent:
            self.notice.hide()
            return
        self.notice.setText(
            self.tr(
                "密码只在本次运行期间保存在内存中，不写入任何文件；下次启动需重新输入。（{reason}）"
            ).format(reason=self._store.reason)
        )
        self.notice.show()

    def _set_busy(self, busy: bool, text: str = "", show_bar: bool = True) -> None:
        self.busy.setVisible(busy and show_bar)
        self.test_button.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)
        if busy:
            self._say(text)

    def _say(self, text: str, ok: bool = True) -> None:
        self.outcome.setText(text)
        self.outcome.setProperty("failed", not ok)
        self.outcome.style().polish(self.outcome)


async def choose_connection(
    parent: QWidget | None,
    store: PasswordStore,
    profiles_path: Path | None = None,
    current: URL | None = None,
) -> tuple[URL, Profile] | None:
    """Let the operator pick, test and confirm a connection; None when they cancel.

    ``current`` (the connection in use, or the one that just failed) is listed first when no
    saved profile has its address, so the operator always sees where they are.
    The dialog is opened with ``open()`` and awaited, so the loop keeps running meanwhile.
    """
    problem = ""
    try:
        profiles = await run_io(load_profiles, FILE_TIMEOUT_S, profiles_path)
    except (InvalidInput, OSError, TimeoutError) as error:
        profiles, problem = [], str(error) or type(error).__name__
    if current is not None:
        here = make_profile(translated(CURRENT_CONNECTION), current)
        if all(profile.url != here.url for profile in profiles):
            profiles = [here, *profiles]
    dialog = ConnectionDialog(store, profiles, profiles_path, parent, problem=problem)
    try:
        code = await finished(dialog)
    finally:
        if shiboken6.isValid(dialog):
            dialog.deleteLater()
    return dialog.chosen if code == int(QDialog.DialogCode.Accepted.value) else None
