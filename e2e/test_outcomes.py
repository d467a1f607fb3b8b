import csv
import io

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import check_accessibility, sign_in, wait

ADMIN = "admin@demo.onward.example"
UNCONFIRMED = "Jobs recorded by graduates, not yet confirmed (not counted as placed)"


def figure(browser, label):
    """The figure beside `label` in the first report on the page."""
    return browser.find_element(
        By.XPATH, f"(//section[contains(@class, 'outcome-report')])[1]//dt[normalize-space()='{label}']/following-sibling::dd[1]")


def outcome(browser, code, days):
    """The count of CIRR code `code` at 90 or 180 days in the first report on the page."""
    column = 3 if days == 90 else 4
    return browser.find_element(
        By.XPATH, f"(//section[contains(@class, 'outcome-report')])[1]//tr[td[1][normalize-space()='{code}']]/td[{column}]").text


def download(browser, link_text):
    """The CSV behind the link, read with this browser's session, as rows of dicts."""
    link = browser.find_element(By.LINK_TEXT, link_text).get_attribute("href")
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    response = requests.get(link, cookies=cookies, timeout=10)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.text)))


def test_an_admin_follows_a_figure_confirms_a_job_and_publishes_the_cohort(server, browser):
    # The admin finds Outcomes beside Cohorts and Programmes.
    sign_in(browser, server, ADMIN)
    browser.get(server + "/admin/cohorts")
    browser.find_element(By.CSS_SELECTOR, "nav.subnav").find_element(By.LINK_TEXT, "Outcomes").click()
    wait(browser).until(lambda d: d.current_url.endswith("/outcomes"))
    row = browser.find_element(By.XPATH, "//tr[td/a[normalize-space()='Spring 2026']]").text
    assert "4 of 7" in row, row
    check_accessibility(browser, "outcomes-reports")

    # Spring 2026 graduated over 180 days ago: one job waits for confirmation, counted apart.
    browser.find_element(By.LINK_TEXT, "Spring 2026").click()
    wait(browser).until(lambda d: "Outcomes: Spring 2026" in d.title)
    assert figure(browser, UNCONFIRMED).text == "1"
    assert outcome(browser, "1A", 180) == "3" and outcome(browser, "4", 180) == "2"
    check_accessibility(browser, "outcomes-cohort")

    # The figure leads to who is behind it, and on to her record.
    figure(browser, UNCONFIRMED).find_element(By.TAG_NAME, "a").click()
    wait(browser).until(lambda d: "Behind jobs not yet confirmed" in d.page_source)
    browser.find_element(By.ID, "who").find_element(By.LINK_TEXT, "Nadia Rahman").click()
    wait(browser).until(lambda d: d.find_elements(By.TAG_NAME, "h1") and d.find_element(By.TAG_NAME, "h1").text == "Nadia Rahman")
    check_accessibility(browser, "outcomes-graduate")

    # The admin confirms the job she recorded, with where its documentation came from.
    card = browser.find_element(By.CSS_SELECTOR, "section[aria-label='Junior Front-end Developer at Pixel Yard']")
    assert Select(card.find_element(By.NAME, "code")).first_selected_option.get_attribute("value") == "1A", "the job proposes its code"
    Select(card.find_element(By.NAME, "source")).select_by_value("employer")
    card.find_element(By.NAME, "note").send_keys("Offer letter forwarded by the employer.")
    card.find_element(By.XPATH, ".//button[normalize-space()='Confirm this job']").click()
    wait(browser).until(lambda d: "Outcome recorded" in d.page_source)
    assert "Offer letter forwarded by the employer." in browser.find_element(By.CSS_SELECTOR, "table").text

    # Back on the report, she counts as placed: nothing waits.
    browser.find_element(By.LINK_TEXT, "Outcomes of Spring 2026").click()
    wait(browser).until(lambda d: "Outcomes: Spring 2026" in d.title)
    assert figure(browser, UNCONFIRMED).text == "0"
    assert outcome(browser, "1A", 180) == "4" and outcome(browser, "4", 180) == "1"
    rows = download(browser, "Download as CSV")
    assert rows[0]["Cohort"] == "Spring 2026" and rows[0]["1A Full-time employee at 180 days"] == "4"

    # The version for publishing names nobody and shows small counts as "< 5".
    browser.find_element(By.LINK_TEXT, "The version for publishing").click()
    wait(browser).until(lambda d: "Graduate outcomes: Spring 2026" in d.title)
    source = browser.page_source
    assert "Nadia" not in source and "/outcomes/graduates/" not in source and "who=" not in source
    assert outcome(browser, "1A", 180) == "< 5" and figure(browser, "Enrolled").text == "8"
    check_accessibility(browser, "outcomes-published")
    published = download(browser, "Download as CSV")
    assert published[0]["1A Full-time employee at 180 days"] == "< 5" and "Nadia" not in str(published)

    # Printed, it is the report alone: no site bar, buttons or links to other pages.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, ".site-header").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "a[href$='/public.csv']").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "section.outcome-report").is_displayed()
        assert browser.find_element(By.TAG_NAME, "h1").text == "Graduate outcomes: Spring 2026"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
