"""Translation for the core, without Qt.

Source strings are Simplified Chinese (the operators' language); English comes from the same
Qt Linguist catalogue the GUI uses. The GUI installs Qt's translator with ``set_translator``; the
CLI loads the ``.ts`` catalogue directly with ``use_language``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS = RESOURCES / "translations"
CATALOGUE_STEM = "cluster_console"
LANGUAGES = ("zh_CN", "en")

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def QT_TR_NOOP(text: str) -> str:
    """Mark ``text`` for translation without translating it now (it is translated when shown)."""
    return text


def translate(context: str, text: str) -> str:
    """Translate ``text`` of ``context`` into the current language."""
    return _translator(context, text)


LIST_SEPARATOR = QT_TR_NOOP("、")


def joined(items: Iterable[str]) -> str:
    """Items as a list in running text (Chinese 、, English comma)."""
    return translate("", LIST_SEPARATOR).join(items)


def set_translator(translator: Translator) -> None:
    """Route every core translation through ``translator`` (the GUI passes Qt's)."""
    global _translator
    _translator = translator


def catalogue_path(language: str, suffix: str = ".ts") -> Path:
    """Where the catalogue of ``language`` lives."""
    return TRANSLATIONS / f"{CATALOGUE_STEM}_{language}{suffix}"


def read_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """Read a Qt Linguist ``.ts`` file into ``{(context, source): translation}``."""
    table: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                table[(name, source)] = translation.text
    return table


def use_language(language: str) -> None:
    """Speak ``language`` in the core (CLI): Chinese is the source, others come from ``.ts``."""
    if language not in LANGUAGES:
        raise ValueError(language)
    if language == "zh_CN":
        set_translator(_identity)
        return
    table = read_catalogue(catalogue_path(language))
    set_translator(lambda context, text: table.get((context, text), text))
