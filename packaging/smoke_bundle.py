"""Run a built bundle as an office PC would, without the project's Python: the CI smoke test.

    python packaging/smoke_bundle.py dist/counterdesk

Each command runs the bundle's own executable in an empty environment (``env -i`` style: only
HOME, a system PATH and the offscreen Qt platform; no virtual environment, no PYTHONPATH) and in
an empty folder, so nothing can come from the checkout: ``db upgrade`` on a fresh SQLite file
(the migrations inside the bundle), ``status`` (the sample office inside it), then ``kiosk
--snapshot`` and ``board --snapshot`` (Qt, its plugins, the fonts and translations), whose PNGs
must exist and not be blank. Exits 1 with what failed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

TIMEOUT_S = 120
# A drawn window has text and panels: far more than this share of its pixels differ from its
# most common colour. A blank (one colour) or nearly blank snapshot has almost none.
MIN_DRAWN = 0.02


def run(executable: Path, folder: Path, *args: str) -> str:
    """Run one bundle command in ``folder``; its output, or SystemExit naming the failure."""
    environment = {
        "HOME": str(folder),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    config = folder / "counterdesk.toml"
    command = [str(executable), "--db", f"sqlite:///{folder / 'office.sqlite3'}"]
    command += ["--config", str(config), *args]
    done = subprocess.run(
        command, cwd=folder, env=environment, capture_output=True, text=True, timeout=TIMEOUT_S
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}\n{done.stdout}{done.stderr}")
    return done.stdout


def drawn_share(png: Path) -> float:
    """The share of pixels that differ from the picture's most common colour."""
    with Image.open(png) as image:
        pixels = image.convert("RGB")
        colours = pixels.getcolors(maxcolors=pixels.width * pixels.height) or []
    total = pixels.width * pixels.height
    return 1 - max(count for count, _ in colours) / total


def smoke(bundle: Path) -> list[str]:
    """Run the four commands; the problems found (empty: the bundle works)."""
    executable = bundle / ("counterdesk.exe" if sys.platform == "win32" else "counterdesk")
    if not executable.is_file():
        return [f"{executable}: no such program (build it with packaging/build_bundle.py)"]
    problems = []
    with tempfile.TemporaryDirectory(prefix="counterdesk-bundle-") as name:
        folder = Path(name)
        (folder / "counterdesk.toml").write_text("")
        upgraded = run(executable, folder, "db", "upgrade")
        if "schema at" not in upgraded:
            problems.append(f"db upgrade said: {upgraded!r}")
        status = run(executable, folder, "status")
        if "Business day" not in status or "A precheck" not in status:
            problems.append(f"status shows no sample office: {status!r}")
        for window in ("kiosk", "board"):
            png = folder / f"{window}.png"
            run(executable, folder, window, "--snapshot", str(png))
            if not png.is_file():
                problems.append(f"{window} --snapshot wrote no {png.name}")
            elif (share := drawn_share(png)) < MIN_DRAWN:
                problems.append(f"{window} snapshot is blank ({share:.1%} drawn)")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: smoke_bundle.py BUNDLE_FOLDER", file=sys.stderr)
        return 2
    started = time.monotonic()
    problems = smoke(Path(args[0]).resolve())
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"bundle smoke test passed in {time.monotonic() - started:.0f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
