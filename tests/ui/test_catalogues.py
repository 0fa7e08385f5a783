"""Every staff screen's catalogue is complete: pyside6-lupdate, run over the sources as a
translator would, finds no text without a Chinese translation, and the committed .qm is
what pyside6-lrelease makes of the committed .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from counterdesk.ui.translation import FOLDER

PACKAGE = FOLDER.parent
# The set-up core's modules with words the wizard shows: checks, refusals, what Finish did.
SETUP_CORE = ("answers", "checks", "autostart", "install", "settings_file")
# Each window family's catalogue and the sources it is extracted from.
FAMILIES = {
    # The console and the supervisor window share the case pieces (registering, moving).
    "counter": [*sorted((PACKAGE / "counter").glob("*.py")), PACKAGE / "ui" / "case_views.py"],
    "kiosk": sorted((PACKAGE / "kiosk").glob("*.py")),
    # The board's corner also shows the devices' faults in words.
    "board": [*sorted((PACKAGE / "board").glob("*.py")), PACKAGE / "devices" / "faults.py"],
    "rating_screen": sorted((PACKAGE / "rating_screen").glob("*.py")),
    "supervisor": [
        *sorted((PACKAGE / "supervisor").glob("*.py")),
        PACKAGE / "ui" / "case_views.py",
    ],
    "demo": sorted((PACKAGE / "demo").glob("*.py")),
    # The wizard also shows the set-up core's words: its checks and what Finish did.
    "setup_wizard": [
        *sorted((PACKAGE / "setup_wizard").glob("*.py")),
        *(PACKAGE / "setup" / f"{name}.py" for name in SETUP_CORE),
    ],
}
TOOLS = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(TOOLS)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (from PySide6) is not installed")
    return found


def test_every_catalogue_belongs_to_a_window_family() -> None:
    assert {path.name for path in FOLDER.glob("*.ts")} == {f"{f}_zh_TW.ts" for f in FAMILIES}


@pytest.mark.parametrize("family", FAMILIES)
def test_the_catalogue_translates_every_text_of_its_sources(family: str, tmp_path: Path) -> None:
    catalogue = tmp_path / f"{family}_zh_TW.ts"
    shutil.copy(FOLDER / catalogue.name, catalogue)
    sources = [str(path) for path in FAMILIES[family]]
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(catalogue)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    left = [
        f"{context.findtext('name')}: {message.findtext('source')!r} ({kind})"
        for context in ET.parse(catalogue).getroot().iter("context")
        for message in context.iter("message")
        if (kind := message.find("translation").get("type", "")) in ("unfinished", "vanished")
        or not message.findtext("translation")
    ]
    assert left == [], f"translate these in {FOLDER / catalogue.name}, then run lrelease"


@pytest.mark.parametrize("family", FAMILIES)
def test_the_committed_qm_is_compiled_from_the_committed_ts(family: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"{family}_zh_TW.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(FOLDER / f"{family}_zh_TW.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert compiled.read_bytes() == (FOLDER / compiled.name).read_bytes()
