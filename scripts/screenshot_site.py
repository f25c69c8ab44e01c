"""Write the page's screenshots: the committed page in headless Chromium with the panel of one
quotation open, at a desktop's size (docs/screenshot.png, which the README shows) and at a
phone's (docs/screenshot-phone.png, a phone's viewport emulated). PNG metadata chunks are
removed.

    python scripts/screenshot_site.py
"""
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.build import page_path  # noqa: E402
from viewer.chromium import start_chromium  # noqa: E402
from viewer.png import strip_metadata  # noqa: E402

SHOWN = "quotes/q-de-pulford-list"
# The article's first line just below the legend, which sticks to the top of the window.
SCROLL_TO_ARTICLE = """
const legend = document.getElementById("legend").getBoundingClientRect().height;
const top = document.getElementById("article").getBoundingClientRect().top + window.scrollY;
window.scrollTo(0, top - legend - 16);
"""


class Shot(NamedTuple):
    """One screenshot: its file, its viewport, and whether that is a phone's. On a phone the
    page is left where it scrolls the quotation, above the panel's bottom sheet."""

    path: str
    width: int
    height: int
    mobile: bool


SHOTS = (Shot("docs/screenshot.png", 1200, 800, mobile=False),
         Shot("docs/screenshot-phone.png", 390, 844, mobile=True))  # an iPhone 12 to 15


def screenshot(page: Path, shot: Shot) -> bytes:
    """The page as a PNG with the panel of SHOWN open; on a desktop, scrolled to the legend
    and the article."""
    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(Path(profile), shot.width, shot.height, mobile=shot.mobile)
        try:
            driver.get(f"{page.as_uri()}#{SHOWN}")
            if not shot.mobile:
                driver.execute_script(SCROLL_TO_ARTICLE)
            return strip_metadata(driver.get_screenshot_as_png())
        finally:
            driver.quit()


def main() -> int:
    for shot in SHOTS:
        path = ROOT / shot.path
        path.write_bytes(screenshot(page_path(ROOT), shot))
        print(f"wrote {shot.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
