"""The domain must run without Qt: kiosks, scripts and servers import it headless."""

import subprocess
import sys


def test_queue_package_imports_no_qt_module() -> None:
    code = (
        "import sys, pkgutil, importlib, counterdesk.queue as q\n"
        "for m in pkgutil.walk_packages(q.__path__, 'counterdesk.queue.'):\n"
        "    if '.migrations' not in m.name: importlib.import_module(m.name)\n"
        "import counterdesk.cli\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'PyQt', 'shiboken')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules imported by the domain: {result.stdout}"
