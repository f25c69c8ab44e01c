"""The committed page in headless Chromium, loaded from file:// as a reader of a clone would.

One browser serves the whole module. Without Chromium these tests skip and say how to
install it, except under CI=true, where they fail: CI must run them.
"""
from __future__ import annotations

import json
import os
import struct
from contextlib import contextmanager

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT

VERSION = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
from viewer.chromium import find_chromium, missing, start_chromium
from viewer.package import load

pytestmark = pytest.mark.tools("browser")  # starts real tools: where they are installed, and always in CI

PAGE_URL = (ROOT / "docs" / "index.html").as_uri()
WIDTH, HEIGHT = 1200, 800  # the desktop viewport of these tests
PACKAGE = load(ROOT)

# Every marked row's text, joined over its elements in document order, as the DOM has it.
TEXTS_IN_THE_DOM = """
const texts = {};
for (const node of document.querySelectorAll("#article [data-table][data-id]")) {
  const key = node.dataset.table + "/" + node.dataset.id;
  texts[key] = (texts[key] || "") + node.textContent;
}
for (const node of document.querySelectorAll("#article [data-role-of]")) {
  for (const owner of node.dataset.roleOf.split(" ")) {
    texts["roles/" + owner] = (texts["roles/" + owner] || "") + node.textContent;
  }
}
return texts;
"""


def require_chromium():
    """Chromium's (browser, driver) paths; skip without either, or fail when CI=true."""
    found = find_chromium()
    message = missing(*found)
    if message:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}. CI=true, so the browser tests must run, not skip.")
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    require_chromium()
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"), WIDTH, HEIGHT)
    yield driver
    driver.quit()


def open_page(browser, address: str = ""):
    """A fresh load of the page (with `address` as its #fragment), logs emptied."""
    browser.get("about:blank")
    browser.get(PAGE_URL + (f"#{address}" if address else ""))
    return browser


def panel_text(browser) -> str:
    panel = browser.find_element(By.ID, "panel")
    assert panel.is_displayed()
    return panel.text


def mark(browser, key: str):
    return browser.find_element(By.ID, key)


# What a reader sees of an element: None if its first box lies on the screen (the visual
# viewport: on a phone, the part of a page wider than the screen that is shown) and is the
# topmost thing at its middle, the middle of its top edge and its two ends (but for the marks
# and the paragraph around it in the article, drawn behind it); otherwise what hides it.
HIDDEN_BY = """
const target = arguments[0], box = target.getClientRects()[0], view = visualViewport;
const middle = (box.top + box.bottom) / 2;
const points = [[box.left + 1, middle], [(box.left + box.right) / 2, box.top + 1],
                [(box.left + box.right) / 2, middle], [box.right - 1, middle]];
for (const [x, y] of points) {
  if (x < view.offsetLeft || y < view.offsetTop || x > view.offsetLeft + view.width
      || y > view.offsetTop + view.height) {
    return `off the screen at (${x}, ${y})`;
  }
  const top = document.elementFromPoint(x, y);
  if (!top || !(target.contains(top) || top.contains(target) && top.closest("#article"))) {
    const place = top && top.closest("[id]");
    return `${top ? top.tagName : "nothing"} in #${place ? place.id : "?"} at (${x}, ${y})`;
  }
}
return null;
"""


def hidden_by(browser, element) -> str | None:
    return browser.execute_script(HIDDEN_BY, element)


@contextmanager
def viewport(browser, width: int):
    """A desktop viewport `width` pixels wide, then the module's again."""
    def size(width: int):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    size(width)
    try:
        yield browser
    finally:
        size(WIDTH)


@contextmanager
def scripts_off(browser):
    """The pages loaded inside run without JavaScript, as with scripts blocked."""
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        yield browser
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# A statement, whose first line runs to the right edge of the text.
DEEP_LINK = "statements/s-global-web"


def deep_link_target(browser, key: str, script: bool):
    """The mark `key` after following index.html#key, with or without the script."""
    if script:
        return mark(open_page(browser, key), key)
    with scripts_off(browser):
        target = mark(open_page(browser, key), key)
        assert "is-current" not in target.get_attribute("class")  # no script ran
        return target


# -- the policy on a machine without Chromium -----------------------------------------------
# The programs on the PATH, and what the skip message must then say: what is missing (and
# where the other one is), and the Debian or Ubuntu package(s) that install it.
MISSING = [
    ({}, ["Chromium and chromedriver (Chromium's driver) not found: ",
          "`apt-get install chromium chromium-driver`", "set CHROMIUM and CHROMEDRIVER"]),
    ({"chromedriver": "/opt/x/chromedriver"},
     ["Chromium not found (found: /opt/x/chromedriver): ", "`apt-get install chromium`",
      "set CHROMIUM to"]),
    ({"chromium": "/opt/x/chromium"},
     ["chromedriver (Chromium's driver) not found (found: /opt/x/chromium): ",
      "`apt-get install chromium-driver`", "set CHROMEDRIVER to"]),
]


@pytest.mark.parametrize("installed, says", MISSING, ids=["both", "browser", "driver"])
def test_without_chromium_or_its_driver_the_tests_skip_naming_it_but_fail_under_ci(
        monkeypatch, installed, says):
    for name in ("CHROMIUM", "CHROMEDRIVER", "CHROMEWEBDRIVER", "CI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("viewer.chromium.shutil.which", installed.get)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_chromium()
    assert all(part in str(skipped.value) for part in says), str(skipped.value)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require_chromium()


# -- in the browser --------------------------------------------------------------------------
def test_every_span_is_in_the_dom_with_its_exact_text(browser):
    texts = open_page(browser).execute_script(TEXTS_IN_THE_DOM)
    expected = {}
    for name, table in PACKAGE.tables.items():
        for row in table.rows:
            if "start" in row.values:
                expected[row.citation_key] = row.values.get("text") or row.values["name"]
            if row.values.get("role_text"):
                expected[f"roles/{row.key}"] = row.values["role_text"]
    assert texts == expected


def test_clicking_a_quotation_opens_a_panel_naming_its_speakers_and_medium(browser):
    open_page(browser)
    assert not browser.find_element(By.ID, "panel").is_displayed()
    mark(browser, "quotes/q-matsuda-comply").click()
    text = panel_text(browser)
    assert "quotes/q-matsuda-comply" in text
    assert "Statement's source: Yasuhiro Matsuda" in text and "Statement's medium: Nikkei Asia" in text
    assert f"quotes/q-matsuda-comply (v{VERSION})" in text and "Copy citation" in text
    assert browser.execute_script("return location.hash") == "#quotes/q-matsuda-comply"
    mark(browser, "quotes/q-senators-stop-at-nothing").click()
    text = panel_text(browser)
    assert "Statement's source: Marco Rubio (person), Mark Warner (person)" in text and "Statement's medium: none named" in text


def test_enter_opens_the_panel_and_escape_closes_it_returning_focus(browser):
    open_page(browser)
    figure = mark(browser, "figures/f-party-membership")
    browser.execute_script("arguments[0].focus()", figure)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert "figures/f-party-membership" in panel_text(browser)
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not browser.find_element(By.ID, "panel").is_displayed()
    assert browser.switch_to.active_element == figure


def test_tab_reaches_every_mark_in_reading_order(browser):
    open_page(browser)
    expected = browser.execute_script(
        "return [...document.querySelectorAll('#article [tabindex=\"0\"]')]"
        ".map(n => n.id || 'roles/' + n.dataset.roleOf)")
    browser.execute_script(
        "document.getElementById('article').focus();"
        "window.reached = [];"
        "document.addEventListener('focusin', e => e.target.matches('#article .m')"
        "  && window.reached.push(e.target.id || 'roles/' + e.target.dataset.roleOf));")
    ActionChains(browser).send_keys(Keys.TAB * len(expected)).perform()
    assert browser.execute_script("return window.reached") == expected and len(expected) == 87


def test_a_deep_link_to_a_figure_scrolls_to_it_highlights_it_and_opens_its_panel(browser):
    open_page(browser, "figures/f-party-membership")
    text = panel_text(browser)
    assert "figures/f-party-membership" in text and "an estimated 92 million" in text
    assert "qualifier estimated" in text and "index.html#figures/f-party-membership" in text
    assert browser.find_element(By.CSS_SELECTOR, "#panel svg.interval").is_displayed()
    figure = mark(browser, "figures/f-party-membership")
    assert "is-current" in figure.get_attribute("class")
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", figure)
    assert 0 < top < browser.execute_script("return innerHeight")


@pytest.mark.parametrize("width", [WIDTH, 800], ids=[f"{WIDTH}px", "800px"])
@pytest.mark.parametrize("script", [True, False], ids=["script", "no script"])
def test_a_deep_link_s_target_is_clear_of_the_sticky_legend_and_the_panel(browser, script, width):
    """At 800 pixels the side sheet takes half the width, and the legend above the narrower
    text wraps onto more rows."""
    with viewport(browser, width):
        target = deep_link_target(browser, DEEP_LINK, script)
        legend = browser.find_element(By.ID, "legend")
        assert legend.value_of_css_property("position") == "sticky"  # what the test is about
        assert browser.find_element(By.ID, "panel").is_displayed() == script
        assert hidden_by(browser, target) is None


def test_an_unknown_id_is_answered_politely(browser):
    open_page(browser, "quotes/q-no-such-quote")
    text = panel_text(browser)
    assert "Row not found" in text and "Sorry, there is no row" in text and f"version {VERSION}" in text


def test_links_between_rows_open_their_panels(browser):
    open_page(browser, "quotes/q-matsuda-comply")
    browser.find_element(By.CSS_SELECTOR, "#panel-body a[href='#entities/nikkei_asia']").click()
    assert "entities/nikkei_asia" in panel_text(browser) and "Medium of:" in panel_text(browser)
    browser.find_element(By.CSS_SELECTOR, "a[href='#events/e-ipac-founded'] rect.bar").click()
    assert "From 2020-05-01 to 2020-08-31" in panel_text(browser)


def test_unticking_a_kind_in_the_legend_hides_its_marks(browser):
    open_page(browser)
    quote = mark(browser, "quotes/q-matsuda-comply")
    assert quote.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    browser.find_element(By.ID, "show-quotes").click()
    assert quote.value_of_css_property("background-color") == "rgba(0, 0, 0, 0)"
    assert quote.value_of_css_property("border-bottom-style") == "none"
    assert quote.get_attribute("tabindex") == "-1"
    figure = mark(browser, "figures/f-party-membership")
    assert figure.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    browser.find_element(By.ID, "show-quotes").click()
    assert quote.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"


def test_the_filter_box_keeps_matching_rows_and_counts_them(browser):
    open_page(browser)
    box = browser.find_element(By.ID, "filter")
    box.send_keys("Matsuda")
    count = browser.find_element(By.CSS_SELECTOR, "#table-quotes .count").text
    assert count == "1 of 10 rows"
    assert browser.find_element(By.ID, "row-quotes-q-matsuda-comply").is_displayed()
    assert not browser.find_element(By.ID, "row-quotes-q-ipac-mission").is_displayed()


def test_print_hides_the_panel_and_underlines_the_marks(browser):
    open_page(browser, "quotes/q-matsuda-comply")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.ID, "panel").is_displayed()
        margins = browser.execute_script(  # the text centred, not kept clear of a panel
            "const style = getComputedStyle(document.querySelector('main'));"
            "return [style.marginLeft, style.marginRight]")
        assert margins[0] == margins[1]
        quote = mark(browser, "quotes/q-matsuda-comply")
        assert quote.value_of_css_property("background-color") == "rgba(0, 0, 0, 0)"
        assert quote.value_of_css_property("text-decoration-line") == "underline"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_no_network_request_and_no_console_error(browser):
    browser.get_log("performance"), browser.get_log("browser")  # empty both logs
    open_page(browser, "quotes/%zz-malformed")
    assert "Sorry, there is no row" in panel_text(browser)
    open_page(browser, "figures/f-party-membership")
    mark(browser, "quotes/q-matsuda-comply").click()
    browser.find_element(By.CSS_SELECTOR, "#panel button.copy").click()
    browser.find_element(By.ID, "filter").send_keys("Rubio")
    events = [json.loads(entry["message"])["message"] for entry in browser.get_log("performance")]
    requested = {e["params"]["request"]["url"] for e in events
                 if e["method"] == "Network.requestWillBeSent"}
    # The browser's own pages (chrome://new-tab-page, which it may load in the background) are
    # not the network, nor is an inline data: URL; the page loads file:// and nothing else.
    page_loads = {url for url in requested if not url.startswith(("chrome://", "chrome-untrusted://", "data:"))}
    assert page_loads and all(url.startswith((PAGE_URL, "about:blank")) for url in page_loads), page_loads
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []


def test_a_screenshot_is_written(browser, tmp_path):
    open_page(browser, "quotes/q-de-pulford-list")
    path = tmp_path / "page.png"
    assert browser.save_screenshot(str(path))
    png = path.read_bytes()
    assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (WIDTH, HEIGHT)
