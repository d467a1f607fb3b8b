from selenium.webdriver.common.by import By

import datetime

from helpers import check_accessibility, set_value, sign_in, sign_out, wait


def test_a_graduate_books_a_mock_interview_and_reads_the_feedback_the_coach_fills(server, browser):
    # A graduate books one of the open slots, with a theme and what to practise.
    sign_in(browser, server, "chloe.martin@demo.onward.example")
    browser.find_element(By.LINK_TEXT, "Practice").click()
    wait(browser).until(lambda d: d.current_url.endswith("/practice/mock-interviews"))
    check_accessibility(browser, "practice-mock-interviews")
    slot = next(s for s in browser.find_elements(By.CSS_SELECTOR, ".slot") if s.find_elements(By.CSS_SELECTOR, "input[value=front_end]"))
    slot.find_element(By.CSS_SELECTOR, "input[value=front_end]").click()
    slot.find_element(By.XPATH, ".//button[normalize-space()='Book this slot']").click()
    wait(browser).until(lambda d: "Please check the form" in d.page_source)
    assert "Say what you want to practise" in browser.page_source, "refused without what to practise"
    slot = next(s for s in browser.find_elements(By.CSS_SELECTOR, ".slot") if s.find_elements(By.CSS_SELECTOR, ".error-summary"))
    slot.find_element(By.CSS_SELECTOR, "input[value=front_end]").click()
    slot.find_element(By.CSS_SELECTOR, "input[name=practise]").send_keys("Explaining accessible forms out loud")
    slot.find_element(By.XPATH, ".//button[normalize-space()='Book this slot']").click()
    wait(browser).until(lambda d: "Booked." in d.page_source)
    assert "Explaining accessible forms out loud" in browser.page_source
    check_accessibility(browser, "practice-mock-interview-booked")
    browser.find_element(By.LINK_TEXT, "Home").click()
    wait(browser).until(lambda d: "Next mock interview" in d.page_source)
    sign_out(browser)

    # The coach fills the rubric of an interview that has just ended; a missing score is refused.
    sign_in(browser, server, "coach.tom@demo.onward.example")
    # First, the header says something waits: his slots' bookings, on the notifications page.
    assert browser.find_elements(By.CSS_SELECTOR, "a.notices .notices-count")
    browser.find_element(By.CSS_SELECTOR, "a.notices").click()
    wait(browser).until(lambda d: d.current_url.endswith("/notifications"))
    assert "booked your mock interview" in browser.page_source
    check_accessibility(browser, "notifications")
    browser.find_element(By.XPATH, "//button[normalize-space()='Mark all as read']").click()
    wait(browser).until(lambda d: "Nothing unread." in d.page_source)
    assert "notices-count" not in browser.page_source
    browser.find_element(By.LINK_TEXT, "Practice").click()
    wait(browser).until(lambda d: d.current_url.endswith("/practice/mock-slots"))
    check_accessibility(browser, "practice-mock-slots")
    browser.find_element(By.LINK_TEXT, "Fill the rubric").click()
    wait(browser).until(lambda d: "Fill the rubric" in d.page_source and "/practice/mock-interviews/" in d.current_url)
    interview_url = browser.current_url
    for name, score in [("problem_solving", "3"), ("code_comprehension", "3"), ("communication", "4"), ("technical_knowledge", "2")]:
        browser.find_element(By.CSS_SELECTOR, f"#field-{name} option[value='{score}']").click()
    browser.find_element(By.ID, "field-strengths").send_keys("Clear walk from the table to the page.")
    browser.find_element(By.ID, "field-improvements").send_keys("Say how you would test the API boundary.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Save the feedback']").click()
    wait(browser).until(lambda d: "Please check the form" in d.page_source)
    assert "Score topic area from 1 to 4." in browser.page_source
    browser.find_element(By.CSS_SELECTOR, "#field-topic_area option[value='3']").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Save the feedback']").click()
    wait(browser).until(lambda d: "The feedback is saved." in d.page_source)
    check_accessibility(browser, "practice-mock-interview-scored")
    sign_out(browser)

    # The graduate reads it, with their scores over time.
    sign_in(browser, server, "grace.liu@demo.onward.example")
    browser.get(interview_url)
    feedback = browser.find_element(By.CSS_SELECTOR, "section[aria-label=Feedback]")
    assert "Clear walk from the table to the page." in feedback.text and "4 of 4" in feedback.text
    browser.find_element(By.LINK_TEXT, "Practice").click()
    wait(browser).until(lambda d: "Your scores over time" in d.page_source)
    assert browser.find_elements(By.CSS_SELECTOR, "section[aria-label='Scores over time'] svg")
    check_accessibility(browser, "practice-scores")


def test_a_graduate_asks_to_pair_is_matched_with_a_volunteer_and_both_accept(server, browser):
    # The Saturday of next week, when Jonas (a volunteer on React and .NET tech tests) is free from 10:00 to 13:00.
    today = datetime.date.today()
    saturday = (today + datetime.timedelta(days=7 - today.weekday() + 5)).isoformat()
    sign_in(browser, server, "isla.murray@demo.onward.example")
    browser.find_element(By.LINK_TEXT, "Practice").click()
    browser.find_element(By.LINK_TEXT, "Pairing").click()
    wait(browser).until(lambda d: d.current_url.endswith("/practice/pairing"))
    check_accessibility(browser, "practice-pairing")
    # The stacks come from her profile; without a kind of session or a time it is refused, and nothing is asked.
    assert browser.find_element(By.ID, "field-stacks").get_attribute("value") == "JavaScript, Vue"
    browser.find_element(By.ID, "field-topic").send_keys("A take-home tech test in React")
    browser.find_element(By.ID, "field-stacks").send_keys(", React")
    browser.find_element(By.XPATH, "//button[normalize-space()='Ask to pair']").click()
    wait(browser).until(lambda d: "Please check the form" in d.page_source)
    assert "Choose at least one kind of session" in browser.page_source and "Give at least one time that suits you." in browser.page_source
    assert browser.find_element(By.ID, "field-stacks").get_attribute("value") == "JavaScript, Vue, React"
    check_accessibility(browser, "practice-pairing-refused")
    browser.find_element(By.CSS_SELECTOR, "input[name=kind_tech_test]").click()
    set_value(browser, "field-window1_day", saturday)
    set_value(browser, "field-window1_start", "10:00")
    set_value(browser, "field-window1_end", "12:00")
    browser.find_element(By.XPATH, "//button[normalize-space()='Ask to pair']").click()
    wait(browser).until(lambda d: "We found a match: accept it below." in d.page_source)
    proposal = browser.find_element(By.CSS_SELECTOR, "section[aria-label='Proposed to you']")
    assert "Jonas Weber" in proposal.text and "10:00–11:00" in proposal.text
    proposal.find_element(By.XPATH, ".//button[normalize-space()='Accept']").click()
    wait(browser).until(lambda d: "Once the other side accepts too" in d.page_source)
    pairing_url = browser.current_url
    check_accessibility(browser, "practice-pairing-accepted-by-one")
    sign_out(browser)

    # Jonas sees it on his home, accepts, and adds the link to join.
    sign_in(browser, server, "jonas.weber@demo.onward.example")
    wait(browser).until(lambda d: "Pairing proposed, waiting for your answer" in d.page_source)
    browser.find_element(By.PARTIAL_LINK_TEXT, "Isla Murray").click()
    wait(browser).until(lambda d: d.current_url == pairing_url)
    browser.find_element(By.XPATH, "//button[normalize-space()='Accept']").click()
    wait(browser).until(lambda d: "Accepted by both: you are paired." in d.page_source)
    browser.find_element(By.ID, "field-link").send_keys("https://meet.example/isla-jonas")
    browser.find_element(By.XPATH, "//button[normalize-space()='Save the link']").click()
    wait(browser).until(lambda d: "The link is saved" in d.page_source)
    check_accessibility(browser, "practice-pairing-session")
    sign_out(browser)

    # Isla finds it coming up, with the link.
    sign_in(browser, server, "isla.murray@demo.onward.example")
    wait(browser).until(lambda d: "Next pairing:" in d.page_source)
    browser.get(pairing_url)
    assert "https://meet.example/isla-jonas" in browser.page_source
    sign_out(browser)

    # A coach sees the request nobody matched and opens the form to pair it by hand.
    sign_in(browser, server, "coach.priya@demo.onward.example")
    browser.find_element(By.LINK_TEXT, "Practice").click()
    browser.find_element(By.LINK_TEXT, "Pairing").click()
    wait(browser).until(lambda d: "Requests to pair that found nobody" in d.page_source)
    assert "Hamza Ali" in browser.page_source
    check_accessibility(browser, "practice-pairing-unmatched")
    browser.find_element(By.LINK_TEXT, "Match by hand").click()
    wait(browser).until(lambda d: "Pair Hamza Ali by hand" in d.page_source)
    check_accessibility(browser, "practice-pairing-by-hand")
    # Jonas is listed with his free hours; he and Hamza share no hour, so the first one cannot be taken.
    jonas = browser.find_element(By.XPATH, "//li[contains(@class,'candidate')][.//label[contains(., 'Jonas Weber')]]")
    assert "Free:" in jonas.text and "In common: no hours" in jonas.text
    jonas.find_element(By.CSS_SELECTOR, "input[type=radio]").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Propose']").click()
    wait(browser).until(lambda d: "They have no free hour in common: give a day and a time." in d.page_source)
    check_accessibility(browser, "practice-pairing-by-hand-no-hour")

