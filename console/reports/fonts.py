"""Finding a font with Chinese glyphs that reportlab can embed (TrueType outlines).

Searched in order: the file named by ``CLUSTER_CONSOLE_CJK_FONT``, then well-known files in
the usual font folders of Linux (文泉驿, Droid), Windows (微软雅黑, 宋体, 黑体) and macOS.
OpenType CJK fonts with PostScript outlines (Noto Sans CJK, Source Han) cannot be embedded
by reportlab and are not used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from console.base.errors import ConsoleError
from console.base.i18n import QT_TR_NOOP

ENVIRONMENT = "CLUSTER_CONSOLE_CJK_FONT"
# File name → the index of the face to use in a collection (.ttc).
KNOWN_FILES: tuple[tuple[str, int], ...] = (
    ("wqy-microhei.ttc", 0),
    ("wqy-zenhei.ttc", 0),
    ("DroidSansFallbackFull.ttf", 0),
    ("DroidSansFallback.ttf", 0),
    ("msyh.ttc", 0),
    ("msyh.ttf", 0),
    ("simhei.ttf", 0),
    ("simsun.ttc", 0),
    ("Arial Unicode.ttf", 0),
)
NO_FONT = QT_TR_NOOP(
    "找不到可嵌入 PDF 的中文字体（如 文泉驿微米黑 wqy-microhei.ttc、微软雅黑 msyh.ttc）。"
    "请安装 fonts-wqy-microhei，或用环境变量 {variable} 指定字体文件。"
)
BAD_FONT = QT_TR_NOOP("字体文件“{path}”不存在或无法读取。")


class MissingFont(ConsoleError):
    """No font with Chinese glyphs was found; the message names what to install."""


def font_folders() -> list[Path]:
    """The folders searched for fonts on this system."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    data = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")
    return [home / ".fonts", home / ".local/share/fonts"] + [Path(d) / "fonts" for d in data]


def find_cjk_font(folders: list[Path] | None = None) -> tuple[Path, int]:
    """The font file (and face index) to embed; ``MissingFont`` naming what to install."""
    named = os.environ.get(ENVIRONMENT, "").strip()
    if named:
        path = Path(named)
        if not path.is_file():
            raise MissingFont(BAD_FONT, path=named)
        return path, 0
    wanted = dict(KNOWN_FILES)
    found: dict[str, Path] = {}
    for folder in font_folders() if folders is None else folders:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name in wanted and name not in found:
                    found[name] = Path(root) / name
    for name, face in KNOWN_FILES:
        if name in found:
            return found[name], face
    raise MissingFont(NO_FONT, variable=ENVIRONMENT)
