"""Every visible string has its English translation, and the compiled catalogue is current."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from console.base.i18n import catalogue_path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    """The Python files whose strings the catalogue covers."""
    files = [p for p in (ROOT / "console").rglob("*.py") if "migrations" not in p.parts]
    files += [*(ROOT / "ui").rglob("*.py"), ROOT / "main.py"]
    return sorted(str(p.relative_to(ROOT)) for p in files)


def update(ts: Path) -> None:
    """Refresh ``ts`` from the sources (what a developer runs after adding strings)."""
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )


def test_every_string_is_translated_to_english(tmp_path: Path) -> None:
    committed = catalogue_path("en")
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    update(copy)
    missing = [
        message.findtext("source")
        for message in ET.parse(copy).getroot().iter("message")
        if (
            message.find("translation") is None
            or message.find("translation").get("type") == "unfinished"
        )  # type: ignore[union-attr]
    ]
    assert missing == [], f"{len(missing)} strings lack English: {missing[:10]}"


def test_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / "en.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(catalogue_path("en")), "-qm", str(compiled)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert compiled.read_bytes() == catalogue_path("en", ".qm").read_bytes()


# One way to translate in the GUI: a widget's own words with self.tr("…"), a message kept as a
# constant (marked QT_TR_NOOP where it is defined) with ui.i18n.translated(constant). A literal
# handed to translated() would never reach the catalogue.
OTHER_WAYS = re.compile(r"QCoreApplication\.translate\(|(?<![\w.])translate\(|translated\(f?[\"']")


def test_the_gui_translates_one_way() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if path.name != "i18n.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OTHER_WAYS.search(line)
    ]
    assert offenders == []


def fill(ts: Path, english: dict[str, str]) -> int:
    """Give every unfinished message of ``ts`` whose source ``english`` knows its English."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is None or translation.get("type") != "unfinished" or source is None:
            continue
        if source in english:
            translation.text = english[source]
            del translation.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def release(ts: Path) -> None:
    """Compile ``ts`` into the ``.qm`` the application loads."""
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
        check=True,
        capture_output=True,
        timeout=120,
    )


def main(english_files: list[str]) -> None:
    """Refresh the catalogue, fill it from JSON files of ``{source: English}``, compile it."""
    ts = catalogue_path("en")
    update(ts)
    english: dict[str, str] = {}
    for name in english_files:
        english.update(json.loads(Path(name).read_text(encoding="utf-8")))
    filled = fill(ts, english) if english else 0
    update(ts)
    release(ts)
    print(f"{filled} strings filled")


if __name__ == "__main__":
    main(sys.argv[1:])
