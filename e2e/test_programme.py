from selenium.webdriver.common.by import By

from helpers import check_accessibility, sign_in, sign_out, wait


def find_road_item(driver, title):
    for item in driver.find_elements(By.CSS_SELECTOR, ".road-item"):
        if item.find_element(By.TAG_NAME, "strong").text == title:
            return item
    return None


def road_item(driver, title):
    item = find_road_item(driver, title)
    assert item is not None, f"no road map item {title!r}"
    return item


def shows(title, text):
    """For a wait: the road map item `title` shows `text` (not yet, while the page is loading)."""
    def check(driver):
        item = find_road_item(driver, title)
        return item is not None and text in item.text
    return check


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
    # The graduate stays where they posted, and goes back to the road map from there.
    wait(browser).until(lambda d: "Your standup is posted." in d.page_source)
    assert browser.current_url.endswith("/programme/standup")
    browser.find_element(By.LINK_TEXT, "Back to your road map").click()
    wait(browser).until(lambda d: d.current_url.endswith("/programme"))
    assert "Standup posted" in browser.find_element(By.CSS_SELECTOR, "section[aria-label=Today]").text

    road_item(browser, "Network").find_element(By.XPATH, ".//button[normalize-space()='Skip']").click()
    wait(browser).until(shows("Network", "Skipped"))
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


def test_a_graduates_first_week_standup_skip_goal_reassessed_retrospective_and_enrolled(server, browser):
    sign_in(browser, server, "noor.haddad@demo.onward.example")
    browser.get(server + "/programme")
    assert "Week 1" in browser.find_element(By.CSS_SELECTOR, ".lede").text
    assert "Enrolled" in status(browser)

    browser.find_element(By.LINK_TEXT, "Post your standup").click()
    wait(browser).until(lambda d: "/programme/standup" in d.current_url)
    browser.find_element(By.ID, "field-yesterday").send_keys("Presented my final project")
    browser.find_element(By.ID, "field-today").send_keys("Reassess my goals and send two applications")
    browser.find_element(By.CSS_SELECTOR, "input[name=mood][value='3']").click()
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    wait(browser).until(lambda d: "Your standup is posted." in d.page_source)
    browser.find_element(By.LINK_TEXT, "Back to your road map").click()
    wait(browser).until(lambda d: d.current_url.endswith("/programme"))
    road_item(browser, "Code").find_element(By.XPATH, ".//button[normalize-space()='Skip']").click()
    wait(browser).until(shows("Code", "Skipped"))

    # Week 1 asks for the goals written on the course to be read again.
    assert "To do" in road_item(browser, "Reassess your SMART goals").text
    road_item(browser, "Reassess your SMART goals").find_element(By.LINK_TEXT, "Reassess").click()
    wait(browser).until(lambda d: d.current_url.endswith("/programme/goals"))
    check_accessibility(browser, "programme-goals")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Reassess").click()
    wait(browser).until(lambda d: "/programme/goals/" in d.current_url)
    check_accessibility(browser, "programme-goal-reassess")
    measurable = browser.find_element(By.ID, "field-measurable")
    measurable.clear()
    measurable.send_keys("Two first-round interviews a week by week 4")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    wait(browser).until(lambda d: d.current_url.endswith("/programme/goals"))
    assert "Reassessed 1 time" in browser.page_source
    assert "Two first-round interviews a week by week 4" in browser.page_source

    browser.get(server + "/programme")
    assert "Done" in road_item(browser, "Reassess your SMART goals").text
    road_item(browser, "Weekly retrospective").find_element(By.LINK_TEXT, "Write it").click()
    wait(browser).until(lambda d: "/programme/retrospective" in d.current_url)
    browser.find_element(By.ID, "field-went_well").send_keys("Posted every standup")
    browser.find_element(By.ID, "field-did_not_go_well").send_keys("Spent too long on one cover letter")
    browser.find_element(By.ID, "field-learned").send_keys("Goals with numbers are easier to keep")
    browser.find_element(By.ID, "field-focus").send_keys("Informational interviews")
    browser.find_element(By.CSS_SELECTOR, "input[name=better][value=yes]").click()
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    wait(browser).until(lambda d: d.current_url.endswith("/programme"))
    assert "Done" in road_item(browser, "Weekly retrospective").text
    assert "Enrolled" in status(browser)
    check_accessibility(browser, "programme-first-week-done")


def test_a_coach_answers_a_request_for_help_and_comments_on_a_retrospective(server, browser):
    # A standup's "I'd like help" waits in the one help desk, with where it came from.
    sign_in(browser, server, "coach.priya@demo.onward.example")
    assert not browser.find_elements(By.LINK_TEXT, "Help requests"), "one queue"
    browser.find_element(By.LINK_TEXT, "Support").click()
    wait(browser).until(lambda d: d.current_url.endswith("/support-desk"))
    waiting = browser.find_element(By.CSS_SELECTOR, "section[aria-label=Open]")
    asked = [li for li in waiting.find_elements(By.TAG_NAME, "li") if "Dev Patel" in li.text and "Asked at a standup" in li.text]
    assert asked, waiting.text
    asked[0].find_element(By.PARTIAL_LINK_TEXT, "Help asked for at the standup of").click()
    wait(browser).until(lambda d: "/support/" in d.current_url)
    assert "Is it my CV?" in browser.page_source
    browser.find_element(By.ID, "field-body").send_keys("Send me your CV tonight; we'll go through it tomorrow at 10.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Send the reply']").click()
    wait(browser).until(lambda d: "Your reply is sent." in d.page_source)
    check_accessibility(browser, "programme-help-from-standup")
    browser.find_element(By.LINK_TEXT, "Dev Patel").click()
    wait(browser).until(lambda d: "/programme/graduates/" in d.current_url)
    check_accessibility(browser, "programme-graduate-for-coach")
    browser.find_element(By.CSS_SELECTOR, "textarea[name=body]").send_keys("Good call on the CV. Keep the applications to five a week.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Comment']").click()
    wait(browser).until(lambda d: "Your comment is posted." in d.page_source)
    assert "Keep the applications to five a week." in browser.page_source

    # Dev follows the request from their road map.
    sign_out(browser)
    sign_in(browser, server, "dev.patel@demo.onward.example")
    browser.get(server + "/programme")
    help = browser.find_element(By.CSS_SELECTOR, "section[aria-label='Your requests for help']")
    assert "we'll go through it tomorrow at 10" in help.text and "Waiting for you" in help.text

