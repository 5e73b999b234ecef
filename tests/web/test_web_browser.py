"""The web UI in a real browser (issue 19): Debian's chromium, driven through its own chromedriver.

``make test`` installs ``chromium`` and ``chromium-driver`` when they are missing. Both are named by path,
so Selenium Manager has nothing to find and downloads nothing (``SE_OFFLINE`` forbids it too). The server
is ``newsledger serve`` itself, started on a free port over the ``web_db`` store; the test reads what a
person sees (text as rendered, rows in order, no alert) and saves screenshots under its tmp dir.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
XSS_TITLE = "<script>alert('title')</script> Minister Karim visits Tripoli"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db):
    """``newsledger serve`` over ``db`` on a free port: yields its base URL, stops it after."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "newsledger.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):  # waits for the port, not for a time: gives up when the server exits
            if proc.poll() is not None:
                raise RuntimeError(f"newsledger serve exited: {proc.stdout.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def server(web_db):
    yield from _serve(web_db)


@pytest.fixture(scope="module")
def story_server(story_db):
    """The story case's store (``story_db``: the Mombasa blast, six reports from five outlets; a7 alone)."""
    yield from _serve(story_db)


@pytest.fixture(scope="module")
def browser():
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    assert not missing, f"{', '.join(missing)} missing: make test installs Debian's chromium and chromium-driver"
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must fetch nothing
    options = Options()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def _no_alert(driver) -> bool:
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def _column(driver, table: str, column: str) -> list[str]:
    heads = [th.text.replace(" ▲", "").replace(" ▼", "") for th in
             driver.find_elements(By.CSS_SELECTOR, f'table[data-table="{table}"] thead th')]
    i = heads.index(column.replace("_", " ")) + 1
    return [td.text for td in driver.find_elements(By.CSS_SELECTOR, f'table[data-table="{table}"] tbody td:nth-child({i})')]


def test_actor_page_as_a_person_sees_it(server, browser, tmp_path):
    browser.get(f"{server}/actor/khalifa-haftar")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Khalifa Haftar"
    assert _column(browser, "events", "when") == ["2017/2019", "../2020-10", "2020-10", "2021-10", "../2021-12-24"]
    assert set(_column(browser, "events", "precision")) == {"interval", "month"}
    descriptors = list(zip(_column(browser, "descriptors", "outlet"), _column(browser, "descriptors", "descriptor")))
    assert ("Press TV", "Libyan strongman") in descriptors
    assert browser.save_screenshot(str(tmp_path / "actor.png"))
    when = 'table[data-table="events"] thead th a'
    browser.find_element(By.CSS_SELECTOR, when).click()  # sort by when: the query layer's order, marked ▲
    assert browser.find_element(By.CSS_SELECTOR, when).text == "when ▲"
    assert _column(browser, "events", "when")[0] == "2017/2019"
    browser.find_element(By.CSS_SELECTOR, when).click()  # again: reversed
    assert _column(browser, "events", "when") == ["../2021-12-24", "2021-10", "2020-10", "../2020-10", "2017/2019"]


def test_timeline_rows_in_date_order_and_escaped_markup(server, browser, tmp_path):
    browser.get(f"{server}/timeline?country=LY")
    assert _column(browser, "events", "trigger") == ["visited"]
    browser.get(f"{server}/timeline")
    whens = _column(browser, "events", "when")
    press_tv = [w for w, o in zip(whens, _column(browser, "events", "outlet")) if o == "Press TV"]
    assert press_tv[:7] == ["2011/..", "2017/2019", "../2020-10", "2020-10", "2021-10", "2021-11-01", "2021-11-01"]
    assert _column(browser, "undated", "when") and set(_column(browser, "undated", "precision")) == {"unknown"}
    assert browser.save_screenshot(str(tmp_path / "timeline.png"))
    browser.get(f"{server}/articles")
    browser.find_element(By.LINK_TEXT, XSS_TITLE).click()  # the title is a link whose text is the markup
    assert browser.find_element(By.TAG_NAME, "h1").text == XSS_TITLE and _no_alert(browser)
    assert browser.find_element(By.CSS_SELECTOR, ".unsafe-url").text == "javascript:alert('url')"
    assert browser.find_elements(By.CSS_SELECTOR, "a.original") == []  # a javascript: url is never a link
    assert browser.execute_script("return document.querySelectorAll('script, img').length") == 0
    assert browser.find_elements(By.CSS_SELECTOR, ".text a.mark") == []  # plain text first
    browser.find_element(By.LINK_TEXT, "claims").click()  # a layer is a link: no script
    shown = [p for p in browser.find_elements(By.CSS_SELECTOR, ".text.layer-claims p.layer") if p.is_displayed()]
    assert shown and browser.find_elements(By.CSS_SELECTOR, ".text a.mark-content")
    assert any("<img src=x onerror=alert('quote')>" in p.text for p in shown) and _no_alert(browser)
    assert browser.save_screenshot(str(tmp_path / "article.png"))


def _visible(element) -> bool:
    box = element.rect
    return element.is_displayed() and box["width"] > 0 and box["height"] > 0


def test_story_page_shows_the_provenance_graph_and_prints(story_server, browser, tmp_path):
    browser.get(f"{story_server}/stories?min_outlets=2")
    [link] = browser.find_elements(By.CSS_SELECTOR, 'table[data-table="stories"] td.col-story_id a')
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Mombasa fuel depot explosion: at least 11 dead"
    reports = browser.find_elements(By.CSS_SELECTOR, "svg.provgraph a.report")
    origins = browser.find_elements(By.CSS_SELECTOR, "svg.provgraph g.origin")
    assert len(reports) == 6 and len(origins) == 2 and all(_visible(n) for n in reports + origins)
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "svg.provgraph text")]
    assert labels == ["2024-09-17 · Coastline Press Agency", "2024-09-17 · Equator Digest",
                      "2024-09-17 · Kampala Evening Post", "2024-09-17 · Northgate Tribune",
                      "2024-09-17 · Kilindini Herald", "2024-09-19 · Kilindini Herald",
                      "Coastline Press Agency (outlet)", "Kilindini Herald (outlet)"]
    # every edge ends on an origin node: the drawn line's right end lies inside an origin's box
    boxes = [o.find_element(By.TAG_NAME, "rect").rect for o in origins]
    ends = browser.execute_script(
        "return [...document.querySelectorAll('svg.provgraph .edge line')].map(l => {"
        " const r = l.getBoundingClientRect(); return [r.right + window.scrollX, r.top + window.scrollY,"
        " r.bottom + window.scrollY]; })")
    assert len(ends) == 6
    for right, top, bottom in ends:
        assert any(abs(right - b["x"]) < 2 and (b["y"] - 1 <= top <= b["y"] + b["height"] + 1
                                                or b["y"] - 1 <= bottom <= b["y"] + b["height"] + 1) for b in boxes)
    assert browser.find_element(By.CSS_SELECTOR, "dd.independent strong").text == "2"
    assert browser.save_screenshot(str(tmp_path / "story.png"))
    reports[0].click()  # a report node is a link to its article
    assert browser.find_element(By.TAG_NAME, "h1").text == "Fuel depot blast kills at least 11 in Kenyan port city of Mombasa"
    assert "/article/" in browser.current_url
    browser.back()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, "header.top").is_displayed()
        assert not [p for p in browser.find_elements(By.CSS_SELECTOR, ".pager") if p.is_displayed()]
        assert all(_visible(n) for n in browser.find_elements(By.CSS_SELECTOR, "svg.provgraph a.report"))
        assert browser.save_screenshot(str(tmp_path / "story-print.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
