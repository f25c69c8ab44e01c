"""Write docs/screenshot.png: the committed page in headless Chromium, 1200 x 800, with the
panel of one quotation open (the README shows it). PNG metadata chunks are removed.

    python scripts/screenshot_site.py
"""
import sys
import tempfile
from pathlib import Path

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


def screenshot(page: Path, width: int = 1200, height: int = 800) -> bytes:
    """The page as a PNG, scrolled to the legend and the article, with the panel of SHOWN open."""
    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(Path(profile), width, height)
        try:
            driver.get(f"{page.as_uri()}#{SHOWN}")
            driver.execute_script(SCROLL_TO_ARTICLE)
            return strip_metadata(driver.get_screenshot_as_png())
        finally:
            driver.quit()


def main() -> int:
    path = ROOT / "docs" / "screenshot.png"
    path.write_bytes(screenshot(page_path(ROOT)))
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
