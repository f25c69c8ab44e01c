"""Headless Chromium through Selenium, for the browser tests and the screenshot script.

Nothing is downloaded: the browser and its driver must be installed (on Debian or Ubuntu,
`apt-get install chromium chromium-driver`). Set CHROMIUM and CHROMEDRIVER to use others,
such as Google Chrome and its chromedriver.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NamedTuple



class Program(NamedTuple):
    """What a message says of one of the two: its name, the Debian and Ubuntu package that
    installs it, and the variable that gives its path instead of the PATH."""

    name: str
    package: str
    variable: str


PROGRAMS = (Program("Chromium", "chromium", "CHROMIUM"),
            Program("chromedriver (Chromium's driver)", "chromium-driver", "CHROMEDRIVER"))

# Flags for a headless run on a machine without a network: no sandbox (CI runs as root),
# and no background requests (updates, sync, field trials) that would fail or wait.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")


def find_chromium() -> tuple[str | None, str | None]:
    """(browser, driver) paths, None for each one not found."""
    browser = os.environ.get("CHROMIUM") or _first("chromium", "google-chrome", "google-chrome-stable")
    driver = os.environ.get("CHROMEDRIVER") or _first("chromedriver")
    if not driver and os.environ.get("CHROMEWEBDRIVER"):  # GitHub's hosted runners
        candidate = Path(os.environ["CHROMEWEBDRIVER"]) / "chromedriver"
        driver = str(candidate) if candidate.exists() else None
    return browser, driver


def missing(browser: str | None, driver: str | None) -> str | None:
    """What of the two is not found (and the path of the other), and how to install it;
    None when both are found."""
    paths = (browser, driver)
    lacking = [program for program, path in zip(PROGRAMS, paths) if not path]
    if not lacking:
        return None
    found = "".join(f" (found: {path})" for path in paths if path)
    one = len(lacking) == 1
    return (f"{' and '.join(p.name for p in lacking)} not found{found}: install "
            f"{'it' if one else 'them'}, e.g. `apt-get install {' '.join(p.package for p in lacking)}` "
            f"on Debian or Ubuntu, or set {' and '.join(p.variable for p in lacking)} to "
            f"{'its path' if one else 'their paths'}")


def _first(*names: str) -> str | None:
    return next((path for path in map(shutil.which, names) if path), None)


def start_chromium(profile: Path, width: int = 1200, height: int = 800, mobile: bool = False):
    """A Selenium driver for headless Chromium with a fresh profile in `profile`, a
    `width` x `height` viewport, logging every network event (performance log) and console
    message (browser log). With `mobile`, the viewport is a phone's: the page's viewport
    meta element applies, and a page wider than the screen widens the viewport (as a phone
    zooms out) instead of scrolling sideways."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = find_chromium()
    if missing(browser, driver):
        raise RuntimeError(missing(browser, driver))
    options = webdriver.ChromeOptions()
    options.binary_location = browser  # given, so selenium-manager never looks for one
    for flag in FLAGS + (f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    # The window includes the browser's own bars; fix the page's viewport itself.
    chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    return chrome
