"""The Qt GUI: thin widgets and item models over the services of ``console``."""

from ui import qt_fixes

qt_fixes.install()
