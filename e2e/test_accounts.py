import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DEMO
from helpers import check_accessibility, sign_in, sign_out, wait

HOMES = {"admin": "/admin", "coach": "/coach", "partner": "/partner", "graduate": "/graduate"}


def test_each_role_signs_in_lands_home_and_signs_out(server, browser):
    for role, email in DEMO.items():
        browser.get(server + "/sign-in")
        check_accessibility(browser, "sign-in")
        sign_in(browser, server, email)
        assert browser.current_url.endswith(HOMES[role]), role
        check_accessibility(browser, f"home-{role}")
        sign_out(browser)
        assert "You have signed out." in browser.page_source


def test_admin_invites_a_graduate_who_accepts_in_another_browser(server, browser, other_browser):
    sign_in(browser, server, DEMO["admin"])
    browser.find_element(By.LINK_TEXT, "People").click()
    browser.find_element(By.LINK_TEXT, "Invitations").click()
    check_accessibility(browser, "invitations")
    email = f"new.graduate.{int(time.time() * 1000)}@example.org"
    browser.find_element(By.ID, "field-email").send_keys(email)
    Select(browser.find_element(By.ID, "field-role")).select_by_visible_text("Graduate")
    Select(browser.find_element(By.ID, "field-cohort_id")).select_by_visible_text("Autumn 2026")
    browser.find_element(By.XPATH, "//button[normalize-space()='Create invitation']").click()
    link_field = wait(browser).until(lambda d: d.find_element(By.ID, "invitation-link"))
    link = link_field.get_attribute("value")
    assert "/invitations/" in link
    check_accessibility(browser, "invitation-created")

    other_browser.get(link)
    assert email in other_browser.page_source
    check_accessibility(other_browser, "accept-invitation")
    # A mistake first: the passwords differ. The name typed is kept.
    other_browser.find_element(By.ID, "field-name").send_keys("Nadia Newcomer")
    other_browser.find_element(By.ID, "field-password").send_keys("a long password here")
    other_browser.find_element(By.ID, "field-password_confirmation").send_keys("a different one!!")
    other_browser.find_element(By.XPATH, "//button[normalize-space()='Create my account']").click()
    wait(other_browser).until(lambda d: "do not match" in d.page_source)
    assert other_browser.find_element(By.ID, "field-name").get_attribute("value") == "Nadia Newcomer"
    check_accessibility(other_browser, "accept-invitation-error")
    other_browser.find_element(By.ID, "field-password").send_keys("a long password here")
    other_browser.find_element(By.ID, "field-password_confirmation").send_keys("a long password here")
    other_browser.find_element(By.XPATH, "//button[normalize-space()='Create my account']").click()
    wait(other_browser).until(lambda d: d.current_url.endswith("/graduate"))
    assert "Welcome to Onward, Nadia Newcomer" in other_browser.page_source
    assert "Hello, Nadia" in other_browser.page_source

    # The link works once.
    sign_out(other_browser)
    other_browser.get(link)
    assert "already been used" in other_browser.page_source


def test_admin_pages_are_usable(server, browser):
    sign_in(browser, server, DEMO["admin"])
    for label, shot in (("Cohorts", "cohorts"), ("People", "people")):
        browser.find_element(By.LINK_TEXT, label).click()
        check_accessibility(browser, shot)
    browser.find_element(By.LINK_TEXT, "Cohorts").click()
    browser.find_element(By.LINK_TEXT, "Autumn 2026").click()
    check_accessibility(browser, "cohort")
    assert "Amara Okafor" in browser.page_source


def test_admin_sets_up_a_cohort_invites_a_list_and_assigns_a_coach(server, browser):
    sign_in(browser, server, DEMO["admin"])
    check_accessibility(browser, "admin-overview")
    assert "Placed in " in browser.find_element(By.CSS_SELECTOR, "table").text
    stamp = int(time.time() * 1000)
    browser.find_element(By.LINK_TEXT, "Cohorts").click()
    browser.find_element(By.ID, "field-name").send_keys(f"Spring {stamp}")
    browser.execute_script("arguments[0].value = '2027-03-19';", browser.find_element(By.ID, "field-course_end_date"))
    Select(browser.find_element(By.ID, "field-time_zone")).select_by_value("Europe/London")
    browser.find_element(By.XPATH, "//button[normalize-space()='Create cohort']").click()
    wait(browser).until(lambda d: "is created" in d.page_source)
    assert "Course ends " in browser.page_source

    browser.find_element(By.LINK_TEXT, "People").click()
    browser.find_element(By.LINK_TEXT, "Invitations").click()
    emails = [f"list.{stamp}.{n}@example.org" for n in range(3)]
    browser.find_element(By.ID, "field-emails").send_keys("\n".join(emails + ["not an address"]))
    Select(browser.find_element(By.ID, "field-cohort_id-list")).select_by_visible_text(f"Spring {stamp}")
    browser.find_element(By.XPATH, "//button[normalize-space()='Invite them all']").click()
    wait(browser).until(lambda d: "3 invitations created" in d.page_source)
    assert "Line 4: not an address" in browser.page_source
    check_accessibility(browser, "invitations-list-sent")

    # A graduate of the demo's cohort gets a second coach with the rest of the cohort.
    browser.find_element(By.LINK_TEXT, "Cohorts").click()
    browser.find_element(By.LINK_TEXT, "Autumn 2026").click()
    Select(browser.find_element(By.ID, "field-coach_id")).select_by_visible_text("Tom Fletcher")
    browser.find_element(By.XPATH, "//button[normalize-space()='Assign the coach']").click()
    wait(browser).until(lambda d: "Tom Fletcher now coaches" in d.page_source)
    check_accessibility(browser, "cohort-after-assigning")

    browser.find_element(By.LINK_TEXT, "People").click()
    row = browser.find_element(By.XPATH, "//tr[.//a[normalize-space()='Dev Patel']]")
    assert "At risk" in row.text or "Enrolled" in row.text


def test_coach_sees_their_graduates_and_a_graduates_page(server, browser):
    sign_in(browser, server, DEMO["coach"])
    assert "Amara Okafor" in browser.page_source
    browser.find_element(By.LINK_TEXT, "Amara Okafor").click()
    check_accessibility(browser, "person")
    assert "amara-okafor" in browser.page_source


def test_profile_and_tokens(server, browser):
    sign_in(browser, server, DEMO["graduate"])
    browser.get(server + "/account/profile")
    check_accessibility(browser, "profile")
    bio = browser.find_element(By.ID, "field-bio")
    bio.clear()
    bio.send_keys("Looking for a junior Rails role in Manchester.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Save profile']").click()
    wait(browser).until(lambda d: "Your profile is saved." in d.page_source)
    assert "Looking for a junior Rails role in Manchester." in browser.page_source

    browser.get(server + "/account/tokens")
    browser.find_element(By.ID, "field-name").send_keys("my laptop")
    browser.find_element(By.XPATH, "//button[normalize-space()='Create token']").click()
    token = wait(browser).until(lambda d: d.find_element(By.ID, "new-token")).get_attribute("value")
    assert token.startswith("onw_")
    check_accessibility(browser, "tokens")


def test_csrf_check_refuses_a_forged_form(server, browser):
    sign_in(browser, server, DEMO["graduate"])
    browser.get(server + "/account/profile")
    name = browser.find_element(By.ID, "field-name")
    original = name.get_attribute("value")
    name.clear()
    name.send_keys("Forged Name")
    browser.execute_script("document.querySelector('form.form input[name=csrf]').value = 'forged-token'")
    browser.find_element(By.XPATH, "//button[normalize-space()='Save profile']").click()
    wait(browser).until(lambda d: "did not come from Onward" in d.page_source)
    check_accessibility(browser, "csrf-refused")
    browser.get(server + "/account/profile")
    assert browser.find_element(By.ID, "field-name").get_attribute("value") == original
