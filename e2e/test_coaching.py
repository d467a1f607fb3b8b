from selenium.webdriver.common.by import By

from helpers import check_accessibility, set_value, sign_in, sign_out, wait
from test_programme import find_road_item, shows

ANALYSIS = "Analyse your job search"


def open_submission(browser, server, coach_email, title, graduate):
    """As a coach: the review queue, then `graduate`'s submission `title`."""
    sign_in(browser, server, coach_email)
    browser.find_element(By.LINK_TEXT, "Reviews").click()
    wait(browser).until(lambda d: d.current_url.endswith("/reviews"))
    waiting = browser.find_element(By.CSS_SELECTOR, "section[aria-label='Waiting for review']")
    row = next(li for li in waiting.find_elements(By.TAG_NAME, "li") if graduate in li.text and title in li.text)
    row.find_element(By.LINK_TEXT, title).click()
    wait(browser).until(lambda d: "/submissions/" in d.current_url)


def review(browser, verdict, comment=""):
    browser.find_element(By.CSS_SELECTOR, f"input[name=verdict][value={verdict}]").click()
    if comment:
        browser.find_element(By.ID, "field-comment").send_keys(comment)
    browser.find_element(By.XPATH, "//button[normalize-space()='Send the review']").click()
    wait(browser).until(lambda d: d.current_url.endswith("/reviews"))


def test_a_review_round_from_submission_to_approval_completes_the_activity(server, browser):
    graduate = "elena.rossi@demo.onward.example"
    title = "Where my applications went, weeks 1 to 4"
    sign_in(browser, server, graduate)
    browser.get(server + "/programme")
    item = find_road_item(browser, ANALYSIS)
    assert item is not None and "Done" not in item.text
    item.find_element(By.LINK_TEXT, "Submit it for review").click()
    wait(browser).until(lambda d: "/submissions" in d.current_url)
    # The analysis opens with Elena's figures beside the form.
    figures = browser.find_element(By.CSS_SELECTOR, "section[aria-label='The figures']").text
    assert "Where the applications came from" in figures and "Your funnel beside your cohort's" in figures
    check_accessibility(browser, "coaching-analysis-form")
    set_value(browser, "field-title", title)
    browser.find_element(By.ID, "field-body").send_keys("Job boards: 2 replies from 30. Referrals: 3 from 5.")
    browser.find_element(By.ID, "field-changes").send_keys("Ask for two introductions a week.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Submit for review']").click()
    wait(browser).until(lambda d: "Submitted for review." in d.page_source)
    assert "Waiting for review" in browser.find_element(By.CSS_SELECTOR, ".record-list").text
    check_accessibility(browser, "coaching-submissions")
    sign_out(browser)

    # The coach asks for changes; the empty comment is refused first.
    open_submission(browser, server, "coach.priya@demo.onward.example", title, "Elena Rossi")
    check_accessibility(browser, "coaching-review-form")
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=changes_requested]").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Send the review']").click()
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"))
    assert "Say what to change" in browser.page_source
    review(browser, "changes_requested", "Say what you will change next week, not only what happened.")
    assert "Sent back with your comment" in browser.page_source
    check_accessibility(browser, "coaching-review-queue")
    sign_out(browser)

    # The graduate reads the comment and resubmits.
    sign_in(browser, server, graduate)
    browser.get(server + "/submissions")
    browser.find_element(By.LINK_TEXT, "Read the review and resubmit").click()
    wait(browser).until(lambda d: "Resubmit for review" in d.page_source)
    assert "Say what you will change next week" in browser.page_source
    changes = browser.find_element(By.ID, "field-changes")
    changes.send_keys("\nNo listings older than two weeks.")
    check_accessibility(browser, "coaching-resubmit")
    browser.find_element(By.XPATH, "//button[normalize-space()='Resubmit for review']").click()
    wait(browser).until(lambda d: "Resubmitted." in d.page_source)
    assert "Round 2" in browser.page_source and "Round 1" in browser.page_source
    assert "Figures of round 2" in browser.page_source and "No listings older than two weeks." in browser.page_source
    sign_out(browser)

    # Approved: the activity is done on the road map.
    open_submission(browser, server, "coach.priya@demo.onward.example", title, "Elena Rossi")
    assert "Round 2" in browser.page_source
    review(browser, "approved")
    assert "Approved." in browser.page_source
    sign_out(browser)
    sign_in(browser, server, graduate)
    browser.get(server + "/programme")
    wait(browser).until(shows(ANALYSIS, "Done"))
    check_accessibility(browser, "coaching-approved-road-map")


def test_a_support_request_goes_from_open_to_solved(server, browser):
    graduate = "luca.bianchi@demo.onward.example"
    subject = "Two offers: which one?"
    sign_in(browser, server, graduate)
    # A graduate's support and events fold under Coaching; its first page is support.
    browser.find_element(By.LINK_TEXT, "Coaching").click()
    wait(browser).until(lambda d: d.current_url.endswith("/support"))
    check_accessibility(browser, "coaching-support")
    browser.find_element(By.ID, "field-subject").send_keys(subject)
    browser.find_element(By.ID, "field-message").send_keys("A start-up pays more; the agency trains juniors. How do I choose?")
    browser.find_element(By.XPATH, "//button[normalize-space()='Send']").click()
    wait(browser).until(lambda d: "Sent. Your coaches will reply here." in d.page_source)
    assert "Open" in browser.find_element(By.CSS_SELECTOR, ".lede .state-badge").text
    sign_out(browser)

    # The coach finds it on the desk and replies: it waits for the graduate.
    sign_in(browser, server, "coach.tom@demo.onward.example")
    browser.find_element(By.LINK_TEXT, "Support").click()
    wait(browser).until(lambda d: d.current_url.endswith("/support-desk"))
    check_accessibility(browser, "coaching-support-desk")
    opened = browser.find_element(By.CSS_SELECTOR, "section[aria-label=Open]")
    assert "Luca Bianchi" in opened.text and "no reply yet" in opened.text
    opened.find_element(By.LINK_TEXT, subject).click()
    wait(browser).until(lambda d: "/support/" in d.current_url)
    browser.find_element(By.ID, "field-body").send_keys("Ask the agency what training means week to week, then let's talk.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Send the reply']").click()
    wait(browser).until(lambda d: "Your reply is sent." in d.page_source)
    assert "Waiting for the graduate" in browser.page_source and "first reply within the hour" in browser.page_source
    check_accessibility(browser, "coaching-support-thread")
    sign_out(browser)

    # The graduate answers (open again), then marks it solved.
    sign_in(browser, server, graduate)
    browser.get(server + "/support")
    browser.find_element(By.LINK_TEXT, subject).click()
    wait(browser).until(lambda d: "Waiting for you" in d.page_source)
    browser.find_element(By.ID, "field-body").send_keys("They pair juniors with a senior for three months. I'll take it.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Send the reply']").click()
    wait(browser).until(lambda d: "Your reply is sent." in d.page_source)
    assert "Open" in browser.find_element(By.CSS_SELECTOR, ".lede .state-badge").text
    browser.find_element(By.XPATH, "//button[normalize-space()='Mark solved']").click()
    wait(browser).until(lambda d: "Marked solved." in d.page_source)
    assert "Solved" in browser.find_element(By.CSS_SELECTOR, ".lede .state-badge").text
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Mark solved']")


def test_a_coach_holds_an_event_a_graduate_answers_and_the_coach_sees_who_comes(server, browser):
    import datetime
    day = (datetime.date.today() + datetime.timedelta(days=9)).isoformat()
    title = "Portfolio review evening"
    sign_in(browser, server, "coach.priya@demo.onward.example")
    browser.find_element(By.LINK_TEXT, "Events").click()
    wait(browser).until(lambda d: d.current_url.endswith("/events"))
    # A form sent with nowhere to be is refused, with the message at the field.
    browser.find_element(By.ID, "field-title").send_keys(title)
    browser.find_element(By.ID, "field-description").send_keys("Show one project; get two pieces of feedback.")
    set_value(browser, "field-day", day)
    set_value(browser, "field-start", "18:00")
    set_value(browser, "field-end", "19:30")
    browser.find_element(By.XPATH, "//button[normalize-space()='Hold the event']").click()
    wait(browser).until(lambda d: "Please check the form" in d.page_source)
    assert "Give an online link to join, a place, or both." in browser.page_source
    check_accessibility(browser, "coaching-events-refused")
    browser.find_element(By.ID, "field-place").send_keys("Onward, 5 Commercial Street")
    browser.find_element(By.CSS_SELECTOR, "#field-cohort_id option:nth-child(2)").click()  # the first cohort by name
    browser.find_element(By.XPATH, "//button[normalize-space()='Hold the event']").click()
    wait(browser).until(lambda d: "The event is on." in d.page_source)
    event_url = browser.current_url
    assert "0 going" in browser.page_source and "Going (0)" in browser.page_source
    check_accessibility(browser, "coaching-event-coach")
    sign_out(browser)

    # A graduate of that cohort sees it on their home and answers.
    sign_in(browser, server, "chloe.martin@demo.onward.example")
    assert title in browser.page_source, "the home lists events of the next two weeks"
    browser.find_element(By.LINK_TEXT, title).click()
    wait(browser).until(lambda d: "Are you going?" in d.page_source)
    check_accessibility(browser, "coaching-event-graduate")
    browser.find_element(By.CSS_SELECTOR, "button[name=answer][value=going]").click()
    wait(browser).until(lambda d: "You are going." in d.page_source)
    assert "You said: going." in browser.page_source and "1 going" in browser.page_source
    sign_out(browser)

    # The coach sees who comes, and the dashboard sorts and filters.
    sign_in(browser, server, "coach.priya@demo.onward.example")
    browser.get(event_url)
    who = browser.find_element(By.CSS_SELECTOR, "section[aria-label='Who comes']")
    assert "Going (1)" in who.text and "Chloé Martin" in who.text
    browser.find_element(By.LINK_TEXT, "Dashboard").click()
    wait(browser).until(lambda d: "/dashboard" in d.current_url)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.dashboard tbody tr")
    rank = {"At risk": 0, "Enrolled": 1, "Paused": 2, "Placed": 3, "No programme": 4}
    statuses = [rank[r.find_element(By.CSS_SELECTOR, ".state-badge").text] for r in rows]
    assert len(rows) >= 8 and statuses == sorted(statuses), "those at risk first, then by status"
    check_accessibility(browser, "coaching-dashboard")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Graduate").click()
    wait(browser).until(lambda d: "sort=name" in d.current_url)
    names = [r.find_element(By.CSS_SELECTOR, "th a").text for r in browser.find_elements(By.CSS_SELECTOR, "table.dashboard tbody tr")]
    assert names == sorted(names, key=str.lower)
    browser.find_element(By.CSS_SELECTOR, "#filter-show option[value=open_requests]").click()
    browser.find_element(By.XPATH, "//form[@role='search']//button[normalize-space()='Apply']").click()
    wait(browser).until(lambda d: "show=open_requests" in d.current_url)
    for row in browser.find_elements(By.CSS_SELECTOR, "table.dashboard tbody tr"):
        assert row.find_elements(By.CSS_SELECTOR, "td:nth-of-type(8) a"), "each shown has an open request to follow"
    assert "of 8 graduates" in browser.page_source
