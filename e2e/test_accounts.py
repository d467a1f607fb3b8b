from selenium.webdriver.common.by import By

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
