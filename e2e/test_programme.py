from selenium.webdriver.common.by import By

from helpers import check_accessibility, sign_in, wait


def road_item(driver, title):
    for item in driver.find_elements(By.CSS_SELECTOR, ".road-item"):
        if item.find_element(By.TAG_NAME, "strong").text == title:
            return item
    raise AssertionError(f"no road map item {title!r}")


def status(driver):
    return driver.find_element(By.CSS_SELECTOR, ".programme-status").text


def test_a_graduate_posts_a_standup_skips_a_task_and_stays_enrolled(server, browser):
    sign_in(browser, server, "grace.liu@demo.onward.example")
    browser.get(server + "/programme")
    assert "Enrolled" in status(browser)
    check_accessibility(browser, "programme-road-map")

    browser.find_element(By.LINK_TEXT, "Post your standup").click()
    wait(browser).until(lambda d: "/programme/standup" in d.current_url)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    # Nothing typed: the form says what is missing, and keeps the page.
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"))
    check_accessibility(browser, "programme-standup-errors")
    browser.find_element(By.ID, "field-yesterday").send_keys("Finished the habit tracker's tests")
    browser.find_element(By.ID, "field-today").send_keys("Two applications and a kata")
    browser.find_element(By.CSS_SELECTOR, "input[name=mood][value='4']").click()
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    wait(browser).until(lambda d: d.current_url.endswith("/programme"))
    assert "Your standup is posted." in browser.page_source
    assert "Standup posted" in browser.find_element(By.CSS_SELECTOR, "section[aria-label=Today]").text

    road_item(browser, "Network").find_element(By.XPATH, ".//button[normalize-space()='Skip']").click()
    wait(browser).until(lambda d: "Skipped" in road_item(d, "Network").text)
    assert "Enrolled" in status(browser)
    check_accessibility(browser, "programme-after-standup")


def test_a_missed_retrospective_shows_at_risk_with_the_reason_until_it_is_done(server, browser):
    sign_in(browser, server, "dev.patel@demo.onward.example")
    browser.get(server + "/programme")
    assert "At risk" in status(browser)
    assert "Weekly retrospective" in status(browser)
    check_accessibility(browser, "programme-at-risk")
    overdue = browser.find_element(By.CSS_SELECTOR, "section[aria-label=Overdue]")
    overdue.find_element(By.LINK_TEXT, "Write it").click()
    wait(browser).until(lambda d: "/programme/retrospective" in d.current_url)
    check_accessibility(browser, "programme-retrospective")
    browser.find_element(By.ID, "field-went_well").send_keys("Sent eleven applications")
    browser.find_element(By.ID, "field-did_not_go_well").send_keys("No replies yet")
    browser.find_element(By.ID, "field-learned").send_keys("My CV buries my projects")
    browser.find_element(By.ID, "field-focus").send_keys("Rewrite the CV with my coach")
    browser.find_element(By.CSS_SELECTOR, "input[name=better][value=not_sure]").click()
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    wait(browser).until(lambda d: d.current_url.endswith("/programme"))
    assert "Enrolled" in status(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "section[aria-label=Overdue]")
    browser.get(server + "/programme/retrospectives")
    assert "Rewrite the CV with my coach" in browser.page_source
    check_accessibility(browser, "programme-retrospectives")
