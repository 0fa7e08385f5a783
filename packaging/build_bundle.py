"""Build the one-folder bundle of counterdesk: ``dist/counterdesk/counterdesk[.exe]``.

    pip install -e '.[bundle]'          # PyInstaller, next to the project's own packages
    python packaging/build_bundle.py    # -> dist/counterdesk/ (about 300 MB, in about 45 s)

The folder holds a Python interpreter, every package counterdesk imports, Qt's libraries and
plugins, and counterdesk's own data: the bundled CJK fonts, the Qt translations (.qm), the sample
office, the Alembic migrations (as .py files: Alembic reads them from disk), and the status
site's templates and static files. Copy the folder to a PC and run ``counterdesk`` inside it
with the same commands and settings file as an installed counterdesk (see README, "Installing
in an office — the bundle").

Why PyInstaller and not pyside6-deploy: pyside6-deploy compiles with Nuitka, which needs a C
compiler and takes tens of minutes for an application of this size on a 2-core CI machine, and
it is made for one Qt program; counterdesk is also a web server (uvicorn, FastAPI), a notifier
and a command line, whose lazy imports (pyttsx3's drivers, uvicorn's protocols) and data files
PyInstaller's hooks already know. PyInstaller builds in a few minutes with no compiler, its
PySide6 hooks collect only the Qt modules that are imported (and their plugins), and the same
command builds the Windows .exe folder.

Windows: run the same two commands on a Windows PC (Python 3.11 from python.org, 64-bit);
PyInstaller does not cross-compile, so the Windows folder is built on Windows. It gives
``dist\\counterdesk\\counterdesk.exe``. What differs there, none of it in the bundle:

- Voices: pyttsx3 speaks through SAPI5. A Mandarin (Taiwan) voice comes with the Chinese
  (Traditional, Taiwan) speech pack of Windows: "Microsoft Hanhan Desktop"; set ``voice_zh`` to
  its name or id as ``counterdesk voice list`` shows it (e.g. ``voice_zh = "Microsoft Hanhan
  Desktop - Chinese (Taiwan)"``), and ``voice_en`` to e.g. "Microsoft Zira Desktop". The
  OneCore voices ("Microsoft Yating", "Microsoft Zhiwei") are not SAPI5 voices and are not
  listed until they are registered for SAPI5. Sound plays through PowerShell's SoundPlayer.
- Printers: ``win32:NAME`` prints raw ESC/POS to the Windows printer NAME (as Settings ->
  Printers names it) and needs pywin32, which this script adds when it builds on Windows
  (``pip install pywin32`` first); USB printers with a vendor driver are reached that way, not
  through ``usb:`` (which needs libusb and a WinUSB driver).
- Paths come from platformdirs: the settings file is
  ``%LOCALAPPDATA%\\counterdesk\\counterdesk.toml``, the default SQLite database and the logs
  are under ``%LOCALAPPDATA%\\counterdesk\\``.
- Start-at-login and the console: the bundle is a console program (``--console``: the
  command line prints its answers and ``counterdesk kiosk`` its problems), not a windowed one.
  The Startup-folder file ``counterdesk setup`` writes starts ``counterdesk.exe`` in a console
  window of its own, which stays open as long as the role runs; closing it ends the role (a
  checkout's entry runs ``pythonw.exe`` instead, which has none). The logs are in their
  files as well (the paths above).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "counterdesk"
NAME = "counterdesk"
# PyInstaller's --add-data separator: ";" on Windows, ":" elsewhere.
SEP = ";" if sys.platform == "win32" else ":"

# counterdesk's files that are not Python modules, (source, folder inside the bundle). The
# modules find them next to their own __file__, which in the bundle is _internal/counterdesk/.
DATA = [
    ("resources/fonts", "counterdesk/resources/fonts"),
    ("resources/offices", "counterdesk/resources/offices"),
    ("queue/migrations", "counterdesk/queue/migrations"),
    ("web/templates", "counterdesk/web/templates"),
    ("web/static", "counterdesk/web/static"),
]
TRANSLATIONS = "i18n/*.qm"

# Imported by name at run time, so PyInstaller's scan of the import statements misses them.
HIDDEN = ["pyttsx3.drivers", "uvicorn", "counterdesk"]

# Qt modules counterdesk never imports (it uses QtCore, QtGui, QtWidgets and QtCharts) but that
# Qt plugins or PySide6's own hooks would drag in; and Python packages only the tests use.
EXCLUDE = [
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtPdf",
    "PySide6.QtSvg",
    "PySide6.QtVirtualKeyboard",
    "PySide6.QtWebEngineCore",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
    "PySide6.QtDBus",
    "tkinter",
    "pytest",
    "hypothesis",
    "selenium",
    "schemathesis",
    "mypy",
    "IPython",
    "matplotlib",
]


def pyinstaller_args(dist: Path, work: Path, lean: bool) -> list[str]:
    """The PyInstaller command line; ``lean=False`` builds without the exclusions (to compare
    the sizes)."""
    args = [
        str(Path(__file__).resolve().parent / "entry.py"),
        "--name",
        NAME,
        "--onedir",
        "--console",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
    ]
    for source, target in DATA:
        args += ["--add-data", f"{PACKAGE / source}{SEP}{target}"]
    args += ["--add-data", f"{PACKAGE / TRANSLATIONS}{SEP}counterdesk/i18n"]
    for name in HIDDEN:
        args += ["--collect-submodules", name]
    args += ["--collect-data", "escpos"]  # its printer profiles (capabilities.json)
    if sys.platform == "win32":
        args += ["--hidden-import", "win32print"]  # the win32: printer
    if lean:
        for name in EXCLUDE:
            args += ["--exclude-module", name]
    return args


# Qt plugins a counter PC never loads, and the libraries only they need (found afterwards by
# ``unreachable_libraries``): the on-screen keyboard (Qt Quick and QML, 20 MB), the GTK theme
# (GTK and its stack), the PDF image format (QtPdf), VNC and the framebuffer platforms. The
# xcb (X11), Wayland and offscreen platforms stay.
UNUSED_PLUGINS = [
    "platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "platformthemes/libqgtk3.so",
    "imageformats/libqpdf.so",
    "platforms/libqvnc.so",
    "platforms/libqlinuxfb.so",
    "platforms/libqvkkhrdisplay.so",
]
# Qt's own catalogues: counterdesk's windows speak Traditional Chinese or English only.
KEEP_TRANSLATIONS = "*_zh_TW.qm"


def needed(elf: Path) -> set[str]:
    """The shared libraries an ELF file names as NEEDED (readelf, from binutils, which
    PyInstaller itself needs on Linux)."""
    dynamic = subprocess.run(
        ["readelf", "-d", str(elf)], capture_output=True, text=True, check=False
    ).stdout
    return {
        line.split("[", 1)[1].split("]", 1)[0]
        for line in dynamic.splitlines()
        if "(NEEDED)" in line
    }


def unreachable_libraries(internal: Path) -> list[Path]:
    """The bundle's top-level shared libraries that no program, Python extension or Qt plugin
    needs, directly or through another library. (A library loaded only by name at run time,
    with ctypes, would be lost too: the smoke test runs the bundle to catch that.)"""
    libraries = {path.name: path for path in internal.glob("*.so*") if path.is_file()}
    # Python extensions and Qt plugins live in subfolders; the program loads libpython itself.
    roots = [path for path in internal.rglob("*.so*") if path.parent != internal]
    roots += [internal.parent / NAME, *internal.glob("libpython*")]
    reached = {root.name for root in roots if root.parent == internal}
    todo = [name for root in roots for name in needed(root)]
    while todo:
        name = todo.pop()
        if name in libraries and name not in reached:
            reached.add(name)
            todo += needed(libraries[name])
    return [path for name, path in libraries.items() if name not in reached]


def prune(folder: Path) -> None:
    """Remove the unused Qt plugins and translations, then the libraries left unneeded."""
    internal = folder / "_internal"
    qt = internal / "PySide6" / "Qt"
    for plugin in UNUSED_PLUGINS:
        (qt / "plugins" / plugin).unlink(missing_ok=True)
    for catalogue in (qt / "translations").glob("*.qm"):
        if not catalogue.match(KEEP_TRANSLATIONS):
            catalogue.unlink()
    for library in unreachable_libraries(internal):
        library.unlink()


def folder_size(folder: Path) -> int:
    """The bytes the folder takes, as ``du`` counts them: a symbolic link (PyInstaller links
    Qt's libraries) counts as the link, not again as the file it points to."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    parser.add_argument(
        "--no-excludes", action="store_true", help="keep the unused modules (to compare sizes)"
    )
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__
    except ImportError:
        print("PyInstaller is missing: pip install -e '.[bundle]'", file=sys.stderr)
        return 2
    started = time.monotonic()
    PyInstaller.__main__.run(pyinstaller_args(args.dist, args.work, not args.no_excludes))
    folder = args.dist / NAME
    if not args.no_excludes and sys.platform == "linux":
        prune(folder)
    shutil.rmtree(args.work, ignore_errors=True)
    megabytes = folder_size(folder) / 1e6
    print(f"{folder}: {megabytes:.0f} MB, built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
