"""The committed page on a phone: headless Chromium emulating a phone's screen (the viewport
meta element applies, and a page wider than the screen makes the browser zoom out), 360 and
390 CSS pixels wide. There:

- the page never scrolls sideways, and the panel and its Close button stay on screen
- a deep link's target is clear of the legend and the panel, with and without the script
- marks turned off leave no gaps
- the panel writes figures as people write them

The same page on a desktop: tests/test_site_browser.py, whose helpers these tests share.
"""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from test_site_browser import (DEEP_LINK, deep_link_target, hidden_by, mark, open_page,
                               require_chromium)
from viewer.chromium import start_chromium

pytestmark = pytest.mark.tools("browser")  # starts real tools: where they are installed, and always in CI

PHONES = (360, 390)  # CSS pixels: a small Android phone, an iPhone 12 to 15
HEIGHT = 780

# The document's width, the viewport's, and the elements that stick out on the right (the
# side a page scrolls to), but for those inside a scroll container of their own.
WIDTHS = """
const outside = [...document.querySelectorAll("body *")].filter(node => {
  const box = node.getBoundingClientRect();
  return !node.parentElement.closest(".scroll") && box.width > 0 && box.right > innerWidth;
});
return [document.documentElement.scrollWidth, innerWidth,
        outside.slice(0, 5).map(node => node.tagName + "." + node.className)];
"""


@pytest.fixture(scope="module", params=PHONES, ids=lambda width: f"{width}px")
def phone(request, tmp_path_factory):
    require_chromium()
    driver = start_chromium(tmp_path_factory.mktemp("phone-profile"), request.param, HEIGHT,
                            mobile=True)
    driver.screen_width = request.param
    yield driver
    driver.quit()


def assert_no_sideways_scroll(phone):
    document, viewport, outside = phone.execute_script(WIDTHS)
    assert (document, viewport, outside) == (phone.screen_width, phone.screen_width, [])


def test_the_page_never_scrolls_sideways_nor_does_the_panel(phone):
    assert_no_sideways_scroll(open_page(phone))
    mark(phone, "quotes/q-matsuda-comply").click()
    panel = phone.find_element(By.ID, "panel")
    assert panel.is_displayed()
    assert_no_sideways_scroll(phone)
    assert phone.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", panel)
    assert_no_sideways_scroll(open_page(phone, "entities/luke_de_pulford"))


def test_the_timeline_is_drawn_large_enough_to_read_in_a_box_that_scrolls(phone):
    """Its labels at 10 pixels or more, in a box of its own no wider than the screen."""
    label_size, box_width, drawn_width = open_page(phone).execute_script(
        "const svg = document.querySelector('svg.timeline'), box = svg.parentElement;"
        "const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
        "const size = parseFloat(getComputedStyle(svg.querySelector('.label')).fontSize);"
        "return [size * scale, box.getBoundingClientRect().right, box.scrollWidth];")
    assert label_size >= 10 and box_width <= phone.screen_width < drawn_width


def test_the_panel_s_close_button_is_on_screen_even_with_the_panel_scrolled(phone):
    open_page(phone)
    mark(phone, "figures/f-party-membership").click()
    close = phone.find_element(By.ID, "panel-close")
    assert hidden_by(phone, close) is None
    phone.execute_script("document.getElementById('panel').scrollTop = 1e6")
    assert phone.execute_script("return document.getElementById('panel').scrollTop") > 0
    assert hidden_by(phone, close) is None
    close.click()
    assert not phone.find_element(By.ID, "panel").is_displayed()


@pytest.mark.parametrize("script", [True, False], ids=["script", "no script"])
def test_a_deep_link_s_target_is_clear_of_the_legend_and_the_panel(phone, script):
    target = deep_link_target(phone, DEEP_LINK, script)
    assert phone.find_element(By.ID, "panel").is_displayed() == script
    assert hidden_by(phone, target) is None


def test_the_panel_writes_figures_with_thousands_separators(phone):
    """As the article writes 79,000: the interval's label, its caption and the fields; the
    CSV line stays as the file has it."""
    open_page(phone, "figures/f-party-membership")
    shown = phone.execute_script(
        "const body = document.getElementById('panel-body').cloneNode(true);"
        "const line = body.querySelector('pre.csv'); line.remove();"
        "return [body.textContent, line.textContent]")
    assert shown[0].count("92,000,000") == 3 and "92000000" not in shown[0]
    assert ",92000000," in shown[1]
    open_page(phone, "figures/f-members-embedded")
    assert "Upper bound 2,000,000, excluded" in phone.find_element(By.ID, "panel").text


# For each paragraph of the article, how far (in CSS pixels) its layout is from its plain
# text's (a copy beside it, without marks): in its height, and where its last character ends.
DRIFT_FROM_PLAIN_TEXT = """
const measure = p => {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let last = null;
  while (walker.nextNode()) { last = walker.currentNode; }
  const range = document.createRange();
  range.setStart(last, last.length - 1); range.setEnd(last, last.length);
  const box = p.getBoundingClientRect(), end = range.getBoundingClientRect();
  return [box.height, end.right - box.left, end.top - box.top];
};
return [...document.querySelectorAll("#article p")].map(p => {
  const plain = p.cloneNode(false);
  plain.textContent = p.textContent;
  p.after(plain);
  const [marked, copy] = [measure(p), measure(plain)];
  plain.remove();
  return Math.max(...marked.map((value, i) => Math.abs(value - copy[i])));
});
"""


def test_marks_turned_off_leave_no_gaps_in_the_text(phone):
    """With every kind unticked in the legend, each paragraph lays out exactly as its plain
    text: no padding or border of a hidden mark is left between the words."""
    open_page(phone)
    boxes = phone.find_elements(By.CSS_SELECTOR, "#legend input[type=checkbox]")
    phone.execute_script("arguments[0].forEach(box => box.click())", boxes)
    assert not any(box.is_selected() for box in boxes)
    drift = phone.execute_script(DRIFT_FROM_PLAIN_TEXT)
    assert len(drift) > 10
    # Text shaped in pieces (at the marks' edges) may end a fraction of a pixel off; a hidden
    # mark's border or padding is a pixel or more.
    assert {index: round(d, 2) for index, d in enumerate(drift) if d >= .5} == {}
