"""The main window: five area tabs, a status bar with connection, operator and data age."""

from __future__ import annotations

import asyncio
import datetime as dt

import shiboken6
from PySide6.QtCore import QMetaMethod, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QPushButton, QTabWidget, QWidget

from console.base import clock
from console.base.actor import DUTY_LABELS, Actor
from console.base.errors import ConsoleError, EnvironmentFault
from console.base.i18n import LANGUAGES, joined
from console.db import ping
from ui.dialogs import finished
from ui.drill import Drill
from ui.i18n import translated
from ui.login import PasswordDialog
from ui.session_end import Ending, claims_to_release, edits_settled
from ui.settings_dialog import edit_settings
from ui.tabs import TABS, AreaTab
from ui.tasks import Database, spawn

AGE_TICK_MS = 15_000
AUTO_REFRESH_CHOICES_MIN = (0, 1, 5, 15)


def open_to_operator(tab: AreaTab) -> bool:
    """Whether the operator's duties open ``tab``: it shows them a list, or no page of it is
    closed to them."""
    return bool(tab.panes) or tab.findChild(QLabel, "accessNote") is None


class MainWindow(QMainWindow):
    """The console's window for one operator on one database."""

    switchRequested = Signal()
    operatorSwitchRequested = Signal()
    languageChosen = Signal(str)

    def __init__(
        self, database: Database, actor: Actor, where: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.closed: asyncio.Future[None] = asyncio.get_event_loop().create_future()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("站群运维控制台 — {where}").format(where=where))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("areaTabs")
        self.tabs.setDocumentMode(True)
        self.area_tabs: dict[str, AreaTab] = {}
        for spec in TABS:
            tab = spec.build(spec, database, actor, self.tabs)
            self.area_tabs[spec.key] = tab
            self.tabs.addTab(tab, translated(spec.title))
            tab.refreshed.connect(self._refreshed)
            tab.navigate.connect(self.open_filtered)
        self.setCentralWidget(self.tabs)
        self._build_status_bar(where)
        self._build_menus()
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        database.faulted.connect(self._faulted)
        database.recovered.connect(self._recovered)
        database.zoneChanged.connect(self._zone_changed)
        self._last_refresh: dt.datetime | None = None
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_TICK_MS)
        self._age_timer.timeout.connect(self._show_age)
        self._age_timer.start()
        self._auto_timer = QTimer(self)
        self._auto_timer.timeout.connect(self.auto_refresh)
        self._refreshing = False
        self._loaded: set[str] = set()
        # How the session ends, once the operator agreed (see ``leave``).
        self.ending = Ending.QUIT
        self.release_claims = False
        self._agreed = self._asking = False
        self._restore_state()
        self._build_auto_refresh_menu()

    # -- building ------------------------------------------------------------------------

    def _build_status_bar(self, where: str) -> None:
        bar = self.statusBar()
        self.connection_label = QLabel(self.tr("已连接：{where}").format(where=where), self)
        self.connection_label.setObjectName("connectionState")
        duties = joined(translated(DUTY_LABELS[d]) for d in sorted(self.actor.duties))
        self.operator_label = QLabel(
            self.tr("操作员：{name}（{duties}）").format(name=self.actor.username, duties=duties),
            self,
        )
        self.operator_label.setObjectName("operator")
        self.age_label = QLabel(self)
        self.age_label.setObjectName("dataAge")
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("clusterZone")
        self._show_zone()
        self.retry_button = QPushButton(self.tr("重试连接"), self)
        self.retry_button.setObjectName("retry")
        self.retry_button.hide()
        self.retry_button.clicked.connect(lambda: spawn(self.retry(), "retry"))
        bar.addWidget(self.connection_label, 1)
        bar.addWidget(self.retry_button)
        bar.addPermanentWidget(self.zone_label)
        bar.addPermanentWidget(self.operator_label)
        bar.addPermanentWidget(self.age_label)
        self._where = where

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        switch = QAction(self.tr("切换数据库(&O)…"), self)
        switch.setShortcut(QKeySequence.StandardKey.Open)
        switch.triggered.connect(self.switchRequested.emit)
        file_menu.addAction(switch)
        password = QAction(self.tr("修改密码(&W)…"), self)
        password.setObjectName("changePassword")
        password.triggered.connect(lambda: spawn(self.change_password(), "password"))
        file_menu.addAction(password)
        operator = QAction(self.tr("切换操作员(&U)…"), self)
        operator.setObjectName("switchOperator")
        operator.triggered.connect(self.operatorSwitchRequested.emit)
        file_menu.addAction(operator)
        logout = QAction(self.tr("注销(&L)"), self)
        logout.setObjectName("logout")
        logout.triggered.connect(lambda: spawn(self.leave(Ending.LOGOUT), "logout"))
        file_menu.addAction(logout)
        settings = QAction(self.tr("站群设置(&T)…"), self)
        settings.setObjectName("clusterSettingsAction")
        settings.triggered.connect(lambda: spawn(self.edit_settings(), "settings"))
        file_menu.addAction(settings)
        quit_action = QAction(self.tr("退出(&Q)"), self)
        # Not the platform's Quit key: Windows and some Linux themes have none.
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        refresh = QAction(self.tr("刷新当前页(&R)"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(lambda: spawn(self.refresh_current(), "refresh"))
        view_menu.addAction(refresh)
        for index in range(self.tabs.count()):
            jump = QAction(self.tabs.tabText(index), self)
            jump.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            jump.triggered.connect(lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
            view_menu.addAction(jump)
        self.view_menu = view_menu
        language_menu = view_menu.addMenu(self.tr("界面语言"))
        names = {"zh_CN": "简体中文", "en": "English"}
        for code in LANGUAGES:
            action = QAction(names[code], self)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _c=False, c=code: self._choose_language(c))
            language_menu.addAction(action)

    def _build_auto_refresh_menu(self) -> None:
        menu = self.view_menu.addMenu(self.tr("自动刷新"))
        group = QActionGroup(self)
        saved = int(str(QSettings().value("window/autoRefreshMin", 0)))
        self.auto_refresh_actions: dict[int, QAction] = {}
        for minutes in AUTO_REFRESH_CHOICES_MIN:
            text = self.tr("关闭") if minutes == 0 else self.tr("每 {m} 分钟").format(m=minutes)
            action = QAction(text, self)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, m=minutes: self.set_auto_refresh(m))
            group.addAction(action)
            menu.addAction(action)
            self.auto_refresh_actions[minutes] = action
        self.set_auto_refresh(saved if saved in AUTO_REFRESH_CHOICES_MIN else 0)

    # -- behaviour -----------------------------------------------------------------------

    def set_auto_refresh(self, minutes: int) -> None:
        """Reload the current tab every ``minutes`` (0: only when asked), and remember it."""
        self.auto_refresh_actions[minutes].setChecked(True)
        QSettings().setValue("window/autoRefreshMin", minutes)
        if minutes:
            self._auto_timer.start(minutes * 60_000)
        else:
            self._auto_timer.stop()
        self._show_age()

    def auto_refresh(self) -> None:
        """One automatic reload: skipped while a reload runs or the tab holds unsaved edits."""
        tab = self.tabs.currentWidget()
        if self._refreshing or (isinstance(tab, AreaTab) and tab.holds_unsaved_edits()):
            return
        spawn(self.refresh_current(), "auto-refresh")

    def open_filtered(self, key: str, drill: Drill) -> None:
        """Switch to the tab ``key`` and show the rows ``drill`` asks for."""
        tab = self.area_tabs.get(key)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
            tab.show_filtered(drill)

    def _load_current(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, AreaTab) and tab.spec.key not in self._loaded:
            self._loaded.add(tab.spec.key)
            spawn(tab.refresh(), f"load-{tab.spec.key}")

    def _zone_changed(self) -> None:
        """Times on every tab were shown in the old zone: the other tabs reload when next shown
        (whoever read the new zone reloads the current one)."""
        self._show_zone()
        self._show_age()
        tab = self.tabs.currentWidget()
        self._loaded = {tab.spec.key} if isinstance(tab, AreaTab) else set()

    def _show_zone(self) -> None:
        zone = self.database.zone
        self.zone_label.setText(
            self.tr("时间按站群时区 {zone} 显示").format(zone=clock.zone_label(zone))
        )
        self.zone_label.setVisible(clock.differs_from_machine(zone))

    async def edit_settings(self) -> None:
        """Show the cluster settings; the duty that owns each may change it."""
        if await edit_settings(self.database, self.actor, self):
            await self.refresh_current()

    async def change_password(self) -> None:
        """Let the operator change their own password."""
        dialog = PasswordDialog(self.database, self.actor, None, self)
        await finished(dialog)
        dialog.deleteLater()

    async def refresh_current(self) -> None:
        """Reload every list of the current tab."""
        tab = self.tabs.currentWidget()
        if not isinstance(tab, AreaTab):
            return
        self._refreshing = True
        try:
            await self.database.read_zone()
            await tab.refresh()
        finally:
            self._refreshing = False

    async def retry(self) -> None:
        """Try the database again; on success reload what is on screen."""
        self.retry_button.setEnabled(False)
        try:
            await self.database.call(ping)
        except (EnvironmentFault, ConsoleError):
            return
        finally:
            self.retry_button.setEnabled(True)
        await self.refresh_current()

    def _faulted(self, reason: str) -> None:
        self.connection_label.setText(
            self.tr("⚠ 数据库不可用：{reason}。已显示的数据可能过时，请稍后重试。").format(
                reason=reason
            )
        )
        self.connection_label.setProperty("fault", True)
        self.retry_button.show()

    def _recovered(self) -> None:
        self.connection_label.setText(self.tr("已连接：{where}").format(where=self._where))
        self.connection_label.setProperty("fault", False)
        self.retry_button.hide()

    def _refreshed(self, when: dt.datetime) -> None:
        self._last_refresh = when
        self._show_age()

    def _show_age(self) -> None:
        if self._last_refresh is None:
            text = self.tr("尚未读取数据")
        else:
            seconds = int((clock.utcnow() - self._last_refresh).total_seconds())
            stamp = clock.shown(self._last_refresh, self.database.zone)
            if seconds < 60:
                text = self.tr("数据读取于 {t}").format(t=stamp)
            else:
                text = self.tr("数据读取于 {t}（{m} 分钟前）").format(t=stamp, m=seconds // 60)
        if self._auto_timer.isActive():
            minutes = self._auto_timer.interval() // 60_000
            text += self.tr(" · 每 {m} 分钟自动刷新").format(m=minutes)
        self.age_label.setText(text)

    def _choose_language(self, code: str) -> None:
        """Remember the language; whoever runs the session reopens the window in it at once
        (without one, the change waits for the next start, and says so in both languages)."""
        QSettings().setValue("language", code)
        if self.isSignalConnected(QMetaMethod.fromSignal(self.languageChosen)):
            self.languageChosen.emit(code)
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("界面语言"),
            "界面语言将在下次启动时切换。\nThe interface language changes at the next start.",
            parent=self,
        )
        box.open()

    def showEvent(self, event: QShowEvent) -> None:
        """Load the visible tab the first time the window is shown."""
        super().showEvent(event)
        self._load_current()
        self._show_age()

    # -- state ---------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self._open_last_tab()

    def _open_last_tab(self) -> None:
        """The tab this operator used last, if their duties open it; else the first that does."""
        saved = str(QSettings().value(self._tab_key(), ""))
        usable = [key for key, tab in self.area_tabs.items() if open_to_operator(tab)]
        key = saved if saved in usable else (usable or list(self.area_tabs))[0]
        self.tabs.setCurrentWidget(self.area_tabs[key])

    def _tab_key(self) -> str:
        return f"window/lastTab.{self.actor.username}"

    async def leave(self, ending: Ending) -> bool:
        """End the session as ``ending`` once the operator agrees: unsaved edits saved or
        dropped (保存/放弃/取消), claimed review items given back or kept; then the window
        closes (whoever runs the session releases and journals). False: the operator stays."""
        if self._asking or not shiboken6.isValid(self):
            return False
        self._asking = True
        try:
            areas = list(self.area_tabs.values())
            say = self.statusBar().showMessage
            if not await edits_settled(self, self.tabs, areas, ending, say):
                return False
            held = 0 if ending is Ending.LANGUAGE else sum(t.claims_held() for t in areas)
            release = await claims_to_release(self, held)
            if release is None:
                return False
        finally:
            if shiboken6.isValid(self):
                self._asking = False
        if not shiboken6.isValid(self):
            return False
        self.ending, self.release_claims, self._agreed = ending, release, True
        self.close()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Every way out (Ctrl+Q, Alt+F4, the close button) asks first when edits are unsaved or
        review items claimed; then save the window's geometry, layout and current tab."""
        areas = self.area_tabs.values()
        if not self._agreed and (
            self._asking
            or any(t.holds_unsaved_edits() for t in areas)
            or any(t.claims_held() for t in areas)
        ):
            event.ignore()
            spawn(self.leave(Ending.QUIT), "quit")
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        tab = self.tabs.currentWidget()
        if isinstance(tab, AreaTab):
            settings.setValue(self._tab_key(), tab.spec.key)
        super().closeEvent(event)
        if not self.closed.done():
            self.closed.set_result(None)
