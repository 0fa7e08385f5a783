"""Headless Chromium at phone or TV size, shared by the end-to-end tests and the docs screenshots.

Debian's ``chromium`` and ``chromium-driver`` are used by path, so selenium never tries to
download a browser or a driver.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

PHONE = (390, 844)  # CSS pixels of a common phone
TV = (1920, 1080)  # a 1080p TV's browser at 100 %
SMALL_PHONE = (360, 740)
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")


def chromium_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def require_chromium() -> tuple[str, str]:
    """The browser and driver; fails under CI (the packages must be there), else skips."""
    paths = chromium_paths()
    if paths is None:
        message = "headless Chromium is missing: apt-get install chromium chromium-driver"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return paths


@contextlib.contextmanager
def phone_browser(size: tuple[int, int] = PHONE, scale: float = 1) -> Iterator[webdriver.Chrome]:
    """A Chromium emulating a phone's screen (touch, ``size`` CSS pixels, ``scale`` DPR)."""
    with _chromium(size, scale, mobile=True) as driver:
        yield driver


@contextlib.contextmanager
def tv_browser(size: tuple[int, int] = TV, *flags: str) -> Iterator[webdriver.Chrome]:
    """A Chromium filling a TV's screen (no touch) of ``size`` CSS pixels, with ``flags``."""
    with _chromium(size, 1, mobile=False, flags=flags) as driver:
        yield driver


@contextlib.contextmanager
def _chromium(
    size: tuple[int, int], scale: float, *, mobile: bool, flags: tuple[str, ...] = ()
) -> Iterator[webdriver.Chrome]:
    browser, driver_path = require_chromium()
    options = Options()
    options.binary_location = browser
    for flag in (*FLAGS, *flags):
        options.add_argument(flag)
    options.add_argument(f"--window-size={size[0]},{size[1]}")
    options.add_argument("--lang=zh-TW")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": size[0], "height": size[1], "deviceScaleFactor": scale, "mobile": mobile},
        )
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": mobile})
        yield driver
    finally:
        driver.quit()


def screenshot(driver: webdriver.Chrome, target: Path, *, full_page: bool = False) -> Path:
    """Save what the phone shows (or the whole page) as a PNG."""
    params: dict[str, object] = {"format": "png"}
    if full_page:
        width, height = driver.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollHeight]"
        )
        params |= {
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        }
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", params)
    target.write_bytes(base64.b64decode(shot["data"]))
    return target


def overflow(driver: webdriver.Chrome) -> int:
    """How many CSS pixels the page is wider than the screen (0: nothing sticks out)."""
    return int(
        driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    )


# axe-core, vendored (MPL-2.0: tests/web/axe/LICENSE): CI needs no npm and no network.
AXE = Path(__file__).with_name("axe") / "axe.min.js"
# What Taiwan's guideline follows (WCAG 2.1 A and AA), and axe's best practices, which check
# the landmarks and the order of the headings.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")


def accessibility_violations(driver: webdriver.Chrome) -> list[str]:
    """axe-core's violations of ``AXE_TAGS`` on the page shown, one line per rule and element.

    The script is injected through the driver (not the page), so the strict
    Content-Security-Policy does not block it.
    """
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations), e => done(String(e)));",
        list(AXE_TAGS),
    )
    if isinstance(result, str):
        raise RuntimeError(f"axe-core failed: {result}")
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} at {node['target']}: "
        f"{node['failureSummary']}"
        for rule in result
        for node in rule["nodes"]
    ]
