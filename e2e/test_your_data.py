import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from helpers import DEMO_PASSWORD, check_accessibility, sign_in, wait

# A graduate no other walk signs in as: this walk deletes her account, last of all.
OSCAR = "oscar.lindqvist@demo.onward.example"


def test_a_graduate_takes_their_data_out_and_leaves(server, browser):
    # Oscar finds Your data in his account menu.
    sign_in(browser, server, OSCAR)
    browser.find_element(By.CSS_SELECTOR, ".account-menu summary").click()
    page = browser.find_element(By.LINK_TEXT, "Your data").get_attribute("href")
    assert page.endswith("/account/data")
    browser.get(page)
    wait(browser).until(lambda d: "Download everything" in d.page_source)
    check_accessibility(browser, "integrations-your-data")

    # The download is his everything, as JSON, with his session's cookie.
    link = browser.find_element(By.LINK_TEXT, "Download my data (JSON)").get_attribute("href")
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    export = requests.get(link, cookies=cookies, timeout=10)
    assert export.status_code == 200 and "attachment" in export.headers["Content-Disposition"]
    records = export.json()["records"]
    assert records["account"][0]["name"] == "Oscar Lindqvist"
    assert "standups" in records and "applications" in records and len(records["coaching"]) == 1, "his coach"
    assert browser.find_element(By.LINK_TEXT, "My applications (CSV)")

    # A wrong address deletes nothing and says so beside the field.
    field = browser.find_element(By.ID, "field-email")
    field.send_keys("someone.else@example.org")
    browser.find_element(By.XPATH, "//button[normalize-space()='Delete my account']").click()
    wait(browser).until(expected_conditions.alert_is_present()).accept()
    wait(browser).until(lambda d: "nothing was deleted" in d.page_source)
    check_accessibility(browser, "integrations-your-data-refused")

    # His own address, confirmed: he is signed out, told, and cannot sign in again.
    field = browser.find_element(By.ID, "field-email")
    field.clear()
    field.send_keys(OSCAR)
    browser.find_element(By.XPATH, "//button[normalize-space()='Delete my account']").click()
    wait(browser).until(expected_conditions.alert_is_present()).accept()
    wait(browser).until(lambda d: "Your account is deleted" in d.page_source)
    assert requests.get(link, cookies=cookies, timeout=10, allow_redirects=False).status_code in (303, 401)
    browser.get(server + "/sign-in")
    browser.find_element(By.ID, "field-email").send_keys(OSCAR)
    browser.find_element(By.ID, "field-password").send_keys(DEMO_PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    wait(browser).until(lambda d: "/sign-in" in d.current_url and "field-email" in d.page_source)
    assert ".account-menu" not in browser.page_source and "account-menu" not in browser.page_source

    # The admin's record keeps when and what, and that its owner did it: nothing of him.
    sign_in(browser, server, "admin@demo.onward.example")
    browser.get(server + "/admin/deletions")
    table = browser.find_element(By.CSS_SELECTOR, "table").text
    assert "Graduate" in table and "Its owner" in table and "Oscar" not in browser.page_source
    check_accessibility(browser, "integrations-deletions")
