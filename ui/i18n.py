"""The interface language: installing it (Qt's own strings, ours, the core's translator), and
the one way to show a message marked with ``QT_TR_NOOP``.

Widgets translate their own words with ``self.tr("…")`` (the class is the context). A message
kept as a constant, marked with ``QT_TR_NOOP`` where it is defined (the core's messages and
labels, our module-level texts), is shown with ``translated(constant)`` (context "").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from console.base import i18n

APPLICATION = "站群运维控制台"
APPLICATION_EN = "Cluster Console"
# The catalogues in use: installing another language replaces them.
_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the translators for ``language`` (``zh_CN`` or ``en``) and route the core's too.

    Our source strings are Chinese, so Chinese needs only Qt's own catalogue (for standard
    buttons and dialogs); English loads ours from ``resources/translations``.
    """
    translators: list[QTranslator] = []
    qt_catalogue = QTranslator(app)
    if qt_catalogue.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        translators.append(qt_catalogue)
    if language != "zh_CN":
        ours = QTranslator(app)
        if ours.load(str(i18n.catalogue_path(language, ".qm"))):
            translators.append(ours)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed[:] = translators
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    i18n.set_translator(QCoreApplication.translate)
    # Qt appends the display name to every window title: it speaks the language too.
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(APPLICATION if language == "zh_CN" else APPLICATION_EN)
    return translators


def translated(message: str) -> str:
    """``message`` (a ``QT_TR_NOOP`` constant) in the interface language."""
    return QCoreApplication.translate("", message)
