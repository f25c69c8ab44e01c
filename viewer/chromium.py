"""Headless Chromium through Selenium, for the browser tests and the screenshot script.

Nothing is downloaded: the browser and its driver must be installed (on Debian or Ubuntu,
`apt-get install chromium chromium-driver`). Set CHROMIUM and CHROMEDRIVER to use others,
such as Google Chrome and its chromedriver.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

INSTALL_HINT = ("install Chromium and its driver, e.g. `apt-get install chromium chromium-driver` "
                "on Debian or Ubuntu, or set CHROMIUM and CHROMEDRIVER to their paths")

# Flags for a headless run on a machine without a network: no sandbox (CI runs as root),
# and no background requests (updates, sync, field trials) that would fail or wait.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")


def find_chromium() -> tuple[str, str] | None:
    """(browser, driver) paths, or None when either is missing."""
    browser = os.environ.get("CHROMIUM") or _first("chromium", "google-chrome", "google-chrome-stable")
    driver = os.environ.get("CHROMEDRIVER") or _first("chromedriver")
    if not driver and os.environ.get("CHROMEWEBDRIVER"):  # GitHub's hosted runners
        candidate = Path(os.environ["CHROMEWEBDRIVER"]) / "chromedriver"
        driver = str(candidate) if candidate.exists() else None
    return (browser, driver) if browser and driver else None


def _first(*names: str) -> str | None:
    return next((path for path in map(shutil.which, names) if path), None)


def start_chromium(profile: Path, width: int = 1200, height: int = 800):
    """A Selenium driver for headless Chromium with a fresh profile in `profile`, a
    `width` x `height` viewport, logging every network event (performance log) and console
    message (browser log)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_chromium()
    if not found:
        raise RuntimeError(f"Chromium not found: {INSTALL_HINT}")
    browser, driver = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser  # given, so selenium-manager never looks for one
    for flag in FLAGS + (f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    # The window includes the browser's own bars; fix the page's viewport itself.
    chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return chrome
