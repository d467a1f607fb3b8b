import os
import tempfile
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select

from helpers import check_accessibility, sign_in, wait

# A graduate made for these tests, so the demo graduates' figures do not get in the way.
NEW_GRADUATE = {"email": None, "password": "a long e2e password"}


# Drags `arguments[0]` onto `arguments[1]` with the page's own drag events; answers whether the
# column took it (its dragover was accepted).
DRAG = """
const card = arguments[0], column = arguments[1];
const data = new DataTransfer();
card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
const over = new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data});
column.dispatchEvent(over);
if (over.defaultPrevented) column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
return over.defaultPrevented;
"""


def figure(driver, label):
    for item in driver.find_elements(By.CSS_SELECTOR, ".figures li"):
        if label in item.text:
            return int(item.find_element(By.CSS_SELECTOR, ".figure-value").text)
    raise AssertionError(f"no figure {label!r} on {driver.current_url}")


def new_graduate(server, admin, graduate):
    email = f"e2e.{int(time.time() * 1000)}@example.org"
    sign_in(admin, server, "admin@demo.onward.example")
    admin.get(server + "/admin/invitations")
    admin.find_element(By.ID, "field-email").send_keys(email)
    Select(admin.find_element(By.ID, "field-role")).select_by_visible_text("Graduate")
    Select(admin.find_element(By.ID, "field-cohort_id")).select_by_visible_text("Autumn 2026")
    admin.find_element(By.XPATH, "//button[normalize-space()='Create invitation']").click()
    link = wait(admin).until(lambda d: d.find_element(By.ID, "invitation-link")).get_attribute("value")
    graduate.get(link)
    graduate.find_element(By.ID, "field-name").send_keys("Jo Tester")
    graduate.find_element(By.ID, "field-password").send_keys(NEW_GRADUATE["password"])
    graduate.find_element(By.ID, "field-password_confirmation").send_keys(NEW_GRADUATE["password"])
    graduate.find_element(By.XPATH, "//button[normalize-space()='Create my account']").click()
    wait(graduate).until(lambda d: d.current_url.endswith("/graduate"))


def test_add_move_interview_and_see_both_figures_change(server, browser, other_browser):
    new_graduate(server, other_browser, browser)
    assert figure(browser, "applications submitted") == 0
    assert figure(browser, "interviews") == 0

    browser.find_element(By.LINK_TEXT, "Add an application").click()
    check_accessibility(browser, "application-new")
    browser.find_element(By.ID, "field-company").send_keys("Globex")
    browser.find_element(By.ID, "field-role_title").send_keys("Junior Developer")
    browser.find_element(By.ID, "field-url").send_keys("https://globex.example/jobs/7")
    browser.find_element(By.XPATH, "//button[normalize-space()='Add application']").click()
    wait(browser).until(lambda d: "is on your board" in d.page_source)
    check_accessibility(browser, "application-detail")

    Select(browser.find_element(By.ID, "field-stage")).select_by_visible_text("Interview")
    browser.find_element(By.XPATH, "//form[contains(@action,'/moves')]//button").click()
    wait(browser).until(lambda d: "moved to interview" in d.page_source)

    browser.find_element(By.XPATH, "//summary[normalize-space()='Add an interview or tech test']").click()
    Select(browser.find_element(By.ID, "field-kind")).select_by_visible_text("Technical interview")
    browser.find_element(By.ID, "field-with_whom").send_keys("Two engineers")
    browser.find_element(By.ID, "field-feedback").send_keys("Clear explanations; practise SQL joins.")
    browser.find_element(By.ID, "field-feedback_is_technical").click()
    browser.find_element(By.XPATH, "//form[contains(@action,'/interviews')]//button").click()
    wait(browser).until(lambda d: "Technical interview added." in d.page_source)
    assert "practise SQL joins" in browser.page_source

    browser.find_element(By.LINK_TEXT, "Home").click()
    assert figure(browser, "applications submitted") == 1
    assert figure(browser, "interviews") == 1
    check_accessibility(browser, "home-with-figures")

    browser.find_element(By.LINK_TEXT, "Job search").click()
    check_accessibility(browser, "board")
    assert "Globex" in browser.page_source

    # Drag and drop (events made in the page: WebDriver cannot drag with HTML5's events). A column
    # the card's form does not offer refuses it; the offer column takes it and the board reloads.
    card = browser.find_element(By.XPATH, "//li[contains(@class,'board-card')][.//a[normalize-space()='Globex']]")
    assert card.get_attribute("draggable") == "true"
    assert not browser.execute_script(DRAG, card, browser.find_element(By.CSS_SELECTOR, ".column[data-stage=wishlist]"))
    # On a narrower window the board scrolls sideways; scrolled before the drop, the reload comes
    # back to the same place.
    size = browser.get_window_size()
    browser.set_window_size(900, size["height"])
    scrolled = browser.execute_script("const b = document.querySelector('.board'); b.scrollLeft = 200; return b.scrollLeft;")
    assert scrolled > 0, "the board overflows a 900 px window"
    assert browser.execute_script(DRAG, card, browser.find_element(By.CSS_SELECTOR, ".column[data-stage=offer]"))
    wait(browser).until(lambda d: "Globex moved to offer." in d.page_source)
    assert browser.current_url.endswith("/applications/board")
    assert browser.execute_script("return document.querySelector('.board').scrollLeft") == scrolled
    browser.set_window_size(size["width"], size["height"])
    offer = browser.find_element(By.CSS_SELECTOR, ".column[data-stage=offer]")
    assert "Globex" in offer.text

    # A refused drag: the application is withdrawn behind the board's back (another tab), then its
    # stale card is dragged to rejected. The refusal shows on the board, which stays, and the move
    # is not sent a second time.
    card = browser.find_element(By.XPATH, "//li[contains(@class,'board-card')][.//a[normalize-space()='Globex']]")
    browser.execute_async_script("""
        const form = arguments[0].querySelector('.move-form'), done = arguments[1];
        const data = new URLSearchParams(new FormData(form)); data.set('stage', 'withdrawn'); data.set('confirmed', 'yes');
        fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual'}).then(() => done());
    """, card)
    # The drop asks before a move that closes the application: answered yes here.
    browser.execute_script("window.confirm = function () { return true; };"
                           "window.postedMoves = 0; const f = window.fetch; window.fetch = function () { window.postedMoves++; return f.apply(this, arguments); };"
                           "HTMLFormElement.prototype.submit = function () { window.postedMoves += 100; };")
    assert browser.execute_script(DRAG, card, browser.find_element(By.CSS_SELECTOR, ".column[data-stage=rejected]"))
    alert = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, ".flash-error[role=alert]"))
    assert "cannot move from withdrawn to rejected" in alert.text
    assert browser.execute_script("return window.postedMoves") == 1
    assert browser.current_url.endswith("/applications/board")
    check_accessibility(browser, "board-refused-drag")
    browser.refresh()
    # The closed stages are folded to their count; the count opens.
    withdrawn = browser.find_element(By.CSS_SELECTOR, ".column[data-stage=withdrawn]")
    assert "Globex" not in withdrawn.text
    assert withdrawn.find_element(By.CSS_SELECTOR, ".count").text == "1"
    withdrawn.find_element(By.TAG_NAME, "summary").click()
    assert "Globex" in withdrawn.text


def test_a_move_from_a_card_stays_on_the_board_and_due_actions_are_marked(server, browser, other_browser):
    new_graduate(server, other_browser, browser)
    browser.find_element(By.LINK_TEXT, "Add an application").click()
    browser.find_element(By.ID, "field-company").send_keys("Hooli")
    browser.find_element(By.ID, "field-role_title").send_keys("Junior Developer")
    browser.find_element(By.ID, "field-next_action").send_keys("Email the recruiter")
    due = browser.find_element(By.ID, "field-next_action_due")
    browser.execute_script("arguments[0].value = new Date().toISOString().slice(0, 10);", due)
    browser.find_element(By.XPATH, "//button[normalize-space()='Add application']").click()
    wait(browser).until(lambda d: "is on your board" in d.page_source)
    browser.find_element(By.LINK_TEXT, "Job search").click()
    card = browser.find_element(By.XPATH, "//li[contains(@class,'board-card')][.//a[normalize-space()='Hooli']]")
    assert "due today" in card.text or "overdue" in card.text
    Select(card.find_element(By.CSS_SELECTOR, "select[name=stage]")).select_by_visible_text("Screening")
    card.find_element(By.XPATH, ".//button[normalize-space()='Move']").click()
    wait(browser).until(lambda d: "Hooli moved to screening." in d.page_source)
    assert "/applications/board#card-" in browser.current_url
    assert "Hooli" in browser.find_element(By.CSS_SELECTOR, ".column[data-stage=screening]").text
    check_accessibility(browser, "board-after-a-move")


def test_an_interview_is_edited_and_the_home_asks_how_it_went(server, browser, other_browser):
    new_graduate(server, other_browser, browser)
    browser.find_element(By.LINK_TEXT, "Add an application").click()
    browser.find_element(By.ID, "field-company").send_keys("Pied Piper")
    browser.find_element(By.ID, "field-role_title").send_keys("Junior Developer")
    browser.find_element(By.XPATH, "//button[normalize-space()='Add application']").click()
    wait(browser).until(lambda d: "is on your board" in d.page_source)
    application = browser.current_url
    # An interview held yesterday, its result not known when it was written down.
    browser.find_element(By.XPATH, "//summary[normalize-space()='Add an interview or tech test']").click()
    browser.execute_script("arguments[0].value = new Date(Date.now() - 86400000).toISOString().slice(0, 10);", browser.find_element(By.ID, "field-date"))
    browser.find_element(By.ID, "field-with_whom").send_keys("Richard")
    browser.find_element(By.XPATH, "//form[contains(@action,'/interviews')]//button").click()
    wait(browser).until(lambda d: "added." in d.page_source)

    browser.find_element(By.XPATH, "//a[normalize-space()='Edit Phone screen']").click()
    check_accessibility(browser, "interview-edit")
    field = browser.find_element(By.ID, "field-with_whom")
    field.clear()
    field.send_keys("Richard and Monica")
    browser.find_element(By.XPATH, "//button[normalize-space()='Save']").click()
    wait(browser).until(lambda d: "Phone screen saved." in d.page_source)
    assert "Richard and Monica" in browser.page_source

    browser.find_element(By.LINK_TEXT, "Home").click()
    section = wait(browser).until(lambda d: d.find_element(By.XPATH, "//section[.//h2[normalize-space()='How did it go?']]"))
    assert "Phone screen at Pied Piper" in section.text
    check_accessibility(browser, "home-how-did-it-go")
    Select(section.find_element(By.NAME, "outcome")).select_by_visible_text("Passed")
    section.find_element(By.NAME, "feedback").send_keys("They liked the questions I asked.")
    section.find_element(By.XPATH, ".//button[normalize-space()='Save the result']").click()
    wait(browser).until(lambda d: "Phone screen at Pied Piper: passed. Saved." in d.page_source)
    assert "How did it go?" not in browser.page_source

    browser.get(application)
    assert "They liked the questions I asked." in browser.page_source
    browser.execute_script("window.confirm = function () { return true; };")
    browser.find_element(By.XPATH, "//button[normalize-space()='Delete Phone screen']").click()
    wait(browser).until(lambda d: "Phone screen deleted." in d.page_source)
    assert "None recorded." in browser.page_source


def test_an_offer_is_closed_only_on_purpose(server, browser, other_browser):
    new_graduate(server, other_browser, browser)
    browser.find_element(By.LINK_TEXT, "Job search").click()
    browser.find_element(By.LINK_TEXT, "Add an application").click()
    browser.find_element(By.ID, "field-company").send_keys("Initech")
    browser.find_element(By.ID, "field-role_title").send_keys("Developer")
    Select(browser.find_element(By.ID, "field-stage")).select_by_visible_text("Offer")
    browser.find_element(By.XPATH, "//button[normalize-space()='Add application']").click()
    wait(browser).until(lambda d: "is on your board" in d.page_source)

    # Nothing is chosen for the graduate, and accepting is the main action.
    moves = Select(browser.find_element(By.ID, "field-stage"))
    assert moves.first_selected_option.text == "Move to…"
    assert [o.text for o in moves.options][1:] == ["They withdrew the offer", "I declined the offer"]
    assert "primary" in browser.find_element(By.LINK_TEXT, "Accept this offer").get_attribute("class")
    check_accessibility(browser, "application-offer")

    # A move that closes the application is asked first; "no" keeps the offer.
    moves.select_by_visible_text("I declined the offer")
    browser.find_element(By.XPATH, "//form[contains(@action,'/moves')]//button").click()
    alert = wait(browser).until(expected_conditions.alert_is_present())
    assert "closes the application" in alert.text
    alert.dismiss()
    assert "Your offer" in browser.page_source and "The application is closed" not in browser.page_source

    Select(browser.find_element(By.ID, "field-stage")).select_by_visible_text("I declined the offer")
    browser.find_element(By.XPATH, "//form[contains(@action,'/moves')]//button").click()
    wait(browser).until(expected_conditions.alert_is_present()).accept()
    wait(browser).until(lambda d: "Initech: I declined the offer. The application is closed." in d.page_source)
    assert "This application is closed." in browser.page_source


def test_import_a_messy_csv_through_the_preview(server, browser, other_browser):
    new_graduate(server, other_browser, browser)
    messy = ("\ufeffCompany,Job Title,Status,Date Applied,URL,Notes\r\n"
             "\"Acme, Inc.\",Junior Developer,Applied,02/11/2026,https://acme.example/1,\"Met at the fair,\r\nnice people\"\r\n"
             "\r\n"
             "Beta,Graduate Engineer,Interviewing,2026-11-05,,\r\n"
             "Acme,Broken Row,Applied,not a date,,\r\n")
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "huntr-export.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(messy)

    browser.find_element(By.LINK_TEXT, "Job search").click()
    browser.find_element(By.LINK_TEXT, "Applications").click()
    browser.find_element(By.LINK_TEXT, "Import from CSV").click()
    check_accessibility(browser, "import")
    browser.find_element(By.ID, "field-file").send_keys(path)
    browser.find_element(By.XPATH, "//button[normalize-space()='Preview the import']").click()
    wait(browser).until(lambda d: "Lines to fix" in d.page_source)
    assert "Line 6:" in browser.page_source
    assert not browser.find_elements(By.XPATH, "//button[starts-with(normalize-space(), 'Import ')]")
    check_accessibility(browser, "import-preview-errors")

    # Fix the file: drop the broken line, upload again, import.
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(messy.rsplit("Acme,Broken Row", 1)[0])
    browser.find_element(By.ID, "field-file").send_keys(path)
    browser.find_element(By.XPATH, "//button[normalize-space()='Preview the import']").click()
    button = wait(browser).until(lambda d: d.find_element(By.XPATH, "//button[normalize-space()='Import 2 applications']"))
    check_accessibility(browser, "import-preview")
    button.click()
    wait(browser).until(lambda d: "Imported 2 applications." in d.page_source)
    assert "Acme, Inc." in browser.page_source
    assert "Beta" in browser.page_source
