"""The domain, reporting, devices and the status server run without Qt: scripts and servers
import them headless (the web server runs on machines with no display libraries)."""

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # a fresh interpreter imports every package


@pytest.mark.parametrize(
    "package",
    [
        "counterdesk.queue",
        "counterdesk.analytics",
        "counterdesk.feedback",
        "counterdesk.simulation",
        "counterdesk.reporting",
        "counterdesk.devices",
        "counterdesk.commands",
        "counterdesk.web",
    ],
)
def test_package_imports_no_qt_module(package: str) -> None:
    code = (
        f"import sys, pkgutil, importlib, {package} as p\n"
        f"for m in pkgutil.walk_packages(p.__path__, '{package}.'):\n"
        "    if '.migrations' not in m.name: importlib.import_module(m.name)\n"
        "import counterdesk.cli\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'PyQt', 'shiboken')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules imported by {package}: {result.stdout}"
