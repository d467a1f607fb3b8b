import os

from axe_selenium_python import Axe
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEMO_PASSWORD, PAGES, SCREENSHOTS


class PageWait(WebDriverWait):
    """A wait that reads an element of a page being replaced as "not yet": Selenium's stale
    element, and chromedriver's own word for it while a new page loads ("Node with given id does
    not belong to the document", a plain WebDriverException). Any other error still fails."""

    def until(self, method, message=""):
        def tolerant(driver):
            try:
                return method(driver)
            except StaleElementReferenceException:
                raise
            except WebDriverException as error:
                if "does not belong to the document" in str(error):
                    return False
                raise
        return super().until(tolerant, message)


def wait(driver):
    return PageWait(driver, 10, ignored_exceptions=[StaleElementReferenceException])


def sign_in(driver, base, email, password=DEMO_PASSWORD):
    driver.get(base + "/sign-in")
    driver.find_element(By.ID, "field-email").send_keys(email)
    driver.find_element(By.ID, "field-password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    wait(driver).until(lambda d: "/sign-in" not in d.current_url)


def sign_out(driver):
    driver.find_element(By.CSS_SELECTOR, ".account-menu summary").click()
    driver.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    wait(driver).until(lambda d: "/sign-in" in d.current_url)


def set_value(browser, field_id, value):
    """Date and time inputs take typed text in the browser's locale; set their value as a form would send it."""
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, field_id), value)


def check_accessibility(driver, name):
    """No serious or critical axe violations on the current page; keeps a screenshot, and the
    page's markup for the W3C Nu checker that CI runs over all of them after the walks."""
    os.makedirs(SCREENSHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))
    os.makedirs(PAGES, exist_ok=True)
    with open(os.path.join(PAGES, name + ".html"), "w", encoding="utf-8") as f:
        # The document as the browser holds it (a page reached by a form included); the
        # serialiser leaves out the doctype the server sent.
        f.write("<!DOCTYPE html>\n" + driver.page_source)
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{name}: " + "; ".join(f"{v['id']}: {v['help']} {[n['html'] for n in v['nodes']][:3]}" for v in bad)
